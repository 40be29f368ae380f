errors_runtime::catalog!("catalogs/message_only_lossy_spec.toml");

fn main() {}
