//! The `catalog!` entry: find the file, load it, and expand it or report its problems.

use std::path::{Path, PathBuf};

use errors_catalog::{Catalog, Diagnostics};
use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::LitStr;

use crate::plan::Plan;
use crate::{define, expand, skeleton};

pub(crate) fn catalog_macro(input: TokenStream, source_file: Option<PathBuf>) -> TokenStream {
    let lit: LitStr = match syn::parse2(input) {
        Ok(lit) => lit,
        Err(err) => {
            let message = format!(
                "{err}: `catalog!` takes the path of the catalog file, e.g. `catalog!(\"catalog.toml\")`"
            );
            return syn::Error::new(err.span(), message).to_compile_error();
        }
    };
    let span = lit.span();
    match load(&lit, source_file.as_deref()) {
        Ok(catalog) => {
            let plan = Plan::from_catalog(&catalog, Span::call_site());
            let mut out = define::error_enum(&plan);
            out.extend(define::code_enum(&plan));
            out.extend(expand::impls(&plan, TokenStream::new()));
            out
        }
        Err(failure) => failure.into_tokens(span, true),
    }
}

/// Why a catalog could not be expanded.
pub(crate) enum Failure {
    /// The file was not found where the path says.
    NotFound(String),
    /// The catalog has problems.
    Invalid(Diagnostics),
}

impl Failure {
    /// One `compile_error!` per problem, at `span`, then (when `skeleton`) the types as
    /// far as they could be read, so that the user sees the catalog's problems rather
    /// than a cascade of unresolved names.
    pub(crate) fn into_tokens(self, span: Span, skeleton: bool) -> TokenStream {
        let messages: Vec<String> = match &self {
            Failure::NotFound(message) => vec![message.clone()],
            Failure::Invalid(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
        };
        let mut out: TokenStream = messages
            .iter()
            .map(|m| quote_spanned!(span=> ::core::compile_error!{ #m }))
            .collect();
        if let (true, Failure::Invalid(diagnostics)) = (skeleton, &self) {
            out.extend(skeleton::skeleton(diagnostics.partial()));
        }
        out
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
    let looked: Vec<String> = candidates
        .iter()
        .map(|(c, why)| format!("`{}` ({why})", c.display()))
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
