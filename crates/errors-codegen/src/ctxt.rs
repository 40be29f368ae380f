//! Collects every error of a derive before failing, so the user sees all problems at
//! once (the approach of serde_derive's `Ctxt`).

use proc_macro2::TokenStream;

#[derive(Default)]
pub(crate) struct Ctxt {
    errors: Option<syn::Error>,
}

impl Ctxt {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.errors {
            Some(all) => all.combine(error),
            None => self.errors = Some(error),
        }
    }

    pub(crate) fn error(&mut self, span: proc_macro2::Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Whether an error was reported.
    pub(crate) fn has_errors(&self) -> bool {
        self.errors.is_some()
    }

    /// The errors as `compile_error!`s, if there were any.
    pub(crate) fn into_tokens(self) -> Option<TokenStream> {
        self.errors.map(|e| e.to_compile_error())
    }
}
