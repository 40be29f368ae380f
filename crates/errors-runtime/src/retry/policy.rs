//! The retry policy: which failures to retry, how often, and how long to wait.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::failure::{AsFailure, Failure};
use crate::error::CatalogError;
use crate::meta::{HonorRetryAfter, RetryConfig, StatusSet};
use crate::random::{RandomSource, SplitMix64};

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[must_use]
pub enum RetryDecision {
    /// Wait this long, then make the next attempt.
    Retry(Duration),
    /// Stop and report the failure.
    GiveUp(GiveUp),
}

impl RetryDecision {
    /// The wait, when the decision is to retry.
    pub fn delay(self) -> Option<Duration> {
        match self {
            RetryDecision::Retry(delay) => Some(delay),
            RetryDecision::GiveUp(_) => None,
        }
    }

    /// Whether the decision is to give up.
    pub fn is_give_up(self) -> bool {
        matches!(self, RetryDecision::GiveUp(_))
    }
}

/// Why the policy gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GiveUp {
    /// The error may not be retried.
    NotRetryable,
    /// The error is retried once after a credentials refresh
    /// (`retry = "after_refresh"`), which the policy cannot do: the retry helpers
    /// given a refresh hook do; without one the error is final.
    RefreshNeeded,
    /// That was the last attempt the policy allows.
    AttemptsExhausted,
    /// The server asked to wait (this long) longer than the policy's
    /// [`max_retry_after`](RetryPolicy::max_retry_after): the caller gets the error,
    /// with its `Retry-After`, at once, instead of a sleep of that length.
    RetryAfterTooLong(Duration),
}

/// A retry policy: which failures to retry, how often, and how long to wait.
///
/// Cheap to clone (the random source is shared) and usable from many tasks at once.
/// See the [module documentation](crate::retry) for attempt numbering and the delays.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use std::time::Duration;
/// use errors_runtime::retry::RetryPolicy;
///
/// // As the catalog's [retry] table documents it, with a smaller cap.
/// let policy = RetryPolicy::for_catalog::<api::ApiError>().with_max_delay(Duration::from_secs(10));
/// assert_eq!(policy.max_attempts(), 5);
/// assert_eq!(policy.backoff_ceiling(3), Duration::from_secs(4));
/// assert_eq!(policy.backoff_ceiling(9), Duration::from_secs(10));
/// ```
#[derive(Clone)]
pub struct RetryPolicy {
    base: Duration,
    cap: Duration,
    max_attempts: u32,
    honor_retry_after: HonorRetryAfter,
    retry_after_statuses: StatusSet,
    max_retry_after: Duration,
    random: Arc<dyn RandomSource>,
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("base", &self.base)
            .field("cap", &self.cap)
            .field("max_attempts", &self.max_attempts)
            .field("honor_retry_after", &self.honor_retry_after)
            .field("retry_after_statuses", &self.retry_after_statuses)
            .field("max_retry_after", &self.max_retry_after)
            .finish_non_exhaustive()
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl RetryPolicy {
    /// The defaults ([`RetryConfig::DEFAULT`]): 1 s base, 30 s cap, 5 attempts,
    /// `Retry-After` honoured up to 5 minutes, a [`SplitMix64::from_entropy`] random
    /// source.
    pub fn new() -> Self {
        RetryPolicy::from_config(RetryConfig::DEFAULT)
    }

    /// The policy the catalog of `E` documents in its `[retry]` table.
    pub fn for_catalog<E: CatalogError>() -> Self {
        RetryPolicy::from_config(E::CATALOG.retry)
    }

    /// The policy of a `[retry]` table.
    pub fn from_config(config: RetryConfig) -> Self {
        RetryPolicy {
            base: Duration::from_millis(config.base_delay_ms),
            cap: Duration::from_millis(config.max_delay_ms),
            max_attempts: config.max_attempts.max(1),
            honor_retry_after: config.honor_retry_after,
            retry_after_statuses: config.retry_after_statuses,
            max_retry_after: Duration::from_millis(config.max_retry_after_ms),
            random: Arc::new(SplitMix64::from_entropy()),
        }
    }

    /// Sets the backoff base: the longest wait before the first retry.
    #[must_use]
    pub fn with_base_delay(mut self, base: Duration) -> Self {
        self.base = base;
        self
    }

    /// Sets the cap no backoff wait exceeds (a cap below the base caps every wait).
    #[must_use]
    pub fn with_max_delay(mut self, cap: Duration) -> Self {
        self.cap = cap;
        self
    }

    /// Sets the total number of attempts, the first included; 0 counts as 1.
    #[must_use]
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Whether the first retry of a [`RetryPolicy::retry_after_statuses`] status waits exactly its `Retry-After`
    /// ([`HonorRetryAfter::FirstRetry`]) or `Retry-After` is ignored
    /// ([`HonorRetryAfter::Never`]).
    #[must_use]
    pub fn with_honor_retry_after(mut self, honor: bool) -> Self {
        self.honor_retry_after = if honor {
            HonorRetryAfter::FirstRetry
        } else {
            HonorRetryAfter::Never
        };
        self
    }

    /// How `Retry-After` is honoured.
    #[must_use]
    pub fn with_retry_after_rule(mut self, rule: HonorRetryAfter) -> Self {
        self.honor_retry_after = rule;
        self
    }

    /// Sets the statuses whose `Retry-After` is honoured (the catalog's
    /// `retry_after_statuses`, by default 429 and 503).
    #[must_use]
    pub fn with_retry_after_statuses(mut self, statuses: StatusSet) -> Self {
        self.retry_after_statuses = statuses;
        self
    }

    /// Sets the longest `Retry-After` honoured: a longer one gives up
    /// ([`GiveUp::RetryAfterTooLong`]) instead of waiting, so that a server (or a
    /// hostile one) cannot park the client with `Retry-After: 99999999999`. The
    /// default is the catalog's `max_retry_after_ms`, 5 minutes unless it says
    /// otherwise; `Duration::MAX` honours any value.
    #[must_use]
    pub fn with_max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// Sets the random source of the jitter, e.g. a fixed one in tests.
    #[must_use]
    pub fn with_random(mut self, random: impl RandomSource + 'static) -> Self {
        self.random = Arc::new(random);
        self
    }

    /// The backoff base.
    pub fn base_delay(&self) -> Duration {
        self.base
    }

    /// The backoff cap.
    pub fn max_delay(&self) -> Duration {
        self.cap
    }

    /// Total attempts, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether `Retry-After` is honoured at all.
    pub fn honors_retry_after(&self) -> bool {
        self.honor_retry_after != HonorRetryAfter::Never
    }

    /// How `Retry-After` is honoured.
    pub fn retry_after_rule(&self) -> HonorRetryAfter {
        self.honor_retry_after
    }

    /// The statuses whose `Retry-After` is honoured.
    pub fn retry_after_statuses(&self) -> StatusSet {
        self.retry_after_statuses
    }

    /// The longest `Retry-After` honoured; a longer one gives up.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// Decides what to do after attempt `attempt` (1 for the first request) failed
    /// with `failure`: give up if it may not be retried or was the last attempt;
    /// for a status of [`RetryPolicy::retry_after_statuses`] (429 and 503 by default)
    /// that carries `Retry-After`, wait exactly that on the first retry
    /// ([`HonorRetryAfter::FirstRetry`]) or at least that on every retry
    /// ([`HonorRetryAfter::Always`]), giving up if it is longer than
    /// [`RetryPolicy::max_retry_after`]; otherwise wait [`RetryPolicy::backoff`].
    /// Attempt 0 counts as 1.
    pub fn decide<F: AsFailure + ?Sized>(&self, attempt: u32, failure: &F) -> RetryDecision {
        let attempt = attempt.max(1);
        let failure = failure.as_failure();
        if !failure.is_retryable() {
            return RetryDecision::GiveUp(if failure.needs_refresh() {
                GiveUp::RefreshNeeded
            } else {
                GiveUp::NotRetryable
            });
        }
        if attempt >= self.max_attempts {
            return RetryDecision::GiveUp(GiveUp::AttemptsExhausted);
        }
        if let Some(after) = failure.retry_after()
            && failure
                .status()
                .is_some_and(|s| self.retry_after_statuses.contains(s))
        {
            let wait = match self.honor_retry_after {
                HonorRetryAfter::FirstRetry if attempt == 1 => Some(after),
                HonorRetryAfter::Always => Some(after.max(self.backoff(attempt))),
                HonorRetryAfter::FirstRetry | HonorRetryAfter::Never => None,
            };
            if let Some(wait) = wait {
                return if after > self.max_retry_after {
                    RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(after))
                } else {
                    RetryDecision::Retry(wait)
                };
            }
        }
        RetryDecision::Retry(self.backoff(attempt))
    }

