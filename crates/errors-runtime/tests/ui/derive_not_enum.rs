#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/derive.toml")]
pub struct ApiError {
    code: String,
}

fn main() {}
