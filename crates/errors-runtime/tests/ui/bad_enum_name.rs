errors_runtime::catalog!("catalogs/bad_enum_name.toml");

fn main() {}
