// A derived enum holding an error source cannot be rebuilt from a response: the
// compiler says why and what to decode into instead.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound { resource: String },
    InternalError {
        #[from]
        io: std::io::Error,
    },
}

fn main() {
    let _ = errors_runtime::decode::<ApiError>(b"{}");
}
