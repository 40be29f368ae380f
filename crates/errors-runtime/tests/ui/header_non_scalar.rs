errors_runtime::catalog!("catalogs/header_non_scalar.toml");

fn main() {}
