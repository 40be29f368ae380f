//! Per-route error types: `catalog!` generates a small `<name>_subset!` macro beside
//! the error type (`api_error_subset!`), which hands the catalog's path and options
//! to the runtime's `__subset!`, which calls [`subset_macro`]:
//!
//! ```text
//! api_error_subset!(pub BookingErrors = SESSION_NOT_FOUND | SESSION_FULL);
//! ```
//!
//! defines `pub enum BookingErrors { SessionNotFound { .. }, SessionFull { .. } }` with
//! the very variants (fields, types, docs) of the catalog's enum, so a handler can
//! only construct those codes; a code the catalog does not have is a compile error at
//! that code. The impls are `From<BookingErrors>` for the error type (so `?`
//! converts), `TryFrom` back, `code()`, `CODES`, `Display`, `std::error::Error`, and
//! whatever the runtime's features add (`__subset_impls!`: `IntoResponse`,
//! `ToSchema`, `IntoResponses`, `OperationOutput`).

use std::collections::BTreeSet;

use errors_catalog::Catalog;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitBool, LitStr, Token, Visibility};

use crate::docs;
use crate::plan::{Plan, Shape};
use crate::types::field_type;
use crate::written::Written;

/// The `macro_rules!` that `catalog!` generates beside the error type. It names the
/// catalog's file, which `__subset!` reads again; beside errors (the skeleton, whose
/// catalog is a placeholder) it names none, and a subset is one clear error.
pub(crate) fn subset_macro_rules(plan: &Plan<'_>, client: bool) -> TokenStream {
    let path = match plan.catalog.files.first().and_then(|p| p.to_str()) {
        Some(path) if !plan.skeleton => path,
        _ => "",
    };
    let rt = &plan.rt;
    let name = format_ident!(
        "{}_subset",
        errors_catalog::naming::snake_case(&plan.ident.to_string())
    );
    let doc = format!(
        "Declares a subset of [`{0}`]: an enum of some of its codes, for a route that \
         can return only those (`{name}!(pub RouteErrors = CODE_A | CODE_B);`). It \
         converts into `{0}` with `?`; with the runtime's `axum`, `utoipa` and `aide` \
         features it is a response and documents only its codes plus the layer's own \
         answers.",
        plan.ident
    );
    quote! {
        #[doc = #doc]
        #[allow(unused_macros)]
        macro_rules! #name {
            ($($input:tt)*) => {
                #rt::__subset! { [#path #client #rt] $($input)* }
            };
        }
        #[allow(unused_imports)]
        pub(crate) use #name;
    }
}

/// `[path client rt] #[attrs] vis Name = CODE | CODE`.
struct Input {
    path: LitStr,
    client: bool,
    rt: Written<syn::Path>,
    attrs: Written<Vec<Attribute>>,
    vis: Written<Visibility>,
    name: Ident,
    codes: Vec<Ident>,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let head;
        syn::bracketed!(head in input);
        let path: LitStr = head.parse()?;
        let client: LitBool = head.parse()?;
        let rt = Written::parse_with(&head, syn::Path::parse_mod_style)?;
        let attrs = Written::parse_with(input, Attribute::parse_outer)?;
        let vis: Written<Visibility> = input.parse()?;
        let name: Ident = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the subset's name: `api_error_subset!(pub RouteErrors = CODE_A | CODE_B);`",
            )
        })?;
        input.parse::<Token![=]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `=` and the subset's codes, separated by `|`",
            )
        })?;
        let mut codes = vec![input.call(Ident::parse_any_code)?];
        while input.peek(Token![|]) {
            input.parse::<Token![|]>()?;
            codes.push(input.call(Ident::parse_any_code)?);
        }
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("expected `|` and another code, or the end of the subset"));
        }
        Ok(Input {
            path,
            client: client.value,
            rt,
            attrs,
            vis,
            name,
            codes,
        })
    }
}

