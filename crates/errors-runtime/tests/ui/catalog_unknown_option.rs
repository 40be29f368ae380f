errors_runtime::catalog!("catalogs/valid.toml", krate = errors_runtime);

fn main() {}
