//! `CatalogMiddleware` with a refresh hook, over loopback: an error of a code the
//! catalog marks `retry = "after_refresh"` calls the hook once and sends the
//! rewritten request once more, even a POST; without a hook it is final.

#![cfg(feature = "reqwest-middleware")]

mod scripted;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use errors_runtime::reqwest::CatalogMiddleware;
use reqwest_middleware::ClientBuilder;
use scripted::{Reply, Server};

mod api {
    errors_runtime::catalog!("tests/catalogs/evolve.toml", client);
}
use api::EvolveError;

fn expired() -> Reply {
    Reply::json(401, EvolveError::TokenExpired.envelope().to_json())
}

/// A middleware whose hook counts its calls and sets `Authorization: Bearer fresh`.
fn refreshing(calls: &Arc<AtomicU32>) -> CatalogMiddleware<EvolveError> {
    let calls = Arc::clone(calls);
    CatalogMiddleware::<EvolveError>::new()
        .with_random(|| 0)
        .with_refresh(move |mut request| {
            calls.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                let value = "Bearer fresh".parse().expect("a header value");
                request
                    .headers_mut()
                    .insert(reqwest::header::AUTHORIZATION, value);
                Ok(request)
            })
        })
}

async fn post(server: &Server, middleware: CatalogMiddleware<EvolveError>) -> reqwest::Response {
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
    ClientBuilder::new(http)
        .with(middleware)
        .build()
        .post(server.url("/orders"))
        .header("Authorization", "Bearer expired")
        .body(r#"{"item":"i_1"}"#)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_post_is_sent_again_once_after_the_refresh() {
    let server = Server::start(vec![expired(), Reply::new(201, "created")]);
    let calls = Arc::new(AtomicU32::new(0));
    let response = post(&server, refreshing(&calls)).await;
    assert_eq!(response.status(), 201);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].header("authorization"), Some("Bearer expired"));
    assert_eq!(hits[1].header("authorization"), Some("Bearer fresh"));
    for hit in &hits {
        assert_eq!(hit.method, "POST");
        assert_eq!(hit.body, br#"{"item":"i_1"}"#);
    }
}

#[tokio::test]
async fn a_second_after_refresh_error_is_returned() {
    let server = Server::start(vec![expired(), expired(), Reply::new(201, "never")]);
    let calls = Arc::new(AtomicU32::new(0));
    let response = post(&server, refreshing(&calls)).await;
    assert_eq!(response.status(), 401);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(server.hits().len(), 2);
}

#[tokio::test]
async fn without_a_hook_the_error_is_final() {
    let server = Server::start(vec![expired(), Reply::new(201, "never")]);
    let response = post(&server, CatalogMiddleware::<EvolveError>::new()).await;
    assert_eq!(response.status(), 401);
    assert_eq!(server.hits().len(), 1);
}

#[tokio::test]
async fn a_hook_does_not_make_a_post_retryable_under_the_policy() {
    let unavailable = Reply::json(503, EvolveError::Unavailable.envelope().to_json());
    let server = Server::start(vec![unavailable, Reply::new(201, "never")]);
    let calls = Arc::new(AtomicU32::new(0));
    let response = post(&server, refreshing(&calls)).await;
    assert_eq!(response.status(), 503);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    assert_eq!(server.hits().len(), 1);
}
