// A field of the wrong type is reported once, at the field; the methods still
// exist, and nothing else is reported.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: String, limit: Option<u32> },
    NotFound { resource: String },
    InternalError,
}

fn main() {
    let error = ApiError::InternalError;
    let _ = (error.status(), error.envelope().to_json(), format!("{error}"));
}
