//! Code generation: the catalog API for the enum of a [`Plan`], shared by `catalog!`
//! and the derive. Logic common to every catalog lives in the runtime; what is
//! generated per variant is only what differs: bindings, literals and wire names.
//!
//! One module per generated concern, assembled here in the order the expansion
//! emits them: `code` (the code enum's impls), `error` (the error enum's inherent
//! impl, `Display` and `CatalogError`), `field_methods` (the per-variant `match` of
//! each method that reads catalog fields), `sources` (`std::error::Error` and the
//! derive's `From` impls), `decode` (`Decode`, for clients).

mod code;
mod decode;
mod enums;
mod error;
mod field_methods;
mod localized;
mod sources;

use proc_macro2::{Span, TokenStream};
use quote::quote;

use errors_catalog::Catalog;

use crate::define;
use crate::metadata::catalog_static;
use crate::options::Options;
use crate::plan::{Plan, VariantPlan};
pub(crate) use enums::enums;

/// What `catalog!` generates: the error enum, the code enum and the impls; with
/// `skeleton`, the same items beside errors (see `Plan::skeleton`).
pub(crate) fn catalog(catalog: &Catalog, options: &Options, skeleton: bool) -> TokenStream {
    let mut plan = Plan::from_catalog(catalog, options.runtime_tokens(), Span::call_site());
    plan.skeleton = skeleton;
    if options.is_client() {
        plan.leave_out_internal_fields();
    }
    let mut out = define::error_enum(&plan);
    out.extend(define::code_enum(&plan));
    out.extend(enums::enums(&plan));
    out.extend(impls(&plan, TokenStream::new()));
    out.extend(crate::subset::subset_macro_rules(
        &plan,
        options.is_client(),
    ));
    out
}

/// Every impl of the catalog API, in a `const _` block so that helper items stay
/// private to it.
pub(crate) fn impls(plan: &Plan<'_>, extra: TokenStream) -> TokenStream {
    let catalog = catalog_static(plan);
    let code = code::code_impls(plan);
    let error = error::error_impls(plan);
    let tracking = track_files(plan);
    // A skeleton's wildcards and `unreachable!()` bodies may be unreachable, and so
    // is everything on an enum without variants.
    let skeleton = (plan.skeleton || plan.uninhabited)
        .then(|| quote!(unreachable_code, unreachable_patterns,));
    quote! {
        #[allow(deprecated, #skeleton clippy::all)]
        const _: () = {
            #catalog
            #code
            #error
            #tracking
            #extra
        };
    }
}

/// Make cargo rebuild the crate when a catalog file changes: `include_bytes!` records
/// each file in the crate's dep-info, on stable Rust.
fn track_files(plan: &Plan<'_>) -> TokenStream {
    let files = plan
        .catalog
        .files
        .iter()
        .filter_map(|path| path.to_str())
        .map(|path| {
            quote!(
                const _: &[u8] = ::core::include_bytes!(#path);
            )
        });
    quote!(#(#files)*)
}

/// `Variant { fields }`, or `Variant` for a unit variant: a value of the enum.
pub(super) fn construct(
    plan: &Plan<'_>,
    v: &VariantPlan<'_>,
    fields: Vec<TokenStream>,
) -> TokenStream {
    let (ident, variant) = (&plan.ident, &v.ident);
    let fields = v.braced(fields);
    quote!(#ident::#variant #fields)
}
