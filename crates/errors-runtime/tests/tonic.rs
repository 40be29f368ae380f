//! Feature `tonic` (SPEC 9.5) without a network: each code's gRPC code (every row of
//! the default mapping, and a named one), the `google.rpc.ErrorInfo` metadata,
//! `RetryInfo`, `BadRequest`, and statuses back into typed, mismatched and unknown
//! errors. The loopback round trip is in `tonic_loopback.rs`.
#![cfg(feature = "tonic")]

use std::collections::HashMap;
use std::time::Duration;

use errors_runtime::tonic::{CatalogStatus, ToStatus, from_status, retry_delay, to_status};
use errors_runtime::{CatalogError, DecodeError, FieldViolation, JsonValue};
use serde_json::json;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

mod grpc {
    errors_runtime::catalog!("tests/catalogs/grpc.toml");
}

use grpc::{GrpcError, GrpcErrorCode};

fn metadata(status: &Status) -> HashMap<String, String> {
    status.get_details_error_info().unwrap().metadata
}

fn values() -> GrpcError {
    GrpcError::Values {
        flag: true,
        small: -7,
        big: -9_007_199_254_740_993,
        count: 7,
        total: u64::MAX,
        ratio: 1.0,
        extra: Some(json!({"a": [1, "x"], "b": null})),
        tags: vec!["a b".into(), "\"q\"".into()],
        grid: Some(vec![vec![1, 2], vec![]]),
        note: None,
    }
}

#[test]
fn every_row_of_the_default_mapping_and_a_named_code() {
    // SPEC 9.5: 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404
    // NOT_FOUND, 409 ABORTED, 429 RESOURCE_EXHAUSTED, 499 CANCELLED, 500 INTERNAL, 501
    // UNIMPLEMENTED, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED; another 4xx
    // FAILED_PRECONDITION, another 5xx INTERNAL.
    let rows = [
        (GrpcErrorCode::BadInput, Code::InvalidArgument),
        (GrpcErrorCode::NoKey, Code::Unauthenticated),
        (GrpcErrorCode::Forbidden, Code::PermissionDenied),
        (GrpcErrorCode::Missing, Code::NotFound),
        (GrpcErrorCode::Conflict, Code::Aborted),
        (GrpcErrorCode::SlowDown, Code::ResourceExhausted),
        (GrpcErrorCode::ClientClosed, Code::Cancelled),
        (GrpcErrorCode::Broken, Code::Internal),
        (GrpcErrorCode::NotBuilt, Code::Unimplemented),
        (GrpcErrorCode::Down, Code::Unavailable),
        (GrpcErrorCode::Timeout, Code::DeadlineExceeded),
        (GrpcErrorCode::Gone, Code::FailedPrecondition),
        (GrpcErrorCode::Values, Code::FailedPrecondition),
        (GrpcErrorCode::BadGateway, Code::Internal),
        // `grpc = "NOT_FOUND"` on a 410.
        (GrpcErrorCode::Expired, Code::NotFound),
    ];
    for (code, grpc) in rows {
        assert_eq!(code.meta().grpc.number(), grpc as i32, "{code}");
    }
    let statuses = [
        (GrpcError::NoKey.to_status(), Code::Unauthenticated),
        (GrpcError::Gone.to_status(), Code::FailedPrecondition),
        (GrpcError::BadGateway.to_status(), Code::Internal),
        (GrpcError::Expired.to_status(), Code::NotFound),
        (GrpcError::Timeout.into_status(), Code::DeadlineExceeded),
    ];
    for (status, code) in statuses {
        assert_eq!(status.code(), code, "{status:?}");
    }
    assert_eq!(GrpcError::CATALOG.grpc_domain, "grpc.example.com");
}

