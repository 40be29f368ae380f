#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound(String),
    InternalError,
}

fn main() {}
