//! An axum application mounts `errors_runtime::docs::service` with one line, and
//! serves its catalog's reference and schemas under the path it chose.

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use tower_service::Service as _;

mod api {
    errors_runtime::catalog!("../../catalog.toml");
}
use api::ApiError;

async fn get(app: &mut Router, path: &str) -> (StatusCode, String, String) {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = app.call(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn nested_under_errors() {
    let mut app: Router =
        Router::new().nest_service("/errors", errors_runtime::docs::service::<ApiError>());

    let (status, content_type, html) = get(&mut app, "/errors").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/html; charset=utf-8")
    );
    assert!(
        html == include_str!("../../../docs/errors.html"),
        "the served page is not docs/errors.html"
    );

    let (status, content_type, schema) = get(&mut app, "/errors/schema.json").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "application/schema+json")
    );
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    // The client schema: the generic error, then an `if`/`then` per code.
    assert!(schema.get("oneOf").is_none());
    assert_eq!(
        schema["allOf"].as_array().unwrap().len(),
        <ApiError as errors_runtime::CatalogError>::CATALOG
            .errors
            .len()
            + 1
    );

    let (status, _, openapi) = get(&mut app, "/errors/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(openapi.contains("\"openapi\": \"3.1.0\""));

    let (status, _, markdown) = get(&mut app, "/errors/reference.md").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        markdown == include_str!("../../../docs/errors.md"),
        "the served Markdown is not docs/errors.md"
    );

    let (status, _, _) = get(&mut app, "/errors/unknown").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
