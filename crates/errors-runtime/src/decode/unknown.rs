//! An error whose code this build does not know.

use std::fmt;

use serde_json::{Map, Value};

use crate::status::is_retryable_status;

/// An error whose code this build's catalog does not have: everything the envelope
/// said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownError {
    pub(super) code: String,
    pub(super) message: String,
    pub(super) status: Option<u16>,
    pub(super) details: Map<String, Value>,
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

    /// The HTTP status, when the caller gave it ([`decode_response`](crate::decode_response)) or the
    /// envelope carries it (problem style).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Whether a client may retry: only for a 5xx or 429 status.
    pub fn is_retryable(&self) -> bool {
        self.status.is_some_and(is_retryable_status)
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
