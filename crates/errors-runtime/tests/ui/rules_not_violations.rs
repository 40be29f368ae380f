errors_runtime::catalog!("catalogs/rules_not_violations.toml");

fn main() {}
