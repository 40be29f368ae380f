//! Derive mode's checks: the user's enum against the catalog. Every code needs a
//! variant, every variant a code, every catalog field a Rust field of the right type,
//! and every other field a marker (`#[source]`, `#[from]`, `#[catalog(skip)]`) that
//! keeps it off the wire. Each problem is reported at the Rust span that is wrong,
//! citing the catalog's `path:line:column` where that helps. The result is the same
//! [`Plan`] that `catalog!` builds, so code generation is shared.
//!
//! This module matches variants to codes; `fields` matches a variant's fields to
//! its code's.

mod fields;

use std::collections::HashMap;

use errors_catalog::suggest::did_you_mean;
use errors_catalog::{Catalog, ErrorDef};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use self::fields::variant_plan;
use crate::attr;
use crate::ctxt::Ctxt;
use crate::generics::Generics;
use crate::input::{EnumInput, Variant};
use crate::plan::{Plan, VariantPlan};
use crate::types::field_type_text;
use crate::written::Written;

/// A field whose type could not be judged from its syntax (an alias, say): the
/// compiler checks it against the catalog type.
pub(crate) struct TypeCheck<'c> {
    pub(crate) ty: &'c Written<syn::Type>,
    pub(crate) expected: TokenStream,
}

pub(crate) fn plan<'c>(
    catalog: &'c Catalog,
    rt: &TokenStream,
    input: &'c EnumInput,
    generics: Generics,
    cx: &mut Ctxt,
) -> (Plan<'c>, Vec<TypeCheck<'c>>) {
    let mut checks = Vec::new();
    // Catalog index -> (variant plan), filled as user variants are matched.
    let mut matched: Vec<Option<VariantPlan<'c>>> = catalog.errors.iter().map(|_| None).collect();
    let mut matched_by: HashMap<usize, Ident> = HashMap::new();
    // Codes a "did you mean" already pointed at: not reported as missing too.
    let mut suggested = Vec::new();
    // Variants named after no code and mapped to none: reported once every variant
    // is matched, so that each can be linked to a code left without a variant.
    let mut orphans = Vec::new();
    for variant in &input.variants {
        let code_attr = attr::variant_code(&variant.attrs, cx);
        let found = match &code_attr {
            Some(lit) => code_of_attr(catalog, lit, cx, &mut suggested),
            None => {
                let name = variant.ident.unraw().to_string();
                let found = catalog.errors.iter().position(|e| e.variant == name);
                if found.is_none() {
                    orphans.push(variant);
                }
                found
            }
        };
        let Some(index) = found else {
            // Still check the fields' attributes, for their own errors.
            for field in &variant.fields {
                attr::field(&field.attrs, cx);
            }
            continue;
        };
        let def = &catalog.errors[index];
        if let Some(first) = matched_by.get(&index) {
            cx.error(
                variant.ident.span(),
                format!(
                    "`{}` and `{first}` both map to the code `{}`; each code has one variant",
                    variant.ident, def.code
                ),
            );
            continue;
        }
        matched_by.insert(index, variant.ident.clone());
        matched[index] = Some(variant_plan(def, rt, variant, cx, &mut checks));
    }
    let unmatched: Vec<usize> = (0..catalog.errors.len())
        .filter(|i| matched[*i].is_none() && !suggested.contains(i))
        .collect();
    for variant in orphans {
        report_orphan(catalog, variant, &unmatched, cx, &mut suggested);
    }

    let missing: Vec<&ErrorDef> = catalog
        .errors
        .iter()
        .zip(&matched)
        .enumerate()
        .filter(|(i, (_, m))| m.is_none() && !suggested.contains(i))
        .map(|(_, (def, _))| def)
        .collect();
    if !missing.is_empty() {
        report_missing(&input.ident, &missing, cx);
    }

    let plan = Plan {
        catalog,
        ident: input.ident.clone(),
        code_ident: format_ident!("{}Code", input.ident),
        vis: input.vis.clone(),
        generics,
        variants: matched.into_iter().flatten().collect(),
        span: Span::call_site(),
        rt: rt.clone(),
        generated: false,
        skeleton: false,
        uninhabited: input.variants.is_empty(),
    };
    (plan, checks)
}

/// The catalog index of the code `#[catalog(code = "...")]` names.
fn code_of_attr(
    catalog: &Catalog,
    lit: &syn::LitStr,
    cx: &mut Ctxt,
    suggested: &mut Vec<usize>,
) -> Option<usize> {
    let code = lit.value();
    if let Some(i) = catalog.errors.iter().position(|e| e.code == code) {
        return Some(i);
    }
    let help = match did_you_mean(&code, catalog.errors.iter().map(|e| e.code.as_str())) {
        Some(similar) => {
            suggested.extend(catalog.errors.iter().position(|e| e.code == similar));
            format!("did you mean `{similar}`?")
        }
        None => format!(
            "it must be a code declared in the catalog ({}); if the code was removed, remove the variant or map it to another code",
            catalog_file(catalog)
        ),
    };
    cx.error(
        lit.span(),
        format!("the catalog has no code `{code}`; {help}"),
    );
    None
}

