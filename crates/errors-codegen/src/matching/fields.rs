//! One variant's fields against its catalog error: each field is either a catalog
//! field, bound by name with a fitting type, or marked (`#[source]`, `#[from]`,
//! `#[catalog(skip)]`) and kept off the wire. Every catalog field must be there, and
//! a `#[from]` must be able to fill the others.

use errors_catalog::suggest::did_you_mean;
use errors_catalog::{ErrorDef, Field};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, format_ident};
use syn::ext::IdentExt;

use super::{TypeCheck, rust_name};
use crate::attr::{self, FieldAttrs};
use crate::ctxt::Ctxt;
use crate::input::{Field as RustField, Variant};
use crate::plan::{Binding, Extra, ExtraKind, Shape, VariantPlan};
use crate::types::{Fit, field_type, field_type_text, fits};

/// The plan of `variant`, which maps to `def`: its fields matched one by one, then
/// the checks that need them all. Problems go to `cx`, types the syntax cannot
/// judge to `checks`.
pub(super) fn variant_plan<'c>(
    def: &'c ErrorDef,
    rt: &TokenStream,
    variant: &'c Variant,
    cx: &mut Ctxt,
    checks: &mut Vec<TypeCheck<'c>>,
) -> VariantPlan<'c> {
    let mut fields = VariantFields::new(def, rt, variant);
    for (index, field) in variant.fields.iter().enumerate() {
        fields.add(index, field, cx, checks);
    }
    fields.report_missing(cx);
    fields.check_from(cx);
    fields.into_plan()
}

/// A variant's fields as they are matched, in field order.
struct VariantFields<'a, 'c> {
    def: &'c ErrorDef,
    rt: &'a TokenStream,
    variant: &'c Variant,
    /// The catalog fields the variant holds, each with a fitting type.
    bindings: Vec<Binding<'c>>,
    /// The marked fields, kept off the wire.
    extras: Vec<Extra<'c>>,
    /// The span of the variant's `#[from]`, if it has one.
    from: Option<Span>,
    /// Where `#[catalog(default)]` is given: only `#[from]` reads it.
    defaults: Vec<Span>,
}

impl<'a, 'c> VariantFields<'a, 'c> {
    fn new(def: &'c ErrorDef, rt: &'a TokenStream, variant: &'c Variant) -> Self {
        VariantFields {
            def,
            rt,
            variant,
            bindings: Vec::new(),
            extras: Vec::new(),
            from: None,
            defaults: Vec::new(),
        }
    }

    /// Matches one field: a marked one becomes an extra, any other must be a
    /// catalog field.
    fn add(
        &mut self,
        index: usize,
        field: &'c RustField,
        cx: &mut Ctxt,
        checks: &mut Vec<TypeCheck<'c>>,
    ) {
        let attrs = attr::field(&field.attrs, cx);
        let name = field.ident.as_ref().map(|i| i.unraw().to_string());
        if attrs.default.is_some() {
            self.note_default(field, &attrs, cx);
        }
        if let Some(marker) = attrs.marker() {
            self.add_extra(index, field, name.as_deref(), attrs, marker, cx);
        } else if let Some(binding) = self.bind(index, field, name, attrs.default, cx, checks) {
            self.bindings.push(binding);
        }
    }

    /// Records a `#[catalog(default)]` for `#[from]` to read; on the error source
    /// itself, which `#[from]` converts, it means nothing and is reported.
    fn note_default(&mut self, field: &RustField, attrs: &FieldAttrs, cx: &mut Ctxt) {
        self.defaults
            .push(field.ident.as_ref().map_or(field.ty.span(), Ident::span));
        if attrs.from.is_some() || attrs.source.is_some() {
            cx.error(
                field.ty.span(),
                "the error source is what `#[from]` converts; a default is for the variant's other fields",
            );
        }
    }