#[test]
fn error_info_carries_code_domain_message_and_public_fields_as_text() {
    let error = values();
    let status = to_status(&error);
    assert_eq!(status.message(), "Values.");
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.reason, "VALUES");
    assert_eq!(info.domain, "grpc.example.com");
    let expected: HashMap<String, String> = [
        ("flag", "true"),
        ("small", "-7"),
        ("big", "-9007199254740993"),
        ("count", "7"),
        ("total", "18446744073709551615"),
        // The float's `Display`, as a header would carry it.
        ("ratio", "1"),
        ("extra", r#"{"a":[1,"x"],"b":null}"#),
        ("tags", r#"["a b","\"q\""]"#),
        ("grid", "[[1,2],[]]"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    // `note` is unset: left out.
    assert_eq!(info.metadata, expected);
    assert_eq!(from_status::<GrpcError>(&status).known(), Some(&error));
}

#[test]
fn fields_outside_details_travel_and_internal_ones_never_do() {
    let slow = GrpcError::SlowDown {
        retry_after: 30,
        remaining: 0,
    };
    let status = slow.to_status();
    assert_eq!(
        metadata(&status),
        HashMap::from([
            ("retry_after".to_owned(), "30".to_owned()),
            ("remaining".to_owned(), "0".to_owned())
        ])
    );
    assert_eq!(status.catalog_error::<GrpcError>().known(), Some(&slow));

    let lookup = GrpcError::Lookup {
        kind: "bucket".into(),
        name: "logs {2026}".into(),
    };
    let status = lookup.to_status();
    assert_eq!(status.message(), "No bucket named logs {2026}.");
    // The `param` field travels; the message-only one is read from the message.
    assert_eq!(
        metadata(&status),
        HashMap::from([("name".to_owned(), "logs {2026}".to_owned())])
    );
    assert_eq!(from_status::<GrpcError>(&status).known(), Some(&lookup));

    let broken = GrpcError::Broken {
        cause: "disk on fire".into(),
    };
    let status = broken.to_status();
    assert!(metadata(&status).is_empty());
    assert!(!format!("{status:?}").contains("disk on fire"));
    // The internal field comes back as its default: it never travels.
    assert_eq!(
        from_status::<GrpcError>(&status).known(),
        Some(&GrpcError::Broken {
            cause: String::new()
        })
    );
}

#[test]
fn retry_info_comes_from_the_retry_after_field() {
    let status = GrpcError::SlowDown {
        retry_after: 42,
        remaining: 1,
    }
    .to_status();
    let info = status.get_details_retry_info().unwrap();
    assert_eq!(info.retry_delay, Some(Duration::from_secs(42)));
    assert_eq!(retry_delay(&status), Some(Duration::from_secs(42)));
    // An optional retry-after field that is unset sends no RetryInfo.
    let down = GrpcError::Down { retry_after: None }.to_status();
    assert!(down.get_details_retry_info().is_none());
    let down = GrpcError::Down {
        retry_after: Some(5),
    }
    .to_status();
    assert_eq!(retry_delay(&down), Some(Duration::from_secs(5)));
    assert!(
        GrpcError::Conflict
            .to_status()
            .get_details_retry_info()
            .is_none()
    );
}

#[test]
fn bad_request_lists_the_field_violations() {
    let error = GrpcError::BadInput {
        fields: vec![
            FieldViolation::new("user.email", "must be an email").with_rule("format"),
            FieldViolation::new("age", "must be positive"),
        ],
    };
    let status = error.to_status();
    let bad = status.get_details_bad_request().unwrap();
    let got: Vec<(&str, &str, &str)> = bad
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("user.email", "must be an email", "format"),
            ("age", "must be positive", "")
        ]
    );
    assert_eq!(status.catalog_error::<GrpcError>().known(), Some(&error));
    assert!(
        GrpcError::Conflict
            .to_status()
            .get_details_bad_request()
            .is_none()
    );
}

#[test]
fn non_finite_floats_travel_by_name() {
    for (ratio, text) in [
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
        (-0.25, "-0.25"),
        (1e300, &*1e300f64.to_string()),
    ] {
        let mut error = values();
        if let GrpcError::Values { ratio: r, .. } = &mut error {
            *r = ratio;
        }
        let status = error.to_status();
        assert_eq!(metadata(&status)["ratio"], text);
        assert_eq!(from_status::<GrpcError>(&status).known(), Some(&error));
    }
    // NaN is never equal to itself: compared by what it is.
    let mut error = values();
    if let GrpcError::Values { ratio, .. } = &mut error {
        *ratio = f64::NAN;
    }
    let status = error.to_status();
    assert_eq!(metadata(&status)["ratio"], "NaN");
    match from_status::<GrpcError>(&status).known() {
        Some(GrpcError::Values { ratio, .. }) => assert!(ratio.is_nan(), "{ratio}"),
        other => panic!("{other:?}"),
    }
}

/// A status as a server of this catalog with other values would send it.
fn status_with(reason: &str, domain: &str, metadata: &[(&str, &str)]) -> Status {
    let metadata: HashMap<String, String> = metadata
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Status::with_error_details(
        Code::NotFound,
        "No item x.",
        ErrorDetails::with_error_info(reason, domain, metadata),
    )
}

#[test]
fn bad_values_and_missing_fields_are_mismatched_never_defaulted() {
    let received = from_status::<GrpcError>(&status_with(
        "SLOW_DOWN",
        "grpc.example.com",
        &[("retry_after", "soon")],
    ));
    let mismatched = received.mismatched().unwrap();
    assert_eq!(mismatched.code(), "SLOW_DOWN");
    assert!(
        matches!(
            mismatched.reason(),
            DecodeError::InvalidField {
                field: "retry_after",
                ..
            }
        ),
        "{:?}",
        mismatched.reason()
    );
    assert_eq!(mismatched.details()["retry_after"], "soon");

    let received = from_status::<GrpcError>(&status_with("MISSING", "grpc.example.com", &[]));
    let mismatched = received.mismatched().unwrap();
    assert_eq!(
        mismatched.reason(),
        &DecodeError::MissingField {
            code: "MISSING",
            field: "id"
        }
    );
    assert_eq!(mismatched.message(), "No item x.");

    let received = from_status::<GrpcError>(&status_with(
        "VALUES",
        "grpc.example.com",
        &[("tags", "not json")],
    ));
    assert!(received.mismatched().is_some(), "{received:?}");

    let ok = from_status::<GrpcError>(&status_with("MISSING", "grpc.example.com", &[("id", "x")]));
    assert_eq!(ok.known(), Some(&GrpcError::Missing { id: "x".into() }));
}

#[test]
fn unknown_codes_and_other_domains_are_kept() {
    // A code this build does not know.
    let received = from_status::<GrpcError>(&status_with(
        "QUOTA_FROZEN",
        "grpc.example.com",
        &[("until", "tomorrow")],
    ));
    let unknown = received.unknown().unwrap();
    assert_eq!(
        (unknown.code(), unknown.message(), unknown.status()),
        ("QUOTA_FROZEN", "No item x.", Some(404))
    );
    assert_eq!(unknown.details()["until"], JsonValue::from("tomorrow"));

    // One of our codes, but from another service's domain.
    let received =
        from_status::<GrpcError>(&status_with("MISSING", "other.example.com", &[("id", "x")]));
    assert_eq!(received.unknown().unwrap().code(), "MISSING");

    // No details at all: the gRPC code's name, and its HTTP status decides retrying.
    let received = from_status::<GrpcError>(&Status::unavailable("try later"));
    let unknown = received.unknown().unwrap();
    assert_eq!(
        (unknown.code(), unknown.message(), unknown.status()),
        ("UNAVAILABLE", "try later", Some(503))
    );
    assert!(unknown.is_retryable());
    let received = from_status::<GrpcError>(&Status::invalid_argument("no"));
    assert!(!received.is_retryable());
    let received = from_status::<GrpcError>(&Status::ok(""));
    assert_eq!(
        (received.code(), received.unknown().unwrap().status()),
        ("OK", None)
    );

    // Details that are not protobuf: no details, never a panic.
    let garbage = Status::with_details(Code::Internal, "odd", vec![0xff, 0x00, 0x13].into());
    assert_eq!(from_status::<GrpcError>(&garbage).code(), "INTERNAL");
}
