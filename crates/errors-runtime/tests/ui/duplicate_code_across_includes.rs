errors_runtime::catalog!("catalogs/duplicate_code_across_includes.toml");

fn main() {}
