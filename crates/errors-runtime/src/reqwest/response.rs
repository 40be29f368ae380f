//! A reqwest response checked against the catalog: passed on when it succeeded, its
//! error envelope decoded otherwise.

use ::reqwest::Response;
use ::reqwest::header::{CONTENT_TYPE, HeaderMap, RETRY_AFTER};

use super::error::{ClientError, UndecodableResponse};
use crate::decode::{Decode, DecodeError, Decoder};

/// [`catalog_error`](ResponseExt::catalog_error) on a `reqwest::Response`.
pub trait ResponseExt: Sized + sealed::Sealed {
    /// Like `reqwest::Response::error_for_status`: `Ok(response)` when its status is
    /// not an error (below 400), otherwise the error response's body, read up to the
    /// decoder's size cap ([`Decoder::DEFAULT_MAX_LEN`]), decoded against the catalog
    /// of `E` with the response's status and headers:
    /// [`ClientError::Api`] for an envelope of the catalog (including codes this build
    /// does not know, and known codes whose fields do not fit), else
    /// [`ClientError::Undecodable`]. A body that cannot be read is
    /// [`ClientError::Transport`].
    ///
    /// ```no_run
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use api::ApiError;
    /// use errors_runtime::reqwest::{ClientError, ResponseExt};
    ///
    /// # async fn run() -> Result<(), ClientError<ApiError>> {
    /// let response = reqwest::Client::new()
    ///     .get("http://127.0.0.1:3000/sessions/s_1")
    ///     .send()
    ///     .await?
    ///     .catalog_error::<ApiError>()
    ///     .await;
    /// match response {
    ///     Ok(response) => println!("{}", response.text().await?),
    ///     Err(ClientError::Api(decoded)) if decoded.code() == "SESSION_NOT_FOUND" => {
    ///         println!("no such session (request {:?})", decoded.request_id());
    ///     }
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn catalog_error<E: Decode>(
        self,
    ) -> impl Future<Output = Result<Response, ClientError<E>>> + Send;
}

impl ResponseExt for Response {
    async fn catalog_error<E: Decode>(self) -> Result<Response, ClientError<E>> {
        if !is_error(&self) {
            return Ok(self);
        }
        let status = self.status().as_u16();
        let headers = self.headers().clone();
        let body = read_capped(self, Decoder::DEFAULT_MAX_LEN).await?;
        Err(decode_error(status, &headers, &body))
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for ::reqwest::Response {}
}

/// Whether the response is an error: a 4xx or 5xx status.
pub(super) fn is_error(response: &Response) -> bool {
    let status = response.status();
    status.is_client_error() || status.is_server_error()
}

/// The body, read until it ends or is one byte past `limit`: enough for the decoder
/// to tell that it is too large, without reading a hostile body to its end.
pub(super) async fn read_capped(
    mut response: Response,
    limit: usize,
) -> Result<Vec<u8>, ::reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = limit.saturating_add(1) - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() > limit {
            break;
        }
    }
    Ok(body)
}

/// The error an error response stands for.
pub(super) fn decode_error<E: Decode>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> ClientError<E> {
    match Decoder::new()
        .status(status)
        .headers(headers)
        .decode::<E>(body)
    {
        Ok(decoded) => ClientError::Api(Box::new(decoded)),
        Err(error) => {
            ClientError::Undecodable(Box::new(undecodable::<E>(status, headers, body, error)))
        }
    }
}

fn undecodable<E: Decode>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    error: DecodeError,
) -> UndecodableResponse {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    UndecodableResponse {
        status,
        content_type: text(CONTENT_TYPE.as_str()),
        retry_after: text(RETRY_AFTER.as_str()),
        request_id: text(E::CATALOG.http.request_id_header),
        excerpt: excerpt(body, UndecodableResponse::EXCERPT_LEN),
        len: body.len(),
        error,
    }
}

/// At most `max` bytes of `body` as text, cut at a character boundary.
fn excerpt(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(max.saturating_add(4))]);
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_are_bounded_and_cut_at_a_character_boundary() {
        assert_eq!(excerpt(b"short", 512), "short");
        assert_eq!(excerpt(&[b'x'; 2000], 512).len(), 512);
        // "é" is two bytes: a cut through it drops it whole.
        assert_eq!(excerpt("aé".as_bytes(), 2), "a");
        assert_eq!(excerpt(&[b'a', 0xFF, b'b'], 512), "a\u{FFFD}b");
    }
}
