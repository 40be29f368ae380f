//! Derive mode's checks: the user's enum against the catalog. Every code needs a
//! variant, every variant a code, every catalog field a Rust field of the right type,
//! and every other field a marker (`#[source]`, `#[from]`, `#[catalog(skip)]`) that
//! keeps it off the wire. Each problem is reported at the Rust span that is wrong,
//! citing the catalog's `path:line:column` where that helps. The result is the same
//! [`Plan`] that `catalog!` builds, so code generation is shared.

use std::collections::HashMap;

use errors_catalog::suggest::did_you_mean;
use errors_catalog::{Catalog, ErrorDef, Field};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DataEnum, DeriveInput, Fields, Type};

use crate::attr;
use crate::ctxt::Ctxt;
use crate::plan::{Binding, Extra, ExtraKind, Plan, Shape, VariantPlan};
use crate::types::{Fit, field_type, field_type_text, fits};

/// A field whose type could not be judged from its syntax (an alias, say): the
/// compiler checks it against the catalog type.
pub(crate) struct TypeCheck {
    pub(crate) ty: Type,
    pub(crate) expected: TokenStream,
}

pub(crate) fn plan<'c>(
    catalog: &'c Catalog,
    rt: &TokenStream,
    input: &DeriveInput,
    data: &DataEnum,
    cx: &mut Ctxt,
) -> (Plan<'c>, Vec<TypeCheck>) {
    let mut checks = Vec::new();
    // Catalog index -> (variant plan), filled as user variants are matched.
    let mut matched: Vec<Option<VariantPlan<'c>>> = catalog.errors.iter().map(|_| None).collect();
    let mut matched_by: HashMap<usize, Ident> = HashMap::new();
    // Codes a "did you mean" already pointed at: not reported as missing too.
    let mut suggested = Vec::new();
    for variant in &data.variants {
        let code_attr = attr::variant_code(&variant.attrs, cx);
        let Some(index) = find_code(catalog, variant, code_attr.as_ref(), cx, &mut suggested)
        else {
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
        vis: input.vis.to_token_stream(),
        generics: input.generics.clone(),
        variants: matched.into_iter().flatten().collect(),
        span: Span::call_site(),
        rt: rt.clone(),
        generated: false,
        skeleton: false,
        uninhabited: data.variants.is_empty(),
    };
    (plan, checks)
}

/// The catalog index of the code a variant stands for.
fn find_code(
    catalog: &Catalog,
    variant: &syn::Variant,
    code_attr: Option<&syn::LitStr>,
    cx: &mut Ctxt,
    suggested: &mut Vec<usize>,
) -> Option<usize> {
    if let Some(lit) = code_attr {
        let code = lit.value();
        if let Some(i) = catalog.errors.iter().position(|e| e.code == code) {
            return Some(i);
        }
        let help = match did_you_mean(&code, catalog.errors.iter().map(|e| e.code.as_str())) {
            Some(similar) => {
                suggested.extend(catalog.errors.iter().position(|e| e.code == similar));
                format!("did you mean `{similar}`?")
            }
            None => "it must be a code declared in the catalog".to_owned(),
        };
        cx.error(
            lit.span(),
            format!("the catalog has no code `{code}`; {help}"),
        );
        return None;
    }
    let name = variant.ident.unraw().to_string();
    if let Some(i) = catalog.errors.iter().position(|e| e.variant == name) {
        return Some(i);
    }
    let variants = catalog.errors.iter().map(|e| e.variant.as_str());
    let help = match did_you_mean(&name, variants) {
        Some(similar) => {
            let index = catalog.errors.iter().position(|e| e.variant == similar)?;
            suggested.push(index);
            let code = &catalog.errors[index].code;
            format!("did you mean `{similar}` (the code `{code}`)?")
        }
        None => "name it after a code (`RATE_LIMITED` -> `RateLimited`), or map it with `#[catalog(code = \"...\")]`".to_owned(),
    };
    cx.error(
        variant.ident.span(),
        format!("variant `{name}` matches no code of the catalog; {help}"),
    );
    None
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

fn rust_name(name: &str) -> String {
    if errors_catalog::naming::is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

fn variant_plan<'c>(
    def: &'c ErrorDef,
    rt: &TokenStream,
    variant: &syn::Variant,
    cx: &mut Ctxt,
    checks: &mut Vec<TypeCheck>,
) -> VariantPlan<'c> {
    let mut fields = Vec::new();
    let mut extras: Vec<Extra> = Vec::new();
    let mut from_attr = None;
    for (index, field) in variant.fields.iter().enumerate() {
        let attrs = attr::field(&field.attrs, cx);
        let member = match &field.ident {
            Some(ident) => syn::Member::Named(ident.clone()),
            None => syn::Member::Unnamed(syn::Index {
                index: index as u32,
                span: field.ty.span(),
            }),
        };
        let name = field.ident.as_ref().map(|i| i.unraw().to_string());
        let catalog_field = name.as_deref().and_then(|n| def.field(n));
        if let Some(marker) = attrs.marker() {
            if let (Some(cf), Some(name)) = (catalog_field, &name) {
                cx.error(
                    marker,
                    format!(
                        "`{name}` is a detail field of `{}` in the catalog ({}), so it goes on the wire; it cannot also be an error source or skipped",
                        def.code, cf.location
                    ),
                );
                continue;
            }
            let kind = if attrs.from.is_some() {
                from_attr = attrs.from;
                ExtraKind::From
            } else if attrs.source.is_some() {
                ExtraKind::Source
            } else {
                ExtraKind::Skip
            };
            if kind != ExtraKind::Skip
                && let Some(other) = extras.iter().find(|e| e.kind != ExtraKind::Skip)
            {
                cx.error(
                    marker,
                    format!(
                        "`{}` already has an error source (`{}`); a variant has at most one",
                        variant.ident,
                        other.member.to_token_stream()
                    ),
                );
                continue;
            }
            extras.push(Extra {
                member,
                ty: field.ty.clone(),
                kind,
            });
            continue;
        }
        let Some(name) = name else {
            cx.error(
                field.ty.span(),
                "tuple fields cannot hold the catalog's detail fields, which have names; use named fields, or mark this field `#[source]`, `#[from]` or `#[catalog(skip)]`",
            );
            continue;
        };
        let Some(cf) = catalog_field else {
            let ident = field.ident.as_ref().map_or(Span::call_site(), Ident::span);
            let help = match did_you_mean(&name, def.fields.iter().map(|f| f.name.as_str())) {
                Some(similar) => format!("did you mean `{similar}`? "),
                None => String::new(),
            };
            cx.error(
                ident,
                format!(
                    "`{name}` is not a detail field of `{}` in the catalog ({}); {help}a field the catalog does not know must be marked `#[source]`, `#[from]` or `#[catalog(skip)]`, which keeps it off the wire",
                    def.code, def.location
                ),
            );
            continue;
        };
        match fits(&field.ty, &cf.ty, cf.optional) {
            Fit::Yes => {}
            Fit::Unknown => checks.push(TypeCheck {
                ty: field.ty.clone(),
                expected: field_type(rt, cf),
            }),
            Fit::No => {
                cx.error(
                field.ty.span(),
                format!(
                    "`{name}` of `{}` is `{}` in the catalog ({}): its Rust type is `{}`, not `{}`",
                    def.code,
                    catalog_type_text(cf),
                    cf.location,
                    field_type_text(cf),
                    field.ty.to_token_stream().to_string().replace(" ", "")
                ),
                );
                // Not bound: the expansion beside the errors must not use it.
                continue;
            }
        }
        let ident = field
            .ident
            .clone()
            .unwrap_or_else(|| format_ident!("__field{index}"));
        fields.push(Binding { field: cf, ident });
    }

    let present: Vec<&str> = fields.iter().map(|b| b.field.name.as_str()).collect();
    let missing: Vec<String> = def
        .fields
        .iter()
        .filter(|f| !present.contains(&f.name.as_str()))
        .filter(|f| {
            // Reported above as a misplaced marker or a mistyped name, not missing too.
            !variant
                .fields
                .iter()
                .any(|vf| vf.ident.as_ref().is_some_and(|i| i.unraw() == f.name))
        })
        .map(|f| {
            format!(
                "`{}: {}` ({})",
                rust_name(&f.name),
                field_type_text(f),
                f.location
            )
        })
        .collect();
    if !missing.is_empty() {
        cx.error(
            variant.ident.span(),
            format!(
                "`{}` lacks the detail field{} {} of `{}`",
                variant.ident,
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                def.code
            ),
        );
    }

    if let Some(from_span) = from_attr {
        let required: Vec<String> = fields
            .iter()
            .filter(|b| !b.field.optional)
            .map(|b| format!("`{}`", b.field.name))
            .collect();
        if !required.is_empty() {
            cx.error(
                from_span,
                format!(
                    "`#[from]` cannot fill the required detail field{} {} of `{}`; use `#[source]` and build the variant yourself",
                    if required.len() == 1 { "" } else { "s" },
                    required.join(", "),
                    def.code
                ),
            );
        }
    }

    VariantPlan {
        def,
        ident: variant.ident.clone(),
        code_ident: Ident::new(&def.variant, Span::call_site()),
        shape: match variant.fields {
            Fields::Unit => Shape::Unit,
            Fields::Named(_) | Fields::Unnamed(_) => Shape::Fields,
        },
        fields,
        extras,
    }
}

fn catalog_type_text(field: &Field) -> String {
    if field.optional {
        format!("{}?", field.ty)
    } else {
        field.ty.to_string()
    }
}

/// `fn` that makes the compiler compare the types the syntax could not judge.
pub(crate) fn type_assertions(plan: &Plan<'_>, checks: &[TypeCheck]) -> TokenStream {
    if checks.is_empty() {
        return TokenStream::new();
    }
    let (impl_generics, _, where_clause) = plan.generics.split_for_impl();
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
