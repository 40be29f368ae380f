//! `#[derive(Catalog)]`: a hand-written enum held to the catalog.
//!
//! The enum keeps the user's own fields — an error source behind `#[source]` or
//! `#[from]`, extra state behind `#[catalog(skip)]` — while the catalog stays the only
//! truth for codes, statuses, messages and wire fields. `matching.rs` checks the enum
//! against the catalog; the expansion is `catalog!`'s, from the same plan. When
//! anything is wrong, the same expansion is emitted beside the errors as a skeleton
//! (see [`Plan::skeleton`](crate::plan::Plan)), so that code using the enum's methods
//! adds no errors of its own.

use std::path::Path;

use errors_catalog::{Catalog, Partial};
use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;
use crate::input::DeriveInput;
use crate::load::load;
use crate::options::Options;
use crate::{attr, define, expand, matching};

pub(crate) fn derive(
    input: TokenStream,
    source_file: Option<&Path>,
    options: &Options,
) -> TokenStream {
    let mut input = match syn::parse2(input) {
        Ok(DeriveInput::Enum(input)) => input,
        Ok(DeriveInput::Other(ident)) => {
            return syn::Error::new(
                ident.span(),
                "`#[derive(Catalog)]` is for enums: one variant per code of the catalog",
            )
            .to_compile_error();
        }
        Err(err) => return err.to_compile_error(),
    };
    // Moved into the plan, which borrows the rest of the enum.
    let generics = std::mem::take(&mut input.generics);
    let mut cx = Ctxt::default();
    let attrs = attr::enum_attrs(&input.attrs, &mut cx);
    let rt = match &attrs.krate {
        Some(path) => path.tokens().clone(),
        None => options.runtime_tokens(),
    };
    // The catalog, or a placeholder when it cannot be had: then the enum is matched
    // silently, its mismatches being the catalog's problems, not the user's.
    let (catalog, trusted): (Catalog, bool) = match &attrs.path {
        Some(path) => match load(path, source_file) {
            Ok(catalog) => (catalog, true),
            Err(failure) => {
                for message in failure.messages() {
                    cx.error(path.span(), message);
                }
                (failure.placeholder(), false)
            }
        },
        None => {
            // An attribute with errors of its own has been reported already.
            if !cx.has_errors() {
                let message = if attrs.present {
                    "`#[catalog(...)]` on the enum needs `path = \"catalog.toml\"`: the catalog this enum follows, relative to CARGO_MANIFEST_DIR"
                } else {
                    "add `#[catalog(path = \"catalog.toml\")]`: the catalog this enum follows, relative to CARGO_MANIFEST_DIR"
                };
                cx.error(input.ident.span(), message);
            }
            (Partial::default().placeholder_catalog(), false)
        }
    };
    if !trusted {
        // The attributes' own errors are the user's whatever the catalog.
        for variant in &input.variants {
            attr::variant_code(&variant.attrs, &mut cx);
            for field in &variant.fields {
                attr::field(&field.attrs, &mut cx);
            }
        }
    }
    // Against a placeholder, the mismatches are the catalog's problems: discarded.
    let mut discarded = Ctxt::default();
    let match_cx = if trusted { &mut cx } else { &mut discarded };
    let (mut plan, checks) = matching::plan(&catalog, &rt, &input, generics, match_cx);
    if let Some(errors) = cx.into_tokens() {
        plan.skeleton = true;
        let mut out = errors;
        out.extend(define::code_enum(&plan));
        out.extend(expand::enums(&plan));
        out.extend(expand::impls(&plan, TokenStream::new()));
        return out;
    }
    let mut out = define::code_enum(&plan);
    out.extend(expand::enums(&plan));
    out.extend(expand::impls(
        &plan,
        matching::type_assertions(&plan, &checks),
    ));
    out
}
