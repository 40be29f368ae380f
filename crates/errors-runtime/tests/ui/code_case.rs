errors_runtime::catalog!("catalogs/code_case.toml");

fn main() {}
