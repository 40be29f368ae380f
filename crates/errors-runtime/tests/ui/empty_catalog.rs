errors_runtime::catalog!("catalogs/empty_catalog.toml");

fn main() {}
