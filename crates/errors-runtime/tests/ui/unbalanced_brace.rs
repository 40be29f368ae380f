errors_runtime::catalog!("catalogs/unbalanced_brace.toml");

fn main() {}
