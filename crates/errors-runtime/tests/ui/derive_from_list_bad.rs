// `#[from(...)]` lists types, each optionally routed by a function.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
    InternalError {
        #[from(std::io::Error, => classify)]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

fn main() {}
