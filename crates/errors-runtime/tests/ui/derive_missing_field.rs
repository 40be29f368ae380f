#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { limit: Option<u32> },
    NotFound { resource: String },
    InternalError,
}

fn main() {}
