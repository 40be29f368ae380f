//! Time on the wire: the envelope's RFC 3339 [`Timestamp`], the `Retry-After`
//! header ([`RetryAfter`], whose HTTP-dates the `httpdate` crate reads), and the
//! calendar arithmetic timestamps need.

mod calendar;
pub(crate) mod retry_after;
pub(crate) mod timestamp;

pub use retry_after::RetryAfter;
pub use timestamp::Timestamp;
