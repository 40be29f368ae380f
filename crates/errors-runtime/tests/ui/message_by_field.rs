errors_runtime::catalog!("catalogs/message_by_field.toml");

fn main() {}
