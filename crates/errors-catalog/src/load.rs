//! Reading catalog files: the root, then its includes depth first, each file once.
//! Reports unreadable and missing files, TOML syntax errors and include cycles.
//!
//! Includes are followed with a worklist, not by recursion, so that no chain of
//! includes, however long, can exhaust the stack.

use std::collections::HashSet;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::lower::lower_file;
use crate::model::Catalog;
use crate::partial::Partial;
use crate::report::Diagnostics;
use crate::source::{Location, SourceFile};
use crate::valid;

/// Loads the catalog at `path`; `text` is its content when the caller already has it.
pub(crate) fn load(path: &Path, text: Option<String>) -> Result<Catalog, Diagnostics> {
    let mut loader = Loader {
        sink: Sink::default(),
        draft: Draft::new(),
        sources: Vec::new(),
        files: Vec::new(),
        chain: Vec::new(),
        on_chain: HashSet::new(),
        seen: HashSet::new(),
        complete: true,
    };
    let canonical = path.canonicalize().unwrap_or_else(|_| absolute(path));
    let text = match text {
        Some(text) => Ok(text),
        None => loader.read(path, None),
    };
    if let Ok(text) = text {
        loader.load_from_root(path.to_path_buf(), canonical, text);
    }
    let Loader {
        mut sink,
        draft,
        sources,
        files,
        complete,
        ..
    } = loader;
    let root = sources.first().map(|f| f.start());
    valid::validate(&draft, root, complete, &mut sink);
    let problems = sink.into_sorted();
    if problems.is_empty() {
        Ok(draft.into_catalog(files))
    } else {
        let partial = Partial::from_draft(&draft);
        Err(Diagnostics::new(problems, sources, partial))
    }
}

struct Loader {
    sink: Sink,
    draft: Draft,
    sources: Vec<Arc<SourceFile>>,
    /// Canonical paths of the files read, in load order.
    files: Vec<PathBuf>,
    /// The include chain of the file being loaded, root first: canonical and shown
    /// paths.
    chain: Vec<(PathBuf, PathBuf)>,
    /// The canonical paths on `chain`, for cycle detection.
    on_chain: HashSet<PathBuf>,
    /// The canonical paths of the files loaded, so that each is read once.
    seen: HashSet<PathBuf>,
    /// False once a file could not be read or parsed.
    complete: bool,
}

/// An `include` entry waiting to be loaded.
struct Include {
    /// The path as written.
    path: String,
    /// Where it is written.
    at: Location,
    /// The shown path of the file that includes it.
    from: PathBuf,
    /// How many files are on the include chain down to `from`, `from` included.
    depth: usize,
}

impl Loader {
    /// Reads a file; a failure is reported at `from` (the include entry) or at the
    /// start of the file itself for the root.
    fn read(&mut self, path: &Path, from: Option<&Location>) -> Result<String, ()> {
        let result = self.read_inner(path, from);
        self.complete &= result.is_ok();
        result
    }

