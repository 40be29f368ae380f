//! Decoding: the seeds' example envelopes as published, every style's members,
//! unknown codes, and every kind of malformed input (a typed error, never a panic).

use std::time::Duration;

use errors_runtime::{
    CatalogError, DecodeError, Decoded, Decoder, FieldViolation, Timestamp, decode, decode_response,
};
use proptest::prelude::*;
use serde_json::json;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/nested.toml");
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/typed.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/problem.toml");
}
mod renamed {
    errors_runtime::catalog!("tests/catalogs/flat_renamed.toml");
}
mod nested_renamed {
    errors_runtime::catalog!("tests/catalogs/bundled_nested.toml");
}

use bundled::ApiError;

fn err<E: errors_runtime::Decode + std::fmt::Debug>(body: &str) -> DecodeError {
    match decode::<E>(body.as_bytes()) {
        Ok(decoded) => panic!("decoded {decoded:?} from {body}"),
        Err(error) => error,
    }
}

/// Why a body of a known code does not fit the catalog: it decodes, keeping code,
/// message, request id and the catalog's retryability, with the reason.
fn mismatch<E: errors_runtime::Decode + std::fmt::Debug>(body: &str) -> DecodeError {
    let decoded = match decode::<E>(body.as_bytes()) {
        Ok(decoded) => decoded,
        Err(error) => panic!("{body} is lost: {error}"),
    };
    let Some(mismatched) = decoded.error().mismatched() else {
        panic!("{body} fits: {decoded:?}")
    };
    assert_eq!(decoded.code(), mismatched.code());
    assert_eq!(decoded.message(), mismatched.message());
    assert_eq!(decoded.is_retryable(), mismatched.meta().retryable);
    assert!(decoded.known().is_none() && decoded.error().unknown().is_none());
    mismatched.reason().clone()
}

fn envelope(member: &str, expected: &'static str) -> DecodeError {
    DecodeError::Envelope {
        member: member.into(),
        expected,
    }
}

// ---------------------------------------------------------------------------
// The seeds' examples, as published (whitespace and all)
// ---------------------------------------------------------------------------

#[test]
fn seed_000_rate_limited() {
    let body = r#"{
"success": false,
"errorCode": "RATE_LIMITED",
"message": "Rate limit exceeded for read endpoints. Retry in 42 seconds.",
"details": {
"category": "read",
"retryAfter": 42
},
"requestId": "req_2N7s8x9KqR"
}"#;
    let decoded = decode::<ApiError>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::RateLimited {
            category: "read".into(),
            retry_after: 42,
            limit: None,
        })
    );
    assert_eq!(decoded.code(), "RATE_LIMITED");
    assert_eq!(
        decoded.message(),
        "Rate limit exceeded for read endpoints. Retry in 42 seconds."
    );
    assert_eq!(decoded.request_id(), Some("req_2N7s8x9KqR"));
    assert_eq!(decoded.status(), Some(429));
    assert!(decoded.is_retryable());
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(42)));
    assert_eq!(decoded.timestamp(), None);
    assert_eq!(decoded.doc_url(), None, "the flat style has no doc_url");
}

#[test]
fn seed_000_invalid_request() {
    let body = r#"{
"success": false,
"errorCode": "INVALID_REQUEST",
"message": "Validation failed.",
"details": {
"fields": [
{ "path": "email", "message": "must be a valid email" },
{ "path": "phone", "message": "must include country code" }
]
},
"requestId": "req_2N7s8x9KqR"
}"#;
    let decoded = decode::<ApiError>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::InvalidRequest {
            fields: vec![
                FieldViolation::new("email", "must be a valid email"),
                FieldViolation::new("phone", "must include country code"),
            ],
        })
    );
    assert!(!decoded.is_retryable());
}

