//! Finding and loading the catalog a macro names.

use std::path::{Path, PathBuf};

use errors_catalog::{Catalog, Diagnostics, Partial};
use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::LitStr;

/// Why a catalog could not be expanded.
pub(crate) enum Failure {
    /// The file was not found where the path says.
    NotFound(String),
    /// The catalog has problems.
    Invalid(Diagnostics),
}

impl Failure {
    /// One message per problem, each starting `path:line:column:`.
    pub(crate) fn messages(&self) -> Vec<String> {
        match self {
            Failure::NotFound(message) => vec![message.clone()],
            Failure::Invalid(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    /// One `compile_error!` per problem, at `span`.
    pub(crate) fn to_errors(&self, span: Span) -> TokenStream {
        self.messages()
            .iter()
            .map(|m| quote_spanned!(span=> ::core::compile_error!{ #m }))
            .collect()
    }

    /// A valid catalog of what could be read, with placeholder data: expanded beside
    /// the errors, so that code using the types adds no errors of its own.
    pub(crate) fn placeholder(&self) -> Catalog {
        match self {
            Failure::NotFound(_) => Partial::default().placeholder_catalog(),
            Failure::Invalid(diagnostics) => diagnostics.partial().placeholder_catalog(),
        }
    }
}

/// Resolves and loads the catalog a macro names.
pub(crate) fn load(lit: &LitStr, source_file: Option<&Path>) -> Result<Catalog, Failure> {
    let path = resolve(&lit.value(), source_file)?;
    Catalog::load(&path).map_err(Failure::Invalid)
}

/// The path is relative to `CARGO_MANIFEST_DIR` (SPEC section 1); when no file is
/// there, it is looked for beside the invoking source file, as `include_str!` does.
/// That second place serves catalogs kept next to the module that uses them, and test
/// harnesses such as trybuild that compile a file in another crate's directory.
///
/// The returned path is relative to the working directory when it is inside it, as
/// rustc's own paths are, so diagnostics print `crates/api/catalog.toml:3:9:`.
fn resolve(written: &str, source_file: Option<&Path>) -> Result<PathBuf, Failure> {
    let path = Path::new(written);
    let cwd = std::env::current_dir().ok();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let mut candidates = Vec::new();
    if path.is_absolute() {
        candidates.push((path.to_path_buf(), "absolute".to_owned()));
    } else {
        if let Some(dir) = &manifest_dir {
            candidates.push((dir.join(path), "relative to CARGO_MANIFEST_DIR".to_owned()));
        }
        if let Some(file) = source_file {
            let file = match &cwd {
                Some(cwd) if file.is_relative() => cwd.join(file),
                _ => file.to_path_buf(),
            };
            if let Some(dir) = file.parent() {
                candidates.push((
                    dir.join(path),
                    format!("beside {}", shown(&file, cwd.as_deref()).display()),
                ));
            }
        }
    }
    if let Some((found, _)) = candidates.iter().find(|(c, _)| c.is_file()) {
        return Ok(shown(found, cwd.as_deref()));
    }
    let first = candidates
        .first()
        .map_or_else(|| path.to_path_buf(), |(c, _)| shown(c, cwd.as_deref()));
    // Relative to the working directory where inside it, as rustc prints paths: the
    // message does not depend on where cargo keeps its build.
    let looked: Vec<String> = candidates
        .iter()
        .map(|(c, why)| format!("`{}` ({why})", shown(c, cwd.as_deref()).display()))
        .collect();
    Err(Failure::NotFound(format!(
        "{}:1:1: cannot read the catalog file `{written}`: no such file; looked for {}",
        first.display(),
        if looked.is_empty() {
            "it nowhere: CARGO_MANIFEST_DIR is not set".to_owned()
        } else {
            looked.join(" and ")
        }
    )))
}

/// `path` relative to `cwd` when inside it.
fn shown(path: &Path, cwd: Option<&Path>) -> PathBuf {
    cwd.and_then(|cwd| path.strip_prefix(cwd).ok())
        .filter(|rel| !rel.as_os_str().is_empty())
        .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
}
