errors_runtime::catalog!("catalogs/missing_include.toml");

fn main() {}