#[test]
fn seed_001_examples() {
    use nested::SessionApiError as E;
    let cases = [
        (
            r#"{
  "error": {
    "code": "invalid_parameters",
    "message": "The 'role_id' field is required",
    "details": {
      "field": "role_id",
      "requirement": "required"
    }
  }
}"#,
            E::InvalidParameters {
                field: "role_id".into(),
                requirement: "required".into(),
            },
        ),
        (
            r#"{
  "error": {
    "code": "invalid_api_key",
    "message": "The provided API key is invalid or has been revoked"
  }
}"#,
            E::InvalidApiKey,
        ),
        (
            r#"{
  "error": {
    "code": "session_not_found",
    "message": "Session with ID '123' does not exist"
  }
}"#,
            E::SessionNotFound,
        ),
        (
            r#"{
  "error": {
    "code": "rate_limit_exceeded",
    "message": "API rate limit exceeded. Please wait 60 seconds before retrying.",
    "details": {
      "limit": 100,
      "window": "1 minute",
      "retry_after": 60
    }
  }
}"#,
            E::RateLimitExceeded {
                limit: 100,
                window: "1 minute".into(),
                retry_after: 60,
            },
        ),
        (
            r#"{
  "error": {
    "code": "internal_error",
    "message": "An unexpected error occurred. Please try again or contact support if the issue persists.",
    "details": {
      "request_id": "req_abc123xyz"
    }
  }
}"#,
            E::InternalError {
                request_id: "req_abc123xyz".into(),
            },
        ),
    ];
    for (body, expected) in cases {
        let decoded = decode::<E>(body.as_bytes()).unwrap();
        assert_eq!(decoded.known(), Some(&expected), "{body}");
        assert_eq!(decoded.message(), expected.to_string());
        // A `request_id` inside `details` is a detail field, not the envelope's.
        assert_eq!(decoded.request_id(), None);
    }
}

#[test]
fn seed_002_nested_with_request_id_and_timestamp() {
    let body = r#"{"error": {"code": "rate_limit_exceeded",
        "message": "API rate limit exceeded. Please wait 60 seconds before retrying.",
        "details": {"limit": 100, "window": "1 minute", "retry_after": 60},
        "request_id": "req_abc123xyz", "timestamp": "2026-11-21T10:00:00.000Z"}}"#;
    let decoded = decode::<nested::SessionApiError>(body.as_bytes()).unwrap();
    assert_eq!(decoded.request_id(), Some("req_abc123xyz"));
    assert_eq!(
        decoded.timestamp(),
        Some(Timestamp::from_unix_millis(1_795_255_200_000))
    );
    assert_eq!(decoded.timestamp_text(), Some("2026-11-21T10:00:00.000Z"));
}

#[test]
fn seed_004_typed_with_nulls_and_doc_url() {
    use typed::PaymentsError as E;
    let body = r#"{"error": {"type": "validation_error", "code": "PARAMETER_INVALID",
        "message": "The amount parameter is invalid: must be positive", "param": "amount",
        "doc_url": "https://docs.example.com/errors#PARAMETER_INVALID", "request_id": null,
        "details": {"param": "amount", "reason": "must be positive"}}}"#;
    let decoded = decode::<E>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&E::ParameterInvalid {
            param: "amount".into(),
            reason: "must be positive".into(),
        })
    );
    assert_eq!(
        decoded.doc_url(),
        Some("https://docs.example.com/errors#PARAMETER_INVALID")
    );
    assert_eq!(decoded.request_id(), None);
    assert_eq!(decoded.category(), Some("validation_error"));
    assert_eq!(decoded.param(), Some("amount"));
    assert_eq!(decoded.title(), None);

    let body = r#"{"error": {"type": "auth_error", "code": "AUTHENTICATION_REQUIRED",
        "message": "No valid API key provided.", "param": null, "doc_url": null, "request_id": "req_1"}}"#;
    let decoded = decode::<E>(body.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&E::AuthenticationRequired));
    assert_eq!(decoded.doc_url(), None);
    assert_eq!(decoded.param(), None);
    assert_eq!(decoded.category(), Some("auth_error"));
    assert_eq!(decoded.request_id(), Some("req_1"));
}

