errors_runtime::catalog!("catalogs/retry_cap_below_base.toml");

fn main() {}
