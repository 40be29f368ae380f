errors_runtime::catalog!("catalogs/internal_placeholder.toml");

fn main() {}
