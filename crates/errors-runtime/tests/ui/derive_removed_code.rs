// A variant whose code was removed from the catalog: remove or remap the variant,
// naming the catalog file.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/booking.toml")]
pub enum BookingError {
    SessionFull { session_id: String, capacity: u32 },
    Unauthorized,
    NotFound { id: String },
    WaitlistClosed { waitlist_id: String },
}

fn main() {}
