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
    /// How a 429's `Retry-After` is honoured (default: exactly, on the first retry).
    pub honor_retry_after: HonorRetryAfter,
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
        max_retry_after_ms: 300_000,
    };
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
    fn honor_retry_after_spellings_are_toml() {
        let spelled = HonorRetryAfter::ALL.map(HonorRetryAfter::as_str);
        assert_eq!(spelled, ["false", "true", "\"always\""]);
    }
}
