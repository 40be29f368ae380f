errors_runtime::catalog!("catalogs/locale_placeholders.toml");

fn main() {}
