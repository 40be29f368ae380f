#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml", crate = "not a path")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
    InternalError,
}

fn main() {}
