//! Names: turning codes into variant names and field names into wire names, and the
//! rules each kind of name follows. The macro crate uses the same functions, so the
//! catalog crate's checks and the generated code can never disagree about a name.

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// The Rust variant name of a code: `RATE_LIMITED` and `rate_limited` -> `RateLimited`.
///
/// ```
/// assert_eq!(errors_catalog::naming::variant_name("UPSTREAM_TIMEOUT"), "UpstreamTimeout");
/// assert_eq!(errors_catalog::naming::variant_name("already_in_queue"), "AlreadyInQueue");
/// ```
pub fn variant_name(code: &str) -> String {
    code.to_upper_camel_case()
}

/// A field name in camelCase: `retry_after` -> `retryAfter`.
pub fn camel_case(name: &str) -> String {
    name.to_lower_camel_case()
}

/// A Rust name in snake_case: `ApiError` -> `api_error`, `HTTPError` -> `http_error`.
///
/// ```
/// assert_eq!(errors_catalog::naming::snake_case("ApiError"), "api_error");
/// assert_eq!(errors_catalog::naming::snake_case("HTTPError"), "http_error");
/// ```
pub fn snake_case(name: &str) -> String {
    name.to_snake_case()
}

/// The title derived from a code when none is written: `RATE_LIMITED` -> `Rate limited`.
pub fn default_title(code: &str) -> String {
    let words: Vec<String> = heck_words(code);
    let mut title = words.join(" ");
    if let Some(first) = title.get(..1) {
        let upper = first.to_ascii_uppercase();
        title.replace_range(..1, &upper);
    }
    title
}

/// Lower-case words of a code, split the way heck splits them.
fn heck_words(code: &str) -> Vec<String> {
    use heck::ToSnakeCase;
    code.to_snake_case()
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Keywords of Rust 2024, strict and reserved: a field with such a name is emitted as
/// a raw identifier (`r#type`).
pub fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// Names that cannot be Rust identifiers even in raw form.
pub fn is_reserved_identifier(name: &str) -> bool {
    matches!(name, "self" | "Self" | "super" | "crate" | "_")
}

/// An ASCII identifier: a letter or `_`, then letters, digits and `_`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A code: an ASCII letter, then letters, digits and `_`.
pub fn is_code(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic()) && is_identifier(s)
}

/// `RATE_LIMITED`: upper-case words joined by single underscores.
pub fn is_screaming_snake_case(s: &str) -> bool {
    is_case(s, |c| c.is_ascii_uppercase())
}

/// `rate_limited`: lower-case words joined by single underscores.
pub fn is_snake_case(s: &str) -> bool {
    is_case(s, |c| c.is_ascii_lowercase())
}

fn is_case(s: &str, letter: fn(char) -> bool) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.split('_')
            .all(|word| !word.is_empty() && word.chars().all(|c| letter(c) || c.is_ascii_digit()))
}

/// A detail field name: snake_case (`retry_after`, `type`, `_hidden` is not one).
pub fn is_field_name(s: &str) -> bool {
    is_snake_case(s)
}

/// An enum name: an upper-case ASCII letter, then letters and digits (`ApiError`).
pub fn is_type_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// An HTTP header name: an RFC 9110 token.
pub fn is_header_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'!' | b'#'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b'*'
                        | b'+'
                        | b'-'
                        | b'.'
                        | b'^'
                        | b'_'
                        | b'`'
                        | b'|'
                        | b'~'
                )
        })
}

