errors_runtime::catalog!("catalogs/toml_syntax.toml");

fn main() {}
