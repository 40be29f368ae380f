//! Random numbers for the jitter of backoff delays: fast, shared without a lock,
//! replaceable in tests; not for anything that must stay unguessable.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

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
