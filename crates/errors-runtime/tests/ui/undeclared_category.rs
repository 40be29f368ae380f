errors_runtime::catalog!("catalogs/undeclared_category.toml");

fn main() {}
