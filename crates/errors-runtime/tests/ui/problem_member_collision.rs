errors_runtime::catalog!("catalogs/problem_member_collision.toml");

fn main() {}
