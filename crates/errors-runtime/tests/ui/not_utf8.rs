errors_runtime::catalog!("catalogs/not_utf8.toml");

fn main() {}
