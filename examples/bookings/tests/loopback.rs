//! The bookings service over loopback, with real HTTP clients: every framework
//! rejection, unrouted request, wrong method and panic answered in the catalog's
//! envelope (status, headers and body checked against the catalog, byte for byte,
//! and decoded); request ids taken and made; timestamps; the 429 and its headers;
//! the typed client on every error of the API; hooks.

mod support;

use std::time::{Duration, SystemTime};

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bookings::client::{Client, ClientError};
use bookings::model::{BookingRequest, Feedback, NewSession, Page};
use bookings::service::Config;
use bookings::{ApiError, ApiErrorCode};
use errors_runtime::axum::CatalogLayer;
use errors_runtime::retry::{IdempotencyKey, RetryPolicy};
use errors_runtime::{FieldViolation, Timestamp, decode_response};
use reqwest::Method;
use support::{Raw, events_of, send, start};
use tracing::Level;

/// Checks `raw` is exactly the catalog's envelope of `expected`, with the request id
/// of its header and a timestamp of now; decodes it; checks the one log event.
fn assert_catalog_error(raw: &Raw, expected: &ApiError) -> String {
    let body = String::from_utf8_lossy(&raw.body).into_owned();
    assert_eq!(raw.status, expected.status(), "{body}");
    assert_eq!(
        raw.header("content-type"),
        Some("application/json"),
        "{body}"
    );
    let id = raw
        .header("x-request-id")
        .expect("every response carries its request id")
        .to_owned();
    let json = raw.json();
    assert_eq!(json["requestId"], id.as_str(), "{body}");
    let at = json["timestamp"].as_str().expect("a timestamp");
    let at = Timestamp::parse(at).expect("RFC 3339");
    let now = Timestamp::from(SystemTime::now()).unix_millis();
    assert!((now - at.unix_millis()).abs() < 60_000, "{at:?} is not now");
    // Byte for byte what the catalog renders for this error.
    let rendered = expected
        .envelope()
        .request_id(id.as_str())
        .timestamp(at)
        .to_json();
    assert_eq!(body, rendered);
    // And a client reads it back into the same typed error.
    let decoded = decode_response::<ApiError>(raw.status, &raw.headers, &raw.body).unwrap();
    assert_eq!(decoded.known(), Some(expected), "{body}");
    assert_eq!(decoded.request_id(), Some(id.as_str()));
    assert_eq!(decoded.timestamp(), Some(at));
    // Logged once: 5xx at error level, 4xx at debug.
    let events = events_of(&id);
    assert_eq!(events.len(), 1, "{events:#?}");
    let level = if expected.status() >= 500 {
        Level::ERROR
    } else {
        Level::DEBUG
    };
    assert_eq!(events[0].level, level);
    assert_eq!(
        events[0].fields.get("code").map(String::as_str),
        Some(format!("{:?}", expected.code().as_str()).as_str())
    );
    assert_eq!(
        events[0].fields.get("status"),
        Some(&expected.status().to_string())
    );
    id
}

fn invalid(path: &str, message: &str, rule: Option<&str>) -> ApiError {
    let violation = FieldViolation::new(path, message);
    ApiError::InvalidRequest {
        fields: vec![match rule {
            Some(rule) => violation.with_rule(rule),
            None => violation,
        }],
    }
}

const JSON: (&str, &str) = ("content-type", "application/json");

/// A request (method, URL, headers, body) and the error it must get.
type Case<'a> = (
    Method,
    String,
    Vec<(&'a str, &'a str)>,
    Option<Vec<u8>>,
    ApiError,
);

