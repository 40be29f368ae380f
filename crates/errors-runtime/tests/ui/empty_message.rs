errors_runtime::catalog!("catalogs/empty_message.toml");

fn main() {}
