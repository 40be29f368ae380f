//! Syntax kept as the user wrote it. syn is built without its `printing` feature
//! (with `clone-impls`, about a quarter of syn's build, which is on the way to every
//! `catalog!` user's first build), so a node syn parsed cannot be printed back: each
//! one the expansion re-emits is parsed together with the tokens it was parsed from.
//! Those are the same tokens syn would print, with the user's spacing (`u8>>` stays
//! joined where syn would print `u8> >`).

use proc_macro2::{Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::buffer::Cursor;
use syn::parse::{Parse, ParseStream};

/// A parsed node and the tokens it was parsed from.
pub(crate) struct Written<T> {
    node: T,
    tokens: TokenStream,
}

impl<T> Written<T> {
    /// Parses a `T` with `parser`, keeping the tokens it took.
    pub(crate) fn parse_with(
        input: ParseStream<'_>,
        parser: fn(ParseStream<'_>) -> syn::Result<T>,
    ) -> syn::Result<Self> {
        let begin = input.cursor();
        let node = parser(input)?;
        Ok(Written {
            node,
            tokens: between(begin, input.cursor()),
        })
    }

    /// The node, as syn parsed it.
    pub(crate) fn node(&self) -> &T {
        &self.node
    }

    /// The tokens, as written.
    pub(crate) fn tokens(&self) -> &TokenStream {
        &self.tokens
    }

    /// The span of the first token: what syn's `Spanned` gives on stable Rust, where
    /// spans cannot be joined.
    pub(crate) fn span(&self) -> Span {
        first_span(&self.tokens)
    }
}

impl<T: Parse> Parse for Written<T> {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Written::parse_with(input, T::parse)
    }
}

impl<T> ToTokens for Written<T> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.tokens.clone());
    }
}

/// The tokens from `begin` up to `end`, a later cursor into the same buffer.
pub(crate) fn between(begin: Cursor<'_>, end: Cursor<'_>) -> TokenStream {
    let mut tokens = TokenStream::new();
    let mut cursor = begin;
    while cursor < end {
        let Some((tree, next)) = cursor.token_tree() else {
            break;
        };
        tokens.extend([tree]);
        cursor = next;
    }
    tokens
}

/// The span of the first of `tokens`, or the call site's when there are none.
fn first_span(tokens: &TokenStream) -> Span {
    tokens
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span())
}

/// The argument of a type written `path::Wrapper<T>` (one that `types::generic_of`
/// found): the tokens between the `<` that opens the last segment's arguments and
/// the `>` that closes the type. `None` when the tokens do not end so.
pub(crate) fn last_generic_argument(ty: &TokenStream) -> Option<TokenStream> {
    let tokens: Vec<TokenTree> = ty.clone().into_iter().collect();
    let is = |i: usize, c: char| matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == c);
    // The `>` of `->` (in `fn() -> T`) closes nothing.
    let arrow = |i: usize| {
        i > 0
            && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == '-' && p.spacing() == Spacing::Joint)
    };
    let last = tokens.len().checked_sub(1)?;
    if !is(last, '>') {
        return None;
    }
    let mut depth = 0usize;
    for i in (0..=last).rev() {
        if is(i, '>') && !arrow(i) {
            depth += 1;
        } else if is(i, '<') {
            depth -= 1;
            if depth == 0 {
                return Some(tokens[i + 1..last].iter().cloned().collect());
            }
        }
    }
    None
}
