// A misspelt variant: "did you mean", and the code is not reported missing too.
#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "catalogs/booking.toml")]
pub enum BookingError {
    SessionFull { session_id: String, capacity: u32 },
    Unauthorised,
    NotFound { id: String },
}

fn main() {}
