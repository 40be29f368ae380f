//! utoipa integration (feature `utoipa`): a catalog's error types in a utoipa
//! OpenAPI document.
//!
//! Every generated error type implements `utoipa::ToSchema` (the envelope of the
//! catalog's style, one branch per code) and `utoipa::IntoResponses` (one response
//! per status, with one named example per code, the headers the catalog sends and
//! the request id header, in the style's content type). Nothing is derived by hand:
//! the schemas, examples and responses are those of the catalog's strict OpenAPI
//! document ([`crate::docs`], `errors_docs::openapi`), read into utoipa's types, so
//! the component names are the same (`SESSION_FULL`, `SessionFullDetails`,
//! `field-violation`, ...).
//!
//! A route documents only the codes it can return with a subset type, from the
//! `<name>_subset!` macro `catalog!` generates beside the error type (see
//! [`crate::catalog!`] and the README's "utoipa" section); its responses are its
//! codes plus the layer's own answers ([`layer_codes`]).
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! # use api::{ApiError, ApiErrorCode};
//! use utoipa::{IntoResponses, ToSchema};
//!
//! assert_eq!(ApiError::name(), "ApiError");
//! let responses = ApiError::responses();
//! assert!(responses.contains_key("429"));
//!
//! // Only these codes, plus the answers of CatalogLayer: its rejections (400, 404,
//! // 405, 413, 415, 500) and the bare 429 that `[http.status]` names.
//! let responses = errors_runtime::utoipa::responses_for::<ApiError>(&[ApiErrorCode::SessionFull]);
//! assert!(responses.contains_key("409") && responses.contains_key("429"));
//! assert!(!responses.contains_key("503"));
//! ```

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::Schema;

use crate::docs::operations::Document;
pub use crate::docs::{layer_codes, subset_codes};
use crate::error::{CatalogError, ErrorCode};

/// The schema of `E`'s envelope: a `oneOf` of every code's envelope (with a
/// `discriminator` on the code where the style has it at the top level), each a
/// reference to the component [`schemas`] adds. `ToSchema::schema` of `E`.
pub fn schema<E: CatalogError>() -> RefOr<Schema> {
    let name = E::CATALOG.name;
    read(name, Document::of::<E>(None).take_schema(name))
}

/// The union of `codes`' envelopes (each a reference to its component), for a
/// subset type's `ToSchema::schema`.
pub fn schema_of<E: CatalogError>(codes: &[E::Code]) -> RefOr<Schema> {
    let name = E::CATALOG.name;
    read(name, Document::of::<E>(Some(codes)).take_schema(name))
}

/// Every component schema `E`'s schema and responses refer to: each code's envelope
/// (named by the code), its details object (`SessionFullDetails`) and the shared
/// definitions (`field-violation`, `rfc3339-timestamp`). `ToSchema::schemas` of `E`.
pub fn schemas<E: CatalogError>(out: &mut Vec<(String, RefOr<Schema>)>) {
    schemas_of::<E>(<E::Code as ErrorCode>::ALL, out);
}

/// The component schemas of `codes` only, as [`schemas`].
pub fn schemas_of<E: CatalogError>(codes: &[E::Code], out: &mut Vec<(String, RefOr<Schema>)>) {
    for (key, value) in Document::of::<E>(Some(codes)).component_schemas(E::CATALOG.name) {
        let schema = read(&key, value);
        out.push((key, schema));
    }
}

/// `E`'s responses, by status: every code of the catalog. `IntoResponses` of `E`.
pub fn responses<E: CatalogError>() -> BTreeMap<String, RefOr<Response>> {
    to_responses(Document::of::<E>(None).responses(E::CATALOG))
}

/// The responses of a route that returns `codes`: those codes and the layer's own
/// answers ([`layer_codes`]), grouped by status. `IntoResponses` of a subset type.
pub fn responses_for<E: CatalogError>(codes: &[E::Code]) -> BTreeMap<String, RefOr<Response>> {
    let all = subset_codes::<E>(codes);
    to_responses(Document::of::<E>(Some(&all)).responses(E::CATALOG))
}

