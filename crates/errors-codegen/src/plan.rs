//! The plan: the enum to implement the catalog API for, variant by variant, with how
//! each catalog field is bound in Rust. `catalog!` builds it from the catalog alone;
//! the derive builds it from the user's enum after checking it against the catalog.
//! Code generation (`expand.rs`) reads only the plan, so both entry points share it.

use errors_catalog::naming;
use errors_catalog::{Catalog, ErrorDef, Field};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::attr::FromType;
use crate::generics::Generics;
use crate::written::Written;

pub(crate) struct Plan<'c> {
    pub(crate) catalog: &'c Catalog,
    /// The error enum (`ApiError`).
    pub(crate) ident: Ident,
    /// The code enum (`ApiErrorCode`).
    pub(crate) code_ident: Ident,
    /// The visibility of generated inherent items and the code enum.
    pub(crate) vis: TokenStream,
    pub(crate) generics: Generics,
    /// One per catalog code, in catalog order.
    pub(crate) variants: Vec<VariantPlan<'c>>,
    /// Span for generated tokens.
    pub(crate) span: Span,
    /// The path of the runtime crate, `::errors_runtime` unless the user says
    /// otherwise: every generated path to the runtime starts with it.
    pub(crate) rt: TokenStream,
    /// Whether the enum is generated from the catalog (`catalog!`), rather than the
    /// user's own (the derive): only a generated enum gets the derives and the
    /// per-chunk views of `split.rs`.
    pub(crate) generated: bool,
    /// Whether this is the expansion beside errors (a derive whose enum does not match
    /// the catalog): `variants` may not cover every variant of the user's enum nor
    /// every code, so each `match` gets a wildcard arm and bodies that build a value of
    /// the enum are `unreachable!()`. The build fails on the errors anyway; the
    /// expansion exists so that code using the enum adds no errors of its own.
    pub(crate) skeleton: bool,
    /// Whether the enum has no variants at all (a catalog none of whose codes could
    /// be read): there is no value to match, and a reference to one is not empty to
    /// rustc, so methods match `*self` with no arms.
    pub(crate) uninhabited: bool,
}

pub(crate) struct VariantPlan<'c> {
    pub(crate) def: &'c ErrorDef,
    /// The variant of the error enum: the user's name in derive mode.
    pub(crate) ident: Ident,
    /// The variant of the code enum: always from the code (`SESSION_FULL` ->
    /// `SessionFull`), so one code has one Rust name in every crate.
    pub(crate) code_ident: Ident,
    /// How the variant is written, for patterns and constructors.
    pub(crate) shape: Shape,
    /// The catalog fields, each with the Rust field that holds it.
    pub(crate) fields: Vec<Binding<'c>>,
    /// Fields the catalog does not know (derive mode only).
    pub(crate) extras: Vec<Extra<'c>>,
}

/// How a variant is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Variant`: matched and built without braces.
    Unit,
    /// `Variant { .. }` or `Variant(..)`: matched with braces, which fit both.
    Fields,
}

/// A catalog field and the Rust field that holds it.
pub(crate) struct Binding<'c> {
    pub(crate) field: &'c Field,
    pub(crate) ident: Ident,
    /// What `#[from]` fills the field with (`#[catalog(default = ...)]`, derive
    /// only); `None` for an optional field otherwise.
    pub(crate) default: Option<TokenStream>,
}

/// A field of a derived enum that the catalog does not know: never on the wire.
pub(crate) struct Extra<'c> {
    /// The field's name, or its index in a tuple variant.
    pub(crate) member: TokenStream,
    /// The field's type in the user's enum.
    pub(crate) ty: &'c Written<syn::Type>,
    pub(crate) kind: ExtraKind,
    /// `#[from(A, B => classify)]`'s source types; empty for a bare `#[from]`.
    pub(crate) from_types: Vec<FromType>,
    /// What `#[from]` fills the field with (`#[catalog(default = ...)]`), when the
    /// field is not the source: `Default::default()` otherwise.
    pub(crate) default: Option<TokenStream>,
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
    pub(crate) fn from_catalog(catalog: &'c Catalog, rt: TokenStream, span: Span) -> Self {
        let variants = catalog
            .errors
            .iter()
            .map(|def| VariantPlan {
                def,
                ident: Ident::new(&def.variant, span),
                code_ident: Ident::new(&def.variant, span),
                shape: if def.fields.is_empty() {
                    Shape::Unit
                } else {
                    Shape::Fields
                },
                fields: def
                    .fields
                    .iter()
                    .map(|field| Binding {
                        field,
                        ident: field_ident(&field.name, span),
                        default: None,
                    })
                    .collect(),
                extras: Vec::new(),
            })
            .collect::<Vec<_>>();
        Plan {
            catalog,
            ident: Ident::new(&catalog.name, span),
            code_ident: Ident::new(&catalog.code_enum, span),
            vis: quote!(pub),
            generics: Generics::default(),
            variants,
            span,
            rt,
            generated: true,
            skeleton: false,
            uninhabited: catalog.errors.is_empty(),
        }
    }

    /// The code enum's variants, in catalog order: every code, whatever the error
    /// enum's variants (a derive's may be named otherwise, or missing while the user
    /// fixes the enum).
    pub(crate) fn code_variants(&self) -> Vec<Ident> {
        self.catalog
            .errors
            .iter()
            .map(|e| Ident::new(&e.variant, self.span))
            .collect()
    }

    /// A client's enum: the catalog's `internal` fields are never sent, so a client's
    /// type does not hold them (its variants may become unit variants).
    pub(crate) fn leave_out_internal_fields(&mut self) {
        for v in &mut self.variants {
            v.fields.retain(|b| !b.field.internal);
            if v.fields.is_empty() && v.extras.is_empty() {
                v.shape = Shape::Unit;
            }
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

impl VariantPlan<'_> {
    /// `{ a, b, .. }` for a variant with fields, nothing for a unit variant: the
    /// pattern after the variant's path, binding `bindings`.
    pub(crate) fn pattern<T: ToTokens>(
        &self,
        bindings: impl IntoIterator<Item = T>,
    ) -> TokenStream {
        let bindings = bindings.into_iter().map(|b| b.to_token_stream());
        self.braced(bindings.chain([quote!(..)]))
    }

    /// `{ a, b }` for a variant with fields, nothing for a unit variant: a pattern
    /// binding every field, or a constructor.
    pub(crate) fn braced<T: ToTokens>(&self, items: impl IntoIterator<Item = T>) -> TokenStream {
        match self.shape {
            Shape::Unit => TokenStream::new(),
            Shape::Fields => {
                let items = items.into_iter();
                quote!({ #(#items),* })
            }
        }
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
