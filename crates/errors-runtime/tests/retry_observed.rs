//! The retry loop's limits and what it shows (issues 14 and 16): a `Retry-After`
//! beyond the policy's `max_retry_after` gives up at once with the error, and
//! `retry_with` reports every decision, with the wait it then sleeps, under tokio's
//! paused clock and an injected random source.
#![cfg(feature = "tokio")]

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use errors_runtime::meta::RetryConfig;
use errors_runtime::retry::{
    Failure, GiveUp, RetryDecision, RetryEvent, RetryPolicy, retry, retry_with,
};
use errors_runtime::{CatalogError, Decoded, Decoder};
use tokio::time::Instant;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
use bundled::ApiError;

const fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn rate_limited(retry_after: u64) -> ApiError {
    ApiError::RateLimited {
        category: "read".into(),
        retry_after,
        limit: None,
    }
}

/// A random source that returns `values` in turn, then `u64::MAX`.
fn sequence(values: &'static [u64]) -> impl Fn() -> u64 + Send + Sync {
    let next = AtomicUsize::new(0);
    move || {
        let i = next.fetch_add(1, Ordering::Relaxed);
        values.get(i).copied().unwrap_or(u64::MAX)
    }
}

/// What an event said, owned.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    attempt: u32,
    status: Option<u16>,
    decision: RetryDecision,
    at: Duration,
}

fn record<E: errors_runtime::retry::AsFailure>(
    seen: &Mutex<Vec<Seen>>,
    start: Instant,
) -> impl FnMut(&RetryEvent<'_, E>) + '_ {
    move |event| {
        assert_eq!(event.delay(), event.decision().delay());
        seen.lock().unwrap().push(Seen {
            attempt: event.attempt(),
            status: event.error().as_failure().status(),
            decision: event.decision(),
            at: start.elapsed(),
        });
    }
}

// ---------------------------------------------------------------------------
// max_retry_after (issue 16d)
// ---------------------------------------------------------------------------

#[test]
fn the_default_limit_is_five_minutes_from_the_catalog() {
    assert_eq!(RetryConfig::DEFAULT.max_retry_after_ms, 300_000);
    assert_eq!(ApiError::CATALOG.retry.max_retry_after_ms, 300_000);
    assert_eq!(RetryPolicy::new().max_retry_after(), secs(300));
    assert_eq!(
        RetryPolicy::for_catalog::<ApiError>().max_retry_after(),
        secs(300)
    );
    let config = RetryConfig {
        max_retry_after_ms: 1500,
        ..RetryConfig::DEFAULT
    };
    assert_eq!(
        RetryPolicy::from_config(config).max_retry_after(),
        Duration::from_millis(1500)
    );
    assert_eq!(
        RetryPolicy::new()
            .with_max_retry_after(secs(9))
            .max_retry_after(),
        secs(9)
    );
}

#[test]
fn decide_gives_up_beyond_the_limit_and_waits_up_to_it() {
    let policy = RetryPolicy::new().with_random(|| 0);
    assert_eq!(
        policy.decide(1, &rate_limited(300)),
        RetryDecision::Retry(secs(300))
    );
    assert_eq!(
        policy.decide(1, &rate_limited(301)),
        RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(secs(301)))
    );
    // Only a Retry-After that would be honoured is judged: a later 429 backs off,
    // and a policy that ignores Retry-After never gives up over it.
    assert_eq!(
        policy.decide(2, &rate_limited(u64::MAX)),
        RetryDecision::Retry(secs(0))
    );
    assert_eq!(
        policy
            .clone()
            .with_honor_retry_after(false)
            .decide(1, &rate_limited(u64::MAX)),
        RetryDecision::Retry(secs(0))
    );
}

