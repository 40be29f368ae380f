//! Type definitions: the error enum of `catalog!` and the code enum of both entry
//! points.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use crate::docs;
use crate::plan::Plan;
use crate::split::{CHUNK, Match, Split, helper_impl};
use crate::types::field_type;

/// `pub enum ApiError { ... }`, one struct or unit variant per code.
pub(crate) fn error_enum(plan: &Plan<'_>) -> TokenStream {
    let ident = &plan.ident;
    let vis = &plan.vis;
    let doc = docs::error_enum(plan.catalog);
    let variants = plan.variants.iter().map(|v| {
        let variant = &v.ident;
        let doc = docs::variant(v.def);
        let deprecated = deprecated(v.def.deprecated.as_deref());
        if v.fields.is_empty() {
            return quote! {
                #[doc = #doc]
                #deprecated
                #variant
            };
        }
        let fields = v.fields.iter().map(|b| {
            let name = &b.ident;
            let ty = field_type(b.field);
            let doc = docs::field(b.field);
            quote! {
                #[doc = #doc]
                #name: #ty
            }
        });
        quote! {
            #[doc = #doc]
            #deprecated
            #variant { #(#fields),* }
        }
    });
    // Past `CHUNK` variants the derives' single `match` is slow to compile: the
    // same impls are written out in `split_std_impls`, split.
    let split = plan.variants.len() > CHUNK;
    let derives = (!split).then(
        || quote!(#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]),
    );
    let impls = split.then(|| split_std_impls(plan));
    quote! {
        #[doc = #doc]
        #derives
        #vis enum #ident {
            #(#variants),*
        }
        #impls
    }
}

/// `Debug`, `Clone` and `PartialEq` as derived, each `match` split in functions of
/// `CHUNK` variants (see `split.rs`).
fn split_std_impls(plan: &Plan<'_>) -> TokenStream {
    let ident = &plan.ident;
    let method = |name, inputs, output, args, scrutinee| Match {
        name,
        generics: TokenStream::new(),
        inputs,
        output,
        args,
        scrutinee,
        key: quote!(Self::code(self)),
        inline: false,
    };
    let debug = method(
        "debug",
        quote!(&self, __f: &mut ::core::fmt::Formatter<'_>),
        quote!(::core::fmt::Result),
        quote!(self, __f),
        quote!(self),
    );
    let clone = method(
        "clone",
        quote!(&self),
        quote!(Self),
        quote!(self),
        quote!(self),
    );
    let eq = method(
        "eq",
        quote!(&self, __other: &Self),
        quote!(bool),
        quote!(self, __other),
        quote!((self, __other)),
    );
    let mut debug_arms = Vec::new();
    let mut clone_arms = Vec::new();
    let mut eq_arms = Vec::new();
    for v in &plan.variants {
        let variant = &v.ident;
        let name = variant.unraw().to_string();
        let fields: Vec<_> = v.fields.iter().map(|b| &b.ident).collect();
        if fields.is_empty() {
            debug_arms.push(Some(quote!(Self::#variant => __f.write_str(#name))));
            clone_arms.push(Some(quote!(Self::#variant => Self::#variant)));
            eq_arms.push(Some(quote!((Self::#variant, Self::#variant) => true)));
            continue;
        }
        let names = fields.iter().map(|f| f.unraw().to_string());
        debug_arms.push(Some(quote! {
            Self::#variant { #(#fields),* } => __f.debug_struct(#name)
                #(.field(#names, #fields))*
                .finish()
        }));
        clone_arms.push(Some(quote! {
            Self::#variant { #(#fields),* } => Self::#variant {
                #(#fields: ::core::clone::Clone::clone(#fields)),*
            }
        }));
        let others: Vec<_> = (0..fields.len())
            .map(|i| format_ident!("__other_{i}"))
            .collect();
        eq_arms.push(Some(quote! {
            (Self::#variant { #(#fields),* }, Self::#variant { #(#fields: #others),* }) =>
                true #(&& ::core::cmp::PartialEq::eq(#fields, #others))*
        }));
    }
    let Split {
        body: debug_body,
        helpers: debug_helpers,
    } = debug.build(debug_arms, None);
    let Split {
        body: clone_body,
        helpers: clone_helpers,
    } = clone.build(clone_arms, None);
    // Different variants are never equal: the helpers see only pairs of one code.
    let Split {
        body: eq_body,
        helpers: eq_helpers,
    } = eq.build(eq_arms, Some(quote!(false)));
    let helpers = helper_impl(
        quote!(impl #ident),
        &[debug_helpers, clone_helpers, eq_helpers].concat(),
    );
    quote! {
        #[allow(deprecated, clippy::all)]
        const _: () = {
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #debug_body
                }
            }

            impl ::core::clone::Clone for #ident {
                fn clone(&self) -> Self {
                    #clone_body
                }
            }

            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, __other: &Self) -> bool {
                    Self::code(self) == Self::code(__other) && #eq_body
                }
            }

            #helpers
        };
    }
}

/// `pub enum ApiErrorCode { ... }`, fieldless, in catalog order.
pub(crate) fn code_enum(plan: &Plan<'_>) -> TokenStream {
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let doc = docs::code_enum(&plan.ident.to_string());
    let variants = plan.variants.iter().map(|v| {
        let variant = &v.ident;
        let doc = docs::code_variant(v.def);
        let deprecated = deprecated(v.def.deprecated.as_deref());
        quote! {
            #[doc = #doc]
            #deprecated
            #variant
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(
            ::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::cmp::PartialOrd, ::core::cmp::Ord,
        )]
        #vis enum #code {
            #(#variants),*
        }
    }
}

fn deprecated(note: Option<&str>) -> TokenStream {
    match note {
        None => TokenStream::new(),
        Some("") => quote!(#[deprecated]),
        Some(note) => quote!(#[deprecated = #note]),
    }
}
