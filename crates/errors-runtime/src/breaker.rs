//! A circuit breaker (SPEC section 6, seed 002): after a run of consecutive retryable
//! failures, stop calling the service for a while, then let a few trial requests
//! through to see whether it has recovered.
//!
//! - **Closed** (normal): every request goes through. `failure_threshold`
//!   consecutive retryable failures open the circuit.
//! - **Open**: every request is refused at once, for `open` time.
//! - **Half-open** (after that time): up to `half_open_requests` trial requests go
//!   through, the rest are refused. When all of them succeed the circuit closes; any
//!   failure opens it again for another period.
//!
//! Only failures that [may be retried](crate::retry::Failure::is_retryable) count:
//! a 404 or 422 shows that the service is up and answering, so it counts as a success
//! for the circuit.
//!
//! A breaker is shared by every task calling one service: its methods take `&self`,
//! and it is `Send + Sync` (put it in an `Arc` or a `static`). Each request asks for a
//! [`Permit`] and reports its outcome on it.
//!
//! ```
//! use std::time::Duration;
//! use errors_runtime::breaker::{CircuitBreaker, CircuitState, ManualClock};
//! use errors_runtime::retry::Failure;
//!
//! let clock = ManualClock::new();
//! let breaker = CircuitBreaker::new()
//!     .with_failure_threshold(2)
//!     .with_open_duration(Duration::from_secs(30))
//!     .with_clock(clock.clone());
//!
//! for _ in 0..2 {
//!     let permit = breaker.try_acquire().unwrap();
//!     permit.record(&Failure::from_status(503)); // the request failed with a 503
//! }
//! assert_eq!(breaker.state(), CircuitState::Open);
//! assert!(breaker.try_acquire().is_err());
//!
//! clock.advance(Duration::from_secs(30));
//! let trial = breaker.try_acquire().unwrap(); // half-open: one trial request
//! assert!(breaker.try_acquire().is_err());    // and no more
//! trial.success();
//! assert_eq!(breaker.state(), CircuitState::Closed);
//! ```

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::error::CatalogError;
use crate::meta::CircuitBreakerConfig;
use crate::retry::AsFailure;

/// A monotonic clock: the time elapsed since some fixed origin, never going back.
///
/// Implemented by [`MonotonicClock`] (the default, on [`Instant`]), by
/// [`ManualClock`] for tests, and by any `Fn() -> Duration` closure.
pub trait Clock: Send + Sync {
    /// The time since the clock's origin.
    fn now(&self) -> Duration;
}

impl<F: Fn() -> Duration + Send + Sync> Clock for F {
    fn now(&self) -> Duration {
        self()
    }
}

/// The default clock: [`Instant`], measured from when the clock was made.
#[derive(Debug, Clone, Copy)]
pub struct MonotonicClock {
    origin: Instant,
}

impl MonotonicClock {
    /// A clock whose origin is now.
    pub fn new() -> Self {
        MonotonicClock {
            origin: Instant::now(),
        }
    }
}

impl Default for MonotonicClock {
    fn default() -> Self {
        MonotonicClock::new()
    }
}

impl Clock for MonotonicClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// A clock that moves only when told to, for tests. Clones share the time.
///
/// ```
/// use std::time::Duration;
/// use errors_runtime::breaker::{Clock, ManualClock};
/// let clock = ManualClock::new();
/// let shared = clock.clone();
/// clock.advance(Duration::from_millis(1500));
/// assert_eq!(shared.now(), Duration::from_millis(1500));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    nanos: Arc<AtomicU64>,
}

impl ManualClock {
    /// A clock at time zero.
    pub fn new() -> Self {
        ManualClock::default()
    }

    /// Moves the time forward by `by` (saturating at about 584 years).
    pub fn advance(&self, by: Duration) {
        let by = u64::try_from(by.as_nanos()).unwrap_or(u64::MAX);
        // fetch_update never fails with a closure that always returns Some.
        let _ = self
            .nanos
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(by))
            });
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_nanos(self.nanos.load(Ordering::SeqCst))
    }
}

/// The state of a circuit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CircuitState {
    /// Requests go through.
    Closed,
    /// Requests are refused.
    Open,
    /// Trial requests go through to test whether the service has recovered.
    HalfOpen,
}

/// A circuit breaker. See the [module documentation](self).
pub struct CircuitBreaker {
    failure_threshold: u32,
    open_for: Duration,
    half_open_requests: u32,
    clock: Arc<dyn Clock>,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    phase: Phase,
    /// Changes with every state transition, so that outcomes of requests let through
    /// before it are ignored.
    generation: u64,
}

