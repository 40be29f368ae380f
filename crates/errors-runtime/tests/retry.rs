//! The retry policy of SPEC section 6: exact schedules under a fixed random source,
//! the cap, the attempt limit, `Retry-After` (seconds and HTTP-dates), retryability of
//! known and unknown codes, and arithmetic that cannot overflow.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use errors_runtime::meta::{HonorRetryAfter, RetryConfig, StatusSet};
use errors_runtime::retry::{
    Failure, GiveUp, RandomSource, RetryAfter, RetryDecision, RetryPolicy, SplitMix64,
};
use errors_runtime::{CatalogError, decode, decode_response};

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
mod policy {
    errors_runtime::catalog!("tests/catalogs/client_policy.toml");
}

use bundled::ApiError;

const fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn retry(d: Duration) -> RetryDecision {
    RetryDecision::Retry(d)
}

/// Always the top of the range: delays are the backoff ceilings.
fn longest() -> RetryPolicy {
    RetryPolicy::new().with_random(|| u64::MAX)
}

#[test]
fn defaults_are_those_of_the_spec() {
    let policy = RetryPolicy::new();
    assert_eq!(policy.base_delay(), secs(1));
    assert_eq!(policy.max_delay(), secs(30));
    assert_eq!(policy.max_attempts(), 5);
    assert!(policy.honors_retry_after());
    let default = RetryPolicy::default();
    assert_eq!(
        (
            default.base_delay(),
            default.max_delay(),
            default.max_attempts()
        ),
        (secs(1), secs(30), 5)
    );
}

#[test]
fn for_catalog_reads_the_retry_table() {
    let bundled = RetryPolicy::for_catalog::<ApiError>();
    assert_eq!(
        (
            bundled.base_delay(),
            bundled.max_delay(),
            bundled.max_attempts(),
            bundled.honors_retry_after()
        ),
        (secs(1), secs(30), 5, true)
    );
    let custom = RetryPolicy::for_catalog::<policy::PolicyError>();
    assert_eq!(
        (
            custom.base_delay(),
            custom.max_delay(),
            custom.max_attempts(),
            custom.honors_retry_after()
        ),
        (
            Duration::from_millis(250),
            Duration::from_millis(800),
            3,
            false
        )
    );
    assert_eq!(
        policy::PolicyError::CATALOG.retry,
        RetryConfig {
            max_attempts: 3,
            base_delay_ms: 250,
            max_delay_ms: 800,
            honor_retry_after: errors_runtime::meta::HonorRetryAfter::Never,
            retry_after_statuses: StatusSet::of(&[429, 503]),
            max_retry_after_ms: 300_000,
        }
    );
}

#[test]
fn schedule_with_the_longest_delays_doubles_from_the_base() {
    let policy = longest();
    let failure = Failure::from_status(503);
    let delays: Vec<_> = (1..=5).map(|n| policy.decide(n, &failure)).collect();
    assert_eq!(
        delays,
        [
            retry(secs(1)),
            retry(secs(2)),
            retry(secs(4)),
            retry(secs(8)),
            RetryDecision::GiveUp(GiveUp::AttemptsExhausted),
        ]
    );
}

#[test]
fn the_cap_holds() {
    let policy = longest().with_max_attempts(12);
    let failure = Failure::transport();
    let delays: Vec<_> = (1..12)
        .map(|n| policy.decide(n, &failure).delay().unwrap())
        .collect();
    assert_eq!(
        delays,
        [1, 2, 4, 8, 16, 30, 30, 30, 30, 30, 30].map(secs),
        "min(cap, base * 2^(n - 1))"
    );
    // With a real random source, every delay stays within [0, ceiling].
    let policy = RetryPolicy::new()
        .with_random(SplitMix64::new(99))
        .with_max_attempts(u32::MAX);
    for attempt in 1..=300 {
        let delay = policy.decide(attempt, &failure).delay().unwrap();
        assert!(
            delay <= policy.backoff_ceiling(attempt),
            "{attempt}: {delay:?}"
        );
        assert!(delay <= secs(30));
    }
    // A cap below the base caps every delay.
    let policy = longest().with_base_delay(secs(10)).with_max_delay(secs(3));
    assert_eq!(policy.decide(1, &failure), retry(secs(3)));
}

