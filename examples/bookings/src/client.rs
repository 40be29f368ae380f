//! A typed client of the bookings service, on reqwest: every error response decoded
//! against the catalog (with its headers), retried as the catalog's `[retry]` table
//! says, through a circuit breaker shared by every clone of the client, and every
//! booking sent with one idempotency key for all its attempts. The runtime's
//! `reqwest` features do the work: [`CatalogMiddleware`] retries and breaks the
//! circuit, [`ResponseExt::catalog_error`] decodes the errors.
//!
//! ```no_run
//! use bookings::client::{Client, ClientError};
//! use bookings::model::BookingRequest;
//! use bookings::ApiError;
//!
//! # async fn run() -> Result<(), ClientError> {
//! let client = Client::new("http://127.0.0.1:3000");
//! let request = BookingRequest { member_id: "m_1".into(), email: "ada@example.com".into() };
//! match client.book("s_1", &request).await {
//!     Ok(booking) => println!("booked {}", booking.id),
//!     Err(ClientError::Api(decoded)) => match decoded.known() {
//!         Some(ApiError::SessionFull { .. }) => println!("full: try the waitlist"),
//!         Some(ApiError::InvalidRequest { fields }) => {
//!             for field in fields {
//!                 println!("{}: {}", field.path, field.message);
//!             }
//!         }
//!         _ => println!("{decoded} (request {:?})", decoded.request_id()),
//!     },
//!     Err(other) => return Err(other),
//! }
//! # Ok(())
//! # }
//! ```

use std::sync::Arc;
use std::time::Duration;

use errors_runtime::breaker::CircuitBreaker;
use errors_runtime::reqwest::{CatalogMiddleware, ResponseExt};
use errors_runtime::retry::{IdempotencyKey, RetryPolicy};
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest_middleware::{ClientWithMiddleware, RequestBuilder};
use serde::de::DeserializeOwned;

use crate::api::ApiError;
use crate::model::{
    Booking, BookingRequest, Feedback, NewSession, Page, Session, WaitlistEntry, WaitlistRequest,
};

/// Why a call failed: no response, an error of the catalog (decoded, with its
/// request id), a body outside the catalog, or the open circuit.
pub type ClientError = errors_runtime::reqwest::ClientError<ApiError>;

/// The bookings client. Clones share the connection pool and the circuit breaker.
#[derive(Debug, Clone)]
pub struct Client {
    reqwest: reqwest::Client,
    http: ClientWithMiddleware,
    middleware: CatalogMiddleware<ApiError>,
    base: String,
    api_key: Option<String>,
}

impl Client {
    /// A client of the service at `base` (`http://127.0.0.1:3000`), retrying and
    /// breaking the circuit as the catalog's `[retry]` and `[circuit_breaker]` say,
    /// each attempt given 10 seconds.
    pub fn new(base: impl Into<String>) -> Self {
        let reqwest = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Client {
            http: ClientWithMiddleware::new(reqwest.clone(), []),
            reqwest,
            middleware: CatalogMiddleware::new(),
            base: base.into().trim_end_matches('/').to_owned(),
            api_key: None,
        }
        .rebuilt()
    }

