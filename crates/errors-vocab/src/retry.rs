//! The client retry policy (`[retry]`) and circuit breaker (`[circuit_breaker]`) a
//! catalog documents, with the defaults of SPEC section 6.

/// The client retry policy (`[retry]`).
///
/// Every field is public and the type is built with a struct expression by the
/// metadata a service is compiled with; the defaults are [`RetryConfig::DEFAULT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetryConfig {
    /// Total attempts, the first included (default 5).
    pub max_attempts: u32,
    /// The backoff base in milliseconds (default 1000).
    pub base_delay_ms: u64,
    /// The backoff cap in milliseconds (default 30 000).
    pub max_delay_ms: u64,
    /// How `Retry-After` is honoured on [`retry_after_statuses`](Self::retry_after_statuses)
    /// (default: exactly, on the first retry).
    pub honor_retry_after: HonorRetryAfter,
    /// The statuses whose `Retry-After` is honoured (default 429 and 503).
    pub retry_after_statuses: StatusSet,
    /// The longest `Retry-After` honoured, in milliseconds (default 300 000, five
    /// minutes): a server asking for more makes the client give up at once rather
    /// than wait that long.
    pub max_retry_after_ms: u64,
}

impl RetryConfig {
    /// The policy of a catalog without `[retry]` (or a key of it), SPEC section 6: 5
    /// attempts, backoff from 1 s capped at 30 s, `Retry-After` honoured on the first
    /// retry up to five minutes. Every crate takes the defaults from here.
    pub const DEFAULT: RetryConfig = RetryConfig {
        max_attempts: 5,
        base_delay_ms: 1000,
        max_delay_ms: 30_000,
        honor_retry_after: HonorRetryAfter::FirstRetry,
        retry_after_statuses: StatusSet::of(&[429, 503]),
        max_retry_after_ms: 300_000,
    };
}

/// A set of error statuses (400..=599), such as `[retry] retry_after_statuses`.
///
/// A bit per status rather than a list, so that the type stays `Copy` and a
/// generated static builds it in a `const`. Iterates in ascending order.
///
/// ```
/// use errors_vocab::StatusSet;
/// let set = StatusSet::of(&[503, 429]);
/// assert!(set.contains(429) && !set.contains(500) && !set.contains(200));
/// assert_eq!(set.iter().collect::<Vec<_>>(), [429, 503]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct StatusSet {
    bits: [u64; 4],
}

impl StatusSet {
    /// The lowest status a set holds.
    pub const FIRST: u16 = 400;
    /// The highest status a set holds.
    pub const LAST: u16 = 599;
    /// No status.
    pub const EMPTY: StatusSet = StatusSet { bits: [0; 4] };

    /// The set of `statuses`; those outside 400..=599 are left out (a catalog refuses
    /// them).
    pub const fn of(statuses: &[u16]) -> StatusSet {
        let mut set = StatusSet::EMPTY;
        let mut i = 0;
        while i < statuses.len() {
            set = set.with(statuses[i]);
            i += 1;
        }
        set
    }

    /// This set and `status` (unchanged when it is outside 400..=599).
    pub const fn with(mut self, status: u16) -> StatusSet {
        if status >= Self::FIRST && status <= Self::LAST {
            let n = (status - Self::FIRST) as usize;
            self.bits[n / 64] |= 1 << (n % 64);
        }
        self
    }

    /// Whether the set holds `status`.
    pub const fn contains(&self, status: u16) -> bool {
        if status < Self::FIRST || status > Self::LAST {
            return false;
        }
        let n = (status - Self::FIRST) as usize;
        self.bits[n / 64] & (1 << (n % 64)) != 0
    }

    /// Whether the set holds no status.
    pub const fn is_empty(&self) -> bool {
        self.bits[0] == 0 && self.bits[1] == 0 && self.bits[2] == 0 && self.bits[3] == 0
    }

    /// The statuses, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (Self::FIRST..=Self::LAST).filter(|s| self.contains(*s))
    }
}

impl std::fmt::Display for StatusSet {
    /// As the catalog writes it: `[429, 503]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[")?;
        for (i, status) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{status}")?;
        }
        f.write_str("]")
    }
}

impl Default for RetryConfig {
    /// [`RetryConfig::DEFAULT`].
    fn default() -> Self {
        RetryConfig::DEFAULT
    }
}

/// `[retry] honor_retry_after`: how a client honours a 429's `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HonorRetryAfter {
    /// `false`: backoff alone decides.
    Never,
    /// `true` (the default, seed 000's rule): the first retry waits exactly
    /// `Retry-After`, later ones fall back to backoff.
    FirstRetry,
    /// `"always"` (seed 001's rule: the seconds to wait before another request):
    /// every retry of a 429 waits at least `Retry-After`.
    Always,
}

impl HonorRetryAfter {
    /// Every rule, in the order above.
    pub const ALL: [HonorRetryAfter; 3] = [
        HonorRetryAfter::Never,
        HonorRetryAfter::FirstRetry,
        HonorRetryAfter::Always,
    ];