#[test]
fn schedule_with_a_fixed_random_sequence_is_exact() {
    // Fractions of the range, in 64-bit fixed point: 0, 1/2, 1/4, 3/4.
    let values = [0, 1 << 63, 1 << 62, 3 << 62];
    let next = AtomicUsize::new(0);
    let policy = RetryPolicy::new()
        .with_max_attempts(5)
        .with_random(move || values[next.fetch_add(1, Ordering::Relaxed) % values.len()]);
    let failure = Failure::from_status(500);
    let delays: Vec<_> = (1..=4)
        .map(|n| policy.decide(n, &failure).delay().unwrap())
        .collect();
    // floor(fraction * (ceiling + 1 ns)): 0; 1 s -> 2 s range at 1/2; 4 s at 1/4; 8 s at 3/4.
    assert_eq!(
        delays,
        [
            Duration::ZERO,
            Duration::from_nanos(1_000_000_000),
            Duration::from_nanos(1_000_000_000),
            Duration::from_nanos(6_000_000_000),
        ]
    );
}

#[test]
fn full_jitter_spreads_over_the_whole_range() {
    let policy = RetryPolicy::new().with_random(SplitMix64::new(1234567));
    let samples: Vec<f64> = (0..10_000)
        .map(|_| policy.backoff(3).as_secs_f64())
        .collect();
    let mean = samples.iter().sum::<f64>() / samples.len() as f64;
    let min = samples.iter().copied().fold(f64::INFINITY, f64::min);
    let max = samples.iter().copied().fold(0.0, f64::max);
    assert!((1.9..2.1).contains(&mean), "mean {mean}");
    assert!(min < 0.01 && max > 3.99 && max <= 4.0, "{min} {max}");
}

#[test]
fn after_the_fifth_attempt_fails_there_is_no_sixth() {
    let policy = longest();
    let failure = Failure::from_status(502);
    assert!(matches!(
        policy.decide(4, &failure),
        RetryDecision::Retry(_)
    ));
    for attempt in [5, 6, 7, 1000, u32::MAX] {
        assert_eq!(
            policy.decide(attempt, &failure),
            RetryDecision::GiveUp(GiveUp::AttemptsExhausted),
            "{attempt}"
        );
    }
    // One attempt only: nothing is retried.
    let once = longest().with_max_attempts(1);
    assert_eq!(
        once.decide(1, &failure),
        RetryDecision::GiveUp(GiveUp::AttemptsExhausted)
    );
    assert_eq!(longest().with_max_attempts(0).max_attempts(), 1);
    // Attempt 0 is read as the first.
    assert_eq!(policy.decide(0, &failure), retry(secs(1)));
}

#[test]
fn rate_limited_waits_exactly_retry_after_then_backs_off() {
    // Whatever the random source says, the first retry waits exactly 42 s; the
    // second is jittered backoff in [0, 2 s].
    for (random, second) in [(0, Duration::ZERO), (1 << 63, secs(1)), (u64::MAX, secs(2))] {
        let policy = RetryPolicy::new().with_random(move || random);
        let limited = Failure::from_response(429, Some("42"));
        assert_eq!(policy.decide(1, &limited), retry(secs(42)), "{random}");
        assert_eq!(policy.decide(2, &limited), retry(second), "{random}");
    }
    let policy = longest();
    let limited = Failure::from_response(429, Some("42"));
    let schedule: Vec<_> = (1..=5).map(|n| policy.decide(n, &limited)).collect();
    assert_eq!(
        schedule,
        [
            retry(secs(42)),
            retry(secs(2)),
            retry(secs(4)),
            retry(secs(8)),
            RetryDecision::GiveUp(GiveUp::AttemptsExhausted),
        ]
    );
}

