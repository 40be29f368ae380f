errors_runtime::catalog!("catalogs/include_cycle.toml");

fn main() {}
