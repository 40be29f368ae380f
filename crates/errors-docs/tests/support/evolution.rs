//! A catalog and its next, compatible version, in each envelope style: what a client
//! validating with the old client schema must keep accepting.
//!
//! The next version rewords a constant message (`NOT_FOUND`), gives a code that sent
//! no details an optional field (`NOT_FOUND.hint`), adds an optional field
//! (`RATE_LIMITED.scope`) and a code (`GONE`); `INVALID_REQUEST` and `QUOTA` do not
//! change.

use errors_catalog::Catalog;
use errors_docs::{EnvelopeStyle, Example, Reference};

/// The catalog; `{style}` is the envelope.
const OLD: &str = r#"
[catalog]
envelope = "{style}"
details_case = "snake_case"
doc_url = "https://docs.example.com/errors#{code}"

[categories.rate_limit_error]
description = "Too many requests."

[http]
request_id_header = "X-Correlation-Id"
bad_request = "INVALID_REQUEST"

[errors.INVALID_REQUEST]
status = 400
message = "Invalid request."
details.fields = "field_violations"

[errors.RATE_LIMITED]
status = 429
message = "Retry in {retry_after} seconds."
category = "rate_limit_error"
details.retry_after = { type = "u64", header = "Retry-After" }

[errors.NOT_FOUND]
status = 404
message = "Not found."

[errors.QUOTA]
status = 403
message = "Quota of {limit} requests reached."
details.limit = { type = "u32", details = false }

# The other rejections' answers: the conventional codes, inferred.
[errors.METHOD_NOT_ALLOWED]
status = 405
message = "Method not allowed."

[errors.UNSUPPORTED_MEDIA_TYPE]
status = 415
message = "Unsupported media type."

[errors.PAYLOAD_TOO_LARGE]
status = 413
message = "Payload too large."

[errors.INTERNAL_ERROR]
status = 500
message = "Internal error."
"#;

/// The styles, each with its own wire.
pub(crate) const STYLES: [EnvelopeStyle; 4] = [
    EnvelopeStyle::Flat,
    EnvelopeStyle::Nested,
    EnvelopeStyle::Typed,
    EnvelopeStyle::Problem,
];

/// The codes whose bodies change in the next version.
pub(crate) const CHANGED: [&str; 3] = ["RATE_LIMITED", "NOT_FOUND", "GONE"];

fn load(text: &str, style: EnvelopeStyle) -> Reference {
    let text = text.replace("{style}", style.as_str());
    let catalog =
        Catalog::from_str("catalog.toml", &text).unwrap_or_else(|d| panic!("{}", d.render()));
    Reference::from(&catalog)
}

/// The catalog in `style`.
pub(crate) fn old(style: EnvelopeStyle) -> Reference {
    load(OLD, style)
}

/// Its next version in `style`.
pub(crate) fn new(style: EnvelopeStyle) -> Reference {
    let text = OLD
        .replace(
            "message = \"Not found.\"",
            "message = \"Nothing here.\"\ndetails.hint = \"string?\"",
        )
        .replace(
            "details.retry_after = { type = \"u64\", header = \"Retry-After\" }",
            "details.retry_after = { type = \"u64\", header = \"Retry-After\" }\ndetails.scope = \"string?\"",
        )
        + "\n[errors.GONE]\nstatus = 410\nmessage = \"Gone for good.\"\n";
    load(&text, style)
}

/// The body of each code of `reference`'s example responses, by code.
pub(crate) fn bodies(reference: &Reference) -> Vec<(String, serde_json::Value)> {
    reference
        .codes
        .iter()
        .map(|code| {
            let body = Example::of(reference, code).body;
            (code.code.clone(), serde_json::from_str(&body).unwrap())
        })
        .collect()
}
