//! The code generation behind `errors_runtime::catalog!` and
//! `#[derive(errors_runtime::Catalog)]`, as an ordinary library.
//!
//! `errors-macros` is a thin proc-macro entry point over this crate, as `pest_derive`
//! is over `pest_generator`; tools that need the expansion outside a compiler (the
//! compile-time benchmarks, code generators, tests of the expansion itself) call it
//! directly. It turns an [`errors_catalog::Catalog`] (and, for the derive, the user's
//! enum) into tokens:
//!
//! ```
//! let catalog = errors_catalog::Catalog::from_str(
//!     "catalog.toml",
//!     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"No such thing.\"\n",
//! )
//! .unwrap();
//! let tokens = errors_codegen::expand_catalog(&catalog, &errors_codegen::Options::new());
//! let code = tokens.to_string();
//! assert!(code.contains("pub enum ApiError"));
//! assert!(code.contains("pub enum ApiErrorCode"));
//! ```
//!
//! The entry points [`catalog_macro`] and [`derive_catalog`] do what the macros do,
//! errors included: a catalog with problems gives one `compile_error!` per problem,
//! each starting `path:line:column:`, beside the expansion of what could be read
//! (placeholder data elsewhere), so that the user sees only the real problems.
//!
//! The module layout: `plan` (the enum to generate, variant by variant: the one model
//! every later stage reads), `matching` (the derive's checks, producing a plan),
//! `attr` (the derive's attributes), `define` (type definitions), `expand` (the impls),
//! `metadata` (the static metadata table), `split` (large `match`es split into
//! functions), `types` (detail types in Rust), `fmt` (message templates as `Display`),
//! `docs` (rustdoc), `load` (finding the catalog file).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod attr;
mod catalog_macro;
mod ctxt;
mod define;
mod derive;
mod docs;
mod expand;
mod fmt;
mod generics;
mod input;
mod load;
mod matching;
mod metadata;
mod options;
mod pieces;
mod plan;
mod split;
mod subset;
mod types;
mod written;

use std::path::Path;

use errors_catalog::Catalog;
use proc_macro2::TokenStream;

pub use options::Options;
pub use split::SPLIT_ABOVE;

/// What `catalog!` generates for a valid catalog: the error enum, the code enum and
/// every impl of the catalog API.
pub fn expand_catalog(catalog: &Catalog, options: &Options) -> TokenStream {
    expand::catalog(catalog, options, false)
}

/// The whole of `catalog!`: `input` is the macro's input (`"catalog.toml"`, then
/// options such as `crate = my_errors`), `source_file` the file that invokes it (the
/// second place the catalog is looked for, after `CARGO_MANIFEST_DIR`).
pub fn catalog_macro(input: TokenStream, source_file: Option<&Path>) -> TokenStream {
    catalog_macro::catalog_macro(input, source_file)
}

/// The whole of the runtime's hidden `__subset!`, which the `<name>_subset!` macro of
/// `catalog!` calls: `input` is `[path client runtime]` then the user's
/// `vis Name = CODE | CODE`; the output is the subset enum and its impls.
pub fn subset_macro(input: TokenStream) -> TokenStream {
    subset::subset_macro(input)
}

/// The whole of `#[derive(Catalog)]`: `input` is the enum, `source_file` the file that
/// declares it.
pub fn derive_catalog(input: TokenStream, source_file: Option<&Path>) -> TokenStream {
    derive::derive(input, source_file, &Options::new())
}
