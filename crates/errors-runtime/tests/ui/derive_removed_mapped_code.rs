// A variant mapped to a code the catalog no longer has.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/booking.toml")]
pub enum BookingError {
    SessionFull { session_id: String, capacity: u32 },
    Unauthorized,
    NotFound { id: String },
    #[catalog(code = "WAITLIST_CLOSED")]
    Closed,
}

fn main() {}
