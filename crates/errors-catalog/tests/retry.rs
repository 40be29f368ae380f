//! `[retry]` and `[circuit_breaker]`: defaults, values, values that make no sense.

mod common;

use common::{load_ok, problem, problems};
use errors_catalog::{CircuitBreakerConfig, HonorRetryAfter, RetryConfig};

const ERROR: &str = "\n[errors.X]\nstatus = 400\nmessage = \"m\"\n";

#[test]
fn defaults_are_the_seeds_numbers() {
    let catalog = load_ok(ERROR);
    assert_eq!(
        (
            catalog.retry.max_attempts,
            catalog.retry.base_delay_ms,
            catalog.retry.max_delay_ms,
            catalog.retry.honor_retry_after
        ),
        (5, 1000, 30_000, HonorRetryAfter::FirstRetry)
    );
    assert_eq!(catalog.retry.max_retry_after_ms, 300_000);
    assert_eq!(catalog.retry, RetryConfig::default());
    let cb = catalog.circuit_breaker;
    assert_eq!(
        (cb.failure_threshold, cb.open_ms, cb.half_open_requests),
        (5, 30_000, 1)
    );
    assert_eq!(cb, CircuitBreakerConfig::default());
}

#[test]
fn honor_retry_after_takes_always() {
    let catalog = load_ok(&format!("[retry]\nhonor_retry_after = \"always\"\n{ERROR}"));
    assert_eq!(catalog.retry.honor_retry_after, HonorRetryAfter::Always);
    assert!(
        problems(&format!(
            "[retry]\nhonor_retry_after = \"sometimes\"\n{ERROR}"
        ))[0]
            .contains("`honor_retry_after` must be `true`")
    );
}

#[test]
fn values_are_read() {
    let catalog = load_ok(&format!(
        "[retry]\nmax_attempts = 3\nbase_delay_ms = 250\nmax_delay_ms = 8000\nhonor_retry_after = false\n\
         [circuit_breaker]\nfailure_threshold = 10\nopen_ms = 60000\nhalf_open_requests = 3\n{ERROR}"
    ));
    let r = catalog.retry;
    assert_eq!(
        (
            r.max_attempts,
            r.base_delay_ms,
            r.max_delay_ms,
            r.honor_retry_after
        ),
        (3, 250, 8000, HonorRetryAfter::Never)
    );
    assert_eq!(
        r.max_retry_after_ms,
        RetryConfig::DEFAULT.max_retry_after_ms
    );
    let cb = catalog.circuit_breaker;
    assert_eq!(
        (cb.failure_threshold, cb.open_ms, cb.half_open_requests),
        (10, 60_000, 3)
    );
}

#[test]
fn values_that_make_no_sense() {
    let cases = [
        (
            "[retry]\nmax_attempts = 0\n",
            "catalog.toml:2:16: `max_attempts = 0` allows no attempt at all; set at least 1: the count includes the first attempt",
        ),
        (
            "[retry]\nbase_delay_ms = 0\n",
            "catalog.toml:2:17: `base_delay_ms = 0` makes every backoff delay zero; set the delay before the first retry, e.g. `base_delay_ms = 1000`",
        ),
        (
            "[retry]\nbase_delay_ms = 2000\nmax_delay_ms = 500\n",
            "catalog.toml:3:16: `max_delay_ms` (500) is below `base_delay_ms` (2000): the cap would cut every delay; make `max_delay_ms` at least `base_delay_ms`",
        ),
        (
            "[retry]\nbase_delay_ms = 60000\n",
            "catalog.toml:2:17: `max_delay_ms` (30000) is below `base_delay_ms` (60000): the cap would cut every delay; make `max_delay_ms` at least `base_delay_ms`",
        ),
        (
            "[retry]\nmax_attempts = -1\n",
            "catalog.toml:2:16: `max_attempts` must be a whole number from 0 to 4294967295, found -1",
        ),
        (
            "[retry]\nmax_attempts = 5000000000\n",
            "catalog.toml:2:16: `max_attempts` must be a whole number from 0 to 4294967295, found 5000000000",
        ),
        (
            "[retry]\nmax_delay_ms = -5\n",
            "catalog.toml:2:16: `max_delay_ms` must be a whole number from 0 to 9223372036854775807, found -5",
        ),
        (
            "[retry]\nhonor_retry_after = 1\n",
            "catalog.toml:2:21: `honor_retry_after` must be `true` (exactly `Retry-After` on the first retry), `false` (ignore it) or `\"always\"` (at least `Retry-After` on every retry), found an integer",
        ),
        (
            "[retry]\nmax_retry_after_ms = 0\n",
            "catalog.toml:2:22: `max_retry_after_ms = 0` caps every `Retry-After` at zero: clients would retry at once; set the longest wait a client accepts from `Retry-After`, e.g. `max_retry_after_ms = 300000` (five minutes)",
        ),
        (
            "[retry]\nmax_retry_after_ms = -1\n",
            "catalog.toml:2:22: `max_retry_after_ms` must be a whole number from 0 to 9223372036854775807, found -1",
        ),
        (
            "[retry]\nmax_retry_after = 1000\n",
            "catalog.toml:2:1: unknown key `max_retry_after` in `[retry]`; did you mean `max_retry_after_ms`?",
        ),
        (
            "[circuit_breaker]\nfailure_threshold = 0\n",
            "catalog.toml:2:21: `failure_threshold = 0` would open the circuit before any failure; set it to at least 1",
        ),
        (
            "[circuit_breaker]\nopen_ms = 0\n",
            "catalog.toml:2:11: `open_ms = 0` would close the circuit as soon as it opens; set it to at least 1",
        ),
        (
            "[circuit_breaker]\nhalf_open_requests = 0\n",
            "catalog.toml:2:22: `half_open_requests = 0` would let no trial request through, so the circuit could never close; set it to at least 1",
        ),
    ];
    for (toml, expected) in cases {
        assert_eq!(problem(&format!("{toml}{ERROR}")), expected, "{toml}");
    }
}

