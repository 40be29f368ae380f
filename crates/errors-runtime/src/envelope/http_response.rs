//! HTTP responses (feature `http`): an error's status, content type, headers and JSON
//! body as an [`http::Response`].

use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Response, StatusCode};

use crate::envelope::Envelope;
use crate::error::CatalogError;

impl<E: CatalogError> Envelope<'_, E> {
    /// The error as an HTTP response: its status, the style's `Content-Type`, the
    /// message's `Content-Language` when the catalog has `[locales]`, each header the
    /// catalog sends a field as (`Retry-After`, ...), and the JSON body.
    ///
    /// A field whose value is not header text (visible ASCII and inner spaces, not
    /// empty: a string with a line break or non-ASCII, say) is left out of the headers; it is still in the
    /// body, which is where clients read it (a catalog sends only integers, `bool`
    /// and `f64` as a header alone, which are always header text).
    pub fn to_http_response(&self) -> Response<Vec<u8>> {
        let mut body = Vec::with_capacity(256);
        self.write_json(&mut body);
        let mut response = Response::new(body);
        // Catalog statuses are 400..=599, always valid.
        *response.status_mut() =
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type()));
        // A catalog in several languages says which one this is (SPEC 9.4); a
        // language tag is always header text.
        if !E::CATALOG.locales.is_empty()
            && let Ok(language) = HeaderValue::from_str(self.language())
        {
            headers.insert(CONTENT_LANGUAGE, language);
        }
        self.error().for_each_header(&mut |name, value| {
            let value = value.to_string();
            if !is_header_text(&value) {
                return;
            }
            let name = HeaderName::from_bytes(name.as_bytes());
            let value = HeaderValue::try_from(value);
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.append(name, value);
            }
        });
        response
    }
}

/// Whether `value` reaches a client unchanged as a header value: visible ASCII and
/// inner spaces, not empty, no space at either end. HTTP allows more (tabs, bytes
/// past ASCII), but clients trim the ends and read other bytes each their own way,
/// and the decoder reads header values exactly (SPEC 9.2).
pub(crate) fn is_header_text(value: &str) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.iter().all(|b| matches!(b, b' '..=b'~'))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::is_header_text;

    #[test]
    fn header_text_is_visible_ascii_without_outer_spaces() {
        for ok in ["7", "eu-west-1", "a b", "NaN", "-inf", "true", "~!\"#"] {
            assert!(is_header_text(ok), "{ok:?}");
        }
        for bad in ["", " a", "a ", "a\tb", "eu\r\nx", "é", "a\u{7f}", "\0"] {
            assert!(!is_header_text(bad), "{bad:?}");
        }
    }
}
