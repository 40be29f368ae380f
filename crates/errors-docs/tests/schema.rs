//! The generated JSON Schema and OpenAPI document against every envelope the project
//! produces, checked with an independent validator (the `jsonschema` crate): every
//! code of the bundled catalog and of the runtime's test catalogs, in all four styles.
//!
//! For each catalog, compiled with `catalog!` and loaded as a file:
//! - the reference from the catalog file equals the one from the generated metadata;
//! - each code's example response decodes with the runtime into the typed error,
//!   whose own envelope is exactly the example (so the examples are what a service
//!   sends);
//! - every envelope the runtime writes for each code (every field set to extreme
//!   values, optional fields set and unset, with and without request id and
//!   timestamp) is valid against the schema and against the OpenAPI document's
//!   components;
//! - wrong bodies are rejected: a required field missing, a wrong type, an unknown
//!   code, `details` on a code that sends none, an unknown member.

use errors_catalog::Catalog;
use errors_docs::DetailType;
use errors_docs::{EXAMPLE_REQUEST_ID, EnvelopeStyle, Example, Reference, SchemaMode};
use errors_runtime::meta::FieldMeta;
use errors_runtime::{Decode, ErrorCode, Timestamp, WireDetails, decode_response};
use serde_json::{Map, Value, json};

macro_rules! catalogs {
    ($($module:ident: $ty:ident = $path:literal,)*) => {
        $(
            #[allow(deprecated)]
            mod $module {
                errors_runtime::catalog!($path);
            }
        )*
        const CASES: &[(&str, fn(&str))] = &[$(($path, check_catalog::<$module::$ty>),)*];
    };
}

catalogs! {
    bundled: ApiError = "../../catalog.toml",
    bundled_nested: NestedApiError = "../errors-runtime/tests/catalogs/bundled_nested.toml",
    bundled_typed: TypedApiError = "../errors-runtime/tests/catalogs/bundled_typed.toml",
    bundled_problem: ProblemApiError = "../errors-runtime/tests/catalogs/bundled_problem.toml",
    values_flat: FlatValues = "../errors-runtime/tests/catalogs/values_flat.toml",
    values_nested: NestedValues = "../errors-runtime/tests/catalogs/values_nested.toml",
    values_typed: TypedValues = "../errors-runtime/tests/catalogs/values_typed.toml",
    values_problem: ProblemValues = "../errors-runtime/tests/catalogs/values_problem.toml",
    seed_001: ApiError = "../errors-runtime/tests/catalogs/seed_001.toml",
    seed_001_flat: ApiError = "../errors-runtime/tests/catalogs/seed_001_flat.toml",
    seed_001_typed: ApiError = "../errors-runtime/tests/catalogs/seed_001_typed.toml",
    seed_001_problem: ApiError = "../errors-runtime/tests/catalogs/seed_001_problem.toml",
    seed_004: ApiError = "../errors-runtime/tests/catalogs/seed_004.toml",
    flat_renamed: RenamedError = "../errors-runtime/tests/catalogs/flat_renamed.toml",
    problem_renamed: RenamedProblem = "../errors-runtime/tests/catalogs/problem_renamed.toml",
    nested: SessionApiError = "../errors-runtime/tests/catalogs/nested.toml",
    typed: PaymentsError = "../errors-runtime/tests/catalogs/typed.toml",
    problem: ProblemError = "../errors-runtime/tests/catalogs/problem.toml",
    headers: HeaderError = "../errors-runtime/tests/catalogs/headers.toml",
    service: ServiceError = "../errors-runtime/tests/catalogs/service.toml",
    client_policy: PolicyError = "../errors-runtime/tests/catalogs/client_policy.toml",
    empty_details_flat: ApiError = "../errors-runtime/tests/catalogs/empty_details_flat.toml",
    empty_details_nested: ApiError = "../errors-runtime/tests/catalogs/empty_details_nested.toml",
    empty_details_typed: ApiError = "../errors-runtime/tests/catalogs/empty_details_typed.toml",
    empty_details_problem: ApiError = "../errors-runtime/tests/catalogs/empty_details_problem.toml",
}

