//! Why a body could not be decoded.

use std::fmt;

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
    /// A field sent outside `details` could not be read back from its header or the
    /// message.
    Unrecoverable {
        /// The error code.
        code: &'static str,
        /// The field's catalog name.
        field: &'static str,
        /// Where it was looked for, and why it could not be read there.
        reason: String,
    },
    /// The body is longer than the [`Decoder::max_len`](crate::Decoder::max_len) cap.
    TooLarge {
        /// The body's length in bytes.
        len: usize,
        /// The cap.
        limit: usize,
    },
}

impl DecodeError {
    pub(super) fn envelope(member: &str, expected: &'static str) -> Self {
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
            DecodeError::Unrecoverable {
                code,
                field,
                reason,
            } => write!(
                f,
                "the `{field}` field of the {code} error cannot be read back from {reason}"
            ),
            DecodeError::TooLarge { len, limit } => write!(
                f,
                "the response is {len} bytes, more than the {limit} bytes decoded"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}
