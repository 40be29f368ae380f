errors_runtime::catalog!("catalogs/bad_field_name.toml");

fn main() {}
