//! `#[derive(Catalog)]`: a hand-written enum held to the catalog.
//!
//! The enum keeps the user's own fields — an error source behind `#[source]` or
//! `#[from]`, extra state behind `#[catalog(skip)]` — while the catalog stays the only
//! truth for codes, statuses, messages and wire fields. `matching.rs` checks the enum
//! against the catalog; the expansion is `catalog!`'s, from the same plan.

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::format_ident;
use syn::{Data, DeriveInput};

use crate::ctxt::Ctxt;
use crate::plan::Plan;
use crate::{attr, define, expand, load, matching};

pub(crate) fn derive(input: TokenStream, source_file: Option<PathBuf>) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    let mut cx = Ctxt::default();
    let path = attr::enum_path(&input.attrs, &mut cx);
    let data = match &input.data {
        Data::Enum(data) => Some(data),
        _ => {
            cx.error(
                input.ident.span(),
                "`#[derive(Catalog)]` is for enums: one variant per code of the catalog",
            );
            None
        }
    };
    let path = match path {
        Ok(Some(path)) => path,
        Ok(None) => return cx.into_tokens().unwrap_or_default(),
        Err(()) => {
            cx.error(
                input.ident.span(),
                "add `#[catalog(path = \"catalog.toml\")]`: the catalog this enum follows, relative to CARGO_MANIFEST_DIR",
            );
            return cx.into_tokens().unwrap_or_default();
        }
    };
    let catalog = match load::load(&path, source_file.as_deref()) {
        Ok(catalog) => catalog,
        Err(failure) => {
            let mut out = failure.into_tokens(path.span(), false);
            out.extend(cx.into_tokens());
            return out;
        }
    };
    let Some(data) = data else {
        return cx.into_tokens().unwrap_or_default();
    };
    let (plan, checks) = matching::plan(&catalog, &input, data, &mut cx);
    if let Some(errors) = cx.into_tokens() {
        // The code enum still exists, so code naming the codes does not add errors.
        let mut codes = Plan::from_catalog(&catalog, Span::call_site());
        codes.ident = input.ident.clone();
        codes.code_ident = format_ident!("{}Code", input.ident);
        let mut out = errors;
        out.extend(define::code_enum(&codes));
        out.extend(expand::code_only(&codes));
        return out;
    }
    let mut out = define::code_enum(&plan);
    out.extend(expand::impls(
        &plan,
        matching::type_assertions(&plan, &checks),
    ));
    out
}
