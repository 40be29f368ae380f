//! gRPC through tonic (feature `tonic`, SPEC 9.5): every error of a catalog as a
//! `tonic::Status`, and back.
//!
//! A service answers with [`to_status`] (or the [`ToStatus`] method on any catalog
//! error); a client turns the `Status` it receives back into the typed error with
//! [`from_status`] (or [`CatalogStatus::catalog_error`]), keeping statuses it does
//! not know as [`UnknownError`](crate::UnknownError)s.
//!
//! The gRPC code of each catalog code is its `grpc = "..."`, else the default of its
//! HTTP status (`google.rpc.Code`'s mapping: 400 `INVALID_ARGUMENT`, 404
//! `NOT_FOUND`, 429 `RESOURCE_EXHAUSTED`, 503 `UNAVAILABLE`, ...: see
//! [`GrpcCode::for_status`](crate::meta::GrpcCode::for_status)). The details are
//! `google.rpc.ErrorInfo` (reason: the code; domain: `[catalog] grpc_domain`,
//! default the catalog's `name`; metadata: the public fields as text),
//! `google.rpc.RetryInfo` (the `Retry-After` field) and `google.rpc.BadRequest`
//! (the field violations), encoded by `tonic-types`, so clients in any language
//! read them.
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! use errors_runtime::tonic::{CatalogStatus, ToStatus};
//! use errors_runtime::FieldViolation;
//! use tonic_types::StatusExt;
//!
//! let error = api::ApiError::InvalidRequest {
//!     fields: vec![FieldViolation::new("email", "must be an email").with_rule("format")],
//! };
//! let status = error.to_status();
//! assert_eq!(status.code(), tonic::Code::InvalidArgument);
//! let bad_request = status.get_details_bad_request().unwrap();
//! let violation = &bad_request.field_violations[0];
//! assert_eq!((violation.field.as_str(), violation.reason.as_str()), ("email", "format"));
//!
//! // The client side.
//! assert_eq!(status.catalog_error::<api::ApiError>().known(), Some(&error));
//! ```

mod decode;
mod status;

pub use decode::{from_status, retry_delay};
pub use status::to_status;

use crate::decode::{Decode, Received};
use crate::error::CatalogError;

/// A catalog error as a `tonic::Status`: implemented for every error type of a
/// catalog, so a handler writes `error.to_status()` or `.map_err(ToStatus::into_status)`.
pub trait ToStatus {
    /// The error's status: see [`to_status`].
    fn to_status(&self) -> tonic::Status;

    /// The error's status, by value.
    fn into_status(self) -> tonic::Status
    where
        Self: Sized,
    {
        self.to_status()
    }
}

impl<E: CatalogError> ToStatus for E {
    fn to_status(&self) -> tonic::Status {
        to_status(self)
    }
}

/// A received `tonic::Status` as an error of a catalog.
pub trait CatalogStatus {
    /// The typed error, a mismatched one or an unknown one: see [`from_status`].
    fn catalog_error<E: Decode>(&self) -> Received<E>;
}

impl CatalogStatus for tonic::Status {
    fn catalog_error<E: Decode>(&self) -> Received<E> {
        from_status(self)
    }
}
