//! Enum fields and violation rules (SPEC 9.3, 9.4): the client schema lists the
//! values as `x-enum` and accepts a value added since, the strict one closes them
//! with `enum`; the reference shows them.

use errors_catalog::Catalog;
use errors_docs::{Reference, SchemaMode};
use serde_json::{Value, json};

const CATALOG: &str = r#"
[catalog]
envelope = "nested"

[errors.VALIDATION_FAILED]
status = 422
message = "Validation failed."
[errors.VALIDATION_FAILED.details]
rule = { type = { enum = ["required", "email", "min_length"] } }
fields = { type = "field_violations", rules = ["required", "unique"] }
"#;

fn reference() -> Reference {
    Reference::from(&Catalog::from_str("catalog.toml", CATALOG).unwrap())
}

fn schema(mode: SchemaMode) -> Value {
    serde_json::from_str(&errors_docs::json_schema(&reference(), mode)).unwrap()
}

fn valid(schema: &Value, body: &Value) -> bool {
    jsonschema::draft202012::new(schema).unwrap().is_valid(body)
}

fn body(rule: &str, violation_rule: &str) -> Value {
    json!({"error": {"code": "VALIDATION_FAILED", "message": "Validation failed.", "details": {
        "rule": rule,
        "fields": [{"path": "email", "message": "taken", "rule": violation_rule}],
    }}})
}

#[test]
fn the_client_schema_lists_values_as_x_enum_and_accepts_new_ones() {
    let schema = schema(SchemaMode::Client);
    let details = &schema["$defs"]["ValidationFailedDetails"]["properties"];
    assert_eq!(
        details["rule"],
        json!({"type": "string", "x-enum": ["required", "email", "min_length"]})
    );
    assert_eq!(
        details["fields"]["items"]["allOf"][1]["properties"]["rule"],
        json!({"type": "string", "x-enum": ["required", "unique"]})
    );
    assert!(valid(&schema, &body("email", "unique")));
    // A value a newer server added is still a string.
    assert!(valid(&schema, &body("phone", "format")));
    assert!(!valid(&schema, &body("1", "unique").tap_rule(json!(1))));
}

#[test]
fn the_strict_schema_closes_them_with_enum() {
    let schema = schema(SchemaMode::Strict);
    let details = &schema["$defs"]["ValidationFailedDetails"]["properties"];
    assert_eq!(
        details["rule"],
        json!({"type": "string", "enum": ["required", "email", "min_length"]})
    );
    assert!(valid(&schema, &body("min_length", "required")));
    assert!(!valid(&schema, &body("phone", "required")));
    assert!(!valid(&schema, &body("email", "format")));
}

#[test]
fn the_reference_shows_the_values() {
    let markdown = errors_docs::markdown(&reference());
    assert!(
        markdown.contains(
            "| `rule` | `rule` | `string`, one of `required`, `email`, `min_length` | yes |"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("`field_violations`, rules: `required`, `unique`"),
        "{markdown}"
    );
    let html = errors_docs::html(&reference());
    assert!(
        html.contains("<td><code>string</code>, one of <code>required</code>, <code>email</code>, <code>min_length</code></td>"),
        "{html}"
    );
    // The example sends a value the field may take.
    assert!(markdown.contains(r#""rule": "required""#), "{markdown}");
}

trait TapRule {
    fn tap_rule(self, rule: Value) -> Value;
}

impl TapRule for Value {
    fn tap_rule(mut self, rule: Value) -> Value {
        self["error"]["details"]["rule"] = rule;
        self
    }
}

#[test]
fn the_reference_lists_every_template_by_value() {
    let catalog = Catalog::from_str(
        "catalog.toml",
        r#"
[errors.ALREADY_EXISTS]
status = 409
message = { by = "field", values = { email = "Email already registered", name = "Name already in use" } }
[errors.ALREADY_EXISTS.details]
field = { type = { enum = ["email", "name"] }, details = false }
"#,
    )
    .unwrap();
    let reference = Reference::from(&catalog);
    let markdown = errors_docs::markdown(&reference);
    assert!(
        markdown.contains(
            "Message, by `field`:\n\n- `email`: `Email already registered`\n- `name`: `Name already in use`\n"
        ),
        "{markdown}"
    );
    // The field that chooses the message is sent in it.
    assert!(
        markdown.contains("| `field` | — | `string`, one of `email`, `name` | yes | message |"),
        "{markdown}"
    );
    let html = errors_docs::html(&reference);
    assert!(
        html.contains(
            "<li><code>name</code>: <code class=\"template\">Name already in use</code></li>"
        ),
        "{html}"
    );
}
