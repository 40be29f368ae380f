//! Where the runtime's random numbers come from, in one place.
//!
//! - [`jitter`]: the spread of retry delays. Speed matters there and secrecy does not
//!   (an observer who predicts a client's jitter learns nothing of value), so it is
//!   SplitMix64, which a test can replace with a fixed [`RandomSource`].
//! - [`secure`]: request ids and idempotency keys, drawn from the operating system
//!   (`getrandom`). One output of SplitMix64 gives away every later one, and these
//!   values must not be guessable from those a client has seen.

pub(crate) mod jitter;
#[cfg(any(feature = "axum", feature = "idempotency-key"))]
pub(crate) mod secure;

pub use jitter::{RandomSource, SplitMix64};