    /// Sends `X-Api-Key` (the service's rate limits are per key).
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Retries under `policy` instead of the catalog's.
    #[must_use]
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.middleware = self.middleware.with_policy(policy);
        self.rebuilt()
    }

    /// Goes through `breaker` (`None`: none) instead of the catalog's.
    #[must_use]
    pub fn with_breaker(mut self, breaker: Option<Arc<CircuitBreaker>>) -> Self {
        self.middleware = match breaker {
            Some(breaker) => self.middleware.with_breaker(breaker),
            None => self.middleware.without_breaker(),
        };
        self.rebuilt()
    }

    /// The circuit breaker every clone shares.
    pub fn breaker(&self) -> Option<&Arc<CircuitBreaker>> {
        self.middleware.breaker()
    }

    /// `GET /sessions/{id}`, retried.
    ///
    /// # Errors
    ///
    /// `SESSION_NOT_FOUND`, and what any call may fail with.
    pub async fn session(&self, id: &str) -> Result<Session, ClientError> {
        self.json(self.request(Method::GET, &format!("/sessions/{id}")))
            .await
    }

    /// `GET /sessions`, retried.
    ///
    /// # Errors
    ///
    /// `INVALID_REQUEST` for a limit out of range.
    pub async fn sessions(&self, page: Page) -> Result<Vec<Session>, ClientError> {
        let mut query = Vec::new();
        if let Some(limit) = page.limit {
            query.push(format!("limit={limit}"));
        }
        if let Some(offset) = page.offset {
            query.push(format!("offset={offset}"));
        }
        let path = format!("/sessions?{}", query.join("&"));
        self.json(self.request(Method::GET, &path)).await
    }

    /// `POST /sessions`: sent once, since nothing would stop a retry from creating
    /// a second session (the middleware retries a `POST` only with an idempotency
    /// key).
    ///
    /// # Errors
    ///
    /// `INVALID_REQUEST` with the fields that failed.
    pub async fn create_session(&self, new: &NewSession) -> Result<Session, ClientError> {
        self.json(self.request(Method::POST, "/sessions").json(new))
            .await
    }

    /// `POST /sessions/{id}/bookings` with a new idempotency key, retried: every
    /// attempt sends the same key, so a retry after a lost response returns the
    /// booking made instead of booking twice.
    ///
    /// # Errors
    ///
    /// `SESSION_FULL`, `ALREADY_BOOKED`, `SESSION_NOT_FOUND`, `INVALID_REQUEST`.
    pub async fn book(
        &self,
        session_id: &str,
        request: &BookingRequest,
    ) -> Result<Booking, ClientError> {
        self.book_with_key(session_id, request, &IdempotencyKey::new())
            .await
    }

    /// [`Client::book`] with a key of the caller's (to resume an operation, say).
    ///
    /// # Errors
    ///
    /// As [`Client::book`], and `IDEMPOTENCY_KEY_REUSED` when `key` went with
    /// another request.
    pub async fn book_with_key(
        &self,
        session_id: &str,
        request: &BookingRequest,
        key: &IdempotencyKey,
    ) -> Result<Booking, ClientError> {
        let path = format!("/sessions/{session_id}/bookings");
        let builder = self
            .request(Method::POST, &path)
            .header(IdempotencyKey::HEADER, key.as_str())
            .json(request);
        self.json(builder).await
    }

    /// `POST /sessions/{id}/waitlist`: sent once.
    ///
    /// # Errors
    ///
    /// `ALREADY_IN_QUEUE` with the member's position.
    pub async fn join_waitlist(
        &self,
        session_id: &str,
        member_id: &str,
    ) -> Result<WaitlistEntry, ClientError> {
        let request = WaitlistRequest {
            member_id: member_id.to_owned(),
        };
        let path = format!("/sessions/{session_id}/waitlist");
        self.json(self.request(Method::POST, &path).json(&request))
            .await
    }

    /// `POST /feedback`, a form: sent once.
    ///
    /// # Errors
    ///
    /// `INVALID_REQUEST` for a rating out of range.
    pub async fn feedback(&self, feedback: &Feedback) -> Result<(), ClientError> {
        let form = format!(
            "rating={}&comment={}",
            feedback.rating,
            form_encode(&feedback.comment)
        );
        let request = self
            .request(Method::POST, "/feedback")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form);
        request.send().await?.catalog_error::<ApiError>().await?;
        Ok(())
    }

    /// The middleware client for the current policy and breaker.
    fn rebuilt(mut self) -> Self {
        self.http = reqwest_middleware::ClientBuilder::new(self.reqwest.clone())
            .with(self.middleware.clone())
            .build();
        self
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(ACCEPT, "application/json");
        match &self.api_key {
            Some(api_key) => request.header("x-api-key", api_key),
            None => request,
        }
    }

    /// Sends `request`: the JSON body of a success, or the decoded error.
    async fn json<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, ClientError> {
        let response = request.send().await?.catalog_error::<ApiError>().await?;
        Ok(response.json().await?)
    }
}

/// `application/x-www-form-urlencoded` text.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