#[test]
fn problem_details_with_rfc_9457_members() {
    use problem::ProblemError as E;
    // RFC 9457's example, with the catalog's `code`.
    let body = r#"{
 "type": "https://docs.example.com/errors#OUT_OF_CREDIT",
 "title": "You do not have enough credit.",
 "status": 403,
 "detail": "Your current balance is 30, but that costs 50.",
 "instance": "/account/12345/msgs/abc",
 "code": "OUT_OF_CREDIT",
 "balance": 30,
 "cost": 50,
 "accounts": ["/account/12345", "/account/67890"]
}"#;
    let decoded = decode::<E>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&E::OutOfCredit {
            balance: 30,
            cost: 50,
            accounts: vec!["/account/12345".into(), "/account/67890".into()],
        })
    );
    assert_eq!(
        decoded.doc_url(),
        Some("https://docs.example.com/errors#OUT_OF_CREDIT")
    );
    assert_eq!(decoded.status(), Some(403));
    assert_eq!(decoded.title(), Some("You do not have enough credit."));
    assert_eq!((decoded.category(), decoded.param()), (None, None));
    assert_eq!(
        decoded.message(),
        "Your current balance is 30, but that costs 50."
    );

    // `about:blank` is no documentation link.
    let body = r#"{"type": "about:blank", "title": "Rate limited", "status": 429,
        "detail": "Rate limit exceeded. Retry in 60 seconds.", "code": "RATE_LIMITED", "retry_after": 60}"#;
    let decoded = decode::<E>(body.as_bytes()).unwrap();
    assert_eq!(decoded.doc_url(), None);
    assert_eq!(decoded.known(), Some(&E::RateLimited { retry_after: 60 }));
}

#[test]
fn renamed_members_and_snake_case_details() {
    use renamed::RenamedError as E;
    let body = r#"{"ok": false, "error_code": "QUOTA_EXCEEDED", "message": "Quota of 1000 requests exceeded.",
        "details": {"quota": 1000, "resetsAt": "2026-11-22T00:00:00.000Z"}, "trace_id": "req_9"}"#;
    let decoded = decode::<E>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&E::QuotaExceeded {
            quota: 1000,
            reset_at: Some("2026-11-22T00:00:00.000Z".into()),
        })
    );
    assert_eq!(decoded.request_id(), Some("req_9"));
    // The default member names are not this catalog's.
    assert_eq!(
        err::<E>(r#"{"ok": false, "errorCode": "QUOTA_EXCEEDED", "message": "m"}"#),
        envelope("error_code", "present, a string")
    );
    assert_eq!(
        err::<E>(r#"{"ok": true, "error_code": "QUOTA_EXCEEDED", "message": "m"}"#),
        envelope("ok", "`false`")
    );
}

// ---------------------------------------------------------------------------
// What the decoded value carries
// ---------------------------------------------------------------------------

#[test]
fn unknown_codes_keep_code_message_status_and_details() {
    let body = r#"{"success": false, "errorCode": "QUOTA_FROZEN", "message": "Frozen until {date}.",
        "details": {"date": "2027-01-01", "nested": {"a": [1, 2]}}, "requestId": "req_7"}"#;
    let decoded = decode_response::<ApiError>(503, &(), body.as_bytes()).unwrap();
    let unknown = decoded.error().unknown().expect("an unknown code");
    assert_eq!(unknown.code(), "QUOTA_FROZEN");
    assert_eq!(unknown.message(), "Frozen until {date}.");
    assert_eq!(unknown.status(), Some(503));
    assert_eq!(
        serde_json::Value::Object(unknown.details().clone()),
        json!({"date": "2027-01-01", "nested": {"a": [1, 2]}})
    );
    assert_eq!(unknown.to_string(), "QUOTA_FROZEN: Frozen until {date}.");
    assert_eq!(decoded.code(), "QUOTA_FROZEN");
    assert_eq!(decoded.request_id(), Some("req_7"));
    assert_eq!(decoded.known(), None);
    assert!(decoded.is_retryable());
    assert_eq!(
        decoded.to_string(),
        "QUOTA_FROZEN: Frozen until {date}. (request id req_7)"
    );

    // Retryable only for 5xx and 429, and not at all without a status.
    for (status, retryable) in [(Some(429), true), (Some(500), true), (Some(599), true)]
        .into_iter()
        .chain([(Some(400), false), (Some(409), false), (None, false)])
    {
        let decoded: Decoded<ApiError> = match status {
            Some(status) => decode_response(status, &(), body.as_bytes()).unwrap(),
            None => decode(body.as_bytes()).unwrap(),
        };
        assert_eq!(decoded.is_retryable(), retryable, "{status:?}");
        assert_eq!(decoded.error().unknown().unwrap().is_retryable(), retryable);
        assert_eq!(decoded.error().is_retryable(), retryable);
        assert_eq!(decoded.error().status(), status);
    }

    // No details: an empty map.
    let bare = r#"{"success": false, "errorCode": "GONE_AWAY", "message": "Bye."}"#;
    let decoded = decode::<ApiError>(bare.as_bytes()).unwrap();
    assert!(decoded.error().unknown().unwrap().details().is_empty());
}

