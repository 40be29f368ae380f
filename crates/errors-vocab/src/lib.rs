//! The vocabulary of the error catalog, written once.
//!
//! The catalog parser (`errors-catalog`), the code generator (`errors-codegen`), the
//! runtime (`errors-runtime`) and the reference (`errors-docs`) all speak of the same
//! things: envelope styles and their members, detail types, retry and circuit-breaker
//! settings, the framework rejections, gRPC status codes, HTTP reason phrases and the grammar of message
//! templates and format specs. Each is defined here,
//! once, with no dependencies, so that the crates cannot drift apart. The types are
//! `Copy` and const-constructible where the static metadata a service is compiled
//! with holds them.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod detail;
mod envelope;
pub mod format_spec;
mod grpc;
mod headers;
mod reason;
mod rejection;
mod retry;
pub mod template;

pub use detail::DetailType;
pub use envelope::{EnvelopeKeys, EnvelopeStyle, Member};
pub use grpc::GrpcCode;
pub use headers::{REPRESENTATION_HEADERS, describes_body};
pub use reason::reason_phrase;
pub use rejection::{FieldShape, Fill, Rejection};
pub use retry::{CircuitBreakerConfig, HonorRetryAfter, RetryClass, RetryConfig, StatusSet};
