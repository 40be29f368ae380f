//! JSON Schema (2020-12) of the envelope in the catalog's style, in two modes
//! ([`SchemaMode`]): the client schema, which pins what a client relies on and lets
//! the catalog grow, and the strict schema of a service's own output. Each code has
//! its branch under `$defs` by its code, and its details object under
//! `<Variant>Details`; an `if`/`then` on the code applies each branch. The same
//! definitions are the `components.schemas` of the OpenAPI document, so they take
//! the prefix their `$ref`s resolve under.

mod branch;
mod client;
mod extensions;

use serde::Serialize;

use crate::json::{self, Members};
use crate::json_schema::{Definition, Object, Ref, Schema, Text, Titled};
use crate::model::{Code, Reference};
use errors_vocab::EnvelopeStyle;

pub(crate) use branch::type_schema;
pub(crate) use client::{GENERIC, dispatch};
pub(crate) use extensions::DocumentExtensions;

/// The JSON Schema dialect of every schema written here.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The name of the shared definition of a `field_violations` element.
pub(crate) const FIELD_VIOLATION: &str = "field-violation";
/// The name of the shared definition of the envelope's timestamp.
pub(crate) const TIMESTAMP: &str = "rfc3339-timestamp";

/// Which schema to write: what clients may receive, or what the service sends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SchemaMode {
    /// The client schema (the default): each known code's field types, required
    /// fields and (problem style) `type` and `status` are pinned; a code it does not
    /// know is accepted as a generic error (code and message), and so are members it
    /// does not know, any message text, `details` on a code that had none and
    /// `param` as a string or null. A client validating with it keeps working when
    /// the catalog grows compatibly.
    #[default]
    Client,
    /// The closed schema of a service's own output: a `oneOf` over the known codes,
    /// exactly their members, messages that match their templates. For a service's
    /// tests, and for generating types in other languages.
    Strict,
}

impl SchemaMode {
    /// `client` or `strict`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SchemaMode::Client => "client",
            SchemaMode::Strict => "strict",
        }
    }
}

/// Where the definitions live: `#/$defs/` in a schema, `#/components/schemas/` in an
/// OpenAPI document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Refs(pub(crate) &'static str);

impl Refs {
    pub(crate) const SCHEMA: Refs = Refs("#/$defs/");
    pub(crate) const OPENAPI: Refs = Refs("#/components/schemas/");

    /// The schema that refers to the definition `name`.
    pub(crate) fn to(self, name: &str) -> Schema {
        Schema::reference(self.0, name)
    }

    /// The reference to each code's branch, in catalog order.
    pub(crate) fn to_codes<'a>(self, codes: impl IntoIterator<Item = &'a Code>) -> Vec<Ref> {
        codes
            .into_iter()
            .map(|c| Ref::new(self.0, &c.code))
            .collect()
    }
}

/// A JSON Schema document: the union of the codes (strict) or the generic error
/// (client), the `if`/`then` of each code, then the definitions.
#[derive(Serialize)]
struct Document {
    #[serde(rename = "$schema")]
    dialect: &'static str,
    title: String,
    description: String,
    #[serde(flatten)]
    extensions: DocumentExtensions,
    #[serde(rename = "oneOf", skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Ref>>,
    #[serde(rename = "allOf")]
    all_of: Vec<Schema>,
    #[serde(rename = "$defs")]
    defs: Members<Definition>,
}

/// The JSON Schema of every error response of `reference`, pretty-printed, in
/// `mode`: each code's branch under `$defs` by its code, applied by an `if`/`then`
/// on the code; in [`SchemaMode::Strict`] also a `oneOf` of the branches, and in
/// [`SchemaMode::Client`] the generic error every response fits.
///
/// ```
/// use errors_docs::SchemaMode;
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"No {id}.\"\ndetails.id = \"string\"\n",
/// )
/// .unwrap();
/// let reference = errors_docs::Reference::from(&catalog);
/// let strict = errors_docs::json_schema(&reference, SchemaMode::Strict);
/// assert!(strict.contains(r##""$ref": "#/$defs/NOT_FOUND""##));
/// assert!(strict.contains(r##""$ref": "#/$defs/NotFoundDetails""##));
/// let client = errors_docs::json_schema(&reference, SchemaMode::Client);
/// assert!(!client.contains(r#""oneOf""#)); // an unknown code is an error too
/// ```
pub fn json_schema(reference: &Reference, mode: SchemaMode) -> String {
    let refs = Refs::SCHEMA;
    let branches = dispatch(reference, &reference.codes, refs);
    let (one_of, all_of) = match mode {
        SchemaMode::Client => (
            None,
            std::iter::once(refs.to(GENERIC)).chain(branches).collect(),
        ),
        SchemaMode::Strict => (Some(refs.to_codes(&reference.codes)), branches),
    };
    json::pretty(&Document {
        dialect: DIALECT,
        title: format!("{} error response", reference.name),
        description: envelope_description(reference, mode),
        extensions: DocumentExtensions::of(reference),
        one_of,
        all_of,
        defs: definitions(reference, mode, refs),
    })
}

