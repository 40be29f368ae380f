//! The catalog's reference, JSON Schema and OpenAPI document from the metadata the
//! service was compiled with (feature `docs`), so a running service documents exactly
//! the catalog it was built from. Rendering is `errors-docs`'s: these are the pages
//! and schemas its command-line tool writes from the catalog file.
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! # use api::ApiError;
//! let reference = errors_runtime::docs::reference::<ApiError>();
//! assert_eq!(reference.code("RATE_LIMITED").unwrap().status, 429);
//! let page = errors_runtime::docs::html::<ApiError>();
//! assert!(page.contains(r#"id="RATE_LIMITED""#));
//! ```
//!
//! With the `axum` feature, [`service`] serves them; in an axum application:
//!
//! ```text
//! let app = axum::Router::new()
//!     .nest_service("/errors", errors_runtime::docs::service::<ApiError>());
//! // GET /errors              the HTML reference
//! // GET /errors/reference.md the Markdown reference
//! // GET /errors/schema.json  the JSON Schema of the envelope (the client schema)
//! // GET /errors/openapi.json the OpenAPI 3.1 document (the client schema)
//! ```
//!
//! The schemas are the client ones ([`SchemaMode::Client`]), which accept what a
//! later compatible version of the service sends;
//! [`DocsService::schema_mode`] serves the strict ones instead.

#[cfg(any(feature = "utoipa", feature = "aide"))]
pub(crate) mod operations;
#[cfg(feature = "axum")]
mod service;

#[cfg(any(feature = "utoipa", feature = "aide"))]
pub use operations::{layer_codes, subset_codes};

#[cfg(feature = "axum")]
pub use service::{DocsService, service};

pub use errors_docs::{Reference, SchemaMode};

use errors_docs::{
    Category, Code, EnvelopeLayout, Field, Http, MessageBy, Rejection, StatusDescription, Template,
};

use crate::error::CatalogError;
use crate::meta::{self, CatalogMeta, FieldMeta, Fill, Piece};

