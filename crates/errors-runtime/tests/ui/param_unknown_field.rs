errors_runtime::catalog!("catalogs/param_unknown_field.toml");

fn main() {}
