errors_runtime::catalog!("catalogs/enum_name_clash.toml");

fn main() {}
