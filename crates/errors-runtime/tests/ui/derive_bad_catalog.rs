#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/unknown_placeholder.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64 },
}

fn main() {}
