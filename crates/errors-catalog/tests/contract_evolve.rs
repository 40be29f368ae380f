//! The stability check of SPEC 9.4: a rename is compatible only as a removal after a
//! deprecation naming the new code, which keeps the old spelling as an alias;
//! aliases may be added, not removed; the retry class may not change.

#![cfg(feature = "contract")]

use errors_catalog::contract::{self, Contract, Report};
use errors_catalog::{Catalog, RetryClass};

fn catalog(text: &str) -> Catalog {
    Catalog::from_str("c.toml", text).unwrap_or_else(|d| panic!("{}", d.render()))
}

/// `edited` checked against the snapshot of `base`, read back from its text.
fn check(base: &str, edited: &str) -> Report {
    let snapshot = Contract::of(&catalog(base)).to_string();
    let snapshot = Contract::parse("c.contract", &snapshot).unwrap();
    contract::check(&snapshot, &catalog(edited), "c.contract")
}

const NEW: &str = "[errors.QUOTA_EXCEEDED]\nstatus = 429\nmessage = \"Quota exceeded.\"\n";

fn old(deprecated: &str) -> String {
    format!("[errors.RATE_LIMITED]\nstatus = 429\nmessage = \"Slow down.\"\n{deprecated}")
}

fn renamed() -> String {
    format!("{NEW}aliases = [\"RATE_LIMITED\"]\n")
}

#[track_caller]
fn finding<'r>(report: &'r Report, words: &str) -> &'r contract::Finding {
    report
        .findings
        .iter()
        .find(|f| f.message.contains(words))
        .unwrap_or_else(|| panic!("no finding with {words:?}:\n{report}"))
}

#[test]
fn a_rename_after_a_deprecation_naming_the_new_code_is_compatible() {
    // `remove_after` far ahead: the check never reads the clock.
    let base = format!(
        "{NEW}{}",
        old(
            "deprecated = { since = \"2.3\", replacement = \"QUOTA_EXCEEDED\", remove_after = \"2999-01-01\" }\n"
        )
    );
    let report = check(&base, &renamed());
    assert!(!report.is_breaking(), "{report}");
    let rename = finding(
        &report,
        "`RATE_LIMITED` was renamed to `QUOTA_EXCEEDED` after its deprecation",
    );
    assert_eq!(rename.code.as_deref(), Some("RATE_LIMITED"));
    assert!(rename.location.starts_with("c.contract:"), "{rename}");
    let alias = finding(&report, "now also decodes the old spelling `RATE_LIMITED`");
    assert_eq!(alias.location, "c.toml:4:12");
    // Only the snapshot's word counts: the same edit against a snapshot that never
    // deprecated the old code breaks clients.
    let report = check(&format!("{NEW}{}", old("")), &renamed());
    assert!(report.is_breaking(), "{report}");
    let f = finding(
        &report,
        "was renamed to `QUOTA_EXCEEDED` without a deprecation",
    );
    assert_eq!(f.code.as_deref(), Some("RATE_LIMITED"));
}

#[test]
fn a_deprecation_without_the_replacement_does_not_allow_a_rename() {
    let base = format!("{NEW}{}", old("deprecated = \"Use QUOTA_EXCEEDED\"\n"));
    let report = check(&base, &renamed());
    assert!(report.is_breaking(), "{report}");
    finding(&report, "the snapshot deprecates it with no replacement");
    // A plain removal after such a deprecation stays compatible.
    let report = check(&base, NEW);
    assert!(!report.is_breaking(), "{report}");
    finding(&report, "`RATE_LIMITED` was removed, after its deprecation");
}

#[test]
fn removing_a_replaced_code_needs_the_alias_on_its_replacement() {
    let base = format!(
        "{NEW}{}[errors.OTHER]\nstatus = 400\nmessage = \"m\"\n",
        old("deprecated = { replacement = \"QUOTA_EXCEEDED\" }\n")
    );
    let report = check(
        &base,
        &format!("{NEW}[errors.OTHER]\nstatus = 400\nmessage = \"m\"\n"),
    );
    assert!(report.is_breaking(), "{report}");
    finding(
        &report,
        "its replacement `QUOTA_EXCEEDED` does not keep `RATE_LIMITED` as an alias: clients built from this catalog",
    );
    // The alias on another code is not the replacement's.
    let report = check(
        &base,
        &format!(
            "{NEW}[errors.OTHER]\nstatus = 400\nmessage = \"m\"\naliases = [\"RATE_LIMITED\"]\n"
        ),
    );
    assert!(report.is_breaking(), "{report}");
    finding(
        &report,
        "does not keep `RATE_LIMITED` as an alias (`OTHER` does)",
    );
}