#[tokio::test]
async fn every_framework_rejection_is_a_catalog_error() {
    let (_service, base) = start(Config::default()).await;
    let session = send(
        Method::POST,
        &format!("{base}/sessions"),
        &[JSON],
        Some(br#"{"title": "Yoga", "capacity": 3}"#.to_vec()),
    )
    .await;
    assert_eq!(session.status, 201);
    let url = |path: &str| format!("{base}{path}");
    let cases: Vec<Case<'_>> = vec![
        // Json: syntax, wrong type, missing field.
        (
            Method::POST,
            url("/sessions"),
            vec![JSON],
            Some(br#"{"title": "Yoga""#.to_vec()),
            invalid("", "EOF while parsing an object", Some("json")),
        ),
        (
            Method::POST,
            url("/sessions"),
            vec![JSON],
            Some(br#"{"title": "Yoga", "capacity": "three"}"#.to_vec()),
            invalid(
                "capacity",
                "invalid type: string \"three\", expected u32",
                Some("type"),
            ),
        ),
        (
            Method::POST,
            url("/sessions"),
            vec![JSON],
            Some(br#"{"title": "Yoga"}"#.to_vec()),
            invalid("capacity", "is required", Some("required")),
        ),
        // Query.
        (
            Method::GET,
            url("/sessions?limit=ten"),
            vec![],
            None,
            invalid("limit", "invalid digit found in string", None),
        ),
        // Path.
        (
            Method::GET,
            url("/sessions/s_1/waitlist/first"),
            vec![],
            None,
            invalid("position", "cannot parse `first` as a `u32`", Some("type")),
        ),
        // Form.
        (
            Method::POST,
            url("/feedback"),
            vec![("content-type", "application/x-www-form-urlencoded")],
            Some(b"rating=five&comment=great".to_vec()),
            invalid("rating", "invalid digit found in string", None),
        ),
        // No content type, and the wrong one for a form.
        (
            Method::POST,
            url("/sessions"),
            vec![],
            Some(br#"{"title": "Yoga", "capacity": 3}"#.to_vec()),
            ApiError::UnsupportedMediaType,
        ),
        (
            Method::POST,
            url("/feedback"),
            vec![JSON],
            Some(br#"{"rating": 5}"#.to_vec()),
            ApiError::UnsupportedMediaType,
        ),
        // Over the body limit (16 KiB).
        (
            Method::POST,
            url("/sessions"),
            vec![JSON],
            Some(format!(r#"{{"title": "{}", "capacity": 3}}"#, "y".repeat(20_000)).into_bytes()),
            ApiError::PayloadTooLarge,
        ),
        // No route, and a route without that method.
        (
            Method::GET,
            url("/no/such/endpoint"),
            vec![],
            None,
            ApiError::RouteNotFound,
        ),
        (
            Method::DELETE,
            url("/sessions/s_1"),
            vec![],
            None,
            ApiError::MethodNotAllowed,
        ),
    ];
    for (method, url, headers, body, expected) in cases {
        let raw = send(method.clone(), &url, &headers, body).await;
        assert_catalog_error(&raw, &expected);
        if expected.code() == ApiErrorCode::MethodNotAllowed {
            let allow = raw.header("allow").expect("405 keeps Allow");
            assert!(allow.contains("GET"), "{allow}");
        }
        // The service's own headers stay, and the layer's hook ran.
        assert_eq!(
            raw.header("cache-control"),
            Some("no-store"),
            "{method} {url}"
        );
    }
}

#[tokio::test]
async fn a_panic_is_an_internal_error_whose_message_is_logged_and_never_sent() {
    let (_service, base) = start(Config::default()).await;
    let raw = send(Method::GET, &format!("{base}/debug/panic"), &[], None).await;
    let id = assert_catalog_error(
        &raw,
        &ApiError::InternalError {
            cause: String::new(),
        },
    );
    let body = String::from_utf8_lossy(&raw.body);
    assert!(!body.contains("corrupt"), "{body}");
    let events = events_of(&id);
    let reason = events[0].fields.get("reason").expect("the panic's reason");
    assert!(
        reason.contains("a handler panicked: the session index is corrupt"),
        "{reason}"
    );
    // The service is still up.
    let ok = send(Method::GET, &format!("{base}/sessions"), &[], None).await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn request_ids_are_taken_when_well_formed_and_made_otherwise() {
    let (_service, base) = start(Config::default()).await;
    let missing = format!("{base}/sessions/s_404");
    // Taken from the request: in the header and in the body.
    for id in ["client-7.trace:42_x", "a", &"Z".repeat(128)] {
        let raw = send(Method::GET, &missing, &[("x-request-id", id)], None).await;
        assert_eq!(raw.header("x-request-id"), Some(id));
        let sent = assert_catalog_error(
            &raw,
            &ApiError::SessionNotFound {
                session_id: "s_404".into(),
            },
        );
        assert_eq!(sent, id);
    }
    // Made when absent or malformed: req_ and 20 base62 characters, new each time.
    let mut made = Vec::new();
    for header in [
        None,
        Some("two words"),
        Some(""),
        Some(&*"Z".repeat(129)),
        Some("<script>"),
    ] {
        let headers: Vec<(&str, &str)> = header.map(|h| ("x-request-id", h)).into_iter().collect();
        let raw = send(Method::GET, &missing, &headers, None).await;
        let id = raw.header("x-request-id").unwrap().to_owned();
        let rest = id.strip_prefix("req_").unwrap_or_else(|| panic!("{id}"));
        assert_eq!(rest.len(), 20);
        assert!(rest.bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
        assert_eq!(raw.json()["requestId"], id.as_str());
        made.push(id);
    }
    made.sort();
    made.dedup();
    assert_eq!(made.len(), 5);
    // Successes carry one too.
    let ok = send(
        Method::GET,
        &format!("{base}/sessions"),
        &[("x-request-id", "ok-1")],
        None,
    )
    .await;
    assert_eq!((ok.status, ok.header("x-request-id")), (200, Some("ok-1")));
}

#[tokio::test]
async fn a_429_has_every_rate_limit_header() {
    let config = Config {
        rate_limit: 3,
        window: Duration::from_secs(60),
        ..Config::default()
    };
    let (_service, base) = start(config).await;
    let url = format!("{base}/sessions");
    for remaining in ["2", "1", "0"] {
        let raw = send(Method::GET, &url, &[("x-api-key", "k1")], None).await;
        assert_eq!(raw.status, 200);
        assert_eq!(raw.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(raw.header("x-ratelimit-remaining"), Some(remaining));
        let reset: u64 = raw.header("x-ratelimit-reset").unwrap().parse().unwrap();
        assert!((1..=60).contains(&reset));
    }
    let raw = send(Method::GET, &url, &[("x-api-key", "k1")], None).await;
    let retry_after: u64 = raw
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_catalog_error(
        &raw,
        &ApiError::RateLimited {
            category: "read".into(),
            retry_after,
            limit: Some(3),
        },
    );
    assert_eq!(raw.header("x-ratelimit-limit"), Some("3"));
    assert_eq!(raw.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(
        raw.header("x-ratelimit-reset"),
        Some(retry_after.to_string().as_str())
    );
    let json = raw.json();
    assert_eq!(json["details"]["retryAfter"], retry_after);
    let decoded = decode_response::<ApiError>(raw.status, &raw.headers, &raw.body).unwrap();
    assert_eq!(
        decoded.retry_after(),
        Some(Duration::from_secs(retry_after))
    );
    assert!(decoded.is_retryable());
    // A write is limited as a write; another key has its own window.
    let raw = send(
        Method::POST,
        &url,
        &[("x-api-key", "k1"), JSON],
        Some(b"{}".to_vec()),
    )
    .await;
    assert_eq!(raw.json()["details"]["category"], "write");
    let other = send(Method::GET, &url, &[("x-api-key", "k2")], None).await;
    assert_eq!(other.status, 200);
}

/// The typed error of a failed call, with its request id and timestamp checked.
fn api<T: std::fmt::Debug>(result: Result<T, ClientError>) -> ApiError {
    match result {
        Err(ClientError::Api(decoded)) => {
            let id = decoded.request_id().expect("a request id").to_owned();
            assert!(id.starts_with("req_"), "{id}");
            assert!(decoded.timestamp().is_some());
            decoded.known().cloned().expect("a code of the catalog")
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_typed_client_decodes_every_error_of_the_api() {
    let (service, base) = start(Config::default()).await;
    let client = Client::new(&base);
    let session = client
        .create_session(&NewSession {
            title: "Spin".into(),
            capacity: 1,
        })
        .await
        .unwrap();
    let ada = BookingRequest {
        member_id: "m_ada".into(),
        email: "ada@example.com".into(),
    };
    let booking = client.book(&session.id, &ada).await.unwrap();
    assert_eq!(
        api(client.book(&session.id, &ada).await),
        ApiError::AlreadyBooked {
            session_id: session.id.clone(),
            booking_id: booking.id.clone(),
        }
    );
    let bob = BookingRequest {
        member_id: "m_bob".into(),
        email: "bob@example.com".into(),
    };
    assert_eq!(
        api(client.book(&session.id, &bob).await),
        ApiError::SessionFull {
            session_id: session.id.clone(),
            capacity: 1,
            waitlist_available: true,
        }
    );
    let entry = client.join_waitlist(&session.id, "m_bob").await.unwrap();
    assert_eq!(entry.position, 1);
    assert_eq!(
        api(client.join_waitlist(&session.id, "m_bob").await),
        ApiError::AlreadyInQueue {
            queue_id: session.id.clone(),
            position: Some(1),
        }
    );
    let bad = BookingRequest {
        member_id: " ".into(),
        email: "not an email".into(),
    };
    assert_eq!(
        api(client.book(&session.id, &bad).await),
        ApiError::InvalidRequest {
            fields: vec![
                FieldViolation::new("member_id", "is required").with_rule("required"),
                FieldViolation::new("email", "must be a valid email").with_rule("email"),
            ],
        }
    );
    assert_eq!(
        api(client.session("s_999").await),
        ApiError::SessionNotFound {
            session_id: "s_999".into()
        }
    );
    assert_eq!(
        api(client
            .sessions(Page {
                limit: Some(500),
                offset: None
            })
            .await),
        ApiError::InvalidRequest {
            fields: vec![FieldViolation::new("limit", "must be from 1 to 100").with_rule("range")],
        }
    );
    assert_eq!(
        api(client
            .feedback(&Feedback {
                rating: 9,
                comment: "too loud & fun".into(),
            })
            .await),
        ApiError::InvalidRequest {
            fields: vec![FieldViolation::new("rating", "must be from 1 to 5").with_rule("range")],
        }
    );
    client
        .feedback(&Feedback {
            rating: 5,
            comment: "great".into(),
        })
        .await
        .unwrap();
    // One key, one request: a key sent again with another body is refused.
    let key = IdempotencyKey::new();
    let big = client
        .create_session(&NewSession {
            title: "Big".into(),
            capacity: 100,
        })
        .await
        .unwrap();
    let first = client.book_with_key(&big.id, &bob, &key).await.unwrap();
    let again = client.book_with_key(&big.id, &bob, &key).await.unwrap();
    assert_eq!(first, again, "the same key books once");
    assert_eq!(
        api(client.book_with_key(&big.id, &ada, &key).await),
        ApiError::IdempotencyKeyReused {
            idempotency_key: key.to_string()
        }
    );
    assert_eq!(service.bookings(), 2);
}

#[tokio::test]
async fn retries_send_one_idempotency_key_so_a_lost_response_books_once() {
    // Half the requests fail, half of those after the booking is made.
    let config = Config {
        failure_rate: 0.5,
        seed: 7,
        ..Config::default()
    };
    let (service, base) = start(config).await;
    let setup = Client::new(&base).with_policy(fast_policy().with_max_attempts(20));
    let session = loop {
        // Creating a session is not retried by the client (no key): retry here.
        if let Ok(session) = setup
            .create_session(&NewSession {
                title: "Flaky".into(),
                capacity: 1000,
            })
            .await
        {
            break session;
        }
    };
    let client = Client::new(&base)
        .with_policy(fast_policy().with_max_attempts(20))
        .with_breaker(None);
    let mut booked = 0;
    for i in 0..40 {
        let request = BookingRequest {
            member_id: format!("m_{i}"),
            email: format!("m{i}@example.com"),
        };
        match client.book(&session.id, &request).await {
            Ok(booking) => {
                assert_eq!(booking.member_id, request.member_id);
                booked += 1;
            }
            Err(error) => panic!("20 attempts at 50% failure: {error}"),
        }
    }
    assert_eq!(booked, 40);
    // Retries after a lost response found the booking made: none twice.
    let created = service.bookings();
    assert!(created >= 40, "{created}");
    let sessions = setup.session(&session.id).await;
    if let Ok(s) = sessions {
        assert_eq!(s.booked, 40);
    }
    assert_eq!(created, 40);
}

/// The catalog's policy with delays a hundred times shorter.
fn fast_policy() -> RetryPolicy {
    RetryPolicy::for_catalog::<ApiError>()
        .with_base_delay(Duration::from_millis(10))
        .with_max_delay(Duration::from_millis(300))
}

#[tokio::test]
async fn hooks_and_per_response_headers_need_no_wrapper_type() {
    async fn unavailable() -> Result<&'static str, ApiError> {
        Err(ApiError::ServiceUnavailable {
            retry_after: Some(30),
        })
    }
    async fn limited() -> Result<&'static str, ([(HeaderName, HeaderValue); 1], ApiError)> {
        Err((
            [(
                HeaderName::from_static("x-ratelimit-remaining"),
                HeaderValue::from_static("0"),
            )],
            ApiError::RateLimited {
                category: "read".into(),
                retry_after: 5,
                limit: Some(10),
            },
        ))
    }
    let layer = CatalogLayer::<ApiError>::new().respond_to(
        ApiErrorCode::ServiceUnavailable,
        |error: &ApiError, catalog: Response| {
            assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
            let mut response =
                (StatusCode::SERVICE_UNAVAILABLE, "down for maintenance").into_response();
            for name in ["retry-after", "x-request-id"] {
                if let Some(value) = catalog.headers().get(name) {
                    response.headers_mut().insert(name, value.clone());
                }
            }
            response
        },
    );
    let app = Router::new()
        .route("/unavailable", get(unavailable))
        .route("/limited", get(limited))
        .layer(layer);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    support::capture();

    // Taken over: the layer leaves the body alone.
    let raw = send(
        Method::GET,
        &format!("http://{addr}/unavailable"),
        &[],
        None,
    )
    .await;
    assert_eq!(raw.status, 503);
    assert_eq!(raw.body, b"down for maintenance");
    assert_eq!(raw.header("retry-after"), Some("30"));
    assert!(raw.header("x-request-id").unwrap().starts_with("req_"));

    // Headers beside the error: the envelope still has the request id.
    let raw = send(
        Method::GET,
        &format!("http://{addr}/limited"),
        &[("x-request-id", "r-1")],
        None,
    )
    .await;
    assert_eq!(raw.header("x-ratelimit-remaining"), Some("0"));
    assert_catalog_error(
        &raw,
        &ApiError::RateLimited {
            category: "read".into(),
            retry_after: 5,
            limit: Some(10),
        },
    );
}
