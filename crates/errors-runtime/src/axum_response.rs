//! axum integration (feature `axum`): envelopes and generated error types are
//! `IntoResponse`, so a handler can return `Result<T, ApiError>`.

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::envelope::Envelope;
use crate::error::CatalogError;

impl<E: CatalogError> IntoResponse for Envelope<'_, E> {
    /// [`Envelope::to_http_response`] with an axum body: add a request id first with
    /// `error.envelope().request_id(id)`.
    fn into_response(self) -> Response {
        self.to_http_response().map(Body::from)
    }
}

/// Implements `IntoResponse` for a generated error type, when this crate is built
/// with the `axum` feature; expands to nothing otherwise. Called by the generated
/// code: a user crate cannot implement axum's trait for its own type from here.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_into_response {
    ({$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum_core::response::IntoResponse
            for $($ty)* $($where_clause)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_core::response::IntoResponse::into_response(
                    $crate::CatalogError::envelope(&self),
                )
            }
        }
    };
}
