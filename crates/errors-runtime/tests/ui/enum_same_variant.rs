errors_runtime::catalog!("catalogs/enum_same_variant.toml");

fn main() {}
