//! Decoding envelopes back into typed errors, for clients.
//!
//! [`decode`] reads a response body in the catalog's envelope style (SPEC section 4,
//! `[envelope.rename]` and `details_case` applied) and gives a [`Decoded`]: the typed
//! error when this build knows the code, an [`UnknownError`] keeping everything that
//! was sent when it does not, and the envelope's request id, timestamp and
//! documentation link. Anything that is not such an envelope is a [`DecodeError`],
//! never a panic.

mod by;
mod decoded;
mod decoder;
mod details;
mod error;
mod message;
mod mismatched;
#[cfg(feature = "tonic")]
pub(crate) mod parts;
mod render;
mod text;
mod unknown;
mod wire;

pub use decoded::{Decoded, Received};
pub use decoder::{Decoder, ResponseHeaders, decode, decode_response};
pub use details::{Decode, WireDetails};
pub use error::DecodeError;
pub use mismatched::MismatchedError;
pub use unknown::UnknownError;

#[cfg(any(feature = "axum", feature = "tonic"))]
pub(crate) use text::read_text;
