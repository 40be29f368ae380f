errors_runtime::catalog!("catalogs/unknown_detail_type.toml");

fn main() {}