pub(crate) fn envelope_description(reference: &Reference, mode: SchemaMode) -> String {
    let what = match mode {
        SchemaMode::Client => {
            "The client schema: it pins each known code's fields, and accepts codes, members and message texts it does not know yet, as a later version of the API may send."
        }
        SchemaMode::Strict => {
            "The strict schema of the service's own output: known codes only, with exactly their members and messages."
        }
    };
    format!(
        "An error response of {}: the `{}` envelope, sent as `{}`, with one branch per code. {what}",
        reference.name,
        reference.envelope.style.as_str(),
        reference.envelope.style.content_type()
    )
}

/// The name of `code`'s details definition: its variant (the code in
/// UpperCamelCase) and `Details`, unless a code is called that.
pub(crate) fn details_name(reference: &Reference, code: &Code) -> String {
    let name = format!("{}Details", code.variant);
    if reference.code(&name).is_some() {
        format!("{}-details", code.code)
    } else {
        name
    }
}

/// Whether `code` has a details object of its own: the problem style has none (its
/// fields are members of the envelope, named by the code's own definition).
pub(crate) fn has_details_object(reference: &Reference, code: &Code) -> bool {
    code.sends_details() && reference.envelope.style != EnvelopeStyle::Problem
}

/// Every definition of a `mode` document, in order: each code's branch followed by
/// its details object, the generic error (client), then the shared schemas.
pub(crate) fn definitions(
    reference: &Reference,
    mode: SchemaMode,
    refs: Refs,
) -> Members<Definition> {
    let mut defs = Members::new();
    for code in &reference.codes {
        defs.push(
            code.code.clone(),
            Definition::Code(branch::code_schema(reference, code, refs, mode)),
        );
        if has_details_object(reference, code) {
            let name = details_name(reference, code);
            let schema = branch::details_schema(code, refs, mode).described(format!(
                "The details of {}: its public fields sent in `details`.",
                code.code
            ));
            defs.push(
                name.clone(),
                Definition::Titled(Titled {
                    title: name,
                    schema,
                }),
            );
        }
    }
    if mode == SchemaMode::Client {
        defs.push(
            GENERIC,
            Definition::Titled(Titled {
                title: GENERIC.to_owned(),
                schema: client::generic_schema(reference, refs),
            }),
        );
    }
    for (name, schema) in shared_definitions(mode) {
        defs.push(name, Definition::Shared(schema));
    }
    defs
}

/// The definitions every branch may refer to.
fn shared_definitions(mode: SchemaMode) -> Vec<(String, Schema)> {
    let text = |description: &str| {
        Schema::from(Text {
            ty: "string",
            description: description.to_owned(),
            format: None,
            pattern: None,
        })
    };
    let violation = Members::new()
        .with(
            "path",
            text("The field, as a path into the request (`email`, `items[2].sku`)."),
        )
        .with("message", text("What is wrong, fit to show to the user."))
        .with(
            "rule",
            text("The rule that failed (`required`, `min_length`, ...)."),
        );
    let (violation, timestamp) = match mode {
        // The service writes exactly this form.
        SchemaMode::Strict => (
            Object::new(violation, vec!["path".to_owned(), "message".to_owned()]),
            Text {
                ty: "string",
                description: "RFC 3339, UTC, with milliseconds.".to_owned(),
                format: Some("date-time"),
                pattern: Some(
                    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$"
                        .to_owned(),
                ),
            },
        ),
        // Any RFC 3339 time: other servers (Python's `isoformat()`) write offsets
        // such as `+00:00` and other precisions.
        SchemaMode::Client => (
            Object::open(violation, vec!["path".to_owned(), "message".to_owned()]),
            Text {
                ty: "string",
                description: "An RFC 3339 date and time.".to_owned(),
                format: Some("date-time"),
                pattern: None,
            },
        ),
    };
    vec![
        (
            FIELD_VIOLATION.to_owned(),
            Schema::from(violation)
                .described("A field of the request that failed validation.".to_owned()),
        ),
        (TIMESTAMP.to_owned(), Schema::from(timestamp)),
    ]
}