trait ParseCode {
    fn parse_any_code(input: ParseStream<'_>) -> syn::Result<Ident>;
}

impl ParseCode for Ident {
    /// A code: an identifier, keywords included (`type` in a snake_case catalog).
    fn parse_any_code(input: ParseStream<'_>) -> syn::Result<Ident> {
        syn::ext::IdentExt::parse_any(input)
            .map_err(|e| syn::Error::new(e.span(), "expected a code of the catalog"))
    }
}

/// The whole of `__subset!`: the subset enum and its impls.
pub(crate) fn subset_macro(input: TokenStream) -> TokenStream {
    let input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let path = input.path.value();
    let loaded = (!path.is_empty()).then(|| Catalog::load(&path));
    let catalog = match loaded {
        Some(Ok(catalog)) => catalog,
        _ => {
            let message = "the catalog of this subset has problems (see the errors of `catalog!`): no subset can be made of it until they are fixed";
            return quote_spanned!(input.name.span()=> ::core::compile_error!(#message);)
                .into_iter()
                .collect();
        }
    };
    let rt = &input.rt;
    let mut plan = Plan::from_catalog(&catalog, quote!(#rt), Span::call_site());
    if input.client {
        plan.leave_out_internal_fields();
    }
    expand(&plan, &input)
}

fn expand(plan: &Plan<'_>, input: &Input) -> TokenStream {
    let rt = &plan.rt;
    let (err, code) = (&plan.ident, &plan.code_ident);
    let name = &input.name;
    let vis = &input.vis;
    let mut errors = TokenStream::new();
    let mut seen = BTreeSet::new();
    let mut variants = Vec::new();
    for ident in &input.codes {
        let text = ident.to_string();
        let found = plan.variants.iter().find(|v| v.def.code == text);
        match found {
            Some(_) if !seen.insert(text.clone()) => {
                let message = format!("`{text}` is named twice in the subset `{name}`");
                errors.extend(quote_spanned!(ident.span()=> ::core::compile_error!(#message);));
            }
            Some(v) => variants.push(v),
            None => {
                let alias = plan.variants.iter().find(|v| v.def.aliases.contains(&text));
                let hint = match alias {
                    Some(v) => format!("; it is an alias of `{}`: name that code", v.def.code),
                    None => errors_catalog::suggest::did_you_mean(
                        &text,
                        plan.variants.iter().map(|v| v.def.code.as_str()),
                    )
                    .map_or_else(String::new, |s| format!("; did you mean `{s}`?")),
                };
                let message = format!("`{text}` is not a code of the catalog of `{err}`{hint}");
                errors.extend(quote_spanned!(ident.span()=> ::core::compile_error!(#message);));
            }
        }
    }
    let has_doc = input.attrs.node().iter().any(|a| a.path().is_ident("doc"));
    let listed = variants
        .iter()
        .map(|v| format!("`{}`", v.def.code))
        .collect::<Vec<_>>()
        .join(", ");
    let doc = (!has_doc).then(|| {
        let doc = format!("The errors of a route, a subset of [`{err}`]: {listed}.");
        quote!(#[doc = #doc])
    });
    let attrs = &input.attrs;
    let definitions = variants.iter().map(|v| {
        let variant = &v.ident;
        let doc = docs::variant(v.def);
        if v.shape == Shape::Unit {
            return quote!(#[doc = #doc] #variant);
        }
        let fields = v.fields.iter().map(|b| {
            let (field, ty, doc) = (&b.ident, field_type(rt, b.field), docs::field(b.field));
            quote!(#[doc = #doc] #field: #ty)
        });
        quote!(#[doc = #doc] #variant { #(#fields),* })
    });
    let bindings = |v: &crate::plan::VariantPlan<'_>| v.braced(v.fields.iter().map(|b| &b.ident));
    let into = variants.iter().map(|v| {
        let (variant, fields) = (&v.ident, bindings(v));
        quote!(#name::#variant #fields => #err::#variant #fields)
    });
    let back = variants.iter().map(|v| {
        let (variant, fields) = (&v.ident, bindings(v));
        quote!(#err::#variant #fields => ::core::result::Result::Ok(#name::#variant #fields))
    });
    let codes = variants.iter().map(|v| {
        let c = &v.code_ident;
        quote!(#code::#c)
    });
    let code_arms = variants.iter().map(|v| {
        let (variant, c) = (&v.ident, &v.code_ident);
        let pattern = v.pattern(None::<TokenStream>);
        quote!(#name::#variant #pattern => #code::#c)
    });
    // Spanned at the subset's name: "variant not found here" points at the subset.
    let definition = quote_spanned! {name.span()=>
        #attrs
        #doc
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #vis enum #name {
            #(#definitions),*
        }
    };
    quote! {
        #errors
        #definition

        #[allow(deprecated, unreachable_patterns, clippy::all)]
        const _: () = {
            #[automatically_derived]
            impl ::core::convert::From<#name> for #err {
                fn from(error: #name) -> #err {
                    match error { #(#into,)* }
                }
            }

            #[automatically_derived]
            impl ::core::convert::TryFrom<#err> for #name {
                type Error = #err;
                fn try_from(error: #err) -> ::core::result::Result<#name, #err> {
                    match error {
                        #(#back,)*
                        other => ::core::result::Result::Err(other),
                    }
                }
            }

            impl #name {
                /// The codes of this subset, in catalog order of its declaration.
                #vis const CODES: &'static [#code] = &[#(#codes),*];

                /// The stable code of this error.
                #vis fn code(&self) -> #code {
                    match self { #(#code_arms,)* }
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(&#err::from(::core::clone::Clone::clone(self)), f)
                }
            }

            #[automatically_derived]
            impl ::std::error::Error for #name {}

            #rt::__subset_impls!(#name #err);
        };
    }
}
