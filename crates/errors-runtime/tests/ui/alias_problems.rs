errors_runtime::catalog!("catalogs/alias_problems.toml");

fn main() {}
