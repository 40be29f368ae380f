//! The exact texts of axum's own rejections that [`violations`](super::violations)
//! reads, for services that use axum's extractors rather than the typed ones: made
//! by axum itself, so these tests fail when axum's wording changes and the layer's
//! fallback needs following.

use ::axum::Router;
use ::axum::body::Body;
use ::axum::extract::{Path, Query};
use ::axum::routing::{get, post};
use ::axum::{Form, Json};
use http::Request;
use http_body_util::BodyExt;
use tower_service::Service;

use super::*;

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Booking {
    seats: u32,
    email: String,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Id {
    id: u32,
}

/// Status and body text of `request` through axum's own extractors.
async fn rejected(request: Request<Body>) -> (u16, String) {
    let mut app: Router = Router::new()
        .route("/json", post(|Json(_): Json<Booking>| async {}))
        .route("/query", get(|Query(_): Query<Booking>| async {}))
        .route("/form", post(|Form(_): Form<Booking>| async {}))
        .route("/path/{id}", get(|Path(_): Path<u32>| async {}))
        .route("/named/{id}", get(|Path(_): Path<Id>| async {}));
    let response = app.call(request).await.expect("infallible");
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// What the layer reads of a text: path, message, rule.
type Read<'a> = (&'a str, &'a str, Option<&'a str>);

fn post_to(uri: &str, content_type: &str, body: &'static str) -> Request<Body> {
    Request::post(uri)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap()
}

fn get_from(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn axum_rejection_texts_are_the_ones_the_layer_reads() {
    let cases: [(Request<Body>, u16, &str, Read<'_>); 7] = [
        (
            post_to(
                "/json",
                "application/json",
                r#"{"seats": "x", "email": "a"}"#,
            ),
            422,
            "Failed to deserialize the JSON body into the target type: seats: invalid type: string \"x\", expected u32 at line 1 column 13",
            (
                "seats",
                "invalid type: string \"x\", expected u32",
                Some("type"),
            ),
        ),
        (
            post_to("/json", "application/json", r#"{"seats": 1"#),
            400,
            "Failed to parse the request body as JSON: EOF while parsing an object at line 1 column 11",
            ("", "EOF while parsing an object", Some("json")),
        ),
        (
            get_from("/query?seats=2"),
            400,
            "Failed to deserialize query string: missing field `email`",
            ("email", "is required", Some("required")),
        ),
        (
            post_to(
                "/form",
                "application/x-www-form-urlencoded",
                "seats=lots&email=a",
            ),
            422,
            "Failed to deserialize form body: seats: invalid digit found in string",
            ("seats", "invalid digit found in string", None),
        ),
        (
            get_from("/named/abc"),
            400,
            "Invalid URL: Cannot parse `id` with value `abc` to a `u32`",
            ("id", "cannot parse `abc` as a `u32`", Some("type")),
        ),
        // A single value: axum does not name the parameter (the typed `Path` does).
        (
            get_from("/path/abc"),
            400,
            "Invalid URL: Cannot parse `abc` to a `u32`",
            ("", "Cannot parse `abc` to a `u32`", Some("type")),
        ),
        (
            post_to("/json", "text/plain", "{}"),
            415,
            "Expected request with `Content-Type: application/json`",
            (
                "",
                "Expected request with `Content-Type: application/json`",
                None,
            ),
        ),
    ];
    for (request, status, text, (path, message, rule)) in cases {
        let got = rejected(request).await;
        assert_eq!(got, (status, text.to_owned()), "axum's wording changed");
        let read = violations(&got.1);
        assert_eq!(read.len(), 1, "{read:?}");
        assert_eq!(
            (
                read[0].path.as_str(),
                read[0].message.as_str(),
                read[0].rule.as_deref()
            ),
            (path, message, rule),
            "{text}"
        );
    }
}