    /// The catalog spelling, as TOML: `false`, `true`, `"always"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            HonorRetryAfter::Never => "false",
            HonorRetryAfter::FirstRetry => "true",
            HonorRetryAfter::Always => "\"always\"",
        }
    }
}

/// The client circuit breaker (`[circuit_breaker]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CircuitBreakerConfig {
    /// Consecutive retryable failures that open the circuit (default 5).
    pub failure_threshold: u32,
    /// How long the circuit stays open, in milliseconds (default 30 000).
    pub open_ms: u64,
    /// Trial requests let through while half-open before it closes again
    /// (default 1).
    pub half_open_requests: u32,
}

impl CircuitBreakerConfig {
    /// The breaker of a catalog without `[circuit_breaker]` (or a key of it), SPEC
    /// section 6: opens after 5 consecutive retryable failures, stays open 30 s, lets
    /// 1 trial request through. Every crate takes the defaults from here.
    pub const DEFAULT: CircuitBreakerConfig = CircuitBreakerConfig {
        failure_threshold: 5,
        open_ms: 30_000,
        half_open_requests: 1,
    };
}

impl Default for CircuitBreakerConfig {
    /// [`CircuitBreakerConfig::DEFAULT`].
    fn default() -> Self {
        CircuitBreakerConfig::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_of_section_6() {
        let retry = RetryConfig::default();
        assert_eq!(retry, RetryConfig::DEFAULT);
        assert_eq!(
            (retry.max_attempts, retry.base_delay_ms, retry.max_delay_ms),
            (5, 1000, 30_000)
        );
        assert_eq!(retry.honor_retry_after, HonorRetryAfter::FirstRetry);
        assert_eq!(retry.max_retry_after_ms, 300_000);
        assert_eq!(retry.retry_after_statuses.to_string(), "[429, 503]");
        let breaker = CircuitBreakerConfig::default();
        assert_eq!(breaker, CircuitBreakerConfig::DEFAULT);
        assert_eq!(
            (
                breaker.failure_threshold,
                breaker.open_ms,
                breaker.half_open_requests
            ),
            (5, 30_000, 1)
        );
    }

    #[test]
    fn status_sets_hold_error_statuses_only() {
        let set = StatusSet::of(&[599, 400, 429, 429, 200, 600]);
        assert_eq!(set.iter().collect::<Vec<_>>(), [400, 429, 599]);
        assert!(!set.contains(200) && !set.contains(600) && !set.contains(503));
        assert!(StatusSet::EMPTY.is_empty() && !set.is_empty());
        assert_eq!(StatusSet::EMPTY.to_string(), "[]");
    }

    #[test]
    fn honor_retry_after_spellings_are_toml() {
        let spelled = HonorRetryAfter::ALL.map(HonorRetryAfter::as_str);
        assert_eq!(spelled, ["false", "true", "\"always\""]);
    }
}

/// How a client may retry an error of a code: never, under the retry policy
/// (`retryable`), or once after refreshing its credentials (`retry = "after_refresh"`).
///
/// ```
/// use errors_vocab::RetryClass;
/// assert!(RetryClass::Retryable.is_retryable());
/// // An after-refresh error is not retryable under the policy: it is retried once,
/// // after the client's refresh hook.
/// assert!(!RetryClass::AfterRefresh.is_retryable());
/// assert!(RetryClass::AfterRefresh.needs_refresh());
/// assert_eq!(RetryClass::parse("after_refresh"), Some(RetryClass::AfterRefresh));
/// assert_eq!(RetryClass::from_retryable(false), RetryClass::Never);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RetryClass {
    /// Final: the client does not retry it.
    #[default]
    Never,
    /// Retried under the retry policy (`retryable = true`).
    Retryable,
    /// Retried once, whatever the method, after the client refreshed its
    /// credentials (`retry = "after_refresh"`); final for a client without a
    /// refresh hook.
    AfterRefresh,
}

impl RetryClass {
    /// Every class, in order.
    pub const ALL: [RetryClass; 3] = [
        RetryClass::Never,
        RetryClass::Retryable,
        RetryClass::AfterRefresh,
    ];

    /// `Retryable` or `Never`.
    pub const fn from_retryable(retryable: bool) -> RetryClass {
        if retryable {
            RetryClass::Retryable
        } else {
            RetryClass::Never
        }
    }

    /// Whether the retry policy retries it.
    pub const fn is_retryable(self) -> bool {
        matches!(self, RetryClass::Retryable)
    }

    /// Whether it is retried once after a credentials refresh.
    pub const fn needs_refresh(self) -> bool {
        matches!(self, RetryClass::AfterRefresh)
    }

    /// The spelling: `never`, `retryable`, `after_refresh` (the catalog's
    /// `retry = "after_refresh"`, the snapshots' and schemas' word).
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Never => "never",
            RetryClass::Retryable => "retryable",
            RetryClass::AfterRefresh => "after_refresh",
        }
    }

    /// The class spelled `text`, if any.
    pub fn parse(text: &str) -> Option<RetryClass> {
        RetryClass::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for RetryClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
