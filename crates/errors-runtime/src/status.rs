//! What an HTTP status alone says about an error.

/// 429 and 5xx: the statuses worth retrying when nothing more is known about an
/// error (no body, or a code this build does not know).
pub(crate) const fn is_retryable_status(status: u16) -> bool {
    status == 429 || (status >= 500 && status <= 599)
}
