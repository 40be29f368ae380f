//! What the reference says in words, shared by the Markdown and HTML renderers: what
//! each status means and whether to retry it, the envelope's members, where each
//! field is sent, and the retry and circuit-breaker guidance written out from the
//! catalog's `[retry]` and `[circuit_breaker]` tables, as seeds 000 and 002 write
//! theirs.
//!
//! Text here is inline markup: backticks mark code, nothing else is special.

use errors_vocab::{EnvelopeStyle, HonorRetryAfter, Member as Key};

use crate::model::{Code, Field, Reference};

/// A row of the status conventions table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StatusRow {
    pub(crate) status: u16,
    pub(crate) meaning: Meaning,
    pub(crate) retry: String,
}

/// What a status means: the catalog's word for it, else the built-in convention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// `[statuses.N] description`: Markdown.
    Catalog(String),
    /// [`status_meaning`]: inline markup.
    Convention(&'static str),
}

impl Meaning {
    /// The text, whichever it is.
    pub(crate) fn text(&self) -> &str {
        match self {
            Meaning::Catalog(text) => text,
            Meaning::Convention(text) => text,
        }
    }
}

/// What a status means, in the words an error reference uses.
pub(crate) fn status_meaning(status: u16) -> &'static str {
    match status {
        400 => "Validation failure: the body, query or path parameters are malformed",
        401 => "Missing, malformed or expired credentials",
        402 => "Payment required",
        403 => "Authenticated but not authorized: wrong tier, scope or account",
        404 => "The resource doesn't exist, or the credential can't see it",
        405 => "The method is not allowed on this resource",
        406 => "No representation matches the `Accept` header",
        408 => "The request took too long to arrive",
        409 => "State conflict with the resource's current state",
        410 => "The resource is gone for good",
        411 => "`Content-Length` is required",
        412 => "A precondition of the request failed",
        413 => "The request body is too large",
        414 => "The URI is too long",
        415 => "The body's media type is not supported",
        416 => "The requested range cannot be satisfied",
        417 => "The `Expect` header cannot be met",
        421 => "The request reached a server that cannot answer it",
        422 => "Business rule violation: well-formed, but not allowed",
        423 => "The resource is locked",
        424 => "A request this one depends on failed",
        425 => "Too early: the request might be replayed",
        426 => "The client must upgrade its protocol",
        428 => "The request must be conditional",
        429 => "Rate limit exceeded",
        431 => "The request's headers are too large",
        451 => "Unavailable for legal reasons",
        500 => "Unexpected server-side failure",
        501 => "The server does not support this operation",
        502 => "An upstream service failed",
        503 => "The service is temporarily unavailable: maintenance or overload",
        504 => "An upstream service didn't respond in time",
        505 => "The HTTP version is not supported",
        507 => "The server cannot store what the request needs",
        508 => "The server detected a loop",
        511 => "Network authentication is required",
        _ if status < 500 => "Client error",
        _ => "Server-side failure",
    }
}

/// The reason phrase of `status`, or the class's where none is registered.
pub(crate) fn reason_phrase(status: u16) -> &'static str {
    match errors_vocab::reason_phrase(status) {
        Some(phrase) => phrase,
        None if status < 500 => "Client Error",
        None => "Server Error",
    }
}

/// What to do instead of retrying a status, where there is a usual answer.
fn instead_of_retrying(status: u16) -> Option<&'static str> {
    match status {
        400 | 405 | 406 | 411 | 413 | 414 | 415 | 422 | 431 => Some("fix the request"),
        401 => Some("refresh the credential"),
        403 => Some("escalate"),
        409 | 412 | 428 => Some("refetch state"),
        _ => None,
    }
}

