errors_runtime::catalog!("catalogs/bad_format_spec.toml");

fn main() {}