#[test]
fn decoded_rate_limited_error_drives_the_same_schedule() {
    let body = br#"{"success": false, "errorCode": "RATE_LIMITED",
        "message": "Rate limit exceeded for read endpoints. Retry in 42 seconds.",
        "details": {"category": "read", "retryAfter": 42}, "requestId": "req_2N7s8x9KqR"}"#;
    let decoded = decode::<ApiError>(body).unwrap();
    let policy = longest();
    assert_eq!(policy.decide(1, &decoded), retry(secs(42)));
    assert_eq!(policy.decide(2, &decoded), retry(secs(2)));
    // The typed error itself, and the `Received` inside the decoded value.
    let error = decoded.known().unwrap();
    assert_eq!(policy.decide(1, error), retry(secs(42)));
    assert_eq!(policy.decide(1, decoded.error()), retry(secs(42)));
}

#[test]
fn retry_after_is_honoured_only_on_a_429_when_the_policy_says_so() {
    let limited = Failure::from_response(429, Some("42"));
    let ignoring = longest().with_honor_retry_after(false);
    assert_eq!(ignoring.decide(1, &limited), retry(secs(1)));
    let from_catalog = RetryPolicy::for_catalog::<policy::PolicyError>().with_random(|| u64::MAX);
    assert_eq!(
        from_catalog.decide(1, &limited),
        retry(Duration::from_millis(250))
    );
    // A 500 with Retry-After backs off: 500 is not among `retry_after_statuses`.
    let failing = Failure::from_response(500, Some("42"));
    assert_eq!(longest().decide(1, &failing), retry(secs(1)));
    // A 429 without Retry-After backs off.
    assert_eq!(
        longest().decide(1, &Failure::from_status(429)),
        retry(secs(1))
    );
    // A Retry-After that does not parse is ignored.
    assert_eq!(
        longest().decide(1, &Failure::from_response(429, Some("soon"))),
        retry(secs(1))
    );
}

/// No jitter at all: backoff waits 0, so any other wait is `Retry-After`'s.
fn no_backoff() -> RetryPolicy {
    RetryPolicy::new().with_random(|| 0)
}

#[test]
fn retry_after_is_honoured_on_503_by_default() {
    let unavailable = Failure::from_response(503, Some("1"));
    let policy = no_backoff();
    assert_eq!(policy.retry_after_statuses(), StatusSet::of(&[429, 503]));
    assert_eq!(policy.decide(1, &unavailable), retry(secs(1)));
    // The same rule as 429: exactly on the first retry, then backoff...
    assert_eq!(policy.decide(2, &unavailable), retry(secs(0)));
    // ...or at least `Retry-After` on every retry, and never past the limit.
    let always = no_backoff().with_retry_after_rule(HonorRetryAfter::Always);
    assert_eq!(always.decide(3, &unavailable), retry(secs(1)));
    assert_eq!(
        no_backoff().decide(1, &Failure::from_response(503, Some("301"))),
        RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(secs(301)))
    );
    assert_eq!(policy.decide_response(1, 503, Some("1")), retry(secs(1)));
    // A catalog without the key has the default too.
    assert_eq!(
        policy::PolicyError::CATALOG.retry.retry_after_statuses,
        StatusSet::of(&[429, 503])
    );
}

#[test]
fn a_catalog_that_lists_429_only_ignores_retry_after_on_503() {
    // The bundled catalog (seed 000: "for 5xx, exponential backoff").
    assert_eq!(
        ApiError::CATALOG.retry.retry_after_statuses,
        StatusSet::of(&[429])
    );
    let policy = RetryPolicy::for_catalog::<ApiError>().with_random(|| 0);
    let unavailable = Failure::from_response(503, Some("1"));
    assert_eq!(policy.decide(1, &unavailable), retry(secs(0)));
    assert_eq!(
        policy.decide(1, &Failure::from_response(429, Some("1"))),
        retry(secs(1))
    );
    // And set by hand.
    let by_hand = no_backoff().with_retry_after_statuses(StatusSet::of(&[429]));
    assert_eq!(by_hand.decide(1, &unavailable), retry(secs(0)));
}

