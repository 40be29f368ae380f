errors_runtime::catalog!("catalogs/does_not_exist.toml");

fn main() {}
