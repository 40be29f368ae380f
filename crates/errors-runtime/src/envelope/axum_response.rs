//! axum integration (feature `axum`): envelopes and generated error types are
//! `IntoResponse`, so a handler can return `Result<T, ApiError>`.

use axum_core::response::{IntoResponse, Response};

use crate::envelope::Envelope;
use crate::error::CatalogError;

impl<E: CatalogError> IntoResponse for Envelope<'_, E> {
    /// [`Envelope::to_http_response`] with an axum body. Inside
    /// [`CatalogLayer`](crate::axum::CatalogLayer), the request's id and the current
    /// time are written into the envelope unless it has its own; the response is
    /// logged once and marked as a [`CatalogResponse`](crate::axum::CatalogResponse).
    fn into_response(self) -> Response {
        crate::axum::render(self, None)
    }
}

/// Implements `IntoResponse` for a generated error type, when this crate is built
/// with the `axum` feature; expands to nothing otherwise. Called by the generated
/// code: a user crate cannot implement axum's trait for its own type from here.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_into_response {
    // A type without generic parameters goes through the hooks of the
    // `CatalogLayer` of its own type.
    ({} {$($ty:tt)*} {}) => {
        #[automatically_derived]
        impl $crate::__private::axum_core::response::IntoResponse for $($ty)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::axum::__error_response(&self)
            }
        }
        $crate::__utoipa_impls!({} {$($ty)*} {});
        $crate::__aide_impls!({} {$($ty)*} {});
    };
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
        $crate::__utoipa_impls!({$($impl_generics)*} {$($ty)*} {$($where_clause)*});
        $crate::__aide_impls!({$($impl_generics)*} {$($ty)*} {$($where_clause)*});
    };
}