#[test]
fn decide_response_for_clients_without_a_body() {
    let policy = longest();
    assert_eq!(policy.decide_response(1, 429, Some("42")), retry(secs(42)));
    assert_eq!(policy.decide_response(2, 429, Some("42")), retry(secs(2)));
    assert_eq!(policy.decide_response(1, 503, None), retry(secs(1)));
    assert_eq!(
        policy.decide_response(1, 404, None),
        RetryDecision::GiveUp(GiveUp::NotRetryable)
    );
    // A date in the future, relative to the system clock.
    let in_a_minute = SystemTime::now() + secs(60);
    let header = http_date(in_a_minute);
    let waited = policy
        .decide_response(1, 429, Some(&header))
        .delay()
        .unwrap();
    assert!(waited > secs(55) && waited <= secs(60), "{waited:?}");
}

#[test]
fn huge_retry_after_values_do_not_overflow() {
    let policy = longest();
    let huge = Failure::from_response(429, Some("99999999999999999999999999999"));
    assert_eq!(huge.retry_after(), Some(secs(u64::MAX)));
    // Honoured when the client accepts any wait...
    let unbounded = longest().with_max_retry_after(Duration::MAX);
    assert_eq!(unbounded.decide(1, &huge), retry(secs(u64::MAX)));
    // ...but by default (5 minutes) the client gives up instead.
    assert_eq!(
        policy.decide(1, &huge),
        RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(secs(u64::MAX)))
    );
    let bounded = longest().with_max_retry_after(secs(300));
    assert_eq!(
        bounded.decide(1, &huge),
        RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(secs(u64::MAX)))
    );
    assert_eq!(
        bounded.decide(1, &Failure::from_response(429, Some("300"))),
        retry(secs(300))
    );
}

#[test]
fn backoff_arithmetic_does_not_overflow() {
    let failure = Failure::transport();
    let extreme = RetryPolicy::new()
        .with_base_delay(Duration::MAX)
        .with_max_delay(Duration::MAX)
        .with_max_attempts(u32::MAX)
        .with_random(|| u64::MAX);
    for attempt in [1, 2, 63, 64, 65, 128, u32::MAX - 1] {
        assert_eq!(extreme.backoff_ceiling(attempt), Duration::MAX);
        // Jitter works at nanosecond resolution within u64: about 584 years at most.
        let delay = extreme.decide(attempt, &failure).delay().unwrap();
        assert_eq!(delay, Duration::from_nanos(u64::MAX));
    }
    let normal = longest().with_max_attempts(u32::MAX);
    for attempt in [31, 32, 33, 64, 65, 1 << 20, u32::MAX - 1] {
        assert_eq!(normal.backoff_ceiling(attempt), secs(30), "{attempt}");
        assert_eq!(normal.decide(attempt, &failure), retry(secs(30)));
    }
    let zero = longest().with_base_delay(Duration::ZERO);
    assert_eq!(zero.decide(4, &failure), retry(Duration::ZERO));
}

#[test]
fn only_retryable_codes_are_retried() {
    let policy = longest();
    let not = RetryDecision::GiveUp(GiveUp::NotRetryable);
    assert_eq!(
        policy.decide(
            1,
            &ApiError::NotFound {
                r#type: "Session".into(),
                id: "123".into()
            }
        ),
        not
    );
    assert_eq!(policy.decide(1, &ApiError::Unauthenticated), not);
    assert_eq!(policy.decide(1, &ApiError::BadGateway), retry(secs(1)));
    assert_eq!(
        policy.decide(
            1,
            &ApiError::UpstreamTimeout {
                service: "inventory".into(),
                timeout_ms: 1,
                upstream_host: String::new()
            }
        ),
        retry(secs(1))
    );
    // Every code of the catalog: retried exactly when the catalog says so.
    for meta in ApiError::CATALOG.errors {
        let failure = Failure::new(meta.retryable).with_status(Some(meta.status));
        assert_eq!(
            policy.decide(1, &failure).is_give_up(),
            !meta.retryable,
            "{}",
            meta.code
        );
    }
}

