errors_runtime::catalog!("catalogs/breaker_zero.toml");

fn main() {}
