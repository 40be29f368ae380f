//! `ResponseExt::catalog_error` and `ClientError` over loopback: a success passed
//! on, every envelope style decoded, unknown and mismatched codes kept, a body
//! outside the catalog described, and no response at all.

#![cfg(feature = "reqwest")]

mod scripted;

use std::time::Duration;

use errors_runtime::reqwest::{ClientError, ResponseExt};
use errors_runtime::retry::AsFailure;
use errors_runtime::{Decode, DecodeError, Decoder};
use scripted::{Reply, Server};

mod flat {
    errors_runtime::catalog!("../../catalog.toml", client);
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/bundled_nested.toml", client);
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/bundled_typed.toml", client);
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/bundled_problem.toml", client);
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// One GET of `reply`, checked against the catalog of `E`.
async fn fetch<E: Decode>(reply: Reply) -> (Result<reqwest::Response, ClientError<E>>, Server) {
    let server = Server::start(vec![reply]);
    let response = http().get(server.url("/x")).send().await.unwrap();
    (response.catalog_error::<E>().await, server)
}

fn decoded<E: Decode>(
    result: Result<reqwest::Response, ClientError<E>>,
) -> errors_runtime::Decoded<E> {
    match result {
        Err(ClientError::Api(decoded)) => *decoded,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_success_is_passed_on_untouched() {
    for status in [200, 201, 204, 302] {
        let (result, _server) = fetch::<flat::ApiError>(Reply::new(status, "")).await;
        let response = result.unwrap();
        assert_eq!(response.status().as_u16(), status);
    }
    let (result, _server) = fetch::<flat::ApiError>(
        Reply::json(200, r#"{"id":"s_1"}"#).header("X-Request-Id", "req_ok"),
    )
    .await;
    let response = result.unwrap();
    assert_eq!(response.headers()["x-request-id"], "req_ok");
    assert_eq!(response.text().await.unwrap(), r#"{"id":"s_1"}"#);
}

/// Sends `error` as the service would, in its catalog's style, and checks that the
/// client gets it back typed, with the request id.
async fn round_trip<E: Decode + PartialEq + Clone>(error: E, to_json: impl Fn(&E) -> String) {
    let reply = Reply::json(error.status(), to_json(&error));
    let (result, server) = fetch::<E>(reply).await;
    let decoded = decoded(result);
    assert_eq!(decoded.known(), Some(&error));
    assert_eq!(decoded.request_id(), Some("req_style"));
    assert_eq!(decoded.status(), Some(error.status()));
    assert_eq!(server.hits().len(), 1);
}

#[tokio::test]
async fn every_envelope_style_decodes_to_the_typed_error() {
    round_trip(
        flat::ApiError::SessionNotFound {
            session_id: "s_9".into(),
        },
        |e| e.envelope().request_id("req_style").to_json(),
    )
    .await;
    round_trip(
        nested::NestedApiError::SessionNotFound {
            session_id: "s_9".into(),
        },
        |e| e.envelope().request_id("req_style").to_json(),
    )
    .await;
    round_trip(
        typed::TypedApiError::SessionNotFound {
            session_id: "s_9".into(),
        },
        |e| e.envelope().request_id("req_style").to_json(),
    )
    .await;
    round_trip(
        problem::ProblemApiError::SessionNotFound {
            session_id: "s_9".into(),
        },
        |e| e.envelope().request_id("req_style").to_json(),
    )
    .await;
}

#[tokio::test]
async fn retry_after_comes_from_the_header_and_the_error_is_retryable() {
    let error = flat::ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
        limit: None,
    };
    let reply = Reply::json(429, error.envelope().to_json()).header("Retry-After", "7");
    let (result, _server) = fetch::<flat::ApiError>(reply).await;
    let error = result.unwrap_err();
    assert!(matches!(
        error.api(),
        Some(flat::ApiError::RateLimited { .. })
    ));
    assert_eq!(error.status(), Some(429));
    let failure = error.as_failure();
    assert!(failure.is_retryable());
    assert_eq!(failure.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn an_unknown_code_keeps_code_message_and_status() {
    let body = r#"{"success": false, "errorCode": "QUOTA_FROZEN", "message": "Frozen.", "requestId": "req_u"}"#;
    let (result, _server) = fetch::<flat::ApiError>(Reply::json(503, body)).await;
    let error = result.unwrap_err();
    assert!(error.api().is_none());
    assert_eq!(error.request_id(), Some("req_u"));
    assert!(
        error.as_failure().is_retryable(),
        "an unknown 503 may be retried"
    );
    let decoded = decoded::<flat::ApiError>(Err(error));
    let unknown = decoded.error().unknown().expect("an unknown code");
    assert_eq!(
        (unknown.code(), unknown.message(), unknown.status()),
        ("QUOTA_FROZEN", "Frozen.", Some(503))
    );
}

#[tokio::test]
async fn a_known_code_whose_fields_do_not_fit_is_mismatched() {
    // SESSION_NOT_FOUND without its `sessionId` detail: an older or newer server.
    let body = r#"{"success": false, "errorCode": "SESSION_NOT_FOUND", "message": "Gone.", "details": {"sessionId": 7}}"#;
    let (result, _server) = fetch::<flat::ApiError>(Reply::json(404, body)).await;
    let error = result.unwrap_err();
    assert!(error.api().is_none());
    assert!(
        !error.as_failure().is_retryable(),
        "the catalog's word: a 404 is not"
    );
    let decoded = decoded::<flat::ApiError>(Err(error));
    let mismatched = decoded.error().mismatched().expect("mismatched");
    assert_eq!(mismatched.code(), "SESSION_NOT_FOUND");
    assert_eq!(decoded.message(), "Gone.");
}

#[tokio::test]
async fn a_body_outside_the_catalog_keeps_status_headers_and_an_excerpt() {
    let page = format!(
        "<html><body>502 Bad Gateway{}</body></html>",
        " ".repeat(2000)
    );
    let reply = Reply::new(502, page.clone())
        .header("Content-Type", "text/html")
        .header("Retry-After", "3")
        .header("X-Request-Id", "req_proxy");
    let (result, _server) = fetch::<flat::ApiError>(reply).await;
    let error = result.unwrap_err();
    let ClientError::Undecodable(body) = &error else {
        panic!("expected an undecodable body, got {error:?}");
    };
    assert_eq!(body.status(), 502);
    assert_eq!(body.content_type(), Some("text/html"));
    assert_eq!(body.retry_after(), Some("3"));
    assert_eq!(body.request_id(), Some("req_proxy"));
    assert_eq!(body.body_len(), page.len());
    assert_eq!(body.excerpt(), &page[..512]);
    assert!(matches!(body.decode_error(), DecodeError::Json { .. }));
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.request_id(), Some("req_proxy"));
    let failure = error.as_failure();
    assert!(failure.is_retryable());
    assert_eq!(failure.retry_after(), Some(Duration::from_secs(3)));
    let text = error.to_string();
    assert!(
        text.contains("HTTP 502 with a body outside the catalog"),
        "{text}"
    );
    assert!(text.contains("req_proxy"), "{text}");
    // JSON that is no envelope is outside the catalog too, and a 4xx is final.
    let (result, _server) = fetch::<flat::ApiError>(Reply::json(400, r#"{"error":"nope"}"#)).await;
    let error = result.unwrap_err();
    let ClientError::Undecodable(body) = &error else {
        panic!("expected an undecodable body, got {error:?}");
    };
    assert!(matches!(body.decode_error(), DecodeError::Envelope { .. }));
    assert!(!error.as_failure().is_retryable());
}

#[tokio::test]
async fn a_body_past_the_decoders_cap_is_read_only_that_far() {
    let huge = vec![b'x'; Decoder::DEFAULT_MAX_LEN * 2];
    let (result, _server) = fetch::<flat::ApiError>(Reply::new(500, huge)).await;
    let error = result.unwrap_err();
    let ClientError::Undecodable(body) = &error else {
        panic!("expected an undecodable body, got {error:?}");
    };
    assert_eq!(body.body_len(), Decoder::DEFAULT_MAX_LEN + 1);
    assert!(matches!(body.decode_error(), DecodeError::TooLarge { .. }));
    assert_eq!(body.excerpt().len(), 512);
}

#[tokio::test]
async fn no_response_is_a_retryable_transport_error() {
    // A port that was free a moment ago: the connection is refused.
    let addr = std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap();
    let result = http().get(format!("http://{addr}/x")).send().await;
    let error: ClientError<flat::ApiError> = result.unwrap_err().into();
    assert!(
        matches!(error, ClientError::Transport(ref e) if e.is_connect()),
        "{error:?}"
    );
    assert!(error.as_failure().is_retryable());
    assert_eq!(error.status(), None);
    assert!(
        error.to_string().starts_with("no usable response"),
        "{error}"
    );
    assert!(std::error::Error::source(&error).is_some());
    // A request that cannot even be built is not worth repeating.
    let result = http().get("http://[not a url").send().await;
    let error: ClientError<flat::ApiError> = result.unwrap_err().into();
    assert!(!error.as_failure().is_retryable());
}
