//! The per-chunk views of `catalog!`'s enum past [`SPLIT_ABOVE`] variants.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Arm, CHUNK, Match, Split};
use crate::plan::Plan;
use crate::types::field_type;

pub(super) fn view_ident(chunk: usize) -> proc_macro2::Ident {
    format_ident!("__CatalogView{}", chunk)
}

pub(super) fn view_fn_ident(chunk: usize) -> proc_macro2::Ident {
    format_ident!("__catalog_view_{}", chunk)
}

/// The items of the views ([`views`]), and the functions that go in the enum's
/// inherent impl.
pub(crate) struct Views {
    pub(crate) items: TokenStream,
    pub(crate) helpers: Vec<TokenStream>,
}

/// The views of `catalog!`'s enum past [`SPLIT_ABOVE`] variants (see the module
/// docs), and its `Debug`, `Clone` and `PartialEq`: `Debug` and `PartialEq` derived
/// on the views, which print and compare like the enum's own derives (a reference
/// prints and compares as its referent); `Clone` a split `match`.
pub(crate) fn views(plan: &Plan<'_>) -> Views {
    let ident = &plan.ident;
    let mut items = Vec::new();
    let mut helpers = Vec::new();
    let mut debug = Vec::new();
    let mut eq = Vec::new();
    for (index, chunk) in plan.variants.chunks(CHUNK).enumerate() {
        let view = view_ident(index);
        let view_fn = view_fn_ident(index);
        let has_fields = chunk.iter().any(|v| !v.fields.is_empty());
        let lifetime = has_fields.then(|| quote!(<'a>));
        let elided = has_fields.then(|| quote!(<'_>));
        let variants = chunk.iter().map(|v| {
            let variant = &v.ident;
            let fields = v.fields.iter().map(|b| {
                let (name, ty) = (&b.ident, field_type(&plan.rt, b.field));
                quote!(#name: &'a #ty)
            });
            let fields = v.braced(fields);
            quote!(#variant #fields)
        });
        let arms = chunk.iter().map(|v| {
            let variant = &v.ident;
            let fields = v.braced(v.fields.iter().map(|b| &b.ident));
            quote!(#ident::#variant #fields => #view::#variant #fields)
        });
        items.push(quote! {
            #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
            enum #view #lifetime {
                #(#variants,)*
            }
        });
        helpers.push(quote! {
            #[doc(hidden)]
            #[inline]
            fn #view_fn(&self) -> #view #elided {
                match self {
                    #(#arms,)*
                    _ => ::core::unreachable!(),
                }
            }
        });
        debug.push(quote!(#index => ::core::fmt::Debug::fmt(&Self::#view_fn(self), __f)));
        eq.push(quote!(#index => Self::#view_fn(self) == Self::#view_fn(__other)));
    }
    let mut clone = Match::on_self(
        "clone",
        TokenStream::new(),
        quote!(Self),
        TokenStream::new(),
    );
    // `#[inline]` as on the derives: machine code only in the crates that use them.
    clone.inline = true;
    let clone_arms = plan
        .variants
        .iter()
        .map(|v| {
            let variant = &v.ident;
            let fields: Vec<_> = v.fields.iter().map(|b| &b.ident).collect();
            let clones = v.braced(
                fields
                    .iter()
                    .map(|f| quote!(#f: ::core::clone::Clone::clone(#f))),
            );
            Some(Arm::new(
                v.braced(&fields),
                quote!(#ident::#variant #clones),
            ))
        })
        .collect();
    let Split {
        body: clone_body,
        helpers: clone_helpers,
    } = clone.build(plan, clone_arms, None);
    helpers.extend(clone_helpers);
    Views {
        items: quote! {
            #(#items)*

            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match Self::code(self) as usize / #CHUNK {
                        #(#debug,)*
                        _ => ::core::unreachable!(),
                    }
                }
            }

            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    #clone_body
                }
            }

            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                #[inline]
                fn eq(&self, __other: &Self) -> bool {
                    // Codes first: the other error may be of another chunk, whose variants
                    // this chunk's view function does not take.
                    Self::code(self) == Self::code(__other)
                        && match Self::code(self) as usize / #CHUNK {
                            #(#eq,)*
                            _ => false,
                        }
                }
            }
        },
        helpers,
    }
}
