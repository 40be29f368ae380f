//! The error enum's own API: the inherent impl (`code`, `status`, `retry_after`,
//! `envelope`, ... and every split `match`'s helpers), `Display`, `CatalogError`,
//! then the impls of the sibling modules and the axum hook.

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::decode_impl;
use super::field_methods::{
    details_bodies, display_body_split, param_body, retry_after_body, visit_body,
};
use super::localized::localized_body;
use super::sources::{from_impls, source_impl};
use crate::plan::Plan;
use crate::split;

/// The error enum's inherent impl, `Display`, `std::error::Error`, `CatalogError`,
/// `Decode` (when decodable) and `From`: every split `match`'s helpers are gathered
/// into the one inherent impl.
pub(super) fn error_impls(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let (impl_generics, ty_generics, where_clause) = (
        plan.generics.impl_generics(),
        plan.generics.ty_generics(),
        plan.generics.where_clause(),
    );
    let span = plan.span;

    let code_arms = plan.variants.iter().map(|v| {
        let (variant, code_variant) = (&v.ident, &v.code_ident);
        let pattern = v.pattern(None::<TokenStream>);
        quote!(#ident::#variant #pattern => #code::#code_variant)
    });
    let code_rest = plan.skeleton.then(|| quote!(_ => ::core::unreachable!(),));
    // No variants (a catalog none of whose codes could be read): no value to match.
    let code_body = if plan.uninhabited {
        quote!(match *self {})
    } else {
        quote!(match self { #(#code_arms,)* #code_rest })
    };
    let retry_after = retry_after_body(plan);
    let param = param_body(plan);
    let display = display_body_split(plan, span);
    let localized = localized_body(plan, span);
    let headers = visit_body(plan, "headers", quote!(::core::fmt::Display), |f| {
        f.header.as_deref()
    });
    let internals = visit_body(plan, "internals", quote!(::core::fmt::Debug), |f| {
        f.internal.then_some(f.name.as_str())
    });
    let (details_len, write_details) = details_bodies(plan);
    let source = source_impl(plan);
    let from = from_impls(plan);
    let decode = plan.decodable().then(|| decode_impl(plan));
    let views = split::has_views(plan).then(|| split::views(plan));

    // The trait's supertraits must hold for every instantiation of a generic enum.
    let debug_bound = (!plan.generics.is_empty()).then(|| quote!(where Self: ::core::fmt::Debug));
    let debug_where = if plan.generics.is_empty() {
        plan.generics.where_with(&[])
    } else {
        plan.generics
            .where_with(&[quote!(Self: ::core::fmt::Debug)])
    };

    // Every helper of a split `match`, in the one inherent impl.
    let mut helpers: Vec<TokenStream> = Vec::new();
    for split in [
        &retry_after,
        &param,
        &display,
        &headers,
        &internals,
        &details_len,
        &write_details,
    ] {
        helpers.extend(split.helpers.iter().cloned());
    }
    if let Some(localized) = &localized {
        helpers.extend(localized.helpers.iter().cloned());
    }
    helpers.extend(source.helpers);
    let decode = decode.map(|(decode, decode_helpers)| {
        helpers.extend(decode_helpers);
        decode
    });
    let views = views.map(|views| {
        helpers.extend(views.helpers);
        views.items
    });
    let source = source.item;
    let localized = localized.map(|localized| {
        let body = localized.body;
        quote! {
            fn fmt_localized(
                &self,
                __locale: usize,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                #body
            }
        }
    });
    let (retry_after, param, display) = (retry_after.body, param.body, display.body);
    let (headers, internals) = (headers.body, internals.body);
    let (details_len, write_details) = (details_len.body, write_details.body);

    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The stable code of this error.
            #[inline]
            #vis fn code(&self) -> #code {
                #code_body
            }

            /// The HTTP status.
            #[inline]
            #vis fn status(&self) -> u16 {
                self.code().status()
            }

            /// Whether a client may retry the request.
            #[inline]
            #vis fn is_retryable(&self) -> bool {
                self.code().is_retryable()
            }

            /// How long to wait before retrying: the field sent as `Retry-After`, for
            /// codes that have one.
            #vis fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                #retry_after
            }

            /// The value of the field the catalog names as this code's `param`.
            #vis fn param(&self) -> ::core::option::Option<&str> {
                #param
            }

            /// Everything the catalog says about this error's code.
            #[inline]
            #vis fn meta(&self) -> &'static #rt::meta::ErrorMeta {
                self.code().meta()
            }

            /// The whole catalog's metadata.
            #[inline]
            #vis fn catalog() -> &'static #rt::meta::CatalogMeta {
                &__CATALOG
            }

            /// The JSON error envelope, in the catalog's style; add a request id and
            /// timestamp with its builder methods.
            #[inline]
            #vis fn envelope(&self) -> #rt::Envelope<'_, Self> #debug_bound {
                #rt::Envelope::new(self)
            }

            #(#helpers)*
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        #source
        #views

        #[automatically_derived]
        impl #impl_generics #rt::CatalogError for #ident #ty_generics #debug_where {
            type Code = #code;
            const CATALOG: &'static #rt::meta::CatalogMeta = &__CATALOG;

            #[inline]
            fn code(&self) -> #code {
                #ident::code(self)
            }

            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                #ident::retry_after(self)
            }

            fn param(&self) -> ::core::option::Option<&str> {
                #ident::param(self)
            }

            #localized

            fn for_each_header(&self, __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display)) {
                #headers
            }

            fn for_each_internal(&self, __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Debug)) {
                #internals
            }

            fn details_len(&self) -> usize {
                #details_len
            }

            fn write_details<__M: #rt::__private::serde::ser::SerializeMap>(
                &self,
                __map: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                let mut __details = #rt::__private::Details::new(__map);
                let __w = &mut __details;
                #write_details;
                __details.finish()
            }
        }

        #decode
        #(#from)*

        // Expands to an `IntoResponse` impl when errors-runtime has its `axum`
        // feature, to nothing otherwise: the user crate need not know.
        #rt::__axum_into_response!({#impl_generics} {#ident #ty_generics} {#debug_where});
    }
}
