//! The bookings service over loopback with its typed extractors and its real rate
//! limiter (SPEC 9.1, issue 21): a body, query, path or form that does not parse is
//! the catalog's `INVALID_REQUEST` naming the failing field (a path parameter by its
//! name); `tower_governor`'s bare 429, inside `CatalogLayer`, is the catalog's
//! `TOO_MANY_REQUESTS`, with its `Retry-After` and `X-RateLimit-After` kept, decoded
//! by the typed client.

mod support;

use std::time::Duration;

use bookings::client::{Client, ClientError};
use bookings::limit::Burst;
use bookings::model::Page;
use bookings::service::Config;
use bookings::{ApiError, ApiErrorCode};
use errors_runtime::retry::RetryPolicy;
use errors_runtime::{FieldViolation, decode_response};
use reqwest::Method;
use support::{Raw, send, start};

const JSON: (&str, &str) = ("content-type", "application/json");
const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// The fields of `raw`, which must be the catalog's `INVALID_REQUEST`.
fn fields(raw: &Raw) -> Vec<(String, Option<String>)> {
    let body = String::from_utf8_lossy(&raw.body).into_owned();
    assert_eq!(raw.status, 400, "{body}");
    assert_eq!(raw.header("content-type"), Some("application/json"));
    let decoded = decode_response::<ApiError>(raw.status, &raw.headers, &raw.body)
        .unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(decoded.request_id(), raw.header("x-request-id"), "{body}");
    match decoded.known() {
        Some(ApiError::InvalidRequest { fields }) => fields
            .iter()
            .map(|FieldViolation { path, rule, .. }| (path.clone(), rule.clone()))
            .collect(),
        other => panic!("not INVALID_REQUEST: {other:?} {body}"),
    }
}

fn field(path: &str, rule: Option<&str>) -> Vec<(String, Option<String>)> {
    vec![(path.to_owned(), rule.map(str::to_owned))]
}

#[tokio::test]
async fn what_does_not_parse_is_invalid_request_naming_the_field() {
    let (_service, base) = start(Config::default()).await;
    let created = send(
        Method::POST,
        &format!("{base}/sessions"),
        &[JSON],
        Some(br#"{"title": "Yoga", "capacity": 2}"#.to_vec()),
    )
    .await;
    assert_eq!(created.status, 201);

    // A malformed JSON body, and one that does not fit the type.
    let malformed = send(
        Method::POST,
        &format!("{base}/sessions"),
        &[JSON],
        Some(br#"{"title": "Yoga", "capacity": 2"#.to_vec()),
    )
    .await;
    let malformed = fields(&malformed);
    assert_eq!(malformed.len(), 1);
    assert_eq!(malformed[0].1.as_deref(), Some("json"));
    let mistyped = send(
        Method::POST,
        &format!("{base}/sessions/s_1/bookings"),
        &[JSON],
        Some(br#"{"member_id": 7, "email": "ada@example.com"}"#.to_vec()),
    )
    .await;
    assert_eq!(fields(&mistyped), field("member_id", Some("type")));
    let missing = send(
        Method::POST,
        &format!("{base}/sessions/s_1/waitlist"),
        &[JSON],
        Some(b"{}".to_vec()),
    )
    .await;
    assert_eq!(fields(&missing), field("member_id", Some("required")));

    // A bad query parameter.
    let query = send(
        Method::GET,
        &format!("{base}/sessions?limit=ten"),
        &[],
        None,
    )
    .await;
    assert_eq!(fields(&query), field("limit", None));

    // A bad path parameter, by its name in the route.
    let path = send(
        Method::GET,
        &format!("{base}/sessions/s_1/waitlist/first"),
        &[],
        None,
    )
    .await;
    assert_eq!(fields(&path), field("position", Some("type")));
    let body = path.json();
    assert_eq!(
        body["details"]["fields"][0]["message"],
        "cannot parse `first` as a `u32`"
    );

    // A form field.
    let form = send(
        Method::POST,
        &format!("{base}/feedback"),
        &[FORM],
        Some(b"rating=lots&comment=hi".to_vec()),
    )
    .await;
    assert_eq!(fields(&form), field("rating", None));

    // The typed client decodes the same.
    let client = Client::new(&base);
    match client
        .sessions(Page {
            limit: Some(0),
            offset: None,
        })
        .await
    {
        Err(ClientError::Api(decoded)) => {
            assert_eq!(decoded.code(), "INVALID_REQUEST");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_governors_429_is_the_catalogs_too_many_requests() {
    let config = Config {
        burst: Some(Burst {
            per: Duration::from_secs(60),
            size: 3,
        }),
        ..Config::default()
    };
    let (service, base) = start(config).await;
    let url = format!("{base}/sessions");
    for remaining in ["99", "98", "97"] {
        let ok = send(Method::GET, &url, &[], None).await;
        assert_eq!(ok.status, 200);
        // A success says where the caller stands with the per-key limit, untouched
        // by the service-wide one.
        assert_eq!(ok.header("x-ratelimit-limit"), Some("100"));
        assert_eq!(ok.header("x-ratelimit-remaining"), Some(remaining));
    }
    let raw = send(Method::GET, &url, &[], None).await;
    let body = String::from_utf8_lossy(&raw.body).into_owned();
    assert_eq!(raw.status, 429, "{body}");
    assert_eq!(
        raw.header("content-type"),
        Some("application/json"),
        "{body}"
    );
    // The limiter's headers are kept; the catalog's own agree with them.
    let retry_after: u64 = raw
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        raw.header("x-ratelimit-after"),
        Some(retry_after.to_string().as_str())
    );
    assert_eq!(raw.header("x-ratelimit-limit"), None);
    let json = raw.json();
    assert_eq!(json["errorCode"], "TOO_MANY_REQUESTS");
    assert_eq!(
        json["details"],
        serde_json::json!({ "retryAfter": retry_after })
    );
    assert_eq!(
        json["message"],
        format!("Too many requests. Retry in {retry_after} seconds.")
    );
    assert_eq!(json["requestId"].as_str(), raw.header("x-request-id"));
    let decoded = decode_response::<ApiError>(raw.status, &raw.headers, &raw.body).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::TooManyRequests {
            retry_after,
            limit: None,
        })
    );
    // The refused request never reached the service behind the limiter.
    let reached = service.requests();
    assert_eq!(reached, 3);

    // The typed client: one attempt (a retry would wait Retry-After), decoded.
    let client =
        Client::new(&base).with_policy(RetryPolicy::for_catalog::<ApiError>().with_max_attempts(1));
    match client.sessions(Page::default()).await {
        Err(error) => {
            let decoded = match &error {
                ClientError::Api(decoded) => decoded,
                other => panic!("{other:?}"),
            };
            assert_eq!(decoded.code(), ApiErrorCode::TooManyRequests.as_str());
            let wait = decoded.retry_after().expect("Retry-After decoded");
            assert!(
                (Duration::from_secs(1)..=Duration::from_secs(60)).contains(&wait),
                "{wait:?}"
            );
            assert!(decoded.is_retryable());
        }
        Ok(sessions) => panic!("not limited: {sessions:?}"),
    }
    assert_eq!(service.requests(), reached);
}
