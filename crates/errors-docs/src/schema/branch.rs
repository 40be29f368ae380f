//! The branch of one code: its envelope, member by member, in either mode, and the
//! schema of each detail field's type.

use crate::json::{Json, Members};
use crate::json_schema::{
    AllOf, AnyOf, Array, CodeExtensions, CodeSchema, Enum, Integer, MessageByExtension, Object,
    Pattern, Schema, Values,
};
use crate::model::{Code, Field, Reference};
use errors_vocab::template::Piece;
use errors_vocab::{DetailType, EnvelopeStyle};

use super::{FIELD_VIOLATION, Refs, SchemaMode, TIMESTAMP, details_name, has_details_object};

/// The schema of `code`'s envelope. Strict: exactly the members the service writes,
/// the message matching its template. Client: the members a client relies on pinned
/// (the code, the fields' types, which are required, the problem style's `type` and
/// `status`), any text as the message, other members allowed.
pub(crate) fn code_schema(
    reference: &Reference,
    code: &Code,
    refs: Refs,
    mode: SchemaMode,
) -> CodeSchema {
    let keys = &reference.envelope.keys;
    let style = reference.envelope.style;
    let strict = mode == SchemaMode::Strict;
    let constant = Schema::constant;
    let string = || Schema::typed("string");
    let nullable_string = Schema::nullable_string;
    let message = || {
        if strict {
            message_schema(code)
        } else {
            string()
        }
    };
    let mut properties = Members::new();
    let mut required: Vec<String> = Vec::new();
    // `pinned`: required in both modes; otherwise only in the strict one.
    let mut member = |key: &str, schema: Schema, is_required: bool, pinned: bool| {
        properties.push(key, schema);
        if is_required && (strict || pinned) {
            required.push(key.to_owned());
        }
    };
    let details = || refs.to(&details_name(reference, code));
    let sends_details = has_details_object(reference, code);
    // `details` is left out when none of its fields is set, so it is required only
    // when one of them always is (SPEC section 4).
    let details_required = code.detail_fields().any(|f| !f.optional);
    match style {
        EnvelopeStyle::Flat | EnvelopeStyle::Nested => {
            if style == EnvelopeStyle::Flat {
                member(&keys.success, constant(Json::Bool(false)), true, true);
            }
            member(
                &keys.code,
                constant(Json::str(code.code.clone())),
                true,
                true,
            );
            member(&keys.message, message(), true, true);
            if sends_details {
                member(&keys.details, details(), details_required, details_required);
            }
            member(&keys.request_id, string(), false, false);
            member(&keys.timestamp, refs.to(TIMESTAMP), false, false);
        }
        EnvelopeStyle::Typed => {
            let or_null = |value: &Option<String>| match value {
                Some(v) => constant(Json::str(v.clone())),
                None => constant(Json::Null),
            };
            member(&keys.type_, or_null(&code.category), true, false);
            member(
                &keys.code,
                constant(Json::str(code.code.clone())),
                true,
                true,
            );
            member(&keys.message, message(), true, true);
            let param = code
                .param
                .as_ref()
                .and_then(|name| code.public_fields().find(|f| &f.name == name));
            let param_schema = match param {
                // A client takes any `param`: a later version may name another field.
                _ if !strict => nullable_string(),
                Some(f) if !f.optional => string(),
                Some(_) => nullable_string(),
                None => constant(Json::Null),
            };
            member(&keys.param, param_schema, true, false);
            let doc_url = if strict {
                or_null(&code.doc_url)
            } else {
                nullable_string()
            };
            member(&keys.doc_url, doc_url, true, false);
            member(&keys.request_id, nullable_string(), true, false);
            if sends_details {
                member(&keys.details, details(), details_required, details_required);
            }
            member(&keys.timestamp, refs.to(TIMESTAMP), false, false);
        }
        EnvelopeStyle::Problem => {
            let doc = code.doc_url.as_deref().unwrap_or("about:blank");
            member(&keys.type_, constant(Json::str(doc)), true, true);
            let title = if strict {
                constant(Json::str(code.title.clone()))
            } else {
                string()
            };
            member(&keys.title, title, true, false);
            member(
                &keys.status,
                constant(Json::Int(code.status.into())),
                true,
                true,
            );
            member(&keys.detail, message(), true, true);
            member(
                &keys.code,
                constant(Json::str(code.code.clone())),
                true,
                true,
            );
            member(&keys.request_id, string(), false, false);
            member(&keys.timestamp, refs.to(TIMESTAMP), false, false);
            // RFC 9457's `instance`: allowed, a URI reference; no service writes it.
            member(&keys.instance, string(), false, false);
            for field in code.detail_fields() {
                member(
                    &field.wire,
                    field_schema(field, refs, mode),
                    !field.optional,
                    true,
                );
            }
        }
    }
    let object = |properties, required| {
        if strict {
            Object::new(properties, required)
        } else {
            Object::open(properties, required)
        }
    };
    let envelope = object(properties, required);
    let envelope = match style {
        EnvelopeStyle::Nested | EnvelopeStyle::Typed => object(
            Members::new().with(keys.error.clone(), Schema::from(envelope)),
            vec![keys.error.clone()],
        ),
        EnvelopeStyle::Flat | EnvelopeStyle::Problem => envelope,
    };
    // Clients read a field back from the message: they need its templates.
    let read_back = code.message_only_fields().next().is_some();
    // One template: a message chosen by a field has one per value instead.
    let one_template = read_back && code.message_by.is_none();
    CodeSchema {
        title: code.code.clone(),
        description: code_description(code),
        extensions: CodeExtensions {
            retryable: code.retryable,
            category: code.category.clone(),
            grpc: code.grpc.as_str(),
            message_template: one_template.then(|| code.template.source.clone()),
            message_translations: (one_template && !code.translations.is_empty()).then(|| {
                code.translations
                    .iter()
                    .fold(Members::new(), |m, (tag, t)| m.with(tag, t.source.clone()))
            }),
            message_by: code.message_by.as_ref().filter(|_| read_back).map(|by| {
                MessageByExtension {
                    field: by.field.clone(),
                    templates: by.templates.iter().fold(Members::new(), |m, (value, t)| {
                        m.with(value, t.source.clone())
                    }),
                }
            }),
            retry: code
                .retry_class
                .needs_refresh()
                .then(|| code.retry_class.as_str()),
            replacement: code.replacement.clone(),
            aliases: code.aliases.clone(),
        },
        object: envelope,
        deprecated: code.deprecated.is_some(),
    }
}

