// A catalog with one mistake, and code that uses every public item of the expansion:
// only the catalog's problem is reported, no "cannot find" or "no method" cascade.
errors_runtime::catalog!("catalogs/skeleton_no_cascade.toml");

use std::str::FromStr;

use errors_runtime::{CatalogError, Decode, ErrorCode};

fn generic<E: CatalogError + Decode>(error: &E) -> u16 {
    error.status()
}

fn main() {
    let error = ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
    };
    let _ = (error.code(), error.status(), error.is_retryable());
    let _ = (error.retry_after(), error.param(), error.meta().code);
    let _ = ApiError::catalog().errors.len();
    let _ = format!("{error} {error:?}");
    let _ = error.clone() == error;
    let _ = generic(&error);
    let _ = error.envelope().request_id("req_1").to_json();
    let code: ApiErrorCode = ApiErrorCode::NotFound;
    let _ = (code.as_str(), code.status(), code.is_retryable(), code.meta());
    let _ = ApiErrorCode::ALL.len() + <ApiErrorCode as ErrorCode>::ALL.len();
    let _ = ApiErrorCode::from_str("NOT_FOUND");
    let _: Result<ApiErrorCode, _> = "NOT_FOUND".parse();
    let _ = format!("{code} {code:?}");
    let _: Option<ApiErrorCode> = serde_json::from_str("\"NOT_FOUND\"").ok();
    let _ = serde_json::to_string(&code);
    let _ = errors_runtime::decode::<ApiError>(b"{}");
    let _ = <ApiError as Decode>::from_wire;
    let _: &dyn std::error::Error = &error;
}
