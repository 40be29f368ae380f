#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
    InternalError {
        #[source]
        io: std::io::Error,
        #[source]
        fmt: std::fmt::Error,
    },
}

fn main() {}
