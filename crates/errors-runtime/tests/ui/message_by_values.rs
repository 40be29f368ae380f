errors_runtime::catalog!("catalogs/message_by_values.toml");

fn main() {}
