//! Reproducing documented error APIs exactly, in both directions (issue 13): seed 001's
//! example bodies byte for byte from its published text and decoded back, its 429's
//! headers, seed 004's six typed members without `details`; round trips over random
//! values of every code of the seed catalogs in every style, headers included; and
//! bodies missing each required field keep code, message and request id.
#![cfg(feature = "http")]

use std::time::Duration;

use errors_runtime::{CatalogError, Decode, Decoded, decode, decode_response};
use proptest::prelude::*;
use serde_json::{Map, Value};

mod seed_001 {
    errors_runtime::catalog!("tests/catalogs/seed_001.toml");
}
mod seed_001_flat {
    errors_runtime::catalog!("tests/catalogs/seed_001_flat.toml");
}
mod seed_001_typed {
    errors_runtime::catalog!("tests/catalogs/seed_001_typed.toml");
}
mod seed_001_problem {
    errors_runtime::catalog!("tests/catalogs/seed_001_problem.toml");
}
mod seed_004 {
    errors_runtime::catalog!("tests/catalogs/seed_004.toml");
}

/// A published body as compact JSON: the whitespace between tokens removed, nothing
/// else touched (strings and key order as printed).
fn compact(published: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in published.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// An error as a server sends it: status, headers and body.
fn respond<E: CatalogError>(error: &E) -> (u16, Vec<(String, String)>, String) {
    let response = error.envelope().to_http_response();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
        .collect();
    let body = String::from_utf8(response.body().clone()).unwrap();
    (response.status().as_u16(), headers, body)
}

/// What a client makes of a response: the typed error, or a panic saying why not.
fn receive<E: Decode + std::fmt::Debug>(
    status: u16,
    headers: &[(String, String)],
    body: &str,
) -> E {
    let decoded: Decoded<E> = decode_response(status, headers, body.as_bytes())
        .unwrap_or_else(|e| panic!("{body} is lost: {e}"));
    match decoded.into_error() {
        errors_runtime::Received::Known(error) => error,
        other => panic!("{body} with {headers:?} decodes to {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Seed 001, as published
// ---------------------------------------------------------------------------

const SEED_001_BAD_REQUEST: &str = r#"{
  "error": {
    "code": "invalid_parameters",
    "message": "The 'role_id' field is required",
    "details": {
      "field": "role_id",
      "requirement": "required"
    }
  }
}"#;

const SEED_001_UNAUTHORIZED: &str = r#"{
  "error": {
    "code": "invalid_api_key",
    "message": "The provided API key is invalid or has been revoked"
  }
}"#;

const SEED_001_NOT_FOUND: &str = r#"{
  "error": {
    "code": "session_not_found",
    "message": "Session with ID '123' does not exist"
  }
}"#;

const SEED_001_RATE_LIMITED: &str = r#"{
  "error": {
    "code": "rate_limit_exceeded",
    "message": "API rate limit exceeded. Please wait 60 seconds before retrying.",
    "details": {
      "limit": 100,
      "window": "1 minute",
      "retry_after": 60
    }
  }
}"#;

const SEED_001_INTERNAL: &str = r#"{
  "error": {
    "code": "internal_error",
    "message": "An unexpected error occurred. Please try again or contact support if the issue persists.",
    "details": {
      "request_id": "req_abc123xyz"
    }
  }
}"#;

#[test]
fn seed_001_examples_are_produced_byte_for_byte_and_decoded_back() {
    use seed_001::ApiError;
    let examples = [
        (
            SEED_001_BAD_REQUEST,
            ApiError::InvalidParameters {
                field: "role_id".into(),
                requirement: "required".into(),
            },
        ),
        (SEED_001_UNAUTHORIZED, ApiError::InvalidApiKey),
        (
            SEED_001_NOT_FOUND,
            ApiError::SessionNotFound {
                session_id: "123".into(),
            },
        ),
        (
            SEED_001_RATE_LIMITED,
            ApiError::RateLimitExceeded {
                limit: 100,
                window: "1 minute".into(),
                retry_after: 60,
                remaining: 0,
                reset: 1_700_000_060,
            },
        ),
        (
            SEED_001_INTERNAL,
            ApiError::InternalError {
                request_id: "req_abc123xyz".into(),
            },
        ),
    ];
    for (published, error) in examples {
        let (status, headers, body) = respond(&error);
        assert_eq!(body, compact(published));
        assert_eq!(error.envelope().to_json(), compact(published));
        // Back from the published text itself, with the response's headers.
        assert_eq!(receive::<ApiError>(status, &headers, published), error);
    }
}

#[test]
fn seed_001_not_found_sends_the_id_in_the_message_only() {
    use seed_001::ApiError;
    // The published body, with no header and no details: the id is read back from
    // the message.
    let decoded = decode::<ApiError>(SEED_001_NOT_FOUND.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::SessionNotFound {
            session_id: "123".into()
        })
    );
    // Ids that hold the template's own text are still read back.
    for id in [
        "' does not exist",
        "Session with ID '1'",
        "",
        "{session_id}",
        "'",
    ] {
        let error = ApiError::SessionNotFound {
            session_id: id.into(),
        };
        let body = error.envelope().to_json();
        assert_eq!(
            decode::<ApiError>(body.as_bytes()).unwrap().known(),
            Some(&error),
            "{body}"
        );
    }
}

