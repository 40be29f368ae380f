//! The seeds' example envelopes, produced key for key and value for value (and in the
//! same member order) by catalogs that declare those codes.

use errors_runtime::{FieldViolation, Timestamp};
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

/// Compares the exact text (member order included) and, as a readable second opinion
/// on failure, the parsed values.
fn assert_json(actual: &str, expected: serde_json::Value, expected_text: &str) {
    let parsed: serde_json::Value = serde_json::from_str(actual).unwrap();
    assert_eq!(parsed, expected);
    assert_eq!(actual, expected_text);
}

#[test]
fn seed_000_rate_limited() {
    let error = bundled::ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
        limit: None,
    };
    assert_eq!(
        error.to_string(),
        "Rate limit exceeded for read endpoints. Retry in 42 seconds."
    );
    assert_json(
        &error.envelope().request_id("req_2N7s8x9KqR").to_json(),
        json!({
            "success": false,
            "errorCode": "RATE_LIMITED",
            "message": "Rate limit exceeded for read endpoints. Retry in 42 seconds.",
            "details": { "category": "read", "retryAfter": 42 },
            "requestId": "req_2N7s8x9KqR"
        }),
        r#"{"success":false,"errorCode":"RATE_LIMITED","message":"Rate limit exceeded for read endpoints. Retry in 42 seconds.","details":{"category":"read","retryAfter":42},"requestId":"req_2N7s8x9KqR"}"#,
    );
}

#[test]
fn seed_000_invalid_request() {
    let error = bundled::ApiError::InvalidRequest {
        fields: vec![
            FieldViolation::new("email", "must be a valid email"),
            FieldViolation::new("phone", "must include country code"),
        ],
    };
    assert_json(
        &error.envelope().request_id("req_2N7s8x9KqR").to_json(),
        json!({
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
        }),
        r#"{"success":false,"errorCode":"INVALID_REQUEST","message":"Validation failed.","details":{"fields":[{"path":"email","message":"must be a valid email"},{"path":"phone","message":"must include country code"}]},"requestId":"req_2N7s8x9KqR"}"#,
    );
}

#[test]
fn seed_001_examples() {
    use nested::SessionApiError as E;
    let cases = [
        (
            E::InvalidParameters {
                field: "role_id".into(),
                requirement: "required".into(),
            },
            r#"{"error":{"code":"invalid_parameters","message":"The 'role_id' field is required","details":{"field":"role_id","requirement":"required"}}}"#,
        ),
        (
            E::InvalidApiKey,
            r#"{"error":{"code":"invalid_api_key","message":"The provided API key is invalid or has been revoked"}}"#,
        ),
        (
            E::SessionNotFound,
            r#"{"error":{"code":"session_not_found","message":"Session with ID '123' does not exist"}}"#,
        ),
        (
            E::RateLimitExceeded {
                limit: 100,
                window: "1 minute".into(),
                retry_after: 60,
            },
            r#"{"error":{"code":"rate_limit_exceeded","message":"API rate limit exceeded. Please wait 60 seconds before retrying.","details":{"limit":100,"window":"1 minute","retry_after":60}}}"#,
        ),
        (
            E::InternalError {
                request_id: "req_abc123xyz".into(),
            },
            r#"{"error":{"code":"internal_error","message":"An unexpected error occurred. Please try again or contact support if the issue persists.","details":{"request_id":"req_abc123xyz"}}}"#,
        ),
    ];
    for (error, expected) in cases {
        let expected_value: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_json(&error.envelope().to_json(), expected_value, expected);
    }
}

#[test]
fn nested_with_request_id_and_timestamp_as_seed_002_describes() {
    let error = nested::SessionApiError::RateLimitExceeded {
        limit: 100,
        window: "1 minute".into(),
        retry_after: 60,
    };
    let json = error
        .envelope()
        .request_id("req_abc123xyz")
        .timestamp(Timestamp::from_unix_millis(1_795_255_200_000))
        .to_json();
    assert_eq!(
        json,
        r#"{"error":{"code":"rate_limit_exceeded","message":"API rate limit exceeded. Please wait 60 seconds before retrying.","details":{"limit":100,"window":"1 minute","retry_after":60},"request_id":"req_abc123xyz","timestamp":"2026-11-21T10:00:00.000Z"}}"#
    );
}

