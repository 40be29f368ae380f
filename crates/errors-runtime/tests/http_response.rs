//! `Envelope::to_http_response` (feature `http`): the status, the style's content
//! type, the headers the catalog sends fields as, and the same body as `to_json`.
#![cfg(feature = "http")]

use http::StatusCode;
use http::header::{CONTENT_TYPE, RETRY_AFTER};

mod flat {
    errors_runtime::catalog!("../../catalog.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/problem.toml");
}
mod headers {
    errors_runtime::catalog!("tests/catalogs/headers.toml");
}

#[test]
fn status_content_type_retry_after_and_body() {
    let error = flat::ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
        limit: None,
    };
    let envelope = error.envelope().request_id("req_1");
    let response = envelope.to_http_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    assert_eq!(response.headers()[RETRY_AFTER], "42");
    assert_eq!(response.headers().len(), 2);
    assert_eq!(response.body().as_slice(), envelope.to_json().as_bytes());
}

#[test]
fn problem_style_is_sent_as_problem_json() {
    let error = problem::ProblemError::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345".into()],
    };
    let response = error.envelope().to_http_response();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    assert!(response.headers().get(RETRY_AFTER).is_none());
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["status"], 403);
    assert_eq!(body["balance"], 30);
}

#[test]
fn absent_optional_and_unsendable_header_values_are_left_out() {
    // `retry_after` is optional: no header when it is None.
    let error = headers::HeaderError::Unavailable {
        retry_after: None,
        region: "eu-west-1".into(),
    };
    let response = error.envelope().to_http_response();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().get(RETRY_AFTER).is_none());
    assert_eq!(response.headers()["x-region"], "eu-west-1");

    // A value that cannot be a header value stays in the body only.
    let error = headers::HeaderError::Unavailable {
        retry_after: Some(7),
        region: "eu\r\nset-cookie: x".into(),
    };
    let response = error.envelope().to_http_response();
    assert_eq!(response.headers()[RETRY_AFTER], "7");
    assert!(response.headers().get("x-region").is_none());
    assert!(response.headers().get("set-cookie").is_none());
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["error"]["details"]["region"], "eu\r\nset-cookie: x");
}

mod header_only {
    errors_runtime::catalog!("tests/catalogs/seed_001.toml");
}

/// The response's headers as the decoder takes them.
fn header_pairs(response: &http::Response<Vec<u8>>) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn a_header_field_whose_value_is_not_header_text_is_read_from_the_body() {
    for region in ["eu\r\nset-cookie: x", "zürich", " eu", "eu\t1", ""] {
        let error = headers::HeaderError::Unavailable {
            retry_after: Some(7),
            region: region.into(),
        };
        let response = error.envelope().to_http_response();
        assert!(response.headers().get("x-region").is_none(), "{region:?}");
        assert_eq!(response.headers()[RETRY_AFTER], "7");
        let decoded = errors_runtime::decode_response::<headers::HeaderError>(
            response.status().as_u16(),
            response.headers(),
            response.body(),
        )
        .unwrap();
        match decoded.known() {
            Some(headers::HeaderError::Unavailable { region: back, .. }) => {
                assert_eq!(back, region)
            }
            other => panic!("{region:?}: {other:?}"),
        }
    }
}

#[test]
fn header_only_values_are_read_exactly_never_trimmed() {
    use header_only::ApiError;
    let error = ApiError::RateLimitExceeded {
        limit: 100,
        window: "1 minute".into(),
        retry_after: 60,
        remaining: 3,
        reset: 1_700_000_060,
    };
    let response = error.envelope().to_http_response();
    let mut headers = header_pairs(&response);
    let decode = |headers: &[(String, String)]| {
        errors_runtime::decode_response::<ApiError>(429, headers, response.body()).unwrap()
    };
    assert_eq!(decode(&headers).known(), Some(&error));
    for altered in [" 3", "3 ", "+3", "03", "3.0"] {
        let at = headers
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case("x-ratelimit-remaining"))
            .unwrap();
        headers[at].1 = altered.to_owned();
        let decoded = decode(&headers);
        assert!(decoded.known().is_none(), "{altered:?} read as a value");
        let mismatched = decoded.error().mismatched().expect("mismatched");
        assert!(
            mismatched.reason().to_string().contains("remaining"),
            "{}",
            mismatched.reason()
        );
    }
}
