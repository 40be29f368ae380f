errors_runtime::catalog!("catalogs/retry_problems.toml");

fn main() {}
