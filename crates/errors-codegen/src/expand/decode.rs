//! `Decode`: a client rebuilds each variant from its wire details.

use proc_macro2::TokenStream;
use quote::quote;

use super::construct;
use crate::plan::Plan;
use crate::split::{Arm, Match, On, Split};

/// `Decode`: rebuild each variant from its wire details.
pub(super) fn decode_impl(plan: &Plan<'_>) -> (TokenStream, Vec<TokenStream>) {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let code = &plan.code_ident;
    let mut predicates = Vec::new();
    if !plan.generics.is_empty() {
        predicates.push(quote!(Self: ::core::fmt::Debug));
    }
    let mut bounds = Vec::new();
    for v in &plan.variants {
        for extra in &v.extras {
            let ty = &extra.ty;
            bounds.push(quote!(#ty: ::core::default::Default));
            predicates.push(quote!(#ty: ::core::default::Default));
        }
    }
    let (impl_generics, ty_generics) = (plan.generics.impl_generics(), plan.generics.ty_generics());
    let where_clause = plan.generics.where_with(&predicates);
    let arms = plan
        .variants
        .iter()
        .map(|v| {
            let fields = v.fields.iter().map(|b| {
                let binding = &b.ident;
                let wire = &b.field.wire;
                let name = &b.field.name;
                let value = match (b.field.internal, b.field.in_details, b.field.optional) {
                    (true, _, _) => quote!(::core::default::Default::default()),
                    (false, true, true) => {
                        quote!(#rt::__private::optional(__details, #wire, __error))
                    }
                    (false, true, false) => {
                        quote!(#rt::__private::required(__details, #wire, __error))
                    }
                    // Sent in the message or a header only: read back from there.
                    (false, false, true) => {
                        quote!(#rt::__private::recovered_optional(__details, #name, __error))
                    }
                    (false, false, false) => {
                        quote!(#rt::__private::recovered(__details, #name, __error))
                    }
                };
                quote!(#binding: #value)
            });
            let extras = v.extras.iter().map(|e| {
                let m = &e.member;
                quote!(#m: ::core::default::Default::default())
            });
            Some(Arm::new(
                TokenStream::new(),
                construct(plan, v, fields.chain(extras).collect()),
            ))
        })
        .collect();
    let method = Match {
        name: "from_wire",
        generics: TokenStream::new(),
        inputs: quote! {
            __code: #code,
            __details: &#rt::WireDetails<'_>,
            __error: &mut ::core::option::Option<#rt::DecodeError>,
        },
        output: quote!(Self),
        args: quote!(__code, __details, __error),
        on: On::Code {
            code: code.clone(),
            scrutinee: quote!(__code),
        },
        // As `from_wire` itself, below.
        inline: true,
        bounds: (!bounds.is_empty()).then(|| quote!(where #(#bounds),*)),
    };
    // A skeleton's variants may lack fields the enum has: nothing is built.
    let Split { body, helpers } = if plan.skeleton {
        Split {
            body: quote!(::core::unreachable!()),
            helpers: Vec::new(),
        }
    } else {
        method.build(plan, arms, None)
    };
    let item = quote! {
        #[automatically_derived]
        impl #impl_generics #rt::Decode for #ident #ty_generics #where_clause {
            // Only clients decode: `#[inline]` leaves the machine code of this large
            // function to the crates that call it, instead of every crate that defines
            // a catalog (BENCHMARKS.md: about 0.7 s of LLVM time at 1,000 codes).
            #[inline]
            fn from_wire(
                __code: #code,
                __details: #rt::WireDetails<'_>,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                let mut __slot = ::core::option::Option::None;
                let __value = {
                    let (__details, __error) = (&__details, &mut __slot);
                    #body
                };
                match __slot {
                    ::core::option::Option::None => ::core::result::Result::Ok(__value),
                    ::core::option::Option::Some(__error) => ::core::result::Result::Err(__error),
                }
            }
        }
    };
    (item, helpers)
}