#[test]
fn unknown_codes_are_retried_only_on_5xx_and_429() {
    let body = br#"{"success": false, "errorCode": "SOMETHING_NEW", "message": "m"}"#;
    let policy = longest();
    for (status, retried) in [
        (500, true),
        (503, true),
        (599, true),
        (429, true),
        (400, false),
        (404, false),
        (409, false),
        (422, false),
    ] {
        let decoded = decode_response::<ApiError>(status, &(), body).unwrap();
        assert_eq!(
            !policy.decide(1, &decoded).is_give_up(),
            retried,
            "{status}"
        );
        let unknown = decoded.error().unknown().unwrap();
        assert_eq!(!policy.decide(1, unknown).is_give_up(), retried);
    }
    // No status known: not retried.
    let decoded = decode::<ApiError>(body).unwrap();
    assert_eq!(
        policy.decide(1, &decoded),
        RetryDecision::GiveUp(GiveUp::NotRetryable)
    );
}

#[test]
fn failures_built_from_statuses() {
    for status in [429, 500, 502, 503, 504, 599] {
        assert!(Failure::from_status(status).is_retryable(), "{status}");
    }
    for status in [200, 301, 400, 401, 403, 404, 409, 422, 428, 430, 600, 0] {
        assert!(!Failure::from_status(status).is_retryable(), "{status}");
    }
    let f = Failure::transport();
    assert!(f.is_retryable());
    assert_eq!((f.status(), f.retry_after()), (None, None));
    let f = Failure::new(false)
        .with_status(Some(418))
        .with_retryable(true)
        .with_retry_after(Some(secs(3)));
    assert_eq!(
        (f.is_retryable(), f.status(), f.retry_after()),
        (true, Some(418), Some(secs(3)))
    );
}

// ---------------------------------------------------------------------------
// Retry-After values
// ---------------------------------------------------------------------------

/// 1994-11-06T08:49:37Z, RFC 9110's example date.
const EXAMPLE: u64 = 784_111_777;

#[test]
fn retry_after_seconds() {
    assert_eq!(
        RetryAfter::parse("0"),
        Some(RetryAfter::Delay(Duration::ZERO))
    );
    assert_eq!(RetryAfter::parse("42"), Some(RetryAfter::Delay(secs(42))));
    assert_eq!(
        RetryAfter::parse(" 120\t"),
        Some(RetryAfter::Delay(secs(120)))
    );
    assert_eq!(RetryAfter::parse("007"), Some(RetryAfter::Delay(secs(7))));
    assert_eq!(
        RetryAfter::parse("18446744073709551616"),
        Some(RetryAfter::Delay(secs(u64::MAX)))
    );
    assert_eq!(RetryAfter::parse("42").unwrap().delay(), secs(42));
}

