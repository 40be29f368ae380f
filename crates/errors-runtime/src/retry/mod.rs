//! The client retry policy of SPEC section 6: retry only what may be retried, with
//! exponential backoff and full jitter, honouring `Retry-After` on a 429.
//!
//! # Attempt numbers
//!
//! Attempt 1 is the first request; attempt 2 is the first retry. After attempt `n`
//! fails, [`RetryPolicy::decide`] is asked with `n` and says how long to wait before
//! attempt `n + 1`, or to give up. With the default 5 attempts, the failures of
//! attempts 1 to 4 may be retried and the failure of attempt 5 gives up: there is no
//! attempt 6.
//!
//! # Delays
//!
//! The wait after attempt `n` is a random duration in `[0, min(cap, base * 2^(n - 1))]`
//! ("full jitter"): up to 1 s, 2 s, 4 s, 8 s with the default 1 s base, never above
//! the 30 s cap. (SPEC section 6 writes `base * 2^attempt` counting retries from 0.)
//! When the failure of attempt 1 is a 429 with a `Retry-After`, and the policy honours
//! it (the default), the first retry waits exactly that long instead, unless it is
//! longer than [`RetryPolicy::max_retry_after`] (5 minutes by default): then the
//! policy gives up at once ([`GiveUp::RetryAfterTooLong`]). A 429 after that falls
//! back to backoff.
//!
//! ```
//! use std::time::Duration;
//! use errors_runtime::retry::{Failure, RetryDecision, RetryPolicy};
//!
//! // A random source that always picks the top of the range, for a predictable example.
//! let policy = RetryPolicy::new().with_random(|| u64::MAX);
//!
//! // The first request got a 429 with `Retry-After: 42`: wait exactly 42 s.
//! let limited = Failure::from_response(429, Some("42"));
//! assert_eq!(policy.decide(1, &limited), RetryDecision::Retry(Duration::from_secs(42)));
//! // The second 429 backs off: up to base * 2^1 = 2 s.
//! assert_eq!(policy.decide(2, &limited), RetryDecision::Retry(Duration::from_secs(2)));
//! // A 404 is never retried, and the 5th attempt is the last.
//! assert!(policy.decide(1, &Failure::from_status(404)).is_give_up());
//! assert!(policy.decide(5, &Failure::from_status(503)).is_give_up());
//! ```

mod failure;
mod idempotency;
mod policy;
#[cfg(feature = "tokio")]
mod refresh;
#[cfg(feature = "tokio")]
mod run;

pub use crate::random::{RandomSource, SplitMix64};
pub use crate::time::RetryAfter;
pub use failure::{AsFailure, Failure};
pub use idempotency::{IdempotencyKey, InvalidIdempotencyKey};
pub use policy::{GiveUp, RetryDecision, RetryPolicy};
#[cfg(feature = "tokio")]
pub use refresh::retry_refreshing;
#[cfg(feature = "tokio")]
pub use run::{RetryEvent, retry, retry_with};
