errors_runtime::catalog!("catalogs/rename_same_key.toml");

fn main() {}
