//! `fmt_localized`: the message in another language of the catalog (SPEC 9.4), one
//! `write!` per translated template, so every language renders through `core::fmt`
//! with the same format specs as the primary one. Generated only for a catalog with
//! `[locales]`: the trait's default (the primary `Display`) serves the others, and
//! their expansion stays what it was.

use proc_macro2::{Ident, Span};
use quote::quote;

use crate::fmt::display_body;
use crate::plan::Plan;
use crate::split::{Arm, Match, Split};

/// The body of `CatalogError::fmt_localized`, or `None` when the catalog has no
/// locales. `__locale` is the index in `CatalogMeta::locales`; a code without a
/// translation into it renders its primary message.
pub(super) fn localized_body(plan: &Plan<'_>, span: Span) -> Option<Split> {
    if plan.catalog.locales.is_empty() {
        return None;
    }
    let method = Match::on_self(
        "fmt_localized",
        quote!(__locale: usize, __f: &mut ::core::fmt::Formatter<'_>),
        quote!(::core::fmt::Result),
        quote!(__locale, __f),
    );
    let primary = quote!(::core::fmt::Display::fmt(self, __f));
    let arms = plan
        .variants
        .iter()
        .map(|v| {
            if v.def.translations.is_empty() {
                return None;
            }
            let used: Vec<&str> = v
                .def
                .message
                .placeholders()
                .map(|p| p.field.as_ref())
                .collect();
            let bindings = v
                .fields
                .iter()
                .filter(|b| used.contains(&b.field.name.as_str()))
                .map(|b| &b.ident);
            let locales = v.def.translations.iter().map(|t| {
                let index = plan
                    .catalog
                    .locales
                    .iter()
                    .position(|l| *l == t.locale)
                    .unwrap_or(usize::MAX);
                let body = display_body(&t.message, span, |name| {
                    v.binding(name)
                        .cloned()
                        .unwrap_or_else(|| Ident::new("__missing", span))
                });
                quote!(#index => #body)
            });
            Some(Arm::new(
                v.pattern(bindings),
                quote!(match __locale { #(#locales,)* _ => #primary }),
            ))
        })
        .collect();
    Some(method.build(plan, arms, Some(primary)))
}