fn to_responses(responses: Vec<(u16, Value)>) -> BTreeMap<String, RefOr<Response>> {
    responses
        .into_iter()
        .map(|(status, response)| {
            let status = status.to_string();
            let response = read(&status, response);
            (status, response)
        })
        .collect()
}

/// Says what errors-docs writes in the words utoipa's `Schema` reads: it has no
/// `const` (`enum` with the one value says the same) and needs a `type` (`null`:
/// any type, which it writes as no `type`, as errors-docs does).
fn normalize(schema: &mut Value) {
    let Value::Object(members) = schema else {
        return;
    };
    if let Some(value) = members.remove("const") {
        members.insert("enum".to_owned(), Value::Array(vec![value]));
    }
    let composite = ["$ref", "oneOf", "allOf", "anyOf"]
        .iter()
        .any(|k| members.contains_key(*k));
    if !composite && !members.contains_key("type") {
        members.insert("type".to_owned(), Value::Null);
    }
    for (key, value) in members.iter_mut() {
        match (key.as_str(), value) {
            ("properties", Value::Object(properties)) => {
                properties.values_mut().for_each(normalize);
            }
            ("oneOf" | "allOf" | "anyOf", Value::Array(branches)) => {
                branches.iter_mut().for_each(normalize);
            }
            ("items" | "additionalProperties" | "propertyNames", value) => normalize(value),
            _ => {}
        }
    }
}

/// A JSON value as one of utoipa's OpenAPI types (which deserialize with serde).
fn read<T: serde_core::de::DeserializeOwned>(what: &str, mut value: Value) -> T {
    if value.get("content").is_some() || value.get("headers").is_some() {
        // A response: its headers' and contents' schemas.
        for kind in ["headers", "content"] {
            if let Some(Value::Object(members)) = value.get_mut(kind) {
                for member in members.values_mut() {
                    if let Some(schema) = member.get_mut("schema") {
                        normalize(schema);
                    }
                }
            }
        }
    } else {
        normalize(&mut value);
    }
    let text = value.to_string();
    serde_json::from_value(value).unwrap_or_else(|e| {
        unreachable!(
            "utoipa reads the OpenAPI 3.1 that errors-docs writes, but not {what}: {e}: {text}"
        )
    })
}

/// Implements `ToSchema` and `IntoResponses` for a generated error type, when this
/// crate is built with the `utoipa` feature; expands to nothing otherwise. Called by
/// the generated code through the axum hook.
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impls {
    ({} {$($ty:tt)*} {}) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::PartialSchema for $($ty)* {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::utoipa::schema::<Self>()
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::ToSchema for $($ty)* {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(
                    <Self as $crate::CatalogError>::CATALOG.name,
                )
            }
            fn schemas(
                schemas: &mut ::std::vec::Vec<(
                    ::std::string::String,
                    $crate::__private::utoipa::openapi::RefOr<
                        $crate::__private::utoipa::openapi::schema::Schema,
                    >,
                )>,
            ) {
                $crate::utoipa::schemas::<Self>(schemas)
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $($ty)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses::<Self>()
            }
        }
    };
    // A generic enum (derive mode) is not documented: utoipa names schemas by type.
    ($($tokens:tt)*) => {};
}

/// `ToSchema` and `IntoResponses` for a subset type: its codes plus the layer's own
/// answers.
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_utoipa {
    ($name:ident $error:ident) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::PartialSchema for $name {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::utoipa::schema_of::<$error>(&$crate::utoipa::subset_codes::<$error>(
                    $name::CODES,
                ))
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::ToSchema for $name {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::stringify!($name))
            }
            fn schemas(
                schemas: &mut ::std::vec::Vec<(
                    ::std::string::String,
                    $crate::__private::utoipa::openapi::RefOr<
                        $crate::__private::utoipa::openapi::schema::Schema,
                    >,
                )>,
            ) {
                $crate::utoipa::schemas_of::<$error>(
                    &$crate::utoipa::subset_codes::<$error>($name::CODES),
                    schemas,
                )
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses_for::<$error>($name::CODES)
            }
        }
    };
}
