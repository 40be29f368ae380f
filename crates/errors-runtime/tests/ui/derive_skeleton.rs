// A derived enum that lacks a code of the catalog: the derive's error is the only
// one, although code calls the methods the derive would have generated.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
}

fn main() {
    let error = ApiError::NotFound { resource: "user".into() };
    let _ = (error.status(), error.code(), error.is_retryable(), error.retry_after());
    let _ = error.envelope().request_id("req_1").to_json();
    let _ = ApiErrorCode::InternalError.status();
    let _ = ApiError::catalog();
    let _ = format!("{error}");
}
