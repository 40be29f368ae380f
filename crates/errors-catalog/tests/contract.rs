//! The stability check: changes that must fail it and changes that must pass, each
//! finding naming the code and the catalog line; the snapshot text; the test helpers;
//! and the bundled catalog against its committed snapshot.

use std::path::Path;

use errors_catalog::Catalog;
use errors_catalog::contract::{self, Change, Contract, Report};

const BASE: &str = r#"[catalog]
envelope = "flat"

[categories.conflict_error]
[categories.rate_limit_error]

[errors.SESSION_FULL]
status = 409
message = "Session {session_id} is full."
category = "conflict_error"
[errors.SESSION_FULL.details]
session_id = "string"
capacity = "u32"
waitlist = "bool?"

[errors.RATE_LIMITED]
status = 429
message = "Retry in {retry_after} seconds."
category = "rate_limit_error"
[errors.RATE_LIMITED.details]
retry_after = { type = "u64", header = "Retry-After" }

[errors.OLD_CODE]
status = 400
message = "Old."
deprecated = "Use SESSION_FULL"
"#;

fn catalog(text: &str) -> Catalog {
    Catalog::from_str("c.toml", text).unwrap_or_else(|d| panic!("{}", d.render()))
}

/// The findings of `edited` against the snapshot of [`BASE`].
fn check(edited: &str) -> Report {
    let snapshot = Contract::of(&catalog(BASE));
    // Through the text, as a committed snapshot is read.
    let snapshot = Contract::parse("c.contract", &snapshot.to_string()).unwrap();
    contract::check(&snapshot, &catalog(edited), "c.contract")
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

/// The line of `needle` in `text`, 1-based.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[track_caller]
fn assert_breaking(report: &Report, code: Option<&str>, location: &str, words: &str) {
    let found = report.breaking().find(|f| f.message.contains(words));
    let finding = found.unwrap_or_else(|| panic!("no breaking finding with {words:?}:\n{report}"));
    assert_eq!(finding.code.as_deref(), code, "{finding}");
    assert!(
        finding.location.starts_with(location),
        "{finding}: expected at {location}"
    );
}

#[test]
fn an_unchanged_catalog_has_no_finding() {
    let report = check(BASE);
    assert!(report.is_unchanged(), "{report}");
    // Reordering codes and fields, and editing documentation, keep the contract.
    let reordered = BASE
        .replace(
            "capacity = \"u32\"\nwaitlist = \"bool?\"",
            "waitlist = { type = \"bool?\", description = \"Docs.\" }\ncapacity = \"u32\"",
        )
        .replace(
            "message = \"Old.\"",
            "message = \"Old, and documented.\"\ndescription = \"More words.\"",
        );
    assert!(check(&reordered).is_unchanged(), "{}", check(&reordered));
}

#[test]
fn removing_a_code_breaks_unless_it_was_deprecated() {
    let without = BASE.replace(
        "[errors.RATE_LIMITED]\nstatus = 429\nmessage = \"Retry in {retry_after} seconds.\"\ncategory = \"rate_limit_error\"\n[errors.RATE_LIMITED.details]\nretry_after = { type = \"u64\", header = \"Retry-After\" }\n",
        "",
    );
    let report = check(&without);
    let snapshot_line = line_of(
        &Contract::of(&catalog(BASE)).to_string(),
        "code RATE_LIMITED",
    );
    assert_breaking(
        &report,
        Some("RATE_LIMITED"),
        &format!("c.contract:{snapshot_line}"),
        "`RATE_LIMITED` was removed",
    );
    assert!(
        report.findings[0].message.contains("Deprecate it first"),
        "{report}"
    );

    let without_old = BASE.replace(
        "[errors.OLD_CODE]\nstatus = 400\nmessage = \"Old.\"\ndeprecated = \"Use SESSION_FULL\"\n",
        "",
    );
    let report = check(&without_old);
    assert!(!report.is_breaking(), "{report}");
    assert_eq!(report.findings.len(), 1, "{report}");
    assert!(
        report.findings[0]
            .message
            .contains("removed, after its deprecation"),
        "{report}"
    );
}

#[test]
fn status_retryability_and_category_changes_break_at_their_line() {
    let text = edit("status = 409", "status = 422");
    assert_breaking(
        &check(&text),
        Some("SESSION_FULL"),
        &format!("c.toml:{}:", line_of(&text, "status = 422")),
        "changed from 409 to 422",
    );

    let text = edit("status = 429\n", "status = 429\nretryable = false\n");
    assert_breaking(
        &check(&text),
        Some("RATE_LIMITED"),
        &format!("c.toml:{}:", line_of(&text, "[errors.RATE_LIMITED]")),
        "no longer retryable",
    );

    let text = edit("status = 409\n", "status = 409\nretryable = true\n");
    assert_breaking(
        &check(&text),
        Some("SESSION_FULL"),
        "c.toml:",
        "became retryable",
    );

    let text = edit(
        "category = \"conflict_error\"",
        "category = \"rate_limit_error\"",
    );
    assert_breaking(
        &check(&text),
        Some("SESSION_FULL"),
        &format!(
            "c.toml:{}:",
            line_of(&text, "category = \"rate_limit_error\"")
        ),
        "category of `SESSION_FULL` changed",
    );
}

#[test]
fn field_changes_that_break() {
    let cases = [
        (
            "capacity = \"u32\"\n",
            "",
            "[errors.SESSION_FULL]",
            "`capacity` of `SESSION_FULL` (`u32`, sent in `details`) was removed or renamed",
        ),
        (
            "capacity = \"u32\"",
            "capacity = { type = \"u32\", wire = \"spots\" }",
            "capacity = {",
            "now sent as `spots`, not `capacity`",
        ),
        (
            "capacity = \"u32\"",
            "capacity = \"u64\"",
            "capacity = \"u64\"",
            "changed type from `u32` to `u64`",
        ),
        (
            "capacity = \"u32\"",
            "capacity = \"u32?\"",
            "capacity = \"u32?\"",
            "became optional",
        ),
        (
            "waitlist = \"bool?\"",
            "waitlist = \"bool\"",
            "waitlist = \"bool\"",
            "became required",
        ),
        (
            "capacity = \"u32\"",
            "capacity = \"u32\"\nfloor = \"i32\"",
            "floor = \"i32\"",
            "new required field `floor`",
        ),
        (
            "capacity = \"u32\"",
            "capacity = { type = \"u32\", internal = true }",
            "capacity = {",
            "became internal",
        ),
        (
            "retry_after = { type = \"u64\", header = \"Retry-After\" }",
            "retry_after = \"u64\"",
            "retry_after = \"u64\"",
            "no longer sent in the `Retry-After` header",
        ),
        (
            "retry_after = { type = \"u64\", header = \"Retry-After\" }",
            "retry_after = { type = \"u64\", header = \"Retry-After\", details = false }",
            "retry_after = {",
            "no longer sent in `details`",
        ),
        (
            "message = \"Session {session_id} is full.\"",
            "message = \"The session is full.\"",
            "session_id = \"string\"",
            "no longer sent in the message",
        ),
    ];
    for (from, to, at, words) in cases {
        let text = edit(from, to);
        let report = check(&text);
        let code = if text.contains("retry_after = \"u64\"") || from.contains("retry_after") {
            "RATE_LIMITED"
        } else {
            "SESSION_FULL"
        };
        assert_breaking(
            &report,
            Some(code),
            &format!("c.toml:{}:", line_of(&text, at)),
            words,
        );
    }
}

#[test]
fn envelope_and_category_changes_break() {
    // Envelope changes are found at the `envelope` line of the catalog file.
    let dir = scratch("envelope");
    let snapshot = dir.join("c.contract");
    contract::bless(&catalog(BASE), &snapshot).unwrap();
    let on_disk = |text: &str| {
        let path = dir.join("c.toml");
        std::fs::write(&path, text).unwrap();
        contract::check_against(&Catalog::load(&path).unwrap(), &snapshot).unwrap()
    };
    let at = format!("{}:2:", dir.join("c.toml").display());
    let text = edit("envelope = \"flat\"", "envelope = \"nested\"");
    assert_breaking(
        &on_disk(&text),
        None,
        &at,
        "envelope style changed from `flat` to `nested`",
    );
    let text = edit(
        "envelope = \"flat\"\n",
        "envelope = \"flat\"\n[envelope.rename]\ncode = \"error_code\"\n",
    );
    assert_breaking(
        &on_disk(&text),
        None,
        &at,
        "`code` is now sent as `error_code`, not `errorCode`",
    );

    let text = edit(
        "[categories.conflict_error]\n",
        "[categories.conflict_error]\n[categories.extra]\n",
    )
    .replace("[categories.rate_limit_error]\n", "")
    .replace("category = \"rate_limit_error\"\n", "");
    let report = check(&text);
    assert_breaking(
        &report,
        None,
        "c.toml:",
        "category `rate_limit_error` was removed",
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.change == Change::Compatible && f.message == "new category `extra`"),
        "{report}"
    );
}

