errors_runtime::catalog!("catalogs/duplicate_wire_name.toml");

fn main() {}
