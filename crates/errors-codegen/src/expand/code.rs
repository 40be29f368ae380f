//! The code enum's impls: `ALL`, `as_str`, status and retryability tables, `meta`,
//! `ErrorCode`, `FromStr`, `Debug`, `Display` and serde as the code string.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::plan::Plan;
use crate::split::SPLIT_ABOVE;

/// The tables behind `status` and `is_retryable`, and every impl on the code enum.
pub(super) fn code_impls(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let errors = &plan.catalog.errors;
    let n = errors.len();
    let idents = plan.code_variants();
    // `FromStr` is a `match` on the code string, as one would write by hand: rustc
    // lowers it to a dispatch on length and bytes, which measured about twice as fast
    // as a binary search over a sorted table (BENCHMARKS.md).
    let parse = parse_body(plan);
    // Status and retryability in dense tables indexed by the code, as LLVM compiles a
    // hand-written `match` of constants: reading them from the metadata table instead
    // (one `ErrorMeta` per code) measured 6-12% slower than the match. Retryability
    // is a bit set, a `const` so that LLVM sees its words: up to 64 codes, a bit test
    // against an immediate, as a `matches!` compiles (a `static` word was loaded from
    // memory on every call, 5% slower on the bundled catalog).
    let statuses = errors.iter().map(|e| e.status);
    let words = n.div_ceil(64).max(1);
    let mut bits = vec![0u64; words];
    for (i, e) in errors.iter().enumerate() {
        if e.retryable {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    let serde = quote!(#rt::__private::serde);
    quote! {
        static __STATUS: [u16; #n] = [#(#statuses),*];
        const __RETRYABLE: [u64; #words] = [#(#bits),*];

        impl #code {
            /// Every code, in catalog order.
            #vis const ALL: [#code; #n] = [#(#code::#idents),*];

            /// The code as sent on the wire.
            #[inline]
            #vis fn as_str(self) -> &'static str {
                self.meta().code
            }

            /// The HTTP status of this code.
            #[inline]
            #vis fn status(self) -> u16 {
                __STATUS[self as usize]
            }

            /// Whether clients may retry errors of this code.
            #[inline]
            #vis fn is_retryable(self) -> bool {
                let __i = self as usize;
                (__RETRYABLE[__i / 64] >> (__i % 64)) & 1 != 0
            }

            /// Everything the catalog says about this code.
            #[inline]
            #vis fn meta(self) -> &'static #rt::meta::ErrorMeta {
                &__CATALOG.errors[self as usize]
            }
        }

        #[automatically_derived]
        impl #rt::ErrorCode for #code {
            const ALL: &'static [Self] = &#code::ALL;
            #[inline]
            fn meta(self) -> &'static #rt::meta::ErrorMeta {
                #code::meta(self)
            }
            #[inline]
            fn status(self) -> u16 {
                #code::status(self)
            }
            #[inline]
            fn is_retryable(self) -> bool {
                #code::is_retryable(self)
            }
        }

        #[automatically_derived]
        // `UnknownCode` by name, not `Self::Err`: a code `ERR` is a variant `Err`.
        impl ::core::str::FromStr for #code {
            type Err = #rt::UnknownCode;
            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, #rt::UnknownCode> {
                #parse
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.meta().variant)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for #code {
            fn serialize<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'__de> #serde::Deserialize<'__de> for #code {
            fn deserialize<__D: #serde::Deserializer<'__de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                #rt::__private::deserialize_code(deserializer)
            }
        }
    }
}

/// `FromStr`: a `match` on the code string, aliases included. Past `SPLIT_ABOVE` codes, a chain of
/// functions of `SPLIT_ABOVE` arms, each trying the next when the text is none of its
/// codes: the same comparisons in the same order. (Not chunks of `CHUNK`: a string
/// `match` is cheap to check, and a longer chain is slower to run.)
fn parse_body(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let code = &plan.code_ident;
    let unknown = quote!(::core::result::Result::Err(
        #rt::UnknownCode::new(text)
    ));
    // Each code, then its aliases (old spellings parse as the code they name).
    let codes: Vec<(&str, Ident)> = plan
        .catalog
        .errors
        .iter()
        .zip(plan.code_variants())
        .flat_map(|(e, ident)| {
            std::iter::once(e.code.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |text| (text, ident.clone()))
        })
        .collect();
    let chunks: Vec<_> = codes.chunks(SPLIT_ABOVE).collect();
    let arms = |chunk: &[(&str, Ident)]| -> Vec<TokenStream> {
        chunk
            .iter()
            .map(|(text, ident)| quote!(#text => #code::#ident))
            .collect()
    };
    if chunks.len() <= 1 {
        let arms = arms(&codes);
        return quote! {
            ::core::result::Result::Ok(match text {
                #(#arms,)*
                _ => return #unknown,
            })
        };
    }
    let names: Vec<_> = (0..chunks.len())
        .map(|i| format_ident!("__catalog_parse_{}", i))
        .collect();
    let helpers = chunks.iter().enumerate().map(|(i, chunk)| {
        let arms = arms(chunk);
        let name = &names[i];
        let rest = match names.get(i + 1) {
            Some(next) => quote!(#next(text)),
            None => quote!(#unknown),
        };
        // `#[inline]` as `from_str`: machine code only where codes are parsed.
        quote! {
            #[inline]
            fn #name(text: &str) -> ::core::result::Result<#code, #rt::UnknownCode> {
                ::core::result::Result::Ok(match text {
                    #(#arms,)*
                    _ => return #rest,
                })
            }
        }
    });
    let first = &names[0];
    quote! {
        #(#helpers)*
        #first(text)
    }
}
