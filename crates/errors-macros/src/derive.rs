//! `#[derive(Catalog)]`: a hand-written enum held to the catalog.

use std::path::PathBuf;

use proc_macro2::TokenStream;

pub(crate) fn derive(input: TokenStream, _source_file: Option<PathBuf>) -> TokenStream {
    syn::Error::new(proc_macro2::Span::call_site(), "derive mode is being built")
        .to_compile_error()
        .into_iter()
        .chain(input.into_iter().take(0))
        .collect()
}
