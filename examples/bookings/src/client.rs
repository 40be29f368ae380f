//! A typed client of the bookings service, on reqwest: every error response decoded
//! against the catalog (with its headers), retried as the catalog's `[retry]` table
//! says, through a circuit breaker shared by every clone of the client, and every
//! booking sent with one idempotency key for all its attempts.
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

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use errors_runtime::breaker::{CircuitBreaker, CircuitOpen};
use errors_runtime::retry::{AsFailure, Failure, IdempotencyKey, RetryPolicy, retry_with};
use errors_runtime::{DecodeError, Decoded, decode_response};
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::ApiError;
use crate::model::{
    Booking, BookingRequest, Feedback, NewSession, Page, Session, WaitlistEntry, WaitlistRequest,
};

/// Why a call failed.
#[derive(Debug)]
pub enum ClientError {
    /// The service answered with an error of the catalog, decoded: the typed
    /// [`ApiError`] (`decoded.known()`), or for a code this build does not know, its
    /// code, message and status; with the request id and timestamp.
    Api(Box<Decoded<ApiError>>),
    /// An error response whose body is no envelope of the catalog (a proxy's page,
    /// say).
    Undecodable {
        /// The HTTP status.
        status: u16,
        /// Its `Retry-After`, if it had one.
        retry_after: Option<String>,
        /// Why the body did not decode.
        error: DecodeError,
    },
    /// No response: the connection failed or timed out.
    Transport(reqwest::Error),
    /// The shared circuit breaker is open: the service is known to be down, so the
    /// request was not sent.
    CircuitOpen(CircuitOpen),
    /// A success whose body is not what the endpoint returns.
    Body(serde_json::Error),
}

impl ClientError {
    /// The typed error, when the service answered with a code of this catalog.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            ClientError::Api(decoded) => decoded.known(),
            _ => None,
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api(decoded) => write!(f, "{decoded}"),
            ClientError::Undecodable { status, error, .. } => {
                write!(f, "HTTP {status} with a body outside the catalog: {error}")
            }
            ClientError::Transport(error) => write!(f, "no response: {error}"),
            ClientError::CircuitOpen(open) => write!(f, "{open}"),
            ClientError::Body(error) => write!(f, "unexpected response body: {error}"),
        }
    }
}

impl std::error::Error for ClientError {}

impl AsFailure for ClientError {
    fn as_failure(&self) -> Failure {
        match self {
            ClientError::Api(decoded) => decoded.as_failure(),
            ClientError::Undecodable {
                status,
                retry_after,
                ..
            } => Failure::from_response(*status, retry_after.as_deref()),
            ClientError::Transport(_) => Failure::transport(),
            // Fail fast while the service is known to be down.
            ClientError::CircuitOpen(_) | ClientError::Body(_) => Failure::new(false),
        }
    }
}

/// The bookings client. Clones share the connection pool and the circuit breaker.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    api_key: Option<String>,
    policy: RetryPolicy,
    breaker: Option<Arc<CircuitBreaker>>,
}

impl Client {
    /// A client of the service at `base` (`http://127.0.0.1:3000`), retrying and
    /// breaking the circuit as the catalog's `[retry]` and `[circuit_breaker]` say,
    /// each attempt given 10 seconds.
    pub fn new(base: impl Into<String>) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Client {
            http,
            base: base.into().trim_end_matches('/').to_owned(),
            api_key: None,
            policy: RetryPolicy::for_catalog::<ApiError>(),
            breaker: Some(Arc::new(CircuitBreaker::for_catalog::<ApiError>())),
        }
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
        self.policy = policy;
        self
    }

    /// Goes through `breaker` (`None`: none) instead of the catalog's.
    #[must_use]
    pub fn with_breaker(mut self, breaker: Option<Arc<CircuitBreaker>>) -> Self {
        self.breaker = breaker;
        self
    }

    /// The circuit breaker every clone shares.
    pub fn breaker(&self) -> Option<&Arc<CircuitBreaker>> {
        self.breaker.as_ref()
    }

    /// `GET /sessions/{id}`, retried.
    ///
    /// # Errors
    ///
    /// `SESSION_NOT_FOUND`, and what any call may fail with.
    pub async fn session(&self, id: &str) -> Result<Session, ClientError> {
        self.call(Method::GET, &format!("/sessions/{id}"), None::<&()>, None)
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
        self.call(Method::GET, &path, None::<&()>, None).await
    }

    /// `POST /sessions`: sent once, since nothing would stop a retry from creating
    /// a second session.
    ///
    /// # Errors
    ///
    /// `INVALID_REQUEST` with the fields that failed.
    pub async fn create_session(&self, new: &NewSession) -> Result<Session, ClientError> {
        self.attempt(Method::POST, "/sessions", Some(body(new)?), None)
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
        self.call(Method::POST, &path, Some(request), Some(key))
            .await
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
        self.attempt(Method::POST, &path, Some(body(&request)?), None)
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
        let mut request = self
            .request(Method::POST, "/feedback", None)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form);
        request = request.header(ACCEPT, "application/json");
        self.finish(request).await
    }

    /// A call retried under the policy, each attempt through the breaker.
    async fn call<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        request: Option<&B>,
        key: Option<&IdempotencyKey>,
    ) -> Result<T, ClientError> {
        let bytes = request.map(body).transpose()?;
        retry_with(
            &self.policy,
            |event| {
                tracing::warn!(
                    attempt = event.attempt(),
                    error = %event.error(),
                    delay = ?event.delay(),
                    "{method} {path} failed"
                );
            },
            |_attempt| self.attempt(method.clone(), path, bytes.clone(), key),
        )
        .await
    }

    /// One attempt, through the breaker.
    async fn attempt<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        key: Option<&IdempotencyKey>,
    ) -> Result<T, ClientError> {
        let permit = match &self.breaker {
            Some(breaker) => Some(breaker.try_acquire().map_err(ClientError::CircuitOpen)?),
            None => None,
        };
        let mut request = self.request(method, path, key);
        if let Some(body) = body {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }
        let result = self.finish(request).await;
        if let Some(permit) = permit {
            permit.record_result(&result);
        }
        result
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        key: Option<&IdempotencyKey>,
    ) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(ACCEPT, "application/json");
        if let Some(key) = key {
            request = request.header(IdempotencyKey::HEADER, key.as_str());
        }
        if let Some(api_key) = &self.api_key {
            request = request.header("x-api-key", api_key);
        }
        request
    }

    /// Sends `request`: the body of a success, or the decoded error.
    async fn finish<T: DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let response = request.send().await.map_err(ClientError::Transport)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(ClientError::Transport)?;
        if status < 400 {
            let bytes: &[u8] = if bytes.is_empty() { b"null" } else { &bytes };
            return serde_json::from_slice(bytes).map_err(ClientError::Body);
        }
        match decode_response::<ApiError>(status, &headers, &bytes) {
            Ok(decoded) => Err(ClientError::Api(Box::new(decoded))),
            Err(error) => Err(ClientError::Undecodable {
                status,
                retry_after: headers
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned),
                error,
            }),
        }
    }
}

fn body<B: Serialize + ?Sized>(value: &B) -> Result<Vec<u8>, ClientError> {
    serde_json::to_vec(value).map_err(ClientError::Body)
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