#[test]
fn every_problem_of_the_tables_is_reported() {
    assert_eq!(
        problems(&format!(
            "[retry]\nmax_attempts = 0\nbase_delay_ms = 0\n[circuit_breaker]\nopen_ms = 0\n{ERROR}"
        ))
        .len(),
        3
    );
}

#[test]
fn the_longest_retry_after_is_read() {
    let catalog = load_ok(&format!("[retry]\nmax_retry_after_ms = 60000\n{ERROR}"));
    assert_eq!(catalog.retry.max_retry_after_ms, 60_000);
    assert_eq!(
        RetryConfig::default().max_retry_after_ms,
        300_000,
        "the documented default"
    );
}

/// Every number of `[retry]` and `[circuit_breaker]`, at every kind of value: read back
/// exactly when it loads, refused at the value otherwise, and zero refused for each
/// (no setting of these tables makes sense at zero).
#[test]
fn every_setting_is_read_exactly_or_refused_at_its_value() {
    type Read = fn(&errors_catalog::Catalog) -> u64;
    let settings: [(&str, &str, Read); 7] = [
        ("retry", "max_attempts", |c| u64::from(c.retry.max_attempts)),
        ("retry", "base_delay_ms", |c| c.retry.base_delay_ms),
        ("retry", "max_delay_ms", |c| c.retry.max_delay_ms),
        ("retry", "max_retry_after_ms", |c| {
            c.retry.max_retry_after_ms
        }),
        ("circuit_breaker", "failure_threshold", |c| {
            u64::from(c.circuit_breaker.failure_threshold)
        }),
        ("circuit_breaker", "open_ms", |c| c.circuit_breaker.open_ms),
        ("circuit_breaker", "half_open_requests", |c| {
            u64::from(c.circuit_breaker.half_open_requests)
        }),
    ];
    let values = [
        "0",
        "1",
        "999",
        "1000",
        "30000",
        "4294967295",
        "4294967296",
        "9223372036854775807",
        "-1",
        "0x10",
        "1_000",
        "1.5",
        "\"5\"",
        "true",
        "[]",
    ];
    for (table, key, read) in settings {
        for value in values {
            let toml = format!("[{table}]\n{key} = {value}\n{ERROR}");
            let at = format!("catalog.toml:2:{}: ", key.len() + 4);
            match errors_catalog::Catalog::from_str("catalog.toml", &toml) {
                Ok(catalog) => {
                    assert_ne!(value, "0", "{key} = 0 was accepted");
                    let written: u64 = value.replace('_', "").parse().unwrap_or_else(|_| {
                        u64::from_str_radix(value.trim_start_matches("0x"), 16).unwrap()
                    });
                    assert_eq!(read(&catalog), written, "{key} = {value}");
                }
                Err(diagnostics) => {
                    for d in &diagnostics {
                        assert!(d.to_string().starts_with(&at), "{key} = {value}: {d}");
                    }
                }
            }
        }
    }
}

#[test]
fn retry_after_statuses_default_to_429_and_503_and_are_read() {
    let statuses = |toml: &str| {
        load_ok(toml)
            .retry
            .retry_after_statuses
            .iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(ERROR), [429, 503]);
    assert_eq!(
        statuses(&format!("[retry]\nretry_after_statuses = [429]\n{ERROR}")),
        [429]
    );
    assert_eq!(
        statuses(&format!(
            "[retry]\nretry_after_statuses = [503, 429, 502]\n{ERROR}"
        )),
        [429, 502, 503]
    );
    // An empty list honours `Retry-After` nowhere.
    assert_eq!(
        statuses(&format!("[retry]\nretry_after_statuses = []\n{ERROR}")),
        Vec::<u16>::new()
    );
}

#[test]
fn retry_after_statuses_are_error_statuses_listed_once() {
    assert_eq!(
        problems(&format!(
            "[retry]\nretry_after_statuses = [429, 200, 0x1F4, 429, 600]\n{ERROR}"
        )),
        [
            "catalog.toml:2:30: `retry_after_statuses` lists 200, which is not an error status; list statuses of 400..=599 whose `Retry-After` clients honour, such as `[429, 503]`",
            "catalog.toml:2:42: `retry_after_statuses` lists 429 twice; list each status once",
            "catalog.toml:2:47: `retry_after_statuses` lists 600, which is not an error status; list statuses of 400..=599 whose `Retry-After` clients honour, such as `[429, 503]`",
        ]
    );
    assert!(
        problem(&format!("[retry]\nretry_after_statuses = 503\n{ERROR}"))
            .starts_with("catalog.toml:2:24: `retry_after_statuses` must be an array of statuses, such as `[429, 503]`"),
    );
    assert!(
        problem(&format!(
            "[retry]\nretry_after_statuses = [\"503\"]\n{ERROR}"
        ))
        .starts_with(
            "catalog.toml:2:25: each `retry_after_statuses` entry must be a status, such as `503`"
        ),
    );
    // A misspelt key is unknown, with a suggestion.
    assert!(
        problem(&format!("[retry]\nretry_after_status = [429]\n{ERROR}"))
            .contains("did you mean `retry_after_statuses`?"),
    );
}
