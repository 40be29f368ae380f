//! `retry::retry` under tokio's paused clock: the exact waits between attempts, and
//! when it stops.
#![cfg(feature = "tokio")]

use std::cell::RefCell;
use std::time::Duration;

use errors_runtime::retry::{Failure, RetryPolicy, retry};
use errors_runtime::{Decoded, decode_response};
use tokio::time::Instant;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
use bundled::ApiError;

fn longest() -> RetryPolicy {
    RetryPolicy::new().with_random(|| u64::MAX)
}

/// Runs `retry` with the outcomes `script` lists, one per attempt; returns the
/// result, the attempt numbers seen and the virtual time at each call.
async fn run<E: errors_runtime::retry::AsFailure + Clone>(
    policy: &RetryPolicy,
    script: &[Result<&'static str, E>],
) -> (Result<&'static str, E>, Vec<u32>, Vec<Duration>) {
    let start = Instant::now();
    let seen = RefCell::new((Vec::new(), Vec::new()));
    let result = retry(policy, |attempt| {
        let mut seen = seen.borrow_mut();
        seen.0.push(attempt);
        seen.1.push(start.elapsed());
        let outcome = script[attempt as usize - 1].clone();
        async move { outcome }
    })
    .await;
    let (attempts, times) = seen.into_inner();
    (result, attempts, times)
}

const fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[tokio::test(start_paused = true)]
async fn succeeds_after_backing_off() {
    let script = [
        Err(ApiError::BadGateway),
        Err(ApiError::ServiceUnavailable { retry_after: None }),
        Ok("booked"),
    ];
    let (result, attempts, times) = run(&longest(), &script).await;
    assert_eq!(result, Ok("booked"));
    assert_eq!(attempts, [1, 2, 3]);
    assert_eq!(times, [secs(0), secs(1), secs(3)]);
}

#[tokio::test(start_paused = true)]
async fn gives_up_after_the_fifth_attempt() {
    let script = [const { Err(ApiError::BadGateway) }; 8];
    let start = Instant::now();
    let (result, attempts, times) = run(&longest(), &script).await;
    assert_eq!(result, Err(ApiError::BadGateway));
    assert_eq!(attempts, [1, 2, 3, 4, 5], "no sixth attempt");
    assert_eq!(times, [0, 1, 3, 7, 15].map(secs));
    assert_eq!(start.elapsed(), secs(15), "no wait after the last attempt");
}

#[tokio::test(start_paused = true)]
async fn does_not_retry_what_may_not_be_retried() {
    let script = [
        Err(ApiError::Forbidden {
            scope: "bookings:write".into(),
        }),
        Ok("never"),
    ];
    let start = Instant::now();
    let (result, attempts, _) = run(&longest(), &script).await;
    assert!(matches!(result, Err(ApiError::Forbidden { .. })));
    assert_eq!(attempts, [1]);
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn rate_limited_waits_exactly_retry_after_then_backs_off() {
    let limited = || ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
        limit: Some(100),
    };
    let script = [Err(limited()), Err(limited()), Err(limited()), Ok("done")];
    let (result, attempts, times) = run(&longest(), &script).await;
    assert_eq!(result, Ok("done"));
    assert_eq!(attempts, [1, 2, 3, 4]);
    // 42 s exactly, then backoff: 2 s, then 4 s.
    assert_eq!(times, [0, 42, 44, 48].map(secs));
}

#[tokio::test(start_paused = true)]
async fn works_with_decoded_error_responses() {
    let limited = br#"{"success": false, "errorCode": "RATE_LIMITED", "message": "m",
        "details": {"category": "read", "retryAfter": 42}}"#;
    let unknown = br#"{"success": false, "errorCode": "SOMETHING_NEW", "message": "m"}"#;
    let script: [Result<&str, Decoded<ApiError>>; 4] = [
        Err(decode_response(429, &(), limited).unwrap()),
        Err(decode_response(502, &(), unknown).unwrap()),
        Err(decode_response(409, &(), unknown).unwrap()),
        Ok("unreachable"),
    ];
    let (result, attempts, times) = run(&longest(), &script).await;
    // The unknown 409 is not retried: it comes back as the error.
    let error = result.unwrap_err();
    assert_eq!(error.status(), Some(409));
    assert_eq!(attempts, [1, 2, 3]);
    assert_eq!(times, [0, 42, 44].map(secs));
}

#[tokio::test(start_paused = true)]
async fn works_with_plain_failures_and_the_catalog_policy() {
    let script = [
        Err(Failure::transport()),
        Err(Failure::from_response(503, Some("30"))),
        Ok("up"),
    ];
    let policy = RetryPolicy::for_catalog::<ApiError>().with_random(|| 1 << 63);
    let (result, _, times) = run(&policy, &script).await;
    assert_eq!(result, Ok("up"));
    // Half of each ceiling (floored to the nanosecond): 0.5 s, then 1 s.
    assert_eq!(
        times,
        [
            Duration::ZERO,
            Duration::from_millis(500),
            Duration::from_millis(1500)
        ]
    );
}
