// `#[catalog(default)]` only serves `#[from]`: on a variant without one it is an
// error, not a silent no-op.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub enum ApiError {
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound {
        #[catalog(default = "String::new()")]
        resource: String,
    },
    InternalError,
}

fn main() {}
