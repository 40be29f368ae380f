//! The envelope's members in wire order, and where each detail field is sent.

use errors_vocab::{EnvelopeStyle, Member as Key};

use crate::model::{Code, Field, Reference};

/// A member of the envelope: its path, JSON type and meaning.
pub(crate) struct Member {
    pub(crate) path: String,
    pub(crate) ty: &'static str,
    pub(crate) description: String,
}

/// The envelope's members in wire order, as seed 002 lists them.
pub(crate) fn envelope_members(reference: &Reference) -> Vec<Member> {
    let keys = &reference.envelope.keys;
    let style = reference.envelope.style;
    let prefix = if style.is_wrapped() {
        format!("{}.", keys.error)
    } else {
        String::new()
    };
    let code = "The stable, machine-readable code: branch on it, never on the message.";
    let request_id = "The request's id: include it in any support request.";
    let timestamp = "When the error happened: RFC 3339, UTC, with milliseconds.";
    let details = "The code's detail fields, listed with each code below; present only for codes that send any.";
    let typed = style == EnvelopeStyle::Typed;
    let known = |text: &str| format!("{text} Present when known.");
    let mut out = Vec::new();
    // The style's members in the vocabulary's wire order; `instance` is never sent.
    for &m in style.members() {
        let (ty, description) = match m {
            Key::Success => ("boolean", "Always `false`.".to_owned()),
            Key::Error if typed => (
                "object",
                "Error information container; its first six members are always present, `null` when they have no value.".to_owned(),
            ),
            Key::Error => ("object", "Error information container.".to_owned()),
            Key::Code => ("string", code.to_owned()),
            Key::Message => (
                "string",
                "A human-readable description of the error.".to_owned(),
            ),
            Key::Details => ("object", details.to_owned()),
            Key::RequestId if typed => ("string (nullable)", request_id.to_owned()),
            Key::RequestId => ("string", known(request_id)),
            Key::Timestamp if !reference.http.timestamp => continue,
            Key::Timestamp => ("string", known(timestamp)),
            Key::Type if typed => (
                "string (nullable)",
                "The error's category, listed below.".to_owned(),
            ),
            Key::Type => (
                "string (URI)",
                "This code's documentation URL, or `about:blank`.".to_owned(),
            ),
            Key::Param => (
                "string (nullable)",
                "The request parameter the error is about, if any.".to_owned(),
            ),
            Key::DocUrl => (
                "string (nullable)",
                "A link to this code's documentation.".to_owned(),
            ),
            Key::Title => ("string", "A short title of the code.".to_owned()),
            Key::Status => ("integer", "The HTTP status.".to_owned()),
            Key::Detail => (
                "string",
                "A human-readable description of this occurrence.".to_owned(),
            ),
            Key::Instance => continue,
        };
        let key = keys.get(m);
        out.push(Member {
            path: if m == Key::Error {
                key.clone()
            } else {
                format!("{prefix}{key}")
            },
            ty,
            description,
        });
    }
    if style == EnvelopeStyle::Problem {
        out.push(Member {
            path: "…".into(),
            ty: "",
            description: "The code's detail fields, as extension members (RFC 9457), listed with each code below.".into(),
        });
    }
    out
}

/// Where `field` of `code` is sent: its JSON path, the message, its header, the
/// typed envelope's `param`.
pub(crate) fn placements(reference: &Reference, code: &Code, field: &Field) -> Vec<String> {
    let keys = &reference.envelope.keys;
    let mut out = Vec::new();
    if field.in_details {
        out.push(match reference.envelope.style {
            EnvelopeStyle::Flat => format!("`{}.{}`", keys.details, field.wire),
            EnvelopeStyle::Nested | EnvelopeStyle::Typed => {
                format!("`{}.{}.{}`", keys.error, keys.details, field.wire)
            }
            EnvelopeStyle::Problem => format!("`{}`", field.wire),
        });
    }
    if reference.envelope.style == EnvelopeStyle::Typed
        && code.param.as_deref() == Some(&field.name)
    {
        out.push(format!("`{}.{}`", keys.error, keys.param));
    }
    if let Some(header) = &field.header {
        out.push(format!("`{header}` header"));
    }
    if code.in_message(&field.name) {
        out.push("message".to_owned());
    }
    out
}
