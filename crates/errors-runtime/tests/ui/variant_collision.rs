errors_runtime::catalog!("catalogs/variant_collision.toml");

fn main() {}
