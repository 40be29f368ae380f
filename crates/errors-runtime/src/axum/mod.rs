//! axum services whose clients never receive a body outside the catalog's envelope
//! (feature `axum`, SPEC section 8).
//!
//! Handlers return `Result<T, ApiError>` as they always do: every generated error
//! type implements `IntoResponse`. [`CatalogLayer`] does the rest:
//!
//! - it gives every request a [`RequestId`] (the incoming request id header, by
//!   default `X-Request-Id`, when well-formed; else `req_` and 20 random base62
//!   characters), echoes it in the response, and writes it with a timestamp into
//!   every error envelope rendered inside it, without the handler passing it;
//! - it answers what the framework rejects with the catalog's `[http]` codes, in the
//!   catalog's style: a body, query, path or form that does not parse (`bad_request`,
//!   its `field_violations` field filled from serde's error path), no route (404), a
//!   wrong method (405, keeping `Allow`), an unsupported media type (415), a body
//!   over the limit (413), and a handler panic (`internal`; the panic message is
//!   logged, never sent); any other error status with a code of that status (or, for
//!   a 5xx, the `internal` code);
//! - it logs every error response once with `tracing` (target
//!   `errors_runtime::axum`): 5xx at error level, 4xx at debug, with the code, status,
//!   request id, the error's internal fields (the one place they go) and, for what
//!   the framework rejected, its reason;
//! - its hooks add headers to the error responses of a code, or take over the
//!   response of a code, with the typed error in hand: no wrapper type, no second
//!   `IntoResponse` impl.
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! use api::{ApiError, ApiErrorCode};
//! use axum_core::response::Response;
//! use errors_runtime::axum::CatalogLayer;
//! use http::HeaderValue;
//!
//! async fn book() -> Result<&'static str, ApiError> {
//!     Err(ApiError::SessionFull { session_id: "s_1".into(), capacity: 12, waitlist_available: true })
//! }
//!
//! let layer = CatalogLayer::<ApiError>::new()
//!     // Every 429 of this code also says when the window resets.
//!     .on_error(|error: &ApiError, response: &mut Response| {
//!         if error.code() == ApiErrorCode::RateLimited {
//!             response.headers_mut().insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
//!         }
//!     });
//! // let app = axum::Router::new().route("/bookings", post(book)).layer(layer);
//! # let _ = (layer, book);
//! ```
//!
//! A handler that wants its own headers on one error response returns them beside
//! the error, as axum allows for any response: `Err((headers, ApiError::...))`; the
//! id and timestamp are still written into the envelope.

mod answer;
mod body;
mod extract;
mod layer;
mod request_id;
mod respond;
mod unanswered;
mod violations;

use axum_core::response::Response;

use crate::error::CatalogError;
pub(crate) use respond::render;

pub use extract::{ExtractRejection, Form, Json, Path, Query};
pub use layer::{CatalogLayer, CatalogService};
pub use request_id::RequestId;
pub use respond::{CatalogResponse, Verbatim};

/// The response of a generated error type, through the hooks of the layer it is
/// rendered in. Called by generated code.
#[doc(hidden)]
pub fn __error_response<E: CatalogError + 'static>(error: &E) -> Response {
    respond::error_response(error)
}
