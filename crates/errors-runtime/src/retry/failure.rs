//! What a failed attempt tells the retry policy and the circuit breaker.

use std::time::{Duration, SystemTime};

use crate::decode::{Decoded, Received, UnknownError};
use crate::error::CatalogError;
use crate::status::is_retryable_status;
use crate::time::RetryAfter;

/// What a failed attempt tells the retry policy (and the circuit breaker): whether it
/// may be retried, the HTTP status if there was a response, and how long the server
/// asked to wait.
///
/// ```
/// use std::time::Duration;
/// use errors_runtime::retry::Failure;
///
/// let f = Failure::from_response(503, Some("7"));
/// assert!(f.is_retryable());
/// assert_eq!(f.status(), Some(503));
/// assert_eq!(f.retry_after(), Some(Duration::from_secs(7)));
/// assert!(!Failure::from_status(400).is_retryable());
/// assert!(Failure::transport().is_retryable()); // no response at all
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Failure {
    retryable: bool,
    status: Option<u16>,
    retry_after: Option<Duration>,
    needs_refresh: bool,
}

impl Failure {
    /// A failure with no response, retryable or not.
    pub const fn new(retryable: bool) -> Self {
        Failure {
            retryable,
            status: None,
            retry_after: None,
            needs_refresh: false,
        }
    }

    /// A request that got no response (connection refused or reset, timeout): worth
    /// retrying. Use `Failure::new(false)` for failures that are not.
    pub const fn transport() -> Self {
        Failure::new(true)
    }

    /// A response with `status` and nothing more known (no body, or one that did not
    /// decode): retryable when the status is 5xx or 429.
    pub const fn from_status(status: u16) -> Self {
        Failure {
            retryable: is_retryable_status(status),
            status: Some(status),
            retry_after: None,
            needs_refresh: false,
        }
    }

    /// A response with `status` and its `Retry-After` header value, if any (an
    /// HTTP-date counts from the current system time; a value that does not parse is
    /// ignored).
    pub fn from_response(status: u16, retry_after: Option<&str>) -> Self {
        Failure::from_response_at(status, retry_after, SystemTime::now())
    }

    /// [`Failure::from_response`] with an HTTP-date counted from `now`.
    pub fn from_response_at(status: u16, retry_after: Option<&str>, now: SystemTime) -> Self {
        Failure::from_status(status).with_retry_after(
            retry_after
                .and_then(RetryAfter::parse)
                .map(|after| after.delay_from(now)),
        )
    }

    /// Sets whether it may be retried.
    #[must_use]
    pub const fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Sets the HTTP status.
    #[must_use]
    pub const fn with_status(mut self, status: Option<u16>) -> Self {
        self.status = status;
        self
    }

    /// Sets how long the server asked to wait.
    #[must_use]
    pub const fn with_retry_after(mut self, delay: Option<Duration>) -> Self {
        self.retry_after = delay;
        self
    }

    /// Sets whether it is retried once after a credentials refresh (a code the
    /// catalog marks `retry = "after_refresh"`).
    #[must_use]
    pub const fn with_refresh(mut self, needs_refresh: bool) -> Self {
        self.needs_refresh = needs_refresh;
        self
    }

    /// Whether it is retried once after a credentials refresh: the retry helpers
    /// given a refresh hook call it, then retry once; without one it is final.
    pub const fn needs_refresh(&self) -> bool {
        self.needs_refresh
    }

    /// Whether it may be retried.
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The HTTP status, if there was a response.
    pub const fn status(&self) -> Option<u16> {
        self.status
    }

    /// How long the server asked to wait.
    pub const fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

/// An error the retry policy and the circuit breaker can judge.
///
/// Implemented for every catalog error type, for [`Decoded`], [`Received`] and
/// [`UnknownError`], and for [`Failure`] itself. A client's own error type (say, a
/// transport error or a decoded error response) implements it by building a
/// [`Failure`]:
///
/// ```
/// use errors_runtime::retry::{AsFailure, Failure};
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// # use api::ApiError;
///
/// enum ClientError {
///     Connect(std::io::Error),
///     Api(errors_runtime::Decoded<ApiError>),
///     Undecodable { status: u16 },
/// }
///
/// impl AsFailure for ClientError {
///     fn as_failure(&self) -> Failure {
///         match self {
///             ClientError::Connect(_) => Failure::transport(),
///             ClientError::Api(decoded) => decoded.as_failure(),
///             ClientError::Undecodable { status } => Failure::from_status(*status),
///         }
///     }
/// }
/// ```
pub trait AsFailure {
    /// What this error tells the policy.
    fn as_failure(&self) -> Failure;
}

impl AsFailure for Failure {
    fn as_failure(&self) -> Failure {
        *self
    }
}

impl<E: CatalogError> AsFailure for E {
    /// The catalog's retryability and status, and the `Retry-After` field if any.
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.is_retryable(),
            status: Some(self.status()),
            retry_after: self.retry_after(),
            needs_refresh: self.retry_class().needs_refresh(),
        }
    }
}

impl<E: CatalogError> AsFailure for Decoded<E> {
    /// See [`Decoded::is_retryable`], [`Decoded::status`] and [`Decoded::retry_after`].
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.is_retryable(),
            status: self.status(),
            retry_after: self.retry_after(),
            needs_refresh: self.retry_class().needs_refresh(),
        }
    }
}

impl<E: CatalogError> AsFailure for Received<E> {
    fn as_failure(&self) -> Failure {
        match self {
            Received::Known(error) => error.as_failure(),
            Received::Mismatched(error) => Failure::new(error.is_retryable())
                .with_status(Some(error.status()))
                .with_refresh(error.meta().retry_class.needs_refresh()),
            Received::Unknown(error) => error.as_failure(),
        }
    }
}

impl AsFailure for UnknownError {
    /// Retryable only with a 5xx or 429 status.
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.status().is_some_and(is_retryable_status),
            status: self.status(),
            retry_after: None,
            needs_refresh: false,
        }
    }
}
