//! Response headers that belong to a body, not to an error: the axum layer drops
//! them when it replaces a body, and the catalog refuses them as a field's
//! `header` (SPEC 9.1).

/// The headers that describe a body's representation, lowercase: they would lie
/// about a body the layer wrote. `Vary` is about the request and is not one.
pub const REPRESENTATION_HEADERS: [&str; 8] = [
    "content-encoding",
    "content-range",
    "content-language",
    "content-location",
    "content-disposition",
    "etag",
    "last-modified",
    "digest",
];

/// Whether a header of this name (any case) frames or describes the body:
/// `Content-Type`, `Content-Length` or one of [`REPRESENTATION_HEADERS`]; no detail
/// field may be sent in one.
///
/// ```
/// use errors_vocab::describes_body;
/// assert!(describes_body("Content-Type"));
/// assert!(describes_body("ETag"));
/// assert!(!describes_body("Vary"));
/// assert!(!describes_body("Retry-After"));
/// ```
pub fn describes_body(name: &str) -> bool {
    name.eq_ignore_ascii_case("content-type")
        || name.eq_ignore_ascii_case("content-length")
        || REPRESENTATION_HEADERS
            .iter()
            .any(|h| name.eq_ignore_ascii_case(h))
}
