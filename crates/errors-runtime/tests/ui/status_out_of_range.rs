errors_runtime::catalog!("catalogs/status_out_of_range.toml");

fn main() {}
