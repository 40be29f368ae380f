//! Type definitions: the error enum of `catalog!` and the code enum of both entry
//! points.

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::{Plan, Shape};
use crate::types::field_type;
use crate::{docs, split};

/// `pub enum ApiError { ... }`, one struct or unit variant per code.
pub(crate) fn error_enum(plan: &Plan<'_>) -> TokenStream {
    let ident = &plan.ident;
    let vis = &plan.vis;
    let doc = docs::error_enum(plan.catalog);
    let variants = plan.variants.iter().map(|v| {
        let variant = &v.ident;
        let doc = docs::variant(v.def);
        let deprecated = deprecated(v.def.deprecated.as_deref());
        if v.shape == Shape::Unit {
            return quote! {
                #[doc = #doc]
                #deprecated
                #variant
            };
        }
        let fields = v.fields.iter().map(|b| {
            let name = &b.ident;
            let ty = field_type(&plan.rt, b.field);
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
    // Past `SPLIT_ABOVE` variants the derives' single `match` is slow to compile:
    // `split::views` writes the same impls out, split.
    let derives = (!split::has_views(plan)).then(
        || quote!(#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]),
    );
    quote! {
        #[doc = #doc]
        #derives
        #vis enum #ident {
            #(#variants),*
        }
    }
}

/// `pub enum ApiErrorCode { ... }`, fieldless, in catalog order.
pub(crate) fn code_enum(plan: &Plan<'_>) -> TokenStream {
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let doc = docs::code_enum(&plan.ident.to_string());
    let variants = plan
        .catalog
        .errors
        .iter()
        .zip(plan.code_variants())
        .map(|(e, variant)| {
            let doc = docs::code_variant(e);
            let deprecated = deprecated(e.deprecated.as_deref());
            quote! {
                #[doc = #doc]
                #deprecated
                #variant
            }
        });
    quote! {
        #[doc = #doc]
        // `Debug` is generated with the other impls: the variant name from the metadata
        // table, not a `match` over every code.
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy,
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
        Some(note) => quote!(#[deprecated(note = #note)]),
    }
}
