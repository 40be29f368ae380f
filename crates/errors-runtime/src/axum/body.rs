//! The body of a response the layer answers: read within a size and a time bound
//! (a body that is late or too large is answered from the status alone), and the
//! headers that describe it, dropped when the layer replaces it.

use std::time::Duration;

use axum_core::body::Body;
use http::HeaderMap;
use http::header::{CONTENT_TYPE, HeaderName, TRANSFER_ENCODING};
use http_body_util::BodyExt;

/// How much of a body the layer reads, and for how long, before it answers from
/// the status alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Limits {
    pub(super) max_bytes: usize,
    pub(super) timeout: Duration,
}

impl Limits {
    /// 16 KiB, enough for any framework's rejection text; one second, since the
    /// body of a rejection is made in memory and a slow one is no rejection text.
    pub(super) const DEFAULT: Limits = Limits {
        max_bytes: 16 * 1024,
        timeout: Duration::from_secs(1),
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// What the layer got of a body it inspected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Text {
    /// The whole body, as text.
    Read(String),
    /// Not text (a `Content-Type` other than `text/*`): not read.
    Binary,
    /// Larger than the limit, or failed.
    TooLarge,
    /// Not complete within the time limit.
    Late,
}

/// Reads `body` when it is text (`text/*`, or untyped) within `limits`.
pub(super) async fn read_text(headers: &HeaderMap, body: Body, limits: Limits) -> Text {
    let textual = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|t| t.trim_start().to_ascii_lowercase().starts_with("text/"));
    if !textual {
        return Text::Binary;
    }
    let collect = http_body_util::Limited::new(body, limits.max_bytes).collect();
    match tokio::time::timeout(limits.timeout, collect).await {
        Ok(Ok(collected)) => {
            Text::Read(String::from_utf8_lossy(&collected.to_bytes()).into_owned())
        }
        Ok(Err(_)) => Text::TooLarge,
        Err(_) => Text::Late,
    }
}

/// Whether `name` frames or describes the body: `Transfer-Encoding`, or what the
/// vocabulary says ([`errors_vocab::describes_body`]: `Content-Type`,
/// `Content-Length` and the representation headers; `Vary` stays).
pub(super) fn describes_body(name: &HeaderName) -> bool {
    *name == TRANSFER_ENCODING || errors_vocab::describes_body(name.as_str())
}

/// Drops every header of `headers` that describes the body.
pub(super) fn drop_body_headers(headers: &mut HeaderMap) {
    let names: Vec<HeaderName> = headers
        .keys()
        .filter(|n| describes_body(n))
        .cloned()
        .collect();
    for name in names {
        headers.remove(&name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_representation_list_is_what_describes_a_body() {
        for name in errors_vocab::REPRESENTATION_HEADERS {
            assert!(describes_body(&HeaderName::from_static(name)), "{name}");
        }
        for name in ["vary", "allow", "retry-after", "x-ratelimit-remaining"] {
            assert!(!describes_body(&HeaderName::from_static(name)), "{name}");
        }
    }
}
