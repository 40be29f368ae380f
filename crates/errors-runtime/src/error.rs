//! The traits every generated error type implements, so that generic code (envelopes,
//! decoding, retry policies, integrations) works on any catalog.

use std::fmt;
use std::hash::Hash;
use std::str::FromStr;
use std::time::Duration;

use serde_core::ser::SerializeMap;

use crate::envelope::Envelope;
use crate::meta::{CatalogMeta, ErrorMeta, RetryClass};

/// An error type generated from a catalog, by `catalog!` or `#[derive(Catalog)]`.
///
/// The generated type also has these methods as inherent methods, so most code never
/// names the trait; generic code does.
pub trait CatalogError: fmt::Display + fmt::Debug {
    /// The fieldless code enum (`ApiErrorCode`).
    type Code: ErrorCode;

    /// Everything the catalog says, for every code.
    const CATALOG: &'static CatalogMeta;

    /// The stable code of this error.
    fn code(&self) -> Self::Code;

    /// The catalog's metadata for this error's code.
    fn meta(&self) -> &'static ErrorMeta {
        self.code().meta()
    }

    /// The HTTP status.
    fn status(&self) -> u16 {
        self.code().status()
    }

    /// Whether a client may retry the request.
    fn is_retryable(&self) -> bool {
        self.code().is_retryable()
    }

    /// How a client retries it: under the policy, once after a credentials
    /// refresh (`retry = "after_refresh"`), or never.
    fn retry_class(&self) -> RetryClass {
        self.code().retry_class()
    }

    /// The value of the field sent as the `Retry-After` header, if the code has one
    /// and it is set.
    fn retry_after(&self) -> Option<Duration>;

    /// The value of the detail field the catalog names as `param`.
    fn param(&self) -> Option<&str>;

    /// Writes the message in the locale at index `locale` of
    /// [`CatalogMeta::locales`], or the primary message when the code has no
    /// translation into it. Generated for catalogs with `[locales]`; the default is
    /// the primary message. Most code calls [`CatalogError::localized`] instead.
    fn fmt_localized(&self, locale: usize, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = locale;
        fmt::Display::fmt(self, f)
    }

    /// The message in the language `tag` names (see [`CatalogMeta::locale`]: `fr-CA`
    /// finds `fr`), falling back to the primary language.
    fn localized(&self, tag: &str) -> Localized<'_, Self> {
        Localized::new(self, Self::CATALOG.locale(tag))
    }

    /// Calls `f` with each HTTP header the error's fields are sent as
    /// (`header = "..."` in the catalog), skipping absent optional fields.
    fn for_each_header(&self, f: &mut dyn FnMut(&'static str, &dyn fmt::Display));

    /// Calls `f` with each `internal` field (name and value), skipping absent
    /// optional ones: for logs and traces, which may see what clients never do.
    fn for_each_internal(&self, f: &mut dyn FnMut(&'static str, &dyn fmt::Debug));

    /// The JSON error envelope, in the catalog's style.
    fn envelope(&self) -> Envelope<'_, Self>
    where
        Self: Sized,
    {
        Envelope::new(self)
    }

    /// How many public detail fields [`CatalogError::write_details`] writes.
    #[doc(hidden)]
    fn details_len(&self) -> usize;

    /// Writes the public detail fields, wire-named, into `map`.
    #[doc(hidden)]
    fn write_details<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// The fieldless code enum of a catalog (`ApiErrorCode`).
pub trait ErrorCode:
    Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + FromStr<Err = UnknownCode> + 'static
{
    /// Every code, in catalog order.
    const ALL: &'static [Self];

    /// The catalog's metadata for this code.
    fn meta(self) -> &'static ErrorMeta;

    /// The code as sent on the wire, e.g. `RATE_LIMITED`.
    fn as_str(self) -> &'static str {
        self.meta().code
    }

    /// The HTTP status.
    fn status(self) -> u16 {
        self.meta().status
    }

    /// Whether a client may retry.
    fn is_retryable(self) -> bool {
        self.meta().retryable
    }

    /// How a client retries it (the catalog's `retryable` or `retry`).
    fn retry_class(self) -> RetryClass {
        self.meta().retry_class
    }
}

/// A string that is not a code of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    code: Box<str>,
}

impl UnknownCode {
    /// An error for `code`.
    pub fn new(code: &str) -> Self {
        UnknownCode { code: code.into() }
    }

    /// The string that was not a code.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code `{}`", self.code.escape_debug())
    }
}

impl std::error::Error for UnknownCode {}

/// An error's message in one of its catalog's languages: made by
/// [`CatalogError::localized`], written by its `Display`.
///
/// ```
/// # mod api { errors_runtime::catalog!("tests/catalogs/locales.toml"); }
/// use errors_runtime::CatalogError;
/// let error = api::ApiError::QuotaExceeded { limit: 100 };
/// assert_eq!(error.localized("fr").to_string(), "Quota de 100 requêtes dépassé.");
/// assert_eq!(error.localized("en").to_string(), error.to_string());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Localized<'a, E: ?Sized> {
    pub(crate) error: &'a E,
    pub(crate) locale: Option<usize>,
}

impl<'a, E: ?Sized> Localized<'a, E> {
    /// `error` in `locale` (an index in [`CatalogMeta::locales`]; `None` for the
    /// primary language).
    pub fn new(error: &'a E, locale: Option<usize>) -> Self {
        Localized { error, locale }
    }

    /// The locale, `None` for the primary language.
    pub fn locale(&self) -> Option<usize> {
        self.locale
    }
}

impl<E: CatalogError + ?Sized> fmt::Display for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.locale {
            Some(locale) => self.error.fmt_localized(locale, f),
            None => fmt::Display::fmt(self.error, f),
        }
    }
}
