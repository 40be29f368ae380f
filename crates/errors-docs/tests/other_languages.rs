//! Types for other languages, generated from the strict schema of the bundled
//! catalog the way a client team would, then used:
//!
//! - TypeScript: `json-schema-to-typescript` writes the types, `tsc --strict` compiles
//!   them with a hand-written `switch` over the codes (`tests/other_languages/handle.ts`)
//!   that narrows each code's details and has a default branch for codes the build
//!   does not know, and Node runs it on every code's example body and an unknown code.
//! - Python: `datamodel-code-generator` writes pydantic models, one named class per
//!   code, which parse every example body into its code's class.
//!
//! The tools come from npm and PyPI (`.ci/run` installs them: the Node packages under
//! `$ERRORS_CATALOG_NODE_TOOLS`, a directory with `node_modules/.bin/`). Without them a
//! test says so and passes, unless `ERRORS_CATALOG_REQUIRE_NODE=1` or
//! `ERRORS_CATALOG_REQUIRE_PYTHON=1` makes it a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use errors_catalog::Catalog;
use errors_docs::{Example, Reference, SchemaMode};

/// The bundled catalog's reference.
fn bundled() -> Reference {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog.toml");
    Reference::from(&Catalog::load(path).unwrap_or_else(|d| panic!("{}", d.render())))
}

/// A fresh directory for one tool's files.
fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("other_languages")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every code's example body, as a JSON array, then one of a code no build knows.
fn examples(reference: &Reference) -> (String, Vec<&str>) {
    let mut bodies: Vec<String> = reference
        .codes
        .iter()
        .map(|code| Example::of(reference, code).body)
        .collect();
    bodies.push(
        r#"{"success": false, "errorCode": "BRAND_NEW", "message": "From a later server."}"#
            .to_owned(),
    );
    let codes = reference.codes.iter().map(|c| c.code.as_str()).collect();
    (format!("[{}]", bodies.join(",")), codes)
}

/// Runs `command` in `dir`; its output, or a panic with what it said.
fn run(command: &mut Command, dir: &Path) -> Output {
    let output = command
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Whether a tool is there; when it is not, a failure if `require` is set to `1`,
/// else a message and a skip.
fn ready(found: Result<(), String>, require: &str, install: &str) -> bool {
    let Err(why) = found else { return true };
    let required = std::env::var_os(require).is_some_and(|v| v == "1");
    assert!(!required, "{require}=1 but {why} ({install})");
    eprintln!("SKIPPED: {why} ({install}); set {require}=1 to make this a failure");
    false
}

/// `tsc` and `json2ts` under `$ERRORS_CATALOG_NODE_TOOLS/node_modules/.bin`.
fn node_tools() -> Option<PathBuf> {
    let install = "npm install --no-save --prefix DIR typescript json-schema-to-typescript, then ERRORS_CATALOG_NODE_TOOLS=DIR";
    let found = match std::env::var_os("ERRORS_CATALOG_NODE_TOOLS") {
        None => Err("ERRORS_CATALOG_NODE_TOOLS is not set".to_owned()),
        Some(dir) => {
            let bin = PathBuf::from(dir).join("node_modules/.bin");
            match ["tsc", "json2ts"].iter().find(|t| !bin.join(t).exists()) {
                Some(missing) => Err(format!("no {missing} in {}", bin.display())),
                None => match Command::new("node").arg("--version").output() {
                    Ok(o) if o.status.success() => Ok(bin),
                    _ => Err("node is not on the PATH".to_owned()),
                },
            }
        }
    };
    let bin = found.as_ref().ok().cloned();
    ready(found.map(drop), "ERRORS_CATALOG_REQUIRE_NODE", install).then_some(bin?)
}

#[test]
fn typescript_types_from_the_strict_schema_narrow_each_code() {
    let Some(bin) = node_tools() else { return };
    let reference = bundled();
    let dir = workdir("typescript");
    std::fs::write(
        dir.join("catalog.schema.json"),
        errors_docs::json_schema(&reference, SchemaMode::Strict),
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/other_languages/handle.ts"),
        dir.join("handle.ts"),
    )
    .unwrap();
    run(
        Command::new(bin.join("json2ts"))
            .args(["-i", "catalog.schema.json", "-o", "catalog.d.ts"])
            .arg("--no-additionalProperties"),
        &dir,
    );
    let types = std::fs::read_to_string(dir.join("catalog.d.ts")).unwrap();
    for name in [
        "export interface RATE_LIMITED ",
        "export interface RateLimitedDetails ",
    ] {
        assert!(types.contains(name), "no `{name}` in the generated types");
    }
    run(
        Command::new(bin.join("tsc")).args([
            "--strict",
            "--noEmitOnError",
            "--target",
            "es2022",
            "--module",
            "commonjs",
            "--outDir",
            "out",
            "handle.ts",
            "catalog.d.ts",
        ]),
        &dir,
    );
    let (bodies, codes) = examples(&reference);
    std::fs::write(dir.join("examples.json"), bodies).unwrap();
    let output = run(
        Command::new("node").arg("-e").arg(
            "const { describe } = require('./out/handle.js');\
             for (const body of require('./examples.json')) console.log(describe(body));",
        ),
        &dir,
    );
    let said = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), codes.len() + 1, "{said}");
    for (line, code) in lines.iter().zip(&codes) {
        assert!(line.starts_with(&format!("{code}: ")), "{line}");
    }
    assert!(
        lines.contains(&"RATE_LIMITED: retry in 42 s (<category>)"),
        "{said}"
    );
    assert!(lines.contains(&"INVALID_REQUEST: email"), "{said}");
    assert!(
        lines.contains(&"SESSION_FULL: <session_id> (42, waitlist true)"),
        "{said}"
    );
    assert_eq!(lines.last(), Some(&"BRAND_NEW: From a later server."));
}

