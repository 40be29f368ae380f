//! A tower service that serves the catalog's reference and schemas: mount it with
//! axum's `Router::nest_service` (or any tower-based server).

use std::convert::Infallible;
use std::fmt;
use std::future::{Ready, ready};
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use axum_core::body::Body;
use http::{Method, Request, Response, StatusCode, header};

use crate::error::CatalogError;
use errors_docs::SchemaMode;

/// The pages, rendered once, on the first request.
#[derive(Debug)]
struct Pages {
    html: String,
    markdown: String,
    schema: String,
    openapi: String,
}

/// Serves `E`'s reference and schemas, under wherever it is mounted:
///
/// | path | what | content type |
/// |---|---|---|
/// | `/` (or nothing) | the HTML reference | `text/html; charset=utf-8` |
/// | `/reference.md` | the Markdown reference | `text/markdown; charset=utf-8` |
/// | `/schema.json` | the JSON Schema of the envelope | `application/schema+json` |
/// | `/openapi.json` | the OpenAPI 3.1 document | `application/json` |
///
/// Both schemas are the client ones unless [`DocsService::schema_mode`] says
/// otherwise.
///
/// `GET` and `HEAD` only (`405` with `Allow` otherwise); other paths are `404`. The
/// pages are rendered from `E`'s metadata on the first request and kept.
pub struct DocsService<E> {
    pages: Arc<OnceLock<Pages>>,
    api_version: Arc<str>,
    mode: SchemaMode,
    error: PhantomData<fn() -> E>,
}

/// The service that serves `E`'s reference and schemas; the OpenAPI document's
/// `info.version` is `1.0.0` unless set with [`DocsService::api_version`].
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// # use api::ApiError;
/// use tower_service::Service as _;
///
/// let mut docs = errors_runtime::docs::service::<ApiError>();
/// let request = http::Request::get("/schema.json").body(()).unwrap();
/// let response = std::future::Future::poll(
///     std::pin::pin!(docs.call(request)),
///     &mut std::task::Context::from_waker(std::task::Waker::noop()),
/// );
/// # let std::task::Poll::Ready(Ok(response)) = response else { panic!() };
/// assert_eq!(response.headers()["content-type"], "application/schema+json");
/// ```
pub fn service<E: CatalogError>() -> DocsService<E> {
    DocsService {
        pages: Arc::new(OnceLock::new()),
        api_version: Arc::from("1.0.0"),
        mode: SchemaMode::Client,
        error: PhantomData,
    }
}

impl<E> DocsService<E> {
    /// Sets the OpenAPI document's `info.version` (default `1.0.0`).
    #[must_use]
    pub fn api_version(mut self, version: &str) -> Self {
        self.api_version = Arc::from(version);
        self.pages = Arc::new(OnceLock::new());
        self
    }

    /// Which schemas to serve (default [`SchemaMode::Client`], what clients may
    /// validate responses with; [`SchemaMode::Strict`] is the service's own output).
    #[must_use]
    pub fn schema_mode(mut self, mode: SchemaMode) -> Self {
        self.mode = mode;
        self.pages = Arc::new(OnceLock::new());
        self
    }
}

impl<E> Clone for DocsService<E> {
    fn clone(&self) -> Self {
        DocsService {
            pages: Arc::clone(&self.pages),
            api_version: Arc::clone(&self.api_version),
            mode: self.mode,
            error: PhantomData,
        }
    }
}

impl<E> fmt::Debug for DocsService<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocsService")
            .field("error", &std::any::type_name::<E>())
            .field("api_version", &self.api_version)
            .field("mode", &self.mode)
            .field("rendered", &self.pages.get().is_some())
            .finish()
    }
}

impl<E: CatalogError> DocsService<E> {
    fn pages(&self) -> &Pages {
        self.pages.get_or_init(|| {
            let reference = super::reference::<E>();
            Pages {
                html: errors_docs::html(&reference),
                markdown: errors_docs::markdown(&reference),
                schema: errors_docs::json_schema(&reference, self.mode),
                openapi: errors_docs::openapi(&reference, &self.api_version, self.mode),
            }
        })
    }

    fn respond(&self, method: &Method, path: &str) -> Response<Body> {
        let page = match path.trim_end_matches('/') {
            "" => Some(("text/html; charset=utf-8", 0)),
            "/reference.md" => Some(("text/markdown; charset=utf-8", 1)),
            "/schema.json" => Some(("application/schema+json", 2)),
            "/openapi.json" => Some(("application/json", 3)),
            _ => None,
        };
        let Some((content_type, which)) = page else {
            return status(StatusCode::NOT_FOUND);
        };
        if method != Method::GET && method != Method::HEAD {
            let mut response = status(StatusCode::METHOD_NOT_ALLOWED);
            response
                .headers_mut()
                .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
            return response;
        }
        let pages = self.pages();
        let text = [&pages.html, &pages.markdown, &pages.schema, &pages.openapi][which];
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(text.clone())
        };
        let mut response = Response::new(body);
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static(content_type),
        );
        headers.insert(
            header::CONTENT_LENGTH,
            header::HeaderValue::from(text.len()),
        );
        response
    }
}

fn status(code: StatusCode) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = code;
    response
}

impl<E: CatalogError, B> tower_service::Service<Request<B>> for DocsService<E> {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Ready<Result<Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        ready(Ok(self.respond(request.method(), request.uri().path())))
    }
}