#[test]
fn unknown_problem_codes_keep_extension_members_and_status() {
    let body = r#"{"type": "https://errors.example.com/frozen", "title": "Frozen", "status": 423,
        "detail": "The account is frozen.", "instance": "/accounts/1", "code": "ACCOUNT_FROZEN",
        "request_id": "req_1", "timestamp": "2026-11-21T10:00:00Z", "until": "2027-01-01", "by": ["ops"]}"#;
    let decoded = decode::<problem::ProblemError>(body.as_bytes()).unwrap();
    let unknown = decoded.error().unknown().unwrap();
    assert_eq!(unknown.status(), Some(423));
    assert_eq!(
        serde_json::Value::Object(unknown.details().clone()),
        json!({"until": "2027-01-01", "by": ["ops"]})
    );
    assert_eq!(decoded.doc_url(), Some("https://errors.example.com/frozen"));
    assert_eq!(
        decoded.timestamp(),
        Some(Timestamp::from_unix_millis(1_795_255_200_000))
    );
    assert!(!decoded.is_retryable());
    // The transport's status wins over the body's.
    let decoded = decode_response::<problem::ProblemError>(503, &(), body.as_bytes()).unwrap();
    assert_eq!(decoded.status(), Some(503));
    assert!(decoded.is_retryable());
}

#[test]
fn status_and_retry_after_come_from_the_transport_first() {
    let body = r#"{"success": false, "errorCode": "RATE_LIMITED", "message": "m",
        "details": {"category": "read", "retryAfter": 42}}"#;
    let decoded: Decoded<ApiError> = Decoder::new()
        .status(429)
        .retry_after(Duration::from_secs(7))
        .decode(body.as_bytes())
        .unwrap();
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(decoded.status(), Some(429));
    let header = |value: &str| {
        Decoder::new()
            .retry_after_header(value)
            .decode::<ApiError>(body.as_bytes())
            .unwrap()
            .retry_after()
    };
    assert_eq!(header("7"), Some(Duration::from_secs(7)));
    assert_eq!(
        header("Thu, 01 Jan 1970 00:00:00 GMT"),
        Some(Duration::ZERO)
    );
    assert_eq!(header("soon"), Some(Duration::from_secs(42)), "ignored");
    let decoded = decode::<ApiError>(body.as_bytes()).unwrap();
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(42)));
    assert_eq!(decoded.error().status(), Some(429));
    assert!(decoded.error().is_retryable());
    assert_eq!(decoded.status(), Some(429), "the catalog's status");
    // The message is the server's text, not re-rendered.
    assert_eq!(decoded.message(), "m");
    assert_eq!(
        decoded.known().unwrap().to_string(),
        "Rate limit exceeded for read endpoints. Retry in 42 seconds."
    );
}

