errors_runtime::catalog!("catalogs/valid.toml");

fn main() {
    let _ = ApiError::RateLimited {
        category: "read".into(),
        retry_after: "42",
    };
}
