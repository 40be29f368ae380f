errors_runtime::catalog!("catalogs/enum_bad_value.toml");

fn main() {}