fn code_description(code: &Code) -> String {
    let mut text = format!(
        "{} {}{}",
        code.status,
        code.title,
        match code.retry_class {
            errors_vocab::RetryClass::AfterRefresh => " (retried once after a credentials refresh)",
            _ if code.retryable => " (retryable)",
            _ => "",
        }
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

/// The details object of `code`: its fields typed, the required ones required; in
/// the client schema, other (newer) fields allowed.
pub(crate) fn details_schema(code: &Code, refs: Refs, mode: SchemaMode) -> Schema {
    let mut properties = Members::new();
    let mut required = Vec::new();
    for field in code.detail_fields() {
        properties.push(field.wire.clone(), field_schema(field, refs, mode));
        if !field.optional {
            required.push(field.wire.clone());
        }
    }
    Schema::from(match mode {
        SchemaMode::Strict => Object::new(properties, required),
        SchemaMode::Client => Object::open(properties, required),
    })
}

fn field_schema(field: &Field, refs: Refs, mode: SchemaMode) -> Schema {
    let schema = match &field.ty {
        _ if field.values.is_empty() => type_schema(&field.ty, refs),
        // Each violation's `rule` is one of the field's rules.
        DetailType::FieldViolations => {
            let mut rule = Members::new();
            rule.push("rule".to_owned(), values_schema(&field.values, mode));
            Schema::from(Array {
                ty: "array",
                items: Box::new(Schema::from(AllOf {
                    all_of: vec![
                        refs.to(FIELD_VIOLATION),
                        Schema::from(Object::open(rule, Vec::new())),
                    ],
                })),
            })
        }
        _ => values_schema(&field.values, mode),
    };
    match &field.description {
        Some(description) => schema.described(description.clone()),
        None => schema,
    }
}

/// A string among `values`: `enum` in the strict schema; in the client schema
/// `x-enum`, which lists them without refusing one added since.
fn values_schema(values: &[String], mode: SchemaMode) -> Schema {
    let values = values.to_vec();
    Schema::from(match mode {
        SchemaMode::Strict => Values {
            ty: "string",
            closed: Some(values),
            open: None,
        },
        SchemaMode::Client => Values {
            ty: "string",
            closed: None,
            open: Some(values),
        },
    })
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
