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

mod views;
pub(crate) use views::views;
use views::{view_fn_ident, view_ident};

#[cfg(test)]
mod tests;

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
