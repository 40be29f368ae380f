#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: Option<u64>, limit: u32 },
    NotFound { resource: String },
    InternalError,
}

fn main() {}