#[test]
fn every_envelope_of_every_catalog_fits_its_schema() {
    let mut styles = std::collections::BTreeSet::new();
    for (path, check) in CASES {
        check(path);
        let catalog = Catalog::load(path).unwrap();
        styles.insert(catalog.envelope.style.as_str());
    }
    assert_eq!(
        styles.into_iter().collect::<Vec<_>>(),
        ["flat", "nested", "problem", "typed"],
        "every style is covered"
    );
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, body: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: {body}\nis invalid:\n{}",
        errors.join("\n")
    );
}

fn assert_invalid(validator: &jsonschema::Validator, body: &Value, what: &str) {
    assert!(
        !validator.is_valid(body),
        "{what}: the schema accepts {body}"
    );
}

fn check_catalog<E: Decode + PartialEq>(path: &str) {
    let catalog = Catalog::load(path).unwrap_or_else(|d| panic!("{}", d.render()));
    let reference = Reference::from(&catalog);
    assert_eq!(
        reference,
        errors_runtime::docs::reference::<E>(),
        "{path}: the reference from the catalog file and from the metadata differ"
    );

    let schema: Value =
        serde_json::from_str(&errors_docs::json_schema(&reference, SchemaMode::Strict)).unwrap();
    jsonschema::meta::validate(&schema)
        .unwrap_or_else(|e| panic!("{path}: not a valid 2020-12 schema: {e}"));
    let by_schema = validator(&schema);

    // The OpenAPI components, as a schema: the document with a root `$ref`.
    let mut openapi: Value = serde_json::from_str(&errors_docs::openapi(
        &reference,
        "1.0.0",
        SchemaMode::Strict,
    ))
    .unwrap();
    openapi["$ref"] = json!(format!("#/components/schemas/{}", reference.name));
    let by_openapi = validator(&openapi);

    for (index, code) in reference.codes.iter().enumerate() {
        let what = format!("{path}: {}", code.code);

        // The example is what the runtime sends for that error.
        let example = Example::of(&reference, code);
        let sent: Value = serde_json::from_str(&example.body).unwrap();
        let decoded =
            decode_response::<E>(example.status, &example.headers, example.body.as_bytes())
                .unwrap_or_else(|e| panic!("{what}: the example does not decode: {e}"));
        let error = decoded
            .known()
            .unwrap_or_else(|| panic!("{what}: the example decodes as {:?}", decoded.error()));
        let again: Value = serde_json::from_str(
            &error
                .envelope()
                .request_id(EXAMPLE_REQUEST_ID)
                .timestamp(decoded.timestamp().expect("the example has a timestamp"))
                .to_json(),
        )
        .unwrap();
        assert_eq!(
            again, sent,
            "{what}: the runtime writes another envelope than the example"
        );
        assert_valid(&by_schema, &sent, &what);
        assert_valid(&by_openapi, &sent, &format!("{what} (OpenAPI)"));

        // Envelopes of errors built from other values, optional fields set and unset.
        let meta = &E::CATALOG.errors[index];
        assert_eq!(meta.code, code.code);
        let outside_details = meta.fields.iter().any(|f| !f.internal && !f.in_details);
        if !outside_details {
            for optional in [true, false] {
                let error = from_wire::<E>(index, optional);
                let at = Timestamp::from_unix_millis(253_402_300_799_999);
                for body in [
                    error.envelope().to_json(),
                    error
                        .envelope()
                        .request_id("r\"{1}")
                        .timestamp(at)
                        .to_json(),
                ] {
                    let body: Value = serde_json::from_str(&body).unwrap();
                    assert_valid(&by_schema, &body, &what);
                    assert_valid(&by_openapi, &body, &format!("{what} (OpenAPI)"));
                }
            }
        }

        for (wrong, why) in wrong_bodies(&reference, code, &sent) {
            assert_invalid(&by_schema, &wrong, &format!("{what}: {why}"));
            assert_invalid(&by_openapi, &wrong, &format!("{what} (OpenAPI): {why}"));
        }
    }
}

/// An error of the code at `index` built from extreme wire values.
fn from_wire<E: Decode>(index: usize, optional: bool) -> E {
    let meta = &E::CATALOG.errors[index];
    let members: Map<String, Value> = meta
        .fields
        .iter()
        .filter(|f: &&FieldMeta| !f.internal && (optional || !f.optional))
        .map(|f| (f.wire.to_owned(), extreme(&f.ty)))
        .collect();
    let code = <E::Code as ErrorCode>::ALL[index];
    E::from_wire(code, WireDetails::new(code.as_str(), Some(&members)))
        .unwrap_or_else(|e| panic!("{}: from_wire: {e}", meta.code))
}

