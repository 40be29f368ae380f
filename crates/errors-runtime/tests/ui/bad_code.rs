errors_runtime::catalog!("catalogs/bad_code.toml");

fn main() {}
