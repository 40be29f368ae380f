//! The property that ties the stability check to the schemas (issue 23, SPEC 9.3):
//! for every edit the check calls compatible, every body of the new catalog
//! validates against the old client schema; for every edit it calls breaking, at
//! least one of these fails: a body of the new catalog against the old client
//! schema, a body of the old catalog against the new client schema, or the old
//! OpenAPI document's statuses, headers and `x-` members against the new one's.
//!
//! Every edit of `support/edits.rs` is applied alone to every base catalog in every
//! envelope style (and must be classified as the edit list says), then proptest
//! combines two or three of them.

#[path = "support/edits.rs"]
mod edits;

use std::collections::BTreeMap;

use edits::{EDITS, Expect, STYLES};
use errors_catalog::Catalog;
use errors_catalog::contract::{self, Contract, Report};
use errors_docs::{EnvelopeStyle, Example, Reference, SchemaMode};
use proptest::prelude::*;
use serde_json::Value;

fn load(text: &str) -> Result<Catalog, String> {
    Catalog::from_str("catalog.toml", text).map_err(|d| d.render())
}

/// The stability check of `new` against the snapshot of `old`, read back from its
/// text as a committed snapshot is.
fn stability(old: &Catalog, new: &Catalog) -> Report {
    let text = Contract::of(old).to_string();
    let snapshot = Contract::parse("catalog.contract", &text).unwrap();
    contract::check(&snapshot, new, "catalog.contract")
}

fn client_schema(reference: &Reference) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&errors_docs::json_schema(reference, SchemaMode::Client)).unwrap();
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("does not compile: {e}"))
}

/// Every body a service of `reference` sends, by code: the example with every field
/// set, and the same with every optional field left out.
fn bodies(reference: &Reference) -> Vec<(String, Value)> {
    let keys = &reference.envelope.keys;
    let mut out = Vec::new();
    for code in &reference.codes {
        let full: Value = serde_json::from_str(&Example::of(reference, code).body).unwrap();
        let mut sparse = full.clone();
        let members = if reference.envelope.style.is_wrapped() {
            &mut sparse["error"]
        } else {
            &mut sparse
        };
        let details = match reference.envelope.style {
            EnvelopeStyle::Problem => Some(members),
            _ => members.get_mut(&keys.details),
        };
        let optional = code.detail_fields().filter(|f| f.optional);
        if let Some(Value::Object(details)) = details {
            for field in optional {
                details.remove(&field.wire);
            }
        }
        out.push((code.code.clone(), full));
        out.push((format!("{} (optional fields absent)", code.code), sparse));
    }
    out
}

/// What the OpenAPI document promises beyond bodies: each response's status, each
/// header (name case-insensitive) with whether it is required and its schema, and
/// every `x-` member anywhere, by its path.
fn surface(reference: &Reference) -> BTreeMap<String, Value> {
    let document: Value = serde_json::from_str(&errors_docs::openapi(
        reference,
        "1.0.0",
        SchemaMode::Client,
    ))
    .unwrap();
    let mut out = BTreeMap::new();
    if let Some(Value::Object(responses)) = document["components"].get("responses") {
        for (status, response) in responses {
            out.insert(format!("status {status}"), Value::Bool(true));
            if let Some(Value::Object(headers)) = response.get("headers") {
                for (name, header) in headers {
                    let key = format!("status {status} header {}", name.to_ascii_lowercase());
                    let required = header
                        .get("required")
                        .cloned()
                        .unwrap_or(Value::Bool(false));
                    out.insert(format!("{key} required"), required);
                    out.insert(format!("{key} schema"), header["schema"].clone());
                }
            }
        }
    }
    extensions(&document, String::new(), &mut out);
    out
}

