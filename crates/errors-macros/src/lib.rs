//! The procedural macros of `errors-runtime`; use them through that crate:
//! `errors_runtime::catalog!` and `#[derive(errors_runtime::Catalog)]`.
//!
//! A thin entry point: the code generation is the `errors-codegen` library, which
//! tools can call too.

#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Generates the error types of a catalog.
///
/// ```text
/// errors_runtime::catalog!("catalog.toml");
/// errors_runtime::catalog!("catalog.toml", crate = my_errors); // the runtime renamed
/// ```
///
/// The path is relative to `CARGO_MANIFEST_DIR`; when no file is there, it is looked
/// for beside the source file that invokes the macro (as `include_str!` does).
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    errors_codegen::catalog_macro(input.into(), invoking_file().as_deref()).into()
}

/// What the `<name>_subset!` macro of `catalog!` calls: a subset enum of some of
/// the catalog's codes. Not a public API: use the generated macro.
#[doc(hidden)]
#[proc_macro]
pub fn __subset(input: TokenStream) -> TokenStream {
    errors_codegen::subset_macro(input.into()).into()
}

/// Derives the catalog API for a hand-written enum, checked against the catalog.
///
/// ```text
/// #[derive(Debug, errors_runtime::Catalog)]
/// #[catalog(path = "catalog.toml")]            // also: crate = "my_errors"
/// pub enum ApiError { /* one variant per code */ }
/// ```
#[proc_macro_derive(Catalog, attributes(catalog, source, from))]
pub fn derive_catalog(input: TokenStream) -> TokenStream {
    errors_codegen::derive_catalog(input.into(), invoking_file().as_deref()).into()
}

/// The source file the macro is invoked in, for paths beside it.
fn invoking_file() -> Option<std::path::PathBuf> {
    proc_macro::Span::call_site().local_file()
}
