//! An OpenAPI 3.1 document of the catalog's error responses: the envelope of every
//! code in `components.schemas`, one reusable response per status in
//! `components.responses` (its headers, its codes' schemas and an example of each),
//! and one example per code in `components.examples`. An API's own document refers to
//! `#/components/responses/Error429` from its operations, or merges these components
//! into its own.
//!
//! The unions follow the [`SchemaMode`]: the client one is the generic error with an
//! `if`/`then` per code; the strict one a `oneOf` of the codes with a
//! `discriminator` on the code where the style has it at the top level (flat,
//! problem). OpenAPI's discriminator names a property of the branches themselves, so
//! where the code is nested under `error` (nested, typed) there is none: the `const`
//! code of each branch already tells them apart.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::example;
use crate::guidance;
use crate::json::{self, Json, Members};
use crate::json_schema::{AllOf, Definition, Discriminator, OneOf, Ref, Schema};
use crate::model::{Code, Reference};
use crate::schema::{self, DocumentExtensions, GENERIC, Refs, SchemaMode};
use errors_vocab::{DetailType, EnvelopeStyle};

/// The OpenAPI version written.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The OpenAPI 3.1 document of `reference`'s error responses in `mode`,
/// pretty-printed JSON; `api_version` is its `info.version`.
///
/// ```
/// use errors_docs::SchemaMode;
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n",
/// )
/// .unwrap();
/// let reference = errors_docs::Reference::from(&catalog);
/// let document = errors_docs::openapi(&reference, "1.0.0", SchemaMode::Client);
/// assert!(document.contains(r#""openapi": "3.1.0""#));
/// assert!(document.contains(r#""Error404": {"#)); // components.responses
/// ```
pub fn openapi(reference: &Reference, api_version: &str, mode: SchemaMode) -> String {
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
        extensions: DocumentExtensions::of(reference),
        paths: Paths {},
        components: Components {
            schemas: schemas(reference, &by_status, refs, mode),
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
    #[serde(flatten)]
    extensions: DocumentExtensions,
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
    schemas: Members<Definition>,
    responses: Members<Response>,
    examples: Members<Example>,
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
    /// Sent with every response of the status.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
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

/// The union of every code, one union per status, every code's envelope and details
/// object, the generic error (client) and the shared definitions.
fn schemas(
    reference: &Reference,
    by_status: &BTreeMap<u16, Vec<&Code>>,
    refs: Refs,
    mode: SchemaMode,
) -> Members<Definition> {
    let mut schemas = Members::new();
    schemas.push(
        union_name(reference, None),
        Definition::Shared(
            union(reference, &reference.codes, refs, mode)
                .described(schema::envelope_description(reference, mode)),
        ),
    );
    for (&status, codes) in by_status {
        schemas.push(
            union_name(reference, Some(status)),
            Definition::Shared(
                union(reference, codes.iter().copied(), refs, mode)
                    .described(format!("An error response with status {status}.")),
            ),
        );
    }
    for (name, definition) in schema::definitions(reference, mode, refs) {
        schemas.push(name, definition);
    }
    schemas
}

/// The responses of `codes`: in the client mode, any error with each of these codes
/// fitting its branch; in the strict mode, exactly one of them.
fn union<'a>(
    reference: &Reference,
    codes: impl IntoIterator<Item = &'a Code> + Clone,
    refs: Refs,
    mode: SchemaMode,
) -> Schema {
    match mode {
        SchemaMode::Client => Schema::from(AllOf {
            all_of: std::iter::once(refs.to(GENERIC))
                .chain(schema::dispatch(reference, codes, refs))
                .collect(),
        }),
        SchemaMode::Strict => {
            let top_level = matches!(
                reference.envelope.style,
                EnvelopeStyle::Flat | EnvelopeStyle::Problem
            );
            let discriminator = top_level.then(|| Discriminator {
                property_name: reference.envelope.keys.code.clone(),
                mapping: codes
                    .clone()
                    .into_iter()
                    .map(|c| (c.code.clone(), format!("{}{}", refs.0, c.code)))
                    .collect(),
            });
            Schema::from(OneOf {
                one_of: codes.into_iter().map(|c| refs.to(&c.code)).collect(),
                discriminator,
            })
        }
    }
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
        // What the status means in this API (`[statuses.N] description`, Markdown as
        // OpenAPI descriptions are), else the built-in convention.
        let meaning = match reference.status_description(status) {
            Some(text) => text.trim().to_owned(),
            None => guidance::status_meaning(status).replace('`', ""),
        };
        let stop = if meaning.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        let description = format!(
            "{} {}: {meaning}{stop} Codes: {}.",
            status,
            guidance::reason_phrase(status),
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
/// it, and required where every code of the status sends it from a required field.
fn headers(codes: &[&Code]) -> Members<Header> {
    struct Sent<'a> {
        name: String,
        ty: DetailType,
        senders: Vec<&'a str>,
        always: usize,
    }
    let mut by_name: BTreeMap<String, Sent<'_>> = BTreeMap::new();
    for code in codes {
        for field in code.public_fields() {
            if let Some(header) = &field.header {
                let sent = by_name
                    .entry(header.to_ascii_lowercase())
                    .or_insert_with(|| Sent {
                        name: header.clone(),
                        ty: field.ty,
                        senders: Vec::new(),
                        always: 0,
                    });
                sent.senders.push(&code.code);
                sent.always += usize::from(!field.optional);
            }
        }
    }
    by_name
        .into_values()
        .map(|sent| {
            let header = Header {
                description: format!("Sent by {}.", sent.senders.join(", ")),
                required: sent.always == codes.len(),
                schema: schema::type_schema(&sent.ty, Refs::OPENAPI),
            };
            (sent.name, header)
        })
        .collect()
}
