errors_runtime::catalog!("catalogs/enum_values_misc.toml");

fn main() {}
