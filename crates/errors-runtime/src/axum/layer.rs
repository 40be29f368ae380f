//! The tower plumbing of [`CatalogLayer`]: the service it wraps another in, the
//! request id of each request, the panic catcher, and the finishing of each
//! response. Which code answers what is decided in `answer`.

use std::any::Any;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum_core::body::Body;
use axum_core::response::Response;
use bytes::Bytes;
use http::header::HeaderValue;
use http::{Request, StatusCode};
use tower_http::body::UnsyncBoxBody;
use tower_http::catch_panic::{CatchPanic, ResponseForPanic};
use tower_layer::Layer;
use tower_service::Service;

use super::answer::{self, Answer, Unbuilt};
use super::body::{self, Limits, Text};
use super::request_id::{RequestId, Scope};
use super::respond::{CatalogResponse, Settings, Verbatim, render};
use super::unanswered::{Warned, Why, unanswered};
use super::violations;
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
/// Add it outermost (the last `.layer(..)` of the router), so it wraps every route,
/// the fallback and every other layer: a response made outside it is not answered.
/// `Router::new().route(...).layer(CatalogLayer::<ApiError>::new())`.
pub struct CatalogLayer<E> {
    settings: Arc<Settings<E>>,
    edge: Edge,
}

/// What the layer needs besides the hooks: its limits on the bodies it reads, and
/// the statuses it has warned about (shared by the services it makes).
#[derive(Debug, Clone, Default)]
struct Edge {
    limits: Limits,
    warned: Arc<Warned>,
}

impl<E: Decode + 'static> CatalogLayer<E> {
    /// A layer for the catalog of `E`, reading request ids from its `[http]
    /// request_id_header`.
    pub fn new() -> Self {
        CatalogLayer {
            settings: Arc::new(Settings::new()),
            edge: Edge::default(),
        }
    }

    /// The most bytes of a framework's error body the layer reads (for the failing
    /// field of a `bad_request`, and the log); a larger body is answered from its
    /// status alone. Default 16 KiB.
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.edge.limits.max_bytes = bytes;
        self
    }

    /// How long the layer waits for a framework's error body before it answers from
    /// the status alone (a body that never arrives holds no request up for longer).
    /// Default one second.
    #[must_use]
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.edge.limits.timeout = timeout;
        self
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
            edge: self.edge.clone(),
        }
    }
}

impl<E> fmt::Debug for CatalogLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogLayer")
            .field("request_id_header", &self.settings.header)
            .field("body_limit", &self.edge.limits.max_bytes)
            .field("body_timeout", &self.edge.limits.timeout)
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
            edge: self.edge.clone(),
        }
    }
}

/// The service [`CatalogLayer`] wraps another in.
pub struct CatalogService<S, E> {
    inner: CatchPanic<S, PanicResponse>,
    settings: Arc<Settings<E>>,
    edge: Edge,
}

