//! A second, independent opinion on the generated documents, from Python:
//! `openapi-spec-validator` checks each OpenAPI document (strict and client) against
//! the OpenAPI 3.1 specification, and `jsonschema` checks each JSON Schema against
//! the 2020-12 metaschema and validates every example of the OpenAPI document with
//! it: the strict schema refuses the example with its code unknown, the client
//! schema accepts it.
//!
//! Without Python or those packages the test says so and passes, except where
//! `ERRORS_CATALOG_REQUIRE_PYTHON=1` (set by `.ci/run`, which installs them) makes it
//! mandatory.

#[path = "support/evolution.rs"]
mod evolution;

use std::path::Path;
use std::process::Command;

use errors_catalog::Catalog;
use errors_docs::{Reference, SchemaMode};

#[path = "support/python.rs"]
mod python;
use python::python_ready;

const SCRIPT: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

checked = 0
for base in sys.argv[1:]:
    with open(base + ".openapi.json") as f:
        document = json.load(f)
    with open(base + ".schema.json") as f:
        schema = json.load(f)
    with open(base + ".client.openapi.json") as f:
        client_document = json.load(f)
    with open(base + ".client.schema.json") as f:
        client_schema = json.load(f)
    validate(document)
    validate(client_document)
    Draft202012Validator.check_schema(schema)
    Draft202012Validator.check_schema(client_schema)
    validator = Draft202012Validator(schema)
    client = Draft202012Validator(client_schema)
    for code, example in document["components"]["examples"].items():
        for which, v in (("strict", validator), ("client", client)):
            errors = list(v.iter_errors(example["value"]))
            if errors:
                sys.exit(f"{base}: the example of {code} is invalid ({which}): {errors[0].message}")
        checked += 1
    for code, example in document["components"]["examples"].items():
        # The same body with the code (under whatever key the envelope uses) unknown.
        body = json.loads(json.dumps(example["value"]))
        holders = [body] + [v for v in body.values() if isinstance(v, dict)]
        replaced = 0
        for holder in holders:
            for key, value in list(holder.items()):
                if value == code:
                    holder[key] = "NO_SUCH_CODE"
                    replaced += 1
        if replaced == 0:
            sys.exit(f"{base}: the code {code} is not in its example")
        if validator.is_valid(body):
            sys.exit(f"{base}: an unknown code passes as {code}")
        client_errors = list(client.iter_errors(body))
        if client_errors:
            sys.exit(f"{base}: the client schema refuses an unknown code: {client_errors[0].message}")
print(f"validated {len(sys.argv) - 1} OpenAPI documents and {checked} examples")
"#;

#[test]
fn openapi_documents_and_schemas_pass_the_python_validators() {
    if !python_ready(
        &["jsonschema", "openapi_spec_validator"],
        "jsonschema openapi-spec-validator",
    ) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalogs = root.join("crates/errors-runtime/tests/catalogs");
    let mut paths = vec![root.join("catalog.toml")];
    for name in [
        "bundled_nested",
        "bundled_typed",
        "bundled_problem",
        "values_flat",
        "values_nested",
        "values_typed",
        "values_problem",
        "seed_001",
        "seed_004",
        "problem_renamed",
        "flat_renamed",
        "headers",
    ] {
        paths.push(catalogs.join(format!("{name}.toml")));
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python_validators");
    std::fs::create_dir_all(&out).unwrap();
    let mut bases = Vec::new();
    for path in &paths {
        let catalog = Catalog::load(path).unwrap_or_else(|d| panic!("{}", d.render()));
        let reference = Reference::from(&catalog);
        let base = out.join(path.file_stem().unwrap());
        for (mode, suffix) in [(SchemaMode::Strict, ""), (SchemaMode::Client, "client.")] {
            std::fs::write(
                base.with_extension(format!("{suffix}openapi.json")),
                errors_docs::openapi(&reference, "1.0.0", mode),
            )
            .unwrap();
            std::fs::write(
                base.with_extension(format!("{suffix}schema.json")),
                errors_docs::json_schema(&reference, mode),
            )
            .unwrap();
        }
        bases.push(base);
    }
    let output = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .args(&bases)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.starts_with(&format!("validated {} OpenAPI documents", paths.len())),
        "{said}"
    );
}

const EVOLUTION: &str = r#"
import json, sys
from jsonschema import Draft202012Validator

checked = 0
for base in sys.argv[1:]:
    with open(base + ".json") as f:
        case = json.load(f)
    client = Draft202012Validator(case["client"])
    strict = Draft202012Validator(case["strict"])
    for code, body in case["bodies"]:
        errors = list(client.iter_errors(body))
        if errors:
            sys.exit(f"{base}: the old client schema refuses the new {code}: {errors[0].message}")
        if strict.is_valid(body) == (code in case["changed"]):
            sys.exit(f"{base}: the old strict schema is wrong about the new {code}")
        checked += 1
print(f"validated {checked} bodies")
"#;

/// The bodies of the catalog's next compatible version (a new code, a new optional
/// field, a reworded message, details on a code that had none) against the old
/// schemas, with Python's `jsonschema`: the client schema accepts each, the strict
/// one refuses those that changed.
#[test]
fn python_reads_the_next_version_with_the_old_client_schema() {
    if !python_ready(
        &["jsonschema", "openapi_spec_validator"],
        "jsonschema openapi-spec-validator",
    ) {
        return;
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python_evolution");
    std::fs::create_dir_all(&out).unwrap();
    let mut bases = Vec::new();
    let mut bodies = 0;
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let parse = |text: String| serde_json::from_str::<serde_json::Value>(&text).unwrap();
        let new = evolution::bodies(&evolution::new(style));
        bodies += new.len();
        let case = serde_json::json!({
            "client": parse(errors_docs::json_schema(&old, SchemaMode::Client)),
            "strict": parse(errors_docs::json_schema(&old, SchemaMode::Strict)),
            "bodies": new,
            "changed": evolution::CHANGED,
        });
        let base = out.join(style.as_str());
        std::fs::write(base.with_extension("json"), case.to_string()).unwrap();
        bases.push(base);
    }
    let output = Command::new("python3")
        .arg("-c")
        .arg(EVOLUTION)
        .args(&bases)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(said.trim(), format!("validated {bodies} bodies"));
}
