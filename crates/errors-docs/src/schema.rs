//! JSON Schema (2020-12) of the envelope in the catalog's style: one branch per code,
//! with the code as a constant, the detail fields typed and required as declared,
//! and `details` absent where the code sends none. The same branches are the
//! `components.schemas` of the OpenAPI document, so they take the prefix their `$ref`s
//! resolve under.

use crate::json::Json;
use errors_vocab::template::Piece;
use errors_vocab::{DetailType, EnvelopeStyle};

use crate::model::{Code, Field, Reference};

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

    pub(crate) fn to(self, name: &str) -> Json {
        Json::object().with("$ref", Json::str(format!("{}{name}", self.0)))
    }
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
    let mut defs = Json::object();
    for code in &reference.codes {
        defs.push(code.code.clone(), code_schema(reference, code, refs));
    }
    for (name, schema) in shared_definitions() {
        defs.push(name, schema);
    }
    Json::object()
        .with("$schema", Json::str(DIALECT))
        .with(
            "title",
            Json::str(format!("{} error response", reference.name)),
        )
        .with("description", Json::str(envelope_description(reference)))
        .with(
            "oneOf",
            Json::Array(reference.codes.iter().map(|c| refs.to(&c.code)).collect()),
        )
        .with("$defs", defs)
        .pretty()
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
pub(crate) fn shared_definitions() -> Vec<(String, Json)> {
    let string = || Json::object().with("type", Json::str("string"));
    vec![
        (
            FIELD_VIOLATION.to_owned(),
            Json::object()
                .with("description", Json::str("A field of the request that failed validation."))
                .with("type", Json::str("object"))
                .with(
                    "properties",
                    Json::object()
                        .with("path", string().with("description", Json::str("The field, as a path into the request (`email`, `items[2].sku`).")))
                        .with("message", string().with("description", Json::str("What is wrong, fit to show to the user.")))
                        .with("rule", string().with("description", Json::str("The rule that failed (`required`, `min_length`, ...)."))),
                )
                .with("required", Json::Array(vec![Json::str("path"), Json::str("message")]))
                .with("additionalProperties", Json::Bool(false)),
        ),
        (
            TIMESTAMP.to_owned(),
            string()
                .with("description", Json::str("RFC 3339, UTC, with milliseconds."))
                .with("format", Json::str("date-time"))
                .with(
                    "pattern",
                    Json::str(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$"),
                ),
        ),
    ]
}

/// The schema of `code`'s envelope.
pub(crate) fn code_schema(reference: &Reference, code: &Code, refs: Refs) -> Json {
    let keys = &reference.envelope.keys;
    let style = reference.envelope.style;
    let constant = |value: Json| Json::object().with("const", value);
    let string = || Json::object().with("type", Json::str("string"));
    let nullable_string = || {
        Json::object().with(
            "type",
            Json::Array(vec![Json::str("string"), Json::str("null")]),
        )
    };
    let mut properties = Json::object();
    let mut required: Vec<Json> = Vec::new();
    let mut member = |key: &str, schema: Json, is_required: bool| {
        properties.push(key.to_owned(), schema);
        if is_required {
            required.push(Json::str(key));
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
    let object = Json::object()
        .with("type", Json::str("object"))
        .with("properties", properties)
        .with("required", Json::Array(required))
        .with("additionalProperties", Json::Bool(false));
    let head = Json::object()
        .with("title", Json::str(code.code.clone()))
        .with("description", Json::str(code_description(code)));
    let mut schema = match style {
        EnvelopeStyle::Nested | EnvelopeStyle::Typed => head
            .with("type", Json::str("object"))
            .with(
                "properties",
                Json::object().with(keys.error.clone(), object),
            )
            .with("required", Json::Array(vec![Json::str(keys.error.clone())]))
            .with("additionalProperties", Json::Bool(false)),
        EnvelopeStyle::Flat | EnvelopeStyle::Problem => {
            let Json::Object(members) = object else {
                unreachable!("built as an object")
            };
            members.into_iter().fold(head, |s, (k, v)| s.with(k, v))
        }
    };
    if code.deprecated.is_some() {
        schema.push("deprecated", Json::Bool(true));
    }
    schema
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
fn message_schema(code: &Code) -> Json {
    let schema = Json::object().with("type", Json::str("string"));
    if code.template.is_literal() {
        let text = code.template.literal_text();
        return Json::object().with("const", Json::str(text));
    }
    let mut pattern = String::from("^");
    for piece in &code.template.pieces {
        match piece {
            Piece::Literal(text) => escape_regex(&mut pattern, text),
            Piece::Placeholder(_) => pattern.push_str(r"[\s\S]*"),
        }
    }
    pattern.push('$');
    schema.with("pattern", Json::str(pattern)).with(
        "description",
        Json::str(format!(
            "The template `{}`, filled in.",
            code.template.source
        )),
    )
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

fn details_schema(code: &Code, refs: Refs) -> Json {
    let mut properties = Json::object();
    let mut required = Vec::new();
    for field in code.detail_fields() {
        properties.push(field.wire.clone(), field_schema(field, refs));
        if !field.optional {
            required.push(Json::str(field.wire.clone()));
        }
    }
    Json::object()
        .with("type", Json::str("object"))
        .with("properties", properties)
        .with("required", Json::Array(required))
        .with("additionalProperties", Json::Bool(false))
}

fn field_schema(field: &Field, refs: Refs) -> Json {
    let mut schema = type_schema(&field.ty, refs);
    if let Some(description) = &field.description
        && let Json::Object(members) = &mut schema
    {
        members.insert(
            0,
            ("description".to_owned(), Json::str(description.clone())),
        );
    }
    schema
}

/// The schema of a value of `ty` on the wire.
pub(crate) fn type_schema(ty: &DetailType, refs: Refs) -> Json {
    let integer = |min: i128, max: i128| {
        Json::object()
            .with("type", Json::str("integer"))
            .with("minimum", Json::Int(min))
            .with("maximum", Json::Int(max))
    };
    let typed = |name: &str| Json::object().with("type", Json::str(name));
    match ty {
        DetailType::String => typed("string"),
        DetailType::Bool => typed("boolean"),
        DetailType::I32 => integer(i32::MIN.into(), i32::MAX.into()),
        DetailType::I64 => integer(i64::MIN.into(), i64::MAX.into()),
        DetailType::U32 => integer(0, u32::MAX.into()),
        DetailType::U64 => integer(0, u64::MAX.into()),
        DetailType::F64 => Json::object().with(
            "anyOf",
            Json::Array(vec![
                typed("number"),
                Json::object().with(
                    "enum",
                    Json::Array(vec![
                        Json::str("NaN"),
                        Json::str("Infinity"),
                        Json::str("-Infinity"),
                    ]),
                ),
            ]),
        ),
        DetailType::Json => Json::object(),
        DetailType::FieldViolations => typed("array").with("items", refs.to(FIELD_VIOLATION)),
        DetailType::List(inner) => typed("array").with("items", type_schema(inner, refs)),
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
