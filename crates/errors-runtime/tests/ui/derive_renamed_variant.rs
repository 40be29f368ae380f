// A variant renamed in Rust only: one problem, at the variant, linked to the code
// left without a variant (same fields), with both fixes.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/booking.toml")]
pub enum BookingError {
    SessionAtCapacity { session_id: String, capacity: u32 },
    Unauthorized,
    NotFound { id: String },
}

fn main() {}
