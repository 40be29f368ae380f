//! Typed API errors from a catalog: the runtime half.
//!
//! A team declares every error once in `catalog.toml`; [`catalog!`] reads it at
//! compile time and generates the error enum, its `Display`, HTTP status mapping,
//! retry metadata and JSON envelope. This crate holds what that generated code shares:
//! the [`CatalogError`] trait, static [metadata](meta), [`FieldViolation`], envelope
//! serialization in every style ([`Envelope`]), and the client side: [`decode`] (a
//! response body back into the typed error, or an [`UnknownError`] for codes this build
//! does not know), the [`retry`] policy and a [`breaker`].
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! # use api::ApiError;
//! // errors_runtime::catalog!("catalog.toml"); // the path is relative to Cargo.toml
//!
//! let err = ApiError::RateLimited { category: "read".into(), retry_after: 42, limit: None };
//! assert_eq!(err.status(), 429);
//! assert!(err.is_retryable());
//! let body = err.envelope().request_id("req_2N7s8x9KqR").to_json();
//! assert!(body.contains(r#""errorCode":"RATE_LIMITED""#));
//!
//! // A client decodes the same body back into the typed error.
//! let decoded = errors_runtime::decode::<ApiError>(body.as_bytes()).unwrap();
//! assert_eq!(decoded.known(), Some(&err));
//! assert_eq!(decoded.request_id(), Some("req_2N7s8x9KqR"));
//! ```
//!
//! # Features
//!
//! - `http`: `Envelope::to_http_response`, an `http::Response` with the error's
//!   status, the style's content type, the headers the catalog sends fields as
//!   (`Retry-After`, ...) and the JSON body.
//! - `axum` (implies `http`): every generated error type, and every [`Envelope`],
//!   implements axum's `IntoResponse`, so a handler can return `Result<T, ApiError>`;
//!   `axum::CatalogLayer` gives every request an id (made from the operating
//!   system's random source, `getrandom`, when the request brings none), writes it and a timestamp into
//!   every error envelope, answers rejections, unrouted requests and panics with the
//!   catalog's `[http]` codes, and logs each error response once with `tracing`
//!   (control characters in what a caller sent escaped: no forged log lines).
//! - `idempotency-key`: `retry::IdempotencyKey::new`, a random version 4 UUID key
//!   from the operating system's random source (`getrandom`) for the retries of a
//!   `POST` or `PATCH`; `IdempotencyKey::parse` (a key of the application's own)
//!   needs no feature.
//! - `tokio`: `retry::retry`, which runs an async operation under a
//!   [`RetryPolicy`], sleeping with `tokio::time::sleep`, and `retry::retry_with`,
//!   which also reports each decision (attempt, error, the delay then slept).
//! - `docs`: `docs::reference` and friends, the catalog's reference (Markdown, HTML),
//!   JSON Schema and OpenAPI from its metadata; with `axum`, `docs::service` serves
//!   them.
//! - `reqwest` (implies `http`): `reqwest::ClientError` and
//!   `reqwest::ResponseExt::catalog_error`, a reqwest response passed on when it
//!   succeeded and its error envelope decoded otherwise.
//! - `reqwest-middleware` (implies `reqwest` and `tokio`):
//!   `reqwest::CatalogMiddleware`, the catalog's retry policy and circuit breaker on
//!   every request of a `reqwest_middleware` client.
//! - `tonic`: `tonic::to_status` and `tonic::from_status`, every error as a
//!   `tonic::Status` with its catalog gRPC code and `google.rpc` details
//!   (`ErrorInfo`, `RetryInfo`, `BadRequest`), and back to the typed error.
//! - `utoipa` (implies `docs`): every generated error type implements
//!   `utoipa::ToSchema` and `utoipa::IntoResponses` (the catalog's strict OpenAPI
//!   schemas, examples and headers as utoipa's types), and the `<name>_subset!` macro
//!   of `catalog!` makes per-route error types that document only their codes; see
//!   `utoipa`.
//! - `aide` (implies `docs`): the same responses through `aide::OperationOutput`, for
//!   every generated error type and subset type; see `aide`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "axum")]
pub mod axum;
pub mod breaker;
mod catalog_enum;
mod decode;
#[cfg(feature = "docs")]
pub mod docs;
mod envelope;
mod error;
mod locale;
#[cfg(feature = "axum")]
mod log_text;
pub mod meta;
mod random;
#[cfg(feature = "reqwest")]
pub mod reqwest;
pub mod retry;
mod status;
mod time;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "utoipa")]
pub mod utoipa;