fn extreme(ty: &DetailType) -> Value {
    match ty {
        DetailType::String => json!("a \"quoted\" {brace} \\ \u{1} é 中 \n"),
        DetailType::Bool => json!(false),
        DetailType::I32 => json!(i32::MIN),
        DetailType::I64 => json!(i64::MIN),
        DetailType::U32 => json!(u32::MAX),
        DetailType::U64 => json!(u64::MAX),
        DetailType::F64 => json!(-1.5e300),
        DetailType::Json => json!({"nested": [1, "two", null, {"x": 1.5}]}),
        DetailType::FieldViolations => json!([
            {"path": "email", "message": "must be a valid email", "rule": "email"},
            {"path": "items[2].sku", "message": "unknown {sku}"}
        ]),
        DetailType::List(inner) => json!([extreme(inner), extreme(inner)]),
    }
}

/// The object that holds `code`'s detail fields in `body`, by style.
fn details_mut<'a>(reference: &Reference, body: &'a mut Value) -> Option<&'a mut Value> {
    let keys = &reference.envelope.keys;
    match reference.envelope.style {
        EnvelopeStyle::Flat => body.get_mut(&keys.details),
        EnvelopeStyle::Nested | EnvelopeStyle::Typed => {
            body.get_mut(&keys.error)?.get_mut(&keys.details)
        }
        EnvelopeStyle::Problem => Some(body),
    }
}

/// The members object of the envelope (inside `error` where there is one).
fn members_mut<'a>(reference: &Reference, body: &'a mut Value) -> &'a mut Value {
    if reference.envelope.style.is_wrapped() {
        &mut body[&reference.envelope.keys.error]
    } else {
        body
    }
}

/// Bodies the schema must refuse, each with why.
fn wrong_bodies(
    reference: &Reference,
    code: &errors_docs::Code,
    sent: &Value,
) -> Vec<(Value, String)> {
    let keys = &reference.envelope.keys;
    let mut out = Vec::new();

    let mut unknown = sent.clone();
    members_mut(reference, &mut unknown)[&keys.code] = json!("NO_SUCH_CODE_IN_THIS_CATALOG");
    out.push((unknown, "an unknown code".to_owned()));

    let mut extra = sent.clone();
    members_mut(reference, &mut extra)["unexpected_member"] = json!(1);
    out.push((extra, "an unknown member".to_owned()));

    let mut message = sent.clone();
    members_mut(reference, &mut message)[if reference.envelope.style == EnvelopeStyle::Problem {
        &keys.detail
    } else {
        &keys.message
    }] = json!(42);
    out.push((message, "a message that is not a string".to_owned()));

    if !code.sends_details() && reference.envelope.style != EnvelopeStyle::Problem {
        let mut details = sent.clone();
        members_mut(reference, &mut details)[&keys.details] = json!({});
        out.push((details, "`details` on a code that sends none".to_owned()));
    }
    for field in code.detail_fields() {
        if !field.optional {
            let mut missing = sent.clone();
            if let Some(Value::Object(details)) = details_mut(reference, &mut missing) {
                details.remove(&field.wire);
            }
            out.push((
                missing,
                format!("the required field `{}` missing", field.wire),
            ));
        }
        let wrong = match &field.ty {
            errors_docs::DetailType::Json => continue, // any value fits
            errors_docs::DetailType::String => json!(7),
            _ => json!({"not": "this type"}),
        };
        let mut retyped = sent.clone();
        if let Some(details) = details_mut(reference, &mut retyped) {
            details[&field.wire] = wrong;
        }
        out.push((
            retyped,
            format!("the field `{}` of the wrong type", field.wire),
        ));
    }
    out
}

