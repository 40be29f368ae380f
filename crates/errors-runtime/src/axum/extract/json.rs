//! [`Json`]: a JSON request body, or a JSON response.

use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, HeaderValue};
use serde_core::Serialize;
use serde_core::de::DeserializeOwned;

use super::{ExtractRejection, body, has_content_type, violation_at, wrong_content_type};
use crate::axum::violations::serde_error;
use crate::envelope::violation::FieldViolation;
use crate::meta::Rejection;

/// A JSON request body deserialized into `T`, or a `T` sent as a JSON response: axum's
/// `Json`, rejecting through the catalog.
///
/// A request whose `Content-Type` is not `application/json` (nor `application/*+json`)
/// is an `unsupported_media_type`; a body over the limit (axum's `DefaultBodyLimit`)
/// a `payload_too_large`; a body that is not JSON, or does not fit `T`, a
/// `bad_request` whose violation names the failing field by its path (`seats`,
/// `attendee.email`, `items[2].sku`; empty for the body as a whole, with the rule
/// `json` when it is no JSON at all).
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use errors_runtime::axum::Json;
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct NewSession {
///     title: String,
///     capacity: u32,
/// }
///
/// // `{"title": "Yoga", "capacity": "many"}` is answered with the catalog's
/// // INVALID_REQUEST, `details.fields[0].path` being `capacity`.
/// async fn create(Json(new): Json<NewSession>) -> Result<Json<NewSession>, api::ApiError> {
///     Ok(Json(new))
/// }
/// # let _ = create;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ExtractRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !has_content_type(request.headers(), "application/json", Some("+json")) {
            return Err(wrong_content_type(request.headers(), "application/json"));
        }
        let bytes = body(request, state).await?;
        Json::from_bytes(&bytes)
    }
}

impl<T: DeserializeOwned> Json<T> {
    /// `T` from a JSON body already read, rejected as [`FromRequest`] would.
    ///
    /// ```
    /// use errors_runtime::axum::Json;
    ///
    /// let rejected = Json::<Vec<u32>>::from_bytes(br#"[1, "two"]"#).unwrap_err();
    /// assert_eq!(rejected.violations()[0].path, "[1]");
    /// ```
    ///
    /// # Errors
    ///
    /// A `bad_request` when the bytes are not one JSON value of type `T`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ExtractRejection> {
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let violation = violation_at(error.path(), &error.inner().to_string());
            rejected(violation, error.inner())
        })?;
        // Nothing but whitespace after the value.
        deserializer
            .end()
            .map_err(|error| rejected(serde_error("", &error.to_string()), &error))?;
        Ok(Json(value))
    }
}

/// The `bad_request` of a JSON error: the rule `json` for a body that is no JSON
/// (its message without serde_json's position, as for every violation).
fn rejected(violation: FieldViolation, error: &serde_json::Error) -> ExtractRejection {
    let reason = format!("the JSON request body does not parse: {error}");
    let violation = match error.classify() {
        serde_json::error::Category::Data => violation,
        _ => FieldViolation::new(violation.path, violation.message).with_rule("json"),
    };
    ExtractRejection::bad(violation, reason)
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(bytes) => {
                let mut response = bytes.into_response();
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                response
            }
            // The catalog's `internal` error: what failed goes to the log only.
            Err(error) => ExtractRejection::new(
                Rejection::Internal,
                Vec::new(),
                format!("serializing the JSON response body failed: {error}"),
            )
            .into_response(),
        }
    }
}

impl<T> From<T> for Json<T> {
    fn from(value: T) -> Self {
        Json(value)
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}
