//! HTTP responses (feature `http`): an error's status, content type, headers and JSON
//! body as an [`http::Response`].

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Response, StatusCode};

use crate::envelope::Envelope;
use crate::error::CatalogError;

impl<E: CatalogError> Envelope<'_, E> {
    /// The error as an HTTP response: its status, the style's `Content-Type`, each
    /// header the catalog sends a field as (`Retry-After`, ...), and the JSON body.
    ///
    /// A field whose value cannot be a header value (a string with a line break, say)
    /// is left out of the headers; it is still in the body.
    pub fn to_http_response(&self) -> Response<Vec<u8>> {
        let mut body = Vec::with_capacity(256);
        self.write_json(&mut body);
        let mut response = Response::new(body);
        // Catalog statuses are 400..=599, always valid.
        *response.status_mut() =
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type()));
        self.error().for_each_header(&mut |name, value| {
            let name = HeaderName::from_bytes(name.as_bytes());
            let value = HeaderValue::try_from(value.to_string());
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.append(name, value);
            }
        });
        response
    }
}
