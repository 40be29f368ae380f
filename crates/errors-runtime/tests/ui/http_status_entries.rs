errors_runtime::catalog!("catalogs/http_status_entries.toml");

fn main() {}
