//! A received error from parts a transport other than an HTTP envelope carries (a
//! gRPC status): the code, the message, the details as JSON members and the fields
//! sent outside them as headers. The same rule as an envelope: a known code is typed
//! by the generated decoder, or kept whole as mismatched; an unknown one is kept.

use serde_json::{Map, Value};

use super::decoded::Received;
use super::details::{Decode, WireDetails};
use super::error::DecodeError;
use super::mismatched::MismatchedError;
use super::unknown::UnknownError;
use crate::error::ErrorCode;

/// What was received of one error, in the catalog's terms.
pub(crate) struct Parts<'a> {
    /// The code as received.
    pub(crate) code: &'a str,
    /// The message as received.
    pub(crate) message: &'a str,
    /// The HTTP status the transport's own code stands for, if any.
    pub(crate) status: Option<u16>,
    /// The detail members, wire-named.
    pub(crate) details: Map<String, Value>,
    /// The text of the code's `param` field, when it is sent outside `details`.
    pub(crate) param: Option<&'a str>,
    /// Fields sent outside `details`, as the headers they are sent as.
    pub(crate) headers: &'a [(String, String)],
    /// A value the transport carried that does not read as its field's type: the
    /// error is mismatched, whatever the generated decoder would make of it.
    pub(crate) invalid: Option<DecodeError>,
}

/// The error `parts` describe: typed when `E`'s catalog has the code and the fields
/// fit, mismatched when they do not, unknown otherwise.
pub(crate) fn received<E: Decode>(parts: Parts<'_>) -> Received<E> {
    let Ok(code) = parts.code.parse::<E::Code>() else {
        return Received::Unknown(unknown(
            parts.code,
            parts.message,
            parts.status,
            parts.details,
        ));
    };
    let wire = WireDetails::received(
        code.meta(),
        Some(&parts.details),
        parts.message,
        parts.param,
        parts.headers,
    );
    let decoded = match parts.invalid {
        Some(reason) => Err(reason),
        None => E::from_wire(code, wire),
    };
    match decoded {
        Ok(error) => Received::Known(error),
        Err(reason) => Received::Mismatched(MismatchedError {
            meta: code.meta(),
            message: parts.message.to_owned(),
            status: None,
            details: parts.details,
            reason,
        }),
    }
}

/// An error of a code this build does not know, or of another service.
pub(crate) fn unknown(
    code: &str,
    message: &str,
    status: Option<u16>,
    details: Map<String, Value>,
) -> UnknownError {
    UnknownError {
        code: code.to_owned(),
        message: message.to_owned(),
        status,
        details,
    }
}