#[test]
fn out_of_range_numbers_and_non_finite_floats() {
    let catalog = Catalog::from_str(
        "c.toml",
        r#"
        [catalog]
        envelope = "flat"
        [errors.X]
        status = 400
        message = "x"
        details = { small = "u32", signed = "i32", ratio = "f64", list = "[u64]" }
        "#,
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&errors_docs::json_schema(
        &Reference::from(&catalog),
        SchemaMode::Strict,
    ))
    .unwrap();
    let v = validator(&schema);
    let body = |details: Value| json!({"success": false, "errorCode": "X", "message": "x", "details": details});
    assert_valid(
        &v,
        &body(
            json!({"small": 4294967295u32, "signed": -2147483648i32, "ratio": "NaN", "list": [0]}),
        ),
        "in range",
    );
    assert_valid(
        &v,
        &body(json!({"small": 0, "signed": 1, "ratio": "-Infinity", "list": []})),
        "in range",
    );
    for wrong in [
        json!({"small": 4294967296u64, "signed": 0, "ratio": 0.5, "list": []}),
        json!({"small": -1, "signed": 0, "ratio": 0.5, "list": []}),
        json!({"small": 1.5, "signed": 0, "ratio": 0.5, "list": []}),
        json!({"small": 1, "signed": 2147483648u64, "ratio": 0.5, "list": []}),
        json!({"small": 1, "signed": 0, "ratio": "nan", "list": []}),
        json!({"small": 1, "signed": 0, "ratio": 0.5, "list": [-1]}),
        json!({"small": 1, "signed": 0, "ratio": 0.5, "list": [1], "extra": 1}),
    ] {
        assert_invalid(&v, &body(wrong.clone()), &wrong.to_string());
    }
    // A message other than the template's text.
    assert_invalid(
        &v,
        &json!({"success": false, "errorCode": "X", "message": "y", "details": {"small": 1, "signed": 1, "ratio": 1.0, "list": []}}),
        "message",
    );
}

#[test]
fn a_templated_message_must_match_its_literal_text() {
    let catalog = Catalog::from_str(
        "c.toml",
        "[catalog]\nenvelope = \"flat\"\n[errors.X]\nstatus = 400\nmessage = \"Wait (about) {n} s. [sic] {{x}}\"\ndetails.n = \"u32\"\n",
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&errors_docs::json_schema(
        &Reference::from(&catalog),
        SchemaMode::Strict,
    ))
    .unwrap();
    let v = validator(&schema);
    let body = |message: &str| json!({"success": false, "errorCode": "X", "message": message, "details": {"n": 3}});
    assert_valid(&v, &body("Wait (about) 3 s. [sic] {x}"), "rendered");
    assert_valid(
        &v,
        &body("Wait (about) any\ntext s. [sic] {x}"),
        "any value",
    );
    assert_invalid(&v, &body("Wait about 3 s. [sic] {x}"), "other text");
    assert_invalid(
        &v,
        &body("Wait (about) 3 s. [sic] {x} and more"),
        "trailing text",
    );
}

/// RFC 9457 lets a problem carry `instance` (a URI reference): the schema allows it as
/// a string under the catalog's key, the client decodes such a body, and a detail
/// field may take the default name once the member is renamed.
#[test]
fn a_problem_may_carry_its_instance_under_its_key() {
    fn check<E: Decode + PartialEq + std::fmt::Debug>(path: &str, instance_key: &str) {
        let reference = Reference::from(&Catalog::load(path).unwrap());
        assert_eq!(reference.envelope.keys.instance, instance_key);
        let schema: Value =
            serde_json::from_str(&errors_docs::json_schema(&reference, SchemaMode::Strict))
                .unwrap();
        let validator = validator(&schema);
        for code in &reference.codes {
            let example = Example::of(&reference, code);
            let mut body: Value = serde_json::from_str(&example.body).unwrap();
            body[instance_key] = json!("/bookings/42");
            assert_valid(&validator, &body, &format!("{path}: {}", code.code));
            let decoded = errors_runtime::decode::<E>(body.to_string().as_bytes())
                .unwrap_or_else(|e| panic!("{path}: {body} does not decode: {e}"));
            let expected = errors_runtime::decode::<E>(example.body.as_bytes()).unwrap();
            assert_eq!(decoded.known(), expected.known(), "{body}");
            body[instance_key] = json!(42);
            assert_invalid(&validator, &body, &format!("{path}: a numeric instance"));
        }
    }
    check::<bundled_problem::ProblemApiError>(
        "../errors-runtime/tests/catalogs/bundled_problem.toml",
        "instance",
    );
    check::<problem_renamed::RenamedProblem>(
        "../errors-runtime/tests/catalogs/problem_renamed.toml",
        "occurrence",
    );
}
