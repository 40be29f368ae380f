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
//! it (the default), the first retry waits exactly that long instead; a 429 after
//! that falls back to backoff.
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

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::decode::{Decoded, Received, UnknownError, status_is_retryable};
use crate::error::CatalogError;
use crate::meta::RetryConfig;
use crate::timestamp::{days_from_civil, days_in_month};

/// A source of random numbers for jitter.
///
/// Implemented by [`SplitMix64`] (the default) and by any `Fn() -> u64` closure, which
/// makes tests deterministic: `|| u64::MAX` always picks the longest delay, `|| 0`
/// the shortest.
pub trait RandomSource: Send + Sync {
    /// A uniformly distributed 64-bit number.
    fn next_u64(&self) -> u64;
}

impl<F: Fn() -> u64 + Send + Sync> RandomSource for F {
    fn next_u64(&self) -> u64 {
        self()
    }
}

/// The default random source: SplitMix64 on an atomic counter, so one generator can
/// be shared by every task without a lock.
///
/// It is fast and statistically good enough to spread retries out; it is **not**
/// cryptographic, and must not be used for anything secret.
///
/// ```
/// use errors_runtime::retry::{RandomSource, SplitMix64};
/// let a = SplitMix64::new(7);
/// let b = SplitMix64::new(7);
/// assert_eq!(a.next_u64(), b.next_u64()); // same seed, same sequence
/// ```
#[derive(Debug)]
pub struct SplitMix64 {
    state: AtomicU64,
}

impl SplitMix64 {
    const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

    /// A generator with a fixed seed: the same sequence every run.
    pub const fn new(seed: u64) -> Self {
        SplitMix64 {
            state: AtomicU64::new(seed),
        }
    }

    /// A generator seeded from the standard library's per-process random hash keys
    /// (`RandomState`), the clock and a counter: different in every process and for
    /// every call, with no extra dependency.
    pub fn from_entropy() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        if let Ok(now) = SystemTime::now().duration_since(UNIX_EPOCH) {
            hasher.write_u128(now.as_nanos());
        }
        hasher.write_u32(std::process::id());
        SplitMix64::new(hasher.finish())
    }
}

impl RandomSource for SplitMix64 {
    fn next_u64(&self) -> u64 {
        let mut z = self
            .state
            .fetch_add(Self::GAMMA, Ordering::Relaxed)
            .wrapping_add(Self::GAMMA);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A `Retry-After` header value (RFC 9110 section 10.2.3): a number of seconds, or an
/// HTTP-date.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use errors_runtime::retry::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("42"), Some(RetryAfter::Delay(Duration::from_secs(42))));
/// let date = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_747); // 08:49:07 that day
/// assert_eq!(date.delay_from(now), Duration::from_secs(30));
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `Retry-After: 120`
    Delay(Duration),
    /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a header value: delay-seconds (a run of digits; absurdly many saturate
    /// to `u64::MAX` seconds rather than fail), or an HTTP-date in any of the three
    /// formats RFC 9110 section 5.6.7 requires recipients to accept: IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`; two-digit years 70 to 99 are 19xx, the rest
    /// 20xx) and asctime (`Sun Nov  6 08:49:37 1994`). Surrounding whitespace is
    /// ignored; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim_matches([' ', '\t']);
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            let seconds = value.parse().unwrap_or(u64::MAX); // only digits: too big
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        parse_http_date(value).map(RetryAfter::Date)
    }

    /// How long to wait, seen from `now`; a date in the past is no wait.
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::Date(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }

    /// How long to wait from the current system time.
    pub fn delay(self) -> Duration {
        self.delay_from(SystemTime::now())
    }
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn parse_http_date(text: &str) -> Option<SystemTime> {
    let (year, month, day, time) = if let Some((name, rest)) = text.split_once(", ") {
        if DAYS.contains(&name) {
            // IMF-fixdate: 06 Nov 1994 08:49:37 GMT
            let mut parts = rest.split(' ');
            let day = digits(parts.next()?, 2)?;
            let month = month(parts.next()?)?;
            let year = digits(parts.next()?, 4)?;
            let time = parts.next()?;
            (parts.next()? == "GMT" && parts.next().is_none()).then_some(())?;
            (year, month, day, time)
        } else if LONG_DAYS.contains(&name) {
            // RFC 850: 06-Nov-94 08:49:37 GMT
            let (date, rest) = rest.split_once(' ')?;
            let time = rest.strip_suffix(" GMT")?;
            let mut parts = date.split('-');
            let day = digits(parts.next()?, 2)?;
            let month = month(parts.next()?)?;
            let yy = digits(parts.next()?, 2)?;
            parts.next().is_none().then_some(())?;
            let year = if yy >= 70 { 1900 + yy } else { 2000 + yy };
            (year, month, day, time)
        } else {
            return None;
        }
    } else {
        // asctime: Sun Nov  6 08:49:37 1994
        let b = text.as_bytes();
        if b.len() != 24 || !text.is_char_boundary(3) || !DAYS.contains(&&text[..3]) {
            return None;
        }
        if b[3] != b' ' || b[7] != b' ' || b[10] != b' ' || b[19] != b' ' {
            return None;
        }
        let month = month(text.get(4..7)?)?;
        let day = match text.get(8..10)? {
            d if d.starts_with(' ') => digits(&d[1..], 1)?,
            d => digits(d, 2)?,
        };
        (digits(text.get(20..)?, 4)?, month, day, text.get(11..19)?)
    };
    let t = time.as_bytes();
    if t.len() != 8 || t[2] != b':' || t[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        digits(&time[..2], 2)?,
        digits(&time[3..5], 2)?,
        digits(&time[6..], 2)?,
    );
    if day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let magnitude = Duration::from_secs(seconds.unsigned_abs());
    Some(if seconds >= 0 {
        UNIX_EPOCH + magnitude
    } else {
        UNIX_EPOCH - magnitude
    })
}

/// Exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn month(name: &str) -> Option<i64> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as i64 + 1)
}

/// What a failed attempt tells the retry policy (and the circuit breaker): whether it
/// may be retried, the HTTP status if there was a response, and how long the server
/// asked to wait.
///
/// ```
/// use std::time::Duration;
/// use errors_runtime::retry::Failure;
///
/// let f = Failure::from_response(503, Some("7"));
/// assert!(f.is_retryable());
/// assert_eq!(f.status(), Some(503));
/// assert_eq!(f.retry_after(), Some(Duration::from_secs(7)));
/// assert!(!Failure::from_status(400).is_retryable());
/// assert!(Failure::transport().is_retryable()); // no response at all
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Failure {
    retryable: bool,
    status: Option<u16>,
    retry_after: Option<Duration>,
}

impl Failure {
    /// A failure with no response, retryable or not.
    pub const fn new(retryable: bool) -> Self {
        Failure {
            retryable,
            status: None,
            retry_after: None,
        }
    }

