//! SPEC 9.4 in the reference and the schemas: aliases under their code, the
//! deprecation with its replacement, and after-refresh retries.

#![cfg(feature = "catalog")]

use errors_catalog::Catalog;
use errors_docs::{Reference, SchemaMode};
use serde_json::Value;

const CATALOG: &str = r#"
[errors.QUOTA_EXCEEDED]
status = 429
message = "Quota exceeded."
aliases = ["RATE_LIMITED", "TOO_MANY_REQUESTS"]

[errors.OLD_THING]
status = 410
message = "Gone."
deprecated = { since = "2.3", replacement = "QUOTA_EXCEEDED", remove_after = "2027-06-01" }

[errors.TOKEN_EXPIRED]
status = 401
message = "Token expired."
retry = "after_refresh"
"#;

fn reference() -> Reference {
    Reference::from(&Catalog::from_str("catalog.toml", CATALOG).unwrap())
}

#[test]
fn the_markdown_reference_lists_aliases_deprecation_and_refresh() {
    let md = errors_docs::markdown(&reference());
    assert!(
        md.contains("| [`TOKEN_EXPIRED`](#TOKEN_EXPIRED) | 401 | after refresh |"),
        "{md}"
    );
    let quota = section(&md, "### `QUOTA_EXCEEDED`");
    assert!(
        quota.contains("Old spellings, decoded as this code: `RATE_LIMITED`, `TOO_MANY_REQUESTS`."),
        "{quota}"
    );
    let old = section(&md, "### `OLD_THING`");
    assert!(
        old.contains("> **Deprecated.** Use QUOTA_EXCEEDED instead. Deprecated since 2.3; to be removed after 2027-06-01. Replacement: [`QUOTA_EXCEEDED`](#QUOTA_EXCEEDED)."),
        "{old}"
    );
    let expired = section(&md, "### `TOKEN_EXPIRED`");
    assert!(
        expired.contains("**401 Unauthorized** · retried after a credentials refresh"),
        "{expired}"
    );
    assert!(
        expired.contains("Retried once after a credentials refresh")
            && expired.contains("whatever its method"),
        "{expired}"
    );
    assert!(
        !section(&md, "### `QUOTA_EXCEEDED`").contains("Deprecated"),
        "{md}"
    );
}

#[test]
fn the_html_reference_lists_aliases_deprecation_and_refresh() {
    let html = errors_docs::html(&reference());
    assert!(
        html.contains("<p class=\"aliases\">Old spellings, decoded as this code: <code>RATE_LIMITED</code>, <code>TOO_MANY_REQUESTS</code>.</p>"),
        "{html}"
    );
    assert!(
        html.contains(
            "Replacement: <a href=\"#QUOTA_EXCEEDED\"><code>QUOTA_EXCEEDED</code></a>.</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<td>401</td><td>after refresh</td>"),
        "{html}"
    );
    assert!(
        html.contains("retried after a credentials refresh</span>"),
        "{html}"
    );
    // Searching for an old spelling finds the code.
    assert!(html.contains("data-search=\"quota_exceeded 429 quota exceeded quota exceeded. retryable rate_limited too_many_requests\""), "{html}");
}

/// The definition of `code` in a JSON Schema or OpenAPI document.
fn branch<'a>(document: &'a Value, code: &str) -> &'a Value {
    let defs = document
        .get("$defs")
        .or_else(|| document.pointer("/components/schemas"))
        .expect("definitions");
    &defs[code]
}

#[test]
fn the_schemas_mark_deprecation_replacement_and_refresh() {
    let r = reference();
    for mode in [SchemaMode::Client, SchemaMode::Strict] {
        let schema: Value = serde_json::from_str(&errors_docs::json_schema(&r, mode)).unwrap();
        let openapi: Value =
            serde_json::from_str(&errors_docs::openapi(&r, "1.0.0", mode)).unwrap();
        for document in [&schema, &openapi] {
            let old = branch(document, "OLD_THING");
            assert_eq!(old["deprecated"], Value::Bool(true), "{old}");
            assert_eq!(old["x-replacement"], "QUOTA_EXCEEDED", "{old}");
            let expired = branch(document, "TOKEN_EXPIRED");
            assert_eq!(expired["x-retryable"], Value::Bool(false), "{expired}");
            assert_eq!(expired["x-retry"], "after_refresh", "{expired}");
            assert!(expired.get("deprecated").is_none(), "{expired}");
            let quota = branch(document, "QUOTA_EXCEEDED");
            assert_eq!(
                quota["x-aliases"],
                serde_json::json!(["RATE_LIMITED", "TOO_MANY_REQUESTS"])
            );
            assert!(quota.get("x-retry").is_none() && quota.get("x-replacement").is_none());
        }
    }
}

/// The part of `md` from `heading` to the next code's heading.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let rest = &md[start + heading.len()..];
    &rest[..rest.find("\n### ").unwrap_or(rest.len())]
}
