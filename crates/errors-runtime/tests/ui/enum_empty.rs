errors_runtime::catalog!("catalogs/enum_empty.toml");

fn main() {}
