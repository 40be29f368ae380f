errors_runtime::catalog!("catalogs/wrong_type.toml");

fn main() {}
