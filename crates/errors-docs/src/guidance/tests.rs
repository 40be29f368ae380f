use super::retry::{duration, short_duration};
use super::*;
use crate::model::Reference;

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
    assert!(
        strategy.contains(
            "up to 500 ms, 800 ms before each retry, capped at 800 ms, with a maximum of 3 attempts"
        ),
        "{strategy}"
    );
    assert!(strategy.contains("does not set the wait"), "{strategy}");

    // By default a 503's `Retry-After` sets the wait too.
    let default = reference(toml);
    let row = &status_rows(&default)[2];
    assert_eq!(
        (row.status, row.retry.as_str()),
        (503, "Yes, after `Retry-After`")
    );
    assert!(code_retry(&default, default.code("DOWN").unwrap()).contains("exactly `Retry-After`"));
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
