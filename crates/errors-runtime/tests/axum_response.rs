//! Feature `axum`: a handler returns `Result<T, ApiError>` and the client gets the
//! catalog's status, content type, headers and envelope. Works for `catalog!` types,
//! derived ones (generic included) and envelopes carrying a request id.
#![cfg(feature = "axum")]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum_core::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http_body_util::BodyExt;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}

mod derived {
    #[derive(Debug, errors_runtime::Catalog)]
    #[catalog(path = "tests/catalogs/problem.toml")]
    #[allow(dead_code)] // only one variant is built here
    pub(crate) enum ProblemError<E: std::error::Error + 'static> {
        RateLimited {
            retry_after: u64,
        },
        OutOfCredit {
            balance: i64,
            cost: i64,
            accounts: Vec<String>,
        },
        ValidationFailed {
            fields: Vec<errors_runtime::FieldViolation>,
            #[source]
            cause: E,
        },
    }
}

/// The body of a response whose body is already in memory: ready at the first poll.
fn body_json(response: Response) -> serde_json::Value {
    let mut collect = pin!(response.into_body().collect());
    let mut cx = Context::from_waker(Waker::noop());
    match collect.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(collected)) => serde_json::from_slice(&collected.to_bytes()).unwrap(),
        Poll::Ready(Err(err)) => panic!("body error: {err}"),
        Poll::Pending => panic!("an in-memory body is never pending"),
    }
}

fn handler(allowed: bool) -> Result<&'static str, bundled::ApiError> {
    if allowed {
        Ok("booked")
    } else {
        Err(bundled::ApiError::RateLimited {
            category: "write".into(),
            retry_after: 9,
            limit: Some(100),
        })
    }
}

#[test]
fn an_error_returned_by_a_handler_is_its_envelope() {
    assert_eq!(handler(true).into_response().status(), StatusCode::OK);

    let response = handler(false).into_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    assert_eq!(response.headers()[RETRY_AFTER], "9");
    assert_eq!(
        body_json(response),
        serde_json::json!({
            "success": false,
            "errorCode": "RATE_LIMITED",
            "message": "Rate limit exceeded for write endpoints. Retry in 9 seconds.",
            "details": {"category": "write", "retryAfter": 9, "limit": 100},
        })
    );
}

#[test]
fn an_envelope_with_a_request_id_is_a_response_too() {
    let error = bundled::ApiError::RateLimited {
        category: "read".into(),
        retry_after: 1,
        limit: None,
    };
    let response = error.envelope().request_id("req_42").into_response();
    assert_eq!(body_json(response)["requestId"], "req_42");
}

#[test]
fn derived_generic_enums_are_responses_and_never_send_their_source() {
    let error = derived::ProblemError::ValidationFailed {
        fields: vec![errors_runtime::FieldViolation::new("email", "is required")],
        cause: std::io::Error::other("db password is hunter2"),
    };
    let response = error.into_response();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    let body = body_json(response);
    assert_eq!(body["code"], "VALIDATION_FAILED");
    assert_eq!(body["fields"][0]["path"], "email");
    assert!(!body.to_string().contains("hunter2"));
}