    /// A marked field becomes an extra, unless the catalog sends a field of its name
    /// or it would be the variant's second error source.
    fn add_extra(
        &mut self,
        index: usize,
        field: &'c RustField,
        name: Option<&str>,
        attrs: FieldAttrs,
        marker: Span,
        cx: &mut Ctxt,
    ) {
        if self.reject_marked_catalog_field(name, marker, cx) {
            return;
        }
        let kind = extra_kind(&attrs);
        // Recorded even for a rejected second source: `#[from]`'s checks still apply.
        if kind == ExtraKind::From {
            self.from = attrs.from;
        }
        if kind != ExtraKind::Skip && self.reject_second_source(marker, cx) {
            return;
        }
        self.extras.push(Extra {
            member: member(field, index),
            ty: &field.ty,
            kind,
            from_types: attrs.from_types,
            default: attrs.default,
        });
    }

    /// Whether the marked field `name` is a detail field of the catalog, which goes
    /// on the wire and so cannot be kept off it (reported).
    fn reject_marked_catalog_field(&self, name: Option<&str>, marker: Span, cx: &mut Ctxt) -> bool {
        let Some((name, cf)) = name.and_then(|name| Some((name, self.def.field(name)?))) else {
            return false;
        };
        cx.error(
            marker,
            format!(
                "`{name}` is a detail field of `{}` in the catalog ({}), so it goes on the wire; it cannot also be an error source or skipped",
                self.def.code, cf.location
            ),
        );
        true
    }

    /// Whether the variant already has an error source, so that this one is a second
    /// (reported: `source()` returns one).
    fn reject_second_source(&self, marker: Span, cx: &mut Ctxt) -> bool {
        let Some(other) = self.extras.iter().find(|e| e.kind != ExtraKind::Skip) else {
            return false;
        };
        cx.error(
            marker,
            format!(
                "`{}` already has an error source (`{}`); a variant has at most one. For several source types, hold them in one boxed field and list them: `#[from(std::io::Error, serde_json::Error)] source: Box<dyn std::error::Error + Send + Sync>`",
                self.variant.ident,
                other.member
            ),
        );
        true
    }

