//! The generics of a derived enum, as its impls print them: parameters without
//! their defaults after `impl`, their names after the enum's, and the where clause,
//! all from the user's own tokens (see `written.rs`). The output is token for token
//! what syn's `Generics::split_for_impl` prints.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::ParseStream;
use syn::{Token, token};

use crate::written::{Written, between};

/// A derived enum's generics; empty for a generated enum.
#[derive(Default)]
pub(crate) struct Generics {
    params: Vec<Param>,
    /// The where clause's predicates with their commas, as written.
    predicates: TokenStream,
    /// Whether the where clause has predicates, and whether the last has a comma.
    has_predicates: bool,
    trailing_comma: bool,
}

/// One generic parameter, as each place of an impl prints it.
struct Param {
    lifetime: bool,
    /// Attributes, name and bounds, without a default: after `impl`.
    declared: TokenStream,
    /// The name alone: after the enum's name.
    name: TokenStream,
    /// The type parameter's name (not a lifetime's nor a const's).
    type_name: Option<Ident>,
    /// Where the comma after it is written, if there is one.
    comma: Option<Span>,
}

impl Generics {
    /// Parses `<...>` (when there) after the enum's name.
    pub(crate) fn parse_params(input: ParseStream<'_>) -> syn::Result<Generics> {
        let mut generics = Generics::default();
        if !input.peek(Token![<]) {
            return Ok(generics);
        }
        input.parse::<Token![<]>()?;
        while !input.peek(Token![>]) {
            let mut param = parse_param(input)?;
            if input.peek(Token![>]) {
                generics.params.push(param);
                break;
            }
            param.comma = Some(input.parse::<Token![,]>()?.spans[0]);
            generics.params.push(param);
        }
        input.parse::<Token![>]>()?;
        Ok(generics)
    }

