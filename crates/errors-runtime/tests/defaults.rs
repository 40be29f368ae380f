//! The retry and circuit-breaker defaults are written once, in `meta`, and a catalog
//! without `[retry]` or `[circuit_breaker]` tables gets exactly them.

use std::time::Duration;

use errors_runtime::CatalogError;
use errors_runtime::breaker::CircuitBreaker;
use errors_runtime::meta::{CircuitBreakerConfig, RetryConfig};
use errors_runtime::retry::RetryPolicy;

mod nested {
    // No [retry] and no [circuit_breaker] table.
    errors_runtime::catalog!("tests/catalogs/nested.toml");
}
use nested::SessionApiError;

#[test]
fn the_defaults_are_those_of_the_spec() {
    let retry = RetryConfig::DEFAULT;
    assert_eq!(
        (
            retry.max_attempts,
            retry.base_delay_ms,
            retry.max_delay_ms,
            retry.honor_retry_after
        ),
        (
            5,
            1000,
            30_000,
            errors_runtime::meta::HonorRetryAfter::FirstRetry
        )
    );
    let breaker = CircuitBreakerConfig::DEFAULT;
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
fn default_impls_are_the_consts() {
    assert_eq!(RetryConfig::default(), RetryConfig::DEFAULT);
    assert_eq!(
        CircuitBreakerConfig::default(),
        CircuitBreakerConfig::DEFAULT
    );
}

#[test]
fn a_catalog_without_tables_gets_the_defaults() {
    assert_eq!(SessionApiError::CATALOG.retry, RetryConfig::DEFAULT);
    assert_eq!(
        SessionApiError::CATALOG.circuit_breaker,
        CircuitBreakerConfig::DEFAULT
    );
}

#[test]
fn policies_built_without_a_catalog_use_the_defaults() {
    let policy = RetryPolicy::new();
    let retry = RetryConfig::DEFAULT;
    assert_eq!(
        policy.base_delay(),
        Duration::from_millis(retry.base_delay_ms)
    );
    assert_eq!(
        policy.max_delay(),
        Duration::from_millis(retry.max_delay_ms)
    );
    assert_eq!(policy.max_attempts(), retry.max_attempts);
    assert_eq!(policy.retry_after_rule(), retry.honor_retry_after);
    let breaker = CircuitBreaker::new();
    let config = CircuitBreakerConfig::DEFAULT;
    assert_eq!(
        (
            breaker.failure_threshold(),
            breaker.open_duration(),
            breaker.half_open_requests()
        ),
        (
            config.failure_threshold,
            Duration::from_millis(config.open_ms),
            config.half_open_requests
        )
    );
}
