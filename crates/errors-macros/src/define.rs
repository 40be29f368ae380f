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
    let mut debug = Match::on_self(
        "debug",
        quote!(__f: &mut ::core::fmt::Formatter<'_>),
        quote!(::core::fmt::Result),
        quote!(__f),
    );
    let mut clone = Match::on_self(
        "clone",
        TokenStream::new(),
        quote!(Self),
        TokenStream::new(),
    );
    // `#[inline]` as on the derives: machine code only in the crates that use them.
    debug.inline = true;
    clone.inline = true;
    let mut debug_arms = Vec::new();
    let mut clone_arms = Vec::new();
    for v in &plan.variants {
        let variant = &v.ident;
        let name = variant.unraw().to_string();
        let fields: Vec<_> = v.fields.iter().map(|b| &b.ident).collect();
        if fields.is_empty() {
            debug_arms.push(Some(quote!(#ident::#variant => __f.write_str(#name))));
            clone_arms.push(Some(quote!(#ident::#variant => #ident::#variant)));
            continue;
        }
        let names = fields.iter().map(|f| f.unraw().to_string());
        debug_arms.push(Some(quote! {
            #ident::#variant { #(#fields),* } => __f.debug_struct(#name)
                #(.field(#names, #fields))*
                .finish()
        }));
        clone_arms.push(Some(quote! {
            #ident::#variant { #(#fields),* } => #ident::#variant {
                #(#fields: ::core::clone::Clone::clone(#fields)),*
            }
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
    let helpers = helper_impl(
        quote!(impl #ident),
        &[debug_helpers, clone_helpers].concat(),
    );
    let eq = split_eq(plan);
    quote! {
        #[allow(deprecated, clippy::all)]
        const _: () = {
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #debug_body
                }
            }

            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    #clone_body
                }
            }

            #eq
            #helpers
        };
    }
}

/// `PartialEq`, split. A `match` on a pair of errors takes rustc time proportional to
/// its arms times the enum's variants, quadratic however it is split (26 times as long
/// for 10 times the codes, BENCHMARKS.md). So each chunk of `CHUNK` variants compares
/// a pair of views instead: a private enum of that chunk's variants only, holding
/// references to the fields.
fn split_eq(plan: &Plan<'_>) -> TokenStream {
    let ident = &plan.ident;
    let mut dispatch = Vec::new();
    let mut items = Vec::new();
    for (index, chunk) in plan.variants.chunks(CHUNK).enumerate() {
        let view = format_ident!("__CatalogView{}", index);
        let view_fn = format_ident!("__catalog_view_{}", index);
        let eq_fn = format_ident!("__catalog_eq_{}", index);
        let mut view_variants = Vec::new();
        let mut view_arms = Vec::new();
        let mut eq_arms = Vec::new();
        for v in chunk {
            let variant = &v.ident;
            let fields: Vec<_> = v.fields.iter().map(|b| &b.ident).collect();
            let types = v.fields.iter().map(|b| field_type(b.field));
            let ours: Vec<_> = (0..fields.len()).map(|i| format_ident!("__a{i}")).collect();
            let theirs: Vec<_> = (0..fields.len()).map(|i| format_ident!("__b{i}")).collect();
            view_variants.push(quote!(#variant(#(&'a #types),*)));
            let pattern = if fields.is_empty() {
                quote!(#ident::#variant)
            } else {
                quote!(#ident::#variant { #(#fields),* })
            };
            view_arms.push(quote!(#pattern => #view::#variant(#(#fields),*)));
            eq_arms.push(quote! {
                (#view::#variant(#(#ours),*), #view::#variant(#(#theirs),*)) =>
                    true #(&& ::core::cmp::PartialEq::eq(#ours, #theirs))*
            });
        }
        items.push(quote! {
            #[allow(non_camel_case_types)]
            enum #view<'a> {
                #(#view_variants,)*
            }

            impl #ident {
                #[doc(hidden)]
                #[inline]
                fn #view_fn(&self) -> #view<'_> {
                    match self {
                        #(#view_arms,)*
                        _ => ::core::unreachable!(),
                    }
                }

                #[doc(hidden)]
                #[inline]
                fn #eq_fn(&self, __other: &Self) -> bool {
                    match (self.#view_fn(), __other.#view_fn()) {
                        #(#eq_arms,)*
                        _ => false,
                    }
                }
            }
        });
        dispatch.push(quote!(#index => Self::#eq_fn(self, __other)));
    }
    quote! {
        impl ::core::cmp::PartialEq for #ident {
            #[inline]
            fn eq(&self, __other: &Self) -> bool {
                // Different codes are never equal: a helper sees pairs of one code.
                Self::code(self) == Self::code(__other)
                    && match Self::code(self) as usize / #CHUNK {
                        #(#dispatch,)*
                        _ => false,
                    }
            }
        }

        #(#items)*
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
        Some(note) => quote!(#[deprecated = #note]),
    }
}
