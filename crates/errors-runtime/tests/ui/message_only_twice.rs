errors_runtime::catalog!("catalogs/message_only_twice.toml");

fn main() {}
