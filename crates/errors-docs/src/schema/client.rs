//! What the client schema adds: the generic error every response fits, whatever its
//! code, and the `if`/`then` that applies a code's branch to responses of that code
//! (in both modes, so that a validator reports the failures of that branch alone).

use crate::json::{Json, Members};
use crate::json_schema::{Object, Schema};
use crate::model::{Code, Reference};
use errors_vocab::EnvelopeStyle;

use super::{Refs, TIMESTAMP};

/// The name of the generic error's definition.
pub(crate) const GENERIC: &str = "unknown-code";

/// The error of any code, known or not: the envelope's members typed, the code and
/// the message required, any other member allowed.
pub(crate) fn generic_schema(reference: &Reference, refs: Refs) -> Schema {
    let keys = &reference.envelope.keys;
    let style = reference.envelope.style;
    let string = || Schema::typed("string");
    let object = || Schema::typed("object");
    let mut properties = Members::new();
    let message = match style {
        EnvelopeStyle::Problem => &keys.detail,
        _ => &keys.message,
    };
    let mut required = vec![keys.code.clone(), message.clone()];
    match style {
        EnvelopeStyle::Flat | EnvelopeStyle::Nested => {
            if style == EnvelopeStyle::Flat {
                properties.push(&keys.success, Schema::constant(Json::Bool(false)));
                required.insert(0, keys.success.clone());
            }
            properties.push(&keys.code, string());
            properties.push(&keys.message, string());
            properties.push(&keys.details, object());
            properties.push(&keys.request_id, string());
        }
        EnvelopeStyle::Typed => {
            properties.push(&keys.type_, Schema::nullable_string());
            properties.push(&keys.code, string());
            properties.push(&keys.message, string());
            properties.push(&keys.param, Schema::nullable_string());
            properties.push(&keys.doc_url, Schema::nullable_string());
            properties.push(&keys.request_id, Schema::nullable_string());
            properties.push(&keys.details, object());
        }
        EnvelopeStyle::Problem => {
            properties.push(&keys.type_, string());
            properties.push(&keys.title, string());
            properties.push(&keys.status, Schema::typed("integer"));
            properties.push(&keys.detail, string());
            properties.push(&keys.code, string());
            properties.push(&keys.request_id, string());
            properties.push(&keys.instance, string());
        }
    }
    properties.push(&keys.timestamp, refs.to(TIMESTAMP));
    let envelope = Object::open(properties, required);
    let schema = if style.is_wrapped() {
        Object::open(
            Members::new().with(keys.error.clone(), Schema::from(envelope)),
            vec![keys.error.clone()],
        )
    } else {
        envelope
    };
    Schema::from(schema).described(
        "Any error response, of a code this document knows or not (a later version of the API may send new codes): read its code and message."
            .to_owned(),
    )
}

/// For each of `codes`: if the response has that code, then it fits the code's
/// branch.
pub(crate) fn dispatch<'a>(
    reference: &Reference,
    codes: impl IntoIterator<Item = &'a Code>,
    refs: Refs,
) -> Vec<Schema> {
    codes
        .into_iter()
        .map(|code| Schema::conditional(has_code(reference, code), refs.to(&code.code)))
        .collect()
}

/// The responses whose code is `code`, wherever the style puts it.
fn has_code(reference: &Reference, code: &Code) -> Schema {
    let keys = &reference.envelope.keys;
    let test = Object::open(
        Members::new().with(
            keys.code.clone(),
            Schema::constant(Json::str(code.code.clone())),
        ),
        vec![keys.code.clone()],
    );
    Schema::from(if reference.envelope.style.is_wrapped() {
        Object::open(
            Members::new().with(keys.error.clone(), Schema::from(test)),
            vec![keys.error.clone()],
        )
    } else {
        test
    })
}
