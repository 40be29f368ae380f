errors_runtime::catalog!("catalogs/unknown_placeholder.toml");

fn main() {}
