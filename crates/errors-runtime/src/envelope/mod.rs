//! The error envelope on the wire: an error with the request id and timestamp that go
//! along with it, and everything that writes it or its details.
//!
//! - this file: [`Envelope`], what is sent;
//! - [`json`]: its JSON in each style;
//! - [`details_write`] and [`details_read`]: detail values written and read back
//!   under the [`non_finite`] rule for NaN and infinities;
//! - [`violation`]: [`FieldViolation`](violation::FieldViolation), the detail type of
//!   `field_violations` fields;
//! - `http_response` (feature `http`) and `axum_response` (feature `axum`): the
//!   envelope as an HTTP response.

#[cfg(feature = "axum")]
mod axum_response;
pub(crate) mod details_read;
pub(crate) mod details_write;
#[cfg(feature = "http")]
mod http_response;
mod json;
pub(crate) mod non_finite;
pub(crate) mod violation;

use std::borrow::Cow;

use crate::error::CatalogError;
use crate::time::Timestamp;

/// An error's JSON envelope, with the request id and timestamp to send along.
///
/// Made by `error.envelope()`; serialize it with serde, or use [`Envelope::to_json`] /
/// [`Envelope::write_json`].
#[derive(Debug, Clone)]
pub struct Envelope<'a, E: ?Sized> {
    pub(crate) error: &'a E,
    pub(crate) request_id: Option<Cow<'a, str>>,
    pub(crate) timestamp: Option<Timestamp>,
    /// The message's language, once chosen: an index in `CatalogMeta::locales`,
    /// `Some(None)` for the primary one. Unchosen, the axum layer picks it from the
    /// request's `Accept-Language`.
    pub(crate) locale: Option<Option<usize>>,
}

impl<'a, E: ?Sized> Envelope<'a, E> {
    /// The envelope of `error`, without request id or timestamp.
    pub fn new(error: &'a E) -> Self {
        Envelope {
            error,
            request_id: None,
            timestamp: None,
            locale: None,
        }
    }

    /// Adds the request id.
    #[must_use]
    pub fn request_id(mut self, id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Some(id.into());
        self
    }

    /// Adds the time of the error (`Timestamp::now()`, a `SystemTime`, ...).
    #[must_use]
    pub fn timestamp(mut self, at: impl Into<Timestamp>) -> Self {
        self.timestamp = Some(at.into());
        self
    }

    /// The error.
    pub fn error(&self) -> &'a E {
        self.error
    }
}

impl<E: CatalogError + ?Sized> Envelope<'_, E> {
    /// Writes the message in the language `tag` names (see
    /// [`CatalogMeta::locale`](crate::meta::CatalogMeta::locale)), falling back to
    /// the primary language.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("tests/catalogs/locales.toml"); }
    /// let error = api::ApiError::QuotaExceeded { limit: 5 };
    /// let json = error.envelope().locale("fr").to_json();
    /// assert!(json.contains(r#""message":"Quota de 5 requêtes dépassé.""#), "{json}");
    /// ```
    #[must_use]
    pub fn locale(mut self, tag: &str) -> Self {
        self.locale = Some(E::CATALOG.locale(tag));
        self
    }

    /// The language the message is written in, for `Content-Language`.
    pub fn language(&self) -> &'static str {
        E::CATALOG.language_of(self.locale.flatten())
    }
}
