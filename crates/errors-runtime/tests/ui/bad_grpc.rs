errors_runtime::catalog!("catalogs/bad_grpc.toml");

fn main() {}
