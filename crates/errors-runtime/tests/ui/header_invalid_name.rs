errors_runtime::catalog!("catalogs/header_invalid_name.toml");

fn main() {}
