errors_runtime::catalog!("catalogs/many_problems.toml");

fn main() {}
