//! The schemas a service serves from its metadata carry what clients need to read a
//! field back from a message, as the command does from the file: translations
//! (`x-message-translations`) and the templates of a message chosen by a field
//! (`x-message-by`).
#![cfg(feature = "docs")]

use errors_docs::SchemaMode;
use serde_json::{Value, json};

mod locales {
    errors_runtime::catalog!("tests/catalogs/locales.toml");
}

mod enums {
    errors_runtime::catalog!("tests/catalogs/enums.toml");
}

fn definitions<E: errors_runtime::CatalogError>() -> Value {
    let reference = errors_runtime::docs::reference::<E>();
    let text = errors_docs::json_schema(&reference, SchemaMode::Client);
    serde_json::from_str::<Value>(&text).unwrap()["$defs"].clone()
}

#[test]
fn translations_of_a_message_read_back() {
    let defs = definitions::<locales::ApiError>();
    let not_found = &defs["NOT_FOUND"];
    assert_eq!(
        not_found["x-message-template"],
        json!("No {kind} with id {id:>4}.")
    );
    assert_eq!(
        not_found["x-message-translations"],
        json!({"fr": "Aucun objet {kind} avec l'identifiant {id:>4}."}),
        "{not_found}"
    );
    // QUOTA_EXCEEDED sends its field in `details`: nothing to read back.
    assert!(
        defs["QUOTA_EXCEEDED"]
            .get("x-message-translations")
            .is_none()
    );
}

#[test]
fn every_template_of_a_message_chosen_by_a_field_read_back() {
    let defs = definitions::<enums::ApiError>();
    assert_eq!(
        defs["TAKEN"]["x-message-by"],
        json!({
            "field": "what",
            "templates": {
                "email": "Email {owner} already registered",
                "name": "The name is {owner}'s",
            },
        })
    );
    assert!(defs["TAKEN"].get("x-message-template").is_none());
    assert!(defs["ALREADY_EXISTS"].get("x-message-by").is_none());
}
