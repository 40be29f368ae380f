#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimit { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
    InternalError,
}

fn main() {}