impl<S: Clone, E> Clone for CatalogService<S, E> {
    fn clone(&self) -> Self {
        CatalogService {
            inner: self.inner.clone(),
            settings: Arc::clone(&self.settings),
            edge: self.edge.clone(),
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
        // Inside another catalog layer, the outer one's id: one request, one id,
        // whichever layer writes the header or the envelope.
        let header = &self.settings.header;
        let id = request
            .extensions()
            .get::<RequestId>()
            .cloned()
            .or_else(|| {
                request
                    .headers()
                    .get(header)
                    .and_then(|value| value.to_str().ok())
                    .and_then(RequestId::parse)
            })
            .unwrap_or_else(RequestId::generate);
        request.extensions_mut().insert(id.clone());
        let settings = Arc::clone(&self.settings);
        let accept_language = request
            .headers()
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(Box::from);
        let scope = Arc::new(Scope {
            id,
            settings: Arc::clone(&settings) as Arc<dyn Any + Send + Sync>,
            accept_language,
            reject: answer::reject::<E>,
        });
        let edge = self.edge.clone();
        let inner = &mut self.inner;
        let future = Scope::enter(Arc::clone(&scope), || inner.call(request));
        Box::pin(async move {
            let response = Scope::run(Arc::clone(&scope), future).await?;
            Ok(finish(response, scope, &settings, &edge).await)
        })
    }
}

/// The inner service's response, as it goes out: catalog errors and successes as
/// they are, other error statuses and panics answered from the catalog when a code
/// answers them (see `answer`), else as the service made them (see `unanswered`);
/// the request id header on all of them.
async fn finish<E: Decode + 'static>(
    response: http::Response<UnsyncBoxBody<Bytes, BoxError>>,
    scope: Arc<Scope>,
    settings: &Settings<E>,
    edge: &Edge,
) -> Response {
    let (mut parts, body) = response.into_parts();
    let body = Body::new(body);
    let panicked = parts.extensions.remove::<Panicked>();
    let status = parts.status.as_u16();
    let settled = parts.extensions.get::<CatalogResponse>().is_some()
        || parts.extensions.get::<Verbatim>().is_some();
    let answer = match panicked {
        Some(_) => answer::for_panic(E::CATALOG),
        None if settled || status < 400 => {
            let mut response = Response::from_parts(parts, body);
            set_request_id(&mut response, &settings.header, &scope.id);
            return response;
        }
        None => answer::for_status(E::CATALOG, status),
    };
    let left = |parts, body, why| {
        let mut response = unanswered(
            E::CATALOG,
            parts,
            body,
            why,
            &edge.warned,
            scope.id.as_str(),
        );
        set_request_id(&mut response, &settings.header, &scope.id);
        response
    };
    let Some(answer) = answer else {
        return left(parts, body, Why::NoCode);
    };
    // Whether the code can be built from the response's headers is known before its
    // body is read, so that a 4xx the layer leaves keeps its body.
    if let Err(unbuilt) = answer::build::<E>(answer, &[], &parts.headers) {
        return left(parts, body, why(answer, unbuilt));
    }
    let (violations, reason) = match panicked {
        Some(Panicked(message)) => (Vec::new(), format!("a handler panicked: {message}")),
        None => {
            let text = body::read_text(&parts.headers, body, edge.limits).await;
            let violations = match (answer.rejection(), &text) {
                (Some(Rejection::BadRequest), Text::Read(text)) => violations::violations(text),
                _ => Vec::new(),
            };
            (violations, reason(status, &text, edge.limits))
        }
    };
    let error = match answer::build::<E>(answer, &violations, &parts.headers) {
        Ok(error) => error,
        // Built once above from the same headers, so this does not happen; should it,
        // the body is gone and the status alone goes out.
        Err(unbuilt) => return left(parts, Body::empty(), why(answer, unbuilt)),
    };
    let mut response = Scope::enter(Arc::clone(&scope), || {
        settings.apply(&error, render(error.envelope(), Some(&reason)))
    });
    // Keep what the framework said besides its body (`Allow` on a 405, `Vary`, a
    // rate limiter's headers ...), but nothing that described the body replaced;
    // the catalog's own headers win.
    let headers = response.headers_mut();
    for name in parts.headers.keys() {
        if body::describes_body(name) || headers.contains_key(name) {
            continue;
        }
        for value in parts.headers.get_all(name) {
            headers.append(name.clone(), value.clone());
        }
    }
    set_request_id(&mut response, &settings.header, &scope.id);
    response
}

fn why(answer: Answer, unbuilt: Unbuilt) -> Why {
    match unbuilt {
        Unbuilt::MissingHeader => Why::MissingHeader(answer.index),
        Unbuilt::NotDecodable => Why::NotDecodable(answer.index),
    }
}

/// What the log says the service answered, for an error the layer made of it.
fn reason(status: u16, text: &Text, limits: Limits) -> String {
    match text {
        Text::Read(text) if !text.trim().is_empty() => {
            format!("the framework answered {status}: {}", text.trim())
        }
        Text::TooLarge => format!(
            "the framework answered {status}, with a body over {} bytes (not read)",
            limits.max_bytes
        ),
        Text::Late => format!(
            "the framework answered {status}, with a body not complete within {:?} (not read)",
            limits.timeout
        ),
        _ => format!("the framework answered {status}"),
    }
}

fn set_request_id(response: &mut Response, header: &http::HeaderName, id: &RequestId) {
    // A well-formed id is always a valid header value.
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response.headers_mut().insert(header.clone(), value);
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
