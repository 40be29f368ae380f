#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound {
        resource: String,
        #[from]
        source: std::io::Error,
    },
    InternalError,
}

fn main() {}
