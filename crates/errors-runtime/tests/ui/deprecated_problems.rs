errors_runtime::catalog!("catalogs/deprecated_problems.toml");

fn main() {}