#[test]
fn compatible_changes_pass_and_are_listed() {
    let cases = [
        (
            "[errors.OLD_CODE]",
            "[errors.NEW_CODE]\nstatus = 404\nmessage = \"New {id}.\"\ndetails.id = \"string\"\n\n[errors.OLD_CODE]",
            "new code `NEW_CODE`",
        ),
        (
            "capacity = \"u32\"",
            "capacity = \"u32\"\nfloor = \"i32?\"",
            "new optional field `floor` of `SESSION_FULL`",
        ),
        (
            "status = 409\n",
            "status = 409\ndeprecated = \"Use the waitlist\"\n",
            "`SESSION_FULL` is deprecated",
        ),
        (
            "deprecated = \"Use SESSION_FULL\"\n",
            "",
            "`OLD_CODE` is no longer deprecated",
        ),
        (
            "capacity = \"u32\"",
            "capacity = { type = \"u32\", header = \"X-Capacity\" }",
            "now also sent in the `X-Capacity` header",
        ),
        (
            "capacity = \"u32\"",
            "spots = { type = \"u32\", wire = \"capacity\" }",
            "is now called `spots`, with the same wire name",
        ),
        (
            "message = \"Session {session_id} is full.\"",
            "message = \"Session {session_id} is full ({capacity} spots).\"",
            "now also sent in the message",
        ),
    ];
    for (from, to, words) in cases {
        let text = edit(from, to);
        let report = check(&text);
        assert!(!report.is_breaking(), "{from} -> {to}:\n{report}");
        assert!(
            report.findings.iter().any(|f| f.message.contains(words)),
            "{from} -> {to}: no {words:?} in\n{report}"
        );
    }
}

