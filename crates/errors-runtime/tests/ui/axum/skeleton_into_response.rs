// With the `axum` feature, a broken catalog's types still implement `IntoResponse`:
// a handler returning them adds no error of its own.
errors_runtime::catalog!("../catalogs/skeleton_no_cascade.toml");

fn respond<R: axum_core::response::IntoResponse>(response: R) -> axum_core::response::Response {
    response.into_response()
}

fn main() {
    let _ = respond(ApiError::NotFound);
}
