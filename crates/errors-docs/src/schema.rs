//! JSON Schema (2020-12) of the envelope in the catalog's style: one branch per code,
//! with the code as a constant, the detail fields typed and required as declared,
//! and `details` absent where the code sends none. The same branches are the
//! `components.schemas` of the OpenAPI document, so they take the prefix their `$ref`s
//! resolve under.

use serde::Serialize;

use crate::json::{self, Json, Members};
use crate::json_schema::{
    AnyOf, Array, CodeSchema, Definition, Enum, Integer, Object, Pattern, Ref, Schema, Text,
};
use crate::model::{Code, Field, Reference};
use errors_vocab::template::Piece;
use errors_vocab::{DetailType, EnvelopeStyle};

/// The JSON Schema dialect of every schema written here.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The name of the shared definition of a `field_violations` element.
pub(crate) const FIELD_VIOLATION: &str = "field-violation";
/// The name of the shared definition of the envelope's timestamp.
pub(crate) const TIMESTAMP: &str = "rfc3339-timestamp";

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

/// A JSON Schema document: the union of every code's branch, then the definitions.
#[derive(Serialize)]
struct Document {
    #[serde(rename = "$schema")]
    dialect: &'static str,
    title: String,
    description: String,
    #[serde(rename = "oneOf")]
    one_of: Vec<Ref>,
    #[serde(rename = "$defs")]
    defs: Members<Definition>,
}

/// The JSON Schema of every error response of `reference`, pretty-printed: a `oneOf`
/// of one branch per code, each under `$defs` by its code.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"No {id}.\"\ndetails.id = \"string\"\n",
/// )
/// .unwrap();
/// let schema = errors_docs::json_schema(&errors_docs::Reference::from(&catalog));
/// assert!(schema.contains(r##""$ref": "#/$defs/NOT_FOUND""##));
/// ```
pub fn json_schema(reference: &Reference) -> String {
    let refs = Refs::SCHEMA;
    let mut defs = Members::new();
    for code in &reference.codes {
        defs.push(
            code.code.clone(),
            Definition::Code(code_schema(reference, code, refs)),
        );
    }
    for (name, schema) in shared_definitions() {
        defs.push(name, Definition::Shared(schema));
    }
    json::pretty(&Document {
        dialect: DIALECT,
        title: format!("{} error response", reference.name),
        description: envelope_description(reference),
        one_of: refs.to_codes(&reference.codes),
        defs,
    })
}

pub(crate) fn envelope_description(reference: &Reference) -> String {
    format!(
        "An error response of {}: the `{}` envelope, sent as `{}`, with one branch per code.",
        reference.name,
        reference.envelope.style.as_str(),
        reference.envelope.style.content_type()
    )
}

/// The definitions every branch may refer to.
pub(crate) fn shared_definitions() -> Vec<(String, Schema)> {
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
    let timestamp = Text {
        ty: "string",
        description: "RFC 3339, UTC, with milliseconds.".to_owned(),
        format: Some("date-time"),
        pattern: Some(
            r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$".to_owned(),
        ),
    };
    vec![
        (
            FIELD_VIOLATION.to_owned(),
            Schema::from(Object::new(
                violation,
                vec!["path".to_owned(), "message".to_owned()],
            ))
            .described("A field of the request that failed validation.".to_owned()),
        ),
        (TIMESTAMP.to_owned(), Schema::from(timestamp)),
    ]
}

/// The schema of `code`'s envelope.
pub(crate) fn code_schema(reference: &Reference, code: &Code, refs: Refs) -> CodeSchema {
    let keys = &reference.envelope.keys;
    let style = reference.envelope.style;
    let constant = Schema::constant;
    let string = || Schema::typed("string");
    let nullable_string = Schema::nullable_string;
    let mut properties = Members::new();
    let mut required: Vec<String> = Vec::new();
    let mut member = |key: &str, schema: Schema, is_required: bool| {
        properties.push(key, schema);
        if is_required {
            required.push(key.to_owned());
        }
    };
    let details = code.sends_details();
    // `details` is left out when none of its fields is set, so it is required only
    // when one of them is (SPEC section 4).
    let details_required = code.detail_fields().any(|f| !f.optional);
    match style {
        EnvelopeStyle::Flat | EnvelopeStyle::Nested => {
            if style == EnvelopeStyle::Flat {
                member(&keys.success, constant(Json::Bool(false)), true);
            }
            member(&keys.code, constant(Json::str(code.code.clone())), true);
            member(&keys.message, message_schema(code), true);
            if details {
                member(&keys.details, details_schema(code, refs), details_required);
            }
            member(&keys.request_id, string(), false);
            member(&keys.timestamp, refs.to(TIMESTAMP), false);
        }
        EnvelopeStyle::Typed => {
            let or_null = |value: &Option<String>| match value {
                Some(v) => constant(Json::str(v.clone())),
                None => constant(Json::Null),
            };
            member(&keys.type_, or_null(&code.category), true);
            member(&keys.code, constant(Json::str(code.code.clone())), true);
            member(&keys.message, message_schema(code), true);
            let param = code
                .param
                .as_ref()
                .and_then(|name| code.public_fields().find(|f| &f.name == name));
            let param_schema = match param {
                Some(f) if !f.optional => string(),
                Some(_) => nullable_string(),
                None => constant(Json::Null),
            };
            member(&keys.param, param_schema, true);
            member(&keys.doc_url, or_null(&code.doc_url), true);
            member(&keys.request_id, nullable_string(), true);
            if details {
                member(&keys.details, details_schema(code, refs), details_required);
            }
            member(&keys.timestamp, refs.to(TIMESTAMP), false);
        }
        EnvelopeStyle::Problem => {
            let doc = code.doc_url.as_deref().unwrap_or("about:blank");
            member(&keys.type_, constant(Json::str(doc)), true);
            member(&keys.title, constant(Json::str(code.title.clone())), true);
            member(&keys.status, constant(Json::Int(code.status.into())), true);
            member(&keys.detail, message_schema(code), true);
            member(&keys.code, constant(Json::str(code.code.clone())), true);
            member(&keys.request_id, string(), false);
            member(&keys.timestamp, refs.to(TIMESTAMP), false);
            // RFC 9457's `instance`: allowed, a URI reference; no service writes it.
            member(&keys.instance, string(), false);
            for field in code.detail_fields() {
                member(&field.wire, field_schema(field, refs), !field.optional);
            }
        }
    }
    let envelope = Object::new(properties, required);
    let object = match style {
        EnvelopeStyle::Nested | EnvelopeStyle::Typed => Object::new(
            Members::new().with(keys.error.clone(), Schema::from(envelope)),
            vec![keys.error.clone()],
        ),
        EnvelopeStyle::Flat | EnvelopeStyle::Problem => envelope,
    };
    CodeSchema {
        title: code.code.clone(),
        description: code_description(code),
        object,
        deprecated: code.deprecated.is_some(),
    }
}

