//! Decoding envelopes back into typed errors, for clients.
//!
//! [`decode`] reads a response body in the catalog's envelope style (SPEC section 4,
//! `[envelope.rename]` and `details_case` applied) and gives a [`Decoded`]: the typed
//! error when this build knows the code, an [`UnknownError`] keeping everything that
//! was sent when it does not, and the envelope's request id, timestamp and
//! documentation link. Anything that is not such an envelope is a [`DecodeError`],
//! never a panic.

use std::fmt;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{CatalogError, ErrorCode};
use crate::meta::{EnvelopeKeys, EnvelopeStyle};
use crate::retry::RetryAfter;
use crate::timestamp::Timestamp;

/// An error type that can be rebuilt from the wire: every error type `catalog!`
/// generates, and derived ones whose variants hold nothing beyond catalog fields.
pub trait Decode: CatalogError + Sized {
    /// Builds the error of `code` from its wire details. Internal fields, which never
    /// travel, come back as their type's default.
    #[doc(hidden)]
    fn from_wire(code: Self::Code, details: WireDetails<'_>) -> Result<Self, DecodeError>;
}

/// The detail members of a received envelope, read by the generated `from_wire`.
#[derive(Debug, Clone, Copy)]
pub struct WireDetails<'a> {
    code: &'static str,
    members: Option<&'a Map<String, Value>>,
}

impl<'a> WireDetails<'a> {
    /// The details of an error of `code`; `members` is `None` when the envelope had
    /// no details.
    pub fn new(code: &'static str, members: Option<&'a Map<String, Value>>) -> Self {
        WireDetails { code, members }
    }

    /// A required field: missing or of the wrong type is an error, and so is `null`
    /// unless it is a value of the field's type (a `json` field may hold `null`).
    pub fn required<T: DeserializeOwned>(&self, wire: &'static str) -> Result<T, DecodeError> {
        let missing = || DecodeError::MissingField {
            code: self.code,
            field: wire,
        };
        match self.members.and_then(|m| m.get(wire)) {
            None => Err(missing()),
            Some(Value::Null) => T::deserialize(&Value::Null).map_err(|_| missing()),
            Some(value) => self.parse(wire, value),
        }
    }

    /// An optional field: missing or `null` is `None`; the wrong type is an error.
    pub fn optional<T: DeserializeOwned>(
        &self,
        wire: &'static str,
    ) -> Result<Option<T>, DecodeError> {
        match self.members.and_then(|m| m.get(wire)) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => self.parse(wire, value).map(Some),
        }
    }

    fn parse<T: DeserializeOwned>(
        &self,
        wire: &'static str,
        value: &Value,
    ) -> Result<T, DecodeError> {
        T::deserialize(value).map_err(|err| DecodeError::InvalidField {
            code: self.code,
            field: wire,
            reason: err.to_string(),
        })
    }
}

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
        let keys = &E::CATALOG.envelope.keys;
        let raw = match E::CATALOG.envelope.style {
            EnvelopeStyle::Flat => Raw::flat(root, keys)?,
            EnvelopeStyle::Nested => Raw::nested(root, keys, false)?,
            EnvelopeStyle::Typed => Raw::nested(root, keys, true)?,
            EnvelopeStyle::Problem => Raw::problem(root, keys)?,
        };
        let status = self.status.or(raw.status);
        let error = match raw.code.parse::<E::Code>() {
            Ok(code) => Received::Known(E::from_wire(
                code,
                WireDetails::new(code.as_str(), raw.details.as_ref()),
            )?),
            Err(_) => Received::Unknown(UnknownError {
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

/// The members of an envelope, before the code is looked up.
struct Raw {
    code: String,
    message: String,
    details: Option<Map<String, Value>>,
    request_id: Option<String>,
    timestamp: Option<String>,
    doc_url: Option<String>,
    category: Option<String>,
    param: Option<String>,
    title: Option<String>,
    status: Option<u16>,
}

/// An envelope object, read member by member; members of `parent` are named
/// `parent.member` in errors.
struct Members {
    map: Map<String, Value>,
    parent: Option<&'static str>,
}

impl Members {
    fn take(&mut self, key: &str) -> Option<Value> {
        match self.map.remove(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(value),
        }
    }

    fn wrong(&self, key: &str, expected: &'static str) -> DecodeError {
        let member = match self.parent {
            Some(parent) => format!("{parent}.{key}"),
            None => key.to_owned(),
        };
        DecodeError::Envelope { member, expected }
    }

    fn string(&mut self, key: &str) -> Result<Option<String>, DecodeError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(self.wrong(key, "a string")),
        }
    }

    fn required_string(&mut self, key: &str) -> Result<String, DecodeError> {
        self.string(key)?
            .ok_or_else(|| self.wrong(key, "present, a string"))
    }

    fn object(&mut self, key: &str) -> Result<Option<Map<String, Value>>, DecodeError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map)),
            Some(_) => Err(self.wrong(key, "an object")),
        }
    }

    /// Code, message, details, request id and timestamp: what every style but
    /// problem has under the same names.
    fn common(&mut self, keys: &EnvelopeKeys) -> Result<Raw, DecodeError> {
        Ok(Raw {
            code: self.required_string(keys.code)?,
            message: self.required_string(keys.message)?,
            details: self.object(keys.details)?,
            request_id: self.string(keys.request_id)?,
            timestamp: self.string(keys.timestamp)?,
            doc_url: None,
            category: None,
            param: None,
            title: None,
            status: None,
        })
    }
}

