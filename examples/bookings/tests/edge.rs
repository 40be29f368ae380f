//! The HTTP edge of SPEC 9.1 over loopback (axum on 127.0.0.1, reqwest, every
//! request bounded by a client timeout): bare statuses keep theirs and take the code
//! `[http.status]` names or their only candidate, filled from their own headers;
//! what no code answers goes out as made (a 5xx without its body), with one
//! warning per status; replaced bodies lose the headers that described them; a body
//! that never arrives is answered from the status; nested layers and spawned tasks
//! keep the request's id; `[http] timestamp = false` writes none.

mod support;

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use errors_runtime::axum::{CatalogLayer, RequestId};
use errors_runtime::decode_response;
use reqwest::Method;
use support::{Raw, events_of, send};
use tracing::Level;

mod edge {
    errors_runtime::catalog!("tests/catalogs/edge.toml");
}
use edge::EdgeError;

/// `app` on a free port of 127.0.0.1; its base URL.
async fn serve(app: Router) -> String {
    support::capture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

async fn get_raw(url: &str) -> Raw {
    send(Method::GET, url, &[], None).await
}

/// The envelope of `raw` is exactly `expected`'s, with the id of its header and no
/// timestamp; a client decodes it back.
fn assert_envelope(raw: &Raw, expected: &EdgeError) -> String {
    let body = String::from_utf8_lossy(&raw.body).into_owned();
    assert_eq!(raw.status, expected.status(), "{body}");
    assert_eq!(raw.header("content-type"), Some("application/json"));
    let id = raw.header("x-request-id").expect("a request id").to_owned();
    assert_eq!(body, expected.envelope().request_id(id.as_str()).to_json());
    assert!(!body.contains("timestamp"), "{body}");
    let decoded = decode_response::<EdgeError>(raw.status, &raw.headers, &raw.body).unwrap();
    assert_eq!(decoded.known(), Some(expected));
    id
}

fn text(
    status: StatusCode,
    headers: &[(&'static str, &'static str)],
    body: &'static str,
) -> Response {
    let mut response = (status, body).into_response();
    for (name, value) in headers {
        response.headers_mut().append(*name, value.parse().unwrap());
    }
    response
}

#[tokio::test]
async fn a_rate_limiters_429_is_answered_from_its_own_headers() {
    let app = Router::new()
        .route(
            "/limited",
            get(|| async {
                text(
                    StatusCode::TOO_MANY_REQUESTS,
                    &[
                        ("retry-after", "7"),
                        ("x-ratelimit-remaining", "0"),
                        ("x-ratelimit-limit", "100"),
                    ],
                    "slow down",
                )
            }),
        )
        .route(
            "/limited-without-retry-after",
            get(|| async { text(StatusCode::TOO_MANY_REQUESTS, &[], "slow down") }),
        )
        .layer(CatalogLayer::<EdgeError>::new());
    let base = serve(app).await;
    let raw = get_raw(&format!("{base}/limited")).await;
    assert_envelope(
        &raw,
        &EdgeError::TooManyRequests {
            retry_after: 7,
            remaining: Some(0),
        },
    );
    assert_eq!(raw.header("retry-after"), Some("7"));
    assert_eq!(raw.header("x-ratelimit-remaining"), Some("0"));
    // The limiter's other headers are kept.
    assert_eq!(raw.header("x-ratelimit-limit"), Some("100"));
    // The code needs `Retry-After`: without it the 429 goes out as it was (a 4xx
    // keeps its body), with the request id, and one warning says why.
    let raw = get_raw(&format!("{base}/limited-without-retry-after")).await;
    assert_eq!(raw.status, 429);
    assert_eq!(raw.body, b"slow down");
    let id = raw.header("x-request-id").expect("a request id");
    let events = events_of(id);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].level, Level::WARN);
    assert!(
        events[0].fields["message"].contains("Retry-After"),
        "{events:#?}"
    );
}

#[tokio::test]
async fn other_statuses_keep_theirs_and_the_unanswered_5xx_loses_its_body() {
    let app = Router::new()
        .route("/upstream", get(|| async { StatusCode::BAD_GATEWAY }))
        .route(
            "/busy",
            get(|| async {
                text(
                    StatusCode::SERVICE_UNAVAILABLE,
                    &[
                        ("etag", "\"v1\""),
                        ("content-language", "en"),
                        ("vary", "accept"),
                        ("retry-after", "3"),
                    ],
                    "db password rejected for admin@10.0.0.3",
                )
            }),
        )
        .route(
            "/conflict",
            get(|| async { text(StatusCode::CONFLICT, &[], "edit conflict") }),
        )
        .layer(CatalogLayer::<EdgeError>::new());
    let base = serve(app).await;
    // One code of status 502: it answers, with status 502 (never `internal`).
    let raw = get_raw(&format!("{base}/upstream")).await;
    assert_envelope(&raw, &EdgeError::BadGateway);
    // Two codes of status 503 and no entry: no guess. Status and headers stay, the
    // body and what described it go; one warning for the status, however many
    // responses.
    let mut ids = Vec::new();
    for _ in 0..2 {
        let raw = get_raw(&format!("{base}/busy")).await;
        assert_eq!(raw.status, 503);
        assert!(
            raw.body.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&raw.body)
        );
        for gone in ["content-type", "etag", "content-language"] {
            assert_eq!(raw.header(gone), None, "{gone}");
        }
        assert_eq!(raw.header("vary"), Some("accept"));
        assert_eq!(raw.header("retry-after"), Some("3"));
        ids.push(raw.header("x-request-id").expect("a request id").to_owned());
    }
    let warnings: Vec<_> = ids.iter().flat_map(|id| events_of(id)).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let message = &warnings[0].fields["message"];
    assert!(
        message.contains(r#"503 = "SERVICE_UNAVAILABLE""#),
        "{message}"
    );
    assert!(message.contains("`OVERLOADED`"), "{message}");
    // A 4xx no code can fill keeps its body.
    let raw = get_raw(&format!("{base}/conflict")).await;
    assert_eq!((raw.status, &raw.body[..]), (409, &b"edit conflict"[..]));
    assert!(raw.header("x-request-id").is_some());
}

