//! [`Path`]: the route's parameters, each failure named by its parameter.

use ::axum::extract::path::ErrorKind;
use ::axum::extract::rejection::PathRejection;
use ::axum::extract::{FromRequestParts, RawPathParams};
use http::request::Parts;
use serde_core::de::DeserializeOwned;

use super::ExtractRejection;
use crate::axum::violations::{serde_error, shortened};
use crate::envelope::violation::FieldViolation;
use crate::meta::Rejection;

/// The route's path parameters deserialized into `T`: axum's `Path`, rejecting
/// through the catalog. A parameter that does not fit `T` is a `bad_request` whose
/// violation's path is the parameter's name in the route (`position` for
/// `/sessions/{id}/waitlist/{position}`), whether `T` is a struct, a tuple or a
/// single value; a `Path` that does not match its route (a programming error) is
/// the catalog's `internal` error.
///
/// ```
/// use errors_runtime::axum::Path;
///
/// // `/sessions/s_1/waitlist/first` is answered with the catalog's INVALID_REQUEST,
/// // path `position`, message "cannot parse `first` as a `u32`".
/// async fn place(Path((id, position)): Path<(String, u32)>) -> String {
///     format!("{id} #{position}")
/// }
/// // Router::new().route("/sessions/{id}/waitlist/{position}", get(place))
/// # let _ = place;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ExtractRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => {
                // The route's parameters, in order: the names of what failed.
                let params: Vec<(String, String)> =
                    match RawPathParams::from_request_parts(parts, state).await {
                        Ok(params) => params
                            .iter()
                            .map(|(k, v)| (k.to_owned(), v.to_owned()))
                            .collect(),
                        Err(_) => Vec::new(),
                    };
                Err(rejected(rejection, &params))
            }
        }
    }
}

/// What axum's `Path` rejected, by the structure of its error (never its text):
/// each failure named by its parameter, never an empty path.
fn rejected(rejection: PathRejection, params: &[(String, String)]) -> ExtractRejection {
    let reason = format!("the path parameters do not fit the type: {rejection}");
    let internal = |reason: String| ExtractRejection::new(Rejection::Internal, Vec::new(), reason);
    let PathRejection::FailedToDeserializePathParams(error) = rejection else {
        // `MissingPathParams`: a `Path` on a route without parameters.
        return internal(reason);
    };
    if error.status().is_server_error() {
        // A `Path` whose type does not match its route: the service's own error.
        return internal(reason);
    }
    let name = |index: usize| {
        params
            .get(index)
            .map_or_else(|| format!("[{index}]"), |(name, _)| name.clone())
    };
    let cannot_parse =
        |value: &str, ty: &str| shortened(&format!("cannot parse `{value}` as a `{ty}`"));
    let violations = match error.into_kind() {
        ErrorKind::ParseErrorAtKey {
            key,
            value,
            expected_type,
        } => vec![FieldViolation::new(key, cannot_parse(&value, expected_type)).with_rule("type")],
        ErrorKind::ParseErrorAtIndex {
            index,
            value,
            expected_type,
        } => vec![
            FieldViolation::new(name(index), cannot_parse(&value, expected_type)).with_rule("type"),
        ],
        ErrorKind::ParseError {
            value,
            expected_type,
        } => {
            // A single value: the parameter that holds it.
            let index = params.iter().position(|(_, v)| *v == value).unwrap_or(0);
            vec![
                FieldViolation::new(name(index), cannot_parse(&value, expected_type))
                    .with_rule("type"),
            ]
        }
        ErrorKind::InvalidUtf8InPathParam { key } => {
            vec![FieldViolation::new(key, "is not valid UTF-8").with_rule("type")]
        }
        ErrorKind::DeserializeError { key, message, .. } => vec![serde_error(&key, &message)],
        kind => {
            // A message of the type's own `Deserialize` (a missing field, a check of
            // the whole): its field when serde names one, else every parameter.
            let message = kind.to_string();
            let whole = serde_error("", &message);
            if !whole.path.is_empty() {
                vec![whole]
            } else if params.is_empty() {
                return internal(reason);
            } else {
                params
                    .iter()
                    .map(|(name, _)| serde_error(name, &message))
                    .collect()
            }
        }
    };
    ExtractRejection::new(Rejection::BadRequest, violations, reason)
}

impl<T> std::ops::Deref for Path<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Path<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}
