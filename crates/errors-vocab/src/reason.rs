//! HTTP reason phrases of the error statuses (RFC 9110 and the IANA registry).

/// The reason phrase of an error status (`429` -> `Too Many Requests`), for the
/// registered 4xx and 5xx statuses; `None` for others.
///
/// ```
/// assert_eq!(errors_vocab::reason_phrase(413), Some("Content Too Large"));
/// assert_eq!(errors_vocab::reason_phrase(499), None);
/// ```
pub const fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_error_statuses_have_phrases() {
        let phrased: Vec<u16> = (0..1000).filter(|s| reason_phrase(*s).is_some()).collect();
        assert_eq!(phrased.len(), 39);
        assert!(phrased.iter().all(|s| (400..=599).contains(s)));
        assert_eq!(reason_phrase(407), Some("Proxy Authentication Required"));
        assert_eq!(reason_phrase(411), Some("Length Required"));
        assert_eq!(reason_phrase(200), None);
        assert_eq!(reason_phrase(418), None);
    }
}