#[tokio::test(start_paused = true)]
async fn a_huge_retry_after_returns_the_error_at_once_instead_of_sleeping() {
    let policy = RetryPolicy::for_catalog::<ApiError>().with_random(|| u64::MAX);
    let start = Instant::now();
    let calls = AtomicUsize::new(0);
    let result: Result<(), _> = retry(&policy, |_| {
        calls.fetch_add(1, Ordering::Relaxed);
        async { Err(rate_limited(99_999_999_999_999)) }
    })
    .await;
    let error = result.unwrap_err();
    assert_eq!(error.retry_after(), Some(secs(99_999_999_999_999)));
    assert_eq!(calls.into_inner(), 1);
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_huge_retry_after_header_gives_up_too() {
    // `Retry-After: 99999999999999999999`, as received with a decoded body (the
    // header takes precedence over the body's field) and without one.
    let body = br#"{"success": false, "errorCode": "RATE_LIMITED",
        "message": "Rate limit exceeded for read endpoints. Retry in 1 seconds.",
        "details": {"category": "read", "retryAfter": 1}}"#;
    let decoded: Decoded<ApiError> = Decoder::new()
        .status(429)
        .retry_after_header("99999999999999999999")
        .decode(body)
        .unwrap();
    let policy = RetryPolicy::new().with_random(|| u64::MAX);
    let start = Instant::now();
    let result: Result<(), _> = retry(&policy, |_| {
        let decoded = decoded.clone();
        async move { Err(decoded) }
    })
    .await;
    assert_eq!(result.unwrap_err().retry_after(), Some(secs(u64::MAX)));
    assert_eq!(start.elapsed(), Duration::ZERO);

    let failure = Failure::from_response(429, Some("99999999999999999999"));
    let seen = Mutex::new(Vec::new());
    let result: Result<(), Failure> =
        retry_with(
            &policy,
            record(&seen, start),
            |_| async move { Err(failure) },
        )
        .await;
    assert_eq!(result, Err(failure));
    assert_eq!(
        seen.into_inner().unwrap(),
        [Seen {
            attempt: 1,
            status: Some(429),
            decision: RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(secs(u64::MAX))),
            at: Duration::ZERO,
        }]
    );
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_within_the_limit_is_slept_exactly() {
    let policy = RetryPolicy::new()
        .with_max_retry_after(secs(120))
        .with_random(|| u64::MAX);
    let start = Instant::now();
    let seen = Mutex::new(Vec::new());
    let result = retry_with(&policy, record(&seen, start), |attempt| async move {
        if attempt == 1 {
            Err(rate_limited(120))
        } else {
            Ok(start.elapsed())
        }
    })
    .await;
    assert_eq!(result, Ok(secs(120)));
    assert_eq!(
        seen.into_inner().unwrap(),
        [Seen {
            attempt: 1,
            status: Some(429),
            decision: RetryDecision::Retry(secs(120)),
            at: Duration::ZERO,
        }]
    );
}

// ---------------------------------------------------------------------------
// retry_with (issue 14)
// ---------------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn every_decision_is_shown_with_the_wait_actually_slept() {
    // Jitter from an injected sequence: the top of the range, the bottom, the top,
    // the middle. Ceilings after attempts 1 to 4: 1 s, 2 s, 4 s, 8 s.
    let policy = RetryPolicy::new().with_random(sequence(&[u64::MAX, 0, u64::MAX, 1 << 63]));
    let start = Instant::now();
    let seen = Mutex::new(Vec::new());
    let calls = Mutex::new(Vec::new());
    let result: Result<(), Failure> = retry_with(&policy, record(&seen, start), |attempt| {
        calls.lock().unwrap().push(start.elapsed());
        async move { Err(Failure::from_status(500 + attempt as u16)) }
    })
    .await;
    assert_eq!(result, Err(Failure::from_status(505)));
    let retry = |attempt, status, delay, at| Seen {
        attempt,
        status: Some(status),
        decision: RetryDecision::Retry(delay),
        at,
    };
    assert_eq!(
        seen.into_inner().unwrap(),
        [
            retry(1, 501, secs(1), secs(0)),
            retry(2, 502, secs(0), secs(1)),
            retry(3, 503, secs(4), secs(1)),
            retry(4, 504, secs(4), secs(5)),
            Seen {
                attempt: 5,
                status: Some(505),
                decision: RetryDecision::GiveUp(GiveUp::AttemptsExhausted),
                at: secs(9),
            },
        ]
    );
    // Each attempt starts exactly after the wait its event announced.
    assert_eq!(
        calls.into_inner().unwrap(),
        [secs(0), secs(1), secs(1), secs(5), secs(9)]
    );
    assert_eq!(start.elapsed(), secs(9));
}

#[tokio::test(start_paused = true)]
async fn no_event_on_success_and_one_on_a_failure_not_retried() {
    let policy = RetryPolicy::new();
    let events = AtomicUsize::new(0);
    let ok: Result<u8, ApiError> = retry_with(
        &policy,
        |_| {
            events.fetch_add(1, Ordering::Relaxed);
        },
        |_| async { Ok(7) },
    )
    .await;
    assert_eq!((ok, events.load(Ordering::Relaxed)), (Ok(7), 0));
    let seen = Mutex::new(Vec::new());
    let start = Instant::now();
    let not_found = || ApiError::NotFound {
        r#type: "Session".into(),
        id: "s_1".into(),
    };
    let result: Result<(), _> = retry_with(&policy, record(&seen, start), |_| async {
        Err(not_found())
    })
    .await;
    assert_eq!(result, Err(not_found()));
    assert_eq!(
        seen.into_inner().unwrap(),
        [Seen {
            attempt: 1,
            status: Some(404),
            decision: RetryDecision::GiveUp(GiveUp::NotRetryable),
            at: Duration::ZERO,
        }]
    );
}
