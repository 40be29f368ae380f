errors_runtime::catalog!("catalogs/retry_zero_attempts.toml");

fn main() {}