impl Raw {
    fn flat(map: Map<String, Value>, keys: &EnvelopeKeys) -> Result<Raw, DecodeError> {
        let mut members = Members { map, parent: None };
        match members.take(keys.success) {
            None | Some(Value::Bool(false)) => {}
            Some(_) => return Err(members.wrong(keys.success, "`false`")),
        }
        members.common(keys)
    }

    fn nested(
        mut root: Map<String, Value>,
        keys: &EnvelopeKeys,
        typed: bool,
    ) -> Result<Raw, DecodeError> {
        let map = match root.remove(keys.error) {
            Some(Value::Object(map)) => map,
            None | Some(Value::Null) => {
                return Err(DecodeError::envelope(keys.error, "present, an object"));
            }
            Some(_) => return Err(DecodeError::envelope(keys.error, "an object")),
        };
        let mut members = Members {
            map,
            parent: Some(keys.error),
        };
        let mut raw = members.common(keys)?;
        if typed {
            raw.category = members.string(keys.type_)?;
            raw.param = members.string(keys.param)?;
            raw.doc_url = members.string(keys.doc_url)?;
        }
        Ok(raw)
    }

    fn problem(map: Map<String, Value>, keys: &EnvelopeKeys) -> Result<Raw, DecodeError> {
        let mut members = Members { map, parent: None };
        let doc_url = members
            .string(keys.type_)?
            .filter(|uri| uri != "about:blank");
        let title = members.string(keys.title)?;
        let status = match members.take(keys.status) {
            None => None,
            Some(value) => Some(
                value
                    .as_u64()
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|n| (100..=599).contains(n))
                    .ok_or_else(|| members.wrong(keys.status, "an HTTP status (100..=599)"))?,
            ),
        };
        let message = members.required_string(keys.detail)?;
        let code = members.required_string(keys.code)?;
        let request_id = members.string(keys.request_id)?;
        let timestamp = members.string(keys.timestamp)?;
        // RFC 9457's `instance`, which the catalog reserves but never writes.
        members.string("instance")?;
        // What is left are the extension members: the detail fields.
        Ok(Raw {
            code,
            message,
            details: Some(members.map),
            request_id,
            timestamp,
            doc_url,
            category: None,
            param: None,
            title,
            status,
        })
    }
}

/// A decoded error response: the error, and what the envelope said around it.
///
/// Made by [`decode`], [`decode_response`] or [`Decoder::decode`].
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<E> {
    error: Received<E>,
    message: String,
    status: Option<u16>,
    retry_after: Option<Duration>,
    request_id: Option<String>,
    timestamp: Option<Timestamp>,
    timestamp_text: Option<String>,
    doc_url: Option<String>,
    category: Option<String>,
    param: Option<String>,
    title: Option<String>,
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

    /// The HTTP status: the one given to [`Decoder::status`], else the problem
    /// envelope's `status`, else the catalog's status of a known code.
    pub fn status(&self) -> Option<u16> {
        self.status.or_else(|| self.known().map(E::status))
    }

    /// Whether the request may be retried: the catalog's word for a known code; for
    /// an unknown one, whether the status is 5xx or 429 (no status: no).
    pub fn is_retryable(&self) -> bool {
        match &self.error {
            Received::Known(error) => error.is_retryable(),
            Received::Unknown(_) => self.status.is_some_and(status_is_retryable),
        }
    }

    /// How long the server asked to wait: the value given to
    /// [`Decoder::retry_after`] (the `Retry-After` header), else the known error's
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
            Received::Unknown(error) => Some(error),
        }
    }
}