const PARSE: &str = r#"
import json, sys
sys.path.insert(0, ".")
import models

codes = sys.argv[1:]
with open("examples.json") as f:
    bodies = json.load(f)
for code, body in zip(codes, bodies):
    parsed = models.ApiErrorResponse.model_validate(body).root
    expected = getattr(models, code.replace("_", ""))
    if type(parsed) is not expected:
        sys.exit(f"{code} parses as {type(parsed).__name__}, not {expected.__name__}")
rate = models.ApiErrorResponse.model_validate(bodies[codes.index("RATE_LIMITED")]).root
print(f"parsed {len(codes)} bodies; RATE_LIMITED retry after {rate.details.retryAfter}")
"#;

fn python_tools() -> bool {
    let probe = Command::new("python3")
        .args(["-c", "import datamodel_code_generator, pydantic"])
        .output();
    let found = match probe {
        Ok(output) if output.status.success() => Ok(()),
        Ok(output) => Err(String::from_utf8_lossy(&output.stderr).trim().to_owned()),
        Err(e) => Err(format!("python3: {e}")),
    };
    ready(
        found,
        "ERRORS_CATALOG_REQUIRE_PYTHON",
        "pip install datamodel-code-generator",
    )
}

#[test]
fn python_models_from_the_strict_schema_have_a_class_per_code() {
    if !python_tools() {
        return;
    }
    let reference = bundled();
    let dir = workdir("python");
    std::fs::write(
        dir.join("catalog.schema.json"),
        errors_docs::json_schema(&reference, SchemaMode::Strict),
    )
    .unwrap();
    run(
        Command::new("python3").args([
            "-m",
            "datamodel_code_generator",
            "--input",
            "catalog.schema.json",
            "--input-file-type",
            "jsonschema",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--class-name",
            "ApiErrorResponse",
            "--output",
            "models.py",
        ]),
        &dir,
    );
    let (bodies, codes) = examples(&reference);
    std::fs::write(dir.join("examples.json"), bodies).unwrap();
    let output = run(
        Command::new("python3").arg("-c").arg(PARSE).args(&codes),
        &dir,
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("parsed {} bodies; RATE_LIMITED retry after 42", codes.len())
    );
}
