// A handler whose error type is a subset cannot return a code outside it.
errors_runtime::catalog!("catalogs/valid.toml");

api_error_subset!(pub Lookup = NOT_FOUND);

fn find(id: &str) -> Result<(), Lookup> {
    if id.is_empty() {
        return Err(Lookup::RateLimited { category: "read".into(), retry_after: 1 });
    }
    Err(Lookup::NotFound)
}

fn main() {
    let _ = find("x");
}
