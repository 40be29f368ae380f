//! The catalog's retry policy and circuit breaker as a `reqwest_middleware`
//! middleware.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use ::reqwest::{Method, Request, Response, ResponseBuilderExt};
use http::Extensions;
use reqwest_middleware::{Error, Middleware, Next};

use super::error::transport_failure;
use super::response::{decode_error, is_error, read_capped};
use crate::breaker::CircuitBreaker;
use crate::decode::{Decode, Decoder};
use crate::retry::{
    AsFailure, Failure, GiveUp, IdempotencyKey, RandomSource, RetryDecision, RetryPolicy,
};

/// What a refresh hook returns: the request rewritten with fresh credentials.
pub type RefreshFuture = Pin<Box<dyn Future<Output = Result<Request, Error>> + Send>>;

/// A refresh hook: takes the request an after-refresh error answered and gives it
/// back with renewed credentials (see [`CatalogMiddleware::with_refresh`]).
type RefreshHook = Arc<dyn Fn(Request) -> RefreshFuture + Send + Sync>;

/// A `reqwest_middleware` middleware that sends each request as the catalog of `E`
/// says: retried under its `[retry]` policy ([`RetryPolicy::for_catalog`]), sleeping
/// with `tokio::time::sleep` between attempts, through its `[circuit_breaker]`
/// ([`CircuitBreaker::for_catalog`]), which every clone of the middleware shares.
///
/// What is retried: an error response whose decoded error the catalog calls
/// retryable (a body outside the catalog: a 5xx or 429), honouring `Retry-After` as
/// the policy says, and a failure to get a response at all. What is not:
/// - a request whose method is not idempotent (`POST`, `PATCH`, ...) unless the
///   caller gave it an `Idempotency-Key` header, which every attempt then sends; the
///   middleware never invents a key, since only the caller knows which requests are
///   one operation;
/// - a request whose body cannot be cloned (a stream);
/// - an error of a code the catalog marks `retry = "after_refresh"`, unless the
///   middleware has a refresh hook ([`with_refresh`](Self::with_refresh)): then the
///   hook rewrites the request once and it is sent once more, whatever its method;
/// - a request refused by the open circuit: it fails at once with
///   [`CircuitOpen`](crate::breaker::CircuitOpen) inside a
///   `reqwest_middleware::Error`, which `?` turns into
///   [`ClientError::CircuitOpen`](super::ClientError::CircuitOpen).
///
/// The response of the last attempt is returned as received, error or not: check it
/// with [`ResponseExt::catalog_error`](super::ResponseExt::catalog_error). (To judge
/// an error response the middleware reads its body, up to the decoder's size cap; a
/// longer body announced by `Content-Length` is judged by status alone and left
/// unread, one without a length is passed on cut just past the cap.)
///
/// ```no_run
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use api::ApiError;
/// use errors_runtime::reqwest::{CatalogMiddleware, ClientError, ResponseExt};
///
/// # async fn run() -> Result<(), ClientError<ApiError>> {
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
///     .with(CatalogMiddleware::<ApiError>::new())
///     .build();
/// // Retried on 503, 429 (after its Retry-After), timeouts...
/// let session = client
///     .get("http://127.0.0.1:3000/sessions/s_1")
///     .send()
///     .await?
///     .catalog_error::<ApiError>()
///     .await?;
/// // ...and a POST only because it carries an idempotency key.
/// let key = errors_runtime::retry::IdempotencyKey::new();
/// let booking = client
///     .post("http://127.0.0.1:3000/sessions/s_1/bookings")
///     .header("Idempotency-Key", key.as_str())
///     .body(r#"{"member_id": "m_1", "email": "ada@example.com"}"#)
///     .send()
///     .await?
///     .catalog_error::<ApiError>()
///     .await?;
/// # Ok(())
/// # }
/// ```
pub struct CatalogMiddleware<E> {
    policy: RetryPolicy,
    breaker: Option<Arc<CircuitBreaker>>,
    refresh: Option<RefreshHook>,
    catalog: PhantomData<fn() -> E>,
}

impl<E: Decode> CatalogMiddleware<E> {
    /// The catalog's retry policy and a new circuit breaker from its
    /// `[circuit_breaker]` table, shared by the clones of this middleware.
    pub fn new() -> Self {
        CatalogMiddleware {
            policy: RetryPolicy::for_catalog::<E>(),
            breaker: Some(Arc::new(CircuitBreaker::for_catalog::<E>())),
            refresh: None,
            catalog: PhantomData,
        }
    }
}