/// The code answering a bare response of each error status that has one (SPEC
/// 9.1), ascending: the rule of the axum layer and of `errors_catalog`'s
/// `Catalog::bare_answer`, on the metadata.
fn bare_answers(catalog: &CatalogMeta) -> Vec<(u16, String)> {
    let mut statuses: Vec<u16> = catalog.errors.iter().map(|e| e.status).collect();
    statuses.push(422);
    statuses.sort_unstable();
    statuses.dedup();
    let answer = |status: u16| {
        if let Some(rejection) = Rejection::from_status(status)
            && let Some(error) = catalog.http_error(rejection)
            && (error.status == status || status == 422)
        {
            return Some(error);
        }
        if let Some(index) = catalog.http.status_index(status) {
            return catalog.errors.get(index);
        }
        let mut candidates = catalog.errors.iter().filter(|e| {
            e.status == status
                && e.deprecated.is_none()
                && Fill::all_bare(e.fields.iter().map(FieldMeta::shape), status)
        });
        match (candidates.next(), candidates.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    };
    statuses
        .into_iter()
        .filter_map(|s| Some((s, answer(s)?.code.to_owned())))
        .collect()
}

/// The reference of `E`'s catalog, from its generated metadata.
pub fn reference<E: CatalogError>() -> Reference {
    Reference::from(E::CATALOG)
}

/// The reference of `E`'s catalog as a self-contained HTML page.
pub fn html<E: CatalogError>() -> String {
    errors_docs::html(&reference::<E>())
}

/// The reference of `E`'s catalog as Markdown.
pub fn markdown<E: CatalogError>() -> String {
    errors_docs::markdown(&reference::<E>())
}

/// The client JSON Schema (2020-12) of `E`'s envelope, one branch per code (for the
/// strict one: `errors_docs::json_schema(&reference::<E>(), SchemaMode::Strict)`).
pub fn json_schema<E: CatalogError>() -> String {
    errors_docs::json_schema(&reference::<E>(), SchemaMode::Client)
}

/// The OpenAPI 3.1 document of `E`'s error responses, with the client schemas;
/// `api_version` is its `info.version`.
pub fn openapi<E: CatalogError>(api_version: &str) -> String {
    errors_docs::openapi(&reference::<E>(), api_version, SchemaMode::Client)
}

impl From<&CatalogMeta> for Reference {
    fn from(catalog: &CatalogMeta) -> Reference {
        let style = catalog.envelope.style;
        // A member the style does not have has an empty key in the metadata, and its
        // default name in the reference.
        let keys = catalog.envelope.keys.map(str::to_owned);
        let defaults = EnvelopeLayout::new(style).keys;
        let keys = errors_docs::EnvelopeKeys::from_fn(|member| {
            let key = keys.get(member);
            if key.is_empty() {
                defaults.get(member).clone()
            } else {
                key.clone()
            }
        });
        Reference {
            name: catalog.name.to_owned(),
            envelope: EnvelopeLayout { style, keys },
            retry: catalog.retry,
            circuit_breaker: catalog.circuit_breaker,
            http: Http {
                request_id_header: catalog.http.request_id_header.to_owned(),
                rejections: Rejection::ALL
                    .into_iter()
                    .map(|r| (r, catalog.http_error(r).map(|e| e.code.to_owned())))
                    .collect(),
                timestamp: catalog.http.timestamp,
                statuses: bare_answers(catalog),
            },
            categories: catalog
                .categories
                .iter()
                .map(|c| Category {
                    name: c.name.to_owned(),
                    description: c.description.map(str::to_owned),
                })
                .collect(),
            codes: catalog.errors.iter().map(code).collect(),
            description: catalog.description.map(str::to_owned),
            grpc_domain: catalog.grpc_domain.to_owned(),
            statuses: catalog
                .statuses
                .iter()
                .map(|s| StatusDescription {
                    status: s.status,
                    description: s.description.to_owned(),
                })
                .collect(),
        }
    }
}

fn code(error: &meta::ErrorMeta) -> Code {
    Code {
        code: error.code.to_owned(),
        variant: error.variant.to_owned(),
        title: error.title.to_owned(),
        status: error.status,
        retryable: error.retryable,
        category: error.category.map(str::to_owned),
        description: error.description.map(str::to_owned),
        template: template(error.template, error.pieces),
        message_by: error.message_by.map(|by| MessageBy {
            field: by.field.to_owned(),
            templates: by
                .templates
                .iter()
                .map(|t| (t.value.to_owned(), template(t.template, t.pieces)))
                .collect(),
        }),
        translations: error
            .translations
            .iter()
            .map(|t| (t.locale.to_owned(), template(t.template, t.pieces)))
            .collect(),
        param: error.param.map(str::to_owned),
        deprecated: error.deprecated.map(str::to_owned),
        replacement: error
            .deprecation
            .and_then(|d| d.replacement)
            .map(str::to_owned),
        aliases: error.aliases.iter().map(|a| (*a).to_owned()).collect(),
        retry_class: error.retry_class,
        grpc: error.grpc,
        doc_url: error.doc_url.map(str::to_owned),
        fields: error
            .fields
            .iter()
            .map(|f| Field {
                name: f.name.to_owned(),
                wire: f.wire.to_owned(),
                ty: f.ty,
                optional: f.optional,
                internal: f.internal,
                header: f.header.map(str::to_owned),
                in_details: f.in_details,
                description: f.description.map(str::to_owned),
                values: f.values.iter().map(|v| (*v).to_owned()).collect(),
            })
            .collect(),
    }
}

/// A template of the metadata: as written, and its pieces as the generator parsed them.
fn template(source: &str, pieces: &[Piece]) -> Template {
    Template {
        source: source.to_owned(),
        pieces: pieces.to_vec(),
    }
}
