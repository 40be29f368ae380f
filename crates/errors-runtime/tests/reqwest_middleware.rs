//! `CatalogMiddleware` over loopback, on tokio's paused clock (the waits between
//! attempts pass at once, and are measured exactly): what it retries, how long it
//! waits, what it never retries, and the circuit breaker it shares.

#![cfg(feature = "reqwest-middleware")]

mod scripted;

use std::sync::Arc;
use std::time::Duration;

use errors_runtime::breaker::{CircuitBreaker, CircuitState};
use errors_runtime::reqwest::{CatalogMiddleware, ClientError, ResponseExt};
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use scripted::{Reply, Server};
use tokio::time::Instant;

mod api {
    errors_runtime::catalog!("../../catalog.toml", client);
}
use api::ApiError;

/// The catalog's middleware, always drawing the longest backoff: 1 s, 2 s, 4 s, 8 s.
fn middleware() -> CatalogMiddleware<ApiError> {
    CatalogMiddleware::<ApiError>::new().with_random(|| u64::MAX)
}

fn client(middleware: CatalogMiddleware<ApiError>) -> ClientWithMiddleware {
    // No timeout: on a paused clock it would expire at once while the server works.
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    ClientBuilder::new(http).with(middleware).build()
}

fn unavailable() -> Reply {
    let error = ApiError::ServiceUnavailable { retry_after: None };
    Reply::json(503, error.envelope().request_id("req_503").to_json())
}

