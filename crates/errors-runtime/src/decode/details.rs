//! The detail fields of a received envelope, as generated decoders read them.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::DecodeError;
use crate::error::CatalogError;
use crate::non_finite::WireValue;

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
    ///
    /// An `f64` is read from a JSON number or, for the non-finite values, from the
    /// strings `"NaN"`, `"Infinity"` and `"-Infinity"`, as envelopes write them.
    pub fn required<T: DeserializeOwned>(&self, wire: &'static str) -> Result<T, DecodeError> {
        let missing = || DecodeError::MissingField {
            code: self.code,
            field: wire,
        };
        match self.members.and_then(|m| m.get(wire)) {
            None => Err(missing()),
            Some(Value::Null) => T::deserialize(WireValue(&Value::Null)).map_err(|_| missing()),
            Some(value) => self.parse(wire, value),
        }
    }

    /// An optional field: missing is `None`, and so is `null` unless it is a value
    /// of the field's type: an optional `json` field set to `Some(Value::Null)` is
    /// sent as `null` and comes back as `Some(Value::Null)`. The wrong type is an
    /// error. Values are read as by [`WireDetails::required`].
    pub fn optional<T: DeserializeOwned>(
        &self,
        wire: &'static str,
    ) -> Result<Option<T>, DecodeError> {
        match self.members.and_then(|m| m.get(wire)) {
            None => Ok(None),
            Some(Value::Null) => Ok(T::deserialize(WireValue(&Value::Null)).ok()),
            Some(value) => self.parse(wire, value).map(Some),
        }
    }

    fn parse<T: DeserializeOwned>(
        &self,
        wire: &'static str,
        value: &Value,
    ) -> Result<T, DecodeError> {
        T::deserialize(WireValue(value)).map_err(|err| DecodeError::InvalidField {
            code: self.code,
            field: wire,
            reason: err.to_string(),
        })
    }
}
