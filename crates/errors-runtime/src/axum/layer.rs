//! The tower plumbing of [`CatalogLayer`]: the service it wraps another in, the
//! request id of each request, the panic catcher, and the finishing of each
//! response. Which code answers what is decided in `answer`.

use std::any::Any;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::Response;
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, TRANSFER_ENCODING};
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower_http::body::UnsyncBoxBody;
use tower_http::catch_panic::{CatchPanic, ResponseForPanic};
use tower_layer::Layer;
use tower_service::Service;

use super::request_id::{RequestId, Scope};
use super::respond::{CatalogResponse, Settings, Verbatim, render};
use super::{answer, violations};
use crate::decode::Decode;
use crate::error::ErrorCode;
use crate::meta::Rejection;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A tower [`Layer`] that puts an axum service's every error response in the
/// catalog of `E`: request ids, framework rejections, panics and logs (see the
/// [module documentation](crate::axum)).
///
/// `E` must be decodable (every `catalog!` type is, and derived ones whose variants
/// hold nothing beyond catalog fields), as the layer builds the errors it answers
/// rejections with from their code.
///
/// Add it last, so it wraps every route and the fallback:
/// `Router::new().route(...).layer(CatalogLayer::<ApiError>::new())`.
pub struct CatalogLayer<E> {
    settings: Arc<Settings<E>>,
}

impl<E: Decode + 'static> CatalogLayer<E> {
    /// A layer for the catalog of `E`, reading request ids from its `[http]
    /// request_id_header`.
    pub fn new() -> Self {
        CatalogLayer {
            settings: Arc::new(Settings::new()),
        }
    }

    /// Calls `hook` with every catalog error response of `E` rendered inside the
    /// layer (returned by a handler, or made by the layer), and the error: to add
    /// headers, say. The request id and timestamp are already in the body.
    #[must_use]
    pub fn on_error(mut self, hook: impl Fn(&E, &mut Response) + Send + Sync + 'static) -> Self {
        self.settings_mut().every.push(Arc::new(hook));
        self
    }

    /// Takes over the response of every error of `code`: `hook` gets the error and
    /// the response the catalog made of it (envelope, headers, request id) and
    /// returns the one to send. The layer leaves it alone, so its body may follow
    /// another contract.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use api::{ApiError, ApiErrorCode};
    /// use axum_core::response::{IntoResponse, Response};
    /// use errors_runtime::axum::CatalogLayer;
    /// use http::StatusCode;
    ///
    /// // A legacy client reads 503s as an empty body with a Retry-After.
    /// let layer = CatalogLayer::<ApiError>::new().respond_to(
    ///     ApiErrorCode::ServiceUnavailable,
    ///     |_error: &ApiError, catalog: Response| {
    ///         let retry_after = catalog.headers().get("retry-after").cloned();
    ///         let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
    ///         if let Some(value) = retry_after {
    ///             response.headers_mut().insert("retry-after", value);
    ///         }
    ///         response
    ///     },
    /// );
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn respond_to(
        mut self,
        code: E::Code,
        hook: impl Fn(&E, Response) -> Response + Send + Sync + 'static,
    ) -> Self {
        self.settings_mut()
            .per_code
            .push((code.as_str(), Arc::new(hook)));
        self
    }

    fn settings_mut(&mut self) -> &mut Settings<E> {
        if Arc::get_mut(&mut self.settings).is_none() {
            // Shared with services already made: they keep the hooks they had.
            self.settings = Arc::new(self.settings.duplicate());
        }
        Arc::get_mut(&mut self.settings).expect("a settings value of its own")
    }
}

impl<E: Decode + 'static> Default for CatalogLayer<E> {
    fn default() -> Self {
        CatalogLayer::new()
    }
}

impl<E> Clone for CatalogLayer<E> {
    fn clone(&self) -> Self {
        CatalogLayer {
            settings: Arc::clone(&self.settings),
        }
    }
}

impl<E> fmt::Debug for CatalogLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogLayer")
            .field("request_id_header", &self.settings.header)
            .field("on_error", &self.settings.every.len())
            .field(
                "respond_to",
                &self
                    .settings
                    .per_code
                    .iter()
                    .map(|(c, _)| c)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl<S, E> Layer<S> for CatalogLayer<E> {
    type Service = CatalogService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        CatalogService {
            inner: CatchPanic::custom(inner, PanicResponse),
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The service [`CatalogLayer`] wraps another in.
pub struct CatalogService<S, E> {
    inner: CatchPanic<S, PanicResponse>,
    settings: Arc<Settings<E>>,
}

impl<S: Clone, E> Clone for CatalogService<S, E> {
    fn clone(&self) -> Self {
        CatalogService {
            inner: self.inner.clone(),
            settings: Arc::clone(&self.settings),
        }
    }
}

impl<S, E> fmt::Debug for CatalogService<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogService")
            .field("request_id_header", &self.settings.header)
            .finish_non_exhaustive()
    }
}

impl<S, E, ReqBody, ResBody> Service<Request<ReqBody>> for CatalogService<S, E>
where
    S: Service<Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: http_body::Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
    E: Decode + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        let header = &self.settings.header;
        let id = request
            .headers()
            .get(header)
            .and_then(|value| value.to_str().ok())
            .and_then(RequestId::parse)
            .unwrap_or_else(RequestId::generate);
        request.extensions_mut().insert(id.clone());
        let settings = Arc::clone(&self.settings);
        let scope = Arc::new(Scope {
            id,
            settings: Arc::clone(&settings) as Arc<dyn Any + Send + Sync>,
        });
        let inner = &mut self.inner;
        let future = Scope::enter(Arc::clone(&scope), || inner.call(request));
        Box::pin(async move {
            let response = Scope::run(Arc::clone(&scope), future).await?;
            Ok(finish(response, scope, &settings).await)
        })
    }
}

