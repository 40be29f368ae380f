//! The stability check of enum values and violation rules (SPEC 9.3): adding a value
//! is compatible, removing or renaming one breaks; the snapshot records them
//! (format 4), and a format 3 snapshot still reads.

#![cfg(feature = "contract")]

use errors_catalog::Catalog;
use errors_catalog::contract::{self, Change, Contract, Report};

const BASE: &str = r#"
[errors.VALIDATION_FAILED]
status = 422
message = "Validation failed."
[errors.VALIDATION_FAILED.details]
rule = { type = { enum = ["required", "email", "min_length"] } }
fields = { type = "field_violations", rules = ["required", "unique"] }
reason = "string"
"#;

fn catalog(text: &str) -> Catalog {
    Catalog::from_str("c.toml", text).unwrap_or_else(|d| panic!("{}", d.render()))
}

fn check_against(base: &str, edited: &str) -> Report {
    let snapshot = Contract::of(&catalog(base));
    let snapshot = Contract::parse("c.contract", &snapshot.to_string()).unwrap();
    contract::check(&snapshot, &catalog(edited), "c.contract")
}

fn messages(report: &Report, change: Change) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.change == change)
        .map(|f| format!("{}: {}", f.location, f.message))
        .collect()
}

#[test]
fn the_snapshot_records_the_values() {
    let text = Contract::of(&catalog(BASE)).to_string();
    assert!(
        text.starts_with("# errors-catalog contract, format 4\n"),
        "{text}"
    );
    assert!(
        text.contains("  field rule wire=rule type=string values=required,email,min_length required in=details\n"),
        "{text}"
    );
    assert!(
        text.contains("  field fields wire=fields type=field_violations values=required,unique required in=details\n"),
        "{text}"
    );
    assert!(
        text.contains("  field reason wire=reason type=string required in=details\n"),
        "{text}"
    );
    let back = Contract::parse("c.contract", &text).unwrap();
    assert_eq!(back.to_string(), text);
    assert!(check_against(BASE, BASE).is_unchanged());
}

#[test]
fn adding_a_value_is_compatible() {
    let edited = BASE.replace("\"min_length\"]", "\"min_length\", \"pattern\"]");
    let report = check_against(BASE, &edited);
    assert!(!report.is_breaking(), "{report}");
    assert_eq!(
        messages(&report, Change::Compatible),
        ["c.toml:6:1: new value `pattern` of the field `rule` of `VALIDATION_FAILED`"]
    );
    let edited = BASE.replace("\"unique\"]", "\"unique\", \"email\"]");
    assert_eq!(
        messages(&check_against(BASE, &edited), Change::Compatible),
        ["c.toml:7:1: new value `email` of the field `fields` of `VALIDATION_FAILED`"]
    );
}

#[test]
fn removing_or_renaming_a_value_breaks() {
    let edited = BASE.replace("\"email\", \"min_length\"", "\"email\", \"minimum_length\"");
    let report = check_against(BASE, &edited);
    assert_eq!(
        messages(&report, Change::Breaking),
        [
            "c.toml:6:1: the value `min_length` of the field `rule` of `VALIDATION_FAILED` was removed or renamed: clients built from the snapshot match on it"
        ]
    );
    let edited = BASE.replace(
        "rules = [\"required\", \"unique\"]",
        "rules = [\"required\"]",
    );
    assert_eq!(
        messages(&check_against(BASE, &edited), Change::Breaking),
        [
            "c.toml:7:1: the value `unique` of the field `fields` of `VALIDATION_FAILED` was removed or renamed: clients built from the snapshot match on it"
        ]
    );
}

#[test]
fn a_string_that_becomes_an_enum_breaks_and_the_reverse_does_not() {
    let edited = BASE.replace(
        "reason = \"string\"",
        "reason = { type = { enum = [\"a\"] } }",
    );
    assert_eq!(
        messages(&check_against(BASE, &edited), Change::Breaking),
        [
            "c.toml:8:1: the field `reason` of `VALIDATION_FAILED` now takes only the values `a`: clients built from the snapshot may send others"
        ]
    );
    let report = check_against(&edited, BASE);
    assert!(!report.is_breaking(), "{report}");
    assert_eq!(
        messages(&report, Change::Compatible),
        [
            "c.toml:8:1: the field `reason` of `VALIDATION_FAILED` is no longer limited to a list of values"
        ]
    );
}

/// The committed snapshot of the bundled catalog as format 3 wrote it still reads and
/// passes, but is not what `bless` writes today; and format 3 records no values, so
/// it compares nothing about them.
#[test]
fn a_format_3_snapshot_still_reads() {
    let old = std::fs::read_to_string("tests/fixtures/catalog.format3.contract").unwrap();
    let snapshot = Contract::parse("catalog.format3.contract", &old).unwrap();
    assert_eq!(snapshot.format, 3);
    let bundled = Catalog::load("../../catalog.toml").unwrap();
    let report = contract::check(&snapshot, &bundled, "catalog.format3.contract");
    assert!(report.is_unchanged(), "{report}");
    assert!(!contract::is_blessed(&bundled, old.as_bytes()));

    // And a field that became an enum is not a finding against it.
    let text = Contract::of(&catalog(BASE))
        .to_string()
        .replace("format 4", "format 3")
        .replace(" values=required,email,min_length", "")
        .replace(" values=required,unique", "");
    let snapshot = Contract::parse("c.contract", &text).unwrap();
    assert_eq!(snapshot.format, 3);
    assert!(contract::check(&snapshot, &catalog(BASE), "c.contract").is_unchanged());
}

/// A message chosen by a field sent only in the message: clients read the value
/// back from which template it follows, so the snapshot records every template and
/// a changed one breaks; adding a value with its template is compatible.
#[test]
fn the_templates_of_a_message_chosen_by_a_field_are_recorded() {
    let base = r#"
[errors.ALREADY_EXISTS]
status = 409
message = { by = "field", values = { email = "Email already registered", name = "Name already in use" } }
[errors.ALREADY_EXISTS.details]
field = { type = { enum = ["email", "name"] }, details = false }
"#;
    let text = Contract::of(&catalog(base)).to_string();
    assert!(
        text.contains(r#"code ALREADY_EXISTS 409 final grpc=ABORTED template="by field: email = Email already registered | name = Name already in use""#),
        "{text}"
    );
    assert!(
        text.contains(
            "  field field wire=field type=string values=email,name required in=message\n"
        ),
        "{text}"
    );
    assert!(check_against(base, base).is_unchanged());
    let edited = base.replace("Name already in use", "Name taken");
    let report = check_against(base, &edited);
    assert_eq!(report.breaking().count(), 1, "{report}");
    assert!(
        report.breaking().any(|f| f
            .message
            .contains("the message template of `ALREADY_EXISTS` changed")),
        "{report}"
    );
    let edited = base
        .replace("\"name\"] }", "\"name\", \"phone\"] }")
        .replace(
            "in use\" }",
            "in use\", phone = \"Phone already registered\" }",
        );
    let report = check_against(base, &edited);
    assert!(!report.is_breaking(), "{report}");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message == "new value `phone` of the field `field` of `ALREADY_EXISTS`"),
        "{report}"
    );
}
