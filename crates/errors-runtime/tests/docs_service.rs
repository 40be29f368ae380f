//! `docs::service`: a running service serves the reference and schemas of the catalog
//! it was compiled from, the same pages the command-line tool writes from the file.
#![cfg(all(feature = "docs", feature = "axum"))]

use http::{Method, Request, StatusCode};
use http_body_util::BodyExt as _;
use tower_service::Service as _;

mod api {
    errors_runtime::catalog!("../../catalog.toml");
}
use api::ApiError;

async fn get(method: Method, path: &str) -> (StatusCode, http::HeaderMap, String) {
    let mut service = errors_runtime::docs::service::<ApiError>().api_version("2.0.0");
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(())
        .unwrap();
    let response = service.call(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn serves_the_reference_and_schemas_of_its_catalog() {
    let (status, headers, html) = get(Method::GET, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert_eq!(headers["content-length"], html.len().to_string().as_str());
    // Exactly the checked-in reference generated from the catalog file.
    assert!(
        html == include_str!("../../../docs/errors.html"),
        "the served page is not docs/errors.html"
    );

    let (_, headers, markdown) = get(Method::GET, "/reference.md").await;
    assert_eq!(headers["content-type"], "text/markdown; charset=utf-8");
    assert!(
        markdown == include_str!("../../../docs/errors.md"),
        "the served Markdown is not docs/errors.md"
    );

    let (_, headers, schema) = get(Method::GET, "/schema.json").await;
    assert_eq!(headers["content-type"], "application/schema+json");
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(
        schema["$defs"]["RATE_LIMITED"]["properties"]["errorCode"]["const"],
        "RATE_LIMITED"
    );

    let (_, headers, openapi) = get(Method::GET, "/openapi.json/").await;
    assert_eq!(headers["content-type"], "application/json");
    let openapi: serde_json::Value = serde_json::from_str(&openapi).unwrap();
    assert_eq!(openapi["info"]["version"], "2.0.0");
    assert!(openapi["components"]["responses"]["Error429"].is_object());
}

#[tokio::test]
async fn head_other_methods_and_unknown_paths() {
    let (status, headers, body) = get(Method::HEAD, "/schema.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_empty());
    assert_ne!(headers["content-length"], "0");

    let (status, headers, _) = get(Method::POST, "/").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers["allow"], "GET, HEAD");

    let (status, _, body) = get(Method::GET, "/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.is_empty());
}

#[test]
fn the_reference_comes_from_the_metadata() {
    let reference = errors_runtime::docs::reference::<ApiError>();
    assert_eq!(reference.name, "ApiError");
    assert_eq!(
        reference.codes.len(),
        <ApiError as errors_runtime::CatalogError>::CATALOG
            .errors
            .len()
    );
    assert!(errors_runtime::docs::markdown::<ApiError>().contains("<a id=\"RATE_LIMITED\"></a>"));
    assert!(errors_runtime::docs::json_schema::<ApiError>().contains("\"$schema\""));
    assert!(errors_runtime::docs::openapi::<ApiError>("1.2.3").contains("\"version\": \"1.2.3\""));
}
