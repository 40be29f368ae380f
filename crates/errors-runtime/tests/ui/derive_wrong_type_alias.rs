type Seconds = u32;

#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: Seconds, limit: Option<u32> },
    NotFound { resource: String },
    InternalError,
}

fn main() {}