    /// [`RetryPolicy::decide`] for a response that had no usable body: its status and
    /// `Retry-After` header value (seconds or HTTP-date).
    pub fn decide_response(
        &self,
        attempt: u32,
        status: u16,
        retry_after: Option<&str>,
    ) -> RetryDecision {
        self.decide(attempt, &Failure::from_response(status, retry_after))
    }

    /// The longest backoff wait after attempt `attempt` fails:
    /// `min(cap, base * 2^(attempt - 1))`, without overflow for any attempt.
    pub fn backoff_ceiling(&self, attempt: u32) -> Duration {
        let doublings = attempt.max(1) - 1;
        if doublings >= 64 {
            self.cap
        } else {
            let nanos = self.base.as_nanos().saturating_mul(1 << doublings);
            self.cap.min(duration_from_nanos(nanos))
        }
    }

    /// A backoff wait after attempt `attempt` fails: uniformly random in
    /// `[0, backoff_ceiling(attempt)]` (full jitter), at nanosecond resolution.
    /// A random source returning `u64::MAX` gives the ceiling, one returning 0 gives 0.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = u64::try_from(self.backoff_ceiling(attempt).as_nanos()).unwrap_or(u64::MAX);
        let random = u128::from(self.random.next_u64());
        // random / 2^64 * (ceiling + 1), floored: in [0, ceiling], no overflow.
        let nanos = (random * (u128::from(ceiling) + 1)) >> 64;
        duration_from_nanos(nanos)
    }
}

fn duration_from_nanos(nanos: u128) -> Duration {
    const NANOS_PER_SEC: u128 = 1_000_000_000;
    match u64::try_from(nanos / NANOS_PER_SEC) {
        Ok(secs) => Duration::new(secs, (nanos % NANOS_PER_SEC) as u32),
        Err(_) => Duration::MAX,
    }
}
