#[derive(Debug, errors_runtime::Catalog)]
pub enum ApiError {
    NotFound,
}

fn main() {}
