//! Enum fields and typed violation rules (SPEC 9.4): the generated enums, their
//! round trip through envelopes and decoding, and what a value this build does not
//! know does to a response (it is kept, `Mismatched`).

#[cfg(feature = "axum")]
#[path = "support/loopback.rs"]
mod loopback;

use std::str::FromStr;

use errors_runtime::{CatalogEnum, DecodeError, FieldViolation, decode, decode_response};

mod api {
    errors_runtime::catalog!("tests/catalogs/enums.toml");
}

use api::{
    ApiError, RateLimitedPlan, RateLimitedSource, RateLimitedTier, ValidationFailedFieldsRule,
    ValidationFailedRule as Rule,
};

#[test]
fn the_generated_enum_parses_displays_and_serializes_as_its_value() {
    assert_eq!(Rule::ALL.len(), 6);
    assert_eq!(
        Rule::VALUES,
        [
            "required",
            "email",
            "min_length",
            "max_length",
            "pattern",
            "unique"
        ]
    );
    assert_eq!(Rule::NAME, "ValidationFailedRule");
    for (rule, value) in Rule::ALL.iter().zip(Rule::VALUES) {
        assert_eq!(rule.as_str(), *value);
        assert_eq!(rule.to_string(), *value);
        assert_eq!(Rule::from_str(value), Ok(*rule));
        assert_eq!(
            serde_json::to_value(rule).unwrap(),
            serde_json::json!(value)
        );
        assert_eq!(
            serde_json::from_value::<Rule>(serde_json::json!(value)).unwrap(),
            *rule
        );
    }
    assert_eq!(Rule::MinLength.to_string(), "min_length");
    assert_eq!(format!("[{:<10}]", Rule::Email), "[email     ]");
    let unknown = Rule::from_str("MinLength").unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "`MinLength` is not a value of `ValidationFailedRule`"
    );
    assert_eq!(unknown.value(), "MinLength");
    assert!(serde_json::from_str::<Rule>("\"phone\"").is_err());
    assert!(serde_json::from_str::<Rule>("3").is_err());
    assert_eq!(Rule::default(), Rule::Required);
    assert_eq!(format!("{:?}", Rule::MaxLength), "MaxLength");
    // The rules of `fields` are their own enum, with their own values.
    assert_eq!(ValidationFailedFieldsRule::VALUES.len(), 6);
    assert_eq!(api::InvalidRequestFieldsRule::VALUES, ["required", "json"]);
}

#[test]
fn the_metadata_lists_the_values() {
    let meta = api::ApiErrorCode::ValidationFailed.meta();
    assert_eq!(meta.fields[0].values, Rule::VALUES);
    assert_eq!(meta.fields[0].ty, errors_runtime::meta::FieldType::String);
    assert_eq!(meta.fields[1].values, &[] as &[&str]);
    assert_eq!(meta.fields[2].values, ValidationFailedFieldsRule::VALUES);
}

fn validation_failed() -> ApiError {
    ApiError::ValidationFailed {
        rule: Rule::MinLength,
        path: "name".into(),
        fields: Some(vec![
            FieldViolation::new("email", "is taken")
                .with_typed_rule(ValidationFailedFieldsRule::Unique),
            FieldViolation::new("name", "is too short").without_rule(),
        ]),
    }
}

#[test]
fn an_enum_field_and_typed_rules_round_trip() {
    let error = validation_failed();
    assert_eq!(error.to_string(), "Validation failed: min_length on name.");
    let json = error.envelope().request_id("req_1").to_json();
    assert_eq!(
        json,
        r#"{"success":false,"errorCode":"VALIDATION_FAILED","message":"Validation failed: min_length on name.","details":{"rule":"min_length","path":"name","fields":[{"path":"email","message":"is taken","rule":"unique"},{"path":"name","message":"is too short"}]},"requestId":"req_1"}"#
    );
    let decoded = decode::<ApiError>(json.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&error));
}