#[test]
fn findings_print_one_a_line_with_their_location() {
    let text = edit("status = 409", "status = 410");
    let report = check(&text);
    let line = line_of(&text, "status = 410");
    assert_eq!(
        report.to_string(),
        format!(
            "c.toml:{line}:10: breaking change: the status of `SESSION_FULL` changed from 409 to 410\n"
        )
    );
}

#[test]
fn the_snapshot_is_stable_sorted_text() {
    let text = Contract::of(&catalog(BASE)).to_string();
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(
        body,
        [
            // Format 2 records the request id header and each rejection's answer
            // (this catalog has none), on purpose (SPEC 9.3).
            "envelope flat",
            "request_id_header X-Request-Id",
            "key success success",
            "key code errorCode",
            "key message message",
            "key details details",
            "key request_id requestId",
            "key timestamp timestamp",
            "answer bad_request -",
            "answer not_found -",
            "answer method_not_allowed -",
            "answer unsupported_media_type -",
            "answer payload_too_large -",
            "answer internal -",
            "category conflict_error",
            "category rate_limit_error",
            "code OLD_CODE 400 final deprecated",
            "code RATE_LIMITED 429 retryable category=rate_limit_error",
            "  field retry_after wire=retryAfter type=u64 required in=details,header:Retry-After,message",
            "code SESSION_FULL 409 final category=conflict_error",
            "  field session_id wire=sessionId type=string required in=details,message",
            "  field capacity wire=capacity type=u32 required in=details",
            "  field waitlist wire=waitlist type=bool optional in=details",
        ]
    );
    assert!(
        text.starts_with("# errors-catalog contract, format 3\n"),
        "{text}"
    );
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("contract")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn assert_stable_passes_compatible_and_fails_breaking_changes() {
    let dir = scratch("assert_stable");
    let (toml, snapshot) = (dir.join("catalog.toml"), dir.join("catalog.contract"));
    std::fs::write(&toml, BASE).unwrap();
    assert!(contract::bless(&catalog(BASE), &snapshot).unwrap());
    assert!(
        !contract::bless(&catalog(BASE), &snapshot).unwrap(),
        "unchanged: not rewritten"
    );
    contract::assert_stable(&toml, &snapshot);

    std::fs::write(
        &toml,
        edit("capacity = \"u32\"", "capacity = \"u32\"\nfloor = \"i32?\""),
    )
    .unwrap();
    contract::assert_stable(&toml, &snapshot);

    std::fs::write(&toml, edit("status = 409", "status = 410")).unwrap();
    let panic = std::panic::catch_unwind(|| contract::assert_stable(&toml, &snapshot)).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("the status of `SESSION_FULL` changed from 409 to 410"),
        "{message}"
    );
    assert!(
        message.contains("re-bless with `ERRORS_CATALOG_BLESS=1`"),
        "{message}"
    );

    let missing = dir.join("none.contract");
    let panic = std::panic::catch_unwind(|| contract::assert_stable(&toml, &missing)).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("no contract snapshot; write it with `ERRORS_CATALOG_BLESS=1`"),
        "{message}"
    );
}

