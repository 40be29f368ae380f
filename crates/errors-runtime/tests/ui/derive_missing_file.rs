#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/nope.toml")]
pub enum ApiError {
    NotFound,
}

fn main() {}