/// The inner service's response, as it goes out: catalog errors and successes as
/// they are, other error statuses and panics answered from the catalog; the request
/// id header on all of them.
async fn finish<E: Decode + 'static>(
    response: http::Response<UnsyncBoxBody<Bytes, BoxError>>,
    scope: Arc<Scope>,
    settings: &Settings<E>,
) -> Response {
    let (mut parts, body) = response.into_parts();
    let body = Body::new(body);
    let panicked = parts.extensions.remove::<Panicked>();
    let status = parts.status.as_u16();
    let settled = parts.extensions.get::<CatalogResponse>().is_some()
        || parts.extensions.get::<Verbatim>().is_some();
    let answer = if panicked.is_some() {
        answer::for_panic(E::CATALOG)
    } else if settled || status < 400 {
        None
    } else {
        let answer = answer::for_status(E::CATALOG, status);
        if answer.is_none() {
            tracing::warn!(
                target: "errors_runtime::axum",
                status, request_id = scope.id.as_str(),
                "no code of the catalog answers this error status: the response goes out as the service made it; add a code of status {status} to the catalog"
            );
        }
        answer
    };
    let Some(answer) = answer else {
        let mut response = Response::from_parts(parts, body);
        set_request_id(&mut response, &settings.header, &scope.id);
        return response;
    };
    let (violations, reason) = match panicked {
        Some(Panicked(message)) => (Vec::new(), format!("a handler panicked: {message}")),
        None => {
            let text = text_of(&parts.headers, body).await;
            let violations = match answer.rejection {
                Some(Rejection::BadRequest) => violations::violations(&text),
                _ => Vec::new(),
            };
            let reason = match text.trim() {
                "" => format!("the framework answered {status}"),
                text => format!("the framework answered {status}: {text}"),
            };
            (violations, reason)
        }
    };
    let Some(error) = answer::build::<E>(answer, &violations) else {
        // Only a catalog the layer cannot fill (a derived type's own members) lands
        // here: answer with the bare status rather than the framework's text.
        let mut response = Response::new(Body::empty());
        *response.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        set_request_id(&mut response, &settings.header, &scope.id);
        return response;
    };
    let mut response = Scope::enter(Arc::clone(&scope), || {
        settings.apply(&error, render(error.envelope(), Some(&reason)))
    });
    // Keep what the framework said besides its body (`Allow` on a 405, ...); the
    // catalog's own headers win.
    let headers = response.headers_mut();
    for name in parts.headers.keys() {
        if [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING].contains(name)
            || headers.contains_key(name)
        {
            continue;
        }
        for value in parts.headers.get_all(name) {
            headers.append(name.clone(), value.clone());
        }
    }
    set_request_id(&mut response, &settings.header, &scope.id);
    response
}

fn set_request_id(response: &mut Response, header: &http::HeaderName, id: &RequestId) {
    // A well-formed id is always a valid header value.
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response.headers_mut().insert(header.clone(), value);
    }
}

/// The text of a framework's error body: at most 16 KiB of a `text/*` (or untyped)
/// body, else nothing.
async fn text_of(headers: &HeaderMap, body: Body) -> String {
    const MAX: usize = 16 * 1024;
    let textual = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|t| t.trim_start().to_ascii_lowercase().starts_with("text/"));
    if !textual {
        return String::new();
    }
    match http_body_util::Limited::new(body, MAX).collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::new(),
    }
}

/// What [`CatchPanic`] answers a panic with: an empty 500 marked [`Panicked`], which
/// [`finish`] turns into the catalog's `internal` error.
#[derive(Debug, Clone, Copy)]
struct PanicResponse;

/// The message of a handler's panic, for the log.
#[derive(Debug, Clone)]
struct Panicked(String);

impl ResponseForPanic for PanicResponse {
    type ResponseBody = http_body_util::Empty<Bytes>;

    fn response_for_panic(
        &mut self,
        panic: Box<dyn Any + Send + 'static>,
    ) -> http::Response<Self::ResponseBody> {
        let message = if let Some(text) = panic.downcast_ref::<&str>() {
            (*text).to_owned()
        } else if let Some(text) = panic.downcast_ref::<String>() {
            text.clone()
        } else {
            "(a panic payload that is not text)".to_owned()
        };
        let mut response = http::Response::new(http_body_util::Empty::new());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response.extensions_mut().insert(Panicked(message));
        response
    }
}