pub use breaker::CircuitBreaker;
pub use catalog_enum::{CatalogEnum, UnknownValue};
pub use decode::{
    Decode, DecodeError, Decoded, Decoder, MismatchedError, Received, ResponseHeaders,
    UnknownError, WireDetails, decode, decode_response,
};
pub use envelope::Envelope;
pub use envelope::violation::FieldViolation;
pub use error::Localized;
pub use error::{CatalogError, ErrorCode, UnknownCode};
pub use meta::{EnvelopeStyle, RetryClass};
pub use retry::RetryPolicy;
pub use time::Timestamp;

/// The JSON value type of `json` detail fields.
pub use serde_json::Value as JsonValue;

/// Generates a catalog's error types from its `catalog.toml`.
pub use errors_macros::catalog;

/// Derives the catalog API for a hand-written enum checked against a catalog.
pub use errors_macros::Catalog;

/// What the `<name>_subset!` macro that `catalog!` generates calls.
#[doc(hidden)]
pub use errors_macros::__subset;

/// The impls of a subset type that need the runtime's features: `IntoResponse`
/// (`axum`), `ToSchema` and `IntoResponses` (`utoipa`). Called by `__subset!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_impls {
    ($name:ident $error:ident) => {
        $crate::__subset_axum!($name $error);
        $crate::__subset_utoipa!($name $error);
        $crate::__subset_aide!($name $error);
    };
}

/// `IntoResponse` for a subset type: the response of the full error type.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_axum {
    ($name:ident $error:ident) => {
        #[automatically_derived]
        impl $crate::__private::axum_core::response::IntoResponse for $name {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_core::response::IntoResponse::into_response(
                    <$error as ::core::convert::From<$name>>::from(self),
                )
            }
        }
    };
}

/// Without the `axum` feature, nothing.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_axum {
    ($($tokens:tt)*) => {};
}

/// Without the `aide` feature, nothing.
#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_aide {
    ($($tokens:tt)*) => {};
}

/// Without the `utoipa` feature, nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_utoipa {
    ($($tokens:tt)*) => {};
}

/// The hook generated code calls for the integrations that need impls in the user's
/// crate. Without the `axum` feature it gives only what [`__utoipa_impls`] gives:
/// nothing, without the `utoipa` feature.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_into_response {
    ($($tokens:tt)*) => {
        $crate::__utoipa_impls!($($tokens)*);
        $crate::__aide_impls!($($tokens)*);
    };
}

/// Without the `aide` feature, the hook's aide part expands to nothing.
#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_impls {
    ($($tokens:tt)*) => {};
}

/// Without the `utoipa` feature, the hook's utoipa part expands to nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impls {
    ($($tokens:tt)*) => {};
}

