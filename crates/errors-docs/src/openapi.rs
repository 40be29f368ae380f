//! An OpenAPI 3.1 document of the catalog's error responses: the envelope of every
//! code in `components.schemas`, one reusable response per status in
//! `components.responses` (its headers, its codes' schemas and an example of each),
//! and one example per code in `components.examples`. An API's own document refers to
//! `#/components/responses/Error429` from its operations, or merges these components
//! into its own.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::example;
use crate::guidance;
use crate::json::{self, Json, Members};
use crate::json_schema::{CodeSchema, Ref, Schema};
use crate::model::{Code, Reference};
use crate::schema::{self, Refs};
use errors_vocab::DetailType;

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
    let mut by_status: BTreeMap<u16, Vec<&Code>> = BTreeMap::new();
    for code in &reference.codes {
        by_status.entry(code.status).or_default().push(code);
    }
    json::pretty(&Document {
        openapi: OPENAPI_VERSION,
        info: Info {
            title: format!("{} errors", reference.name),
            version: api_version.to_owned(),
            description: format!(
                "The error responses of {}, generated from its error catalog. Every error response uses the same envelope, with a stable machine-readable code: use the code, not the message, for branching logic.",
                reference.name
            ),
        },
        json_schema_dialect: schema::DIALECT,
        paths: Paths {},
        components: Components {
            schemas: schemas(reference, &by_status, refs),
            responses: responses(reference, &by_status, refs),
            examples: reference
                .codes
                .iter()
                .map(|code| {
                    let example = Example {
                        summary: format!("{}: {}", code.code, code.title),
                        value: example::envelope(reference, code),
                    };
                    (code.code.clone(), example)
                })
                .collect(),
        },
    })
}

/// An OpenAPI document of components only.
#[derive(Serialize)]
struct Document {
    openapi: &'static str,
    info: Info,
    #[serde(rename = "jsonSchemaDialect")]
    json_schema_dialect: &'static str,
    paths: Paths,
    components: Components,
}

#[derive(Serialize)]
struct Info {
    title: String,
    version: String,
    description: String,
}

/// No operations: an API's own document has those.
#[derive(Serialize)]
struct Paths {}

#[derive(Serialize)]
struct Components {
    schemas: Members<Component>,
    responses: Members<Response>,
    examples: Members<Example>,
}

/// A schema of `components.schemas`.
#[derive(Serialize)]
#[serde(untagged)]
enum Component {
    Union(Union),
    Code(CodeSchema),
    Shared(Schema),
}

/// One of several codes' envelopes.
#[derive(Serialize)]
struct Union {
    description: String,
    #[serde(rename = "oneOf")]
    one_of: Vec<Ref>,
}

/// A reusable response: one status, its headers, its codes.
#[derive(Serialize)]
struct Response {
    description: String,
    #[serde(skip_serializing_if = "Members::is_empty")]
    headers: Members<Header>,
    /// By content type: the one of the catalog's style.
    content: Members<MediaType>,
}

#[derive(Serialize)]
struct Header {
    description: String,
    schema: Schema,
}

#[derive(Serialize)]
struct MediaType {
    schema: Schema,
    examples: Members<Ref>,
}

#[derive(Serialize)]
struct Example {
    summary: String,
    value: Json,
}

/// The union of every code, one union per status, every code's envelope and the
/// shared definitions.
fn schemas(
    reference: &Reference,
    by_status: &BTreeMap<u16, Vec<&Code>>,
    refs: Refs,
) -> Members<Component> {
    let mut schemas = Members::new();
    schemas.push(
        union_name(reference, None),
        Component::Union(Union {
            description: schema::envelope_description(reference),
            one_of: refs.to_codes(&reference.codes),
        }),
    );
    for (&status, codes) in by_status {
        schemas.push(
            union_name(reference, Some(status)),
            Component::Union(Union {
                description: format!("An error response with status {status}."),
                one_of: refs.to_codes(codes.iter().copied()),
            }),
        );
    }
    for code in &reference.codes {
        schemas.push(
            code.code.clone(),
            Component::Code(schema::code_schema(reference, code, refs)),
        );
    }
    for (name, definition) in schema::shared_definitions() {
        schemas.push(name, Component::Shared(definition));
    }
    schemas
}

/// One response per status, named `Error<status>`.
fn responses(
    reference: &Reference,
    by_status: &BTreeMap<u16, Vec<&Code>>,
    refs: Refs,
) -> Members<Response> {
    let content_type = reference.envelope.style.content_type();
    let mut responses = Members::new();
    for (&status, codes) in by_status {
        let examples = codes
            .iter()
            .map(|code| {
                let example = Ref::new("#/components/examples/", &code.code);
                (code.code.clone(), example)
            })
            .collect();
        let description = format!(
            "{} {}: {}. Codes: {}.",
            status,
            guidance::reason_phrase(status),
            guidance::status_meaning(status).replace('`', ""),
            codes
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let media_type = MediaType {
            schema: refs.to(&union_name(reference, Some(status))),
            examples,
        };
        responses.push(
            format!("Error{status}"),
            Response {
                description,
                headers: headers(codes),
                content: Members::new().with(content_type, media_type),
            },
        );
    }
    responses
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
fn headers(codes: &[&Code]) -> Members<Header> {
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
    by_name
        .into_values()
        .map(|(name, ty, senders)| {
            let header = Header {
                description: format!("Sent by {}.", senders.join(", ")),
                schema: schema::type_schema(&ty, Refs::OPENAPI),
            };
            (name, header)
        })
        .collect()
}
