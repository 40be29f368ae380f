//! Drop-in replacements for axum's `Json`, `Query`, `Path` and `Form` that reject
//! through the catalog (SPEC 9.1): inside [`CatalogLayer`](super::CatalogLayer), a
//! request they cannot read is answered with the catalog's `[http]` code,
//! `bad_request` with the failing fields (paths from `serde_path_to_error`, a path
//! parameter by its name), `unsupported_media_type` for a wrong content type and
//! `payload_too_large` for a body over the limit, rendered directly from what
//! failed: no framework text is read back.

use std::fmt;

use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue};
use http::{HeaderMap, StatusCode};
use serde_path_to_error::Segment;

use super::request_id::Scope;
use super::violations::serde_error;
use crate::envelope::violation::FieldViolation;
use crate::meta::Rejection;

mod form;
mod json;
mod path;

pub use form::{Form, Query};
pub use json::Json;
pub use path::Path;

/// What [`Json`], [`Query`], [`Path`] or [`Form`] rejected: the `[http]` key that
/// answers it, the fields that failed and, for the log, why.
///
/// As a response, inside [`CatalogLayer`](super::CatalogLayer), it is the catalog's
/// error of that key (with the request id, the timestamp and the layer's hooks),
/// logged once with the reason. Where the catalog names no code for it (or outside
/// the layer), it is the key's status with the reason as plain text.
///
/// ```
/// use errors_runtime::axum::{ExtractRejection, Json};
/// use errors_runtime::meta::Rejection;
///
/// async fn create(body: Result<Json<serde_json::Value>, ExtractRejection>) -> String {
///     match body {
///         Ok(Json(value)) => value.to_string(),
///         Err(rejected) if rejected.rejection() == Rejection::BadRequest => {
///             format!("{} field(s) failed", rejected.violations().len())
///         }
///         Err(rejected) => rejected.to_string(),
///     }
/// }
/// # let _ = create;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractRejection {
    rejection: Rejection,
    violations: Vec<FieldViolation>,
    reason: String,
}

impl ExtractRejection {
    /// A rejection of `rejection`'s key, with the fields that failed (for a
    /// `bad_request`) and the reason the log gives.
    pub fn new(
        rejection: Rejection,
        violations: Vec<FieldViolation>,
        reason: impl Into<String>,
    ) -> Self {
        ExtractRejection {
            rejection,
            violations,
            reason: reason.into(),
        }
    }

    /// The `[http]` key that answers it.
    pub fn rejection(&self) -> Rejection {
        self.rejection
    }

    /// The fields that failed, for the code's `field_violations` field.
    pub fn violations(&self) -> &[FieldViolation] {
        &self.violations
    }

    /// Why, in words, for the log (never sent inside the layer).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// A `bad_request` of one field.
    fn bad(violation: FieldViolation, reason: String) -> Self {
        ExtractRejection::new(Rejection::BadRequest, vec![violation], reason)
    }
}

impl fmt::Display for ExtractRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for ExtractRejection {}

impl IntoResponse for ExtractRejection {
    fn into_response(self) -> Response {
        let answered = Scope::current().and_then(|scope| {
            (scope.reject)(&scope, self.rejection, &self.violations, &self.reason)
        });
        if let Some(response) = answered {
            return response;
        }
        let status = StatusCode::from_u16(self.rejection.status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        // Outside the catalog, a 5xx says nothing of its cause.
        let body = if status.is_server_error() {
            String::new()
        } else {
            self.reason
        };
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        response
    }
}

/// Whether the request's `Content-Type` is `essence` (`application/json`), or, with
/// `suffix`, a type of that structured syntax suffix (`application/problem+json`);
/// parameters such as `charset` are ignored.
fn has_content_type(headers: &HeaderMap, essence: &str, suffix: Option<&str>) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let found = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    found == essence
        || suffix.is_some_and(|suffix| {
            let (ty, _) = essence.split_once('/').unwrap_or((essence, ""));
            found.split_once('/').is_some_and(|(t, sub)| {
                t == ty && sub.len() > suffix.len() && sub.ends_with(suffix)
            })
        })
}

/// The 415 of a body of another content type than `expected`.
fn wrong_content_type(headers: &HeaderMap, expected: &str) -> ExtractRejection {
    let sent = headers
        .get(CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let reason = match sent {
        Some(sent) => format!("the request body is `{sent}`, not `{expected}`"),
        None => format!("the request has no `Content-Type`; `{expected}` expected"),
    };
    ExtractRejection::new(Rejection::UnsupportedMediaType, Vec::new(), reason)
}

/// The request's body, within the body limit axum applies (`DefaultBodyLimit`):
/// over it, a `payload_too_large`; a body that fails to arrive, a `bad_request`.
async fn body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ExtractRejection> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejected| {
            let status = rejected.status();
            let reason = format!("reading the request body failed: {}", rejected.body_text());
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                ExtractRejection::new(Rejection::PayloadTooLarge, Vec::new(), reason)
            } else {
                ExtractRejection::bad(
                    FieldViolation::new("", "the request body could not be read").with_rule("body"),
                    reason,
                )
            }
        })
}

/// The violation of a serde error at `path`, as serde_path_to_error found it:
/// `seats`, `attendee.email`, `items[2].sku`; empty for the root.
fn violation_at(path: &serde_path_to_error::Path, message: &str) -> FieldViolation {
    serde_error(&path_text(path), message)
}

/// The path as text, `""` for the root (or a path of unknown segments only).
fn path_text(path: &serde_path_to_error::Path) -> String {
    if path.iter().all(|s| matches!(s, Segment::Unknown)) {
        return String::new();
    }
    path.to_string()
}

#[cfg(test)]
mod tests;
