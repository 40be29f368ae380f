//! The types of a catalog that failed to load, declared as far as they could be read,
//! beside the `compile_error!`s: code that uses them then type-checks, and the user
//! sees the catalog's problems instead of "cannot find type `ApiError`" everywhere.
//! The bodies are never run: the build fails on the `compile_error!`s.

use errors_catalog::Partial;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::plan::field_ident;
use crate::types::field_type;

pub(crate) fn skeleton(partial: &Partial) -> TokenStream {
    let span = Span::call_site();
    let ident = Ident::new(&partial.name, span);
    let code = Ident::new(&partial.code_enum, span);
    let variants = partial.errors.iter().map(|e| {
        let variant = Ident::new(&e.variant, span);
        let fields = e.fields.iter().map(|f| {
            let name = field_ident(&f.name, span);
            let ty = field_type(f);
            quote!(#name: #ty)
        });
        if e.fields.is_empty() {
            quote!(#variant)
        } else {
            quote!(#variant { #(#fields),* })
        }
    });
    let codes = partial.errors.iter().map(|e| Ident::new(&e.variant, span));
    let unreachable = quote!(::core::unreachable!("the catalog failed to load"));
    let serde = quote!(::errors_runtime::__private::serde);
    quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        pub enum #ident { #(#variants),* }

        #[derive(
            ::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::cmp::PartialOrd, ::core::cmp::Ord,
        )]
        pub enum #code { #(#codes),* }

        #[allow(unused_variables, clippy::all)]
        const _: () = {
            impl #code {
                pub const ALL: [#code; 0] = [];
                pub fn as_str(self) -> &'static str { #unreachable }
                pub fn status(self) -> u16 { #unreachable }
                pub fn is_retryable(self) -> bool { #unreachable }
                pub fn meta(self) -> &'static ::errors_runtime::meta::ErrorMeta { #unreachable }
            }
            impl ::core::fmt::Display for #code {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #unreachable }
            }
            impl ::core::str::FromStr for #code {
                type Err = ::errors_runtime::UnknownCode;
                fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> { #unreachable }
            }
            impl #ident {
                pub fn code(&self) -> #code { #unreachable }
                pub fn status(&self) -> u16 { #unreachable }
                pub fn is_retryable(&self) -> bool { #unreachable }
                pub fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> { #unreachable }
                pub fn param(&self) -> ::core::option::Option<&str> { #unreachable }
                pub fn meta(&self) -> &'static ::errors_runtime::meta::ErrorMeta { #unreachable }
                pub fn envelope(&self) -> ::errors_runtime::Envelope<'_, Self> { #unreachable }
            }
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #unreachable }
            }
            impl ::std::error::Error for #ident {}
            // The traits too, so generic code (envelope builders, serde, integrations)
            // adds no errors of its own.
            impl ::errors_runtime::ErrorCode for #code {
                const ALL: &'static [Self] = &[];
                fn meta(self) -> &'static ::errors_runtime::meta::ErrorMeta { #unreachable }
            }
            impl #serde::Serialize for #code {
                fn serialize<S: #serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> { #unreachable }
            }
            impl<'de> #serde::Deserialize<'de> for #code {
                fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> { #unreachable }
            }
            impl ::errors_runtime::CatalogError for #ident {
                type Code = #code;
                const CATALOG: &'static ::errors_runtime::meta::CatalogMeta =
                    &::errors_runtime::__private::SKELETON_CATALOG;
                fn code(&self) -> #code { #unreachable }
                fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> { #unreachable }
                fn param(&self) -> ::core::option::Option<&str> { #unreachable }
                fn for_each_header(&self, visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display)) { #unreachable }
                fn for_each_internal(&self, visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Debug)) { #unreachable }
                fn details_len(&self) -> usize { #unreachable }
                fn write_details<M: #serde::ser::SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> { #unreachable }
            }
            impl ::errors_runtime::Decode for #ident {
                fn from_wire(code: #code, details: ::errors_runtime::WireDetails<'_>) -> ::core::result::Result<Self, ::errors_runtime::DecodeError> { #unreachable }
            }
            ::errors_runtime::__axum_into_response!({} {#ident} {});
        };
    }
}
