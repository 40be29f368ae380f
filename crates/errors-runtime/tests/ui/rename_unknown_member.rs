errors_runtime::catalog!("catalogs/rename_unknown_member.toml");

fn main() {}
