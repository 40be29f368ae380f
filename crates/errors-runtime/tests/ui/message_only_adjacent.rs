errors_runtime::catalog!("catalogs/message_only_adjacent.toml");

fn main() {}
