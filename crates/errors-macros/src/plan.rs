//! The plan: the enum to implement the catalog API for, variant by variant, with how
//! each catalog field is bound in Rust. `catalog!` builds it from the catalog alone;
//! the derive builds it from the user's enum after checking it against the catalog.
//! Code generation (`expand.rs`) reads only the plan, so both entry points share it.

use errors_catalog::naming;
use errors_catalog::{Catalog, ErrorDef, Field};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::split::SPLIT_ABOVE;

pub(crate) struct Plan<'c> {
    pub(crate) catalog: &'c Catalog,
    /// The error enum (`ApiError`).
    pub(crate) ident: Ident,
    /// The code enum (`ApiErrorCode`).
    pub(crate) code_ident: Ident,
    /// The visibility of generated inherent items and the code enum.
    pub(crate) vis: TokenStream,
    pub(crate) generics: syn::Generics,
    /// One per catalog code, in catalog order.
    pub(crate) variants: Vec<VariantPlan<'c>>,
    /// Span for generated tokens.
    pub(crate) span: Span,
    /// Whether the split `match`es go through per-chunk views (`split.rs`):
    /// `catalog!`'s enum past `SPLIT_ABOVE` variants.
    pub(crate) views: bool,
}

pub(crate) struct VariantPlan<'c> {
    pub(crate) def: &'c ErrorDef,
    pub(crate) ident: Ident,
    /// The catalog fields, each with the Rust field that holds it.
    pub(crate) fields: Vec<Binding<'c>>,
    /// Fields the catalog does not know (derive mode only).
    pub(crate) extras: Vec<Extra>,
}

/// A catalog field and the Rust field that holds it.
pub(crate) struct Binding<'c> {
    pub(crate) field: &'c Field,
    pub(crate) ident: Ident,
}

/// A field of a derived enum that the catalog does not know: never on the wire.
pub(crate) struct Extra {
    pub(crate) member: syn::Member,
    pub(crate) ty: syn::Type,
    pub(crate) kind: ExtraKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExtraKind {
    /// `#[source]`: returned by `Error::source`.
    Source,
    /// `#[from]`: a source with a `From` impl.
    From,
    /// `#[catalog(skip)]`: neither; `Default` when decoding.
    Skip,
}

impl<'c> Plan<'c> {
    /// The plan of `catalog!`: the enum is generated from the catalog.
    pub(crate) fn from_catalog(catalog: &'c Catalog, span: Span) -> Self {
        let variants = catalog
            .errors
            .iter()
            .map(|def| VariantPlan {
                def,
                ident: Ident::new(&def.variant, span),
                fields: def
                    .fields
                    .iter()
                    .map(|field| Binding {
                        field,
                        ident: field_ident(&field.name, span),
                    })
                    .collect(),
                extras: Vec::new(),
            })
            .collect::<Vec<_>>();
        Plan {
            views: variants.len() > SPLIT_ABOVE,
            catalog,
            ident: Ident::new(&catalog.name, span),
            code_ident: Ident::new(&catalog.code_enum, span),
            vis: quote!(pub),
            generics: syn::Generics::default(),
            variants,
            span,
        }
    }

    /// Whether clients can rebuild every variant from the wire: not when a variant
    /// holds an error source, which never travels.
    pub(crate) fn decodable(&self) -> bool {
        self.variants
            .iter()
            .all(|v| v.extras.iter().all(|e| e.kind == ExtraKind::Skip))
    }
}

/// The Rust identifier of a catalog field: raw for keywords (`r#type`).
pub(crate) fn field_ident(name: &str, span: Span) -> Ident {
    if naming::is_keyword(name) {
        Ident::new_raw(name, span)
    } else {
        Ident::new(name, span)
    }
}
