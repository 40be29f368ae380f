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

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::Schema;

use crate::docs::{Reference, SchemaMode};
use crate::error::{CatalogError, ErrorCode};
use crate::meta::CatalogMeta;
use errors_vocab::Rejection;

/// The codes the axum layer answers on its own, whatever the route: the code of
/// each `[http]` rejection key (a body that does not parse, no route, a wrong
/// method, 413, 415, a panic) and of each `[http.status]` entry, in catalog order.
/// A code the layer only infers for a bare status is not among them: a route that
/// may send such a status lists that code itself.
pub fn layer_codes<E: CatalogError>() -> Vec<E::Code> {
    let catalog = E::CATALOG;
    let mut indices: BTreeSet<usize> = Rejection::ALL
        .into_iter()
        .filter_map(|r| catalog.http.code_index(r))
        .collect();
    indices.extend(catalog.http.statuses.iter().map(|&(_, index)| index));
    indices
        .into_iter()
        .filter_map(|index| <E::Code as ErrorCode>::ALL.get(index).copied())
        .collect()
}

/// The schema of `E`'s envelope: a `oneOf` of every code's envelope (with a
/// `discriminator` on the code where the style has it at the top level), each a
/// reference to the component [`schemas`] adds. `ToSchema::schema` of `E`.
pub fn schema<E: CatalogError>() -> RefOr<Schema> {
    let mut document = Document::of::<E>(None);
    document.take_schema(E::CATALOG.name)
}

/// The union of `codes`' envelopes (each a reference to its component), for a
/// subset type's `ToSchema::schema`.
pub fn schema_of<E: CatalogError>(codes: &[E::Code]) -> RefOr<Schema> {
    let mut document = Document::of::<E>(Some(codes));
    document.take_schema(E::CATALOG.name)
}

/// Every component schema `E`'s schema and responses refer to: each code's envelope
/// (named by the code), its details object (`SessionFullDetails`) and the shared
/// definitions (`field-violation`, `rfc3339-timestamp`). `ToSchema::schemas` of `E`.
pub fn schemas<E: CatalogError>(out: &mut Vec<(String, RefOr<Schema>)>) {
    schemas_of::<E>(<E::Code as ErrorCode>::ALL, out);
}

/// The component schemas of `codes` only, as [`schemas`].
pub fn schemas_of<E: CatalogError>(codes: &[E::Code], out: &mut Vec<(String, RefOr<Schema>)>) {
    let mut document = Document::of::<E>(Some(codes));
    let name = E::CATALOG.name;
    let schemas = std::mem::take(document.components("schemas"));
    for (key, value) in schemas {
        if is_union(name, &key) {
            continue;
        }
        let schema = read(&key, value);
        out.push((key, schema));
    }
}

/// `E`'s responses, by status: every code of the catalog. `IntoResponses` of `E`.
pub fn responses<E: CatalogError>() -> BTreeMap<String, RefOr<Response>> {
    Document::of::<E>(None).responses(E::CATALOG)
}

/// The responses of a route that returns `codes`: those codes and the layer's own
/// answers ([`layer_codes`]), grouped by status. `IntoResponses` of a subset type.
pub fn responses_for<E: CatalogError>(codes: &[E::Code]) -> BTreeMap<String, RefOr<Response>> {
    let mut all: Vec<E::Code> = codes.to_vec();
    all.extend(layer_codes::<E>());
    Document::of::<E>(Some(&all)).responses(E::CATALOG)
}

/// The strict OpenAPI document of some of a catalog's codes, as JSON.
struct Document {
    json: Value,
}

impl Document {
    fn of<E: CatalogError>(codes: Option<&[E::Code]>) -> Document {
        let mut reference = Reference::from(E::CATALOG);
        if let Some(codes) = codes {
            let keep: BTreeSet<&str> = codes.iter().map(|c| c.as_str()).collect();
            reference.codes.retain(|c| keep.contains(c.code.as_str()));
        }
        let text = errors_docs::openapi(&reference, "1.0.0", SchemaMode::Strict);
        let json = serde_json::from_str(&text)
            .unwrap_or_else(|e| unreachable!("errors-docs writes JSON: {e}"));
        Document { json }
    }

    fn components(&mut self, kind: &str) -> &mut Map<String, Value> {
        match self.json.pointer_mut(&format!("/components/{kind}")) {
            Some(Value::Object(map)) => map,
            _ => unreachable!("an errors-docs document has components.{kind}"),
        }
    }

    /// The union named `name`, taken out of the components.
    fn take_schema(&mut self, name: &str) -> RefOr<Schema> {
        let schema = self.components("schemas").remove(name).unwrap_or_default();
        read(name, schema)
    }

    /// Each reusable response of the document, by status: its per-status union and
    /// its examples inlined (their names stay per route), the request id header
    /// added.
    fn responses(mut self, catalog: &CatalogMeta) -> BTreeMap<String, RefOr<Response>> {
        let schemas = std::mem::take(self.components("schemas"));
        let examples = std::mem::take(self.components("examples"));
        let responses = std::mem::take(self.components("responses"));
        let request_id = serde_json::json!({
            "description": format!(
                "The request's id (echoed when the request sent a well-formed one, made otherwise); the envelope carries it too as `{}`.",
                catalog.envelope.keys.request_id
            ),
            "schema": { "type": "string" },
        });
        let mut out = BTreeMap::new();
        for (key, mut response) in responses {
            let status = key.trim_start_matches("Error").to_owned();
            if let Some(Value::Object(contents)) = response.get_mut("content") {
                for content in contents.values_mut() {
                    inline(content.get_mut("schema"), &schemas);
                    if let Some(Value::Object(named)) = content.get_mut("examples") {
                        for example in named.values_mut() {
                            inline(Some(example), &examples);
                        }
                    }
                }
            }
            if let Value::Object(members) = &mut response {
                let headers = members
                    .entry("headers")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(headers) = headers {
                    headers.insert(
                        catalog.http.request_id_header.to_owned(),
                        request_id.clone(),
                    );
                }
            }
            let response = read(&key, response);
            out.insert(status, response);
        }
        out
    }
}

/// Replaces a `{"$ref": "#/components/<kind>/<name>"}` by the component itself.
fn inline(value: Option<&mut Value>, components: &Map<String, Value>) {
    let Some(value) = value else { return };
    let target = value
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
        .and_then(|name| components.get(name));
    if let Some(target) = target {
        *value = target.clone();
    }
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

/// Whether `key` is one of the document's unions: `ApiError` or `ApiError-429`.
fn is_union(name: &str, key: &str) -> bool {
    match key.strip_prefix(name) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('-')
            .is_some_and(|status| status.parse::<u16>().is_ok()),
        None => false,
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

/// The codes a subset type documents: its own, then the layer's answers it does not
/// already have.
pub fn subset_codes<E: CatalogError>(codes: &[E::Code]) -> Vec<E::Code> {
    let mut all = codes.to_vec();
    for code in layer_codes::<E>() {
        if !all.contains(&code) {
            all.push(code);
        }
    }
    all
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
