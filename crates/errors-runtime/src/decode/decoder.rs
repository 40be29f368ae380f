//! Decoding settings and the entry points: a body in, a [`Decoded`] error out.

use std::time::Duration;

use serde_json::Value;

use super::decoded::{Decoded, Received};
use super::details::{Decode, WireDetails};
use super::error::DecodeError;
use super::mismatched::MismatchedError;
use super::unknown::UnknownError;
use super::wire::Raw;
use crate::error::ErrorCode;
use crate::meta::EnvelopeStyle;
use crate::time::retry_after::RetryAfter;
use crate::time::timestamp::Timestamp;

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

/// Decodes an error response: its HTTP `status` (which an [`UnknownError`] keeps,
/// and which decides whether it is retryable), its `headers` (fields a catalog sends
/// as headers only, and `Retry-After`) and its body.
///
/// ```
/// mod api {
///     errors_runtime::catalog!("../../catalog.toml");
/// }
/// use api::ApiError;
///
/// // A code added to the service after this client was built.
/// let body = br#"{"success": false, "errorCode": "QUOTA_FROZEN", "message": "Frozen."}"#;
/// let headers = [("Retry-After", "30")];
/// let decoded = errors_runtime::decode_response::<ApiError>(503, &headers, body).unwrap();
/// let unknown = decoded.error().unknown().unwrap();
/// assert_eq!((unknown.code(), unknown.status()), ("QUOTA_FROZEN", Some(503)));
/// assert!(decoded.is_retryable()); // unknown codes: retried on 5xx and 429 only
/// assert_eq!(decoded.retry_after(), Some(std::time::Duration::from_secs(30)));
/// ```
///
/// With the `http` feature, `headers` may be a response's `http::HeaderMap`.
pub fn decode_response<E: Decode>(
    status: u16,
    headers: &(impl ResponseHeaders + ?Sized),
    bytes: &[u8],
) -> Result<Decoded<E>, DecodeError> {
    Decoder::new().status(status).headers(headers).decode(bytes)
}

/// The headers of a response, as [`decode_response`] and [`Decoder::headers`] read
/// them: name/value pairs (`[("Retry-After", "30")]`, a `Vec` of `String`s), or an
/// `http::HeaderMap` with the `http` feature.
pub trait ResponseHeaders {
    /// Calls `visit` with each header's name and value; a value that is not text is
    /// skipped.
    fn for_each_header(&self, visit: &mut dyn FnMut(&str, &str));
}

impl<N: AsRef<str>, V: AsRef<str>> ResponseHeaders for [(N, V)] {
    fn for_each_header(&self, visit: &mut dyn FnMut(&str, &str)) {
        for (name, value) in self {
            visit(name.as_ref(), value.as_ref());
        }
    }
}

impl<N: AsRef<str>, V: AsRef<str>, const K: usize> ResponseHeaders for [(N, V); K] {
    fn for_each_header(&self, visit: &mut dyn FnMut(&str, &str)) {
        self.as_slice().for_each_header(visit);
    }
}

impl<N: AsRef<str>, V: AsRef<str>> ResponseHeaders for Vec<(N, V)> {
    fn for_each_header(&self, visit: &mut dyn FnMut(&str, &str)) {
        self.as_slice().for_each_header(visit);
    }
}

/// No headers.
impl ResponseHeaders for () {
    fn for_each_header(&self, _: &mut dyn FnMut(&str, &str)) {}
}

#[cfg(feature = "http")]
impl ResponseHeaders for http::HeaderMap {
    fn for_each_header(&self, visit: &mut dyn FnMut(&str, &str)) {
        for (name, value) in self {
            if let Ok(value) = value.to_str() {
                visit(name.as_str(), value);
            }
        }
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoder {
    status: Option<u16>,
    retry_after: Option<Duration>,
    headers: Vec<(String, String)>,
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
            headers: Vec::new(),
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

    /// The response's headers: where fields a catalog sends as headers only
    /// (`details = false` with a `header`) are read back, and a `Retry-After` header
    /// (as [`Decoder::retry_after_header`], unless a delay was given already).
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// let body = br#"{"success": false, "errorCode": "SERVICE_UNAVAILABLE", "message": "Later."}"#;
    /// let decoded = errors_runtime::Decoder::new()
    ///     .status(503)
    ///     .headers(&[("retry-after", "7"), ("x-other", "y")])
    ///     .decode::<api::ApiError>(body)
    ///     .unwrap();
    /// assert_eq!(decoded.retry_after(), Some(std::time::Duration::from_secs(7)));
    /// ```
    #[must_use]
    pub fn headers(mut self, headers: &(impl ResponseHeaders + ?Sized)) -> Self {
        let mut retry_after = None;
        headers.for_each_header(&mut |name, value| {
            if name.eq_ignore_ascii_case("retry-after") {
                retry_after = RetryAfter::parse(value).map(|after| after.delay());
            }
            self.headers.push((name.to_owned(), value.to_owned()));
        });
        self.retry_after = self.retry_after.or(retry_after);
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
        let raw = match catalog.envelope.style {
            EnvelopeStyle::Flat => Raw::flat(root, keys)?,
            EnvelopeStyle::Nested => Raw::nested(root, keys, false)?,
            EnvelopeStyle::Typed => Raw::nested(root, keys, true)?,
            EnvelopeStyle::Problem => Raw::problem(root, keys)?,
        };
        let code = raw.code.parse::<E::Code>().ok();
        let status = self.status.or(raw.status);
        let error = match code {
            Some(code) => {
                let details = WireDetails::received(
                    code.meta(),
                    raw.details.as_ref(),
                    &raw.message,
                    raw.param.as_deref(),
                    &self.headers,
                );
                match E::from_wire(code, details) {
                    Ok(error) => Received::Known(error),
                    // A response is never lost: an older or newer server's fields.
                    Err(reason) => Received::Mismatched(MismatchedError {
                        meta: code.meta(),
                        message: raw.message.clone(),
                        status,
                        details: raw.details.unwrap_or_default(),
                        reason,
                    }),
                }
            }
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