impl<E> CatalogMiddleware<E> {
    /// Retries under `policy` instead of the catalog's (shorter delays in tests, say).
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use std::time::Duration;
    /// use errors_runtime::RetryPolicy;
    /// use errors_runtime::reqwest::CatalogMiddleware;
    ///
    /// let policy = RetryPolicy::for_catalog::<api::ApiError>().with_max_attempts(3);
    /// let middleware = CatalogMiddleware::<api::ApiError>::new().with_policy(policy);
    /// assert_eq!(middleware.policy().max_attempts(), 3);
    /// ```
    #[must_use]
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Draws the policy's jitter from `random`: `|| u64::MAX` always waits the
    /// longest backoff, `|| 0` never waits, which makes tests deterministic.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use std::time::Duration;
    /// use errors_runtime::reqwest::CatalogMiddleware;
    ///
    /// let middleware = CatalogMiddleware::<api::ApiError>::new().with_random(|| u64::MAX);
    /// assert_eq!(middleware.policy().backoff(2), Duration::from_secs(2));
    /// ```
    #[must_use]
    pub fn with_random(mut self, random: impl RandomSource + 'static) -> Self {
        self.policy = self.policy.with_random(random);
        self
    }

    /// Goes through `breaker` instead: one shared with other clients of the same
    /// service, or configured otherwise (a [`ManualClock`](crate::breaker::ManualClock)
    /// in tests).
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use std::sync::Arc;
    /// use std::time::Duration;
    /// use errors_runtime::CircuitBreaker;
    /// use errors_runtime::reqwest::CatalogMiddleware;
    ///
    /// let breaker = Arc::new(CircuitBreaker::new().with_open_duration(Duration::from_secs(5)));
    /// let middleware = CatalogMiddleware::<api::ApiError>::new().with_breaker(Arc::clone(&breaker));
    /// assert!(Arc::ptr_eq(middleware.breaker().unwrap(), &breaker));
    /// ```
    #[must_use]
    pub fn with_breaker(mut self, breaker: Arc<CircuitBreaker>) -> Self {
        self.breaker = Some(breaker);
        self
    }

    /// Goes through no circuit breaker: every request is sent (a service degraded
    /// rather than down, or a breaker applied elsewhere).
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// let middleware = errors_runtime::reqwest::CatalogMiddleware::<api::ApiError>::new()
    ///     .without_breaker();
    /// assert!(middleware.breaker().is_none());
    /// ```
    #[must_use]
    pub fn without_breaker(mut self) -> Self {
        self.breaker = None;
        self
    }

    /// Refreshes credentials on an error of a code the catalog marks
    /// `retry = "after_refresh"`: `hook` gets the request and gives it back rewritten
    /// (a new `Authorization` header, say), and the middleware sends it once more,
    /// whatever its method (its body must be clonable). Once per request: a second
    /// such error is returned, as is an error of the hook. Without a hook such an
    /// error is final.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use errors_runtime::reqwest::CatalogMiddleware;
    ///
    /// let middleware = CatalogMiddleware::<api::ApiError>::new().with_refresh(|mut request| {
    ///     Box::pin(async move {
    ///         let token = "fresh"; // e.g. from the token endpoint
    ///         let value = format!("Bearer {token}").parse().expect("a header value");
    ///         request.headers_mut().insert(reqwest::header::AUTHORIZATION, value);
    ///         Ok(request)
    ///     })
    /// });
    /// assert!(middleware.has_refresh());
    /// ```
    #[must_use]
    pub fn with_refresh(
        mut self,
        hook: impl Fn(Request) -> RefreshFuture + Send + Sync + 'static,
    ) -> Self {
        self.refresh = Some(Arc::new(hook));
        self
    }

    /// Whether it has a refresh hook.
    pub fn has_refresh(&self) -> bool {
        self.refresh.is_some()
    }

    /// The retry policy.
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// The circuit breaker every clone shares, if any.
    pub fn breaker(&self) -> Option<&Arc<CircuitBreaker>> {
        self.breaker.as_ref()
    }
}

impl<E: Decode> Default for CatalogMiddleware<E> {
    fn default() -> Self {
        CatalogMiddleware::new()
    }
}

impl<E> Clone for CatalogMiddleware<E> {
    fn clone(&self) -> Self {
        CatalogMiddleware {
            policy: self.policy.clone(),
            breaker: self.breaker.clone(),
            refresh: self.refresh.clone(),
            catalog: PhantomData,
        }
    }
}

impl<E> fmt::Debug for CatalogMiddleware<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogMiddleware")
            .field("catalog", &std::any::type_name::<E>())
            .field("policy", &self.policy)
            .field("breaker", &self.breaker)
            .field("refresh", &self.refresh.is_some())
            .finish()
    }
}

