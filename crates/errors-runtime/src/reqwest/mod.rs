//! Typed reqwest clients of a catalog's service (features `reqwest` and
//! `reqwest-middleware`): what every such client would otherwise write by hand.
//!
//! - [`ClientError`]: why a call failed, with the decoded error of the catalog, a
//!   body outside it, no response, or an open circuit.
//! - [`ResponseExt::catalog_error`]: a response checked like `error_for_status`,
//!   its error envelope decoded with [`Decoder`](crate::Decoder).
//! - [`CatalogMiddleware`] (feature `reqwest-middleware`): the catalog's retry policy
//!   and circuit breaker on every request of a `reqwest_middleware` client.
//!
//! ```no_run
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! use api::ApiError;
//! use errors_runtime::reqwest::{CatalogMiddleware, ClientError, ResponseExt};
//!
//! # async fn run() -> Result<(), ClientError<ApiError>> {
//! let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
//!     .with(CatalogMiddleware::<ApiError>::new())
//!     .build();
//! let result = client
//!     .get("http://127.0.0.1:3000/sessions/s_1")
//!     .send()
//!     .await?
//!     .catalog_error::<ApiError>()
//!     .await;
//! match result {
//!     Ok(response) => println!("{}", response.text().await?),
//!     Err(error) => match error.api() {
//!         Some(ApiError::SessionNotFound { session_id }) => println!("no session {session_id}"),
//!         _ => return Err(error),
//!     },
//! }
//! # Ok(())
//! # }
//! ```

mod error;
#[cfg(feature = "reqwest-middleware")]
mod middleware;
mod response;

pub use error::{ClientError, UndecodableResponse};
#[cfg(feature = "reqwest-middleware")]
pub use middleware::{CatalogMiddleware, RefreshFuture};
pub use response::ResponseExt;
