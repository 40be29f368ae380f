//! Large `match`es split into small functions.
//!
//! rustc checks a `match` in more than linear time: its borrow checking grows with
//! the function's size, and the exhaustiveness check of a `match` on an enum visits
//! every variant of the enum. A `Display` of 10,000 arms took 17 times as long to
//! check as one of 1,000, and the derived `Debug`/`Clone`/`PartialEq` 24 times
//! (BENCHMARKS.md). So past [`SPLIT_ABOVE`] variants, each per-variant `match`
//! becomes a dispatch on the code's index to helper functions of [`CHUNK`] variants
//! each. The helpers of `catalog!`'s enum match on a *view* of their chunk: a private
//! enum of that chunk's variants only, holding references to the fields, so that no
//! helper's `match` is on the 10,000-variant enum; one function per chunk builds the
//! view. (The derive's enum, possibly generic, gets helpers matching on `self`.)
//! Catalogs of up to [`SPLIT_ABOVE`] codes get the single `match` one would write by
//! hand.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::plan::Plan;
use crate::types::field_type;

/// Catalogs of up to this many codes get one `match` per method, as one would write
/// by hand: a single jump table at run time.
pub const SPLIT_ABOVE: usize = 1024;

/// Variants per helper function past [`SPLIT_ABOVE`]: at 10,000 codes, 64 built
/// faster than 1,024 (borrow checking of large functions) and than 32 (more helpers,
/// each with its exhaustiveness check).
pub(crate) const CHUNK: usize = 64;

/// Whether `plan`'s `match`es are split, past [`SPLIT_ABOVE`] variants. Not in a
/// skeleton, whose variants may not line up with the codes' positions.
fn is_split(plan: &Plan<'_>) -> bool {
    plan.variants.len() > SPLIT_ABOVE && !plan.skeleton
}

/// Whether the split `match`es go through per-chunk views: `catalog!`'s enum when
/// split.
pub(crate) fn has_views(plan: &Plan<'_>) -> bool {
    plan.generated && is_split(plan)
}

/// What a [`Match`] matches on.
pub(crate) enum On {
    /// `self`, the error enum.
    SelfValue,
    /// A value of the code enum, the variable `scrutinee`.
    Code {
        code: proc_macro2::Ident,
        scrutinee: TokenStream,
    },
}

/// A function whose body is a `match` with an arm per variant (or some variants).
pub(crate) struct Match<'a> {
    /// Base name of the helper functions: `__catalog_{name}_{chunk}`.
    pub(crate) name: &'a str,
    /// The helpers' generic parameters, e.g. `<M: SerializeMap>`; usually empty.
    pub(crate) generics: TokenStream,
    /// The helpers' parameters, e.g. `&self, __f: &mut Formatter<'_>`.
    pub(crate) inputs: TokenStream,
    /// The helpers' return type.
    pub(crate) output: TokenStream,
    /// The arguments a call to a helper passes, e.g. `self, __f`.
    pub(crate) args: TokenStream,
    /// What is matched on.
    pub(crate) on: On,
    /// `#[inline]` on the helpers.
    pub(crate) inline: bool,
    /// The helpers' where clause, beyond the enum's own bounds (the helpers sit in
    /// its one inherent impl), e.g. `where T: Default`.
    pub(crate) bounds: Option<TokenStream>,
}

/// One arm: `Enum::Variant #fields => #body`, the variant's path written by
/// [`Match::build`] (the enum's, or the view's).
pub(crate) struct Arm {
    /// The pattern after the path: `{ id, count, .. }`, or nothing. The bindings have
    /// the same types either way: references to the fields.
    pub(crate) fields: TokenStream,
    pub(crate) body: TokenStream,
}

impl Arm {
    pub(crate) fn new(fields: TokenStream, body: TokenStream) -> Self {
        Arm { fields, body }
    }
}

/// The body (an expression) and the helper functions, to be put in the enum's
/// inherent impl.
pub(crate) struct Split {
    pub(crate) body: TokenStream,
    pub(crate) helpers: Vec<TokenStream>,
}

