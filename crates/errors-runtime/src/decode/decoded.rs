//! A decoded error response: a known or unknown error, and the envelope around it.

use std::fmt;
use std::time::Duration;

use super::mismatched::MismatchedError;
use super::unknown::UnknownError;
use crate::error::CatalogError;
use crate::status::is_retryable_status;
use crate::time::timestamp::Timestamp;

/// A decoded error response: the error, and what the envelope said around it.
///
/// Made by [`decode`](fn@crate::decode), [`decode_response`](crate::decode_response)
/// or [`Decoder::decode`](crate::Decoder::decode).
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<E> {
    pub(super) error: Received<E>,
    pub(super) message: String,
    pub(super) status: Option<u16>,
    pub(super) retry_after: Option<Duration>,
    pub(super) request_id: Option<String>,
    pub(super) timestamp: Option<Timestamp>,
    pub(super) timestamp_text: Option<String>,
    pub(super) doc_url: Option<String>,
    pub(super) category: Option<String>,
    pub(super) param: Option<String>,
    pub(super) title: Option<String>,
}

impl<E: CatalogError> Decoded<E> {
    /// The error: typed, or unknown to this build.
    pub fn error(&self) -> &Received<E> {
        &self.error
    }

    /// The error, by value.
    pub fn into_error(self) -> Received<E> {
        self.error
    }

    /// The typed error, when this build knows its code.
    pub fn known(&self) -> Option<&E> {
        self.error.known()
    }

    /// The code as received, e.g. `RATE_LIMITED`.
    pub fn code(&self) -> &str {
        self.error.code()
    }

    /// The message as received (the problem style's `detail`). For a known code it
    /// is normally what the typed error's `Display` renders, but it is the server's
    /// text: a newer server may word it differently.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status: the one given to [`Decoder::status`](crate::Decoder::status), else the problem
    /// envelope's `status`, else the catalog's status of a known code.
    pub fn status(&self) -> Option<u16> {
        self.status.or_else(|| self.known().map(E::status))
    }

    /// Whether the request may be retried: the catalog's word for a known code
    /// (whether or not its fields fit); for an unknown one, whether the status is 5xx
    /// or 429 (no status: no).
    pub fn is_retryable(&self) -> bool {
        match &self.error {
            Received::Known(error) => error.is_retryable(),
            Received::Mismatched(error) => error.is_retryable(),
            Received::Unknown(_) => self.status.is_some_and(is_retryable_status),
        }
    }

    /// How a client retries it: the catalog's class for a known code (whether or
    /// not its fields fit); for an unknown one, retryable when the status is 5xx or
    /// 429.
    pub fn retry_class(&self) -> crate::meta::RetryClass {
        match &self.error {
            Received::Known(error) => error.retry_class(),
            Received::Mismatched(error) => error.meta().retry_class,
            Received::Unknown(_) => crate::meta::RetryClass::from_retryable(self.is_retryable()),
        }
    }

    /// How long the server asked to wait: the value given to
    /// [`Decoder::retry_after`](crate::Decoder::retry_after) (the `Retry-After` header), else the known error's
    /// `Retry-After` field.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
            .or_else(|| self.known().and_then(E::retry_after))
    }

    /// The request id, when the envelope has one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// When the error happened, if the envelope has a timestamp in RFC 3339.
    ///
    /// A timestamp in another format is not an error (it is informational, and the
    /// error itself should not be lost over it): it is `None` here, and kept as
    /// received in [`Decoded::timestamp_text`].
    pub fn timestamp(&self) -> Option<Timestamp> {
        self.timestamp
    }

    /// The timestamp member exactly as received.
    pub fn timestamp_text(&self) -> Option<&str> {
        self.timestamp_text.as_deref()
    }

    /// The documentation link: the typed style's `doc_url`, or the problem style's
    /// `type` unless it is `about:blank` (which RFC 9457 defines as "no more than
    /// the status says"). The flat and nested styles have none.
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// The typed style's `type`: the error's category, e.g. `rate_limit_error`.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    /// The typed style's `param`: the request parameter the error is about.
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The problem style's `title`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

impl<E: CatalogError> fmt::Display for Decoded<E> {
    /// The error, then the request id when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl<E: CatalogError + std::error::Error + 'static> std::error::Error for Decoded<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.error {
            Received::Known(error) => Some(error),
            Received::Mismatched(error) => Some(error),
            Received::Unknown(error) => Some(error),
        }
    }
}

/// A received error: one of the catalog's, one of the catalog's codes whose fields
/// do not fit, or one this build does not know. No response is lost.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<E> {
    /// A code of the catalog, with its typed detail fields.
    Known(E),
    /// A code of the catalog whose fields do not fit it (an older or newer server):
    /// everything that was sent, and why.
    Mismatched(MismatchedError),
    /// A code this build does not know (a newer server, another service).
    Unknown(UnknownError),
}

impl<E: CatalogError> Received<E> {
    /// The typed error, when the code is known.
    pub fn known(&self) -> Option<&E> {
        match self {
            Received::Known(error) => Some(error),
            Received::Mismatched(_) | Received::Unknown(_) => None,
        }
    }

    /// The error of a known code whose fields do not fit the catalog.
    pub fn mismatched(&self) -> Option<&MismatchedError> {
        match self {
            Received::Mismatched(error) => Some(error),
            Received::Known(_) | Received::Unknown(_) => None,
        }
    }

    /// The unknown error, when the code is not known.
    pub fn unknown(&self) -> Option<&UnknownError> {
        match self {
            Received::Known(_) | Received::Mismatched(_) => None,
            Received::Unknown(error) => Some(error),
        }
    }

    /// The code as received.
    pub fn code(&self) -> &str {
        match self {
            Received::Known(error) => error.meta().code,
            Received::Mismatched(error) => error.code(),
            Received::Unknown(error) => error.code(),
        }
    }

    /// The catalog's status of a known code; the received status, if any, of an
    /// unknown one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Received::Known(error) => Some(error.status()),
            Received::Mismatched(error) => Some(error.status()),
            Received::Unknown(error) => error.status(),
        }
    }

    /// Whether a client may retry: the catalog's word for a known code, whether or
    /// not its fields fit; 5xx or 429 for an unknown one.
    pub fn is_retryable(&self) -> bool {
        match self {
            Received::Known(error) => error.is_retryable(),
            Received::Mismatched(error) => error.is_retryable(),
            Received::Unknown(error) => error.is_retryable(),
        }
    }
}

impl<E: CatalogError> fmt::Display for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Received::Known(error) => fmt::Display::fmt(error, f),
            Received::Mismatched(error) => fmt::Display::fmt(error, f),
            Received::Unknown(error) => fmt::Display::fmt(error, f),
        }
    }
}
