//! Running an async operation under a retry policy, sleeping with tokio, and
//! watching each decision the loop takes.

use std::time::Duration;

use super::failure::AsFailure;
use super::policy::{GiveUp, RetryDecision, RetryPolicy};

/// Runs `operation` under `policy`: calls it with the attempt number (1, 2, ...),
/// returns its first success, and after each failure asks the policy and sleeps
/// (`tokio::time::sleep`) as it says, or returns the failure when it gives up.
/// [`retry_with`] does the same and shows each decision as it is taken.
///
/// The error type says how it failed through [`AsFailure`]: a catalog error, a
/// [`Decoded`](crate::Decoded) error response, a [`Failure`](super::Failure), or a client's own error type.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use api::ApiError;
/// use errors_runtime::retry::{RetryPolicy, retry};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let policy = RetryPolicy::for_catalog::<ApiError>();
/// let result = retry(&policy, |attempt| async move {
///     if attempt < 3 { Err(ApiError::BadGateway) } else { Ok("booked") }
/// })
/// .await;
/// assert_eq!(result, Ok("booked"));
/// # }
/// ```
///
/// A client with its own error type, decoding error responses and going through a
/// shared [`CircuitBreaker`](crate::CircuitBreaker):
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use api::ApiError;
/// use errors_runtime::breaker::{CircuitBreaker, CircuitOpen};
/// use errors_runtime::retry::{AsFailure, Failure, RetryPolicy, retry};
/// use errors_runtime::{Decoded, decode_response};
///
/// #[derive(Debug)]
/// enum ClientError {
///     CircuitOpen(CircuitOpen),
///     Api(Decoded<ApiError>),
/// }
///
/// impl AsFailure for ClientError {
///     fn as_failure(&self) -> Failure {
///         match self {
///             // Fail fast while the service is known to be down.
///             ClientError::CircuitOpen(_) => Failure::new(false),
///             ClientError::Api(decoded) => decoded.as_failure(),
///         }
///     }
/// }
///
/// /// Sends the request; this stand-in gets a 503 the first time.
/// async fn book(attempt: u32) -> Result<&'static str, ClientError> {
///     if attempt == 1 {
///         let body = br#"{"success": false, "errorCode": "SERVICE_UNAVAILABLE",
///             "message": "The service is temporarily unavailable. Please try again later."}"#;
///         return Err(ClientError::Api(decode_response(503, &(), body).expect("an error envelope")));
///     }
///     Ok("booked")
/// }
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let policy = RetryPolicy::for_catalog::<ApiError>();
/// let breaker = CircuitBreaker::for_catalog::<ApiError>(); // shared by every task
/// let result = retry(&policy, |attempt| {
///     let breaker = &breaker;
///     async move {
///         let permit = breaker.try_acquire().map_err(ClientError::CircuitOpen)?;
///         let result = book(attempt).await;
///         permit.record_result(&result);
///         result
///     }
/// })
/// .await;
/// assert_eq!(result.unwrap(), "booked");
/// # }
/// ```
pub async fn retry<T, E, F, Fut>(policy: &RetryPolicy, operation: F) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: AsFailure,
{
    retry_with(policy, |_| {}, operation).await
}

/// [`retry`], calling `on_decision` after each failed attempt with what the policy
/// decided, before acting on it: the wait that the loop then sleeps, exactly, or
/// giving up, after which the loop returns that error. For logs, metrics and tests.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use std::time::Duration;
/// use api::ApiError;
/// use errors_runtime::retry::{RetryPolicy, retry_with};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let policy = RetryPolicy::for_catalog::<ApiError>().with_random(|| u64::MAX);
/// let mut waits = Vec::new();
/// let result = retry_with(
///     &policy,
///     |event| {
///         // e.g. tracing::warn!(attempt = event.attempt(), error = %event.error(), ...)
///         waits.extend(event.delay());
///     },
///     |attempt| async move {
///         if attempt < 3 { Err(ApiError::BadGateway) } else { Ok("booked") }
///     },
/// )
/// .await;
/// assert_eq!(result, Ok("booked"));
/// assert_eq!(waits, [Duration::from_secs(1), Duration::from_secs(2)]);
/// # }
/// ```
pub async fn retry_with<T, E, F, Fut, O>(
    policy: &RetryPolicy,
    on_decision: O,
    operation: F,
) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: AsFailure,
    O: FnMut(&RetryEvent<'_, E>),
{
    run_loop(policy, on_decision, None::<NoRefresh<E>>, operation).await
}

/// The hook of a loop without one.
type NoRefresh<E> = fn() -> std::future::Ready<Result<(), E>>;

/// The loop of [`retry_with`] and [`retry_refreshing`](super::retry_refreshing):
/// with a `refresh` hook, the first failure that needs a refresh calls it and makes
/// one more attempt at once (not shown to `on_decision`, whose events are the
/// policy's decisions); any other such failure is final.
pub(super) async fn run_loop<T, E, F, Fut, O, R, RFut>(
    policy: &RetryPolicy,
    mut on_decision: O,
    mut refresh: Option<R>,
    mut operation: F,
) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: AsFailure,
    O: FnMut(&RetryEvent<'_, E>),
    R: FnMut() -> RFut,
    RFut: Future<Output = Result<(), E>>,
{
    let mut attempt = 1;
    loop {
        let error = match operation(attempt).await {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        let decision = policy.decide(attempt, &error);
        if decision == RetryDecision::GiveUp(GiveUp::RefreshNeeded)
            && let Some(mut hook) = refresh.take()
        {
            drop(error);
            hook().await?;
            attempt = attempt.saturating_add(1);
            continue;
        }
        on_decision(&RetryEvent {
            attempt,
            error: &error,
            decision,
        });
        match decision {
            RetryDecision::Retry(delay) => tokio::time::sleep(delay).await,
            RetryDecision::GiveUp(_) => return Err(error),
        }
        attempt = attempt.saturating_add(1);
    }
}

/// One decision of [`retry_with`]'s loop: attempt [`attempt`](RetryEvent::attempt)
/// failed with [`error`](RetryEvent::error), and the policy decided
/// [`decision`](RetryEvent::decision).
#[derive(Debug)]
pub struct RetryEvent<'a, E> {
    attempt: u32,
    error: &'a E,
    decision: RetryDecision,
}

impl<'a, E> RetryEvent<'a, E> {
    /// The attempt that failed: 1 for the first request.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// How it failed.
    pub fn error(&self) -> &'a E {
        self.error
    }

    /// What the policy decided.
    pub fn decision(&self) -> RetryDecision {
        self.decision
    }

    /// The wait before the next attempt, which the loop sleeps exactly; `None` when
    /// it gives up and returns [`error`](RetryEvent::error).
    pub fn delay(&self) -> Option<Duration> {
        self.decision.delay()
    }
}
