//! `std::error::Error` with `source()`, and the derive's `From` impls: what the
//! user's own fields (`#[source]`, `#[from]`, `#[catalog(skip)]`) add to the API.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};

use super::construct;
use crate::generics::Generics;
use crate::plan::{ExtraKind, Plan};
use crate::split::{Arm, Match, Split};
use crate::types::generic_of;
use crate::written::{Written, last_generic_argument};

/// A trait impl and the helpers of its split `match`, which go in the enum's one
/// inherent impl.
pub(super) struct WithHelpers {
    pub(super) item: TokenStream,
    pub(super) helpers: Vec<TokenStream>,
}

/// `std::error::Error`, with `source()` returning `#[source]` / `#[from]` fields.
pub(super) fn source_impl(plan: &Plan<'_>) -> WithHelpers {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let mut predicates = Vec::new();
    let mut bounds = Vec::new();
    let mut arms = Vec::new();
    for v in &plan.variants {
        let Some(extra) = v.extras.iter().find(|e| e.kind != ExtraKind::Skip) else {
            arms.push(None);
            continue;
        };
        let member = &extra.member;
        let ty = extra.ty;
        // An `Option<E>` source is a source only when set (as in thiserror).
        let optional = generic_of(ty.node(), "Option").flatten().is_some();
        let error_ty = if optional {
            last_generic_argument(ty.tokens()).unwrap_or_else(|| ty.tokens().clone())
        } else {
            ty.tokens().clone()
        };
        if mentions_type_param(&error_ty, &plan.generics) {
            bounds.push(quote!(#error_ty: ::std::error::Error + 'static));
            predicates.push(quote!(#error_ty: ::std::error::Error + 'static));
        }
        // Method syntax so that `Box<dyn Error + Send + Sync>` derefs to its error.
        let value = if optional {
            quote_spanned! {ty.span()=>
                __source.as_ref().map(|__source| {
                    use #rt::__private::AsDynError as _;
                    __source.as_dyn_error()
                })
            }
        } else {
            quote_spanned! {ty.span()=>
                ::core::option::Option::Some({
                    use #rt::__private::AsDynError as _;
                    __source.as_dyn_error()
                })
            }
        };
        arms.push(Some(Arm::new(
            v.pattern([quote!(#member: __source)]),
            value,
        )));
    }
    if !plan.generics.is_empty() {
        predicates.push(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    let (impl_generics, ty_generics) = (plan.generics.impl_generics(), plan.generics.ty_generics());
    let where_clause = plan.generics.where_with(&predicates);
    if arms.iter().all(Option::is_none) {
        return WithHelpers {
            item: quote! {
                #[automatically_derived]
                impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}
            },
            helpers: Vec::new(),
        };
    }
    let output = quote!(::core::option::Option<&(dyn ::std::error::Error + 'static)>);
    let method = Match {
        bounds: (!bounds.is_empty()).then(|| quote!(where #(#bounds),*)),
        ..Match::on_self(
            "source",
            TokenStream::new(),
            output.clone(),
            TokenStream::new(),
        )
    };
    let Split { body, helpers } =
        method.build(plan, arms, Some(quote!(::core::option::Option::None)));
    WithHelpers {
        item: quote! {
            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
                fn source(&self) -> #output {
                    #body
                }
            }
        },
        helpers,
    }
}

/// Whether `ty` names one of the enum's type parameters, so needs a bound.
fn mentions_type_param(ty: &TokenStream, generics: &Generics) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => params.contains(&&i),
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), params),
            _ => false,
        })
    }
    let params: Vec<_> = generics.type_params().collect();
    !params.is_empty() && walk(ty.clone(), &params)
}

/// A source type of `#[from]`, the function that routes it (`=> classify`), and how
/// the field is built from it.
type Conversion<'p> = (
    &'p Written<syn::Type>,
    Option<&'p Written<syn::Path>>,
    TokenStream,
);

/// `From<Source>` for each source type of a `#[from]` field (the field's own type,
/// or each type `#[from(...)]` lists, converted with `From::from`); a type listed with
/// `=> classify` is first offered to that function, whose `Some(error)` wins. The
/// variant's other fields get their `#[catalog(default)]`, `None` when optional,
/// `Default::default()` when skipped, which the derive checked.
pub(super) fn from_impls(plan: &Plan<'_>) -> Vec<TokenStream> {
    let ident = &plan.ident;
    let (impl_generics, ty_generics, where_clause) = (
        plan.generics.impl_generics(),
        plan.generics.ty_generics(),
        plan.generics.where_clause(),
    );
    let mut out = Vec::new();
    for v in &plan.variants {
        let Some(from) = v.extras.iter().find(|e| e.kind == ExtraKind::From) else {
            continue;
        };
        let member = &from.member;
        let others: Vec<TokenStream> = v
            .fields
            .iter()
            .map(|b| {
                let binding = &b.ident;
                match &b.default {
                    Some(value) => quote!(#binding: #value),
                    None => quote!(#binding: ::core::option::Option::None),
                }
            })
            .chain(
                v.extras
                    .iter()
                    .filter(|e| e.kind != ExtraKind::From)
                    .map(|e| {
                        let m = &e.member;
                        match &e.default {
                            Some(value) => quote!(#m: #value),
                            None => quote!(#m: ::core::default::Default::default()),
                        }
                    }),
            )
            .collect();
        let sources: Vec<Conversion<'_>> = if from.from_types.is_empty() {
            vec![(from.ty, None, quote!(source))]
        } else {
            from.from_types
                .iter()
                .map(|t| {
                    (
                        &t.ty,
                        t.classify.as_ref(),
                        quote!(::core::convert::From::from(source)),
                    )
                })
                .collect()
        };
        for (ty, classify, value) in sources {
            let fields = std::iter::once(quote!(#member: #value))
                .chain(others.iter().cloned())
                .collect();
            // A skeleton's variant may lack fields the enum has: nothing is built.
            let body = if plan.skeleton {
                quote!(::core::unreachable!())
            } else {
                construct(plan, v, fields)
            };
            let route = classify.map(|classify| {
                quote_spanned! {classify.span()=>
                    if let ::core::option::Option::Some(__routed) = #classify(&source) {
                        return __routed;
                    }
                }
            });
            out.push(quote_spanned! {ty.span()=>
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(source: #ty) -> Self {
                        #route
                        #body
                    }
                }
            });
        }
    }
    out
}