#[tokio::test(start_paused = true)]
async fn a_retryable_503_is_retried_after_the_backoff_then_succeeds() {
    let server = Server::start(vec![unavailable(), Reply::new(200, "ok")]);
    let started = Instant::now();
    let response = client(middleware())
        .get(server.url("/sessions"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
    assert_eq!(server.hits().len(), 2);
    // The longest backoff after the first attempt: the catalog's base, 1 s.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(1) && waited < Duration::from_millis(1100),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_waits_exactly_its_retry_after() {
    let error = ApiError::RateLimited {
        category: "read".into(),
        retry_after: 7,
        limit: None,
    };
    let limited = Reply::json(429, error.envelope().to_json()).header("Retry-After", "7");
    let server = Server::start(vec![limited, Reply::new(200, "ok")]);
    let started = Instant::now();
    let response = client(middleware())
        .get(server.url("/sessions"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.hits().len(), 2);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(7) && waited < Duration::from_millis(7100),
        "not the 1 s backoff but Retry-After: {waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_code_the_catalog_does_not_retry_is_returned_after_one_attempt() {
    let error = ApiError::SessionNotFound {
        session_id: "s_9".into(),
    };
    let server = Server::start(vec![
        Reply::json(404, error.envelope().request_id("req_404").to_json()),
        Reply::new(200, "never sent"),
    ]);
    let started = Instant::now();
    let response = client(middleware())
        .get(server.url("/sessions/s_9"))
        .send()
        .await
        .unwrap();
    assert_eq!(server.hits().len(), 1);
    assert_eq!(started.elapsed(), Duration::ZERO);
    // The response read to judge it is passed on whole, URL included.
    assert_eq!(response.url().as_str(), server.url("/sessions/s_9"));
    let decoded = match response.catalog_error::<ApiError>().await {
        Err(ClientError::Api(decoded)) => decoded,
        other => panic!("{other:?}"),
    };
    assert_eq!(decoded.known(), Some(&error));
    assert_eq!(decoded.request_id(), Some("req_404"));
}

#[tokio::test(start_paused = true)]
async fn attempts_run_out_and_the_last_error_response_is_returned() {
    let server = Server::start(vec![unavailable()]);
    let started = Instant::now();
    let response = client(middleware().without_breaker())
        .get(server.url("/sessions"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(server.hits().len(), 5, "the catalog's max_attempts");
    // 1 + 2 + 4 + 8 s of backoff between the 5 attempts.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(15) && waited < Duration::from_millis(15_100),
        "{waited:?}"
    );
    let error = response.catalog_error::<ApiError>().await.unwrap_err();
    assert_eq!(error.request_id(), Some("req_503"));
}

#[tokio::test(start_paused = true)]
async fn a_post_is_retried_only_with_the_callers_idempotency_key() {
    // Without a key: sent once, whatever the error.
    let server = Server::start(vec![unavailable(), Reply::new(201, "created")]);
    let response = client(middleware())
        .post(server.url("/sessions"))
        .body(r#"{"title":"Spin"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(server.hits().len(), 1);
    assert_eq!(
        server.hits()[0].header("idempotency-key"),
        None,
        "no key invented"
    );

    // With one: retried, the same key and body on every attempt.
    let server = Server::start(vec![
        unavailable(),
        unavailable(),
        Reply::new(201, "booked"),
    ]);
    let response = client(middleware())
        .post(server.url("/sessions/s_1/bookings"))
        .header("Idempotency-Key", "order-42")
        .body(r#"{"member_id":"m_1"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let hits = server.hits();
    assert_eq!(hits.len(), 3);
    for hit in &hits {
        assert_eq!(hit.method, "POST");
        assert_eq!(hit.header("idempotency-key"), Some("order-42"));
        assert_eq!(hit.body, br#"{"member_id":"m_1"}"#);
    }

    // PATCH is not idempotent either; PUT and DELETE are.
    for (method, attempts) in [
        (reqwest::Method::PATCH, 1),
        (reqwest::Method::PUT, 2),
        (reqwest::Method::DELETE, 2),
    ] {
        let server = Server::start(vec![unavailable(), Reply::new(200, "ok")]);
        client(middleware())
            .request(method.clone(), server.url("/sessions/s_1"))
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(server.hits().len(), attempts, "{method}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_breaker_opens_at_the_catalogs_threshold_and_then_nothing_is_sent() {
    let server = Server::start(vec![unavailable()]);
    let shared = middleware();
    let breaker = Arc::clone(shared.breaker().unwrap());
    assert_eq!(
        breaker.failure_threshold(),
        5,
        "the catalog's [circuit_breaker]"
    );
    let first = client(shared.clone());
    // Five attempts, five 503s: the fifth opens the circuit.
    let response = first.get(server.url("/sessions")).send().await.unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(server.hits().len(), 5);
    assert_eq!(breaker.state(), CircuitState::Open);

    // Every clone of the middleware, in any client, now fails fast.
    let second = client(shared.clone());
    for client in [&first, &second] {
        let error = client
            .get(server.url("/sessions"))
            .send()
            .await
            .unwrap_err();
        let error = ClientError::<ApiError>::from(error);
        let ClientError::CircuitOpen(open) = &error else {
            panic!("expected an open circuit, got {error:?}");
        };
        assert!(
            open.retry_in()
                .is_some_and(|wait| wait <= Duration::from_secs(30))
        );
        assert!(error.to_string().contains("circuit is open"), "{error}");
    }
    assert_eq!(
        server.hits().len(),
        5,
        "refused calls never reach the server"
    );
}

#[tokio::test(start_paused = true)]
async fn no_response_is_retried_and_then_returned() {
    let addr = std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap();
    let breaker = Arc::new(CircuitBreaker::new().with_failure_threshold(100));
    let started = Instant::now();
    let error = client(middleware().with_breaker(Arc::clone(&breaker)))
        .get(format!("http://{addr}/sessions"))
        .send()
        .await
        .unwrap_err();
    let error = ClientError::<ApiError>::from(error);
    assert!(
        matches!(error, ClientError::Transport(ref e) if e.is_connect()),
        "{error:?}"
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(15) && waited < Duration::from_millis(15_100),
        "5 attempts: {waited:?}"
    );
    assert_eq!(
        breaker.state(),
        CircuitState::Closed,
        "a custom breaker, 100 failures"
    );
}

#[test]
fn another_middlewares_error_is_kept() {
    let other = reqwest_middleware::Error::middleware(std::io::Error::other("signing failed"));
    let error = ClientError::<ApiError>::from(other);
    assert!(matches!(error, ClientError::Middleware(_)), "{error:?}");
    assert!(error.to_string().contains("signing failed"), "{error}");
}
