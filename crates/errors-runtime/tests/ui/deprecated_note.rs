#![deny(deprecated)]

errors_runtime::catalog!("catalogs/evolve.toml");

fn main() {
    let _ = ApiError::OldThing;
    let _ = ApiErrorCode::OldNote;
}