#[tokio::test]
async fn a_replaced_body_takes_none_of_the_headers_that_described_it() {
    const DESCRIBING: [(&str, &str); 8] = [
        ("content-encoding", "br"),
        ("content-range", "bytes 0-3/4"),
        ("content-language", "en"),
        ("content-location", "/elsewhere"),
        ("content-disposition", "attachment"),
        ("etag", "\"v1\""),
        ("last-modified", "Tue, 01 Dec 2026 03:35:29 GMT"),
        ("digest", "sha-256=abc"),
    ];
    let app = Router::new()
        .route(
            "/gone",
            get(|| async {
                let mut headers = DESCRIBING.to_vec();
                headers.push(("vary", "accept-encoding"));
                text(StatusCode::NOT_FOUND, &headers, "nope")
            }),
        )
        .layer(CatalogLayer::<EdgeError>::new());
    let base = serve(app).await;
    let raw = get_raw(&format!("{base}/gone")).await;
    assert_envelope(&raw, &EdgeError::NotFound);
    for (name, _) in DESCRIBING {
        assert_eq!(raw.header(name), None, "{name}");
    }
    assert_eq!(raw.header("vary"), Some("accept-encoding"));
}

/// A body that never sends a byte.
struct Never;

impl HttpBody for Never {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        Poll::Pending
    }
}

#[tokio::test]
async fn a_body_that_never_arrives_is_answered_from_the_status() {
    let app = Router::new()
        .route(
            "/stuck",
            get(|| async {
                let mut response = Response::new(Body::new(Never));
                *response.status_mut() = StatusCode::BAD_REQUEST;
                response
                    .headers_mut()
                    .insert("content-type", "text/plain".parse().unwrap());
                response
            }),
        )
        .layer(CatalogLayer::<EdgeError>::new().body_timeout(Duration::from_millis(200)));
    let base = serve(app).await;
    let started = Instant::now();
    let raw = get_raw(&format!("{base}/stuck")).await;
    // The client gives up after 10 s; the layer answers after its 200 ms.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let id = assert_envelope(&raw, &EdgeError::InvalidRequest { fields: Vec::new() });
    let events = events_of(&id);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert!(
        events[0].fields["reason"].contains("not complete within 200ms"),
        "{events:#?}"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_answered_from_the_status() {
    let app = Router::new()
        .route(
            "/long",
            get(|| async { text(StatusCode::BAD_REQUEST, &[], "x-x-x-x-x-x-x-x-x-x-x-x") }),
        )
        .layer(CatalogLayer::<EdgeError>::new().body_limit(8));
    let base = serve(app).await;
    let raw = get_raw(&format!("{base}/long")).await;
    let id = assert_envelope(&raw, &EdgeError::InvalidRequest { fields: Vec::new() });
    let events = events_of(&id);
    assert!(
        events[0].fields["reason"].contains("over 8 bytes"),
        "{events:#?}"
    );
}

async fn conflict(id: RequestId) -> Response {
    let mut response = EdgeError::Conflict {
        resource: "session".into(),
    }
    .into_response();
    // What the handler saw, for the test to compare.
    response
        .headers_mut()
        .insert("x-handler-saw", id.as_str().parse().unwrap());
    response
}

#[tokio::test]
async fn nested_layers_keep_the_outer_layers_request_id() {
    let app = Router::new()
        .route("/conflict", get(conflict))
        .layer(CatalogLayer::<EdgeError>::new())
        .layer(CatalogLayer::<EdgeError>::new());
    let base = serve(app).await;
    for headers in [vec![], vec![("x-request-id", "trace-1")]] {
        let raw = send(Method::GET, &format!("{base}/conflict"), &headers, None).await;
        let id = assert_envelope(
            &raw,
            &EdgeError::Conflict {
                resource: "session".into(),
            },
        );
        assert_eq!(raw.header("x-handler-saw"), Some(id.as_str()));
        if !headers.is_empty() {
            assert_eq!(id, "trace-1");
        }
    }
}

#[tokio::test]
async fn a_spawned_task_carries_the_request_id_with_request_id_scope() {
    async fn spawned() -> Response {
        let task = tokio::spawn(RequestId::scope(async {
            let id = RequestId::current().expect("the request's id in the task");
            let mut response = EdgeError::BadGateway.into_response();
            response
                .headers_mut()
                .insert("x-task-saw", id.as_str().parse().unwrap());
            response
        }));
        task.await.unwrap()
    }
    async fn unscoped() -> Response {
        tokio::spawn(async { EdgeError::BadGateway.into_response() })
            .await
            .unwrap()
    }
    let app = Router::new()
        .route("/spawned", get(spawned))
        .route("/unscoped", get(unscoped))
        .layer(CatalogLayer::<EdgeError>::new());
    let base = serve(app).await;
    let raw = get_raw(&format!("{base}/spawned")).await;
    let id = assert_envelope(&raw, &EdgeError::BadGateway);
    assert_eq!(raw.header("x-task-saw"), Some(id.as_str()));
    // Without it the task is outside the request: its envelope has no id.
    let raw = get_raw(&format!("{base}/unscoped")).await;
    let json = raw.json();
    assert_eq!(
        json["error"]["request_id"],
        serde_json::Value::Null,
        "{json}"
    );
    assert!(raw.header("x-request-id").is_some());
}
