//! Feature `utoipa`: generated error types are `ToSchema` and `IntoResponses`, with
//! the catalog's own schemas, examples and headers; a subset type documents only its
//! codes plus the layer's answers.
#![cfg(feature = "utoipa")]

use std::collections::BTreeSet;

use errors_runtime::CatalogError;
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::{IntoResponses, PartialSchema, ToSchema};

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/bundled_problem.toml");
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/values_typed.toml");
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/values_nested.toml");
}
mod seed_004 {
    errors_runtime::catalog!("tests/catalogs/seed_004.toml");
}

use bundled::{ApiError, ApiErrorCode};

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_schema_is_a_branch_per_code_and_every_component_it_names_is_there() {
    assert_eq!(ApiError::name(), "ApiError");
    let schema = json(&ApiError::schema());
    let branches = schema["oneOf"].as_array().expect("a oneOf");
    assert_eq!(branches.len(), ApiErrorCode::ALL.len());
    let mut components = Vec::new();
    ApiError::schemas(&mut components);
    let names: BTreeSet<&str> = components.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), components.len(), "no component twice");
    for (branch, code) in branches.iter().zip(ApiErrorCode::ALL) {
        assert_eq!(
            branch["$ref"],
            format!("#/components/schemas/{}", code.as_str())
        );
        assert!(names.contains(code.as_str()), "{code} has its component");
    }
    // The discriminator of the flat style, on its code member.
    assert_eq!(schema["discriminator"]["propertyName"], "errorCode");
    // Every detail type, under errors-docs' names.
    for name in [
        "SessionFullDetails",
        "InvalidRequestDetails",
        "field-violation",
    ] {
        assert!(names.contains(name), "{name}");
    }
    // Every reference of every component resolves among them.
    let text = serde_json::to_string(&components.iter().map(|(_, s)| json(s)).collect::<Vec<_>>())
        .unwrap();
    for piece in text.split("\"#/components/schemas/").skip(1) {
        let name = &piece[..piece.find('"').unwrap()];
        assert!(names.contains(name), "dangling reference to {name}");
    }
    let full = components
        .iter()
        .find(|(n, _)| n == "SESSION_FULL")
        .map(|(_, s)| json(s))
        .unwrap();
    assert_eq!(
        full["properties"]["errorCode"]["enum"],
        serde_json::json!(["SESSION_FULL"])
    );
    assert_eq!(
        full["properties"]["details"]["$ref"],
        "#/components/schemas/SessionFullDetails"
    );
    assert_eq!(full["x-retryable"], false);
}

#[test]
fn responses_are_grouped_by_status_with_an_example_per_code_and_the_headers() {
    let responses = ApiError::responses();
    let statuses: BTreeSet<u16> = ApiErrorCode::ALL.iter().map(|c| c.status()).collect();
    let keys: BTreeSet<u16> = responses.keys().map(|k| k.parse().unwrap()).collect();
    assert_eq!(keys, statuses);
    for (status, response) in &responses {
        let RefOr::T(response) = response else {
            panic!("inline responses")
        };
        let response = json(response);
        let content = &response["content"]["application/json"];
        let examples = content["examples"].as_object().unwrap();
        let expected: BTreeSet<&str> = ApiErrorCode::ALL
            .iter()
            .filter(|c| c.status().to_string() == *status)
            .map(|c| c.as_str())
            .collect();
        let got: BTreeSet<&str> = examples.keys().map(String::as_str).collect();
        assert_eq!(got, expected, "examples of {status}");
        for (code, example) in examples {
            let body = serde_json::to_vec(&example["value"]).unwrap();
            let decoded = errors_runtime::decode::<ApiError>(&body).unwrap();
            assert_eq!(
                decoded.known().map(|e| e.code().as_str()),
                Some(code.as_str())
            );
        }
        // The per-status union, inline: a branch per code of the status.
        let branches = content["schema"]["oneOf"].as_array().unwrap();
        assert_eq!(branches.len(), expected.len());
        assert!(response["headers"]["X-Request-Id"].is_object(), "{status}");
    }
    let limited = json(&responses["429"]);
    assert!(limited["headers"]["Retry-After"]["schema"].is_object());
    assert!(limited["headers"]["X-RateLimit-Limit"].is_object());
    assert!(
        json(&responses["404"])["headers"]
            .get("Retry-After")
            .is_none()
    );
}

