// A subset names codes of the catalog only: a misspelt one is an error at that code.
errors_runtime::catalog!("catalogs/valid.toml");

api_error_subset!(pub Lookup = NOT_FOUND | RATE_LIMTED);

fn main() {}
