//! Decoding envelopes back into typed errors, for clients.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::CatalogError;

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

    /// A required field: missing, `null` or of the wrong type is an error.
    pub fn required<T: DeserializeOwned>(&self, wire: &'static str) -> Result<T, DecodeError> {
        match self.members.and_then(|m| m.get(wire)) {
            None | Some(Value::Null) => Err(DecodeError::MissingField {
                code: self.code,
                field: wire,
            }),
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
        /// The member that is missing or wrong, as a path (`error.code`).
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
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Json { reason } => write!(f, "the response is not valid JSON: {reason}"),
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
        }
    }
}

impl std::error::Error for DecodeError {}