#[test]
fn timestamps_parse_as_rfc_3339_or_are_kept_as_text() {
    let with = |ts: serde_json::Value| {
        let body = json!({"error": {"code": "invalid_api_key", "message": "m", "timestamp": ts}});
        decode::<nested::SessionApiError>(body.to_string().as_bytes())
    };
    let decoded = with(json!("2026-11-21T11:00:00.5+01:00")).unwrap();
    assert_eq!(
        decoded.timestamp(),
        Some(Timestamp::from_unix_millis(1_795_255_200_500))
    );
    let decoded = with(json!("21/11/2026 10:00")).unwrap();
    assert_eq!(decoded.timestamp(), None);
    assert_eq!(decoded.timestamp_text(), Some("21/11/2026 10:00"));
    assert_eq!(
        with(json!(1_795_255_200)).unwrap_err(),
        envelope("error.timestamp", "a string")
    );
}

#[test]
fn unknown_members_are_ignored_for_forward_compatibility() {
    let body = r#"{"success": false, "errorCode": "TIMEOUT", "message": "m", "hint": "new",
        "details": {"timeoutMs": 30000, "addedLater": true}}"#;
    let decoded = decode::<ApiError>(body.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::Timeout { timeout_ms: 30000 })
    );
}

#[test]
fn flat_success_may_be_left_out_but_not_true() {
    let body = r#"{"errorCode": "UNAUTHENTICATED", "message": "m"}"#;
    assert_eq!(
        decode::<ApiError>(body.as_bytes()).unwrap().known(),
        Some(&ApiError::Unauthenticated)
    );
    for bad in [json!(true), json!("false"), json!(0)] {
        let body = json!({"success": bad, "errorCode": "UNAUTHENTICATED", "message": "m"});
        assert_eq!(
            err::<ApiError>(&body.to_string()),
            envelope("success", "`false`")
        );
    }
}

// ---------------------------------------------------------------------------
// Malformed input: a typed error naming what was wrong
// ---------------------------------------------------------------------------

#[test]
fn not_json() {
    for body in [
        &b""[..],
        b"not json",
        b"{\"success\": false,",
        b"{} trailing",
        b"{\"a\": 1,}",
        b"\xff\xfe{}",
        b"{\"errorCode\": \"\xc3\x28\"}",
    ] {
        match decode::<ApiError>(body) {
            Err(DecodeError::Json { reason }) => assert!(!reason.is_empty()),
            other => panic!("{:?}: {other:?}", String::from_utf8_lossy(body)),
        }
    }
}

#[test]
fn not_an_object() {
    for body in ["[]", "null", "42", "\"error\"", "true"] {
        let error = err::<ApiError>(body);
        assert_eq!(error, envelope("", "a JSON object"), "{body}");
        assert_eq!(
            error.to_string(),
            "not an error envelope: the body must be a JSON object"
        );
    }
}

