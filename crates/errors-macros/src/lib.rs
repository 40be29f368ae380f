//! The procedural macros of `errors-runtime`; use them through that crate:
//! `errors_runtime::catalog!` and `#[derive(errors_runtime::Catalog)]`.
//!
//! This crate is thin: it resolves the catalog path, loads and validates the catalog
//! with `errors-catalog`, and turns the result into code (`expand.rs`) or into
//! `compile_error!`s that point at the catalog's `path:line:column`.

#![forbid(unsafe_code)]

mod attr;
mod ctxt;
mod define;
mod derive;
mod docs;
mod expand;
mod fmt;
mod load;
mod matching;
mod metadata;
mod plan;
mod skeleton;
mod split;
mod types;

use proc_macro::TokenStream;

/// Generates the error types of a catalog.
///
/// ```text
/// errors_runtime::catalog!("catalog.toml");
/// ```
///
/// The path is relative to `CARGO_MANIFEST_DIR`; when no file is there, it is looked
/// for beside the source file that invokes the macro (as `include_str!` does).
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    load::catalog_macro(input.into(), invoking_file()).into()
}

/// Derives the catalog API for a hand-written enum, checked against the catalog.
///
/// ```text
/// #[derive(Debug, errors_runtime::Catalog)]
/// #[catalog(path = "catalog.toml")]
/// pub enum ApiError { /* one variant per code */ }
/// ```
#[proc_macro_derive(Catalog, attributes(catalog, source, from))]
pub fn derive_catalog(input: TokenStream) -> TokenStream {
    derive::derive(input.into(), invoking_file()).into()
}

/// The source file the macro is invoked in, for paths beside it.
fn invoking_file() -> Option<std::path::PathBuf> {
    proc_macro::Span::call_site().local_file()
}
