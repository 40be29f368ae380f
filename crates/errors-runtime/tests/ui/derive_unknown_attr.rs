#[derive(Debug, errors_runtime::Catalog)]
#[catalog(paht = "catalogs/derive.toml")]
pub enum ApiError {
    NotFound,
}

fn main() {}