#[derive(Debug, Clone, Copy)]
enum Phase {
    Closed { failures: u32 },
    Open { until: Duration },
    HalfOpen { admitted: u32, succeeded: u32 },
}

impl fmt::Debug for CircuitBreaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CircuitBreaker")
            .field("failure_threshold", &self.failure_threshold)
            .field("open_for", &self.open_for)
            .field("half_open_requests", &self.half_open_requests)
            .field("inner", &*self.lock())
            .finish_non_exhaustive()
    }
}

impl Default for CircuitBreaker {
    fn default() -> Self {
        CircuitBreaker::new()
    }
}

impl CircuitBreaker {
    /// The defaults: open after 5 consecutive retryable failures, for 30 s, then 1
    /// trial request; the [`MonotonicClock`].
    pub fn new() -> Self {
        CircuitBreaker::from_config(CircuitBreakerConfig::DEFAULT)
    }

    /// The breaker the catalog of `E` documents in its `[circuit_breaker]` table.
    pub fn for_catalog<E: CatalogError>() -> Self {
        CircuitBreaker::from_config(E::CATALOG.circuit_breaker)
    }

    /// The breaker of a `[circuit_breaker]` table. Zero counts are taken as 1.
    pub fn from_config(config: CircuitBreakerConfig) -> Self {
        CircuitBreaker {
            failure_threshold: config.failure_threshold.max(1),
            open_for: Duration::from_millis(config.open_ms),
            half_open_requests: config.half_open_requests.max(1),
            clock: Arc::new(MonotonicClock::new()),
            inner: Mutex::new(Inner {
                phase: Phase::Closed { failures: 0 },
                generation: 0,
            }),
        }
    }

    /// Sets how many consecutive retryable failures open the circuit (0 counts as 1).
    #[must_use]
    pub fn with_failure_threshold(mut self, failures: u32) -> Self {
        self.failure_threshold = failures.max(1);
        self
    }

    /// Sets how long the circuit stays open.
    #[must_use]
    pub fn with_open_duration(mut self, open: Duration) -> Self {
        self.open_for = open;
        self
    }

    /// Sets how many trial requests go through while half-open, all of which must
    /// succeed to close the circuit (0 counts as 1).
    #[must_use]
    pub fn with_half_open_requests(mut self, requests: u32) -> Self {
        self.half_open_requests = requests.max(1);
        self
    }

    /// Sets the clock, e.g. a [`ManualClock`] in tests.
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Consecutive retryable failures that open the circuit.
    pub fn failure_threshold(&self) -> u32 {
        self.failure_threshold
    }

    /// How long the circuit stays open.
    pub fn open_duration(&self) -> Duration {
        self.open_for
    }

    /// Trial requests let through while half-open.
    pub fn half_open_requests(&self) -> u32 {
        self.half_open_requests
    }

    /// The current state (an open circuit whose time is up is half-open).
    pub fn state(&self) -> CircuitState {
        let mut inner = self.lock();
        self.refresh(&mut inner);
        match inner.phase {
            Phase::Closed { .. } => CircuitState::Closed,
            Phase::Open { .. } => CircuitState::Open,
            Phase::HalfOpen { .. } => CircuitState::HalfOpen,
        }
    }

