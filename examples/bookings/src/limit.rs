//! The service-wide request limit: [`tower_governor`], a rate-limiting middleware
//! that knows nothing of the catalog. Its refusal is a bare `429` with `Retry-After`
//! and `X-RateLimit-After` headers; [`CatalogLayer`](errors_runtime::axum::CatalogLayer),
//! outside it, answers that with the catalog's `TOO_MANY_REQUESTS`, which the
//! bundled catalog's `[http.status]` names for a bare 429 and fills from those
//! headers.
//!
//! It sits beside the per-key limit of the service (`RATE_LIMITED`, made by the
//! service itself with the endpoint class): this one protects the process as a
//! whole, whoever calls.

use std::time::Duration;

use axum::Router;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::GlobalKeyExtractor;

/// A token bucket shared by every request: `size` requests at once, one more each
/// `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Burst {
    /// How long the bucket takes to regain one request.
    pub per: Duration,
    /// How many requests it holds (at least 1).
    pub size: u32,
}

impl Default for Burst {
    /// 1,000 requests at once, 1,000 a second after that.
    fn default() -> Self {
        Burst {
            per: Duration::from_millis(1),
            size: 1000,
        }
    }
}

/// `router` behind the governor of `burst`: one global key (every caller shares the
/// bucket, so it works the same over loopback and behind a proxy). Its 429 says
/// `Retry-After` and `X-RateLimit-After`; its `use_headers` is left off, as its
/// `X-RateLimit-Limit` and `-Remaining` on every success would overwrite those of
/// the per-key limit, the ones a caller acts on. A zero `per` or `size` limits
/// nothing.
pub(crate) fn limited(router: Router, burst: Burst) -> Router {
    let config = GovernorConfigBuilder::default()
        .period(burst.per)
        .burst_size(burst.size)
        .key_extractor(GlobalKeyExtractor)
        .finish();
    match config {
        Some(config) => router.layer(GovernorLayer::new(config)),
        None => router,
    }
}
