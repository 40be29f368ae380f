//! The stability check on what a service promises besides its codes (SPEC 9.1, 9.2,
//! 9.3, format 3 of the snapshot): the code answering each bare error status,
//! named in `[http.status]` or inferred, the client retry policy and circuit
//! breaker, and `[http] timestamp`. Each breaking change is reported at its line.

use std::path::{Path, PathBuf};

use errors_catalog::Catalog;
use errors_catalog::contract::{self, Change, Contract, Report};

const BASE: &str = r#"[catalog]
envelope = "nested"

[retry]
max_attempts = 4
retry_after_statuses = [429, 503]

[circuit_breaker]
open_ms = 20000

[http]
timestamp = true

[http.status]
503 = "UNAVAILABLE"

[errors.UNAVAILABLE]
status = 503
message = "Down."

[errors.MAINTENANCE]
status = 503
message = "Down for maintenance."

[errors.TOO_MANY]
status = 429
message = "Slow down."
[errors.TOO_MANY.details]
retry_after = { type = "u64", header = "Retry-After" }

[errors.CONFLICT]
status = 409
message = "Conflict on {id}."
details.id = "string"
"#;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("contract_service")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Blesses [`BASE`] in a scratch directory, then checks `edited` written there.
fn check(name: &str, edited: &str) -> (Report, String) {
    let dir = scratch(name);
    let (toml, snapshot) = (dir.join("c.toml"), dir.join("c.contract"));
    std::fs::write(&toml, BASE).unwrap();
    assert!(contract::bless(&Catalog::load(&toml).unwrap(), &snapshot).unwrap());
    std::fs::write(&toml, edited).unwrap();
    let catalog = Catalog::load(&toml).unwrap_or_else(|d| panic!("{}", d.render()));
    let report = contract::check_against(&catalog, &snapshot).unwrap();
    (report, toml.display().to_string())
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn the_snapshot_records_answers_policy_and_timestamp() {
    let catalog = Catalog::from_str("c.toml", BASE).unwrap();
    let text = Contract::of(&catalog).to_string();
    for line in [
        "# errors-catalog contract, format 4\n",
        "timestamp true\n",
        // Named, then inferred; 409's only code has a required field without a header.
        "status 429 TOO_MANY\nstatus 503 UNAVAILABLE\n",
        "retry max_attempts=4 base_delay_ms=1000 max_delay_ms=30000 honor_retry_after=true retry_after_statuses=429,503 max_retry_after_ms=300000\n",
        "circuit_breaker failure_threshold=5 open_ms=20000 half_open_requests=1\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(!text.contains("status 409"), "{text}");
    let back = Contract::parse("c.contract", &text).unwrap();
    let current = Contract::of(&catalog);
    assert_eq!(
        (
            &back.statuses,
            back.timestamp,
            back.retry,
            back.circuit_breaker
        ),
        (
            &current.statuses,
            Some(true),
            Some(catalog.retry),
            Some(catalog.circuit_breaker)
        )
    );
    // An empty status set reads back too.
    let none = Catalog::from_str(
        "c.toml",
        &edit(
            "retry_after_statuses = [429, 503]",
            "retry_after_statuses = []",
        ),
    )
    .unwrap();
    let text = Contract::of(&none).to_string();
    assert!(text.contains(" retry_after_statuses=- "), "{text}");
    let back = Contract::parse("c.contract", &text).unwrap();
    assert_eq!(back.retry, Some(none.retry));
    assert!(back.retry.unwrap().retry_after_statuses.is_empty());
}

#[test]
fn changed_answers_and_policies_break_at_their_line() {
    let extra_429 = "\n[errors.QUOTA]\nstatus = 429\nmessage = \"Out of quota.\"\n";
    let cases: Vec<(String, Option<&str>, &str, &str)> = vec![
        // Named: `[http.status]` points at another code.
        (
            edit("503 = \"UNAVAILABLE\"", "503 = \"MAINTENANCE\""),
            Some("MAINTENANCE"),
            "503 = ",
            "a bare 503 response is now answered with `MAINTENANCE`, not `UNAVAILABLE`",
        ),
        // Named: the entry removed, two candidates left.
        (
            edit("[http.status]\n503 = \"UNAVAILABLE\"\n", ""),
            Some("UNAVAILABLE"),
            "",
            "a bare 503 response is no longer answered with `UNAVAILABLE` (2 codes of that status could answer it)",
        ),
        // Inferred: a new code of the status takes the only candidate's place.
        (
            format!("{BASE}{extra_429}"),
            Some("TOO_MANY"),
            "",
            "a bare 429 response is no longer answered with `TOO_MANY` (2 codes of that status could answer it): clients built from the snapshot receive `TOO_MANY`; add `429 = \"TOO_MANY\"` to `[http.status]`",
        ),
        // Inferred: the only candidate can no longer be filled from a bare response.
        (
            edit(
                "retry_after = { type = \"u64\", header = \"Retry-After\" }",
                "retry_after = { type = \"u64\", header = \"Retry-After\" }\nzone = \"string\"",
            ),
            Some("TOO_MANY"),
            "",
            "a bare 429 response is no longer answered with `TOO_MANY` (no code of the catalog can answer it)",
        ),
        (
            edit(
                "retry_after_statuses = [429, 503]",
                "retry_after_statuses = [429]",
            ),
            None,
            "retry_after_statuses = ",
            "`[retry] retry_after_statuses` changed from [429, 503] to [429]",
        ),
        (
            edit("max_attempts = 4", "max_attempts = 3"),
            None,
            "max_attempts = ",
            "`[retry] max_attempts` changed from 4 to 3",
        ),
        (
            edit("[retry]\n", "[retry]\nhonor_retry_after = \"always\"\n"),
            None,
            "honor_retry_after = ",
            "`[retry] honor_retry_after` changed from true to always",
        ),
        (
            edit("open_ms = 20000", "open_ms = 25000"),
            None,
            "open_ms = ",
            "`[circuit_breaker] open_ms` changed from 20000 to 25000",
        ),
        (
            edit(
                "[circuit_breaker]\n",
                "[circuit_breaker]\nfailure_threshold = 3\n",
            ),
            None,
            "failure_threshold = ",
            "`[circuit_breaker] failure_threshold` changed from 5 to 3",
        ),
    ];
    for (i, (text, code, at, words)) in cases.into_iter().enumerate() {
        let (report, path) = check(&format!("break-{i}"), &text);
        let finding = report
            .breaking()
            .find(|f| f.message.contains(words))
            .unwrap_or_else(|| panic!("no breaking finding with {words:?}:\n{report}"));
        assert_eq!(finding.code.as_deref(), code, "{finding}");
        if !at.is_empty() {
            let location = format!("{path}:{}:", line_of(&text, at));
            assert!(
                finding.location.starts_with(&location),
                "{finding}: expected at {location}"
            );
        }
    }
}

#[test]
fn compatible_service_changes_pass_and_are_listed() {
    let cases = [
        // The timestamp is optional on the wire in every style: clients cannot rely on it.
        (
            edit("timestamp = true", "timestamp = false"),
            "the layer no longer writes a timestamp into envelopes (`[http] timestamp = false`); clients already accept envelopes without one",
        ),
        // A status that had no answer gains one, as a new code does.
        (
            format!("{BASE}\n[errors.BAD_GATEWAY]\nstatus = 502\nmessage = \"Upstream failed.\"\n"),
            "a bare 502 response is now answered with `BAD_GATEWAY`",
        ),
        // Naming the code that was inferred changes nothing a client sees.
        (
            edit(
                "503 = \"UNAVAILABLE\"",
                "503 = \"UNAVAILABLE\"\n429 = \"TOO_MANY\"",
            ),
            "",
        ),
    ];
    for (i, (text, words)) in cases.into_iter().enumerate() {
        let (report, _) = check(&format!("pass-{i}"), &text);
        assert!(!report.is_breaking(), "{words}:\n{report}");
        if words.is_empty() {
            assert!(report.is_unchanged(), "{report}");
        } else {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.change == Change::Compatible && f.message == words),
                "no {words:?} in\n{report}"
            );
        }
    }
}

