//! A catalog with aliases, both forms of `deprecated` and `retry = "after_refresh"`
//! compiles without warnings; only naming a deprecated variant warns, and that is
//! allowed here on purpose.
#![deny(warnings)]

errors_runtime::catalog!("../catalogs/evolve.toml");

fn main() {
    let code: ApiErrorCode = "RATE_LIMITED".parse().unwrap();
    assert_eq!(code, ApiErrorCode::QuotaExceeded);
    assert_eq!(code.to_string(), "QUOTA_EXCEEDED");
    #[allow(deprecated)]
    let old = ApiError::OldThing;
    assert_eq!(old.status(), 410);
    assert!(!ApiError::TokenExpired.is_retryable());
}
