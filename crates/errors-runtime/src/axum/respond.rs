//! Rendering a catalog error as a response: the envelope (with the request id and a
//! timestamp inside [`CatalogLayer`](super::CatalogLayer)), the one log event of the
//! response, and the layer's hooks.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use axum_core::body::Body;
use axum_core::response::Response;
use http::HeaderName;

use super::request_id::Scope;
use crate::envelope::Envelope;
use crate::error::CatalogError;
use crate::log_text::LogText;
use crate::time::Timestamp;

/// Marks a response as a catalog error, rendered from the error of
/// [`code`](CatalogResponse::code): [`CatalogLayer`](super::CatalogLayer) leaves its
/// body alone. Every generated error type's `IntoResponse` (and every
/// [`Envelope`]'s) inserts it in the response's extensions.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use axum_core::response::IntoResponse;
/// use errors_runtime::axum::CatalogResponse;
///
/// let response = api::ApiError::BadGateway.into_response();
/// let marker = response.extensions().get::<CatalogResponse>().unwrap();
/// assert_eq!(marker.code(), "BAD_GATEWAY");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogResponse {
    code: &'static str,
}

impl CatalogResponse {
    /// The code of the error the response was rendered from.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

/// Put in a response's extensions, it keeps [`CatalogLayer`](super::CatalogLayer)
/// from answering an error status with a catalog error: the response goes out as it
/// is (with the request id header). For the rare endpoint whose error bodies follow
/// another contract, such as a proxied upstream's.
///
/// ```
/// use axum_core::response::{IntoResponse, Response};
/// use errors_runtime::axum::Verbatim;
/// use http::StatusCode;
///
/// async fn proxied() -> Response {
///     let mut response = (StatusCode::BAD_GATEWAY, "upstream says no").into_response();
///     response.extensions_mut().insert(Verbatim);
///     response
/// }
/// # let _ = proxied;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verbatim;

/// The response of `envelope`, with the request id and a timestamp (unless the
/// catalog's `[http] timestamp` is false) when inside the layer and not set; logged once, with `reason` (what the framework said, or the
/// panic message) when the layer made the error.
pub(crate) fn render<E: CatalogError>(
    mut envelope: Envelope<'_, E>,
    reason: Option<&str>,
) -> Response {
    if let Some(scope) = Scope::current() {
        if envelope.request_id.is_none() {
            envelope.request_id = Some(Cow::Owned(scope.id.as_str().to_owned()));
        }
        // `[http] timestamp = false`: the catalog's format has none.
        if envelope.timestamp.is_none() && E::CATALOG.http.timestamp {
            envelope.timestamp = Some(Timestamp::now());
        }
        if envelope.locale.is_none() && !E::CATALOG.locales.is_empty() {
            let accepted = scope.accept_language.as_deref();
            envelope.locale = Some(accepted.and_then(|a| E::CATALOG.negotiate(a)));
        }
    }
    let error = envelope.error();
    log(error, envelope.request_id.as_deref(), reason);
    let mut response = envelope.to_http_response().map(Body::from);
    if !E::CATALOG.locales.is_empty() {
        // The language follows `Accept-Language`: caches must key on it.
        response.headers_mut().append(
            http::header::VARY,
            http::HeaderValue::from_static("accept-language"),
        );
    }
    response.extensions_mut().insert(CatalogResponse {
        code: error.meta().code,
    });
    response
}

/// The one event of an error response: error level for 5xx, debug for 4xx; the
/// internal fields go here and nowhere else. Every text a caller can influence (the
/// message, the internal fields, the reason, a request id the handler set) is
/// escaped, so it cannot forge a line (SPEC 9.1); the code is the catalog's own.
fn log<E: CatalogError>(error: &E, request_id: Option<&str>, reason: Option<&str>) {
    let meta = error.meta();
    let (code, status) = (meta.code, meta.status);
    let message = LogText(error);
    let internal = LogText(Internal(error));
    let request_id = request_id.map(|id| tracing::field::display(LogText(id)));
    let reason = reason.map(|reason| tracing::field::display(LogText(reason)));
    if status >= 500 {
        tracing::error!(
            target: "errors_runtime::axum",
            code, status, request_id, internal = ?internal, reason,
            "{message}"
        );
    } else {
        tracing::debug!(
            target: "errors_runtime::axum",
            code, status, request_id, internal = ?internal, reason,
            "{message}"
        );
    }
}

/// The internal fields, as `{name: value, ...}`.
struct Internal<'e, E>(&'e E);

impl<E: CatalogError> fmt::Debug for Internal<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        self.0.for_each_internal(&mut |name, value| {
            map.key(&format_args!("{name}")).value(value);
        });
        map.finish()
    }
}

/// A hook on every catalog error response of `E`.
pub(crate) type EveryHook<E> = Arc<dyn Fn(&E, &mut Response) + Send + Sync>;
/// A hook that takes over the response of one code.
pub(crate) type CodeHook<E> = Arc<dyn Fn(&E, Response) -> Response + Send + Sync>;

/// What a [`CatalogLayer`](super::CatalogLayer) of `E` was set up with.
pub(crate) struct Settings<E> {
    pub(crate) header: HeaderName,
    pub(crate) every: Vec<EveryHook<E>>,
    pub(crate) per_code: Vec<(&'static str, CodeHook<E>)>,
    _error: PhantomData<fn(&E)>,
}

impl<E: CatalogError> Settings<E> {
    pub(crate) fn new() -> Self {
        let header = HeaderName::from_bytes(E::CATALOG.http.request_id_header.as_bytes())
            .unwrap_or(HeaderName::from_static("x-request-id"));
        Settings {
            header,
            every: Vec::new(),
            per_code: Vec::new(),
            _error: PhantomData,
        }
    }

    /// The same settings, for a layer to add hooks to without changing those of the
    /// services already made.
    pub(crate) fn duplicate(&self) -> Self {
        Settings {
            header: self.header.clone(),
            every: self.every.clone(),
            per_code: self.per_code.clone(),
            _error: PhantomData,
        }
    }

    /// `response`, rendered from `error`, through the hooks.
    pub(crate) fn apply(&self, error: &E, mut response: Response) -> Response {
        for hook in &self.every {
            hook(error, &mut response);
        }
        let code = error.meta().code;
        for (_, hook) in self.per_code.iter().filter(|(c, _)| *c == code) {
            response = hook(error, response);
        }
        // A response taken over is the service's answer to this error: the layer
        // leaves its body alone too.
        if response.extensions().get::<CatalogResponse>().is_none() {
            response.extensions_mut().insert(CatalogResponse { code });
        }
        response
    }
}

/// A generated error type's response (`IntoResponse`), through the hooks of the
/// layer it is rendered in when that layer is of its own type.
pub(crate) fn error_response<E: CatalogError + 'static>(error: &E) -> Response {
    let response = render(error.envelope(), None);
    let scope = Scope::current();
    match scope
        .as_ref()
        .and_then(|scope| scope.settings.downcast_ref::<Settings<E>>())
    {
        Some(settings) => settings.apply(error, response),
        None => response,
    }
}
