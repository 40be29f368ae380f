//! Reading catalog files: the root, then its includes depth first, each file once.
//! Reports unreadable and missing files, TOML syntax errors and include cycles.

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
        stack: Vec::new(),
        seen: HashSet::new(),
        complete: true,
    };
    let canonical = path.canonicalize().unwrap_or_else(|_| absolute(path));
    let text = match text {
        Some(text) => Ok(text),
        None => loader.read(path, None),
    };
    if let Ok(text) = text {
        loader.file(path.to_path_buf(), canonical, text, true);
    }
    let Loader {
        mut sink,
        draft,
        sources,
        files,
        complete,
        ..
    } = loader;
    let root = sources.first().map(|f| f.location(0..0));
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
    /// The include chain being loaded, for cycle detection.
    stack: Vec<(PathBuf, PathBuf)>,
    seen: HashSet<PathBuf>,
    /// False once a file could not be read or parsed.
    complete: bool,
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
        let bytes = std::fs::read(path).map_err(|err| {
            let at = from
                .cloned()
                .unwrap_or_else(|| Location::file_start(path.into(), order));
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
            self.sink.push(Diagnostic::new(at, message).help_opt(help));
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

    fn file(&mut self, display: PathBuf, canonical: PathBuf, text: String, is_root: bool) {
        let order = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
        let file = Arc::new(SourceFile::new(display.as_path().into(), text, order));
        self.sources.push(file.clone());
        self.files.push(canonical.clone());
        self.seen.insert(canonical.clone());

        let (table, errors) = DeTable::parse_recoverable(&file.text);
        if !errors.is_empty() {
            // A tree recovered from a syntax error would only add noise.
            self.complete = false;
            for err in errors {
                let span = err.span().unwrap_or(0..0);
                let at = file.location(span.clone());
                let diagnostic = if err.message() == "duplicate key" {
                    let key = file.text.get(span).unwrap_or_default().trim();
                    Diagnostic::new(at, format!("TOML syntax error: `{key}` is defined twice"))
                        .help("a key, or a table header, can appear once per table; merge the two")
                } else {
                    Diagnostic::new(at, format!("TOML syntax error: {}", err.message()))
                };
                self.sink.push(diagnostic);
            }
            return;
        }
        let includes = lower_file(
            &file,
            table.get_ref(),
            is_root,
            &mut self.draft,
            &mut self.sink,
        );

        self.stack.push((canonical, display.clone()));
        for (include, at) in includes {
            let dir = display.parent().unwrap_or(Path::new(""));
            let path = normalize(&dir.join(&include));
            let Ok(text) = self.read(&path, Some(&at)) else {
                continue;
            };
            let canonical = path.canonicalize().unwrap_or_else(|_| absolute(&path));
            if let Some(start) = self.stack.iter().position(|(c, _)| *c == canonical) {
                let chain: Vec<String> = self.stack[start..]
                    .iter()
                    .map(|(_, shown)| shown.display().to_string())
                    .chain(std::iter::once(path.display().to_string()))
                    .collect();
                self.sink.push(
                    Diagnostic::new(at, format!("include cycle: {}", chain.join(" -> ")))
                        .help(format!("remove the include of `{include}`")),
                );
                continue;
            }
            if self.seen.contains(&canonical) {
                // Included again through another file: its errors are already in.
                continue;
            }
            self.file(path, canonical, text, false);
        }
        self.stack.pop();
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
