//! SPEC 9.4 at run time: aliases decode and parse as the current code and are never
//! written; deprecation and the retry class reach the metadata; after-refresh errors
//! are retried once with a refresh hook, never without one.

use errors_runtime::meta::DeprecationMeta;
use errors_runtime::retry::{Failure, GiveUp, RetryDecision, RetryPolicy};
use errors_runtime::{CatalogError, ErrorCode, RetryClass, decode, decode_response};

mod api {
    errors_runtime::catalog!("tests/catalogs/evolve.toml");
}
use api::{EvolveError, EvolveErrorCode};

fn envelope(code: &str, message: &str, details: &str) -> Vec<u8> {
    format!(r#"{{"error": {{"code": "{code}", "message": "{message}", "details": {details}}}}}"#)
        .into_bytes()
}

#[test]
fn an_alias_decodes_as_the_current_code() {
    for alias in ["RATE_LIMITED", "TOO_MANY_REQUESTS", "QUOTA_EXCEEDED"] {
        let body = envelope(alias, "Quota of 10 requests exceeded.", r#"{"limit": 10}"#);
        let decoded = decode::<EvolveError>(&body).unwrap();
        assert_eq!(
            decoded.known(),
            Some(&EvolveError::QuotaExceeded { limit: 10 }),
            "{alias}"
        );
        assert_eq!(decoded.known().unwrap().code().as_str(), "QUOTA_EXCEEDED");
    }
}

#[test]
fn a_code_that_is_no_alias_stays_unknown() {
    let body = envelope("RATE_LIMITD", "Slow down.", "{}");
    let decoded = decode_response::<EvolveError>(429, &(), &body).unwrap();
    let unknown = decoded.error().unknown().expect("an unknown code");
    assert_eq!(unknown.code(), "RATE_LIMITD");
    assert_eq!(unknown.status(), Some(429));
    assert!(decoded.known().is_none());
}

#[test]
fn aliases_parse_but_the_current_code_is_written() {
    for text in ["QUOTA_EXCEEDED", "RATE_LIMITED", "TOO_MANY_REQUESTS"] {
        let code: EvolveErrorCode = text.parse().unwrap();
        assert_eq!(code, EvolveErrorCode::QuotaExceeded, "{text}");
        let from_json: EvolveErrorCode = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        assert_eq!(from_json, EvolveErrorCode::QuotaExceeded, "{text}");
    }
    let code = EvolveErrorCode::QuotaExceeded;
    assert_eq!(code.to_string(), "QUOTA_EXCEEDED");
    assert_eq!(serde_json::to_string(&code).unwrap(), "\"QUOTA_EXCEEDED\"");
    let error = EvolveError::QuotaExceeded { limit: 3 };
    assert!(error.envelope().to_json().contains("\"QUOTA_EXCEEDED\""));
    assert!(!error.envelope().to_json().contains("RATE_LIMITED"));
    // Case matters, and an alias of one code is no other code.
    assert!("rate_limited".parse::<EvolveErrorCode>().is_err());
    assert!(serde_json::from_str::<EvolveErrorCode>("\"RATE_LIMITD\"").is_err());
}

#[test]
#[allow(deprecated)]
fn the_metadata_carries_aliases_deprecation_and_retry_class() {
    let quota = EvolveErrorCode::QuotaExceeded.meta();
    assert_eq!(quota.aliases, ["RATE_LIMITED", "TOO_MANY_REQUESTS"]);
    assert_eq!(quota.retry_class, RetryClass::Retryable);
    assert!(quota.deprecation.is_none() && quota.deprecated.is_none());

    let old = EvolveErrorCode::OldThing.meta();
    assert!(old.aliases.is_empty());
    assert_eq!(
        old.deprecation,
        Some(DeprecationMeta {
            since: Some("2.3"),
            replacement: Some("QUOTA_EXCEEDED"),
            remove_after: Some("2027-06-01"),
        })
    );
    assert_eq!(
        old.deprecated,
        Some("Use QUOTA_EXCEEDED instead. Deprecated since 2.3; to be removed after 2027-06-01.")
    );
    assert_eq!(old.retry_class, RetryClass::Never);

    let expired = EvolveErrorCode::TokenExpired;
    assert_eq!(expired.meta().retry_class, RetryClass::AfterRefresh);
    assert_eq!(expired.retry_class(), RetryClass::AfterRefresh);
    assert!(!expired.is_retryable() && !expired.meta().retryable);
    assert_eq!(
        EvolveError::TokenExpired.retry_class(),
        RetryClass::AfterRefresh
    );
    assert_eq!(
        EvolveError::Unavailable.retry_class(),
        RetryClass::Retryable
    );
}

#[test]
fn the_policy_gives_an_after_refresh_error_up_as_needing_a_refresh() {
    use errors_runtime::retry::AsFailure;
    let policy = RetryPolicy::new();
    let failure = EvolveError::TokenExpired.as_failure();
    assert!(failure.needs_refresh() && !failure.is_retryable());
    assert_eq!(
        policy.decide(1, &EvolveError::TokenExpired),
        RetryDecision::GiveUp(GiveUp::RefreshNeeded)
    );
    let body = envelope("TOKEN_EXPIRED", "Token expired.", "{}");
    let decoded = decode_response::<EvolveError>(401, &(), &body).unwrap();
    assert_eq!(decoded.retry_class(), RetryClass::AfterRefresh);
    assert_eq!(
        policy.decide(1, &decoded),
        RetryDecision::GiveUp(GiveUp::RefreshNeeded)
    );
    // A plain 401 is just not retryable.
    assert_eq!(
        policy.decide(1, &Failure::from_status(401)),
        RetryDecision::GiveUp(GiveUp::NotRetryable)
    );
}

#[cfg(feature = "tokio")]
mod with_tokio {
    use std::cell::Cell;

    use errors_runtime::retry::{RetryPolicy, retry, retry_refreshing};

    use super::EvolveError;

    /// Runs `retry_refreshing` over `script`, one outcome per attempt; returns the
    /// result, the attempts made and the refreshes.
    async fn refreshing(
        script: &[Result<&'static str, EvolveError>],
        refresh_fails: bool,
    ) -> (Result<&'static str, EvolveError>, u32, u32) {
        let (attempts, refreshes) = (Cell::new(0), Cell::new(0));
        let result = retry_refreshing(
            &RetryPolicy::new().with_random(|| 0),
            || {
                refreshes.set(refreshes.get() + 1);
                async move {
                    if refresh_fails {
                        Err(EvolveError::Unavailable)
                    } else {
                        Ok(())
                    }
                }
            },
            |attempt| {
                attempts.set(attempt);
                let outcome = script[attempt as usize - 1].clone();
                async move { outcome }
            },
        )
        .await;
        (result, attempts.get(), refreshes.get())
    }

    #[tokio::test(start_paused = true)]
    async fn the_hook_is_called_once_and_the_request_retried_once() {
        let script = [Err(EvolveError::TokenExpired), Ok("done")];
        assert_eq!(refreshing(&script, false).await, (Ok("done"), 2, 1));
        // A second after-refresh error is final: no second refresh.
        let script = [
            Err(EvolveError::TokenExpired),
            Err(EvolveError::TokenExpired),
        ];
        assert_eq!(
            refreshing(&script, false).await,
            (Err(EvolveError::TokenExpired), 2, 1)
        );
        // After the refresh, other failures follow the policy.
        let script = [
            Err(EvolveError::TokenExpired),
            Err(EvolveError::Unavailable),
            Err(EvolveError::TokenExpired),
            Ok("never"),
        ];
        assert_eq!(
            refreshing(&script, false).await,
            (Err(EvolveError::TokenExpired), 3, 1)
        );
        // The hook's own error is returned, and nothing retried.
        let script = [Err(EvolveError::TokenExpired), Ok("never")];
        assert_eq!(
            refreshing(&script, true).await,
            (Err(EvolveError::Unavailable), 1, 1)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_hook_an_after_refresh_error_is_final() {
        let attempts = Cell::new(0);
        let result: Result<&str, _> = retry(&RetryPolicy::new(), |attempt| {
            attempts.set(attempt);
            async move {
                if attempt == 1 {
                    Err(EvolveError::TokenExpired)
                } else {
                    Ok("never")
                }
            }
        })
        .await;
        assert_eq!(result, Err(EvolveError::TokenExpired));
        assert_eq!(attempts.get(), 1);
    }
}