/// Every `x-` member under `value`, by path.
fn extensions(value: &Value, path: String, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let here = format!("{path}/{key}");
                if key.starts_with("x-") {
                    out.insert(here, member.clone());
                } else {
                    extensions(member, here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                extensions(item, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The bodies of `reference` that `validator` refuses, with why.
fn refused(validator: &jsonschema::Validator, reference: &Reference) -> Vec<String> {
    bodies(reference)
        .into_iter()
        .filter_map(|(code, body)| {
            let errors: Vec<String> = validator
                .iter_errors(&body)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            (!errors.is_empty()).then(|| format!("{code}: {errors:?}"))
        })
        .collect()
}

/// Checks the property for `old` edited into `new`; returns the check's report.
fn property(what: &str, old: &Catalog, new: &Catalog) -> Result<Report, TestCaseError> {
    let report = stability(old, new);
    let (old_ref, new_ref) = (Reference::from(old), Reference::from(new));
    let new_refused = refused(&client_schema(&old_ref), &new_ref);
    if !report.is_breaking() {
        prop_assert!(
            new_refused.is_empty(),
            "{what}: the check calls it compatible, but the old client schema refuses new bodies: {new_refused:#?}\n{report}"
        );
        return Ok(report);
    }
    if !new_refused.is_empty() {
        return Ok(report);
    }
    let old_refused = refused(&client_schema(&new_ref), &old_ref);
    if !old_refused.is_empty() {
        return Ok(report);
    }
    let (before, after) = (surface(&old_ref), surface(&new_ref));
    prop_assert!(
        before != after,
        "{what}: the check calls it breaking, but every body validates both ways and the OpenAPI documents promise the same:\n{report}"
    );
    Ok(report)
}

#[test]
fn every_edit_alone_is_classified_and_shows_in_the_schemas() {
    let mut cases = 0;
    for style in STYLES {
        for (base_name, base) in edits::bases(style) {
            let old = load(&base).unwrap_or_else(|e| panic!("{style} {base_name}: {e}"));
            // The unedited catalog: no finding, and the property holds trivially.
            assert!(stability(&old, &old).is_unchanged());
            for edit in EDITS {
                let what = format!("{style} {base_name}: {}", edit.name);
                let text = (edit.apply)(&base).unwrap_or_else(|| panic!("{what}: does not apply"));
                assert_ne!(text, base, "{what}: edits nothing");
                let new = load(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
                let report = property(&what, &old, &new).unwrap_or_else(|e| panic!("{e}"));
                let found = if report.is_breaking() {
                    Expect::Breaking
                } else if report.is_unchanged() {
                    Expect::Unchanged
                } else {
                    Expect::Compatible
                };
                assert_eq!(found, (edit.expect)(style), "{what}:\n{report}");
                cases += 1;
            }
        }
    }
    assert_eq!(cases, STYLES.len() * 2 * EDITS.len());
}

/// The combinations proptest draws: a style, a base, and two or three edits.
fn combination() -> impl Strategy<Value = (usize, usize, Vec<usize>)> {
    (
        0..STYLES.len(),
        0..2usize,
        proptest::collection::vec(0..EDITS.len(), 2..=3),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_global_rejects: 4096,
        ..ProptestConfig::default()
    })]

    #[test]
    fn combined_edits_keep_the_property((style, base, picks) in combination()) {
        let style = STYLES[style];
        let (base_name, base) = edits::bases(style).swap_remove(base);
        let old = load(&base).unwrap();
        let mut text = base.clone();
        let mut names = Vec::new();
        for &pick in &picks {
            let edit = &EDITS[pick];
            // An edit whose subject an earlier one removed does not apply.
            let edited = (edit.apply)(&text);
            prop_assume!(edited.is_some());
            text = edited.unwrap();
            names.push(edit.name);
        }
        // Two edits may contradict each other (the same code twice): not a catalog.
        let new = load(&text);
        prop_assume!(new.is_ok());
        let what = format!("{style} {base_name}: {}", names.join(" + "));
        let report = property(&what, &old, &new.unwrap())?;
        // One breaking edit among them breaks the whole, unless another undoes it:
        // no two edits of the list touch the same thing in opposite ways.
        let singly_breaking = picks.iter().any(|&p| (EDITS[p].expect)(style) == Expect::Breaking);
        prop_assert_eq!(report.is_breaking(), singly_breaking, "{}:\n{}", what, report);
    }
}