/// Why a response header cannot carry a detail field, or `None` when it can.
///
/// Refused, compared case-insensitively: the headers that frame the message
/// (`Content-Type`, `Content-Length`, `Transfer-Encoding`), the hop-by-hop headers of
/// RFC 9110 section 7.6.1 (`Connection`, `Keep-Alive`, `Proxy-Connection`, `TE`,
/// `Trailer`, `Upgrade`, `Proxy-Authenticate`, `Proxy-Authorization`), `Host`, and
/// the headers that set cookies (`Set-Cookie`, `Set-Cookie2`).
///
/// ```
/// use errors_catalog::naming::reserved_header;
/// assert!(reserved_header("content-length").unwrap().starts_with("it frames the message"));
/// assert_eq!(reserved_header("Retry-After"), None);
/// assert!(reserved_header("ETag").unwrap().starts_with("it describes the body"));
/// ```
pub fn reserved_header(name: &str) -> Option<&'static str> {
    const FRAMING: &str = "it frames the message, which the server writes from the envelope";
    const HOP_BY_HOP: &str =
        "it is a hop-by-hop header: it speaks of one connection, and proxies drop or rewrite it";
    const COOKIES: &str = "it sets cookies in the client, which an error detail must never do";
    const RESERVED: [(&str, &str); 14] = [
        ("content-type", FRAMING),
        ("content-length", FRAMING),
        (
            "transfer-encoding",
            "it frames the message and is hop-by-hop, so the server and each proxy set it",
        ),
        ("connection", HOP_BY_HOP),
        ("keep-alive", HOP_BY_HOP),
        ("proxy-connection", HOP_BY_HOP),
        ("te", HOP_BY_HOP),
        ("trailer", HOP_BY_HOP),
        ("upgrade", HOP_BY_HOP),
        ("proxy-authenticate", HOP_BY_HOP),
        ("proxy-authorization", HOP_BY_HOP),
        (
            "host",
            "it names the server a request is sent to, and has no place in a response",
        ),
        ("set-cookie", COOKIES),
        ("set-cookie2", COOKIES),
    ];
    const REPRESENTATION: &str = "it describes the body, which is the envelope: the axum layer drops it when it replaces a body, and a value of a detail field would lie about the JSON sent";
    RESERVED
        .iter()
        .find(|(reserved, _)| name.eq_ignore_ascii_case(reserved))
        .map(|&(_, why)| why)
        .or_else(|| {
            errors_vocab::REPRESENTATION_HEADERS
                .iter()
                .any(|h| name.eq_ignore_ascii_case(h))
                .then_some(REPRESENTATION)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_titles_and_wire_names() {
        assert_eq!(variant_name("RATE_LIMITED"), "RateLimited");
        assert_eq!(variant_name("HTTP2_ERROR"), "Http2Error");
        assert_eq!(variant_name("rate_limit_exceeded"), "RateLimitExceeded");
        assert_eq!(default_title("RATE_LIMITED"), "Rate limited");
        assert_eq!(default_title("session_not_found"), "Session not found");
        assert_eq!(default_title("X"), "X");
        assert_eq!(camel_case("retry_after"), "retryAfter");
        assert_eq!(camel_case("request_id"), "requestId");
        assert_eq!(camel_case("type"), "type");
    }

    #[test]
    fn name_rules() {
        assert!(is_code("RATE_LIMITED") && is_code("rate_limited") && is_code("E404"));
        assert!(!is_code("rate-limited") && !is_code("_X") && !is_code("1X") && !is_code(""));
        assert!(is_screaming_snake_case("HTTP2_ERROR") && !is_screaming_snake_case("Http"));
        assert!(!is_screaming_snake_case("A__B") && !is_screaming_snake_case("A_"));
        assert!(is_snake_case("already_in_queue") && !is_snake_case("already_In"));
        assert!(is_field_name("type") && is_field_name("retry_after2"));
        assert!(!is_field_name("retryAfter") && !is_field_name("_x") && !is_field_name("x-y"));
        assert!(
            is_type_name("ApiError") && !is_type_name("apiError") && !is_type_name("Api_Error")
        );
        assert!(is_header_name("Retry-After") && is_header_name("X-RateLimit-Limit"));
        assert!(!is_header_name("Retry After") && !is_header_name("") && !is_header_name("a:b"));
        assert!(is_keyword("type") && is_keyword("gen") && !is_keyword("kind"));
        assert!(is_reserved_identifier("self") && !is_reserved_identifier("type"));
    }

    #[test]
    fn headers_that_frame_hop_or_set_cookies_are_reserved() {
        for name in [
            "Content-Type",
            "CONTENT-LENGTH",
            "transfer-encoding",
            "Te",
            "Host",
        ] {
            assert!(reserved_header(name).is_some(), "{name}");
        }
        assert!(reserved_header("Set-Cookie").unwrap().contains("cookies"));
        assert!(reserved_header("Upgrade").unwrap().contains("hop-by-hop"));
        // What describes a body the layer may replace (SPEC 9.1).
        for name in errors_vocab::REPRESENTATION_HEADERS {
            assert!(
                reserved_header(name)
                    .unwrap()
                    .contains("describes the body"),
                "{name}"
            );
        }
        assert!(reserved_header("Content-Language").is_some());
        for name in ["Retry-After", "X-Content-Type", "Vary", "Cookie", "Hosts"] {
            assert_eq!(reserved_header(name), None, "{name}");
        }
    }
}
