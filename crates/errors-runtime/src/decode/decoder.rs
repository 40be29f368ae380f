//! Decoding settings and the entry points: a body in, a [`Decoded`] error out.

use std::time::Duration;

use serde_json::Value;

use super::decoded::{Decoded, Received};
use super::details::{Decode, WireDetails};
use super::error::DecodeError;
use super::unknown::UnknownError;
use super::wire::{Raw, instance_is_standard};
use crate::error::ErrorCode;
use crate::meta::EnvelopeStyle;
use crate::retry_after::RetryAfter;
use crate::timestamp::Timestamp;

/// Decodes an error response body of `E`'s catalog, with the default [`Decoder`]
/// settings (bodies up to [`Decoder::DEFAULT_MAX_LEN`] bytes).
///
/// ```
/// mod api {
///     errors_runtime::catalog!("../../catalog.toml");
/// }
/// use api::ApiError;
///
/// let body = br#"{"success": false, "errorCode": "RATE_LIMITED",
///     "message": "Rate limit exceeded for read endpoints. Retry in 42 seconds.",
///     "details": {"category": "read", "retryAfter": 42}, "requestId": "req_2N7s8x9KqR"}"#;
/// let decoded = errors_runtime::decode::<ApiError>(body).unwrap();
/// assert_eq!(
///     decoded.known(),
///     Some(&ApiError::RateLimited { category: "read".into(), retry_after: 42, limit: None })
/// );
/// assert_eq!(decoded.request_id(), Some("req_2N7s8x9KqR"));
/// assert!(decoded.is_retryable());
/// ```
pub fn decode<E: Decode>(bytes: &[u8]) -> Result<Decoded<E>, DecodeError> {
    Decoder::new().decode(bytes)
}

/// Decodes an error response body received with HTTP `status`, which an
/// [`UnknownError`] keeps (and which decides whether it is retryable).
///
/// ```
/// mod api {
///     errors_runtime::catalog!("../../catalog.toml");
/// }
/// use api::ApiError;
///
/// // A code added to the service after this client was built.
/// let body = br#"{"success": false, "errorCode": "QUOTA_FROZEN", "message": "Frozen."}"#;
/// let decoded = errors_runtime::decode_response::<ApiError>(503, body).unwrap();
/// let unknown = decoded.error().unknown().unwrap();
/// assert_eq!((unknown.code(), unknown.status()), ("QUOTA_FROZEN", Some(503)));
/// assert!(decoded.is_retryable()); // unknown codes: retried on 5xx and 429 only
/// ```
pub fn decode_response<E: Decode>(status: u16, bytes: &[u8]) -> Result<Decoded<E>, DecodeError> {
    Decoder::new().status(status).decode(bytes)
}

/// Decoding settings: what the transport knows besides the body, and a size cap.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use std::time::Duration;
/// use errors_runtime::Decoder;
///
/// let body = br#"{"success": false, "errorCode": "BAD_GATEWAY",
///     "message": "The upstream service returned an invalid response."}"#;
/// let decoded = Decoder::new()
///     .status(502)
///     .retry_after(Duration::from_secs(3)) // the response's Retry-After header
///     .max_len(64 * 1024)
///     .decode::<api::ApiError>(body)
///     .unwrap();
/// assert_eq!(decoded.status(), Some(502));
/// assert_eq!(decoded.retry_after(), Some(Duration::from_secs(3)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoder {
    status: Option<u16>,
    retry_after: Option<Duration>,
    max_len: usize,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    /// The default size cap: 1 MiB, far above any error envelope, low enough that a
    /// hostile or broken server cannot make the client parse without bound.
    pub const DEFAULT_MAX_LEN: usize = 1 << 20;

    /// No status, no `Retry-After`, the default size cap.
    pub const fn new() -> Self {
        Decoder {
            status: None,
            retry_after: None,
            max_len: Self::DEFAULT_MAX_LEN,
        }
    }

    /// The HTTP status the body came with. It takes precedence over a problem
    /// envelope's `status` member, and an [`UnknownError`] keeps it.
    #[must_use]
    pub const fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The response's `Retry-After`, already parsed (see
    /// [`RetryAfter`](crate::retry::RetryAfter)). It takes precedence over the
    /// error's own `Retry-After` field in [`Decoded::retry_after`].
    #[must_use]
    pub const fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// The response's `Retry-After` header value, seconds or HTTP-date (counted from
    /// the current system time); a value that does not parse is ignored.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use std::time::Duration;
    /// let body = br#"{"success": false, "errorCode": "SERVICE_UNAVAILABLE", "message": "Later."}"#;
    /// let decoded = errors_runtime::Decoder::new()
    ///     .status(503)
    ///     .retry_after_header("120")
    ///     .decode::<api::ApiError>(body)
    ///     .unwrap();
    /// assert_eq!(decoded.retry_after(), Some(Duration::from_secs(120)));
    /// ```
    #[must_use]
    pub fn retry_after_header(mut self, value: &str) -> Self {
        if let Some(after) = RetryAfter::parse(value) {
            self.retry_after = Some(after.delay());
        }
        self
    }

    /// The largest body decoded, in bytes; a longer one is
    /// [`DecodeError::TooLarge`] before any parsing. A client should also stop
    /// reading the response at this size. Nesting depth is limited independently
    /// (128 levels) by `serde_json`.
    #[must_use]
    pub const fn max_len(mut self, bytes: usize) -> Self {
        self.max_len = bytes;
        self
    }

    /// Decodes `bytes` as an envelope of `E`'s catalog.
    pub fn decode<E: Decode>(&self, bytes: &[u8]) -> Result<Decoded<E>, DecodeError> {
        if bytes.len() > self.max_len {
            return Err(DecodeError::TooLarge {
                len: bytes.len(),
                limit: self.max_len,
            });
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|err| DecodeError::Json {
            reason: err.to_string(),
        })?;
        let Value::Object(root) = value else {
            return Err(DecodeError::envelope("", "a JSON object"));
        };
        let catalog = E::CATALOG;
        let keys = &catalog.envelope.keys;
        let mut raw = match catalog.envelope.style {
            EnvelopeStyle::Flat => Raw::flat(root, keys)?,
            EnvelopeStyle::Nested => Raw::nested(root, keys, false)?,
            EnvelopeStyle::Typed => Raw::nested(root, keys, true)?,
            EnvelopeStyle::Problem => Raw::problem(root, keys)?,
        };
        let code = raw.code.parse::<E::Code>().ok();
        if catalog.envelope.style == EnvelopeStyle::Problem
            && instance_is_standard(catalog, code.map(ErrorCode::meta))
        {
            raw.take_instance()?;
        }
        let status = self.status.or(raw.status);
        let error = match code {
            Some(code) => Received::Known(E::from_wire(
                code,
                WireDetails::new(code.as_str(), raw.details.as_ref()),
            )?),
            None => Received::Unknown(UnknownError {
                code: raw.code,
                message: raw.message.clone(),
                status,
                details: raw.details.unwrap_or_default(),
            }),
        };
        let timestamp = raw.timestamp.as_deref().and_then(Timestamp::parse);
        Ok(Decoded {
            error,
            message: raw.message,
            status,
            retry_after: self.retry_after,
            request_id: raw.request_id,
            timestamp,
            timestamp_text: raw.timestamp,
            doc_url: raw.doc_url,
            category: raw.category,
            param: raw.param,
            title: raw.title,
        })
    }
}