#[test]
fn assert_codes_names_every_missing_code() {
    let dir = scratch("assert_codes");
    let toml = dir.join("catalog.toml");
    std::fs::write(&toml, BASE).unwrap();
    contract::assert_codes(&toml, &["SESSION_FULL", "OLD_CODE"]);
    let panic = std::panic::catch_unwind(|| {
        contract::assert_codes(&toml, &["SESSION_FULL", "GONE", "ALSO_GONE"])
    })
    .unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("has no code `GONE`, `ALSO_GONE`"),
        "{message}"
    );
}

/// The bundled catalog keeps the contract committed beside it, and the snapshot
/// records it exactly: after an intended change, re-bless with
/// `ERRORS_CATALOG_BLESS=1 cargo test -p errors-catalog --features contract --test contract`.
#[test]
fn the_bundled_catalog_keeps_its_committed_contract() {
    let (toml, snapshot) = ("../../catalog.toml", "../../catalog.contract");
    contract::assert_stable(toml, snapshot);
    let report = contract::check_against(&Catalog::load(toml).unwrap(), snapshot).unwrap();
    assert!(
        report.is_unchanged(),
        "{report}catalog.contract does not record these changes: re-bless it with `ERRORS_CATALOG_BLESS=1 cargo test -p errors-catalog --features contract --test contract`"
    );
}

/// A problem-style catalog with `[http]`, a message-only field and a header, for the
/// checks that SPEC 9.3 added.
const SERVICE: &str = r#"[catalog]
envelope = "problem"
doc_url = "https://docs.example.com/errors#{code}"

[http]
request_id_header = "X-Request-Id"
bad_request = "INVALID_REQUEST"
not_found = "NOT_FOUND"
method_not_allowed = "NOT_FOUND_ALT"
unsupported_media_type = "INVALID_REQUEST"
payload_too_large = "INVALID_REQUEST"
internal = "INTERNAL"

[errors.INVALID_REQUEST]
status = 400
message = "Invalid request."

[errors.NOT_FOUND]
status = 404
message = "Not found."

[errors.NOT_FOUND_ALT]
status = 405
message = "Method not allowed."

[errors.INTERNAL]
status = 500
message = "Internal error."

[errors.QUOTA]
status = 429
message = "Used {ratio:>8} of {limit} requests."
[errors.QUOTA.details]
ratio = { type = "f64", details = false }
limit = { type = "u32", details = false }
retry_after = { type = "u64", header = "Retry-After" }
"#;

/// Blesses [`SERVICE`] in a scratch directory, then checks `edited` written there
/// against it: settings are located in the file on disk.
fn check_service(name: &str, edited: &str) -> (Report, String) {
    let dir = scratch(name);
    let (toml, snapshot) = (dir.join("c.toml"), dir.join("c.contract"));
    std::fs::write(&toml, SERVICE).unwrap();
    assert!(contract::bless(&Catalog::load(&toml).unwrap(), &snapshot).unwrap());
    std::fs::write(&toml, edited).unwrap();
    let catalog = Catalog::load(&toml).unwrap_or_else(|d| panic!("{}", d.render()));
    let report = contract::check_against(&catalog, &snapshot).unwrap();
    (report, toml.display().to_string())
}

fn service_edit(from: &str, to: &str) -> String {
    assert!(SERVICE.contains(from), "{from}");
    SERVICE.replacen(from, to, 1)
}