fn code_description(code: &Code) -> String {
    let mut text = format!(
        "{} {}{}",
        code.status,
        code.title,
        if code.retryable { " (retryable)" } else { "" }
    );
    if let Some(description) = &code.description {
        text.push_str(": ");
        text.push_str(description);
    }
    if let Some(reason) = code.deprecated.as_deref().filter(|r| !r.is_empty()) {
        text.push_str(" Deprecated: ");
        text.push_str(reason);
    }
    text
}

/// The message: the template's text as a constant, or its literal parts around
/// anything where it inserts a field.
fn message_schema(code: &Code) -> Schema {
    if code.template.is_literal() {
        return Schema::constant(Json::str(code.template.literal_text()));
    }
    let mut pattern = String::from("^");
    for piece in &code.template.pieces {
        match piece {
            Piece::Literal(text) => escape_regex(&mut pattern, text),
            Piece::Placeholder(_) => pattern.push_str(r"[\s\S]*"),
        }
    }
    pattern.push('$');
    Schema::from(Pattern {
        ty: "string",
        pattern,
        description: format!("The template `{}`, filled in.", code.template.source),
    })
}

/// Appends `text` matched literally: every ECMA-262 syntax character escaped.
fn escape_regex(out: &mut String, text: &str) {
    for c in text.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

fn details_schema(code: &Code, refs: Refs) -> Schema {
    let mut properties = Members::new();
    let mut required = Vec::new();
    for field in code.detail_fields() {
        properties.push(field.wire.clone(), field_schema(field, refs));
        if !field.optional {
            required.push(field.wire.clone());
        }
    }
    Schema::from(Object::new(properties, required))
}

fn field_schema(field: &Field, refs: Refs) -> Schema {
    let schema = type_schema(&field.ty, refs);
    match &field.description {
        Some(description) => schema.described(description.clone()),
        None => schema,
    }
}

/// The schema of a value of `ty` on the wire.
pub(crate) fn type_schema(ty: &DetailType, refs: Refs) -> Schema {
    let integer = |minimum: i128, maximum: i128| {
        Schema::from(Integer {
            ty: "integer",
            minimum,
            maximum,
        })
    };
    let array = |items: Schema| {
        Schema::from(Array {
            ty: "array",
            items: Box::new(items),
        })
    };
    match ty {
        DetailType::String => Schema::typed("string"),
        DetailType::Bool => Schema::typed("boolean"),
        DetailType::I32 => integer(i32::MIN.into(), i32::MAX.into()),
        DetailType::I64 => integer(i64::MIN.into(), i64::MAX.into()),
        DetailType::U32 => integer(0, u32::MAX.into()),
        DetailType::U64 => integer(0, u64::MAX.into()),
        // Non-finite values go on the wire as these strings.
        DetailType::F64 => Schema::from(AnyOf {
            any_of: vec![
                Schema::typed("number"),
                Schema::from(Enum {
                    values: vec!["NaN", "Infinity", "-Infinity"],
                }),
            ],
        }),
        DetailType::Json => Schema::from(crate::json_schema::Any {}),
        DetailType::FieldViolations => array(refs.to(FIELD_VIOLATION)),
        DetailType::List(inner) => array(type_schema(inner, refs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_syntax_is_escaped() {
        let mut out = String::new();
        escape_regex(&mut out, "a.b (c) {d} [e] $^|?*+\\ / é");
        assert_eq!(out, r"a\.b \(c\) \{d\} \[e\] \$\^\|\?\*\+\\ / é");
    }
}
