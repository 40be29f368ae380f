errors_runtime::catalog!("catalogs/header_only_string.toml");

fn main() {}
