//! What the OpenAPI integrations (features `utoipa` and `aide`) share: the codes a
//! route documents, and the catalog's strict OpenAPI document (errors-docs) cut to
//! those codes, as JSON for each library's own types.

use std::collections::BTreeSet;

use errors_docs::{Reference, SchemaMode};
use errors_vocab::Rejection;
use serde_json::{Map, Value};

use crate::error::{CatalogError, ErrorCode};
use crate::meta::CatalogMeta;

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

/// The strict OpenAPI document of some of a catalog's codes, as JSON.
pub(crate) struct Document {
    json: Value,
}

impl Document {
    /// The document of `codes` (every code for `None`).
    pub(crate) fn of<E: CatalogError>(codes: Option<&[E::Code]>) -> Document {
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

    /// The union named `name` (the catalog's name: every code of the document),
    /// taken out of the components.
    #[cfg(feature = "utoipa")]
    pub(crate) fn take_schema(&mut self, name: &str) -> Value {
        self.components("schemas").remove(name).unwrap_or_default()
    }

    /// Every component schema but the unions (the catalog's and one per status):
    /// each code's envelope, its details object and the shared definitions.
    pub(crate) fn component_schemas(mut self, name: &str) -> Vec<(String, Value)> {
        std::mem::take(self.components("schemas"))
            .into_iter()
            .filter(|(key, _)| !is_union(name, key))
            .collect()
    }

    /// Each reusable response of the document, by status: its per-status union and
    /// its examples inlined (their names stay per route), the request id header
    /// added.
    pub(crate) fn responses(mut self, catalog: &CatalogMeta) -> Vec<(u16, Value)> {
        let schemas = std::mem::take(self.components("schemas"));
        let examples = std::mem::take(self.components("examples"));
        let responses = std::mem::take(self.components("responses"));
        let request_id = serde_json::json!({
            "description": format!(
                "The request's id (echoed when the request sent a well-formed one, made otherwise); the envelope carries it too as `{}`.",
                catalog.envelope.keys.request_id
            ),
            "required": true,
            "schema": { "type": "string" },
        });
        let mut out = Vec::new();
        for (key, mut response) in responses {
            let Ok(status) = key.trim_start_matches("Error").parse::<u16>() else {
                unreachable!("errors-docs names responses ErrorNNN, not {key}")
            };
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
            out.push((status, response));
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
