//! The derive's attributes: `#[catalog(path = "...")]` on the enum,
//! `#[catalog(code = "...")]` on a variant, and `#[source]`, `#[from]`,
//! `#[catalog(skip)]` on fields.

use errors_catalog::suggest::did_you_mean;
use proc_macro2::Span;
use syn::{Attribute, LitStr};

use crate::ctxt::Ctxt;

/// `#[catalog(path = "...")]` of the enum: `Err(())` when there is no `#[catalog]`
/// attribute at all, `Ok(None)` when there is one without a usable path (its own
/// errors are reported).
pub(crate) fn enum_path(attrs: &[Attribute], cx: &mut Ctxt) -> Result<Option<LitStr>, ()> {
    if !attrs.iter().any(|a| a.path().is_ident("catalog")) {
        return Err(());
    }
    Ok(string_option(attrs, "path", "on the enum", cx))
}

/// `#[catalog(code = "...")]` of a variant.
pub(crate) fn variant_code(attrs: &[Attribute], cx: &mut Ctxt) -> Option<LitStr> {
    string_option(attrs, "code", "on a variant", cx)
}

/// The one `key = "..."` that `#[catalog(...)]` takes in `place`.
fn string_option(attrs: &[Attribute], key: &str, place: &str, cx: &mut Ctxt) -> Option<LitStr> {
    let mut value = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        let result = attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident(key) {
                return Err(unknown(&meta, &[key], place));
            }
            let lit: LitStr = meta.value()?.parse()?;
            if value.is_some() {
                return Err(meta.error(format!("`{key}` is given twice")));
            }
            value = Some(lit);
            Ok(())
        });
        if let Err(err) = result {
            cx.push(err);
        }
    }
    value
}

/// What a field's attributes make it.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) source: Option<Span>,
    pub(crate) from: Option<Span>,
    pub(crate) skip: Option<Span>,
}

impl FieldAttrs {
    /// The span of the attribute that makes this field an extra, if any.
    pub(crate) fn marker(&self) -> Option<Span> {
        self.from.or(self.source).or(self.skip)
    }
}

pub(crate) fn field(attrs: &[Attribute], cx: &mut Ctxt) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        // The attribute's name: what a reader looks for (`source`, `from`, `catalog`).
        let span = attr_span(attr);
        if attr.path().is_ident("source") || attr.path().is_ident("from") {
            if let Err(err) = attr.meta.require_path_only() {
                cx.push(err);
            }
            if attr.path().is_ident("source") {
                out.source = Some(span);
            } else {
                out.from = Some(span);
            }
        } else if attr.path().is_ident("catalog") {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    out.skip = Some(span);
                    Ok(())
                } else {
                    Err(unknown(&meta, &["skip"], "on a field"))
                }
            });
            if let Err(err) = result {
                cx.push(err);
            }
        }
    }
    if let (Some(skip), true) = (out.skip, out.source.is_some() || out.from.is_some()) {
        cx.push(syn::Error::new(
            skip,
            "a field cannot be both `#[catalog(skip)]` and an error source; drop one",
        ));
    }
    out
}

fn attr_span(attr: &Attribute) -> Span {
    attr.path()
        .segments
        .last()
        .map_or_else(Span::call_site, |s| s.ident.span())
}

fn unknown(meta: &syn::meta::ParseNestedMeta<'_>, known: &[&str], place: &str) -> syn::Error {
    let name = meta
        .path
        .get_ident()
        .map_or_else(|| "?".to_owned(), ToString::to_string);
    let help = match did_you_mean(&name, known.iter().copied()) {
        Some(similar) => format!("did you mean `{similar}`?"),
        None => format!(
            "`#[catalog(...)]` {place} takes {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    meta.error(format!("unknown catalog attribute `{name}`; {help}"))
}