#[test]
fn typed_has_its_six_members_always_present() {
    use typed::PaymentsError as E;
    let with_param = E::ParameterInvalid {
        param: "amount".into(),
        reason: "must be positive".into(),
    };
    assert_eq!(
        with_param.envelope().request_id("req_1").to_json(),
        r#"{"error":{"type":"validation_error","code":"PARAMETER_INVALID","message":"The amount parameter is invalid: must be positive","param":"amount","doc_url":"https://docs.example.com/errors#PARAMETER_INVALID","request_id":"req_1","details":{"param":"amount","reason":"must be positive"}}}"#
    );
    // Absent values are `null`, and an error without public fields has no `details`.
    assert_eq!(
        E::AuthenticationRequired.envelope().to_json(),
        r#"{"error":{"type":"auth_error","code":"AUTHENTICATION_REQUIRED","message":"No valid API key provided.","param":null,"doc_url":"https://docs.example.com/errors#AUTHENTICATION_REQUIRED","request_id":null}}"#
    );
    assert_eq!(
        E::RateLimited { retry_after: 60 }
            .envelope()
            .request_id("req_1")
            .timestamp(Timestamp::from_unix_millis(0))
            .to_json(),
        r#"{"error":{"type":"rate_limit_error","code":"RATE_LIMITED","message":"Too many requests. Retry in 60 seconds.","param":null,"doc_url":"https://docs.example.com/errors#RATE_LIMITED","request_id":"req_1","details":{"retry_after":60},"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
}

#[test]
fn problem_details_per_rfc_9457() {
    use problem::ProblemError as E;
    let error = E::RateLimited { retry_after: 60 };
    let envelope = error.envelope().request_id("req_1");
    assert_eq!(envelope.content_type(), "application/problem+json");
    assert_eq!(
        envelope.to_json(),
        r#"{"type":"https://docs.example.com/errors#RATE_LIMITED","title":"Rate limited","status":429,"detail":"Rate limit exceeded. Retry in 60 seconds.","code":"RATE_LIMITED","request_id":"req_1","retry_after":60}"#
    );
    let credit = E::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345".into(), "/account/67890".into()],
    };
    assert_eq!(
        credit.envelope().to_json(),
        r#"{"type":"https://docs.example.com/errors#OUT_OF_CREDIT","title":"Out of credit","status":403,"detail":"Your current balance is 30, but that costs 50.","code":"OUT_OF_CREDIT","balance":30,"cost":50,"accounts":["/account/12345","/account/67890"]}"#
    );
    let violations = E::ValidationFailed {
        fields: vec![FieldViolation::new("age", "must be a positive integer").with_rule("min")],
    };
    assert_eq!(
        violations.envelope().to_json(),
        r#"{"type":"https://docs.example.com/errors#VALIDATION_FAILED","title":"Validation failed","status":422,"detail":"Request validation failed.","code":"VALIDATION_FAILED","fields":[{"path":"age","message":"must be a positive integer","rule":"min"}]}"#
    );
}

#[test]
fn renamed_members_and_snake_case_details() {
    use renamed::RenamedError as E;
    let error = E::QuotaExceeded {
        quota: 1000,
        reset_at: Some("2026-11-22T00:00:00.000Z".into()),
    };
    assert_eq!(
        error.envelope().request_id("req_9").to_json(),
        r#"{"ok":false,"error_code":"QUOTA_EXCEEDED","message":"Quota of 1000 requests exceeded.","details":{"quota":1000,"resetsAt":"2026-11-22T00:00:00.000Z"},"trace_id":"req_9"}"#
    );
    // A `None` optional field is left out; `details` stays, as the code has public fields.
    let bare = E::QuotaExceeded {
        quota: 5,
        reset_at: None,
    };
    assert_eq!(
        bare.envelope().to_json(),
        r#"{"ok":false,"error_code":"QUOTA_EXCEEDED","message":"Quota of 5 requests exceeded.","details":{"quota":5}}"#
    );
}

#[test]
fn internal_fields_never_reach_the_wire() {
    let error = bundled::ApiError::UpstreamTimeout {
        service: "payments".into(),
        timeout_ms: 3000,
        upstream_host: "10.0.0.7:8443 secret-host".into(),
    };
    let json = error.envelope().request_id("r").to_json();
    assert!(!json.contains("secret-host"), "{json}");
    assert!(!json.contains("upstream"), "{json}");
    assert!(!error.to_string().contains("secret-host"));
    // ...but Debug, for logs, shows them.
    assert!(format!("{error:?}").contains("secret-host"));
}

#[test]
fn user_text_is_never_read_as_a_template_and_is_escaped() {
    let error = bundled::ApiError::Conflict {
        reason: "{reason} {{x}} \"quoted\" \\ \u{1} ünï 🎉".into(),
    };
    assert_eq!(
        error.to_string(),
        "Resource state conflict: {reason} {{x}} \"quoted\" \\ \u{1} ünï 🎉"
    );
    let value: serde_json::Value = serde_json::from_str(&error.envelope().to_json()).unwrap();
    assert_eq!(value["message"], json!(error.to_string()));
    assert_eq!(
        value["details"]["reason"],
        json!("{reason} {{x}} \"quoted\" \\ \u{1} ünï 🎉")
    );
}