#[test]
fn the_problem_style_is_sent_as_problem_json() {
    let responses = problem::ProblemApiError::responses();
    for response in responses.values() {
        let response = json(response);
        let content = response["content"].as_object().unwrap();
        assert_eq!(
            content.keys().collect::<Vec<_>>(),
            ["application/problem+json"]
        );
    }
}

#[test]
fn the_layer_answers_are_the_rejection_keys_and_http_status_entries() {
    let codes: Vec<&str> = errors_runtime::utoipa::layer_codes::<ApiError>()
        .into_iter()
        .map(|c| c.as_str())
        .collect();
    // [http] and [http.status] of catalog.toml, in catalog order; the inferred bare
    // answers (BAD_GATEWAY for 502, SERVICE_UNAVAILABLE for 503) are not among them.
    let mut expected = vec![
        "INVALID_REQUEST",
        "ROUTE_NOT_FOUND",
        "METHOD_NOT_ALLOWED",
        "UNSUPPORTED_MEDIA_TYPE",
        "PAYLOAD_TOO_LARGE",
        "INTERNAL_ERROR",
        "TOO_MANY_REQUESTS",
    ];
    let order = |c: &&str| ApiErrorCode::ALL.iter().position(|a| a.as_str() == *c);
    expected.sort_by_key(order);
    assert_eq!(codes, expected);
    assert!(ApiError::CATALOG.http.status_index(503).is_none());
}

/// `const` as utoipa says it: `enum` with one value; no `required: []` (the same).
fn as_utoipa_says(value: &mut Value) {
    match value {
        Value::Object(members) => {
            if let Some(v) = members.remove("const") {
                members.insert("enum".into(), Value::Array(vec![v]));
            }
            if members.get("required") == Some(&Value::Array(Vec::new())) {
                members.remove("required");
            }
            members.values_mut().for_each(as_utoipa_says);
        }
        Value::Array(items) => items.iter_mut().for_each(as_utoipa_says),
        _ => {}
    }
}

/// Nothing of errors-docs' strict document is lost on the way into utoipa's types:
/// every component schema, serialized again, is the one errors-docs wrote.
fn round_trip<E: CatalogError + ToSchema>() {
    let reference = errors_runtime::docs::reference::<E>();
    let text = errors_docs::openapi(&reference, "1.0.0", errors_docs::SchemaMode::Strict);
    let document: Value = serde_json::from_str(&text).unwrap();
    let expected = document["components"]["schemas"].as_object().unwrap();
    let mut components = Vec::new();
    E::schemas(&mut components);
    assert!(!components.is_empty());
    for (name, schema) in &components {
        let mut want = expected[name].clone();
        as_utoipa_says(&mut want);
        assert_eq!(json(schema), want, "{name}");
    }
    let mut root = expected[E::CATALOG.name].clone();
    as_utoipa_says(&mut root);
    assert_eq!(json(&E::schema()), root);
    // Every component but the unions (the root and one per status, inlined).
    let unions = expected
        .keys()
        .filter(|k| *k == E::CATALOG.name || k.starts_with(&format!("{}-", E::CATALOG.name)))
        .count();
    assert_eq!(components.len() + unions, expected.len());
}

#[test]
fn the_schemas_are_errors_docs_strict_ones_in_every_style() {
    round_trip::<ApiError>();
    round_trip::<problem::ProblemApiError>();
    round_trip::<typed::TypedValues>();
    round_trip::<nested::NestedValues>();
    round_trip::<seed_004::ApiError>();
}
