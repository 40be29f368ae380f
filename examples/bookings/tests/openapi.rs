//! The service's OpenAPI document (utoipa, `GET /openapi.json`) read against the
//! catalog code by code: each route documents exactly the codes it can return plus
//! `CatalogLayer`'s own answers, each under its status, with an example that the
//! client decoder reads back as that code; the document passes Python's
//! `openapi-spec-validator`, and every example its response's schema (`jsonschema`);
//! and what each route really answers is among what it documents.
//!
//! Without Python or those packages the validator test says so and passes, except
//! where `ERRORS_CATALOG_REQUIRE_PYTHON=1` (set by `.ci/run`, which installs them)
//! makes it mandatory.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use bookings::ApiErrorCode;
use bookings::api::{
    ApiError, BookingErrors, CommonErrors, InputErrors, PlaceErrors, SessionErrors, WaitlistErrors,
};
use bookings::service::Config;
use reqwest::Method;
use serde_json::Value;
use support::{send, start};

#[path = "../../../crates/errors-docs/tests/support/python.rs"]
mod python;
use python::python_ready;

const COMMON: &[&str] = &["RATE_LIMITED", "SERVICE_UNAVAILABLE"];

/// Each operation and what its handler and the middlewares around it can return:
/// written out here, apart from the subset types, so that a code dropped from one
/// fails this test.
fn routes() -> Vec<(
    &'static str,
    &'static str,
    Vec<&'static str>,
    &'static [ApiErrorCode],
)> {
    let with_common = |codes: &[&'static str]| [codes, COMMON].concat();
    vec![
        (
            "post",
            "/sessions",
            with_common(&["INVALID_REQUEST"]),
            InputErrors::CODES,
        ),
        (
            "get",
            "/sessions",
            with_common(&["INVALID_REQUEST"]),
            InputErrors::CODES,
        ),
        (
            "get",
            "/sessions/{id}",
            with_common(&["SESSION_NOT_FOUND"]),
            SessionErrors::CODES,
        ),
        (
            "post",
            "/sessions/{id}/bookings",
            with_common(&[
                "INVALID_REQUEST",
                "IDEMPOTENCY_KEY_REUSED",
                "SESSION_NOT_FOUND",
                "ALREADY_BOOKED",
                "SESSION_FULL",
            ]),
            BookingErrors::CODES,
        ),
        (
            "post",
            "/sessions/{id}/waitlist",
            with_common(&["INVALID_REQUEST", "SESSION_NOT_FOUND", "ALREADY_IN_QUEUE"]),
            WaitlistErrors::CODES,
        ),
        (
            "get",
            "/sessions/{id}/waitlist/{position}",
            with_common(&["SESSION_NOT_FOUND", "NOT_FOUND"]),
            PlaceErrors::CODES,
        ),
        (
            "post",
            "/feedback",
            with_common(&["INVALID_REQUEST"]),
            InputErrors::CODES,
        ),
        ("get", "/debug/panic", with_common(&[]), CommonErrors::CODES),
    ]
}

/// What `CatalogLayer` answers on its own, from catalog.toml's `[http]` and
/// `[http.status]`: documented on every route. (502 `BAD_GATEWAY` and 503
/// `SERVICE_UNAVAILABLE`, only inferred for bare statuses, are not.)
const LAYER: &[&str] = &[
    "INVALID_REQUEST",
    "ROUTE_NOT_FOUND",
    "METHOD_NOT_ALLOWED",
    "UNSUPPORTED_MEDIA_TYPE",
    "PAYLOAD_TOO_LARGE",
    "INTERNAL_ERROR",
    "TOO_MANY_REQUESTS",
];

/// The document as the running service serves it, checked to be the one the crate
/// builds.
async fn served() -> Value {
    let (_service, base) = start(Config::default()).await;
    let raw = send(Method::GET, &format!("{base}/openapi.json"), &[], None).await;
    assert_eq!(raw.status, 200);
    assert_eq!(raw.header("content-type"), Some("application/json"));
    let document = raw.json();
    assert_eq!(
        document,
        serde_json::to_value(bookings::service::openapi()).unwrap()
    );
    document
}

/// The error codes an operation documents, each with the status it is under.
fn documented(operation: &Value) -> BTreeMap<String, u16> {
    let mut codes = BTreeMap::new();
    for (status, response) in operation["responses"].as_object().unwrap() {
        let status: u16 = status.parse().unwrap();
        if status < 400 {
            continue;
        }
        let content = response["content"].as_object().unwrap();
        assert_eq!(
            content.keys().collect::<Vec<_>>(),
            ["application/json"],
            "{status}: the flat style's content type"
        );
        for code in content["application/json"]["examples"]
            .as_object()
            .unwrap()
            .keys()
        {
            assert!(codes.insert(code.clone(), status).is_none(), "{code} twice");
        }
    }
    codes
}

#[tokio::test]
async fn every_route_documents_exactly_its_codes_under_their_statuses() {
    let layer: Vec<&str> = errors_runtime::utoipa::layer_codes::<ApiError>()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        layer.iter().copied().collect::<BTreeSet<_>>(),
        LAYER.iter().copied().collect::<BTreeSet<_>>()
    );
    let document = served().await;
    let paths = document["paths"].as_object().unwrap();
    let mut operations = 0;
    for (method, path, codes, subset) in routes() {
        let operation = &paths[path][method];
        assert!(operation.is_object(), "{method} {path} is documented");
        operations += 1;
        // The subset type the handler returns is the list above.
        let subset: BTreeSet<&str> = subset.iter().map(|c| c.as_str()).collect();
        assert_eq!(subset, codes.iter().copied().collect(), "{method} {path}");
        let expected: BTreeSet<&str> = codes.iter().chain(LAYER).copied().collect();
        let got = documented(operation);
        assert_eq!(
            got.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            expected,
            "{method} {path}"
        );
        for (code, status) in &got {
            let catalog: ApiErrorCode = code.parse().unwrap();
            assert_eq!(catalog.status(), *status, "{method} {path}: {code}");
        }
        for (status, response) in operation["responses"].as_object().unwrap() {
            if status.parse::<u16>().unwrap() < 400 {
                continue;
            }
            assert!(
                response["headers"]["X-Request-Id"].is_object(),
                "{method} {path} {status}: the request id header"
            );
            // Each example, decoded by the client decoder: its own code, all fields.
            let examples = response["content"]["application/json"]["examples"]
                .as_object()
                .unwrap();
            for (code, example) in examples {
                let body = serde_json::to_vec(&example["value"]).unwrap();
                let decoded = errors_runtime::decode::<ApiError>(&body)
                    .unwrap_or_else(|e| panic!("{method} {path} {code}: {e}"));
                let known = decoded
                    .known()
                    .unwrap_or_else(|| panic!("{method} {path} {code}: {:?}", decoded.error()));
                assert_eq!(known.code().as_str(), code, "{method} {path}");
            }
        }
        // The 429 of every route (the per-key limit, the governor's) says when to
        // come back.
        let limited = &operation["responses"]["429"];
        assert_eq!(
            limited["headers"]["Retry-After"]["schema"]["type"],
            "integer"
        );
    }
    assert_eq!(
        operations,
        paths
            .values()
            .map(|p| p.as_object().unwrap().len())
            .sum::<usize>()
    );
    // Every code of the catalog is a component, under errors-docs' names.
    let schemas = document["components"]["schemas"].as_object().unwrap();
    for code in ApiErrorCode::ALL {
        assert!(schemas.contains_key(code.as_str()), "{code}");
    }
    assert!(schemas.contains_key("SessionFullDetails") && schemas.contains_key("Session"));
}

