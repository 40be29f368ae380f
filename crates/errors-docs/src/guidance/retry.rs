//! The retry and circuit-breaker guidance, written out from the catalog's `[retry]`
//! and `[circuit_breaker]` tables, and what a client does with each code.

use errors_vocab::HonorRetryAfter;

use crate::model::{Code, Reference};

/// Whether a client's wait for `code` is set by its `Retry-After`: the retry policy
/// honours it on `retry_after_statuses` only (elsewhere the header informs, and
/// backoff decides).
pub(super) fn waits_retry_after(reference: &Reference, code: &Code) -> bool {
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

pub(super) fn honors_retry_after(reference: &Reference) -> bool {
    reference.retry.honor_retry_after != HonorRetryAfter::Never
}

/// `` `A`, `B` and `C` ``.
pub(super) fn code_list(codes: &[&Code]) -> String {
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
pub(super) fn short_duration(ms: u64) -> String {
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

/// What to do instead of retrying a status, where there is a usual answer.
pub(super) fn instead_of_retrying(status: u16) -> Option<&'static str> {
    match status {
        400 | 405 | 406 | 411 | 413 | 414 | 415 | 422 | 431 => Some("fix the request"),
        401 => Some("refresh the credential"),
        403 => Some("escalate"),
        409 | 412 | 428 => Some("refetch state"),
        _ => None,
    }
}
