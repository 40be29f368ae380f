//! The stability check and gRPC codes: a changed effective code, named or defaulted
//! from the status, breaks clients; naming the code a status already defaults to
//! changes nothing; a snapshot of format 3 or older (which records none) compares none.

use errors_catalog::Catalog;
use errors_catalog::contract::{self, Change, Contract, Report};

const BASE: &str = r#"[catalog]
envelope = "flat"

[errors.SESSION_FULL]
status = 409
message = "Session {session_id} is full."
[errors.SESSION_FULL.details]
session_id = "string"

[errors.EXPIRED]
status = 410
message = "Expired."
grpc = "NOT_FOUND"
"#;

fn catalog(text: &str) -> Catalog {
    Catalog::from_str("c.toml", text).unwrap_or_else(|d| panic!("{}", d.render()))
}

fn check_against(snapshot: &str, edited: &str) -> Report {
    let snapshot = Contract::parse("c.contract", snapshot).unwrap();
    contract::check(&snapshot, &catalog(edited), "c.contract")
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn the_snapshot_records_each_effective_grpc_code() {
    let text = Contract::of(&catalog(BASE)).to_string();
    assert!(
        text.contains("code SESSION_FULL 409 final grpc=ABORTED\n"),
        "{text}"
    );
    assert!(
        text.contains("code EXPIRED 410 final grpc=NOT_FOUND\n"),
        "{text}"
    );
    let back = Contract::parse("c.contract", &text).unwrap();
    assert_eq!(back.format, 4);
    assert_eq!(back.codes[0].grpc.as_deref(), Some("NOT_FOUND"));
}

#[test]
fn a_changed_named_grpc_code_breaks_clients() {
    let snapshot = Contract::of(&catalog(BASE)).to_string();
    let text = edit("grpc = \"NOT_FOUND\"", "grpc = \"FAILED_PRECONDITION\"");
    let report = check_against(&snapshot, &text);
    let line = line_of(&text, "grpc = ");
    assert_eq!(
        report.to_string(),
        format!(
            "c.toml:{line}:8: breaking change: the gRPC code of `EXPIRED` changed from NOT_FOUND to FAILED_PRECONDITION: gRPC clients built from the snapshot handle it as NOT_FOUND\n"
        )
    );
    assert_eq!(report.findings[0].code.as_deref(), Some("EXPIRED"));
    assert_eq!(report.findings[0].change, Change::Breaking);
}

#[test]
fn a_defaulted_grpc_code_that_changes_breaks_clients() {
    let snapshot = Contract::of(&catalog(BASE)).to_string();
    // Dropping `grpc` falls back to the default of 410: FAILED_PRECONDITION.
    let report = check_against(&snapshot, &edit("grpc = \"NOT_FOUND\"\n", ""));
    assert!(report.is_breaking(), "{report}");
    assert!(
        report
            .breaking()
            .any(|f| f.message.contains("from NOT_FOUND to FAILED_PRECONDITION")),
        "{report}"
    );
}

#[test]
fn a_status_change_reports_a_grpc_code_only_when_it_was_named() {
    let snapshot = Contract::of(&catalog(BASE)).to_string();
    // The defaulted code follows the status: one finding, the status's.
    let text = edit("status = 409", "status = 410");
    let report = check_against(&snapshot, &text);
    assert_eq!(report.findings.len(), 1, "{report}");
    assert!(
        report.findings[0]
            .message
            .contains("status of `SESSION_FULL`")
    );
    // A named code no longer named, with the status: both.
    let text = edit(
        "status = 410\nmessage = \"Expired.\"\ngrpc = \"NOT_FOUND\"\n",
        "status = 409\nmessage = \"Expired.\"\n",
    );
    let report = check_against(&snapshot, &text);
    // Besides the bare 410 it no longer answers.
    let about = |needle: &str| {
        report
            .breaking()
            .filter(|f| f.message.contains(needle))
            .count()
    };
    assert_eq!(about("the status of `EXPIRED`"), 1, "{report}");
    assert_eq!(about("from NOT_FOUND to ABORTED"), 1, "{report}");
    assert_eq!(about("gRPC"), 1, "{report}");
}

#[test]
fn a_changed_grpc_domain_breaks_clients() {
    let snapshot = Contract::of(&catalog(BASE)).to_string();
    assert!(snapshot.contains("\ngrpc_domain ApiError\n"), "{snapshot}");
    // Naming the default changes nothing.
    let same = BASE.replacen("[catalog]\n", "[catalog]\ngrpc_domain = \"ApiError\"\n", 1);
    assert!(check_against(&snapshot, &same).is_unchanged());
    // Another domain, or another `name` without one, does.
    for text in [
        BASE.replacen(
            "[catalog]\n",
            "[catalog]\ngrpc_domain = \"pay.example.com\"\n",
            1,
        ),
        BASE.replacen("[catalog]\n", "[catalog]\nname = \"PayError\"\n", 1),
    ] {
        let report = check_against(&snapshot, &text);
        assert_eq!(report.breaking().count(), 1, "{report}");
        assert!(
            report.findings[0]
                .message
                .starts_with("the gRPC domain changed from `ApiError` to `"),
            "{report}"
        );
    }
    // A format 3 snapshot records no domain.
    let old = snapshot
        .replace("format 4", "format 3")
        .replace("grpc_domain ApiError\n", "");
    let text = BASE.replacen("[catalog]\n", "[catalog]\ngrpc_domain = \"x\"\n", 1);
    assert!(
        check_against(&old, &text)
            .findings
            .iter()
            .all(|f| !f.message.contains("domain"))
    );
}

#[test]
fn naming_the_default_grpc_code_changes_nothing() {
    let snapshot = Contract::of(&catalog(BASE)).to_string();
    let text = edit("status = 409\n", "status = 409\ngrpc = \"ABORTED\"\n");
    let report = check_against(&snapshot, &text);
    assert!(report.is_unchanged(), "{report}");
}

#[test]
fn a_format_3_snapshot_compares_no_grpc_code() {
    let text = Contract::of(&catalog(BASE)).to_string();
    let old: String = text
        .replace("format 4", "format 3")
        .replace(" grpc=ABORTED", "")
        .replace(" grpc=NOT_FOUND", "");
    let snapshot = Contract::parse("c.contract", &old).unwrap();
    assert_eq!(
        (snapshot.format, snapshot.codes[0].grpc.as_ref()),
        (3, None)
    );
    let edited = edit("grpc = \"NOT_FOUND\"", "grpc = \"UNAVAILABLE\"");
    let report = check_against(&old, &edited);
    assert!(report.is_unchanged(), "{report}");
    // The same edit against the format 4 snapshot is caught.
    assert!(check_against(&text, &edited).is_breaking());
}
