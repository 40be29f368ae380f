//! What a client in another language needs to read a field back from a message: the
//! template (`x-message-template`), its translations (`x-message-translations`) and,
//! for a message chosen by an enum field, each value's template (`x-message-by`).

use errors_docs::{Reference, SchemaMode};
use serde_json::{Value, json};

const CATALOG: &str = r#"
[errors.NOT_FOUND]
status = 404
message = "No {kind} here."
[errors.NOT_FOUND.details]
kind = { type = "string", details = false }

[errors.QUOTA]
status = 429
message = "Quota {limit} exceeded."
[errors.QUOTA.details]
limit = "u32"

[errors.TAKEN]
status = 409
message = { by = "field", values = { email = "Email already registered", name = "Name already in use" } }
[errors.TAKEN.details]
field = { type = { enum = ["email", "name"] }, details = false }

[errors.SENT]
status = 409
message = { by = "field", values = { email = "Email taken", name = "Name taken" } }
[errors.SENT.details]
field = { type = { enum = ["email", "name"] } }

[locales.fr.errors.NOT_FOUND]
message = "Aucun {kind} ici."

[locales.de.errors.NOT_FOUND]
message = "Kein {kind} hier."

[locales.fr.errors.QUOTA]
message = "Quota {limit} dépassé."
"#;

/// Each code's definitions in the client and strict JSON Schema and OpenAPI
/// documents, with each document's text.
fn definitions() -> Vec<(Value, String)> {
    let catalog = errors_catalog::Catalog::from_str("catalog.toml", CATALOG)
        .unwrap_or_else(|d| panic!("{}", d.render()));
    let reference = Reference::from(&catalog);
    let mut all = Vec::new();
    for mode in [SchemaMode::Client, SchemaMode::Strict] {
        let text = errors_docs::json_schema(&reference, mode);
        let schema: Value = serde_json::from_str(&text).unwrap();
        all.push((schema["$defs"].clone(), text));
        let text = errors_docs::openapi(&reference, "1.0.0", mode);
        let openapi: Value = serde_json::from_str(&text).unwrap();
        all.push((openapi["components"]["schemas"].clone(), text));
    }
    all
}

#[test]
fn a_message_read_back_carries_its_translations_in_catalog_order() {
    for (defs, text) in definitions() {
        let not_found = &defs["NOT_FOUND"];
        assert_eq!(not_found["x-message-template"], json!("No {kind} here."));
        assert_eq!(
            not_found["x-message-translations"],
            json!({"fr": "Aucun {kind} ici.", "de": "Kein {kind} hier."})
        );
        // In the order of `[locales]` in the catalog: fr first.
        assert!(text.find("Aucun {kind}").unwrap() < text.find("Kein {kind}").unwrap());
        assert!(not_found.get("x-message-by").is_none(), "{not_found}");
        // Nothing is read back from QUOTA's message: no template, no translations.
        assert!(defs["QUOTA"].get("x-message-template").is_none());
        assert!(defs["QUOTA"].get("x-message-translations").is_none());
    }
}

#[test]
fn a_message_chosen_by_a_field_read_back_carries_every_template() {
    for (defs, _) in definitions() {
        let taken = &defs["TAKEN"];
        assert_eq!(
            taken["x-message-by"],
            json!({
                "field": "field",
                "templates": {
                    "email": "Email already registered",
                    "name": "Name already in use",
                },
            }),
            "{taken}"
        );
        // The first value's template alone would mislead a client.
        assert!(taken.get("x-message-template").is_none(), "{taken}");
        // The field is in `details`: nothing to read back from the message.
        assert!(
            defs["SENT"].get("x-message-by").is_none(),
            "{}",
            defs["SENT"]
        );
    }
}
