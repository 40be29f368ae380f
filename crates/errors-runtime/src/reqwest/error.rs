//! Why a call of a typed reqwest client failed.

use std::fmt;

use crate::breaker::CircuitOpen;
use crate::decode::{Decode, DecodeError, Decoded};
use crate::retry::{AsFailure, Failure};

/// Why a call to a service of the catalog `E` failed: no response, an error of the
/// catalog (decoded), a circuit breaker that refused to send it, or an error response
/// whose body is no envelope of the catalog.
///
/// Made by [`ResponseExt::catalog_error`](super::ResponseExt::catalog_error), and
/// from a `reqwest::Error` or (feature `reqwest-middleware`) a
/// `reqwest_middleware::Error` with `?`. It implements [`AsFailure`], so the
/// [`retry`](crate::retry) helpers and a [`CircuitBreaker`](crate::CircuitBreaker)
/// can judge it.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use api::ApiError;
/// use errors_runtime::reqwest::{ClientError, ResponseExt};
///
/// async fn session(http: &reqwest::Client, id: &str) -> Result<String, ClientError<ApiError>> {
///     let url = format!("http://127.0.0.1:3000/sessions/{id}");
///     let response = http.get(url).send().await?.catalog_error::<ApiError>().await?;
///     Ok(response.text().await?)
/// }
///
/// fn explain(error: &ClientError<ApiError>) -> String {
///     match error {
///         ClientError::Api(decoded) => match decoded.known() {
///             Some(ApiError::SessionNotFound { session_id }) => format!("no session {session_id}"),
///             _ => format!("{decoded}"), // the code, message and request id
///         },
///         ClientError::Undecodable(body) => format!("HTTP {}: {}", body.status(), body.excerpt()),
///         other => other.to_string(),
///     }
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError<E> {
    /// reqwest failed: no response (the connection failed or timed out), or its body
    /// could not be read (or, for a success, parsed: see `reqwest::Error::is_decode`).
    Transport(::reqwest::Error),
    /// The service answered with an error envelope of the catalog, decoded: the typed
    /// error (`decoded.known()`), or one of the catalog's codes whose fields do not fit
    /// (`mismatched()`), or a code this build does not know (`unknown()`); with the
    /// request id, timestamp and status.
    Api(Box<Decoded<E>>),
    /// A circuit breaker is open: the service is known to be down, so the request was
    /// not sent.
    CircuitOpen(CircuitOpen),
    /// An error response whose body is no envelope of the catalog (a proxy's HTML
    /// page, say).
    Undecodable(Box<UndecodableResponse>),
    /// Another middleware of a `reqwest_middleware` client failed.
    #[cfg(feature = "reqwest-middleware")]
    Middleware(Box<dyn std::error::Error + Send + Sync>),
}

impl<E: Decode> ClientError<E> {
    /// The typed error, when the service answered with a code this build knows and
    /// its fields fit the catalog.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use errors_runtime::reqwest::ClientError;
    /// use errors_runtime::retry::AsFailure;
    ///
    /// let breaker = errors_runtime::CircuitBreaker::new().with_failure_threshold(1);
    /// breaker.try_acquire().unwrap().failure();
    /// let error: ClientError<api::ApiError> = breaker.try_acquire().unwrap_err().into();
    /// assert!(error.api().is_none());
    /// assert!(!error.as_failure().is_retryable()); // fail fast while the service is down
    /// ```
    pub fn api(&self) -> Option<&E> {
        match self {
            ClientError::Api(decoded) => decoded.known(),
            _ => None,
        }
    }

    /// The HTTP status, when there was an error response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(decoded) => decoded.status(),
            ClientError::Undecodable(body) => Some(body.status()),
            ClientError::Transport(error) => error.status().map(|status| status.as_u16()),
            _ => None,
        }
    }

    /// The request id the service gave the failed request: the envelope's, else
    /// the catalog's request id header of an undecodable response.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ClientError::Api(decoded) => decoded.request_id(),
            ClientError::Undecodable(body) => body.request_id(),
            _ => None,
        }
    }
}

impl<E: Decode> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Transport(error) => write!(f, "no usable response: {error}"),
            ClientError::Api(decoded) => fmt::Display::fmt(decoded, f),
            ClientError::CircuitOpen(open) => fmt::Display::fmt(open, f),
            ClientError::Undecodable(body) => fmt::Display::fmt(body, f),
            #[cfg(feature = "reqwest-middleware")]
            ClientError::Middleware(error) => write!(f, "a middleware failed: {error}"),
        }
    }
}

