// The catalog has an error; code that uses its types must not add a cascade of
// "cannot find type" or "trait bound not satisfied" errors: only the catalog's
// problem is reported.
errors_runtime::catalog!("catalogs/skeleton_no_cascade.toml");

fn describe(error: &ApiError) -> String {
    format!("{} {} {}", error.code(), error.status(), error)
}

fn generic<E: errors_runtime::CatalogError>(error: &E) -> u16 {
    error.status()
}

fn main() {
    let error = ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
    };
    let _ = describe(&error);
    let _ = generic(&error);
    let _ = ApiErrorCode::NotFound;
    let _ = error.envelope().request_id("req_1").to_json();
    let _: Option<ApiErrorCode> = serde_json::from_str("\"NOT_FOUND\"").ok();
    let _ = serde_json::to_string(&ApiErrorCode::NotFound);
    let _ = errors_runtime::decode::<ApiError>(b"{}");
}
