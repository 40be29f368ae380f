//! aide integration (feature `aide`): a handler returning `Result<T, ApiError>` (or
//! a subset type) documents its error responses in aide's OpenAPI document.
//!
//! Every generated error type, and every subset type of `<name>_subset!`,
//! implements `aide::OperationOutput`: its inferred responses are one per status,
//! with the union of its codes, one named example per code, the headers the catalog
//! sends and the request id header, in the style's content type; the schemas they
//! refer to (each code's envelope, its details object, the shared definitions, under
//! errors-docs' names) join the generator's definitions, which aide writes into
//! `components.schemas`. The same strict document as the `utoipa` feature's.
//!
//! ```
//! # mod api { errors_runtime::catalog!("../../catalog.toml"); }
//! # use api::ApiError;
//! use aide::OperationOutput;
//!
//! let responses = aide::generate::in_context(|ctx| {
//!     ApiError::inferred_responses(ctx, &mut aide::openapi::Operation::default())
//! });
//! assert!(responses.iter().any(|(status, _)| *status == Some(429)));
//! ```

use aide::generate::GenContext;
use aide::openapi::Response;
use serde_json::Value;

use crate::docs::operations::Document;
use crate::docs::subset_codes;
use crate::error::CatalogError;

/// `OperationOutput::inferred_responses` of `E`: every code of the catalog.
pub fn inferred_responses<E: CatalogError>(ctx: &mut GenContext) -> Vec<(Option<u16>, Response)> {
    responses_of::<E>(ctx, None)
}

/// `OperationOutput::inferred_responses` of a subset type: `codes` and the layer's
/// own answers ([`crate::docs::layer_codes`]).
pub fn inferred_responses_for<E: CatalogError>(
    ctx: &mut GenContext,
    codes: &[E::Code],
) -> Vec<(Option<u16>, Response)> {
    responses_of::<E>(ctx, Some(&subset_codes::<E>(codes)))
}

fn responses_of<E: CatalogError>(
    ctx: &mut GenContext,
    codes: Option<&[E::Code]>,
) -> Vec<(Option<u16>, Response)> {
    // References follow the generator's settings: `#/components/schemas/` unless
    // the application extracts no schemas.
    let path = ctx.schema.settings().definitions_path.clone();
    let name = E::CATALOG.name;
    let definitions = ctx.schema.definitions_mut();
    for (key, mut schema) in Document::of::<E>(codes).component_schemas(name) {
        relocate(&mut schema, &path);
        definitions.insert(key, schema);
    }
    Document::of::<E>(codes)
        .responses(E::CATALOG)
        .into_iter()
        .map(|(status, mut response)| {
            relocate(&mut response, &path);
            let response = serde_json::from_value(response).unwrap_or_else(|e| {
                unreachable!(
                    "aide reads the OpenAPI 3.1 that errors-docs writes, but not {status}: {e}"
                )
            });
            (Some(status), response)
        })
        .collect()
}

/// Points every `#/components/schemas/` reference at `path`.
fn relocate(value: &mut Value, path: &str) {
    match value {
        Value::Object(members) => {
            for (key, member) in members.iter_mut() {
                match (key.as_str(), member) {
                    ("$ref", Value::String(target)) => relocate_ref(target, path),
                    // A discriminator's mapping: code to reference.
                    ("mapping", Value::Object(mapping)) => {
                        for target in mapping.values_mut() {
                            if let Value::String(target) = target {
                                relocate_ref(target, path);
                            }
                        }
                    }
                    (_, other) => relocate(other, path),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| relocate(item, path)),
        _ => {}
    }
}

fn relocate_ref(target: &mut String, path: &str) {
    if let Some(name) = target.strip_prefix("#/components/schemas/") {
        *target = format!("{path}{name}");
    }
}

/// `OperationOutput` for a generated error type, when this crate is built with the
/// `aide` feature; expands to nothing otherwise. Called by the generated code
/// through the axum hook.
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_impls {
    ({} {$($ty:tt)*} {}) => {
        #[automatically_derived]
        impl $crate::__private::aide::OperationOutput for $($ty)* {
            type Inner = Self;
            fn inferred_responses(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _operation: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(
                ::core::option::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::inferred_responses::<Self>(ctx)
            }
        }
    };
    // A generic enum (derive mode) is not documented.
    ($($tokens:tt)*) => {};
}

/// `OperationOutput` for a subset type: its codes plus the layer's own answers.
#[doc(hidden)]
#[macro_export]
macro_rules! __subset_aide {
    ($name:ident $error:ident) => {
        #[automatically_derived]
        impl $crate::__private::aide::OperationOutput for $name {
            type Inner = Self;
            fn inferred_responses(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _operation: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(
                ::core::option::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::inferred_responses_for::<$error>(ctx, $name::CODES)
            }
        }
    };
}