/// How one attempt went.
enum Attempt {
    /// A success: returned as it is.
    Done(Response),
    /// An error response, or no response: the result to return if the policy gives
    /// up, and what the policy judges.
    Failed {
        result: Result<Response, Error>,
        failure: Failure,
    },
}

#[async_trait::async_trait]
impl<E: Decode + 'static> Middleware for CatalogMiddleware<E> {
    async fn handle(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> Result<Response, Error> {
        let mut request = request;
        let mut attempt: u32 = 1;
        let mut refresh = self.refresh.as_ref();
        loop {
            // A body that clones once clones every time, so a request that may be
            // sent again always has its copy; any other is sent as it is, once. A
            // request is sent again under the policy when `may_retry`, and once after
            // a refresh whatever its method.
            let retriable = may_retry(&request);
            let copy = request
                .try_clone()
                .filter(|_| retriable || refresh.is_some());
            let Some(this) = copy else {
                return match self.attempt(request, extensions, next).await? {
                    Attempt::Done(response) => Ok(response),
                    Attempt::Failed { result, .. } => result,
                };
            };
            let (result, failure) = match self.attempt(this, extensions, next.clone()).await? {
                Attempt::Done(response) => return Ok(response),
                Attempt::Failed { result, failure } => (result, failure),
            };
            match self.policy.decide(attempt, &failure) {
                RetryDecision::Retry(delay) if retriable => {
                    drop(result); // frees the connection before the wait
                    tokio::time::sleep(delay).await;
                }
                RetryDecision::GiveUp(GiveUp::RefreshNeeded) if refresh.is_some() => {
                    drop(result);
                    if let Some(hook) = refresh.take() {
                        request = hook(request).await?;
                    }
                }
                _ => return result,
            }
            attempt = attempt.saturating_add(1);
        }
    }
}

impl<E: Decode> CatalogMiddleware<E> {
    /// Sends `request` once, through the breaker; `Err` only when the circuit refused
    /// it.
    async fn attempt(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> Result<Attempt, Error> {
        let permit = match &self.breaker {
            Some(breaker) => Some(breaker.try_acquire().map_err(Error::middleware)?),
            None => None,
        };
        let (result, failure) = match next.run(request, extensions).await {
            Ok(response) if !is_error(&response) => {
                if let Some(permit) = permit {
                    permit.success();
                }
                return Ok(Attempt::Done(response));
            }
            Ok(response) => self.judge(response).await,
            Err(Error::Reqwest(error)) => {
                let failure = transport_failure(&error);
                (Err(Error::Reqwest(error)), failure)
            }
            // Another middleware's failure says nothing about the service: the
            // permit is dropped unreported, and the error returned.
            Err(error) => {
                return Ok(Attempt::Failed {
                    result: Err(error),
                    failure: Failure::new(false),
                });
            }
        };
        if let Some(permit) = permit {
            permit.record(&failure);
        }
        Ok(Attempt::Failed { result, failure })
    }

    /// What an error response tells the policy, and the response rebuilt around the
    /// body read to find out.
    async fn judge(&self, mut response: Response) -> (Result<Response, Error>, Failure) {
        let status = response.status();
        let headers = response.headers().clone();
        let limit = Decoder::DEFAULT_MAX_LEN;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            let retry_after = headers
                .get(::reqwest::header::RETRY_AFTER)
                .and_then(|value| value.to_str().ok());
            let failure = Failure::from_response(status.as_u16(), retry_after);
            return (Ok(response), failure);
        }
        let version = response.version();
        let url = response.url().clone();
        let extensions = std::mem::take(response.extensions_mut());
        let body = match read_capped(response, limit).await {
            Ok(body) => body,
            Err(error) => {
                let failure = transport_failure(&error);
                return (Err(Error::Reqwest(error)), failure);
            }
        };
        let failure = decode_error::<E>(status.as_u16(), &headers, &body).as_failure();
        let mut rebuilt = http::Response::builder()
            .status(status)
            .version(version)
            .url(url);
        if let Some(map) = rebuilt.headers_mut() {
            *map = headers;
        }
        if let Some(map) = rebuilt.extensions_mut() {
            map.extend(extensions);
        }
        let result = rebuilt
            .body(body)
            .map(Response::from)
            .map_err(Error::middleware);
        (result, failure)
    }
}

/// Whether `request` may be sent more than once: an idempotent method, or an
/// `Idempotency-Key` chosen by the caller; and a body that can be sent again.
fn may_retry(request: &Request) -> bool {
    let idempotent = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE | Method::PUT | Method::DELETE
    );
    // Header names are compared without regard to case.
    let keyed = request.headers().contains_key(IdempotencyKey::HEADER);
    (idempotent || keyed) && request.try_clone().is_some()
}
