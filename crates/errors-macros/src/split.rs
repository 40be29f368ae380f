//! Large `match`es split into functions of at most [`CHUNK`] arms.
//!
//! rustc's type and borrow checking of one function grow faster than the function:
//! a `Display` `match` of 10,000 arms that bind fields took 17 times as long to check
//! as one of 1,000 arms, and the derived `Debug`/`Clone`/`PartialEq` 24 times
//! (BENCHMARKS.md). Past [`CHUNK`] variants, each per-variant `match` becomes a
//! dispatch on the code's index to helper functions of [`CHUNK`] variants each, which
//! rustc checks in time close to linear in the variants (not quite: BENCHMARKS.md).
//! Catalogs of up to [`CHUNK`] codes get the single `match` one would write by hand.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Variants per generated function.
pub(crate) const CHUNK: usize = 1024;

/// A function whose body is a `match` with an arm per variant (or some variants).
pub(crate) struct Match<'a> {
    /// Base name of the helper functions: `__catalog_{name}_{chunk}`.
    pub(crate) name: &'a str,
    /// The helpers' generic parameters, e.g. `<M: SerializeMap>`; usually empty.
    pub(crate) generics: TokenStream,
    /// The helpers' parameters, e.g. `&self, __f: &mut Formatter<'_>`.
    pub(crate) inputs: TokenStream,
    /// The helpers' return type.
    pub(crate) output: TokenStream,
    /// The arguments a call to a helper passes, e.g. `self, __f`.
    pub(crate) args: TokenStream,
    /// What is matched on: `self`, or `__code` for the decoder.
    pub(crate) scrutinee: TokenStream,
    /// The code of the value, whose index picks the helper: `Self::code(self)`.
    pub(crate) key: TokenStream,
    /// `#[inline]` on the helpers.
    pub(crate) inline: bool,
}

/// The body (an expression) and the helper functions, to be put in an inherent impl
/// of the enum with the caller's bounds (see [`helper_impl`]).
pub(crate) struct Split {
    pub(crate) body: TokenStream,
    pub(crate) helpers: Vec<TokenStream>,
}

impl<'a> Match<'a> {
    /// A method `name(&self, inputs) -> output` whose body is a `match self`, its
    /// callers passing `args` after `self`.
    pub(crate) fn on_self(
        name: &'a str,
        inputs: TokenStream,
        output: TokenStream,
        args: TokenStream,
    ) -> Self {
        Match {
            name,
            generics: TokenStream::new(),
            inputs: quote!(&self, #inputs),
            output,
            args: quote!(self, #args),
            scrutinee: quote!(self),
            key: quote!(Self::code(self)),
            inline: false,
        }
    }

    /// `arms` has one entry per variant, in plan order (the code enum's order, so that
    /// `code as usize` indexes it); `None` for a variant without an arm, which gets
    /// `fallback`. A `fallback` of `None` means every variant has an arm.
    pub(crate) fn build(
        &self,
        arms: Vec<Option<TokenStream>>,
        fallback: Option<TokenStream>,
    ) -> Split {
        let total = arms.len();
        let present = arms.iter().filter(|a| a.is_some()).count();
        let rest = fallback
            .clone()
            .unwrap_or_else(|| quote!(::core::unreachable!()));
        if present == 0
            && let Some(fallback) = fallback
        {
            return Split {
                body: fallback,
                helpers: Vec::new(),
            };
        }
        let scrutinee = &self.scrutinee;
        if total <= CHUNK {
            let arms = arms.into_iter().flatten();
            let rest = (present < total).then(|| quote!(_ => #rest,));
            return Split {
                body: quote!(match #scrutinee { #(#arms,)* #rest }),
                helpers: Vec::new(),
            };
        }
        let (generics, inputs, output, args) =
            (&self.generics, &self.inputs, &self.output, &self.args);
        let inline = self.inline.then(|| quote!(#[inline]));
        let mut helpers = Vec::new();
        let mut dispatch = Vec::new();
        for (index, chunk) in arms.chunks(CHUNK).enumerate() {
            let chunk_arms: Vec<_> = chunk.iter().flatten().collect();
            if chunk_arms.is_empty() {
                continue;
            }
            let name = format_ident!("__catalog_{}_{}", self.name, index);
            // Variants of other chunks never reach this helper; those of this one
            // without an arm get the fallback.
            helpers.push(quote! {
                #[doc(hidden)]
                #inline
                fn #name #generics (#inputs) -> #output {
                    match #scrutinee {
                        #(#chunk_arms,)*
                        _ => #rest,
                    }
                }
            });
            dispatch.push(quote!(#index => Self::#name(#args)));
        }
        let key = &self.key;
        Split {
            body: quote! {
                match (#key) as usize / #CHUNK {
                    #(#dispatch,)*
                    _ => #rest,
                }
            },
            helpers,
        }
    }
}

/// An inherent impl holding `helpers`, with the impl header `header` (e.g.
/// `impl<T> ApiError<T> where ...`); nothing when there are no helpers.
pub(crate) fn helper_impl(header: TokenStream, helpers: &[TokenStream]) -> TokenStream {
    if helpers.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #header {
            #(#helpers)*
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method() -> Match<'static> {
        Match::on_self("fmt", TokenStream::new(), quote!(u32), TokenStream::new())
    }

    fn arms(n: usize, with: impl Fn(usize) -> bool) -> Vec<Option<TokenStream>> {
        (0..n)
            .map(|i| with(i).then(|| quote!(Self::V { .. } => #i)))
            .collect()
    }

    #[test]
    fn up_to_a_chunk_is_one_match() {
        let split = method().build(arms(CHUNK, |_| true), None);
        assert!(split.helpers.is_empty());
        let body = split.body.to_string();
        assert!(body.starts_with("match self {"), "{body}");
        // Every variant has an arm: no wildcard to warn about.
        assert!(!body.contains("_ =>"), "{body}");
    }

    #[test]
    fn some_arms_get_the_fallback() {
        let split = method().build(arms(3, |i| i == 1), Some(quote!(7)));
        assert!(split.helpers.is_empty());
        assert!(split.body.to_string().ends_with("_ => 7 , }"));
        let none = method().build(arms(3, |_| false), Some(quote!(7)));
        assert_eq!(none.body.to_string(), "7");
    }

    #[test]
    fn past_a_chunk_dispatches_on_the_code() {
        // Three chunks; the middle one has no arm, so it gets no helper and falls
        // through to the fallback.
        let n = 2 * CHUNK + 5;
        let split = method().build(
            arms(n, |i| !(CHUNK..2 * CHUNK).contains(&i)),
            Some(quote!(0)),
        );
        assert_eq!(split.helpers.len(), 2);
        let body = split.body.to_string();
        assert!(
            body.starts_with("match (Self :: code (self)) as usize / 1024usize {"),
            "{body}"
        );
        assert!(
            body.contains("0usize => Self :: __catalog_fmt_0 (self ,)"),
            "{body}"
        );
        assert!(
            body.contains("2usize => Self :: __catalog_fmt_2 (self ,)"),
            "{body}"
        );
        assert!(!body.contains("__catalog_fmt_1"), "{body}");
        let last = split.helpers[1].to_string();
        assert!(
            last.contains("fn __catalog_fmt_2 (& self ,) -> u32"),
            "{last}"
        );
        assert_eq!(last.matches("Self :: V").count(), 5, "{last}");
    }
}
