// The catalog has an error; code that uses its types must not add a cascade of
// "cannot find type" errors: only the catalog's problem is reported.
errors_runtime::catalog!("catalogs/skeleton_no_cascade.toml");

fn describe(error: &ApiError) -> String {
    format!("{} {} {}", error.code(), error.status(), error)
}

fn main() {
    let error = ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
    };
    let _ = describe(&error);
    let _ = ApiErrorCode::NotFound;
    let _ = error.envelope();
}
