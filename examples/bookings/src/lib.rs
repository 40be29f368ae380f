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

/// The bundled catalog's error types: `ApiError`, `ApiErrorCode`, and the errors of
/// each route, subsets of `ApiError` checked against the catalog at compile time.
///
/// Every route sits behind the per-key rate limit (`RATE_LIMITED`) and the failure
/// injector (`SERVICE_UNAVAILABLE`), so each subset has those two codes; what
/// `CatalogLayer` answers on its own (rejections, panics, the governor's bare 429)
/// every subset documents without naming it.
pub mod api {
    errors_runtime::catalog!("../../catalog.toml");

    api_error_subset!(
        /// `POST /sessions`, `GET /sessions`, `POST /feedback`: invalid input.
        pub InputErrors = INVALID_REQUEST | RATE_LIMITED | SERVICE_UNAVAILABLE
    );
    api_error_subset!(
        /// `GET /sessions/{id}`.
        pub SessionErrors = SESSION_NOT_FOUND | RATE_LIMITED | SERVICE_UNAVAILABLE
    );
    api_error_subset!(
        /// `POST /sessions/{id}/bookings`.
        pub BookingErrors = INVALID_REQUEST
            | IDEMPOTENCY_KEY_REUSED
            | SESSION_NOT_FOUND
            | ALREADY_BOOKED
            | SESSION_FULL
            | RATE_LIMITED
            | SERVICE_UNAVAILABLE
    );
    api_error_subset!(
        /// `POST /sessions/{id}/waitlist`.
        pub WaitlistErrors = INVALID_REQUEST
            | SESSION_NOT_FOUND
            | ALREADY_IN_QUEUE
            | RATE_LIMITED
            | SERVICE_UNAVAILABLE
    );
    api_error_subset!(
        /// `GET /sessions/{id}/waitlist/{position}`.
        pub PlaceErrors = SESSION_NOT_FOUND | NOT_FOUND | RATE_LIMITED | SERVICE_UNAVAILABLE
    );
    api_error_subset!(
        /// `GET /debug/panic`: only what every route can answer.
        pub CommonErrors = RATE_LIMITED | SERVICE_UNAVAILABLE
    );
}

pub use api::{ApiError, ApiErrorCode};