/// A received error: one of the catalog's, or one this build does not know.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<E> {
    /// A code of the catalog, with its typed detail fields.
    Known(E),
    /// A code this build does not know (a newer server, another service).
    Unknown(UnknownError),
}

impl<E: CatalogError> Received<E> {
    /// The typed error, when the code is known.
    pub fn known(&self) -> Option<&E> {
        match self {
            Received::Known(error) => Some(error),
            Received::Unknown(_) => None,
        }
    }

    /// The unknown error, when the code is not known.
    pub fn unknown(&self) -> Option<&UnknownError> {
        match self {
            Received::Known(_) => None,
            Received::Unknown(error) => Some(error),
        }
    }

    /// The code as received.
    pub fn code(&self) -> &str {
        match self {
            Received::Known(error) => error.meta().code,
            Received::Unknown(error) => error.code(),
        }
    }

    /// The catalog's status of a known code; the received status, if any, of an
    /// unknown one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Received::Known(error) => Some(error.status()),
            Received::Unknown(error) => error.status(),
        }
    }

    /// Whether a client may retry: the catalog's word for a known code; 5xx or 429
    /// for an unknown one.
    pub fn is_retryable(&self) -> bool {
        match self {
            Received::Known(error) => error.is_retryable(),
            Received::Unknown(error) => error.is_retryable(),
        }
    }
}

impl<E: CatalogError> fmt::Display for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Received::Known(error) => fmt::Display::fmt(error, f),
            Received::Unknown(error) => fmt::Display::fmt(error, f),
        }
    }
}

/// An error whose code this build's catalog does not have: everything the envelope
/// said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownError {
    code: String,
    message: String,
    status: Option<u16>,
    details: Map<String, Value>,
}

impl UnknownError {
    /// The code as received.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message as received.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status, when the caller gave it ([`decode_response`]) or the
    /// envelope carries it (problem style).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Whether a client may retry: only for a 5xx or 429 status.
    pub fn is_retryable(&self) -> bool {
        self.status.is_some_and(status_is_retryable)
    }

    /// The detail members as received: the `details` object, or the problem
    /// style's extension members (empty when there were none).
    pub fn details(&self) -> &Map<String, Value> {
        &self.details
    }

    /// The detail members, by value.
    pub fn into_details(self) -> Map<String, Value> {
        self.details
    }
}

impl fmt::Display for UnknownError {
    /// `CODE: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for UnknownError {}

/// 429 and 5xx: the statuses worth retrying when nothing more is known.
pub(crate) fn status_is_retryable(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// Why a response body could not be decoded into a catalog error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is not JSON, or is nested too deeply.
    Json {
        /// What the JSON parser said, with line and column.
        reason: String,
    },
    /// The JSON is not an envelope of the catalog's style.
    Envelope {
        /// The member that is missing or wrong, as a path (`error.code`); empty for
        /// the body as a whole.
        member: String,
        /// What was expected there.
        expected: &'static str,
    },
    /// A required detail field is missing.
    MissingField {
        /// The error code.
        code: &'static str,
        /// The field's wire name.
        field: &'static str,
    },
    /// A detail field's value does not fit its catalog type.
    InvalidField {
        /// The error code.
        code: &'static str,
        /// The field's wire name.
        field: &'static str,
        /// What the JSON deserializer said.
        reason: String,
    },
    /// The body is longer than the [`Decoder::max_len`] cap.
    TooLarge {
        /// The body's length in bytes.
        len: usize,
        /// The cap.
        limit: usize,
    },
}

impl DecodeError {
    fn envelope(member: &str, expected: &'static str) -> Self {
        DecodeError::Envelope {
            member: member.to_owned(),
            expected,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Json { reason } => write!(f, "the response is not valid JSON: {reason}"),
            DecodeError::Envelope { member, expected } if member.is_empty() => {
                write!(f, "not an error envelope: the body must be {expected}")
            }
            DecodeError::Envelope { member, expected } => {
                write!(f, "not an error envelope: `{member}` must be {expected}")
            }
            DecodeError::MissingField { code, field } => {
                write!(f, "the {code} error has no `{field}` detail")
            }
            DecodeError::InvalidField {
                code,
                field,
                reason,
            } => write!(
                f,
                "the `{field}` detail of the {code} error is invalid: {reason}"
            ),
            DecodeError::TooLarge { len, limit } => write!(
                f,
                "the response is {len} bytes, more than the {limit} bytes decoded"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}
