//! The derive's attributes: `#[catalog(path = "...")]` on the enum,
//! `#[catalog(code = "...")]` on a variant, and `#[source]`, `#[from]`,
//! `#[catalog(skip)]` on fields.

use errors_catalog::suggest::did_you_mean;
use proc_macro2::{Span, TokenStream};
use syn::{Attribute, LitStr};

use crate::ctxt::Ctxt;
use crate::written::Written;

/// `#[catalog(...)]` of the enum.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    /// Whether there is any `#[catalog]` attribute.
    pub(crate) present: bool,
    /// `path = "..."`: the catalog file.
    pub(crate) path: Option<LitStr>,
    /// `crate = "..."`: the path of the runtime crate, for users who rename or
    /// re-export it.
    pub(crate) krate: Option<Written<syn::Path>>,
}

pub(crate) fn enum_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    let mut krate: Option<LitStr> = None;
    for attr in catalog_attrs(attrs, "on the enum", "path = \"catalog.toml\"", cx) {
        out.present = true;
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("path") {
                set_once(&mut out.path, "path", &meta)
            } else if meta.path.is_ident("crate") {
                set_once(&mut krate, "crate", &meta)
            } else {
                Err(unknown(&meta, &["path", "crate"], "on the enum"))
            }
        });
        if let Err(err) = result {
            cx.push(err);
        }
    }
    if let Some(lit) = krate {
        match lit.parse::<Written<syn::Path>>() {
            Ok(path) => out.krate = Some(path),
            Err(_) => cx.error(
                lit.span(),
                format!(
                    "`crate = {:?}` is not a path; name the runtime crate as `use` would, e.g. `crate = \"my_errors\"` or `crate = \"::api::errors_runtime\"`",
                    lit.value()
                ),
            ),
        }
    }
    out
}

/// `#[catalog(code = "...")]` of a variant.
pub(crate) fn variant_code(attrs: &[Attribute], cx: &mut Ctxt) -> Option<LitStr> {
    let mut value = None;
    for attr in catalog_attrs(attrs, "on a variant", "code = \"RATE_LIMITED\"", cx) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                set_once(&mut value, "code", &meta)
            } else {
                Err(unknown(&meta, &["code"], "on a variant"))
            }
        });
        if let Err(err) = result {
            cx.push(err);
        }
    }
    value
}

/// The `#[catalog(...)]` attributes among `attrs` that have something inside; an
/// empty one is an error at its span, not a silent no-op.
fn catalog_attrs<'a>(
    attrs: &'a [Attribute],
    place: &str,
    example: &str,
    cx: &mut Ctxt,
) -> Vec<&'a Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("catalog"))
        .filter(|a| {
            let empty = match &a.meta {
                syn::Meta::List(list) => list.tokens.is_empty(),
                _ => false,
            };
            if empty {
                cx.error(
                    attr_span(a),
                    format!("`#[catalog()]` {place} is empty; write what it sets, e.g. `#[catalog({example})]`, or remove it"),
                );
            }
            !empty
        })
        .collect()
}

/// `key = "..."`, given once.
fn set_once(
    slot: &mut Option<LitStr>,
    key: &str,
    meta: &syn::meta::ParseNestedMeta<'_>,
) -> syn::Result<()> {
    let lit: LitStr = meta.value()?.parse()?;
    if slot.is_some() {
        return Err(meta.error(format!("`{key}` is given twice")));
    }
    *slot = Some(lit);
    Ok(())
}

/// What a field's attributes make it.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) source: Option<Span>,
    pub(crate) from: Option<Span>,
    /// `#[from(A, B => classify)]`: the source types to convert from (empty for a
    /// bare `#[from]`, which converts from the field's own type).
    pub(crate) from_types: Vec<FromType>,
    pub(crate) skip: Option<Span>,
    /// `#[catalog(default)]` or `#[catalog(default = "expr")]`: what `#[from]` fills
    /// this field with.
    pub(crate) default: Option<TokenStream>,
}

/// One source type of `#[from(...)]`: `Type`, or `Type => path::to::classify`, a
/// `fn(&Type) -> Option<Enum>` that routes some values to another variant.
pub(crate) struct FromType {
    pub(crate) ty: Written<syn::Type>,
    pub(crate) classify: Option<Written<syn::Path>>,
}

impl syn::parse::Parse for FromType {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let ty = input.parse()?;
        let classify = if input.peek(syn::Token![=>]) {
            input.parse::<syn::Token![=>]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        Ok(FromType { ty, classify })
    }
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
        if attr.path().is_ident("source") {
            if let Err(err) = attr.meta.require_path_only() {
                cx.push(err);
            }
            out.source = Some(span);
        } else if attr.path().is_ident("from") {
            out.from = Some(span);
            if let syn::Meta::List(list) = &attr.meta {
                let parsed = list.parse_args_with(
                    syn::punctuated::Punctuated::<FromType, syn::Token![,]>::parse_terminated,
                );
                match parsed {
                    Ok(types) if !types.is_empty() => out.from_types = types.into_iter().collect(),
                    Ok(_) => cx.error(
                        span,
                        "`#[from()]` names no type; write `#[from]`, or list the source types: `#[from(std::io::Error, serde_json::Error)]`",
                    ),
                    Err(err) => cx.push(syn::Error::new(
                        err.span(),
                        format!("{err}; `#[from(...)]` lists source types, each optionally routed by a function: `#[from(std::io::Error, DbError => classify_db)]`"),
                    )),
                }
            } else if let Err(err) = attr.meta.require_path_only() {
                cx.push(err);
            }
        } else if attr.path().is_ident("catalog") {
            if catalog_attrs(std::slice::from_ref(attr), "on a field", "skip", cx).is_empty() {
                continue;
            }
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    out.skip = Some(span);
                    Ok(())
                } else if meta.path.is_ident("default") {
                    let value = if meta.input.peek(syn::Token![=]) {
                        let lit: LitStr = meta.value()?.parse()?;
                        let expr: Written<syn::Expr> = lit.parse()?;
                        expr.tokens().clone()
                    } else {
                        quote::quote!(::core::default::Default::default())
                    };
                    if out.default.replace(value).is_some() {
                        return Err(meta.error("`default` is given twice"));
                    }
                    Ok(())
                } else {
                    Err(unknown(&meta, &["skip", "default"], "on a field"))
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
