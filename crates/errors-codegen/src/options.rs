//! What an expansion needs beyond the catalog.

use std::fmt;

use proc_macro2::TokenStream;
use quote::quote;

/// What an expansion needs beyond the catalog.
///
/// ```
/// let options = errors_codegen::Options::new().runtime(quote::quote!(my_errors));
/// # let _ = options;
/// ```
#[derive(Clone)]
pub struct Options {
    /// The runtime's path as tokens: all an expansion does with it is print it.
    runtime: Option<TokenStream>,
    client: bool,
}

impl Options {
    /// The defaults: the runtime crate is `::errors_runtime`.
    pub fn new() -> Self {
        Options {
            runtime: None,
            client: false,
        }
    }

    /// The path generated code reaches the runtime crate by, for a crate that renames
    /// or re-exports it (`crate = my_errors` in the macros), as the tokens of a path.
    pub fn runtime(mut self, path: TokenStream) -> Self {
        self.runtime = Some(path);
        self
    }

    /// Generate a client's types: without the catalog's `internal` fields, which a
    /// server never sends, so that decoding invents no value for them (`client` in
    /// `catalog!`).
    pub fn client(mut self, client: bool) -> Self {
        self.client = client;
        self
    }

    /// Whether internal fields are left out.
    pub(crate) fn is_client(&self) -> bool {
        self.client
    }

    pub(crate) fn runtime_tokens(&self) -> TokenStream {
        match &self.runtime {
            Some(path) => path.clone(),
            None => quote!(::errors_runtime),
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options::new()
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("runtime", &self.runtime_tokens().to_string())
            .field("client", &self.client)
            .finish()
    }
}
