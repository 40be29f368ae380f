//! Statuses and retryability.

mod common;

use common::{load_ok, problem, problems};

fn error(status: &str) -> String {
    format!("[errors.X]\nstatus = {status}\nmessage = \"m\"\n")
}

#[test]
fn statuses_outside_400_to_599_are_rejected() {
    for status in ["200", "399", "600", "-1", "0", "70000"] {
        assert_eq!(
            problem(&error(status)),
            format!(
                "catalog.toml:2:10: status {status} of `X` is not an error status; use 400..=599: 4xx for client errors, 5xx for server errors"
            ),
            "{status}"
        );
    }
    for status in ["400", "418", "599", "0x1F4"] {
        assert!(problems(&error(status)).is_empty(), "{status}");
    }
}

#[test]
fn retryable_defaults_to_429_and_5xx() {
    for (status, retryable) in [
        (400, false),
        (404, false),
        (428, false),
        (429, true),
        (430, false),
        (500, true),
        (504, true),
        (599, true),
    ] {
        let catalog = load_ok(&error(&status.to_string()));
        assert_eq!(catalog.errors[0].retryable, retryable, "{status}");
        assert_eq!(catalog.errors[0].status, status);
    }
}

#[test]
fn retryable_can_be_set_either_way() {
    let catalog = load_ok(
        "[errors.A]\nstatus = 409\nmessage = \"m\"\nretryable = true\n[errors.B]\nstatus = 503\nmessage = \"m\"\nretryable = false\n",
    );
    assert!(catalog.errors[0].retryable);
    assert!(!catalog.errors[1].retryable);
}
