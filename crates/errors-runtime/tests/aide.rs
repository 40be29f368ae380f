//! Feature `aide`: a handler returning a subset type (or the full error type)
//! documents its error responses in aide's OpenAPI document, with the schemas they
//! refer to in `components.schemas`.
#![cfg(all(feature = "aide", feature = "axum"))]

use std::collections::BTreeSet;
use std::process::Command;

use aide::axum::ApiRouter;
use aide::axum::routing::get;
use aide::openapi::OpenApi;
use serde_json::Value;

mod api {
    errors_runtime::catalog!("../../catalog.toml");

    api_error_subset!(pub(crate) Lookup = SESSION_NOT_FOUND | RATE_LIMITED);
}

use api::{ApiError, Lookup};

#[path = "../../errors-docs/tests/support/python.rs"]
mod python;
use python::python_ready;

async fn session() -> Result<String, Lookup> {
    Err(Lookup::SessionNotFound {
        session_id: "s_1".into(),
    })
}

async fn anything() -> Result<String, ApiError> {
    Err(ApiError::RouteNotFound)
}

/// Each error status of an operation with the codes of its examples.
fn codes(operation: &Value) -> BTreeSet<(u16, String)> {
    let mut out = BTreeSet::new();
    for (status, response) in operation["responses"].as_object().unwrap() {
        let Ok(status) = status.parse::<u16>() else {
            continue;
        };
        if status < 400 {
            continue;
        }
        let content = &response["content"]["application/json"];
        for code in content["examples"].as_object().unwrap().keys() {
            out.insert((status, code.clone()));
        }
        assert!(response["headers"]["X-Request-Id"].is_object(), "{status}");
    }
    out
}

/// The document passes Python's `openapi-spec-validator`.
fn validate(document: &Value) {
    if !python_ready(&["openapi_spec_validator"], "openapi-spec-validator") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("aide_openapi");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("openapi.json");
    std::fs::write(&file, serde_json::to_vec_pretty(document).unwrap()).unwrap();
    let script = "import json, sys\nfrom openapi_spec_validator import validate\nvalidate(json.load(open(sys.argv[1])))\nprint('valid')";
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success() && output.stdout.starts_with(b"valid"),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn routes_document_their_codes_and_the_layer_answers() {
    let mut document = OpenApi::default();
    let _router: axum::Router = ApiRouter::new()
        .api_route("/session", get(session))
        .api_route("/anything", get(anything))
        .finish_api(&mut document);
    let document = serde_json::to_value(&document).unwrap();
    validate(&document);

    let lookup = codes(&document["paths"]["/session"]["get"]);
    let expected: BTreeSet<(u16, String)> = [
        (404, "SESSION_NOT_FOUND"),
        (429, "RATE_LIMITED"),
        // CatalogLayer's own answers: the [http] rejection keys and [http.status].
        (400, "INVALID_REQUEST"),
        (404, "ROUTE_NOT_FOUND"),
        (405, "METHOD_NOT_ALLOWED"),
        (413, "PAYLOAD_TOO_LARGE"),
        (415, "UNSUPPORTED_MEDIA_TYPE"),
        (500, "INTERNAL_ERROR"),
        (429, "TOO_MANY_REQUESTS"),
    ]
    .into_iter()
    .map(|(s, c)| (s, c.to_owned()))
    .collect();
    assert_eq!(lookup, expected);

    // The full type: every code of the catalog, each under its status.
    let all = codes(&document["paths"]["/anything"]["get"]);
    let catalog: BTreeSet<(u16, String)> = ApiError::catalog()
        .errors
        .iter()
        .map(|e| (e.status, e.code.to_owned()))
        .collect();
    assert_eq!(all, catalog);

    // Every reference resolves among the components, errors-docs' names.
    let schemas = document["components"]["schemas"].as_object().unwrap();
    assert!(
        schemas.contains_key("SESSION_NOT_FOUND") && schemas.contains_key("SessionNotFoundDetails")
    );
    let text = document.to_string();
    let mut references = 0;
    for piece in text.split("\"#/components/schemas/").skip(1) {
        let name = &piece[..piece.find('"').unwrap()];
        assert!(schemas.contains_key(name), "dangling reference to {name}");
        references += 1;
    }
    assert!(references > 0);
    // Each example decodes to its own code.
    for (path, item) in document["paths"].as_object().unwrap() {
        for (status, response) in item["get"]["responses"].as_object().unwrap() {
            let examples = &response["content"]["application/json"]["examples"];
            for (code, example) in examples.as_object().into_iter().flatten() {
                let body = serde_json::to_vec(&example["value"]).unwrap();
                let decoded = errors_runtime::decode::<ApiError>(&body).unwrap();
                assert_eq!(
                    decoded.known().map(|e| e.code().as_str()),
                    Some(code.as_str()),
                    "{path} {status}"
                );
            }
        }
    }
}