#[test]
fn seed_001_rate_limit_sends_its_four_headers() {
    use seed_001::ApiError;
    let error = ApiError::RateLimitExceeded {
        limit: 100,
        window: "1 minute".into(),
        retry_after: 60,
        remaining: 0,
        reset: 1_700_000_060,
    };
    let (status, headers, body) = respond(&error);
    assert_eq!(status, 429);
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("Retry-After"), Some("60"));
    assert_eq!(header("X-RateLimit-Limit"), Some("100"));
    assert_eq!(header("X-RateLimit-Remaining"), Some("0"));
    assert_eq!(header("X-RateLimit-Reset"), Some("1700000060"));
    assert_eq!(header("content-type"), Some("application/json"));
    // Remaining and reset are headers only: not in the body.
    assert!(
        !body.contains("remaining") && !body.contains("reset"),
        "{body}"
    );
    let decoded: Decoded<ApiError> = decode_response(status, &headers, body.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&error));
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(60)));
    // Without its headers the response is kept, not lost, and says what is missing.
    let without: Decoded<ApiError> = decode_response(status, &(), body.as_bytes()).unwrap();
    let mismatched = without.error().mismatched().expect("mismatched");
    assert_eq!(mismatched.code(), "rate_limit_exceeded");
    assert!(
        mismatched.reason().to_string().contains("remaining"),
        "{}",
        mismatched.reason()
    );
    assert!(without.is_retryable());
}

#[test]
fn seed_001_retries_wait_at_least_retry_after_every_time() {
    use errors_runtime::RetryPolicy;
    use errors_runtime::retry::RetryDecision;
    use seed_001::ApiError;
    let policy = RetryPolicy::for_catalog::<ApiError>().with_random(|| u64::MAX);
    let error = ApiError::RateLimitExceeded {
        limit: 100,
        window: "1 minute".into(),
        retry_after: 60,
        remaining: 0,
        reset: 0,
    };
    for attempt in 1..4 {
        match policy.decide(attempt, &error) {
            RetryDecision::Retry(wait) => assert!(wait >= Duration::from_secs(60), "{wait:?}"),
            other => panic!("attempt {attempt}: {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Seed 004: six members, no `details`
// ---------------------------------------------------------------------------

#[test]
fn seed_004_sends_its_six_members_and_no_details() {
    use seed_004::ApiError;
    let error = ApiError::ParameterMissing {
        param: "email".into(),
    };
    let body = error.envelope().request_id("req_7").to_json();
    assert_eq!(
        body,
        r#"{"error":{"type":"validation_error","code":"parameter_missing","message":"Missing required param.","param":"email","doc_url":"https://docs.example.com/errors/validation_error#parameter_missing","request_id":"req_7"}}"#
    );
    let decoded = decode::<ApiError>(body.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&error));
    assert_eq!(decoded.param(), Some("email"));
    assert_eq!(decoded.category(), Some("validation_error"));
    // Without a request id the member is there, null.
    let body = ApiError::ApiKeyInvalid.envelope().to_json();
    assert_eq!(
        body,
        r#"{"error":{"type":"auth_error","code":"api_key_invalid","message":"No valid API key provided.","param":null,"doc_url":"https://docs.example.com/errors/auth_error#api_key_invalid","request_id":null}}"#
    );
}

#[test]
fn seed_004_code_may_be_null() {
    use seed_004::ApiError;
    let body = br#"{"error": {"type": "api_error", "code": null, "message": "Something broke.",
        "param": null, "doc_url": null, "request_id": "req_9"}}"#;
    let decoded = errors_runtime::decode_response::<ApiError>(500, &(), body).unwrap();
    let unknown = decoded.error().unknown().expect("an error of no code");
    assert_eq!(unknown.code(), "");
    assert_eq!(unknown.message(), "Something broke.");
    assert_eq!(decoded.category(), Some("api_error"));
    assert_eq!(decoded.request_id(), Some("req_9"));
    assert!(decoded.is_retryable());
}

#[test]
fn seed_004_rate_limit_reads_retry_after_from_the_header_or_the_message() {
    use seed_004::ApiError;
    let error = ApiError::RateLimited { retry_after: 30 };
    let (status, headers, body) = respond(&error);
    assert!(!body.contains("\"details\""), "{body}");
    assert_eq!(receive::<ApiError>(status, &headers, &body), error);
    assert_eq!(receive::<ApiError>(status, &[], &body), error);
}

// ---------------------------------------------------------------------------
// Round trips in every style, and bodies missing each required field
// ---------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,12}",
        "\\PC{0,8}",
        Just("' does not exist".to_owned()),
        Just("{x}}{{".to_owned()),
    ]
}