#[test]
fn flat_members_missing_or_of_the_wrong_type() {
    let cases = [
        (
            json!({"success": false, "message": "m"}),
            envelope("errorCode", "present, a string"),
        ),
        (
            json!({"success": false, "errorCode": null, "message": "m"}),
            envelope("errorCode", "present, a string"),
        ),
        (
            json!({"success": false, "errorCode": 42, "message": "m"}),
            envelope("errorCode", "a string"),
        ),
        (
            json!({"success": false, "errorCode": "TIMEOUT"}),
            envelope("message", "present, a string"),
        ),
        (
            json!({"success": false, "errorCode": "TIMEOUT", "message": ["m"]}),
            envelope("message", "a string"),
        ),
        (
            json!({"errorCode": "TIMEOUT", "message": "m", "details": [1]}),
            envelope("details", "an object"),
        ),
        (
            json!({"errorCode": "TIMEOUT", "message": "m", "details": {"timeoutMs": 1}, "requestId": 7}),
            envelope("requestId", "a string"),
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(err::<ApiError>(&body.to_string()), expected, "{body}");
    }
    assert_eq!(
        envelope("errorCode", "a string").to_string(),
        "not an error envelope: `errorCode` must be a string"
    );
}

#[test]
fn nested_and_typed_members_missing_or_of_the_wrong_type() {
    use nested::SessionApiError as N;
    use typed::PaymentsError as T;
    assert_eq!(
        err::<N>(r#"{"code": "invalid_api_key", "message": "m"}"#),
        envelope("error", "present, an object")
    );
    assert_eq!(
        err::<N>(r#"{"error": "invalid_api_key"}"#),
        envelope("error", "an object")
    );
    assert_eq!(
        err::<N>(r#"{"error": {"message": "m"}}"#),
        envelope("error.code", "present, a string")
    );
    assert_eq!(
        err::<N>(r#"{"error": {"code": "invalid_api_key", "message": "m", "request_id": {}}}"#),
        envelope("error.request_id", "a string")
    );
    assert_eq!(
        err::<T>(r#"{"error": {"code": "API_ERROR", "message": "m", "doc_url": 1}}"#),
        envelope("error.doc_url", "a string")
    );
    assert_eq!(
        err::<T>(r#"{"error": {"code": "API_ERROR", "message": "m", "param": []}}"#),
        envelope("error.param", "a string")
    );
    assert_eq!(
        err::<T>(r#"{"error": {"type": 5, "code": "API_ERROR", "message": "m"}}"#),
        envelope("error.type", "a string")
    );
    // Renamed members are named by their key on the wire.
    use nested_renamed::NestedApiError as R;
    assert_eq!(
        err::<R>(r#"{"fault": {"code": "TIMEOUT", "message": "m"}}"#),
        envelope("fault.error_code", "present, a string")
    );
    assert_eq!(
        err::<R>(r#"{"error": {"error_code": "TIMEOUT", "message": "m"}}"#),
        envelope("fault", "present, an object")
    );
}

#[test]
fn problem_members_missing_or_of_the_wrong_type() {
    use problem::ProblemError as P;
    let base = || json!({"type": "about:blank", "title": "t", "status": 429, "detail": "d", "code": "RATE_LIMITED", "retry_after": 1});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = base();
        body[key] = value;
        body.to_string()
    };
    let without = |key: &str| {
        let mut body = base();
        body.as_object_mut().unwrap().remove(key);
        body.to_string()
    };
    assert!(decode::<P>(base().to_string().as_bytes()).is_ok());
    assert_eq!(
        err::<P>(&without("code")),
        envelope("code", "present, a string")
    );
    assert_eq!(
        err::<P>(&without("detail")),
        envelope("detail", "present, a string")
    );
    for status in [
        json!("429"),
        json!(99),
        json!(600),
        json!(-1),
        json!(429.5),
        json!(70_000),
    ] {
        assert_eq!(
            err::<P>(&with("status", status.clone())),
            envelope("status", "an HTTP status (100..=599)"),
            "{status}"
        );
    }
    assert_eq!(
        err::<P>(&with("type", json!(1))),
        envelope("type", "a string")
    );
    assert_eq!(
        err::<P>(&with("title", json!({}))),
        envelope("title", "a string")
    );
    assert_eq!(
        err::<P>(&with("instance", json!(7))),
        envelope("instance", "a string")
    );
    // Members that may be absent may be left out.
    let mut minimal = base();
    for key in ["type", "title", "status"] {
        minimal.as_object_mut().unwrap().remove(key);
    }
    let decoded = decode::<P>(minimal.to_string().as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&P::RateLimited { retry_after: 1 }));
}

#[test]
fn detail_values_that_do_not_fit_the_catalog_are_kept_with_the_reason() {
    let body = |details: serde_json::Value| {
        json!({"success": false, "errorCode": "RATE_LIMITED", "message": "m", "details": details})
            .to_string()
    };
    let missing = |field| DecodeError::MissingField {
        code: "RATE_LIMITED",
        field,
    };
    assert_eq!(
        mismatch::<ApiError>(&body(json!({"category": "read"}))),
        missing("retryAfter")
    );
    assert_eq!(
        mismatch::<ApiError>(&body(json!({"category": "read", "retryAfter": null}))),
        missing("retryAfter")
    );
    assert_eq!(
        mismatch::<ApiError>(&json!({"errorCode": "RATE_LIMITED", "message": "m"}).to_string()),
        missing("category"),
        "no details at all"
    );
    for (details, field) in [
        (
            json!({"category": "read", "retryAfter": "42"}),
            "retryAfter",
        ),
        (json!({"category": "read", "retryAfter": -1}), "retryAfter"),
        (json!({"category": "read", "retryAfter": 4.5}), "retryAfter"),
        (
            json!({"category": "read", "retryAfter": 1e300}),
            "retryAfter",
        ),
        (json!({"category": 7, "retryAfter": 42}), "category"),
        (
            json!({"category": "read", "retryAfter": 42, "limit": 4_294_967_296_u64}),
            "limit",
        ),
        (
            json!({"category": "read", "retryAfter": 42, "limit": "100"}),
            "limit",
        ),
    ] {
        match mismatch::<ApiError>(&body(details.clone())) {
            DecodeError::InvalidField {
                code: "RATE_LIMITED",
                field: f,
                reason,
            } => {
                assert_eq!(f, field, "{details}");
                assert!(!reason.is_empty());
            }
            other => panic!("{details}: {other:?}"),
        }
    }
    // One past u64::MAX, which `json!` cannot write.
    let too_big = r#"{"errorCode": "RATE_LIMITED", "message": "m",
        "details": {"category": "read", "retryAfter": 18446744073709551616}}"#;
    assert!(matches!(
        mismatch::<ApiError>(too_big),
        DecodeError::InvalidField {
            code: "RATE_LIMITED",
            field: "retryAfter",
            ..
        }
    ));
    let violations = json!({"success": false, "errorCode": "INVALID_REQUEST", "message": "m",
        "details": {"fields": [{"path": "email"}]}});
    assert!(matches!(
        mismatch::<ApiError>(&violations.to_string()),
        DecodeError::InvalidField {
            code: "INVALID_REQUEST",
            field: "fields",
            ..
        }
    ));
    let error = mismatch::<ApiError>(&body(json!({"category": "read", "retryAfter": "42"})));
    assert!(
        error
            .to_string()
            .starts_with("the `retryAfter` detail of the RATE_LIMITED error is invalid: "),
        "{error}"
    );
    assert_eq!(
        missing("retryAfter").to_string(),
        "the RATE_LIMITED error has no `retryAfter` detail"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert!(matches!(
        decode::<ApiError>(deep.as_bytes()),
        Err(DecodeError::Json { .. })
    ));
    let nested = format!(
        r#"{{"errorCode": "SOMETHING_NEW", "message": "m", "details": {{"x": {}1{}}}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(matches!(
        decode::<ApiError>(nested.as_bytes()),
        Err(DecodeError::Json { .. })
    ));
    // Within the limit, deep details of an unknown code are kept.
    let fine = format!(
        r#"{{"errorCode": "SOMETHING_NEW", "message": "m", "details": {{"x": {}1{}}}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(decode::<ApiError>(fine.as_bytes()).is_ok());
}

#[test]
fn bodies_over_the_size_cap_are_refused_before_parsing() {
    let body = br#"{"errorCode": "TIMEOUT", "message": "m", "details": {"timeoutMs": 1}}"#;
    let exact = Decoder::new().max_len(body.len());
    assert!(exact.decode::<ApiError>(body).is_ok());
    let small = Decoder::new().max_len(body.len() - 1);
    assert_eq!(
        small.decode::<ApiError>(body).unwrap_err(),
        DecodeError::TooLarge {
            len: body.len(),
            limit: body.len() - 1
        }
    );
    // The default cap: 1 MiB. Even invalid JSON over it is refused as too large.
    let huge = vec![b' '; Decoder::DEFAULT_MAX_LEN + 1];
    let error = decode::<ApiError>(&huge).unwrap_err();
    assert_eq!(
        error,
        DecodeError::TooLarge {
            len: 1_048_577,
            limit: 1_048_576
        }
    );
    assert_eq!(
        error.to_string(),
        "the response is 1048577 bytes, more than the 1048576 bytes decoded"
    );
    // A large but legal body decodes.
    let long_message = "x".repeat(900_000);
    let body = json!({"errorCode": "SOMETHING_NEW", "message": long_message}).to_string();
    assert_eq!(
        decode::<ApiError>(body.as_bytes()).unwrap().message().len(),
        900_000
    );
}

#[test]
fn catalog_errors_implement_the_runtime_traits() {
    // `Decoded` is an std error whose source is the error itself.
    let body = br#"{"errorCode": "BAD_GATEWAY", "message": "The upstream service returned an invalid response."}"#;
    let decoded = decode::<ApiError>(body).unwrap();
    let source = std::error::Error::source(&decoded).unwrap();
    assert_eq!(
        source.to_string(),
        "The upstream service returned an invalid response."
    );
    assert_eq!(decoded.known().map(CatalogError::status), Some(502));
}

#[test]
fn a_null_detail_is_missing_unless_the_type_holds_null() {
    use errors_runtime::{JsonValue, WireDetails};
    let members = json!({"answer": null, "name": null});
    let details = WireDetails::new("UPSTREAM", members.as_object());
    // A `json` field round-trips `null`; a string field cannot hold it.
    assert_eq!(details.required::<JsonValue>("answer"), Ok(JsonValue::Null));
    assert_eq!(
        details.required::<String>("name"),
        Err(DecodeError::MissingField {
            code: "UPSTREAM",
            field: "name"
        })
    );
    assert_eq!(details.optional::<String>("name"), Ok(None));
}

proptest! {
    /// Arbitrary bytes never panic the decoder.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = decode::<ApiError>(&bytes);
        let _ = decode::<problem::ProblemError>(&bytes);
    }

    /// Envelope-shaped JSON with random member values never panics, and anything
    /// decoded has the code that was sent.
    #[test]
    fn arbitrary_envelope_shaped_json_never_panics(
        code in prop_oneof![Just(json!("RATE_LIMITED")), Just(json!("INVALID_REQUEST")), any::<i64>().prop_map(|n| json!(n)), "[A-Z_]{1,12}".prop_map(|s| json!(s))],
        message in prop_oneof![Just(json!("m")), Just(json!(null)), any::<bool>().prop_map(|b| json!(b))],
        details in prop_oneof![
            Just(json!(null)),
            Just(json!([])),
            (any::<u64>(), ".{0,8}").prop_map(|(n, s)| json!({"category": s, "retryAfter": n})),
            (any::<i64>(), any::<bool>()).prop_map(|(n, b)| json!({"retryAfter": n, "limit": b, "fields": n})),
        ],
    ) {
        let body = json!({"success": false, "errorCode": code, "message": message, "details": details});
        if let Ok(decoded) = decode::<ApiError>(body.to_string().as_bytes()) {
            prop_assert_eq!(Some(decoded.code()), code.as_str());
        }
    }
}
