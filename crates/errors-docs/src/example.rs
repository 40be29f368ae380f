//! The example response of each code: sample detail values, the message the
//! template renders with them, the headers and the envelope in the catalog's style,
//! member for member as `errors_runtime` writes it.

use crate::format::{self, Value, Violation};
use crate::json::Json;
use errors_vocab::template::Piece;
use errors_vocab::{DetailType, EnvelopeStyle, Member};

use crate::model::{Code, Field, Reference};

/// The request id of every example (seed 000's).
pub const EXAMPLE_REQUEST_ID: &str = "req_2N7s8x9KqR";
/// The timestamp of every example.
pub const EXAMPLE_TIMESTAMP: &str = "2026-11-21T10:00:00.000Z";

/// An example response of one code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The HTTP status.
    pub status: u16,
    /// The headers the error's fields are sent as, then `Content-Type`.
    pub headers: Vec<(String, String)>,
    /// The envelope, pretty-printed JSON.
    pub body: String,
}

impl Example {
    /// The example of `code`: every public field set to a sample of its type (a
    /// string field holds `<its name>`), with a request id and a timestamp.
    pub fn of(reference: &Reference, code: &Code) -> Example {
        let mut headers: Vec<(String, String)> = code
            .public_fields()
            .filter_map(|f| {
                let header = f.header.clone()?;
                Some((header, format::format(&sample(f), None)))
            })
            .collect();
        headers.push((
            "Content-Type".to_owned(),
            reference.envelope.style.content_type().to_owned(),
        ));
        Example {
            status: code.status,
            headers,
            body: envelope(reference, code).pretty(),
        }
    }
}

/// The message `code`'s template renders with the sample values.
pub fn example_message(code: &Code) -> String {
    let mut out = String::new();
    for piece in &code.template.pieces {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Placeholder(p) => match code.fields.iter().find(|f| f.name == p.field) {
                Some(field) => out.push_str(&format::format(&sample(field), p.spec.as_ref())),
                // A validated template names only declared fields.
                None => out.push_str(&format!("{{{}}}", p.field)),
            },
        }
    }
    out
}

/// The example value of a field.
pub(crate) fn sample(field: &Field) -> Value {
    match field.values.first() {
        // An enum field: its first value; violations: one with the first rule.
        Some(value) if field.ty == DetailType::String => Value::Str(value.clone()),
        Some(rule) if field.ty == DetailType::FieldViolations => {
            Value::Violations(vec![Violation {
                path: "email".into(),
                message: "must be a valid email".into(),
                rule: Some(rule.clone()),
            }])
        }
        _ => sample_of(&field.ty, &field.name),
    }
}

fn sample_of(ty: &DetailType, name: &str) -> Value {
    let int = |bits| Value::Int { value: 42, bits };
    match ty {
        DetailType::String => Value::Str(format!("<{name}>")),
        DetailType::Bool => Value::Bool(true),
        DetailType::I32 | DetailType::U32 => int(32),
        DetailType::I64 | DetailType::U64 => int(64),
        DetailType::F64 => Value::Float(0.5),
        DetailType::Json => Value::Json(Json::object().with("key", Json::str("value"))),
        DetailType::FieldViolations => Value::Violations(vec![Violation {
            path: "email".into(),
            message: "must be a valid email".into(),
            rule: None,
        }]),
        DetailType::List(inner) => Value::List(vec![sample_of(inner, name)]),
    }
}

/// A value on the wire (SPEC section 4; non-finite floats as strings).
pub(crate) fn to_json(value: &Value) -> Json {
    match value {
        Value::Str(s) => Json::str(s.clone()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Int { value, .. } => Json::Int(*value),
        Value::Float(x) if x.is_nan() => Json::str("NaN"),
        Value::Float(x) if x.is_infinite() => {
            Json::str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
        }
        Value::Float(x) => Json::Float(*x),
        Value::Json(json) => json.clone(),
        Value::Violations(list) => Json::Array(
            list.iter()
                .map(|v| {
                    let mut object = Json::object()
                        .with("path", Json::str(v.path.clone()))
                        .with("message", Json::str(v.message.clone()));
                    if let Some(rule) = &v.rule {
                        object.push("rule", Json::str(rule.clone()));
                    }
                    object
                })
                .collect(),
        ),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
    }
}

/// The example envelope of `code`, in the reference's style: the style's members in
/// the vocabulary's wire order, as a service of the catalog writes them.
pub(crate) fn envelope(reference: &Reference, code: &Code) -> Json {
    let style = reference.envelope.style;
    let keys = &reference.envelope.keys;
    let members = style.members();
    if style.is_wrapped() {
        let body = members_object(reference, code, &members[1..]);
        Json::object().with(keys.error.clone(), body)
    } else {
        members_object(reference, code, members)
    }
}

/// `members` of `code`'s example as one object; in the problem style the detail
/// fields follow as extension members.
fn members_object(reference: &Reference, code: &Code, members: &[Member]) -> Json {
    let style = reference.envelope.style;
    let keys = &reference.envelope.keys;
    let details = || {
        let mut object = Json::object();
        for field in code.detail_fields() {
            object.push(field.wire.clone(), to_json(&sample(field)));
        }
        object
    };
    let or_null = |value: Option<&String>| value.map_or(Json::Null, |v| Json::str(v.clone()));
    let mut body = Json::object();
    for &member in members {
        let value = match member {
            Member::Success => Json::Bool(false),
            Member::Code => Json::str(code.code.clone()),
            Member::Message | Member::Detail => Json::str(example_message(code)),
            Member::Details if code.sends_details() => details(),
            Member::RequestId => Json::str(EXAMPLE_REQUEST_ID),
            Member::Timestamp if reference.http.timestamp => Json::str(EXAMPLE_TIMESTAMP),
            Member::Type if style == EnvelopeStyle::Problem => {
                Json::str(code.doc_url.as_deref().unwrap_or("about:blank"))
            }
            Member::Type => or_null(code.category.as_ref()),
            Member::Param => code
                .param
                .as_ref()
                .and_then(|name| code.fields.iter().find(|f| &f.name == name))
                .map_or(Json::Null, |f| Json::str(format::format(&sample(f), None))),
            Member::DocUrl => or_null(code.doc_url.as_ref()),
            Member::Title => Json::str(code.title.clone()),
            Member::Status => Json::Int(code.status.into()),
            // No details to send, no timestamp in this API, the wrapper (written by
            // `envelope`), and `instance`, which a service never writes.
            Member::Details | Member::Timestamp | Member::Error | Member::Instance => continue,
        };
        body.push(keys.get(member).clone(), value);
    }
    if style == EnvelopeStyle::Problem
        && let Json::Object(extensions) = details()
    {
        for (key, value) in extensions {
            body.push(key, value);
        }
    }
    body
}

/// The compact JSON of `code`'s example envelope: what a service sends.
pub fn example_body(reference: &Reference, code: &Code) -> String {
    envelope(reference, code).compact()
}