macro_rules! seed_001_round_trip {
    ($test:ident, $module:ident) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn $test(
                field in text(), requirement in text(), session_id in text(), window in text(),
                request_id in text(), limit: u32, retry_after: u64, remaining: u32, reset: u64,
                pick in 0usize..5, envelope_id in "[a-z0-9_]{1,12}",
            ) {
                use $module::ApiError;
                let error = match pick {
                    0 => ApiError::InvalidParameters { field, requirement },
                    1 => ApiError::InvalidApiKey,
                    2 => ApiError::SessionNotFound { session_id },
                    3 => ApiError::RateLimitExceeded { limit, window, retry_after, remaining, reset },
                    _ => ApiError::InternalError { request_id },
                };
                let response = error.envelope().request_id(&envelope_id).to_http_response();
                let headers: Vec<(String, String)> = response
                    .headers()
                    .iter()
                    .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
                    .collect();
                let decoded: Decoded<ApiError> =
                    decode_response(response.status().as_u16(), &headers, response.body()).unwrap();
                prop_assert_eq!(decoded.known(), Some(&error));
                prop_assert_eq!(decoded.request_id(), Some(envelope_id.as_str()));
            }
        }
    };
}

seed_001_round_trip!(seed_001_nested_round_trips, seed_001);
seed_001_round_trip!(seed_001_flat_round_trips, seed_001_flat);
seed_001_round_trip!(seed_001_typed_round_trips, seed_001_typed);
seed_001_round_trip!(seed_001_problem_round_trips, seed_001_problem);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn seed_004_round_trips(param in text(), retry_after: u64, pick in 0usize..6) {
        use seed_004::ApiError;
        let error = match pick {
            0 => ApiError::ParameterInvalid { param },
            1 => ApiError::ParameterMissing { param },
            2 => ApiError::ApiKeyInvalid,
            3 => ApiError::IdempotencyKeyReused,
            4 => ApiError::RateLimited { retry_after },
            _ => ApiError::ApiError,
        };
        let (status, headers, body) = respond(&error);
        prop_assert_eq!(receive::<ApiError>(status, &headers, &body), error);
    }
}

/// The members of `body` that hold the detail fields: `details`, or the problem
/// style's top level.
fn detail_members(body: &mut Value, problem: bool) -> Option<&mut Map<String, Value>> {
    let root = body.as_object_mut()?;
    if problem {
        return Some(root);
    }
    let inner = match root.get("error") {
        Some(Value::Object(_)) => root.get_mut("error")?.as_object_mut()?,
        _ => root,
    };
    inner.get_mut("details")?.as_object_mut()
}

/// For each error, each required field it sends in `details` removed in turn: the
/// body decodes to a mismatched error keeping code, message and request id, and the
/// catalog's retryability of the code.
fn missing_fields_keep_the_rest<E: Decode + std::fmt::Debug>(errors: &[E]) {
    let problem = E::CATALOG.envelope.style == errors_runtime::EnvelopeStyle::Problem;
    let mut checked = 0;
    for error in errors {
        for field in error
            .meta()
            .fields
            .iter()
            .filter(|f| f.in_details && !f.optional && !f.internal)
        {
            let mut body: Value =
                serde_json::from_str(&error.envelope().request_id("req_k").to_json()).unwrap();
            let members = detail_members(&mut body, problem).expect("details");
            assert!(members.remove(field.wire).is_some(), "{body}");
            let text = body.to_string();
            let decoded =
                decode::<E>(text.as_bytes()).unwrap_or_else(|e| panic!("{text} is lost: {e}"));
            let mismatched = decoded
                .error()
                .mismatched()
                .unwrap_or_else(|| panic!("{text}: {decoded:?}"));
            assert_eq!(mismatched.code(), error.meta().code);
            assert_eq!(decoded.message(), error.to_string());
            assert_eq!(decoded.request_id(), Some("req_k"));
            assert_eq!(decoded.is_retryable(), error.is_retryable());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn bodies_missing_a_required_field_keep_code_message_and_request_id() {
    macro_rules! samples {
        ($module:ident) => {{
            use $module::ApiError;
            vec![
                ApiError::InvalidParameters {
                    field: "f".into(),
                    requirement: "r".into(),
                },
                ApiError::RateLimitExceeded {
                    limit: 1,
                    window: "w".into(),
                    retry_after: 2,
                    remaining: 3,
                    reset: 4,
                },
                ApiError::InternalError {
                    request_id: "x".into(),
                },
            ]
        }};
    }
    missing_fields_keep_the_rest(&samples!(seed_001));
    missing_fields_keep_the_rest(&samples!(seed_001_flat));
    missing_fields_keep_the_rest(&samples!(seed_001_typed));
    missing_fields_keep_the_rest(&samples!(seed_001_problem));
    // A field in the message only, when the message no longer follows the template.
    use seed_001::ApiError;
    let body = br#"{"error": {"code": "session_not_found", "message": "No session 123.", "request_id": "req_m"}}"#;
    let decoded = decode::<ApiError>(body).unwrap();
    let mismatched = decoded.error().mismatched().unwrap();
    assert_eq!(
        mismatched.reason().to_string(),
        "the `session_id` field of the session_not_found error cannot be read back from the message does not follow the template `Session with ID '{session_id}' does not exist`"
    );
    assert_eq!(decoded.request_id(), Some("req_m"));
    assert_eq!(decoded.message(), "No session 123.");
}
