//! The enums of enum fields and of `field_violations` rules (SPEC 9.4): one
//! fieldless enum per field of the plan, its strings in a table; parsing and serde
//! call into the runtime's `CatalogEnum`.

use errors_catalog::{EnumKind, EnumType, ErrorDef, Field};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::plan::Plan;

/// Every enum the plan's fields use, defined with its impls.
pub(crate) fn enums(plan: &Plan<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for v in &plan.variants {
        for b in &v.fields {
            if let Some(e) = &b.field.enum_type {
                out.extend(define(plan, v.def, b.field, e));
            }
        }
    }
    out
}

fn define(plan: &Plan<'_>, error: &ErrorDef, field: &Field, e: &EnumType) -> TokenStream {
    let rt = &plan.rt;
    let vis = &plan.vis;
    let serde = quote!(#rt::__private::serde);
    let name = Ident::new(&e.name, Span::call_site());
    let ty_name = &e.name;
    let n = e.values.len();
    let what = match e.kind {
        EnumKind::Rules => "The rule of each violation of",
        _ => "The values of",
    };
    let doc = format!(
        "{what} `{}` of `{}`: each value travels as its string (`{}`).",
        field.name,
        error.code,
        e.values.first().map_or("", |v| v.value.as_str())
    );
    let variants: Vec<Ident> = e
        .values
        .iter()
        .map(|v| Ident::new(&v.variant, Span::call_site()))
        .collect();
    let docs = e.values.iter().map(|v| format!("`{}`", v.value));
    let values = e.value_strs();
    let first = &variants[..variants.len().min(1)];
    let rest = variants.get(1..).unwrap_or_default();
    let rest_docs = docs.clone().skip(1);
    let first_doc = docs.take(1);
    quote! {
        #[doc = #doc]
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::default::Default,
        )]
        #vis enum #name {
            #(#[doc = #first_doc] #[default] #first,)*
            #(#[doc = #rest_docs] #rest,)*
        }

        #[allow(clippy::all)]
        const _: () = {
            impl #name {
                /// Every value, in catalog order.
                #vis const ALL: [#name; #n] = [#(#name::#variants),*];

                /// The value as sent on the wire.
                #[inline]
                #vis fn as_str(self) -> &'static str {
                    <#name as #rt::CatalogEnum>::VALUES[self as usize]
                }
            }

            #[automatically_derived]
            impl #rt::CatalogEnum for #name {
                const NAME: &'static str = #ty_name;
                const VALUES: &'static [&'static str] = &[#(#values),*];
                const ALL: &'static [Self] = &#name::ALL;
                #[inline]
                fn as_str(self) -> &'static str {
                    #name::as_str(self)
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #name {
                type Err = #rt::UnknownValue;
                #[inline]
                fn from_str(text: &str) -> ::core::result::Result<Self, #rt::UnknownValue> {
                    <#name as #rt::CatalogEnum>::from_value(text)
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.pad(self.as_str())
                }
            }

            #[automatically_derived]
            impl #serde::Serialize for #name {
                fn serialize<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl<'__de> #serde::Deserialize<'__de> for #name {
                fn deserialize<__D: #serde::Deserializer<'__de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                    #rt::__private::deserialize_enum(deserializer)
                }
            }
        };
    }
}
