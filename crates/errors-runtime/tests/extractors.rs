//! Feature `axum`, over loopback: the typed extractors `Json`, `Query`, `Path` and
//! `Form` reject through the catalog inside `CatalogLayer` (SPEC 9.1, issue 21): the
//! `[http]` code of what failed, rendered directly, with the failing fields' paths
//! (a path parameter by its name), the request id and the layer's hooks.
#![cfg(feature = "axum")]

#[path = "support/loopback.rs"]
mod loopback;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use errors_runtime::FieldViolation;
use errors_runtime::axum::{CatalogLayer, Form, Json, Path, Query};
use http::HeaderValue;
use serde::{Deserialize, Serialize};

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
use bundled::{ApiError, ApiErrorCode};

#[derive(Debug, Deserialize, Serialize)]
struct NewSession {
    title: String,
    capacity: u32,
}

#[derive(Debug, Deserialize)]
struct Page {
    limit: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct Place {
    id: String,
    position: u32,
}

#[derive(Debug, Deserialize)]
struct Feedback {
    rating: u8,
}

fn app() -> Router {
    Router::new()
        .route(
            "/sessions",
            post(|Json(new): Json<NewSession>| async move { Json(new) }).get(
                |Query(page): Query<Page>| async move { format!("{:?}", page.limit) },
            ),
        )
        .route(
            "/tuple/{id}/waitlist/{position}",
            get(|Path((id, position)): Path<(String, u32)>| async move {
                format!("{id}#{position}")
            }),
        )
        .route(
            "/struct/{id}/waitlist/{position}",
            get(|Path(place): Path<Place>| async move {
                format!("{}#{}", place.id, place.position)
            }),
        )
        .route(
            "/one/{number}",
            get(|Path(n): Path<u16>| async move { n.to_string() }),
        )
        .route(
            "/feedback",
            post(|Form(f): Form<Feedback>| async move { f.rating.to_string() }),
        )
        .layer(DefaultBodyLimit::max(256))
        .layer(
            CatalogLayer::<ApiError>::new().on_error(|_: &ApiError, response| {
                response
                    .headers_mut()
                    .insert("cache-control", HeaderValue::from_static("no-store"));
            }),
        )
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn error(&self) -> ApiError {
        let decoded = errors_runtime::decode::<ApiError>(&self.body).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&self.body));
        });
        // Every rejection carries the request id, in the body and the header.
        assert_eq!(
            decoded.request_id(),
            self.headers
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
        );
        assert_eq!(
            self.headers["cache-control"], "no-store",
            "the layer's hook"
        );
        decoded.known().cloned().expect("a code of the catalog")
    }

    fn fields(&self) -> Vec<FieldViolation> {
        match self.error() {
            ApiError::InvalidRequest { fields } => fields,
            other => panic!("not INVALID_REQUEST: {other:?}"),
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

async fn send(client: &reqwest::Client, request: reqwest::RequestBuilder) -> Answer {
    let response = client
        .execute(request.build().unwrap())
        .await
        .expect("a response over loopback");
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

fn one(fields: &[FieldViolation]) -> (&str, &str, Option<&str>) {
    assert_eq!(fields.len(), 1, "{fields:?}");
    let v = &fields[0];
    (v.path.as_str(), v.message.as_str(), v.rule.as_deref())
}

#[tokio::test]
async fn every_extractor_rejects_with_the_catalogs_code_and_the_failing_field() {
    let loopback = loopback::serve(app()).await;
    let (base, client) = (&loopback.base, &loopback.client);
    let json = |body: &str| {
        client
            .post(format!("{base}/sessions"))
            .header("content-type", "application/json")
            .body(body.to_owned())
    };

    // What fits goes through, and `Json` is a response too.
    let ok = send(client, json(r#"{"title": "Yoga", "capacity": 3}"#)).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.headers["content-type"], "application/json");
    assert_eq!(ok.text(), r#"{"title":"Yoga","capacity":3}"#);

    // JSON that does not fit the type: the field by its path.
    let bad = send(client, json(r#"{"title": "Yoga", "capacity": "many"}"#)).await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        one(&bad.fields()),
        (
            "capacity",
            "invalid type: string \"many\", expected u32",
            Some("type")
        )
    );
    let missing = send(client, json(r#"{"title": "Yoga"}"#)).await;
    assert_eq!(
        one(&missing.fields()),
        ("capacity", "is required", Some("required"))
    );
    // No JSON at all.
    let broken = send(client, json(r#"{"title": "Yoga", "#)).await;
    assert_eq!(broken.status, 400);
    let fields = broken.fields();
    assert_eq!(one(&fields).2, Some("json"));

    // Another content type: 415, a body over the limit: 413.
    let plain = send(
        client,
        client
            .post(format!("{base}/sessions"))
            .header("content-type", "text/plain")
            .body("{}"),
    )
    .await;
    assert_eq!(plain.status, 415);
    assert_eq!(plain.error().code(), ApiErrorCode::UnsupportedMediaType);
    let large = format!(r#"{{"title": "{}", "capacity": 1}}"#, "x".repeat(1000));
    let large = send(client, json(&large)).await;
    assert_eq!(large.status, 413);
    assert_eq!(large.error().code(), ApiErrorCode::PayloadTooLarge);

    // A query parameter that does not parse.
    let query = send(client, client.get(format!("{base}/sessions?limit=ten"))).await;
    assert_eq!(query.status, 400);
    assert_eq!(
        one(&query.fields()),
        ("limit", "invalid digit found in string", None)
    );
    let query = send(client, client.get(format!("{base}/sessions?limit=7"))).await;
    assert_eq!(query.text(), "Some(7)");

    // A path parameter by its name, whatever the type holding it.
    for shape in ["tuple", "struct"] {
        let path = send(
            client,
            client.get(format!("{base}/{shape}/s_1/waitlist/first")),
        )
        .await;
        assert_eq!(path.status, 400, "{shape}");
        assert_eq!(
            one(&path.fields()),
            ("position", "cannot parse `first` as a `u32`", Some("type")),
            "{shape}"
        );
        let fine = send(client, client.get(format!("{base}/{shape}/s_1/waitlist/2"))).await;
        assert_eq!(fine.text(), "s_1#2");
    }
    let path = send(client, client.get(format!("{base}/one/70000"))).await;
    assert_eq!(
        one(&path.fields()),
        ("number", "cannot parse `70000` as a `u16`", Some("type"))
    );

    // A form field, and a form of another content type.
    let form = |body: &'static str, ty: &'static str| {
        client
            .post(format!("{base}/feedback"))
            .header("content-type", ty)
            .body(body)
    };
    let bad = send(
        client,
        form("rating=lots", "application/x-www-form-urlencoded"),
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        one(&bad.fields()),
        ("rating", "invalid digit found in string", None)
    );
    let good = send(
        client,
        form("rating=4", "application/x-www-form-urlencoded"),
    )
    .await;
    assert_eq!(good.text(), "4");
    let json_form = send(client, form(r#"{"rating": 4}"#, "application/json")).await;
    assert_eq!(json_form.status, 415);
    assert_eq!(json_form.error().code(), ApiErrorCode::UnsupportedMediaType);

    drop(loopback);
}
