//! The per-variant `match` of each method that reads a variant's catalog fields:
//! `retry_after`, `param`, `Display::fmt`, the header and internal-field visitors,
//! `details_len` and `write_details`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::fmt::display_body;
use crate::plan::{Binding, Plan, VariantPlan};
use crate::split::{Arm, Match, Split};

/// The arm `arm` gives each variant, or `fallback` for those it gives none; just
/// `fallback` when no variant has an arm.
fn match_some<'p>(
    plan: &'p Plan<'_>,
    method: &Match<'_>,
    arm: impl Fn(&'p VariantPlan<'_>) -> Option<Arm>,
    fallback: TokenStream,
) -> Split {
    method.build(
        plan,
        plan.variants.iter().map(arm).collect(),
        Some(fallback),
    )
}

pub(super) fn retry_after_body(plan: &Plan<'_>) -> Split {
    let method = Match::on_self(
        "retry_after",
        TokenStream::new(),
        quote!(::core::option::Option<::core::time::Duration>),
        TokenStream::new(),
    );
    match_some(
        plan,
        &method,
        |v| {
            let field = v.def.retry_after_field()?;
            let binding = v.binding(&field.name)?;
            let value = if field.optional {
                quote!((*#binding).map(|__s| ::core::time::Duration::from_secs(::core::convert::From::from(__s))))
            } else {
                quote!(::core::option::Option::Some(::core::time::Duration::from_secs(::core::convert::From::from(*#binding))))
            };
            Some(Arm::new(v.pattern([binding]), value))
        },
        quote!(::core::option::Option::None),
    )
}

pub(super) fn param_body(plan: &Plan<'_>) -> Split {
    let method = Match::on_self(
        "param",
        TokenStream::new(),
        quote!(::core::option::Option<&str>),
        TokenStream::new(),
    );
    match_some(
        plan,
        &method,
        |v| {
            let name = v.def.param.as_deref()?;
            let field = v.def.field(name)?;
            let binding = v.binding(name)?;
            let value = if field.optional {
                quote!(#binding.as_deref())
            } else {
                quote!(::core::option::Option::Some(#binding.as_str()))
            };
            Some(Arm::new(v.pattern([binding]), value))
        },
        quote!(::core::option::Option::None),
    )
}

/// `Display::fmt`: every variant's message template.
pub(super) fn display_body_split(plan: &Plan<'_>, span: Span) -> Split {
    let method = Match::on_self(
        "fmt",
        quote!(__f: &mut ::core::fmt::Formatter<'_>),
        quote!(::core::fmt::Result),
        quote!(__f),
    );
    let arms = plan
        .variants
        .iter()
        .map(|v| Some(display_arm(v, span)))
        .collect();
    method.build(plan, arms, None)
}

fn display_arm(v: &VariantPlan<'_>, span: Span) -> Arm {
    let by = v.def.message_by.as_ref();
    let used: Vec<_> = v
        .def
        .templates()
        .flat_map(|t| t.placeholders())
        .map(|p| p.field.as_ref())
        .chain(by.map(|b| b.field.as_str()))
        .collect();
    let bindings = v
        .fields
        .iter()
        .filter(|b| used.contains(&b.field.name.as_str()))
        .map(|b| &b.ident);
    let bind = |name: &str| {
        v.binding(name)
            .cloned()
            .unwrap_or_else(|| Ident::new("__missing", span))
    };
    let chooser = by.and_then(|b| {
        let enum_type = v.def.field(&b.field)?.enum_type.as_ref()?;
        Some((b, v.binding(&b.field)?, enum_type))
    });
    let body = match chooser {
        // The template of the field's value: one arm per value.
        Some((by, binding, enum_type)) => {
            let ty = Ident::new(&enum_type.name, span);
            let arms = enum_type.values.iter().filter_map(|value| {
                let template = by.template(&value.value)?;
                let variant = Ident::new(&value.variant, span);
                let body = display_body(template, span, bind);
                Some(quote!(#ty::#variant => #body,))
            });
            quote!(match *#binding { #(#arms)* })
        }
        None => display_body(&v.def.message, span, bind),
    };
    Arm::new(v.pattern(bindings), body)
}

/// A `match` calling `__visit(name, value)` for each field `key` names (its header,
/// or its own name for internal fields), skipping absent optional ones; the values
/// are passed as `&dyn #visitor`, and `name` tells apart the two methods' helpers.
pub(super) fn visit_body(
    plan: &Plan<'_>,
    name: &str,
    visitor: TokenStream,
    key: impl Fn(&errors_catalog::Field) -> Option<&str>,
) -> Split {
    let method = Match::on_self(
        name,
        quote!(__visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn #visitor)),
        quote!(()),
        quote!(__visit),
    );
    match_some(
        plan,
        &method,
        |v| {
            let visited: Vec<_> = v
                .fields
                .iter()
                .filter_map(|b| Some((b, key(b.field)?)))
                .collect();
            if visited.is_empty() {
                return None;
            }
            let bindings = visited.iter().map(|(b, _)| &b.ident);
            let visits = visited.iter().map(|(b, name)| {
                let binding = &b.ident;
                if b.field.optional {
                    quote! {
                        if let ::core::option::Option::Some(__value) = #binding {
                            __visit(#name, __value);
                        }
                    }
                } else {
                    quote!(__visit(#name, #binding);)
                }
            });
            Some(Arm::new(v.pattern(bindings), quote!({ #(#visits)* })))
        },
        quote!({}),
    )
}

/// `details_len` and `write_details`: the public fields, wire-named, optional ones
/// only when set.
pub(super) fn details_bodies(plan: &Plan<'_>) -> (Split, Split) {
    let rt = &plan.rt;
    let len_method = Match::on_self(
        "details_len",
        TokenStream::new(),
        quote!(usize),
        TokenStream::new(),
    );
    let len = match_some(
        plan,
        &len_method,
        |v| {
            let public = v.detail_fields()?;
            let required = public.iter().filter(|b| !b.field.optional).count();
            let optional: Vec<_> = public
                .iter()
                .filter(|b| b.field.optional)
                .map(|b| &b.ident)
                .collect();
            let counted = optional.iter().map(|o| quote!(+ (#o.is_some() as usize)));
            Some(Arm::new(
                v.pattern(&optional),
                quote!(#required #(#counted)*),
            ))
        },
        quote!(0),
    );
    let write_method = Match {
        generics: quote!(<__M: #rt::__private::serde::ser::SerializeMap>),
        ..Match::on_self(
            "write_details",
            quote!(__w: &mut #rt::__private::Details<'_, __M>),
            quote!(()),
            quote!(__w),
        )
    };
    let write = match_some(
        plan,
        &write_method,
        |v| {
            let public = v.detail_fields()?;
            let bindings = public.iter().map(|b| &b.ident);
            let entries = public.iter().map(|b| {
                let wire = &b.field.wire;
                let binding = &b.ident;
                // Plain function calls into the writer, which keeps the first error:
                // no `?` per field and no method lookup for rustc to type-check.
                if b.field.optional {
                    quote!(#rt::__private::entry_if_set(__w, #wire, #binding);)
                } else {
                    quote!(#rt::__private::entry(__w, #wire, #binding);)
                }
            });
            Some(Arm::new(v.pattern(bindings), quote!({ #(#entries)* })))
        },
        quote!(()),
    );
    (len, write)
}

impl<'c> VariantPlan<'c> {
    /// The bindings of the fields sent in `details`; `None` when there are none.
    fn detail_fields(&self) -> Option<Vec<&Binding<'c>>> {
        let sent: Vec<_> = self.fields.iter().filter(|b| b.field.in_details).collect();
        (!sent.is_empty()).then_some(sent)
    }

    /// The binding of the catalog field `name`.
    pub(crate) fn binding(&self, name: &str) -> Option<&Ident> {
        self.fields
            .iter()
            .find(|b| b.field.name == name)
            .map(|b| &b.ident)
    }
}