impl<'a> Match<'a> {
    /// A method `name(&self, inputs) -> output` whose body is a `match self`, its
    /// callers passing `args` after `self`.
    pub(crate) fn on_self(
        name: &'a str,
        inputs: TokenStream,
        output: TokenStream,
        args: TokenStream,
    ) -> Self {
        Match {
            name,
            generics: TokenStream::new(),
            inputs: quote!(&self, #inputs),
            output,
            args: quote!(self, #args),
            on: On::SelfValue,
            inline: false,
            bounds: None,
        }
    }

    /// `arms` has one entry per variant of `plan`, in its order (the code enum's
    /// order, so that `code as usize` indexes it); `None` for a variant without an
    /// arm, which gets `fallback`. A `fallback` of `None` means every variant has an
    /// arm. Arms on a code carry no fields.
    pub(crate) fn build(
        &self,
        plan: &Plan<'_>,
        arms: Vec<Option<Arm>>,
        fallback: Option<TokenStream>,
    ) -> Split {
        let total = arms.len();
        let present = arms.iter().filter(|a| a.is_some()).count();
        let rest = fallback
            .clone()
            .unwrap_or_else(|| quote!(::core::unreachable!()));
        // A skeleton's variants may cover neither every variant of the user's enum
        // nor every code: a wildcard always.
        let wildcard_needed = present < total || plan.skeleton;
        // An enum without variants (a catalog none of whose codes could be read):
        // there is no value to match, and a reference to one is not empty to rustc.
        if plan.uninhabited && matches!(self.on, On::SelfValue) {
            return Split {
                body: quote!(match *self {}),
                helpers: Vec::new(),
            };
        }
        if present == 0
            && let Some(fallback) = fallback
        {
            return Split {
                body: fallback,
                helpers: Vec::new(),
            };
        }
        let (path, scrutinee, key) = match &self.on {
            On::SelfValue => {
                let ident = &plan.ident;
                (quote!(#ident), quote!(self), quote!(Self::code(self)))
            }
            On::Code { code, scrutinee } => (quote!(#code), scrutinee.clone(), scrutinee.clone()),
        };
        if !is_split(plan) {
            let arms = arms.iter().zip(&plan.variants).filter_map(|(arm, v)| {
                let Arm { fields, body } = arm.as_ref()?;
                let variant = match self.on {
                    On::SelfValue => &v.ident,
                    On::Code { .. } => &v.code_ident,
                };
                Some(quote!(#path::#variant #fields => #body))
            });
            let rest = wildcard_needed.then(|| quote!(_ => #rest,));
            return Split {
                body: quote!(match #scrutinee { #(#arms,)* #rest }),
                helpers: Vec::new(),
            };
        }
        let (generics, inputs, output, args, bounds) = (
            &self.generics,
            &self.inputs,
            &self.output,
            &self.args,
            &self.bounds,
        );
        let inline = self.inline.then(|| quote!(#[inline]));
        let mut helpers = Vec::new();
        let mut dispatch = Vec::new();
        let chunks = arms.chunks(CHUNK).zip(plan.variants.chunks(CHUNK));
        for (index, (chunk, variants)) in chunks.enumerate() {
            let chunk_present = chunk.iter().flatten().count();
            if chunk_present == 0 {
                continue;
            }
            let pairs = chunk.iter().zip(variants).enumerate();
            let pairs = pairs.filter_map(|(i, (arm, v))| Some((i, arm.as_ref()?, &v.ident)));
            // Variants of other chunks never reach this helper; those of this one
            // without an arm get the fallback.
            let wildcard = quote!(_ => #rest,);
            let body = match &self.on {
                On::SelfValue if has_views(plan) => {
                    let view = view_ident(index);
                    let view_fn = view_fn_ident(index);
                    let arms = pairs.map(|(_, Arm { fields, body }, variant)| {
                        quote!(#view::#variant #fields => #body)
                    });
                    let wildcard = (chunk_present < chunk.len()).then_some(wildcard);
                    quote!(match Self::#view_fn(self) { #(#arms,)* #wildcard })
                }
                On::SelfValue => {
                    let arms = pairs.map(|(_, Arm { fields, body }, variant)| {
                        quote!(#path::#variant #fields => #body)
                    });
                    quote!(match self { #(#arms,)* #wildcard })
                }
                // The code's position in its chunk: an integer `match`, whose check
                // does not visit the code enum's variants.
                On::Code { .. } => {
                    let arms = pairs.map(|(i, Arm { body, .. }, _)| quote!(#i => #body));
                    quote!(match (#scrutinee) as usize % #CHUNK { #(#arms,)* #wildcard })
                }
            };
            let name = format_ident!("__catalog_{}_{}", self.name, index);
            helpers.push(quote! {
                #[doc(hidden)]
                #inline
                fn #name #generics (#inputs) -> #output #bounds {
                    #body
                }
            });
            dispatch.push(quote!(#index => Self::#name(#args)));
        }
        Split {
            body: quote! {
                match (#key) as usize / #CHUNK {
                    #(#dispatch,)*
                    _ => #rest,
                }
            },
            helpers,
        }
    }
}

fn view_ident(chunk: usize) -> proc_macro2::Ident {
    format_ident!("__CatalogView{}", chunk)
}

fn view_fn_ident(chunk: usize) -> proc_macro2::Ident {
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

/// An array constant's initializer (`[a, b, ...]`) and, past [`CHUNK`] elements, the
/// items it is joined from: rustc checks and evaluates one array literal of 10,000
/// elements in some 70 times the time of one of 1,000, and a `const fn` loop copying
/// the elements one by one is slower still. So each chunk is its own constant
/// `{prefix}_{k}` of `CHUNK` elements (the last padded with copies of the first
/// element), `{prefix}_CHUNKS` is the array of the chunks, and the initializer takes
/// the first `n` elements of it flattened, as one copy.
pub(crate) fn array(
    prefix: &str,
    ty: &TokenStream,
    elements: &[TokenStream],
) -> (TokenStream, TokenStream) {
    let n = elements.len();
    if n <= CHUNK {
        return (TokenStream::new(), quote!([#(#elements),*]));
    }
    let names: Vec<_> = (0..n.div_ceil(CHUNK))
        .map(|i| format_ident!("{}_{}", prefix, i))
        .collect();
    let first = &names[0];
    let chunks = elements.chunks(CHUNK).zip(&names).map(|(chunk, name)| {
        let padding = (chunk.len()..CHUNK).map(|_| quote!(#first[0]));
        quote!(const #name: [#ty; #CHUNK] = [#(#chunk,)* #(#padding),*];)
    });
    let all = format_ident!("{}_CHUNKS", prefix);
    let k = names.len();
    (
        quote! {
            #(#chunks)*
            const #all: [[#ty; #CHUNK]; #k] = [#(#names),*];
        },
        quote! {
            match #all.as_flattened().first_chunk::<#n>() {
                ::core::option::Option::Some(__all) => *__all,
                ::core::option::Option::None => ::core::unreachable!(),
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use errors_catalog::Catalog;
    use proc_macro2::Span;

    fn catalog(n: usize) -> Catalog {
        let mut toml = String::new();
        for i in 0..n {
            toml.push_str(&format!("[errors.E{i}]\nstatus = 400\nmessage = \"m\"\n"));
        }
        Catalog::from_str("catalog.toml", &toml).unwrap()
    }

    fn method() -> Match<'static> {
        Match::on_self("fmt", TokenStream::new(), quote!(u32), TokenStream::new())
    }

    fn arms(n: usize, with: impl Fn(usize) -> bool) -> Vec<Option<Arm>> {
        (0..n)
            .map(|i| with(i).then(|| Arm::new(quote!({ .. }), quote!(#i))))
            .collect()
    }

    #[test]
    fn up_to_split_above_is_one_match() {
        let catalog = catalog(SPLIT_ABOVE);
        let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
        assert!(!has_views(&plan));
        let split = method().build(&plan, arms(SPLIT_ABOVE, |_| true), None);
        assert!(split.helpers.is_empty());
        let body = split.body.to_string();
        assert!(
            body.starts_with("match self { ApiError :: E0 { .. } => 0usize ,"),
            "{body}"
        );
        // Every variant has an arm: no wildcard to warn about.
        assert!(!body.contains("_ =>"), "{body}");
    }

    #[test]
    fn some_arms_get_the_fallback() {
        let catalog = catalog(3);
        let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
        let split = method().build(&plan, arms(3, |i| i == 1), Some(quote!(7)));
        assert!(split.helpers.is_empty());
        assert_eq!(
            split.body.to_string(),
            "match self { ApiError :: E1 { .. } => 1usize , _ => 7 , }"
        );
        let none = method().build(&plan, arms(3, |_| false), Some(quote!(7)));
        assert_eq!(none.body.to_string(), "7");
    }

    #[test]
    fn past_split_above_dispatches_on_the_code_to_helpers_on_views() {
        // 17 chunks, the last of 5 variants; the second has no arm, so it gets no
        // helper and falls through to the fallback.
        let n = SPLIT_ABOVE + 5;
        let catalog = catalog(n);
        let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
        assert!(has_views(&plan));
        let with = |i: usize| !(CHUNK..2 * CHUNK).contains(&i) && i != 3;
        let split = method().build(&plan, arms(n, with), Some(quote!(0)));
        assert_eq!(split.helpers.len(), 16);
        let body = split.body.to_string();
        assert!(
            body.starts_with("match (Self :: code (self)) as usize / 64usize {"),
            "{body}"
        );
        assert!(
            body.contains("0usize => Self :: __catalog_fmt_0 (self ,)"),
            "{body}"
        );
        assert!(
            body.contains("16usize => Self :: __catalog_fmt_16 (self ,)"),
            "{body}"
        );
        assert!(!body.contains("__catalog_fmt_1 "), "{body}");
        // A chunk with every arm matches its view exhaustively.
        let last = split.helpers[15].to_string();
        assert!(
            last.contains("fn __catalog_fmt_16 (& self ,) -> u32"),
            "{last}"
        );
        assert!(
            last.contains("match Self :: __catalog_view_16 (self) {"),
            "{last}"
        );
        assert_eq!(last.matches("__CatalogView16 :: E").count(), 5, "{last}");
        assert!(
            last.contains("__CatalogView16 :: E1028 { .. } => 1028usize"),
            "{last}"
        );
        assert!(!last.contains("_ =>"), "{last}");
        // One without E3 gets the fallback for it.
        let first = split.helpers[0].to_string();
        assert!(!first.contains(":: E3 "), "{first}");
        assert!(first.ends_with("_ => 0 , } }"), "{first}");
    }

    #[test]
    fn without_views_helpers_match_on_self() {
        let n = SPLIT_ABOVE + 1;
        let catalog = catalog(n);
        let mut plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
        plan.generated = false;
        let split = method().build(&plan, arms(n, |_| true), None);
        let last = split.helpers.last().unwrap().to_string();
        assert!(
            last.contains("match self { ApiError :: E1024 { .. } => 1024usize , _ => :: core :: unreachable ! () , }"),
            "{last}"
        );
    }

    #[test]
    fn helpers_on_a_code_match_its_position_in_the_chunk() {
        let n = SPLIT_ABOVE + 2;
        let catalog = catalog(n);
        let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
        let method = Match {
            on: On::Code {
                code: proc_macro2::Ident::new("ApiErrorCode", Span::call_site()),
                scrutinee: quote!(__code),
            },
            ..method()
        };
        let split = method.build(&plan, arms(n, |_| true), None);
        assert!(
            split
                .body
                .to_string()
                .starts_with("match (__code) as usize / 64usize {")
        );
        let last = split.helpers.last().unwrap().to_string();
        assert!(
            last.contains("match (__code) as usize % 64usize { 0usize => 1024usize , 1usize => 1025usize , _ => :: core :: unreachable ! () , }"),
            "{last}"
        );
    }

    #[test]
    fn large_arrays_are_joined_from_padded_chunks() {
        let elements: Vec<_> = (0..SPLIT_ABOVE as u16 + 1).map(|i| quote!(#i)).collect();
        let (items, init) = array("__X", &quote!(u16), &elements);
        let items = items.to_string();
        assert!(
            items.contains("const __X_0 : [u16 ; 64usize] = [0u16 ,"),
            "{items}"
        );
        // The last chunk: one element, then 63 copies of the first.
        assert!(
            items.contains("const __X_16 : [u16 ; 64usize] = [1024u16 , __X_0 [0] ,"),
            "{items}"
        );
        assert_eq!(items.matches("__X_0 [0]").count(), 63);
        assert!(
            items.contains("const __X_CHUNKS : [[u16 ; 64usize] ; 17usize] = [__X_0 , __X_1 ,")
        );
        assert!(
            init.to_string()
                .contains("__X_CHUNKS . as_flattened () . first_chunk :: < 1025usize > ()")
        );
        let (none, small) = array("__X", &quote!(u16), &elements[..3]);
        assert!(none.is_empty());
        assert_eq!(small.to_string(), "[0u16 , 1u16 , 2u16]");
    }
}