#[test]
fn a_format_2_snapshot_compares_none_of_this() {
    let catalog = Catalog::from_str("c.toml", BASE).unwrap();
    let text = Contract::of(&catalog).to_string();
    let format2: String = text
        .replace("format 4", "format 2")
        .lines()
        .filter(|l| {
            !["timestamp ", "status ", "retry ", "circuit_breaker "]
                .iter()
                .any(|item| l.starts_with(item))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let old = Contract::parse("c.contract", &format2).unwrap();
    assert_eq!((old.format, old.statuses.len(), old.retry), (2, 0, None));
    let edited = edit("max_attempts = 4", "max_attempts = 2")
        .replace("503 = \"UNAVAILABLE\"", "503 = \"MAINTENANCE\"");
    let edited = Catalog::from_str("c.toml", &edited).unwrap();
    let report = contract::check(&old, &edited, "c.contract");
    assert!(report.is_unchanged(), "{report}");
    // But it is not what `bless` writes: `stability --locked` refuses it.
    assert!(!contract::is_blessed(&catalog, format2.as_bytes()));
    assert!(contract::is_blessed(&catalog, text.as_bytes()));
}

#[test]
fn malformed_policy_lines_are_reported() {
    let base = "envelope flat\n";
    for (line, words) in [
        ("retry max_attempts=5", "`retry_after_statuses=` is missing"),
        (
            "retry max_attempts=x base_delay_ms=1 max_delay_ms=1 honor_retry_after=true retry_after_statuses=429 max_retry_after_ms=1",
            "`max_attempts=x`: expected a number",
        ),
        (
            "retry max_attempts=1 base_delay_ms=1 max_delay_ms=1 honor_retry_after=maybe retry_after_statuses=429 max_retry_after_ms=1",
            "expected `true`, `false` or `always`",
        ),
        (
            "retry max_attempts=1 base_delay_ms=1 max_delay_ms=1 honor_retry_after=true retry_after_statuses=200 max_retry_after_ms=1",
            "`200` is not an error status",
        ),
        (
            "circuit_breaker failure_threshold=1 open_ms=1",
            "`half_open_requests=` is missing",
        ),
        (
            "circuit_breaker failure_threshold=1 open_ms=1 half_open_requests=1 colour=red",
            "`colour` is not a setting",
        ),
        ("status 4x X", "`4x` is not an error status"),
        ("status 429", "`status` needs a code"),
        ("timestamp maybe", "expected `true` or `false`"),
    ] {
        let err = Contract::parse("c.contract", &format!("{base}{line}\n")).unwrap_err();
        assert_eq!(err.line(), 2, "{err}");
        assert!(err.to_string().contains(words), "{line}: {err}");
    }
}