#[test]
fn removing_an_alias_breaks_and_adding_one_does_not() {
    let base = format!("{NEW}aliases = [\"RATE_LIMITED\", \"OVER_QUOTA\"]\n");
    let report = check(&base, &format!("{NEW}aliases = [\"OVER_QUOTA\"]\n"));
    assert!(report.is_breaking(), "{report}");
    let f = finding(
        &report,
        "the alias `RATE_LIMITED` of `QUOTA_EXCEEDED` was removed",
    );
    assert_eq!(f.code.as_deref(), Some("QUOTA_EXCEEDED"));
    assert_eq!(f.location, "c.toml:1:9");
    let report = check(
        &base,
        &format!("{NEW}aliases = [\"RATE_LIMITED\", \"OVER_QUOTA\", \"QUOTA_HIT\"]\n"),
    );
    assert!(!report.is_breaking(), "{report}");
    assert_eq!(report.findings.len(), 1, "{report}");
    finding(&report, "now also decodes the old spelling `QUOTA_HIT`");
    assert!(check(&base, &base).is_unchanged());
}

#[test]
fn a_change_of_retry_class_breaks() {
    let final_ = "[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"m\"\n";
    let refresh = format!("{final_}retry = \"after_refresh\"\n");
    let retryable = format!("{final_}retryable = true\n");
    let report = check(final_, &refresh);
    assert!(report.is_breaking(), "{report}");
    finding(
        &report,
        "is now retried after a credentials refresh (`retry = \"after_refresh\"`): clients built from the snapshot never retry it",
    );
    let report = check(&retryable, &refresh);
    finding(&report, "retry it under the policy, without refreshing");
    let report = check(&refresh, final_);
    assert!(report.is_breaking(), "{report}");
    finding(
        &report,
        "is no longer retried after a credentials refresh: clients built from the snapshot refresh and retry it, and it is now final",
    );
    let report = check(&refresh, &retryable);
    finding(&report, "and it is now retryable");
    assert!(check(&refresh, &refresh).is_unchanged());
}

#[test]
fn the_snapshot_records_the_new_items_and_reads_them_back() {
    let base = format!(
        "{NEW}aliases = [\"RATE_LIMITED\"]\n[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"m\"\nretry = \"after_refresh\"\n[errors.OLD]\nstatus = 410\nmessage = \"m\"\ndeprecated = {{ replacement = \"QUOTA_EXCEEDED\" }}\n"
    );
    let contract = Contract::of(&catalog(&base));
    let text = contract.to_string();
    assert!(
        text.starts_with("# errors-catalog contract, format 4\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\ncode OLD 410 final deprecated replacement=QUOTA_EXCEEDED grpc=FAILED_PRECONDITION\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\ncode QUOTA_EXCEEDED 429 retryable aliases=RATE_LIMITED grpc=RESOURCE_EXHAUSTED\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\ncode TOKEN_EXPIRED 401 after_refresh grpc=UNAUTHENTICATED\n"),
        "{text}"
    );
    let back = Contract::parse("c.contract", &text).unwrap();
    let expired = back
        .codes
        .iter()
        .find(|c| c.code == "TOKEN_EXPIRED")
        .unwrap();
    assert_eq!(expired.retry_class, RetryClass::AfterRefresh);
    assert!(!expired.retryable);
    let quota = back
        .codes
        .iter()
        .find(|c| c.code == "QUOTA_EXCEEDED")
        .unwrap();
    assert_eq!(quota.aliases, ["RATE_LIMITED"]);
    let old = back.codes.iter().find(|c| c.code == "OLD").unwrap();
    assert_eq!(old.replacement.as_deref(), Some("QUOTA_EXCEEDED"));
}

#[test]
fn older_snapshots_still_read_and_keep_their_rules() {
    for format in [2, 3] {
        let text = format!(
            "# errors-catalog contract, format {format}\nenvelope nested\n\ncode QUOTA_EXCEEDED 429 retryable\ncode RATE_LIMITED 429 final deprecated\n"
        );
        let snapshot = Contract::parse("c.contract", &text).unwrap();
        assert_eq!(snapshot.format, format);
        // Formats before 4 record no replacement: a deprecated code may go, alias or
        // not, and aliases are not compared.
        let report = contract::check(&snapshot, &catalog(&renamed()), "c.contract");
        assert!(!report.is_breaking(), "{report}");
        finding(&report, "`RATE_LIMITED` was removed, after its deprecation");
        assert!(
            !report
                .findings
                .iter()
                .any(|f| f.message.contains("decodes")),
            "{report}"
        );
    }
}