/// What generated code calls into. Not a public API: it changes with the macros.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "aide")]
    pub use aide;
    #[cfg(feature = "axum")]
    pub use axum_core;
    pub use serde_core as serde;
    pub use serde_json;
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    use crate::error::ErrorCode;

    /// What a generated `ErrorMeta` takes the fields it does not write from (struct
    /// update syntax): a code's optional settings unset. Fewer expressions per code
    /// for rustc to check than spelling every field out.
    pub const ERROR_META: crate::meta::ErrorMeta = crate::meta::ErrorMeta {
        code: "",
        variant: "",
        status: 500,
        retryable: false,
        category: None,
        title: "",
        template: "",
        pieces: &[],
        description: None,
        fields: &[],
        doc_url: None,
        param: None,
        deprecated: None,
        grpc: crate::meta::GrpcCode::Unknown,
        deprecation: None,
        aliases: &[],
        retry_class: crate::meta::RetryClass::Never,
        translations: &[],
        message_by: None,
    };

    /// As [`ERROR_META`], for a generated `FieldMeta`: a required string field sent
    /// in `details`, with no header, description or values.
    pub const FIELD_META: crate::meta::FieldMeta = crate::meta::FieldMeta {
        name: "",
        wire: "",
        ty: crate::meta::FieldType::String,
        optional: false,
        internal: false,
        header: None,
        in_details: true,
        description: None,
        values: &[],
    };

    /// What a generated `CatalogError::write_details` writes through: the map, and
    /// the first error it returned, after which later entries are skipped. Generated
    /// code calls [`entry`] and [`entry_if_set`] on it and returns [`Details::finish`]
    /// once, instead of a `?` per field, which costs rustc much more to type-check
    /// and borrow-check over thousands of variants (as for [`required`]).
    pub struct Details<'m, M: serde_core::ser::SerializeMap> {
        map: &'m mut M,
        error: Option<M::Error>,
    }

    impl<M: serde_core::ser::SerializeMap> core::fmt::Debug for Details<'_, M> {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("Details")
                .field("failed", &self.error.is_some())
                .finish_non_exhaustive()
        }
    }

    impl<'m, M: serde_core::ser::SerializeMap> Details<'m, M> {
        /// Writes into `map`.
        #[inline]
        pub fn new(map: &'m mut M) -> Self {
            Details { map, error: None }
        }

        /// `Ok` when every entry was written, or the first error.
        #[inline]
        pub fn finish(self) -> Result<(), M::Error> {
            self.error.map_or(Ok(()), Err)
        }
    }

    /// One detail of `CatalogError::write_details`.
    #[inline]
    pub fn entry<M: serde_core::ser::SerializeMap, T: serde_core::Serialize + ?Sized>(
        details: &mut Details<'_, M>,
        wire: &'static str,
        value: &T,
    ) {
        if details.error.is_none()
            && let Err(e) = details.map.serialize_entry(wire, value)
        {
            details.error = Some(e);
        }
    }

    /// An optional detail of `CatalogError::write_details`: nothing when unset.
    #[inline]
    pub fn entry_if_set<M: serde_core::ser::SerializeMap, T: serde_core::Serialize>(
        details: &mut Details<'_, M>,
        wire: &'static str,
        value: &Option<T>,
    ) {
        if let Some(value) = value {
            entry(details, wire, value);
        }
    }

    /// A required detail field for `Decode::from_wire`: the value, or `T::default()`
    /// after keeping the first error in `error`. Generated decoders call this for
    /// every field and check `error` once, instead of a `?` per field, which costs
    /// rustc much more to type-check and borrow-check over thousands of variants.
    #[inline]
    pub fn required<T: serde_core::de::DeserializeOwned + Default>(
        details: &crate::WireDetails<'_>,
        wire: &'static str,
        error: &mut Option<crate::DecodeError>,
    ) -> T {
        details.required(wire).unwrap_or_else(|e| {
            error.get_or_insert(e);
            T::default()
        })
    }

    /// An optional detail field for `Decode::from_wire`, as [`required`].
    #[inline]
    pub fn optional<T: serde_core::de::DeserializeOwned>(
        details: &crate::WireDetails<'_>,
        wire: &'static str,
        error: &mut Option<crate::DecodeError>,
    ) -> Option<T> {
        details.optional(wire).unwrap_or_else(|e| {
            error.get_or_insert(e);
            None
        })
    }

    /// A required field sent outside `details`, read back from its header or the
    /// message, for `Decode::from_wire`; as [`required`].
    #[inline]
    pub fn recovered<T: serde_core::de::DeserializeOwned + Default>(
        details: &crate::WireDetails<'_>,
        name: &'static str,
        error: &mut Option<crate::DecodeError>,
    ) -> T {
        details.recovered(name).unwrap_or_else(|e| {
            error.get_or_insert(e);
            T::default()
        })
    }

    /// An optional field sent outside `details`, for `Decode::from_wire`; as
    /// [`optional`].
    #[inline]
    pub fn recovered_optional<T: serde_core::de::DeserializeOwned>(
        details: &crate::WireDetails<'_>,
        name: &'static str,
        error: &mut Option<crate::DecodeError>,
    ) -> Option<T> {
        details.recovered_optional(name).unwrap_or_else(|e| {
            error.get_or_insert(e);
            None
        })
    }

    /// `source()` of a `#[source]` field: any sized error, or an unsized `dyn Error`
    /// behind a box (reached through method-call auto-deref).
    pub trait AsDynError<'a> {
        /// The field as a trait object.
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a);
    }

    impl<'a, T: std::error::Error + 'a> AsDynError<'a> for T {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
            self
        }
    }

    macro_rules! dyn_error {
        ($($bounds:tt)*) => {
            impl<'a> AsDynError<'a> for dyn std::error::Error $($bounds)* + 'a {
                fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
                    self
                }
            }
        };
    }
    dyn_error!();
    dyn_error!(+ Send);
    dyn_error!(+ Sync);
    dyn_error!(+ Send + Sync);

    /// `Deserialize` for a generated enum of catalog values.
    #[inline]
    pub fn deserialize_enum<'de, E, D>(deserializer: D) -> Result<E, D::Error>
    where
        E: crate::CatalogEnum,
        D: serde_core::Deserializer<'de>,
    {
        crate::catalog_enum::deserialize(deserializer)
    }

    /// `Deserialize` for a code enum: the code string.
    pub fn deserialize_code<'de, C, D>(deserializer: D) -> Result<C, D::Error>
    where
        C: ErrorCode,
        D: serde_core::Deserializer<'de>,
    {
        struct Visitor<C>(std::marker::PhantomData<C>);
        impl<C: ErrorCode> serde_core::de::Visitor<'_> for Visitor<C> {
            type Value = C;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an error code")
            }
            fn visit_str<E: serde_core::de::Error>(self, text: &str) -> Result<C, E> {
                text.parse().map_err(|_| {
                    E::unknown_variant(text, &[]) // the list can be long: not repeated here
                })
            }
        }
        deserializer.deserialize_str(Visitor(std::marker::PhantomData))
    }
}
