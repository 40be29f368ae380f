//! The client policy the catalog documents and generated clients apply: `[retry]`
//! (`retry_after_statuses` included) and `[circuit_breaker]`. A client built from
//! the snapshot keeps applying the old settings, so any change breaks: it retries
//! what the service now asks it not to, waits differently, or opens its circuit at
//! another point. Compared only when the snapshot records them (format 3 on).

use super::report::{Change, Findings};
use super::snapshot::honor_word;
use super::{Contract, locate};
use crate::Catalog;
use crate::model::{CircuitBreakerConfig, RetryConfig};

pub(super) fn compare(
    findings: &mut Findings<'_>,
    old: &Contract,
    new: &Contract,
    catalog: &Catalog,
) {
    if let (Some(was), Some(now)) = (&old.retry, &new.retry) {
        for ((key, was), (_, now)) in retry_settings(was).into_iter().zip(retry_settings(now)) {
            if was != now {
                findings.push(
                    Change::Breaking,
                    None,
                    locate::setting(catalog, "retry", key),
                    format!(
                        "`[retry] {key}` changed from {was} to {now}: clients built from the snapshot retry with {was}; re-bless the snapshot and release clients with the new policy"
                    ),
                );
            }
        }
    }
    if let (Some(was), Some(now)) = (&old.circuit_breaker, &new.circuit_breaker) {
        for ((key, was), (_, now)) in breaker_settings(was).into_iter().zip(breaker_settings(now)) {
            if was != now {
                findings.push(
                    Change::Breaking,
                    None,
                    locate::setting(catalog, "circuit_breaker", key),
                    format!(
                        "`[circuit_breaker] {key}` changed from {was} to {now}: clients built from the snapshot open their circuit by {was}"
                    ),
                );
            }
        }
    }
}

/// Each `[retry]` setting, as the catalog spells its value.
fn retry_settings(retry: &RetryConfig) -> [(&'static str, String); 6] {
    [
        ("max_attempts", retry.max_attempts.to_string()),
        ("base_delay_ms", retry.base_delay_ms.to_string()),
        ("max_delay_ms", retry.max_delay_ms.to_string()),
        (
            "honor_retry_after",
            honor_word(retry.honor_retry_after).to_owned(),
        ),
        (
            "retry_after_statuses",
            retry.retry_after_statuses.to_string(),
        ),
        ("max_retry_after_ms", retry.max_retry_after_ms.to_string()),
    ]
}

/// Each `[circuit_breaker]` setting.
fn breaker_settings(breaker: &CircuitBreakerConfig) -> [(&'static str, String); 3] {
    [
        ("failure_threshold", breaker.failure_threshold.to_string()),
        ("open_ms", breaker.open_ms.to_string()),
        ("half_open_requests", breaker.half_open_requests.to_string()),
    ]
}
