//! Catalog edits for the property that ties the stability check to the schemas:
//! base catalogs in every envelope style, and edits that each take a catalog's
//! TOML to an edited one, with what the stability check must call the edit.

use errors_docs::EnvelopeStyle;

/// A catalog with a bit of everything the contract records: categories, a
/// message-only field, a header field, optional and required fields, the
/// conventional codes answering the six rejections, a named `[http.status]`
/// answer (503), an inferred one (429), a retry policy and a circuit breaker.
const RICH: &str = r#"
[catalog]
envelope = "{style}"
doc_url = "https://docs.example.com/errors#{code}"

[categories.rate_limit_error]
description = "Too many requests."
[categories.conflict_error]

[retry]
retry_after_statuses = [429, 503]

[circuit_breaker]
open_ms = 20000

[http]
request_id_header = "X-Request-Id"
not_found = "NOT_FOUND"

[http.status]
503 = "UNAVAILABLE"

[errors.INVALID_REQUEST]
status = 400
message = "Invalid request."
details.fields = "field_violations"

[errors.NOT_FOUND]
status = 404
message = "Not found."

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

[errors.RATE_LIMITED]
status = 429
message = "Retry in {retry_after} seconds."
category = "rate_limit_error"
[errors.RATE_LIMITED.details]
retry_after = { type = "u64", header = "Retry-After" }

[errors.SESSION_FULL]
status = 409
message = "Session {session_id} is full."
category = "conflict_error"
[errors.SESSION_FULL.details]
session_id = "string"
capacity = "u32"
waitlist = "bool?"

[errors.QUOTA]
status = 403
message = "Quota of {limit} requests reached."
details.limit = { type = "u32", details = false }

[errors.UNAVAILABLE]
status = 503
message = "Unavailable."

[errors.MAINTENANCE]
status = 503
message = "Down for maintenance."
"#;

/// The styles.
pub(crate) const STYLES: [EnvelopeStyle; 4] = [
    EnvelopeStyle::Flat,
    EnvelopeStyle::Nested,
    EnvelopeStyle::Typed,
    EnvelopeStyle::Problem,
];

/// The base catalogs, by name: [`RICH`], and the same with renamed members and the
/// other `details_case`.
pub(crate) fn bases(style: EnvelopeStyle) -> Vec<(&'static str, String)> {
    let rich = RICH.replace("envelope = \"{style}\"", &format!("envelope = \"{style}\""));
    let other_case = match style {
        EnvelopeStyle::Flat => "snake_case",
        _ => "camelCase",
    };
    let renamed = rich.replace(
        "[categories.rate_limit_error]",
        &format!(
            "details_case = \"{other_case}\"\n\n[envelope.rename]\nrequest_id = \"trace_id\"\n\n[categories.rate_limit_error]"
        ),
    );
    vec![("rich", rich), ("renamed", renamed)]
}

/// What the stability check must call an edit on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expect {
    Breaking,
    /// Compatible findings only.
    Compatible,
    /// No finding at all.
    Unchanged,
}

/// An edit: its name, the edit (`None` when what it edits is not in the catalog,
/// after another edit), and what it is on its own in a style.
pub(crate) struct Edit {
    pub(crate) name: &'static str,
    pub(crate) apply: fn(&str) -> Option<String>,
    pub(crate) expect: fn(EnvelopeStyle) -> Expect,
}

/// `text` with the first `from` replaced by `to`, if it has one.
fn swap(text: &str, from: &str, to: &str) -> Option<String> {
    text.contains(from).then(|| text.replacen(from, to, 1))
}

/// `text` with `block` appended.
fn append(text: &str, block: &str) -> Option<String> {
    Some(format!("{text}\n{block}"))
}

fn breaking(_: EnvelopeStyle) -> Expect {
    Expect::Breaking
}

fn compatible(_: EnvelopeStyle) -> Expect {
    Expect::Compatible
}

fn unchanged(_: EnvelopeStyle) -> Expect {
    Expect::Unchanged
}

const SESSION_FULL: &str = "[errors.SESSION_FULL]\nstatus = 409\n";