    fn read_inner(&mut self, path: &Path, from: Option<&Location>) -> Result<String, ()> {
        let order = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
        let at = || {
            from.cloned()
                .unwrap_or_else(|| Location::file_start(path.into(), order))
        };
        // A device or a pipe (`/dev/zero`, a FIFO) could be read forever.
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            self.sink.push(
                Diagnostic::new(
                    at(),
                    format!(
                        "cannot read `{}`: it is not a regular file (a device, a pipe or a socket)",
                        absolute(path).display()
                    ),
                )
                .help("a catalog file is a text file; name one"),
            );
            return Err(());
        }
        let bytes = std::fs::read(path).map_err(|err| {
            let what = if from.is_some() {
                "the included file"
            } else {
                "the catalog file"
            };
            let message = format!(
                "cannot read {what} `{}`: {}",
                absolute(path).display(),
                describe(&err)
            );
            let help = (err.kind() == io::ErrorKind::NotFound).then(|| {
                if from.is_some() {
                    "include paths are relative to the file that includes them".to_owned()
                } else {
                    "check the path; it is resolved against the directory shown".to_owned()
                }
            });
            self.sink
                .push(Diagnostic::new(at(), message).help_opt(help));
        })?;
        String::from_utf8(bytes).map_err(|err| {
            let valid_up_to = err.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let file = SourceFile::new(path.into(), lossy, order);
            self.sink.push(
                Diagnostic::new(
                    file.location(valid_up_to..valid_up_to + 1),
                    "the catalog file is not valid UTF-8",
                )
                .help("save it as UTF-8"),
            );
        })
    }

    /// Loads the root file, then every file it includes, depth first in the order
    /// written (the order of errors in the model).
    fn load_from_root(&mut self, display: PathBuf, canonical: PathBuf, text: String) {
        let mut pending: Vec<Include> = Vec::new();
        self.seen.insert(canonical.clone());
        let includes = self.file(&display, canonical.clone(), text, true);
        self.descend(canonical, display, includes, &mut pending);
        while let Some(include) = pending.pop() {
            // Back to the chain of the file that holds this entry.
            for (left, _) in self.chain.drain(include.depth..) {
                self.on_chain.remove(&left);
            }
            let dir = include.from.parent().unwrap_or(Path::new(""));
            let path = normalize(&dir.join(&include.path));
            let Ok(text) = self.read(&path, Some(&include.at)) else {
                continue;
            };
            let canonical = path.canonicalize().unwrap_or_else(|_| absolute(&path));
            if self.on_chain.contains(&canonical) {
                self.report_cycle(&canonical, &path, include);
                continue;
            }
            if !self.seen.insert(canonical.clone()) {
                // Included again through another file: its errors are already in.
                continue;
            }
            let includes = self.file(&path, canonical.clone(), text, false);
            self.descend(canonical, path, includes, &mut pending);
        }
    }

    /// Puts a loaded file on the chain and its includes on the worklist, the first
    /// on top.
    fn descend(
        &mut self,
        canonical: PathBuf,
        display: PathBuf,
        includes: Vec<(String, Location)>,
        pending: &mut Vec<Include>,
    ) {
        self.on_chain.insert(canonical.clone());
        self.chain.push((canonical, display.clone()));
        let depth = self.chain.len();
        pending.extend(includes.into_iter().rev().map(|(path, at)| Include {
            path,
            at,
            from: display.clone(),
            depth,
        }));
    }

    fn report_cycle(&mut self, canonical: &Path, path: &Path, include: Include) {
        let start = self
            .chain
            .iter()
            .position(|(c, _)| c == canonical)
            .unwrap_or(0);
        let chain: Vec<String> = self.chain[start..]
            .iter()
            .map(|(_, shown)| shown.display().to_string())
            .chain(std::iter::once(path.display().to_string()))
            .collect();
        self.sink.push(
            Diagnostic::new(include.at, format!("include cycle: {}", chain.join(" -> ")))
                .help(format!("remove the include of `{}`", include.path)),
        );
    }

    /// Parses and lowers one file; returns its `include` entries (none when its
    /// TOML does not parse).
    fn file(
        &mut self,
        display: &Path,
        canonical: PathBuf,
        text: String,
        is_root: bool,
    ) -> Vec<(String, Location)> {
        let order = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
        let file = Arc::new(SourceFile::new(display.into(), text, order));
        self.sources.push(file.clone());
        self.files.push(canonical);

        let (table, errors) = DeTable::parse_recoverable(&file.text);
        if !errors.is_empty() {
            // A tree recovered from a syntax error would only add noise.
            self.complete = false;
            let mut errors = errors;
            errors.sort_by_key(|e| e.span().map(|s| s.start));
            for err in errors.iter().take(MAX_SYNTAX_ERRORS) {
                self.sink.push(syntax_error(&file, err));
            }
            if let Some(next) = errors.get(MAX_SYNTAX_ERRORS) {
                let more = errors.len() - MAX_SYNTAX_ERRORS;
                let at = next
                    .span()
                    .map_or_else(|| file.start(), |s| file.location(s));
                self.sink.push(
                    Diagnostic::new(at, format!("{more} more TOML syntax errors in this file"))
                        .help("fix the ones above first: the rest often follow from them"),
                );
            }
            return Vec::new();
        }
        lower_file(
            &file,
            table.get_ref(),
            is_root,
            &mut self.draft,
            &mut self.sink,
        )
    }
}

/// How many TOML syntax errors of one file are reported: past that, they are mostly
/// echoes of the first ones.
const MAX_SYNTAX_ERRORS: usize = 100;

/// A TOML syntax error, at its span (the start of the content when it has none).
fn syntax_error(file: &SourceFile, err: &toml::de::Error) -> Diagnostic {
    let span = err.span();
    let at = span
        .clone()
        .map_or_else(|| file.start(), |s| file.location(s));
    match err.message() {
        "duplicate key" => {
            let key = span
                .and_then(|s| file.text.get(s))
                .unwrap_or_default()
                .trim();
            Diagnostic::new(at, format!("TOML syntax error: `{key}` is defined twice"))
                .help("a key, or a table header, can appear once per table; merge the two")
        }
        "recursion limit" | "cannot recurse further; max recursion depth met" => Diagnostic::new(
            at,
            "TOML syntax error: arrays, inline tables or dotted keys are nested deeper than the TOML parser allows",
        )
        .help("nest them less deeply; a catalog needs a few levels at most"),
        message => Diagnostic::new(at, format!("TOML syntax error: {message}")),
    }
}

fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => err.to_string(),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Removes `.` components and folds `dir/..`, without touching the file system, so
/// that an included file is shown as `errors/common.toml`, not `./errors/../errors/common.toml`.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(
            normalize(Path::new("./a/./b/../c.toml")),
            Path::new("a/c.toml")
        );
        assert_eq!(normalize(Path::new("../x.toml")), Path::new("../x.toml"));
        assert_eq!(normalize(Path::new("/r/a/../../b")), Path::new("/b"));
    }
}
