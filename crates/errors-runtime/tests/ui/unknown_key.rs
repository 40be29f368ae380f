errors_runtime::catalog!("catalogs/unknown_key.toml");

fn main() {}