#[test]
fn retry_after_http_dates_in_all_three_formats() {
    let at = UNIX_EPOCH + secs(EXAMPLE);
    for text in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ] {
        assert_eq!(
            RetryAfter::parse(text),
            Some(RetryAfter::Date(at)),
            "{text}"
        );
    }
    let now = UNIX_EPOCH + secs(EXAMPLE - 90);
    let parsed = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
    assert_eq!(parsed.delay_from(now), secs(90));
    // A date in the past: no wait.
    assert_eq!(
        parsed.delay_from(UNIX_EPOCH + secs(EXAMPLE + 5)),
        Duration::ZERO
    );
    // Through the policy: a 429 with a date waits until it.
    let failure = Failure::from_response_at(429, Some("Sun, 06 Nov 1994 08:49:37 GMT"), now);
    assert_eq!(failure.retry_after(), Some(secs(90)));
    assert_eq!(longest().decide(1, &failure), retry(secs(90)));

    let cases = [
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Tue, 29 Feb 2028 23:59:59 GMT", 1_835_481_599),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
        ("Wednesday, 25-Nov-26 17:00:00 GMT", 1_795_626_000),
        ("Thursday, 01-Jan-70 00:00:00 GMT", 0),
        ("Wed Nov 25 17:00:00 2026", 1_795_626_000),
        ("Wed Nov 25 17:00:00 2026 ", 1_795_626_000),
    ];
    for (text, unix) in cases {
        assert_eq!(
            RetryAfter::parse(text),
            Some(RetryAfter::Date(UNIX_EPOCH + secs(unix))),
            "{text}"
        );
    }
    // Before 1970: `httpdate` refuses it, so the header is ignored as malformed
    // (the hand-written parser read it as a date in the past, a wait of zero).
    assert_eq!(RetryAfter::parse("Mon, 01 Jan 1900 00:00:00 GMT"), None);
}

#[test]
fn malformed_retry_after_values_are_rejected() {
    for text in [
        "",
        " ",
        "-1",
        "+5",
        "1.5",
        "4 2",
        "42s",
        "٤٢",
        "soon",
        "Sun, 06 Nov 1994 08:49:37",
        "Sun, 06 Nov 1994 08:49:37 gmt",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun,  06 Nov 1994 08:49:37 GMT",
        "Son, 06 Nov 1994 08:49:37 GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 29 Feb 1900 08:49:37 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT extra",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37",
        "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sún Nov  6 08:49:37 199",
        "2026-11-25T17:00:00Z",
        // The day name contradicts the date (06 Nov 1994 was a Sunday).
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Monday, 06-Nov-94 08:49:37 GMT",
        "Mon Nov  6 08:49:37 1994",
    ] {
        assert_eq!(RetryAfter::parse(text), None, "{text:?}");
    }
}

#[test]
fn split_mix_64_matches_the_reference_sequence() {
    // The reference implementation's outputs for seeds 0 and 1234567.
    let zero = SplitMix64::new(0);
    assert_eq!(zero.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(zero.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    let seeded = SplitMix64::new(1_234_567);
    assert_eq!(seeded.next_u64(), 6_457_827_717_110_365_317);
    assert_eq!(seeded.next_u64(), 3_203_168_211_198_807_973);
    // Seeded from entropy: two generators differ.
    let (a, b) = (SplitMix64::from_entropy(), SplitMix64::from_entropy());
    assert_ne!((a.next_u64(), a.next_u64()), (b.next_u64(), b.next_u64()));
}

#[test]
fn policies_are_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<RetryPolicy>();
    let policy = RetryPolicy::new().with_random(SplitMix64::new(5));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let policy = policy.clone();
            std::thread::spawn(move || {
                (1..5)
                    .map(|n| policy.decide(n, &Failure::transport()).delay().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        n,
        "a shared source gives every caller fresh numbers"
    );
    assert!(format!("{policy:?}").starts_with("RetryPolicy { base: 1s, cap: 30s"));
}

/// IMF-fixdate of `at`, as a server would send it.
fn http_date(at: SystemTime) -> String {
    httpdate::fmt_http_date(at)
}

proptest::proptest! {
    /// No header value panics the parser, and digits always parse as seconds.
    #[test]
    fn retry_after_parsing_never_panics(text in "\\PC{0,40}", n in proptest::prelude::any::<u64>()) {
        let _ = RetryAfter::parse(&text);
        proptest::prop_assert_eq!(RetryAfter::parse(&n.to_string()), Some(RetryAfter::Delay(secs(n))));
    }

    /// Dates written in IMF-fixdate parse back to the same second.
    #[test]
    fn imf_fixdates_round_trip(unix in 0..253_402_300_799_u64) {
        let at = UNIX_EPOCH + secs(unix);
        proptest::prop_assert_eq!(RetryAfter::parse(&http_date(at)), Some(RetryAfter::Date(at)));
    }
}