fn mismatch(status: u16, headers: &[(&str, &str)], body: &str) -> DecodeError {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let decoded = decode_response::<ApiError>(status, &headers, body.as_bytes())
        .unwrap_or_else(|e| panic!("{body} is lost: {e}"));
    let Some(mismatched) = decoded.error().mismatched() else {
        panic!("{body} fits: {decoded:?}")
    };
    assert_eq!(decoded.message(), mismatched.message());
    mismatched.reason().clone()
}

#[test]
fn a_value_this_build_does_not_know_keeps_the_response() {
    let body = r#"{"success":false,"errorCode":"VALIDATION_FAILED","message":"Validation failed: phone on tel.","details":{"rule":"phone","path":"tel"}}"#;
    let reason = mismatch(422, &[], body);
    assert!(
        matches!(&reason, DecodeError::InvalidField { field: "rule", reason, .. } if reason.contains("unknown variant `phone`")),
        "{reason:?}"
    );
    // A violation's rule outside the field's `rules`.
    let body = r#"{"success":false,"errorCode":"VALIDATION_FAILED","message":"Validation failed: email on a.","details":{"rule":"email","path":"a","fields":[{"path":"a","message":"m","rule":"json"}]}}"#;
    let reason = mismatch(422, &[], body);
    assert!(
        matches!(
            &reason,
            DecodeError::InvalidField {
                field: "fields",
                ..
            }
        ),
        "{reason:?}"
    );
    // A header-only value, and a message-only one.
    let body = r#"{"success":false,"errorCode":"RATE_LIMITED","message":"Slow down (from edge)."}"#;
    let reason = mismatch(429, &[("X-Tier", "gold")], body);
    assert!(format!("{reason:?}").contains("tier"), "{reason:?}");
    let body = r#"{"success":false,"errorCode":"RATE_LIMITED","message":"Slow down (from moon)."}"#;
    let reason = mismatch(429, &[("X-Tier", "pro")], body);
    assert!(format!("{reason:?}").contains("source"), "{reason:?}");
}

#[test]
fn enum_values_sent_outside_details_are_recovered() {
    let sent = ApiError::RateLimited {
        tier: RateLimitedTier::Pro,
        plan: Some(RateLimitedPlan::Gold),
        source: RateLimitedSource::Origin,
    };
    assert_eq!(sent.to_string(), "Slow down (from origin).");
    let json = sent.envelope().to_json();
    assert_eq!(
        json,
        r#"{"success":false,"errorCode":"RATE_LIMITED","message":"Slow down (from origin).","details":{"plan":"gold"}}"#
    );
    let headers = vec![("x-tier".to_owned(), "pro".to_owned())];
    let decoded = decode_response::<ApiError>(429, &headers, json.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&sent));
    assert_eq!(sent.code().as_str(), "RATE_LIMITED");
}

#[cfg(feature = "axum")]
async fn count(axum::extract::Path(n): axum::extract::Path<u32>) -> String {
    n.to_string()
}

/// The layer's violation of a path that does not parse has the rule `type`, which
/// `INVALID_REQUEST`'s `fields` does not list: the violation is sent without it.
#[cfg(feature = "axum")]
#[tokio::test]
async fn the_layer_leaves_out_a_rule_of_its_own_outside_the_fields_rules() {
    let app = axum::Router::new()
        .route("/count/{n}", axum::routing::get(count))
        .layer(errors_runtime::axum::CatalogLayer::<ApiError>::new());
    let loopback = loopback::serve(app).await;
    let (base, client) = (&loopback.base, &loopback.client);
    let response = client
        .get(format!("{base}/count/abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    drop(loopback);
    assert_eq!(body["errorCode"], "INVALID_REQUEST");
    let violations = body["details"]["fields"].as_array().expect("violations");
    assert_eq!(violations.len(), 1, "{body}");
    assert!(
        violations[0]["message"].as_str().unwrap().contains("abc"),
        "{body}"
    );
    assert!(violations[0].get("rule").is_none(), "{body}");
    // And it decodes, as the typed rule it is without a rule.
    let decoded = decode::<ApiError>(body.to_string().as_bytes()).unwrap();
    let Some(ApiError::InvalidRequest { fields }) = decoded.known() else {
        panic!("{decoded:?}")
    };
    assert_eq!(fields[0].rule, None::<api::InvalidRequestFieldsRule>);
}