/// A failing request: the operation (method, documented path), the URL, its
/// headers and body, and the code it must fail with.
type Case<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str)],
    Option<&'a str>,
    &'a str,
);

/// A request of each route that fails, and the code it must fail with.
#[tokio::test]
async fn what_each_route_answers_is_what_it_documents() {
    let document = served().await;
    let (_service, base) = start(Config::default()).await;
    let json = [("content-type", "application/json")];
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let cases: Vec<Case<'_>> = vec![
        (
            "post",
            "/sessions",
            "/sessions",
            &json,
            Some(r#"{"title": "", "capacity": 1}"#),
            "INVALID_REQUEST",
        ),
        (
            "get",
            "/sessions",
            "/sessions?limit=0",
            &[],
            None,
            "INVALID_REQUEST",
        ),
        (
            "get",
            "/sessions/{id}",
            "/sessions/s_404",
            &[],
            None,
            "SESSION_NOT_FOUND",
        ),
        (
            "post",
            "/sessions/{id}/bookings",
            "/sessions/s_404/bookings",
            &json,
            Some(r#"{"member_id": "m_1", "email": "ada@example.com"}"#),
            "SESSION_NOT_FOUND",
        ),
        (
            "post",
            "/sessions/{id}/waitlist",
            "/sessions/s_1/waitlist",
            &json,
            Some("{}"),
            "INVALID_REQUEST",
        ),
        (
            "get",
            "/sessions/{id}/waitlist/{position}",
            "/sessions/s_404/waitlist/1",
            &[],
            None,
            "SESSION_NOT_FOUND",
        ),
        (
            "post",
            "/feedback",
            "/feedback",
            &form,
            Some("rating=9&comment=x"),
            "INVALID_REQUEST",
        ),
        (
            "get",
            "/debug/panic",
            "/debug/panic",
            &[],
            None,
            "INTERNAL_ERROR",
        ),
    ];
    for (method, path, url, headers, body, expected) in cases {
        let raw = send(
            method.to_uppercase().parse().unwrap(),
            &format!("{base}{url}"),
            headers,
            body.map(|b| b.as_bytes().to_vec()),
        )
        .await;
        let decoded =
            errors_runtime::decode_response::<ApiError>(raw.status, &raw.headers, &raw.body)
                .unwrap();
        let code = decoded.known().expect("a known code").code();
        assert_eq!(code.as_str(), expected, "{method} {url}");
        let documented = documented(&document["paths"][path][method]);
        assert_eq!(
            documented.get(expected),
            Some(&raw.status),
            "{method} {path} documents {expected} under {}",
            raw.status
        );
    }
}

const SCRIPT: &str = r##"
import json, sys
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

with open(sys.argv[1]) as f:
    text = f.read()
document = json.loads(text)
validate(document)
# Each example against its response's schema, the components as $defs.
resolved = json.loads(text.replace('"#/components/schemas/', '"#/$defs/'))
defs = resolved["components"]["schemas"]
checked = 0
for path, item in resolved["paths"].items():
    for method, operation in item.items():
        for status, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                schema = dict(content["schema"], **{"$defs": defs})
                validator = Draft202012Validator(schema)
                for name, example in content.get("examples", {}).items():
                    errors = list(validator.iter_errors(example["value"]))
                    if errors:
                        sys.exit(f"{method} {path} {status} {name}: {errors[0].message}")
                    checked += 1
if checked == 0:
    sys.exit("no example checked")
print(f"valid, {checked} examples fit their schemas")
"##;

#[tokio::test]
async fn the_document_passes_the_python_validators() {
    if !python_ready(
        &["jsonschema", "openapi_spec_validator"],
        "jsonschema openapi-spec-validator",
    ) {
        return;
    }
    let document = served().await;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bookings_openapi");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("openapi.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
    let output = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&file)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    eprintln!("{stdout}");
    assert!(stdout.contains("valid,"));
}
