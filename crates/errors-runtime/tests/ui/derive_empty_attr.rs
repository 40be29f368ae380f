// `#[catalog()]` with nothing inside is an error where it is written, on the enum,
// a variant or a field: never a silent no-op.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog()]
pub enum ApiError {
    #[catalog()]
    RateLimited { retry_after: u64, limit: Option<u32> },
    NotFound {
        #[catalog()]
        resource: String,
    },
    InternalError,
}

fn main() {}