    /// A request that got no response (connection refused or reset, timeout): worth
    /// retrying. Use `Failure::new(false)` for failures that are not.
    pub const fn transport() -> Self {
        Failure::new(true)
    }

    /// A response with `status` and nothing more known (no body, or one that did not
    /// decode): retryable when the status is 5xx or 429.
    pub const fn from_status(status: u16) -> Self {
        Failure {
            retryable: status == 429 || status >= 500 && status <= 599,
            status: Some(status),
            retry_after: None,
        }
    }

    /// A response with `status` and its `Retry-After` header value, if any (an
    /// HTTP-date counts from the current system time; a value that does not parse is
    /// ignored).
    pub fn from_response(status: u16, retry_after: Option<&str>) -> Self {
        Failure::from_response_at(status, retry_after, SystemTime::now())
    }

    /// [`Failure::from_response`] with an HTTP-date counted from `now`.
    pub fn from_response_at(status: u16, retry_after: Option<&str>, now: SystemTime) -> Self {
        Failure::from_status(status).with_retry_after(
            retry_after
                .and_then(RetryAfter::parse)
                .map(|after| after.delay_from(now)),
        )
    }

    /// Sets whether it may be retried.
    #[must_use]
    pub const fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Sets the HTTP status.
    #[must_use]
    pub const fn with_status(mut self, status: Option<u16>) -> Self {
        self.status = status;
        self
    }

    /// Sets how long the server asked to wait.
    #[must_use]
    pub const fn with_retry_after(mut self, delay: Option<Duration>) -> Self {
        self.retry_after = delay;
        self
    }

    /// Whether it may be retried.
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The HTTP status, if there was a response.
    pub const fn status(&self) -> Option<u16> {
        self.status
    }

    /// How long the server asked to wait.
    pub const fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

/// An error the retry policy and the circuit breaker can judge.
///
/// Implemented for every catalog error type, for [`Decoded`], [`Received`] and
/// [`UnknownError`], and for [`Failure`] itself. A client's own error type (say, a
/// transport error or a decoded error response) implements it by building a
/// [`Failure`]:
///
/// ```
/// use errors_runtime::retry::{AsFailure, Failure};
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// # use api::ApiError;
///
/// enum ClientError {
///     Connect(std::io::Error),
///     Api(errors_runtime::Decoded<ApiError>),
///     Undecodable { status: u16 },
/// }
///
/// impl AsFailure for ClientError {
///     fn as_failure(&self) -> Failure {
///         match self {
///             ClientError::Connect(_) => Failure::transport(),
///             ClientError::Api(decoded) => decoded.as_failure(),
///             ClientError::Undecodable { status } => Failure::from_status(*status),
///         }
///     }
/// }
/// ```
pub trait AsFailure {
    /// What this error tells the policy.
    fn as_failure(&self) -> Failure;
}

impl AsFailure for Failure {
    fn as_failure(&self) -> Failure {
        *self
    }
}

impl<E: CatalogError> AsFailure for E {
    /// The catalog's retryability and status, and the `Retry-After` field if any.
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.is_retryable(),
            status: Some(self.status()),
            retry_after: self.retry_after(),
        }
    }
}

