//! The stability check on messages in other languages (SPEC 9.4): a client reads a
//! field sent only in the message with the template of the response's
//! `Content-Language`, so for such a code a new or changed translation breaks and a
//! removed one does not; translations of other codes are free text.

use std::path::{Path, PathBuf};

use errors_catalog::Catalog;
use errors_catalog::contract::{self, Change, Contract, Report};

const BASE: &str = r#"[errors.NOT_FOUND]
status = 404
message = "No {kind} here."
[errors.NOT_FOUND.details]
kind = { type = "string", details = false }

[errors.QUOTA]
status = 429
message = "Quota of {limit} exceeded."
details.limit = "u32"

[locales.fr.errors.NOT_FOUND]
message = "Aucun {kind} ici."

[locales.fr.errors.QUOTA]
message = "Quota de {limit} dépassé."
"#;

fn check(name: &str, edited: &str) -> Report {
    let dir: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("contract_locales")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (toml, snapshot) = (dir.join("c.toml"), dir.join("c.contract"));
    std::fs::write(&toml, BASE).unwrap();
    assert!(contract::bless(&Catalog::load(&toml).unwrap(), &snapshot).unwrap());
    std::fs::write(&toml, edited).unwrap();
    let catalog = Catalog::load(&toml).unwrap_or_else(|d| panic!("{}", d.render()));
    contract::check_against(&catalog, &snapshot).unwrap()
}

fn messages(report: &Report, change: Change) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.change == change)
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn the_snapshot_records_the_translations_clients_read_fields_from() {
    let catalog = Catalog::from_str("c.toml", BASE).unwrap();
    let text = Contract::of(&catalog).to_string();
    assert!(
        text.contains(
            r#"code NOT_FOUND 404 final grpc=NOT_FOUND template="No {kind} here." template.fr="Aucun {kind} ici.""#
        ),
        "{text}"
    );
    // QUOTA's message is free text: no template, no translation recorded.
    assert!(
        text.contains("code QUOTA 429 retryable grpc=RESOURCE_EXHAUSTED\n"),
        "{text}"
    );
    let back = Contract::parse("c.contract", &text).unwrap();
    let translations = |c: &Contract| -> Vec<_> {
        c.codes
            .iter()
            .map(|code| (code.template.clone(), code.translations.clone()))
            .collect()
    };
    assert_eq!(translations(&back), translations(&Contract::of(&catalog)));
    assert_eq!(
        back.codes[0].translations,
        [("fr".to_owned(), "Aucun {kind} ici.".to_owned())]
    );
}

#[test]
fn a_changed_translation_of_a_message_read_back_breaks() {
    let report = check(
        "changed",
        &BASE.replace("Aucun {kind} ici.", "Pas de {kind} ici."),
    );
    let breaking = messages(&report, Change::Breaking);
    assert_eq!(breaking.len(), 1, "{report:?}");
    assert!(
        breaking[0].contains("the `fr` message template of `NOT_FOUND` changed"),
        "{breaking:?}"
    );
}

#[test]
fn a_new_translation_of_a_message_read_back_breaks() {
    let edited =
        format!("{BASE}\n[locales.de.errors.NOT_FOUND]\nmessage = \"Kein {{kind}} hier.\"\n");
    let report = check("new", &edited);
    let breaking = messages(&report, Change::Breaking);
    assert_eq!(breaking.len(), 1, "{report:?}");
    assert!(
        breaking[0].contains("`NOT_FOUND` gains a `de` message"),
        "{breaking:?}"
    );
}

#[test]
fn a_removed_translation_or_one_of_free_text_is_compatible() {
    let removed = BASE.replace(
        "[locales.fr.errors.NOT_FOUND]\nmessage = \"Aucun {kind} ici.\"\n",
        "",
    );
    let report = check("removed", &removed);
    assert!(!report.is_breaking(), "{report:?}");
    let compatible = messages(&report, Change::Compatible);
    assert!(
        compatible
            .iter()
            .any(|m| m.contains("no longer has a `fr` message")),
        "{compatible:?}"
    );

    let free = format!(
        "{}\n[locales.de.errors.QUOTA]\nmessage = \"Kontingent {{limit}} überschritten.\"\n",
        BASE.replace("Quota de {limit} dépassé.", "Limite de {limit} atteinte.")
    );
    let report = check("free_text", &free);
    assert!(!report.is_breaking(), "{report:?}");
}
