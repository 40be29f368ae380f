//! The derive's input: the user's enum as the matching reads it, with the tokens the
//! expansion re-emits (its visibility, generics and field types) kept as written.
//! syn's `DeriveInput` holds the same, but can be printed back only with syn's
//! `printing` feature, which the build of every user would pay for.

use proc_macro2::{Ident, TokenStream};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Token, token};

use crate::generics::Generics;
use crate::written::Written;

/// What `#[derive(Catalog)]` is given.
pub(crate) enum DeriveInput {
    Enum(EnumInput),
    /// A struct or a union, named: the derive is for enums.
    Other(Ident),
}

pub(crate) struct EnumInput {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: TokenStream,
    pub(crate) ident: Ident,
    pub(crate) generics: Generics,
    pub(crate) variants: Vec<Variant>,
}

pub(crate) struct Variant {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) ident: Ident,
    /// Whether the variant is written without braces or parentheses.
    pub(crate) unit: bool,
    pub(crate) fields: Vec<Field>,
}

pub(crate) struct Field {
    pub(crate) attrs: Vec<Attribute>,
    /// The name; `None` in a tuple variant.
    pub(crate) ident: Option<Ident>,
    pub(crate) ty: Written<syn::Type>,
}

impl Parse for DeriveInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Written<syn::Visibility> = input.parse()?;
        if !input.peek(Token![enum]) {
            // `struct Name` or `union Name` (rustc has checked the item's syntax;
            // `union` is not a keyword).
            if input.peek(Token![struct]) {
                input.parse::<Token![struct]>()?;
            } else {
                input.parse::<Ident>()?;
            }
            let ident = input.parse()?;
            input.parse::<TokenStream>()?;
            return Ok(DeriveInput::Other(ident));
        }
        input.parse::<Token![enum]>()?;
        let ident = input.parse()?;
        let mut generics = Generics::parse_params(input)?;
        generics.parse_where(input)?;
        let content;
        syn::braced!(content in input);
        let variants = Punctuated::<Variant, Token![,]>::parse_terminated(&content)?;
        Ok(DeriveInput::Enum(EnumInput {
            attrs,
            vis: vis.into_token_stream(),
            ident,
            generics,
            variants: variants.into_iter().collect(),
        }))
    }
}

impl Parse for Variant {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        // rustc rejects a visibility here; syn's own parser skips it too.
        input.parse::<syn::Visibility>()?;
        let ident = input.parse()?;
        let (unit, fields) = if input.peek(token::Brace) {
            let content;
            syn::braced!(content in input);
            (false, fields(&content, true)?)
        } else if input.peek(token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            (false, fields(&content, false)?)
        } else {
            (true, Vec::new())
        };
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            input.parse::<syn::Expr>()?;
        }
        Ok(Variant {
            attrs,
            ident,
            unit,
            fields,
        })
    }
}

/// The fields inside a variant's braces (`named`) or parentheses.
fn fields(input: ParseStream<'_>, named: bool) -> syn::Result<Vec<Field>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let attrs = input.call(Attribute::parse_outer)?;
        input.parse::<syn::Visibility>()?;
        let ident = if named {
            let ident = input.parse()?;
            input.parse::<Token![:]>()?;
            Some(ident)
        } else {
            None
        };
        let ty = input.parse()?;
        out.push(Field { attrs, ident, ty });
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(out)
}
