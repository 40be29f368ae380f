//! [`Query`] and [`Form`]: URL-encoded fields, from the query string or the body.

use axum_core::extract::{FromRequest, FromRequestParts, Request};
use http::Method;
use http::request::Parts;
use serde_core::de::DeserializeOwned;

use super::{ExtractRejection, body, has_content_type, violation_at, wrong_content_type};

/// The query string deserialized into `T`: axum's `Query`, rejecting through the
/// catalog. A query that does not fit `T` is a `bad_request` whose violation names
/// the failing parameter (`limit`), or the missing one.
///
/// ```
/// use errors_runtime::axum::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Page {
///     limit: Option<u32>,
/// }
///
/// // `?limit=ten` is answered with the catalog's INVALID_REQUEST, path `limit`.
/// async fn list(Query(page): Query<Page>) -> String {
///     format!("{:?}", page.limit)
/// }
/// # let _ = list;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> Query<T> {
    /// `T` from a query string (without its `?`), rejected as [`FromRequestParts`]
    /// would.
    ///
    /// ```
    /// use errors_runtime::axum::Query;
    /// use std::collections::HashMap;
    ///
    /// let Query(map) = Query::<HashMap<String, u32>>::from_query("a=1&b=2").unwrap();
    /// assert_eq!(map["b"], 2);
    /// let rejected = Query::<HashMap<String, u32>>::from_query("a=x").unwrap_err();
    /// assert_eq!(rejected.violations()[0].path, "a");
    /// ```
    ///
    /// # Errors
    ///
    /// A `bad_request` when the query does not fit `T`.
    pub fn from_query(query: &str) -> Result<Self, ExtractRejection> {
        urlencoded(query.as_bytes(), "query string").map(Query)
    }
}

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ExtractRejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Query::from_query(parts.uri.query().unwrap_or_default())
    }
}

/// URL-encoded form fields deserialized into `T`: axum's `Form`, rejecting through
/// the catalog. As axum's, it reads the query string of a `GET` or `HEAD` request,
/// and the body of any other, whose `Content-Type` must be
/// `application/x-www-form-urlencoded` (else an `unsupported_media_type`; a body
/// over the limit is a `payload_too_large`). Fields that do not fit `T` are a
/// `bad_request` naming the failing field.
///
/// ```
/// use errors_runtime::axum::Form;
///
/// #[derive(serde::Deserialize)]
/// struct Feedback {
///     rating: u8,
/// }
///
/// // `rating=lots` is answered with the catalog's INVALID_REQUEST, path `rating`.
/// async fn feedback(Form(feedback): Form<Feedback>) -> String {
///     feedback.rating.to_string()
/// }
/// # let _ = feedback;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ExtractRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if request.method() == Method::GET || request.method() == Method::HEAD {
            let query = request.uri().query().unwrap_or_default();
            return urlencoded(query.as_bytes(), "form (query string)").map(Form);
        }
        const FORM: &str = "application/x-www-form-urlencoded";
        if !has_content_type(request.headers(), FORM, None) {
            return Err(wrong_content_type(request.headers(), FORM));
        }
        let bytes = body(request, state).await?;
        urlencoded(&bytes, "form body").map(Form)
    }
}

/// `T` from URL-encoded `bytes`, as axum reads them (serde_urlencoded); `what` names
/// them in the log's reason.
fn urlencoded<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, ExtractRejection> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(bytes));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let message = error.inner().to_string();
        ExtractRejection::bad(
            violation_at(error.path(), &message),
            format!("the {what} does not fit the type: {error}"),
        )
    })
}

macro_rules! deref {
    ($($name:ident),*) => {$(
        impl<T> std::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> std::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }
    )*};
}

deref!(Query, Form);