impl<E: CatalogError> AsFailure for Decoded<E> {
    /// See [`Decoded::is_retryable`], [`Decoded::status`] and [`Decoded::retry_after`].
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.is_retryable(),
            status: self.status(),
            retry_after: self.retry_after(),
        }
    }
}

impl<E: CatalogError> AsFailure for Received<E> {
    fn as_failure(&self) -> Failure {
        match self {
            Received::Known(error) => error.as_failure(),
            Received::Unknown(error) => error.as_failure(),
        }
    }
}

impl AsFailure for UnknownError {
    /// Retryable only with a 5xx or 429 status.
    fn as_failure(&self) -> Failure {
        Failure {
            retryable: self.status().is_some_and(status_is_retryable),
            status: self.status(),
            retry_after: None,
        }
    }
}

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
    /// That was the last attempt the policy allows.
    AttemptsExhausted,
    /// The server asked to wait longer than [`RetryPolicy::with_max_retry_after`]
    /// allows.
    RetryAfterTooLong(Duration),
}

/// A retry policy: which failures to retry, how often, and how long to wait.
///
/// Cheap to clone (the random source is shared) and usable from many tasks at once.
/// See the [module documentation](self) for attempt numbering and the delays.
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
    honor_retry_after: bool,
    max_retry_after: Option<Duration>,
    random: Arc<dyn RandomSource>,
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("base", &self.base)
            .field("cap", &self.cap)
            .field("max_attempts", &self.max_attempts)
            .field("honor_retry_after", &self.honor_retry_after)
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
    /// The defaults: 1 s base, 30 s cap, 5 attempts, `Retry-After` honoured, a
    /// [`SplitMix64::from_entropy`] random source.
    pub fn new() -> Self {
        RetryPolicy::from_config(RetryConfig::default())
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
            max_retry_after: None,
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

    /// Whether the first retry of a 429 waits exactly its `Retry-After`.
    #[must_use]
    pub fn with_honor_retry_after(mut self, honor: bool) -> Self {
        self.honor_retry_after = honor;
        self
    }

    /// Gives up ([`GiveUp::RetryAfterTooLong`]) instead of honouring a `Retry-After`
    /// longer than `limit`. By default any `Retry-After` is honoured, as the spec asks.
    #[must_use]
    pub fn with_max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = Some(limit);
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

    /// Whether the first retry of a 429 waits exactly its `Retry-After`.
    pub fn honors_retry_after(&self) -> bool {
        self.honor_retry_after
    }

    /// Decides what to do after attempt `attempt` (1 for the first request) failed
    /// with `failure`: give up if it may not be retried or was the last attempt;
    /// wait exactly `Retry-After` if it is the first attempt, a 429 that carries
    /// one, and the policy honours it; otherwise wait [`RetryPolicy::backoff`].
    /// Attempt 0 counts as 1.
    pub fn decide<F: AsFailure + ?Sized>(&self, attempt: u32, failure: &F) -> RetryDecision {
        let attempt = attempt.max(1);
        let failure = failure.as_failure();
        if !failure.retryable {
            return RetryDecision::GiveUp(GiveUp::NotRetryable);
        }
        if attempt >= self.max_attempts {
            return RetryDecision::GiveUp(GiveUp::AttemptsExhausted);
        }
        if let Some(after) = failure.retry_after
            && self.honor_retry_after
            && attempt == 1
            && failure.status == Some(429)
        {
            return match self.max_retry_after {
                Some(limit) if after > limit => {
                    RetryDecision::GiveUp(GiveUp::RetryAfterTooLong(after))
                }
                _ => RetryDecision::Retry(after),
            };
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

/// Runs `operation` under `policy`: calls it with the attempt number (1, 2, ...),
/// returns its first success, and after each failure asks the policy and sleeps
/// (`tokio::time::sleep`) as it says, or returns the failure when it gives up.
///
/// The error type says how it failed through [`AsFailure`]: a catalog error, a
/// [`Decoded`] error response, a [`Failure`], or a client's own error type.
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
///         return Err(ClientError::Api(decode_response(503, body).expect("an error envelope")));
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
#[cfg(feature = "tokio")]
pub async fn retry<T, E, F, Fut>(policy: &RetryPolicy, mut operation: F) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: AsFailure,
{
    let mut attempt = 1;
    loop {
        let error = match operation(attempt).await {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        match policy.decide(attempt, &error) {
            RetryDecision::Retry(delay) => tokio::time::sleep(delay).await,
            RetryDecision::GiveUp(_) => return Err(error),
        }
        attempt = attempt.saturating_add(1);
    }
}