    /// Parses the where clause (when there) before the enum's braces.
    pub(crate) fn parse_where(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        if !input.peek(Token![where]) {
            return Ok(());
        }
        input.parse::<Token![where]>()?;
        let begin = input.cursor();
        while !input.peek(token::Brace) && !input.is_empty() {
            input.parse::<syn::WherePredicate>()?;
            self.has_predicates = true;
            self.trailing_comma = input.peek(Token![,]);
            if !self.trailing_comma {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        self.predicates = between(begin, input.cursor());
        Ok(())
    }

    /// Whether the enum has no generic parameters.
    pub(crate) fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// The type parameters' names.
    pub(crate) fn type_params(&self) -> impl Iterator<Item = &Ident> {
        self.params.iter().filter_map(|p| p.type_name.as_ref())
    }

    /// `<'a, T: Bound>`: after `impl`. Lifetimes come first, as syn prints them.
    pub(crate) fn impl_generics(&self) -> TokenStream {
        self.print(|p| &p.declared)
    }

    /// `<'a, T>`: after the enum's name.
    pub(crate) fn ty_generics(&self) -> TokenStream {
        self.print(|p| &p.name)
    }

    /// The where clause as written; nothing when it has no predicates.
    pub(crate) fn where_clause(&self) -> TokenStream {
        self.where_with(&[])
    }

    /// The where clause with `extra` predicates after the enum's own, as syn prints a
    /// copy of the generics the predicates are pushed to.
    pub(crate) fn where_with(&self, extra: &[TokenStream]) -> TokenStream {
        let own = &self.predicates;
        match (self.has_predicates, extra.is_empty()) {
            (false, true) => TokenStream::new(),
            (true, true) => quote!(where #own),
            (false, false) => quote!(where #(#extra),*),
            (true, false) if self.trailing_comma => quote!(where #own #(#extra),*),
            (true, false) => quote!(where #own, #(#extra),*),
        }
    }

    /// The parameters between `<` and `>`, lifetimes first, each printed by `part`
    /// with its comma as written, a comma added where the reordering needs one
    /// (syn's `ImplGenerics` and `TypeGenerics`).
    fn print(&self, part: fn(&Param) -> &TokenStream) -> TokenStream {
        if self.params.is_empty() {
            return TokenStream::new();
        }
        let mut tokens = quote!(<);
        let mut trailing_or_empty = true;
        for param in self.params.iter().filter(|p| p.lifetime) {
            tokens.extend(part(param).clone());
            tokens.extend(comma(param.comma));
            trailing_or_empty = param.comma.is_some();
        }
        for param in self.params.iter().filter(|p| !p.lifetime) {
            if !trailing_or_empty {
                tokens.extend(quote!(,));
                trailing_or_empty = true;
            }
            tokens.extend(part(param).clone());
            tokens.extend(comma(param.comma));
        }
        tokens.extend(quote!(>));
        tokens
    }
}

/// The comma written at `span`, if any.
fn comma(span: Option<Span>) -> TokenStream {
    span.map(|span| quote::quote_spanned!(span=> ,))
        .unwrap_or_default()
}

/// `#[attr] 'a: 'b`, `#[attr] T: Bound = Default` or `#[attr] const N: usize = 3`.
fn parse_param(input: ParseStream<'_>) -> syn::Result<Param> {
    let attrs = Written::parse_with(input, syn::Attribute::parse_outer)?;
    if input.peek(syn::Lifetime) {
        let lifetime: Written<syn::Lifetime> = input.parse()?;
        let bounds = parse_bounds(input, |input| input.parse::<syn::Lifetime>().map(drop))?;
        return Ok(Param {
            lifetime: true,
            declared: quote!(#attrs #lifetime #bounds),
            name: lifetime.tokens().clone(),
            type_name: None,
            comma: None,
        });
    }
    if input.peek(Token![const]) {
        let const_token = Written::parse_with(input, |input| input.parse::<Token![const]>())?;
        let ident: Ident = input.parse()?;
        let colon = Written::parse_with(input, |input| input.parse::<Token![:]>())?;
        let ty: Written<syn::Type> = input.parse()?;
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            skip_default(input)?;
        }
        return Ok(Param {
            lifetime: false,
            declared: quote!(#attrs #const_token #ident #colon #ty),
            name: ident.to_token_stream(),
            type_name: None,
            comma: None,
        });
    }
    let ident: Ident = input.parse()?;
    let bounds = parse_bounds(input, |input| {
        input.parse::<syn::TypeParamBound>().map(drop)
    })?;
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        input.parse::<syn::Type>()?;
    }
    Ok(Param {
        lifetime: false,
        declared: quote!(#attrs #ident #bounds),
        name: ident.to_token_stream(),
        type_name: Some(ident),
        comma: None,
    })
}

/// `: A + B` after a parameter's name, as written; nothing when there are no bounds
/// (syn prints no colon then).
fn parse_bounds(
    input: ParseStream<'_>,
    bound: fn(ParseStream<'_>) -> syn::Result<()>,
) -> syn::Result<TokenStream> {
    if !input.peek(Token![:]) {
        return Ok(TokenStream::new());
    }
    let begin = input.cursor();
    input.parse::<Token![:]>()?;
    let mut any = false;
    while !(input.peek(Token![,]) || input.peek(Token![>]) || input.peek(Token![=])) {
        bound(input)?;
        any = true;
        if !input.peek(Token![+]) {
            break;
        }
        input.parse::<Token![+]>()?;
    }
    Ok(if any {
        between(begin, input.cursor())
    } else {
        TokenStream::new()
    })
}

/// A const parameter's default: a literal, a path or a block, up to the next `,`
/// or `>`. Impls leave it off.
fn skip_default(input: ParseStream<'_>) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if let proc_macro2::TokenTree::Punct(p) = &tree
                && matches!(p.as_char(), ',' | '>')
            {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::{ToTokens, quote};

    use crate::input::DeriveInput;

    /// The tokens' texts, groups opened: equal for equal tokens whatever their
    /// spacing (ours keep the user's, `u8>>`; syn prints `u8> >`, the same tokens).
    fn texts(tokens: TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(g) => {
                    out.push(format!("{:?}(", g.delimiter()));
                    out.extend(texts(g.stream()));
                    out.push(")".to_owned());
                }
                other => out.push(other.to_string()),
            }
        }
        out
    }

    /// Our printing of `enum_src`'s generics against syn's own (its `printing` feature
    /// is on for tests): impl generics, type generics, the where clause, and the where
    /// clause with predicates added.
    fn check(enum_src: &str) {
        let tokens: TokenStream = enum_src.parse().unwrap();
        let DeriveInput::Enum(ours) = syn::parse2(tokens.clone()).unwrap() else {
            panic!("not an enum: {enum_src}");
        };
        let theirs: syn::DeriveInput = syn::parse2(tokens).unwrap();
        let (impl_generics, ty_generics, where_clause) = theirs.generics.split_for_impl();
        let ours = &ours.generics;
        assert_eq!(
            texts(ours.impl_generics()),
            texts(impl_generics.to_token_stream()),
            "{enum_src}"
        );
        assert_eq!(
            texts(ours.ty_generics()),
            texts(ty_generics.to_token_stream()),
            "{enum_src}"
        );
        assert_eq!(
            texts(ours.where_clause()),
            texts(where_clause.to_token_stream()),
            "{enum_src}"
        );
        let mut pushed = theirs.generics.clone();
        let extra = [quote!(Self: Debug), quote!(T: Default)];
        for predicate in &extra {
            pushed
                .make_where_clause()
                .predicates
                .push(syn::parse2(predicate.clone()).unwrap());
        }
        assert_eq!(
            texts(ours.where_with(&extra)),
            texts(pushed.where_clause.to_token_stream()),
            "{enum_src}"
        );
    }

    #[test]
    fn generics_print_as_syn_prints_them() {
        for enum_src in [
            "enum E { A }",
            "enum E<T> { A(T) }",
            "enum E<'a, T: Clone + 'a = u8, const N: usize = 3> where T: Default, { A }",
            "enum E<T, 'a: 'b, 'b, U> { A }",
            "enum E<T, 'a,> { A }",
            "enum E<#[cfg(all())] T: ?Sized, U,> where U: Fn(u8) -> u8 { A }",
            "enum E<T: Iterator<Item = u8>> where Vec<T>: Clone { A }",
            "enum E<'a:, T:> where { A }",
            "enum E<const N: usize = { 1 + 2 }, T = [u8; 4]> { A }",
        ] {
            check(enum_src);
        }
    }

    #[test]
    fn the_argument_of_a_wrapper_type() {
        use crate::written::last_generic_argument;
        for (ty, arg) in [
            ("Option<E>", Some("E")),
            (
                "Option<Box<dyn std::error::Error + Send>>",
                Some("Box<dyn std::error::Error + Send>"),
            ),
            ("std::option::Option<fn() -> u8>", Some("fn() -> u8")),
            ("Option<Vec<Option<u8>>>", Some("Vec<Option<u8>>")),
            ("E", None),
        ] {
            let ty: TokenStream = ty.parse().unwrap();
            let arg = arg.map(|a| a.parse::<TokenStream>().unwrap().to_string());
            assert_eq!(
                last_generic_argument(&ty).map(|a| a.to_string()),
                arg,
                "{ty}"
            );
        }
    }
}
