//! An error of a known code whose fields do not fit this build's catalog.

use std::fmt;

use serde_json::{Map, Value};

use super::error::DecodeError;
use crate::meta::ErrorMeta;

/// An error whose code this build's catalog has, but whose fields do not fit it: a
/// required field missing, a value of another type, a field sent outside `details`
/// that cannot be read back. An older or newer server sends such responses; they are
/// kept whole, never filled with invented values.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// // `SESSION_FULL` without its `capacity`.
/// let body = br#"{"success": false, "errorCode": "SESSION_FULL", "message": "Full.",
///     "details": {"sessionId": "s1"}, "requestId": "req_9"}"#;
/// let decoded = errors_runtime::decode::<api::ApiError>(body).unwrap();
/// let mismatched = decoded.error().mismatched().unwrap();
/// assert_eq!((mismatched.code(), mismatched.status()), ("SESSION_FULL", 409));
/// assert_eq!(mismatched.details()["sessionId"], "s1");
/// assert_eq!(mismatched.reason().to_string(), "the SESSION_FULL error has no `capacity` detail");
/// assert_eq!(decoded.request_id(), Some("req_9"));
/// assert_eq!(decoded.message(), "Full.");
/// ```
#[derive(Debug, Clone)]
pub struct MismatchedError {
    pub(super) meta: &'static ErrorMeta,
    pub(super) message: String,
    pub(super) status: Option<u16>,
    pub(super) details: Map<String, Value>,
    pub(super) reason: DecodeError,
}

impl MismatchedError {
    /// The code as received (a code of the catalog).
    pub fn code(&self) -> &'static str {
        self.meta.code
    }

    /// What the catalog says about the code.
    pub fn meta(&self) -> &'static ErrorMeta {
        self.meta
    }

    /// The message as received.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The received status when there was one, else the catalog's.
    pub fn status(&self) -> u16 {
        self.status.unwrap_or(self.meta.status)
    }

    /// The catalog's retryability of the code.
    pub fn is_retryable(&self) -> bool {
        self.meta.retryable
    }

    /// The detail members as received.
    pub fn details(&self) -> &Map<String, Value> {
        &self.details
    }

    /// Why the fields do not fit the catalog.
    pub fn reason(&self) -> &DecodeError {
        &self.reason
    }
}

impl PartialEq for MismatchedError {
    /// The same code (the metadata is the catalog's, compared by code), message,
    /// status, details and reason.
    fn eq(&self, other: &Self) -> bool {
        self.meta.code == other.meta.code
            && self.message == other.message
            && self.status == other.status
            && self.details == other.details
            && self.reason == other.reason
    }
}

impl fmt::Display for MismatchedError {
    /// `CODE: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.meta.code, self.message)
    }
}

impl std::error::Error for MismatchedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.reason)
    }
}