#[test]
fn the_service_snapshot_records_templates_urls_headers_and_answers() {
    let text = Contract::of(&catalog(SERVICE)).to_string();
    for line in [
        "envelope problem\n",
        "doc_url \"https://docs.example.com/errors#{code}\"\n",
        "request_id_header X-Request-Id\n",
        "answer bad_request INVALID_REQUEST\n",
        "answer method_not_allowed NOT_FOUND_ALT\n",
        "code QUOTA 429 retryable template=\"Used {ratio:>8} of {limit} requests.\"\n",
        "  field ratio wire=ratio type=f64 required in=message\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    // Only a code with a message-only field records its template.
    assert!(text.contains("code NOT_FOUND 404 final\n"), "{text}");
    let back = Contract::parse("c.contract", &text).unwrap();
    assert_eq!(back.format, Contract::FORMAT);
    assert_eq!(
        back.code("QUOTA").unwrap().template.as_deref(),
        Some("Used {ratio:>8} of {limit} requests.")
    );
    assert_eq!(back.answers, Contract::of(&catalog(SERVICE)).answers);
}

#[test]
fn service_changes_that_break_at_their_line() {
    let cases = [
        (
            "{ratio:>8}",
            "{ratio:>9}",
            Some("QUOTA"),
            "message = \"Used",
            "the format spec of `ratio` in the message of `QUOTA` changed from `>8` to `>9`",
        ),
        (
            "\"Used {ratio:>8} of {limit} requests.\"",
            "\"Used {ratio:>8} out of {limit} requests.\"",
            Some("QUOTA"),
            "message = \"Used",
            "the message template of `QUOTA` changed",
        ),
        (
            "doc_url = \"https://docs.example.com/errors#{code}\"",
            "doc_url = \"https://docs.example.com/e/{code}\"",
            None,
            "doc_url = ",
            "the `doc_url` changed from `https://docs.example.com/errors#{code}` to `https://docs.example.com/e/{code}`",
        ),
        (
            "request_id_header = \"X-Request-Id\"",
            "request_id_header = \"X-Trace-Id\"",
            None,
            "request_id_header = ",
            "the request id header changed from `X-Request-Id` to `X-Trace-Id`",
        ),
        (
            "method_not_allowed = \"NOT_FOUND_ALT\"",
            "method_not_allowed = \"INVALID_REQUEST\"",
            Some("INVALID_REQUEST"),
            "method_not_allowed = ",
            "the answer to `method_not_allowed` changed from `NOT_FOUND_ALT` to `INVALID_REQUEST`",
        ),
    ];
    for (i, (from, to, code, at, words)) in cases.into_iter().enumerate() {
        let text = service_edit(from, to);
        let (report, path) = check_service(&format!("service-break-{i}"), &text);
        assert_breaking(
            &report,
            code,
            &format!("{path}:{}:", line_of(&text, at)),
            words,
        );
    }
}

#[test]
fn service_changes_that_pass() {
    let cases = [
        (
            "request_id_header = \"X-Request-Id\"",
            "request_id_header = \"x-request-id\"",
            "the request id header `X-Request-Id` is now spelled `x-request-id`",
        ),
        (
            "header = \"Retry-After\"",
            "header = \"retry-after\"",
            "the header `Retry-After` of the field `retry_after` of `QUOTA` is now spelled `retry-after`",
        ),
        // A message without message-only fields may change freely.
        (
            "message = \"Not found.\"",
            "message = \"Nothing here.\"",
            "",
        ),
    ];
    for (i, (from, to, words)) in cases.into_iter().enumerate() {
        let (report, _) = check_service(&format!("service-pass-{i}"), &service_edit(from, to));
        assert!(!report.is_breaking(), "{from} -> {to}:\n{report}");
        if words.is_empty() {
            assert!(report.is_unchanged(), "{report}");
        } else {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.change == Change::Compatible && f.message == words),
                "{from} -> {to}: no {words:?} in\n{report}"
            );
        }
    }
    // Outside the problem style the documentation URL is not part of the contract.
    let flat = edit(
        "envelope = \"flat\"\n",
        "envelope = \"flat\"\ndoc_url = \"https://a.example/{code}\"\n",
    );
    assert!(check(&flat).is_unchanged(), "{}", check(&flat));
}

/// Snapshots written before format 2 still read: the committed snapshot of the
/// bundled catalog in format 1 passes, compares nothing it does not record, and is
/// not what `bless` writes today (so `stability --locked` asks to re-bless it).
#[test]
fn a_format_1_snapshot_still_reads() {
    let old = std::fs::read_to_string("tests/fixtures/catalog.format1.contract").unwrap();
    let snapshot = Contract::parse("catalog.format1.contract", &old).unwrap();
    assert_eq!(snapshot.format, 1);
    assert_eq!(
        (snapshot.request_id_header.as_ref(), snapshot.answers.len()),
        (None, 0)
    );
    let bundled = Catalog::load("../../catalog.toml").unwrap();
    let report = contract::check(&snapshot, &bundled, "catalog.format1.contract");
    assert!(report.is_unchanged(), "{report}");
    assert!(!contract::is_blessed(&bundled, old.as_bytes()));
    let current = std::fs::read("../../catalog.contract").unwrap();
    assert!(
        contract::is_blessed(&bundled, &current),
        "re-bless catalog.contract"
    );
}