/// Every edit.
pub(crate) const EDITS: &[Edit] = &[
    Edit {
        name: "add a code",
        apply: |t| {
            append(
                t,
                "[errors.GONE]\nstatus = 410\nmessage = \"Gone for good.\"\n",
            )
        },
        expect: compatible,
    },
    Edit {
        name: "add an optional field",
        apply: |t| {
            swap(
                t,
                "retry_after = { type = \"u64\", header = \"Retry-After\" }",
                "retry_after = { type = \"u64\", header = \"Retry-After\" }\nscope = \"string?\"",
            )
        },
        expect: compatible,
    },
    Edit {
        name: "give a code without details an optional field",
        apply: |t| {
            swap(
                t,
                "message = \"Not found.\"",
                "message = \"Not found.\"\ndetails.hint = \"string?\"",
            )
        },
        expect: compatible,
    },
    Edit {
        name: "reword a constant message",
        apply: |t| swap(t, "message = \"Not found.\"", "message = \"Nothing here.\""),
        expect: unchanged,
    },
    Edit {
        name: "deprecate a code",
        apply: |t| {
            swap(
                t,
                SESSION_FULL,
                &format!("{SESSION_FULL}deprecated = \"Use GONE\"\n"),
            )
        },
        expect: compatible,
    },
    Edit {
        name: "add a category",
        apply: |t| {
            swap(
                t,
                "[categories.conflict_error]",
                "[categories.conflict_error]\n[categories.billing_error]",
            )
        },
        expect: compatible,
    },
    Edit {
        name: "respell a header in another case",
        apply: |t| swap(t, "header = \"Retry-After\"", "header = \"retry-after\""),
        expect: compatible,
    },
    Edit {
        name: "turn the timestamp off",
        apply: |t| swap(t, "[http]\n", "[http]\ntimestamp = false\n"),
        expect: compatible,
    },
    Edit {
        name: "answer a status that had no answer",
        apply: |t| {
            append(
                t,
                "[errors.BAD_GATEWAY]\nstatus = 502\nmessage = \"Upstream failed.\"\n",
            )
        },
        expect: compatible,
    },
    Edit {
        name: "change a status",
        apply: |t| swap(t, SESSION_FULL, "[errors.SESSION_FULL]\nstatus = 423\n"),
        expect: breaking,
    },
    Edit {
        name: "remove a code",
        apply: |t| {
            let start = t.find(SESSION_FULL)?;
            let end =
                start + t[start..].find("waitlist = \"bool?\"\n")? + "waitlist = \"bool?\"\n".len();
            Some(format!("{}{}", &t[..start], &t[end..]))
        },
        expect: breaking,
    },
    Edit {
        name: "make a field required",
        apply: |t| swap(t, "waitlist = \"bool?\"", "waitlist = \"bool\""),
        expect: breaking,
    },
    Edit {
        name: "make a field optional",
        apply: |t| swap(t, "capacity = \"u32\"", "capacity = \"u32?\""),
        expect: breaking,
    },
    Edit {
        name: "add a required field",
        apply: |t| {
            swap(
                t,
                "capacity = \"u32\"",
                "capacity = \"u32\"\nowner = \"string\"",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change a field type",
        apply: |t| swap(t, "capacity = \"u32\"", "capacity = \"string\""),
        expect: breaking,
    },
    Edit {
        name: "rename a field on the wire",
        apply: |t| {
            swap(
                t,
                "capacity = \"u32\"",
                "capacity = { type = \"u32\", wire = \"seats\" }",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "rename a header",
        apply: |t| swap(t, "header = \"Retry-After\"", "header = \"X-Retry-In\""),
        expect: breaking,
    },
    Edit {
        name: "change retryability",
        apply: |t| {
            swap(
                t,
                SESSION_FULL,
                &format!("{SESSION_FULL}retryable = true\n"),
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change a category",
        apply: |t| {
            swap(
                t,
                "category = \"rate_limit_error\"",
                "category = \"conflict_error\"",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "remove a category",
        apply: |t| {
            swap(t, "[categories.conflict_error]\n", "")
                .and_then(|t| swap(&t, "category = \"conflict_error\"\n", ""))
        },
        expect: breaking,
    },
    Edit {
        name: "change the template of a message-only field",
        apply: |t| {
            swap(
                t,
                "\"Quota of {limit} requests reached.\"",
                "\"Quota of {limit} requests used.\"",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change the format spec of a message-only field",
        apply: |t| {
            swap(
                t,
                "Quota of {limit} requests",
                "Quota of {limit:+} requests",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change retry_after_statuses",
        apply: |t| {
            swap(
                t,
                "retry_after_statuses = [429, 503]",
                "retry_after_statuses = [429]",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change max_attempts",
        apply: |t| swap(t, "[retry]\n", "[retry]\nmax_attempts = 3\n"),
        expect: breaking,
    },
    Edit {
        name: "change the circuit breaker",
        apply: |t| swap(t, "open_ms = 20000", "open_ms = 60000"),
        expect: breaking,
    },
    Edit {
        name: "change an [http] answer",
        apply: |t| {
            swap(
                t,
                "not_found = \"NOT_FOUND\"",
                "not_found = \"ROUTE_NOT_FOUND\"",
            )
            .and_then(|t| {
                append(
                    &t,
                    "[errors.ROUTE_NOT_FOUND]\nstatus = 404\nmessage = \"No such route.\"\n",
                )
            })
        },
        expect: breaking,
    },
    Edit {
        name: "change an [http.status] answer",
        apply: |t| swap(t, "503 = \"UNAVAILABLE\"", "503 = \"MAINTENANCE\""),
        expect: breaking,
    },
    Edit {
        name: "take away an inferred answer with a new code",
        apply: |t| {
            append(
                t,
                "[errors.QUOTA_EXCEEDED]\nstatus = 429\nmessage = \"Out of quota.\"\n",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "change the request id header",
        apply: |t| {
            swap(
                t,
                "request_id_header = \"X-Request-Id\"",
                "request_id_header = \"X-Trace-Id\"",
            )
        },
        expect: breaking,
    },
    Edit {
        name: "rename an envelope member",
        apply: |t| {
            swap(
                t,
                "[envelope.rename]\n",
                "[envelope.rename]\ncode = \"error_kind\"\n",
            )
            .or_else(|| {
                swap(
                    t,
                    "[categories.rate_limit_error]",
                    "[envelope.rename]\ncode = \"error_kind\"\n\n[categories.rate_limit_error]",
                )
            })
        },
        expect: breaking,
    },
    Edit {
        name: "change the doc_url",
        apply: |t| {
            swap(
                t,
                "doc_url = \"https://docs.example.com/errors#{code}\"",
                "doc_url = \"https://docs.example.com/e/{code}\"",
            )
        },
        // It makes each code's `type` in the problem style only.
        expect: |style| match style {
            EnvelopeStyle::Problem => Expect::Breaking,
            _ => Expect::Unchanged,
        },
    },
];