    /// The binding of an unmarked field: it must be named, a detail field of the
    /// catalog, and of a fitting type. `None` when it is reported: a field not bound
    /// is not used by the expansion beside the errors.
    fn bind(
        &self,
        index: usize,
        field: &'c RustField,
        name: Option<String>,
        default: Option<TokenStream>,
        cx: &mut Ctxt,
        checks: &mut Vec<TypeCheck<'c>>,
    ) -> Option<Binding<'c>> {
        let Some(name) = name else {
            cx.error(
                field.ty.span(),
                "tuple fields cannot hold the catalog's detail fields, which have names; use named fields, or mark this field `#[source]`, `#[from]` or `#[catalog(skip)]`",
            );
            return None;
        };
        let Some(cf) = self.def.field(&name) else {
            self.report_unknown_field(field, &name, cx);
            return None;
        };
        if !self.type_fits(field, &name, cf, cx, checks) {
            return None;
        }
        let ident = field
            .ident
            .clone()
            .unwrap_or_else(|| format_ident!("__field{index}"));
        Some(Binding {
            field: cf,
            ident,
            default,
        })
    }

    /// An unmarked field of a name the catalog does not know, with the closest name
    /// it does.
    fn report_unknown_field(&self, field: &RustField, name: &str, cx: &mut Ctxt) {
        let def = self.def;
        let ident = field.ident.as_ref().map_or(Span::call_site(), Ident::span);
        let help = match did_you_mean(name, def.fields.iter().map(|f| f.name.as_str())) {
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
    }

    /// Whether the field's type may be the catalog's: a type the syntax cannot judge
    /// (an alias, say) is left to the compiler through `checks`; a wrong one is
    /// reported.
    fn type_fits(
        &self,
        field: &'c RustField,
        name: &str,
        cf: &Field,
        cx: &mut Ctxt,
        checks: &mut Vec<TypeCheck<'c>>,
    ) -> bool {
        // A generated enum's name is the catalog's: left to the compiler.
        let fit = match cf.enum_type {
            Some(_) => Fit::Unknown,
            None => fits(field.ty.node(), &cf.ty, cf.optional),
        };
        match fit {
            Fit::Yes => true,
            Fit::Unknown => {
                checks.push(TypeCheck {
                    ty: &field.ty,
                    expected: field_type(self.rt, cf),
                });
                true
            }
            Fit::No => {
                cx.error(
                    field.ty.span(),
                    format!(
                        "`{name}` of `{}` is `{}` in the catalog ({}): its Rust type is `{}`, not `{}`",
                        self.def.code,
                        catalog_type_text(cf),
                        cf.location,
                        field_type_text(cf),
                        field.ty.tokens().to_string().replace(" ", "")
                    ),
                );
                false
            }
        }
    }

    /// Reports the catalog fields the variant lacks, in one error on the variant.
    fn report_missing(&self, cx: &mut Ctxt) {
        let present: Vec<&str> = self
            .bindings
            .iter()
            .map(|b| b.field.name.as_str())
            .collect();
        let missing: Vec<String> = self
            .def
            .fields
            .iter()
            .filter(|f| !present.contains(&f.name.as_str()))
            .filter(|f| {
                // Reported above as a misplaced marker or a mistyped name, not missing too.
                !self
                    .variant
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
                self.variant.ident.span(),
                format!(
                    "`{}` lacks the detail field{} {} of `{}`",
                    self.variant.ident,
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    self.def.code
                ),
            );
        }
    }

    /// `#[from]` must be able to fill every other field; without one, a
    /// `#[catalog(default)]` has no reader.
    fn check_from(&self, cx: &mut Ctxt) {
        match self.from {
            Some(from) => self.report_unfilled_by_from(from, cx),
            None => self.report_defaults_without_from(cx),
        }
    }

    /// The required catalog fields `#[from]` has no value for.
    fn report_unfilled_by_from(&self, from: Span, cx: &mut Ctxt) {
        let required: Vec<String> = self
            .bindings
            .iter()
            .filter(|b| !b.field.optional && b.default.is_none())
            .map(|b| format!("`{}`", b.field.name))
            .collect();
        if !required.is_empty() {
            cx.error(
                from,
                format!(
                    "`#[from]` cannot fill the required detail field{} {} of `{}`; give {} a value with `#[catalog(default = \"...\")]` (or `#[catalog(default)]` for `Default::default()`), or use `#[source]` and build the variant yourself",
                    if required.len() == 1 { "" } else { "s" },
                    required.join(", "),
                    self.def.code,
                    if required.len() == 1 { "it" } else { "each" },
                ),
            );
        }
    }

    fn report_defaults_without_from(&self, cx: &mut Ctxt) {
        for span in &self.defaults {
            cx.error(
                *span,
                "`#[catalog(default)]` is what `#[from]` fills a field with, and this variant has no `#[from]` field; remove it",
            );
        }
    }

    fn into_plan(self) -> VariantPlan<'c> {
        VariantPlan {
            def: self.def,
            ident: self.variant.ident.clone(),
            code_ident: Ident::new(&self.def.variant, Span::call_site()),
            shape: if self.variant.unit {
                Shape::Unit
            } else {
                Shape::Fields
            },
            fields: self.bindings,
            extras: self.extras,
        }
    }
}

/// What a marked field is, `#[from]` first: it is also a source.
fn extra_kind(attrs: &FieldAttrs) -> ExtraKind {
    if attrs.from.is_some() {
        ExtraKind::From
    } else if attrs.source.is_some() {
        ExtraKind::Source
    } else {
        ExtraKind::Skip
    }
}

/// How the field is named in a pattern: its name, or its position in a tuple variant.
fn member(field: &RustField, index: usize) -> TokenStream {
    match &field.ident {
        Some(ident) => ident.to_token_stream(),
        None => {
            let mut index = proc_macro2::Literal::usize_unsuffixed(index);
            index.set_span(field.ty.span());
            index.into_token_stream()
        }
    }
}

/// The catalog's spelling of a field's type, `?` for optional.
fn catalog_type_text(field: &Field) -> String {
    if field.optional {
        format!("{}?", field.ty)
    } else {
        field.ty.to_string()
    }
}