impl<E: Decode + std::error::Error + 'static> std::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Transport(error) => Some(error),
            ClientError::Api(decoded) => Some(&**decoded),
            ClientError::CircuitOpen(open) => Some(open),
            ClientError::Undecodable(body) => Some(&body.error),
            #[cfg(feature = "reqwest-middleware")]
            ClientError::Middleware(error) => Some(&**error),
        }
    }
}

impl<E: Decode> AsFailure for ClientError<E> {
    /// A transport error may be retried (unless reqwest could not even build the
    /// request); an API error as the catalog says; an undecodable response by its
    /// status and `Retry-After`; an open circuit never (it fails fast while the
    /// service is known to be down), nor another middleware's error.
    fn as_failure(&self) -> Failure {
        match self {
            ClientError::Transport(error) => transport_failure(error),
            ClientError::Api(decoded) => decoded.as_failure(),
            ClientError::Undecodable(body) => body.as_failure(),
            ClientError::CircuitOpen(_) => Failure::new(false),
            #[cfg(feature = "reqwest-middleware")]
            ClientError::Middleware(_) => Failure::new(false),
        }
    }
}

/// What a reqwest error says about the service: an invalid request (a bad URL, a body
/// that did not serialize) is the caller's mistake and not worth repeating.
pub(super) fn transport_failure(error: &::reqwest::Error) -> Failure {
    if error.is_builder() {
        Failure::new(false)
    } else {
        Failure::transport()
    }
}

impl<E> From<::reqwest::Error> for ClientError<E> {
    fn from(error: ::reqwest::Error) -> Self {
        ClientError::Transport(error)
    }
}

impl<E> From<CircuitOpen> for ClientError<E> {
    fn from(open: CircuitOpen) -> Self {
        ClientError::CircuitOpen(open)
    }
}

/// `?` on a `reqwest_middleware` client's `send()`: an open circuit of a
/// [`CatalogMiddleware`](super::CatalogMiddleware) becomes
/// [`ClientError::CircuitOpen`], reqwest's own errors [`ClientError::Transport`].
#[cfg(feature = "reqwest-middleware")]
impl<E> From<reqwest_middleware::Error> for ClientError<E> {
    fn from(error: reqwest_middleware::Error) -> Self {
        match error {
            reqwest_middleware::Error::Reqwest(error) => ClientError::Transport(error),
            reqwest_middleware::Error::Middleware(error) => match error.downcast::<CircuitOpen>() {
                Ok(open) => ClientError::CircuitOpen(open),
                Err(other) => ClientError::Middleware(other.into()),
            },
        }
    }
}

/// An error response whose body is no envelope of the catalog: its status, the
/// headers that say what it was, the start of the body, and why it did not decode.
#[derive(Debug, Clone, PartialEq)]
pub struct UndecodableResponse {
    pub(super) status: u16,
    pub(super) content_type: Option<String>,
    pub(super) retry_after: Option<String>,
    pub(super) request_id: Option<String>,
    pub(super) excerpt: String,
    pub(super) len: usize,
    pub(super) error: DecodeError,
}

impl UndecodableResponse {
    /// The longest excerpt kept of a body, in bytes: enough to recognise a proxy's
    /// page, short enough to log.
    pub const EXCERPT_LEN: usize = 512;

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `Content-Type` header, if any (`text/html` from a proxy, say).
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The `Retry-After` header as sent (seconds or an HTTP-date), if any.
    pub fn retry_after(&self) -> Option<&str> {
        self.retry_after.as_deref()
    }

    /// The catalog's request id header (`[http] request_id_header`), if sent.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The start of the body as text (invalid UTF-8 replaced), at most
    /// [`EXCERPT_LEN`](Self::EXCERPT_LEN) bytes, cut at a character boundary.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }

    /// The length of the body read, in bytes (reading stops just past the decoder's
    /// size cap).
    pub fn body_len(&self) -> usize {
        self.len
    }

    /// Why the body did not decode.
    pub fn decode_error(&self) -> &DecodeError {
        &self.error
    }
}

impl fmt::Display for UndecodableResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HTTP {} with a body outside the catalog ({})",
            self.status, self.error
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl AsFailure for UndecodableResponse {
    /// Retryable on 5xx and 429, with its `Retry-After`.
    fn as_failure(&self) -> Failure {
        Failure::from_response(self.status, self.retry_after.as_deref())
    }
}
