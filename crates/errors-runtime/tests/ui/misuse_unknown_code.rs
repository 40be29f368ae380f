errors_runtime::catalog!("catalogs/valid.toml");

fn main() {
    let _ = ApiErrorCode::RATE_LIMITED;
}