    /// Asks to make a request: a [`Permit`] to report its outcome on, or
    /// [`CircuitOpen`] when the circuit refuses it.
    pub fn try_acquire(&self) -> Result<Permit<'_>, CircuitOpen> {
        let mut inner = self.lock();
        let now = self.refresh(&mut inner);
        let generation = inner.generation;
        let trial = match &mut inner.phase {
            Phase::Closed { .. } => false,
            Phase::Open { until } => {
                return Err(CircuitOpen {
                    retry_in: Some(until.saturating_sub(now)),
                });
            }
            Phase::HalfOpen { admitted, .. } if *admitted >= self.half_open_requests => {
                return Err(CircuitOpen { retry_in: None });
            }
            Phase::HalfOpen { admitted, .. } => {
                *admitted += 1;
                true
            }
        };
        Ok(Permit {
            breaker: self,
            generation,
            trial,
            reported: false,
        })
    }

    /// Closes the circuit and forgets all failures.
    pub fn reset(&self) {
        let mut inner = self.lock();
        Self::enter(&mut inner, Phase::Closed { failures: 0 });
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Nothing panics while the lock is held; a poisoned state is still consistent.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves an open circuit whose time is up to half-open; returns the time.
    fn refresh(&self, inner: &mut Inner) -> Duration {
        let now = self.clock.now();
        if let Phase::Open { until } = inner.phase
            && now >= until
        {
            Self::enter(
                inner,
                Phase::HalfOpen {
                    admitted: 0,
                    succeeded: 0,
                },
            );
        }
        now
    }

    fn enter(inner: &mut Inner, phase: Phase) {
        inner.phase = phase;
        inner.generation = inner.generation.wrapping_add(1);
    }

    fn open(&self, inner: &mut Inner) {
        let now = self.clock.now();
        let until = now.checked_add(self.open_for).unwrap_or(Duration::MAX);
        Self::enter(inner, Phase::Open { until });
    }

    fn report(&self, generation: u64, trial: bool, outcome: Outcome) {
        let mut inner = self.lock();
        if inner.generation != generation {
            return; // let through before the last transition: no longer relevant
        }
        match (&mut inner.phase, outcome) {
            (Phase::Closed { failures }, Outcome::Success) => *failures = 0,
            (Phase::Closed { failures }, Outcome::Failure) => {
                *failures = failures.saturating_add(1);
                if *failures >= self.failure_threshold {
                    self.open(&mut inner);
                }
            }
            (Phase::HalfOpen { succeeded, .. }, Outcome::Success) => {
                *succeeded += 1;
                if *succeeded >= self.half_open_requests {
                    Self::enter(&mut inner, Phase::Closed { failures: 0 });
                }
            }
            (Phase::HalfOpen { .. }, Outcome::Failure) => self.open(&mut inner),
            (Phase::HalfOpen { admitted, .. }, Outcome::Abandoned) if trial => {
                *admitted = admitted.saturating_sub(1);
            }
            (_, Outcome::Abandoned) | (Phase::Open { .. }, _) => {}
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Success,
    Failure,
    /// Dropped without a report: frees its half-open trial slot.
    Abandoned,
}

/// Leave to make one request through a [`CircuitBreaker`]; report how it went with
/// [`Permit::record`], [`Permit::success`] or [`Permit::failure`].
///
/// A permit dropped without a report (say, a cancelled request) counts for nothing,
/// and gives its trial slot back if the circuit is half-open. Outcomes reported after
/// the circuit changed state since the permit was granted are ignored.
#[must_use = "report the request's outcome on the permit"]
pub struct Permit<'a> {
    breaker: &'a CircuitBreaker,
    generation: u64,
    trial: bool,
    reported: bool,
}

impl fmt::Debug for Permit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Permit")
            .field("generation", &self.generation)
            .field("trial", &self.trial)
            .finish_non_exhaustive()
    }
}

impl Permit<'_> {
    /// Whether this is a trial request of a half-open circuit.
    pub fn is_trial(&self) -> bool {
        self.trial
    }

    /// The request succeeded (or failed in a way that shows the service is up).
    pub fn success(mut self) {
        self.finish(Outcome::Success);
    }

    /// The request failed in a way that counts against the service: a retryable
    /// failure (5xx, 429, timeout, connection error).
    pub fn failure(mut self) {
        self.finish(Outcome::Failure);
    }

    /// The request failed with `error`: a failure for the circuit if it may be
    /// retried, otherwise a success (the service answered).
    pub fn record<F: AsFailure + ?Sized>(mut self, error: &F) {
        let outcome = if error.as_failure().is_retryable() {
            Outcome::Failure
        } else {
            Outcome::Success
        };
        self.finish(outcome);
    }

    /// Reports a request's result: `Ok` is a success, `Err` as [`Permit::record`].
    pub fn record_result<T, E: AsFailure>(self, result: &Result<T, E>) {
        match result {
            Ok(_) => self.success(),
            Err(error) => self.record(error),
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        self.reported = true;
        self.breaker.report(self.generation, self.trial, outcome);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.reported {
            self.breaker
                .report(self.generation, self.trial, Outcome::Abandoned);
        }
    }
}

/// A request refused because the circuit is open, or half-open with all its trial
/// requests in flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CircuitOpen {
    retry_in: Option<Duration>,
}

impl CircuitOpen {
    /// How long until the circuit lets a trial request through; `None` when it is
    /// half-open and waiting for the trial requests in flight.
    pub fn retry_in(&self) -> Option<Duration> {
        self.retry_in
    }
}

impl fmt::Display for CircuitOpen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.retry_in {
            Some(wait) => write!(
                f,
                "the circuit is open: requests are refused for another {wait:?}"
            ),
            None => f.write_str("the circuit is half-open and its trial requests are in flight"),
        }
    }
}

impl std::error::Error for CircuitOpen {}
