//! Retrying with a refresh hook: codes the catalog marks `retry = "after_refresh"`
//! (an expired token, say) are retried once, whatever the method, after the client
//! refreshed its credentials.

use super::failure::AsFailure;
use super::policy::RetryPolicy;
use super::run::run_loop;

/// [`retry`](super::retry), with a `refresh` hook for the codes the catalog marks
/// `retry = "after_refresh"`: the first such failure calls `refresh` once, then
/// `operation` runs once more, at once, whatever the request (the policy is not
/// asked: such a code is not retryable under it). A second such failure, or one
/// after the refresh was used, is final; an error of `refresh` is returned as it is.
/// Other failures are retried as [`retry`](super::retry) does.
///
/// The hook rewrites what the next attempt sends: `operation` builds each request
/// from the credentials `refresh` renewed. [`retry`](super::retry) and
/// [`retry_with`](super::retry_with) have no hook: for them an after-refresh error
/// is final ([`GiveUp::RefreshNeeded`](super::GiveUp::RefreshNeeded)).
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use std::cell::{Cell, RefCell};
/// use errors_runtime::retry::{Failure, RetryPolicy, retry_refreshing};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let token = RefCell::new("expired".to_owned());
/// let refreshes = Cell::new(0);
/// let result = retry_refreshing(
///     &RetryPolicy::new(),
///     || async {
///         refreshes.set(refreshes.get() + 1);
///         *token.borrow_mut() = "fresh".to_owned(); // e.g. from the token endpoint
///         Ok(())
///     },
///     |_attempt| {
///         let token = token.borrow().clone();
///         async move {
///             // A POST with `Authorization: Bearer {token}`; a 401 whose code is
///             // `retry = "after_refresh"` decodes to such a failure.
///             if token == "expired" {
///                 Err(Failure::from_status(401).with_refresh(true))
///             } else {
///                 Ok("created")
///             }
///         }
///     },
/// )
/// .await;
/// assert_eq!(result, Ok("created"));
/// assert_eq!(refreshes.get(), 1);
/// # }
/// ```
pub async fn retry_refreshing<T, E, F, Fut, R, RFut>(
    policy: &RetryPolicy,
    refresh: R,
    operation: F,
) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: AsFailure,
    R: FnMut() -> RFut,
    RFut: Future<Output = Result<(), E>>,
{
    run_loop(policy, |_| {}, Some(refresh), operation).await
}