/// The status conventions table: each status the catalog uses, what it means, and
/// whether its codes may be retried.
pub(crate) fn status_rows(reference: &Reference) -> Vec<StatusRow> {
    reference
        .statuses()
        .into_iter()
        .map(|status| {
            let codes: Vec<&Code> = reference
                .codes
                .iter()
                .filter(|c| c.status == status)
                .collect();
            let retryable: Vec<&Code> = codes.iter().copied().filter(|c| c.retryable).collect();
            let retry = if retryable.is_empty() {
                instead_of_retrying(status).map_or("No".to_owned(), |a| format!("No, {a}"))
            } else if retryable.len() == codes.len() {
                if honors_retry_after(reference)
                    && retryable.iter().any(|c| waits_retry_after(reference, c))
                {
                    "Yes, after `Retry-After`".to_owned()
                } else {
                    "Yes, exponential backoff with jitter".to_owned()
                }
            } else if retryable.len() <= 4 {
                format!("Only {}", code_list(&retryable))
            } else {
                format!(
                    "{} of {} codes: see the codes table",
                    retryable.len(),
                    codes.len()
                )
            };
            let meaning = match reference.status_description(status) {
                Some(text) => Meaning::Catalog(text.to_owned()),
                None => Meaning::Convention(status_meaning(status)),
            };
            StatusRow {
                status,
                meaning,
                retry,
            }
        })
        .collect()
}

/// Whether a client's wait for `code` is set by its `Retry-After`: the retry policy
/// honours it on `retry_after_statuses` only (elsewhere the header informs, and
/// backoff decides).
fn waits_retry_after(reference: &Reference, code: &Code) -> bool {
    reference.retry.retry_after_statuses.contains(code.status) && code.retry_after_field().is_some()
}

/// `429` or `429 and 503`: the statuses whose `Retry-After` the policy honours.
fn retry_after_statuses(reference: &Reference) -> String {
    let statuses: Vec<String> = reference
        .retry
        .retry_after_statuses
        .iter()
        .map(|s| s.to_string())
        .collect();
    match statuses.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => statuses.concat(),
    }
}

fn honors_retry_after(reference: &Reference) -> bool {
    reference.retry.honor_retry_after != HonorRetryAfter::Never
}

