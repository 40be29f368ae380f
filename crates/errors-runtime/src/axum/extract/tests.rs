//! The extractors' parts: content types, paths, and what each rejects with.
//! The loopback test through `CatalogLayer` is `tests/extractors.rs`.

use std::collections::HashMap;

use axum_core::response::IntoResponse;
use http::HeaderMap;

use super::*;

fn typed(value: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
    headers
}

#[test]
fn json_content_types_and_suffixes() {
    let json = |v| has_content_type(&typed(v), "application/json", Some("+json"));
    for yes in [
        "application/json",
        "Application/JSON; charset=utf-8",
        "application/problem+json",
        " application/json ;x=y",
    ] {
        assert!(json(yes), "{yes}");
    }
    for no in [
        "text/json",
        "application/jsonx",
        "application/+json",
        "text/plain",
        "application/x-www-form-urlencoded",
    ] {
        assert!(!json(no), "{no}");
    }
    assert!(!has_content_type(
        &HeaderMap::new(),
        "application/json",
        None
    ));
    let form = |v| has_content_type(&typed(v), "application/x-www-form-urlencoded", None);
    assert!(form("application/x-www-form-urlencoded; charset=utf-8"));
    assert!(!form("multipart/form-data"));
}

#[test]
fn json_failures_name_their_field() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Seat {
        row: u32,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Booking {
        seats: Vec<Seat>,
        email: String,
    }
    let one = |body: &str| {
        let rejected = Json::<Booking>::from_bytes(body.as_bytes()).unwrap_err();
        assert_eq!(rejected.rejection(), Rejection::BadRequest);
        assert_eq!(rejected.violations().len(), 1, "{rejected:?}");
        let v = rejected.violations()[0].clone();
        (v.path, v.message, v.rule)
    };
    let (path, message, rule) = one(r#"{"seats": [{"row": 1}, {"row": "x"}], "email": "a"}"#);
    assert_eq!(path, "seats[1].row");
    assert_eq!(message, "invalid type: string \"x\", expected u32");
    assert_eq!(rule.as_deref(), Some("type"));
    let (path, message, rule) = one(r#"{"seats": [{}], "email": "a"}"#);
    assert_eq!(
        (path.as_str(), message.as_str(), rule.as_deref()),
        ("seats[0].row", "is required", Some("required"))
    );
    let (path, _, rule) = one(r#"{"seats": []}"#);
    assert_eq!(
        (path.as_str(), rule.as_deref()),
        ("email", Some("required"))
    );
    // No JSON at all: the rule `json`, without serde_json's position.
    let (path, message, rule) = one(r#"{"seats": [], "email": "a""#);
    assert_eq!(rule.as_deref(), Some("json"));
    assert!(!message.contains(" at line "), "{message}");
    assert!(path.is_empty() || path == "email", "{path}");
    let (path, message, rule) = one(r#"{"seats": [], "email": "a"} x"#);
    assert_eq!(
        (path.as_str(), message.as_str(), rule.as_deref()),
        ("", "trailing characters", Some("json"))
    );
    assert_eq!(Json::<u8>::from_bytes(b" 7 ").unwrap().0, 7);
}

#[test]
fn query_failures_name_their_parameter() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        limit: u32,
        offset: Option<u32>,
    }
    let rejected = Query::<Page>::from_query("limit=ten").unwrap_err();
    let v = &rejected.violations()[0];
    assert_eq!(v.path, "limit");
    assert_eq!(v.message, "invalid digit found in string");
    let rejected = Query::<Page>::from_query("offset=1").unwrap_err();
    let v = &rejected.violations()[0];
    assert_eq!(
        (v.path.as_str(), v.rule.as_deref()),
        ("limit", Some("required"))
    );
    let Query(page) = Query::<Page>::from_query("limit=3&offset=4").unwrap();
    assert_eq!((page.limit, page.offset), (3, Some(4)));
    let Query(map) = Query::<HashMap<String, String>>::from_query("").unwrap();
    assert!(map.is_empty());
}

#[test]
fn outside_the_layer_a_rejection_is_its_status_and_reason() {
    let rejected = Query::<HashMap<String, u32>>::from_query("a=b").unwrap_err();
    let reason = rejected.reason().to_owned();
    assert!(reason.contains("a: invalid digit"), "{reason}");
    let response = rejected.into_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()[CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    // A 5xx says nothing of its cause.
    let response = ExtractRejection::new(Rejection::Internal, Vec::new(), "secret").into_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(http_body::Body::size_hint(response.body()).exact(), Some(0));
    // A 4xx body is the reason.
    let response = ExtractRejection::new(Rejection::BadRequest, Vec::new(), "bad").into_response();
    assert_eq!(http_body::Body::size_hint(response.body()).exact(), Some(3));
}

#[test]
fn json_responses_are_json() {
    let response = Json(serde_json::json!({"a": [1, 2]})).into_response();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    // A map whose keys are not strings cannot be JSON: a 500, nothing else said.
    let map: HashMap<(u8, u8), u8> = [((1, 2), 3)].into();
    let response = Json(map).into_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
}
