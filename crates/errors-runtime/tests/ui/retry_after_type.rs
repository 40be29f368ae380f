errors_runtime::catalog!("catalogs/retry_after_type.toml");

fn main() {}