/// The root file of the catalog, as diagnostics name it.
fn catalog_file(catalog: &Catalog) -> String {
    catalog.files.first().map_or_else(
        || "the catalog".to_owned(),
        |f| format!("`{}`", f.display()),
    )
}

/// A variant named after no code. When a code without a variant is likely the same
/// error — its name is close, or it has the same fields — the two are one problem,
/// reported at the variant with the fix; otherwise the code was probably removed.
fn report_orphan(
    catalog: &Catalog,
    variant: &Variant,
    unmatched: &[usize],
    cx: &mut Ctxt,
    suggested: &mut Vec<usize>,
) {
    let name = variant.ident.unraw().to_string();
    let by_name = did_you_mean(
        &name,
        unmatched
            .iter()
            .map(|&i| catalog.errors[i].variant.as_str()),
    )
    .and_then(|similar| {
        unmatched
            .iter()
            .copied()
            .find(|&i| catalog.errors[i].variant == similar)
    });
    let fields = catalog_field_names(variant);
    let same_fields: Vec<usize> = if fields.is_empty() {
        Vec::new()
    } else {
        unmatched
            .iter()
            .copied()
            .filter(|&i| {
                let mut theirs: Vec<&str> = catalog.errors[i]
                    .fields
                    .iter()
                    .map(|f| f.name.as_str())
                    .collect();
                theirs.sort_unstable();
                theirs == fields
            })
            .collect()
    };
    let by_fields = match same_fields.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let message = match (by_name, by_fields) {
        (Some(i), _) => {
            let def = &catalog.errors[i];
            format!(
                "variant `{name}` matches no code of the catalog; did you mean `{}` (the code `{}`, {}, which has no variant)? Rename the variant, or map it with `#[catalog(code = \"{}\")]`",
                def.variant, def.code, def.location, def.code
            )
        }
        (None, Some(i)) => {
            let def = &catalog.errors[i];
            format!(
                "variant `{name}` matches no code of the catalog, and the code `{}` ({}) has no variant; they have the same fields ({}): map the variant with `#[catalog(code = \"{}\")]`, or rename it `{}`",
                def.code,
                def.location,
                fields.join(", "),
                def.code,
                def.variant
            )
        }
        (None, None) => format!(
            "variant `{name}` matches no code of the catalog ({}); if its code was removed from the catalog, remove the variant, or map it to another code with `#[catalog(code = \"...\")]`; otherwise name it after its code (`RATE_LIMITED` -> `RateLimited`)",
            catalog_file(catalog)
        ),
    };
    suggested.extend(by_name.or(by_fields));
    cx.error(variant.ident.span(), message);
}

/// The names of a variant's fields that could be catalog fields (named, without a
/// marker), sorted.
fn catalog_field_names(variant: &Variant) -> Vec<String> {
    let mut names: Vec<String> = variant
        .fields
        .iter()
        // Their attributes' own errors are reported where the variant is checked.
        .filter(|f| {
            attr::field(&f.attrs, &mut Ctxt::default())
                .marker()
                .is_none()
        })
        .filter_map(|f| f.ident.as_ref().map(|i| i.unraw().to_string()))
        .collect();
    names.sort_unstable();
    names
}

fn report_missing(enum_ident: &Ident, missing: &[&ErrorDef], cx: &mut Ctxt) {
    let listed: Vec<String> = missing
        .iter()
        .map(|d| format!("`{}` ({})", d.code, d.location))
        .collect();
    let suggestions: Vec<String> = missing.iter().map(|d| variant_signature(d)).collect();
    cx.error(
        enum_ident.span(),
        format!(
            "`{enum_ident}` has no variant for {} of the catalog: {}; add {}",
            if missing.len() == 1 {
                "a code"
            } else {
                "codes"
            },
            listed.join(", "),
            suggestions.join(", ")
        ),
    );
}

/// `RateLimited { category: String, retry_after: u64 }`, to paste.
fn variant_signature(def: &ErrorDef) -> String {
    if def.fields.is_empty() {
        return format!("`{}`", def.variant);
    }
    let fields: Vec<String> = def
        .fields
        .iter()
        .map(|f| format!("{}: {}", rust_name(&f.name), field_type_text(f)))
        .collect();
    format!("`{} {{ {} }}`", def.variant, fields.join(", "))
}

/// A field name as Rust spells it: `r#type` for a keyword.
fn rust_name(name: &str) -> String {
    if errors_catalog::naming::is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// `fn` that makes the compiler compare the types the syntax could not judge.
pub(crate) fn type_assertions(plan: &Plan<'_>, checks: &[TypeCheck<'_>]) -> TokenStream {
    if checks.is_empty() {
        return TokenStream::new();
    }
    let impl_generics = plan.generics.impl_generics();
    let where_clause = plan.generics.where_clause();
    let asserts = checks.iter().map(|c| {
        let (ty, expected) = (&c.ty, &c.expected);
        quote::quote_spanned!(ty.span()=> let _: fn(&#ty) -> &#expected = |__v| __v;)
    });
    quote! {
        #[allow(dead_code, clippy::all)]
        fn __errors_runtime_field_types #impl_generics () #where_clause {
            #(#asserts)*
        }
    }
}
