errors_runtime::catalog!("catalogs/header_representation.toml");

fn main() {}
