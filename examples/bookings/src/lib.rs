//! A bookings API on the bundled `catalog.toml` (seed 000's booking service): the
//! service, on axum behind [`CatalogLayer`](errors_runtime::axum::CatalogLayer), and a
//! typed client on reqwest that decodes every error and retries as the catalog says.
//!
//! Start the service with `cargo run -p bookings` (it listens on
//! `127.0.0.1:3000`; `BOOKINGS_ADDR` picks another address), then:
//!
//! ```text
//! curl -i -X POST localhost:3000/sessions -H 'content-type: application/json' \
//!      -d '{"title": "Morning yoga", "capacity": 1}'
//! curl -i -X POST localhost:3000/sessions/s_1/bookings -H 'content-type: application/json' \
//!      -H 'Idempotency-Key: 7d3f1c2e-booking-1' -d '{"member_id": "m_1", "email": "ada@example.com"}'
//! curl -i localhost:3000/nowhere
//! ```
//!
//! Every error response is the catalog's flat envelope, with the request id.

pub mod client;
pub mod limit;
pub mod model;
pub mod service;

/// The bundled catalog's error types: `ApiError`, `ApiErrorCode`.
pub mod api {
    errors_runtime::catalog!("../../catalog.toml");
}

pub use api::{ApiError, ApiErrorCode};