/// `` `A`, `B` and `C` ``.
fn code_list(codes: &[&Code]) -> String {
    let names: Vec<String> = codes.iter().map(|c| format!("`{}`", c.code)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// A duration for people: `500 ms`, `1 second`, `1.5 seconds`, `5 minutes`.
pub(crate) fn duration(ms: u64) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if ms >= 60_000 && ms.is_multiple_of(60_000) {
        plural(ms / 60_000, "minute")
    } else if ms >= 1000 && ms.is_multiple_of(1000) {
        plural(ms / 1000, "second")
    } else if ms > 1000 {
        let text = format!("{:.3}", ms as f64 / 1000.0);
        format!(
            "{} seconds",
            text.trim_end_matches('0').trim_end_matches('.')
        )
    } else {
        format!("{ms} ms")
    }
}

/// A short duration, as in a list of waits: `1 s`, `500 ms`, `2 min`.
fn short_duration(ms: u64) -> String {
    if ms >= 60_000 && ms.is_multiple_of(60_000) {
        format!("{} min", ms / 60_000)
    } else if ms >= 1000 && ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else if ms > 1000 {
        let text = format!("{:.3}", ms as f64 / 1000.0);
        format!("{} s", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        format!("{ms} ms")
    }
}

/// The retry strategy, a paragraph each, written out from `[retry]`.
pub(crate) fn retry_strategy(reference: &Reference) -> Vec<String> {
    let retry = &reference.retry;
    let retryable: Vec<&Code> = reference.codes.iter().filter(|c| c.retryable).collect();
    if retryable.is_empty() {
        return vec![
            "No code of this API is retryable: do not retry failed requests automatically."
                .to_owned(),
        ];
    }
    let mut out = vec![
        "Only retry the codes marked retryable above; every other error will fail the same way again.".to_owned(),
    ];
    if retry.max_attempts <= 1 {
        out.push(
            "Make a single attempt: the policy allows no retries (`max_attempts = 1`).".to_owned(),
        );
        return out;
    }
    let ceilings: Vec<String> = (1..retry.max_attempts)
        .map(|n| {
            let doubled = 1u64
                .checked_shl(n - 1)
                .and_then(|f| retry.base_delay_ms.checked_mul(f))
                .unwrap_or(u64::MAX);
            short_duration(doubled.min(retry.max_delay_ms))
        })
        .collect();
    out.push(format!(
        "Use exponential backoff with full jitter: after attempt n fails, wait a random time between 0 and min({}, {} × 2^(n−1)), that is up to {} before each retry, capped at {}, with a maximum of {} attempts, the first included.",
        duration(retry.max_delay_ms),
        duration(retry.base_delay_ms),
        ceilings.join(", "),
        duration(retry.max_delay_ms),
        retry.max_attempts,
    ));
    let limited = retryable.iter().any(|c| waits_retry_after(reference, c));
    if limited {
        let too_long = format!(
            " If `Retry-After` asks for more than {}, do not wait: give up and report the error.",
            duration(retry.max_retry_after_ms)
        );
        let statuses = retry_after_statuses(reference);
        out.push(match retry.honor_retry_after {
            HonorRetryAfter::FirstRetry => format!(
                "For {statuses}, honour `Retry-After` exactly on the first retry; if the same status comes again, fall back to exponential backoff.{too_long}"
            ),
            HonorRetryAfter::Always => format!(
                "For {statuses}, wait at least `Retry-After` before every retry (the longer of `Retry-After` and the backoff).{too_long}"
            ),
            HonorRetryAfter::Never => format!(
                "`Retry-After` does not set the wait: {statuses} back off like every other retryable error."
            ),
        });
    }
    out
}

/// The circuit breaker guidance, an item each, written out from `[circuit_breaker]`.
pub(crate) fn circuit_breaker(reference: &Reference) -> Vec<String> {
    let b = &reference.circuit_breaker;
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let open = duration(b.open_ms);
    vec![
        format!(
            "Failure threshold: {} with retryable codes open the circuit. Other errors show that the service is answering, and count as successes.",
            plural(b.failure_threshold, "failure", "consecutive failures")
        ),
        format!("Open period: {open}, during which calls fail at once without reaching the API."),
        format!(
            "Recovery: then {} through; {} closes the circuit, and any failure opens it again for another {open}.",
            if b.half_open_requests == 1 {
                "let 1 trial request".to_owned()
            } else {
                format!("let {} trial requests", b.half_open_requests)
            },
            if b.half_open_requests == 1 {
                "its success"
            } else {
                "their success"
            },
        ),
    ]
}

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

/// What a client does with one code: retry it, and how, or not.
pub(crate) fn code_retry(reference: &Reference, code: &Code) -> String {
    if code.retry_class == errors_vocab::RetryClass::AfterRefresh {
        return "Retried once after a credentials refresh: refresh the credentials (a new token, say), then send the request once more, whatever its method. A client without a refresh hook treats it as final.".to_owned();
    }
    if !code.retryable {
        return match instead_of_retrying(code.status) {
            Some(action) => format!("Not retryable: {action}."),
            None => "Not retryable.".to_owned(),
        };
    }
    let retry_after = waits_retry_after(reference, code) && honors_retry_after(reference);
    match (retry_after, reference.retry.honor_retry_after) {
        (true, HonorRetryAfter::FirstRetry) => "Retryable: wait exactly `Retry-After` before the first retry, then back off exponentially.".to_owned(),
        (true, HonorRetryAfter::Always) => "Retryable: wait at least `Retry-After` before every retry.".to_owned(),
        _ => "Retryable, with exponential backoff and full jitter.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "catalog")]
    fn reference(toml: &str) -> Reference {
        Reference::from(&errors_catalog::Catalog::from_str("c.toml", toml).unwrap())
    }

    /// Under `retry_after_statuses = [429]` the retry policy honours `Retry-After` on a
    /// 429 only; a 503 that sends one is still retried with backoff, and the reference
    /// says so.
    #[cfg(feature = "catalog")]
    #[test]
    fn retry_after_sets_the_wait_of_429s_only() {
        let toml = "[errors.LIMITED]\nstatus = 429\nmessage = \"m\"\ndetails.wait = { type = \"u64\", header = \"Retry-After\" }\n\
                    [errors.DOWN]\nstatus = 503\nmessage = \"m\"\ndetails.wait = { type = \"u64\", header = \"Retry-After\" }\n\
                    [errors.GONE]\nstatus = 410\nmessage = \"m\"\n";
        let r = reference(&format!("[retry]\nretry_after_statuses = [429]\n{toml}"));
        let rows: Vec<(u16, String)> = status_rows(&r)
            .into_iter()
            .map(|row| (row.status, row.retry))
            .collect();
        assert_eq!(
            rows,
            [
                (410, "No".to_owned()),
                (429, "Yes, after `Retry-After`".to_owned()),
                (503, "Yes, exponential backoff with jitter".to_owned()),
            ]
        );
        assert!(code_retry(&r, r.code("LIMITED").unwrap()).contains("exactly `Retry-After`"));
        assert_eq!(
            code_retry(&r, r.code("DOWN").unwrap()),
            "Retryable, with exponential backoff and full jitter."
        );
        let strategy = retry_strategy(&r).join("\n");
        assert!(strategy.contains("up to 1 s, 2 s, 4 s, 8 s before each retry, capped at 30 seconds, with a maximum of 5 attempts"), "{strategy}");
        assert!(strategy.contains("more than 5 minutes"), "{strategy}");

        let never = reference(&format!(
            "[retry]\nhonor_retry_after = false\nretry_after_statuses = [429]\nmax_attempts = 3\nbase_delay_ms = 500\nmax_delay_ms = 800\n{toml}"
        ));
        assert_eq!(
            status_rows(&never)[1].retry,
            "Yes, exponential backoff with jitter"
        );
        let strategy = retry_strategy(&never).join("\n");
        assert!(strategy.contains("up to 500 ms, 800 ms before each retry, capped at 800 ms, with a maximum of 3 attempts"), "{strategy}");
        assert!(strategy.contains("does not set the wait"), "{strategy}");

        // By default a 503's `Retry-After` sets the wait too.
        let default = reference(toml);
        let row = &status_rows(&default)[2];
        assert_eq!(
            (row.status, row.retry.as_str()),
            (503, "Yes, after `Retry-After`")
        );
        assert!(
            code_retry(&default, default.code("DOWN").unwrap()).contains("exactly `Retry-After`")
        );
        let strategy = retry_strategy(&default).join("\n");
        assert!(
            strategy.contains("For 429 and 503, honour `Retry-After` exactly on the first retry"),
            "{strategy}"
        );
    }

    #[cfg(feature = "catalog")]
    #[test]
    fn the_breaker_is_written_out_from_its_table() {
        let r = reference(
            "[circuit_breaker]\nfailure_threshold = 3\nopen_ms = 1500\nhalf_open_requests = 2\n[errors.X]\nstatus = 500\nmessage = \"m\"\n",
        );
        assert_eq!(
            circuit_breaker(&r),
            [
                "Failure threshold: 3 consecutive failures with retryable codes open the circuit. Other errors show that the service is answering, and count as successes.",
                "Open period: 1.5 seconds, during which calls fail at once without reaching the API.",
                "Recovery: then let 2 trial requests through; their success closes the circuit, and any failure opens it again for another 1.5 seconds.",
            ]
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(500), "500 ms");
        assert_eq!(duration(1000), "1 second");
        assert_eq!(duration(1500), "1.5 seconds");
        assert_eq!(duration(30_000), "30 seconds");
        assert_eq!(duration(300_000), "5 minutes");
        assert_eq!(duration(90_000), "90 seconds");
        assert_eq!(short_duration(250), "250 ms");
        assert_eq!(short_duration(2000), "2 s");
    }
}
