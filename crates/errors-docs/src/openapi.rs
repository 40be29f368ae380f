//! An OpenAPI 3.1 document of the catalog's error responses: the envelope of every
//! code in `components.schemas`, one reusable response per status in
//! `components.responses` (its headers, its codes' schemas and an example of each),
//! and one example per code in `components.examples`. An API's own document refers to
//! `#/components/responses/Error429` from its operations, or merges these components
//! into its own.

use std::collections::BTreeMap;

use crate::example;
use crate::guidance;
use crate::json::Json;
use errors_vocab::DetailType;

use crate::model::{Code, Reference};
use crate::schema::{self, Refs};

/// The OpenAPI version written.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The OpenAPI 3.1 document of `reference`'s error responses, pretty-printed JSON;
/// `api_version` is its `info.version`.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n",
/// )
/// .unwrap();
/// let document = errors_docs::openapi(&errors_docs::Reference::from(&catalog), "1.0.0");
/// assert!(document.contains(r#""openapi": "3.1.0""#));
/// assert!(document.contains(r#""Error404": {"#)); // components.responses
/// ```
pub fn openapi(reference: &Reference, api_version: &str) -> String {
    let refs = Refs::OPENAPI;
    let content_type = reference.envelope.style.content_type();
    let all = union_name(reference, None);

    let mut schemas = Json::object().with(
        all.clone(),
        Json::object()
            .with(
                "description",
                Json::str(schema::envelope_description(reference)),
            )
            .with(
                "oneOf",
                Json::Array(reference.codes.iter().map(|c| refs.to(&c.code)).collect()),
            ),
    );
    let mut by_status: BTreeMap<u16, Vec<&Code>> = BTreeMap::new();
    for code in &reference.codes {
        by_status.entry(code.status).or_default().push(code);
    }
    for (&status, codes) in &by_status {
        schemas.push(
            union_name(reference, Some(status)),
            Json::object()
                .with(
                    "description",
                    Json::str(format!("An error response with status {status}.")),
                )
                .with(
                    "oneOf",
                    Json::Array(codes.iter().map(|c| refs.to(&c.code)).collect()),
                ),
        );
    }
    for code in &reference.codes {
        schemas.push(
            code.code.clone(),
            schema::code_schema(reference, code, refs),
        );
    }
    for (name, definition) in schema::shared_definitions() {
        schemas.push(name, definition);
    }

    let mut responses = Json::object();
    for (&status, codes) in &by_status {
        let mut examples = Json::object();
        for code in codes {
            examples.push(
                code.code.clone(),
                Json::object().with(
                    "$ref",
                    Json::str(format!("#/components/examples/{}", code.code)),
                ),
            );
        }
        let mut response = Json::object().with(
            "description",
            Json::str(format!(
                "{} {}: {}. Codes: {}.",
                status,
                guidance::reason_phrase(status),
                guidance::status_meaning(status).replace('`', ""),
                codes
                    .iter()
                    .map(|c| c.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
        let headers = headers(codes);
        if let Json::Object(members) = &headers
            && !members.is_empty()
        {
            response.push("headers", headers);
        }
        response.push(
            "content",
            Json::object().with(
                content_type,
                Json::object()
                    .with("schema", refs.to(&union_name(reference, Some(status))))
                    .with("examples", examples),
            ),
        );
        responses.push(format!("Error{status}"), response);
    }

    let mut examples = Json::object();
    for code in &reference.codes {
        examples.push(
            code.code.clone(),
            Json::object()
                .with(
                    "summary",
                    Json::str(format!("{}: {}", code.code, code.title)),
                )
                .with("value", example::envelope(reference, code)),
        );
    }

    Json::object()
        .with("openapi", Json::str(OPENAPI_VERSION))
        .with(
            "info",
            Json::object()
                .with("title", Json::str(format!("{} errors", reference.name)))
                .with("version", Json::str(api_version))
                .with(
                    "description",
                    Json::str(format!(
                        "The error responses of {}, generated from its error catalog. Every error response uses the same envelope, with a stable machine-readable code: use the code, not the message, for branching logic.",
                        reference.name
                    )),
                ),
        )
        .with("jsonSchemaDialect", Json::str(schema::DIALECT))
        .with("paths", Json::object())
        .with(
            "components",
            Json::object()
                .with("schemas", schemas)
                .with("responses", responses)
                .with("examples", examples),
        )
        .pretty()
}

/// The schema name of every error response (`ApiError`), or of those of one status
/// (`ApiError-429`); a catalog that has a code called like the union gets
/// `ApiError-envelope` instead.
fn union_name(reference: &Reference, status: Option<u16>) -> String {
    let base = if reference.code(&reference.name).is_some() {
        format!("{}-envelope", reference.name)
    } else {
        reference.name.clone()
    };
    match status {
        Some(status) => format!("{base}-{status}"),
        None => base,
    }
}

/// The headers the codes of one status send, each described by the codes that send
/// it.
fn headers(codes: &[&Code]) -> Json {
    let mut by_name: BTreeMap<String, (String, DetailType, Vec<&str>)> = BTreeMap::new();
    for code in codes {
        for field in code.public_fields() {
            if let Some(header) = &field.header {
                by_name
                    .entry(header.to_ascii_lowercase())
                    .or_insert_with(|| (header.clone(), field.ty, Vec::new()))
                    .2
                    .push(&code.code);
            }
        }
    }
    let mut out = Json::object();
    for (_, (name, ty, senders)) in by_name {
        out.push(
            name,
            Json::object()
                .with(
                    "description",
                    Json::str(format!("Sent by {}.", senders.join(", "))),
                )
                .with("schema", schema::type_schema(&ty, Refs::OPENAPI)),
        );
    }
    out
}
