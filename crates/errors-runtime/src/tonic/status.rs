//! An error as a `tonic::Status`: the catalog's gRPC code, the rendered message and
//! the `google.rpc` details (`ErrorInfo`, `RetryInfo`, `BadRequest`).

use std::collections::HashMap;

use serde_core::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

use crate::envelope::details_write::DetailsMap;
use crate::error::CatalogError;
use crate::meta::{ErrorMeta, FieldType};

/// The `tonic::Status` of `error`.
///
/// - code: the catalog's `grpc` of the error's code (or the default of its HTTP
///   status, SPEC 9.5);
/// - message: the rendered message (the error's `Display`);
/// - `google.rpc.ErrorInfo`: `reason` the catalog code, `domain` the catalog's
///   `grpc_domain`, `metadata` each public field that is set, by its wire name, as
///   text: the `Display` of a scalar (what a header carries), JSON for `json`,
///   lists and field violations; a non-finite `f64` as `NaN`, `Infinity` or
///   `-Infinity`. A field sent outside `details` travels as its header's text, or
///   as the `param` text when it is the code's `param`; one sent only in the
///   message travels in the message. Internal fields never leave;
/// - `google.rpc.RetryInfo`: the error's [`retry_after`](CatalogError::retry_after),
///   when it has one;
/// - `google.rpc.BadRequest`: the violations of its `field_violations` fields
///   (`path` as `field`, `message` as `description`, `rule` as `reason`).
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use errors_runtime::tonic::to_status;
/// use tonic_types::StatusExt;
///
/// let error = api::ApiError::RateLimited { category: "read".into(), retry_after: 42, limit: None };
/// let status = to_status(&error);
/// assert_eq!(status.code(), tonic::Code::ResourceExhausted);
/// assert_eq!(status.message(), error.to_string());
/// let info = status.get_details_error_info().unwrap();
/// assert_eq!((info.reason.as_str(), info.domain.as_str()), ("RATE_LIMITED", "ApiError"));
/// assert_eq!(info.metadata["retryAfter"], "42");
/// let retry = status.get_details_retry_info().unwrap();
/// assert_eq!(retry.retry_delay, Some(std::time::Duration::from_secs(42)));
/// ```
pub fn to_status<E: CatalogError>(error: &E) -> Status {
    let meta = error.meta();
    let members = details_of(error);
    let mut metadata: HashMap<String, String> = HashMap::new();
    for (wire, value) in &members {
        if let Some(field) = meta.fields.iter().find(|f| f.in_details && f.wire == wire) {
            metadata.insert(wire.clone(), text_of(field.ty, value));
        }
    }
    // Fields sent as a header only: their header's text.
    error.for_each_header(&mut |header, value| {
        let field = meta.fields.iter().find(|f| {
            !f.internal && !f.in_details && f.header.is_some_and(|h| h.eq_ignore_ascii_case(header))
        });
        if let Some(field) = field {
            metadata.insert(field.wire.to_owned(), value.to_string());
        }
    });
    // The `param` field sent outside `details` (the typed envelope's `param`).
    if let (Some(name), Some(value)) = (meta.param, error.param())
        && let Some(field) = meta.fields.iter().find(|f| f.name == name && !f.in_details)
    {
        metadata.insert(field.wire.to_owned(), value.to_owned());
    }
    let mut details = ErrorDetails::with_error_info(meta.code, E::CATALOG.grpc_domain, metadata);
    if let Some(delay) = error.retry_after() {
        details.set_retry_info(Some(delay));
    }
    let violations = violations(meta, &members);
    if !violations.is_empty() {
        details.set_bad_request(violations);
    }
    Status::with_error_details(Code::from(meta.grpc.number()), error.to_string(), details)
}

/// The public detail members of `error`, as its envelope writes them (non-finite
/// floats as their names).
fn details_of<E: CatalogError>(error: &E) -> Map<String, Value> {
    let write = || {
        let mut map = serde_json::value::Serializer.serialize_map(Some(error.details_len()))?;
        error.write_details(&mut DetailsMap(&mut map))?;
        map.end()
    };
    match write() {
        Ok(Value::Object(members)) => members,
        // Detail values always serialize to JSON; nothing to send otherwise.
        _ => Map::new(),
    }
}

/// The metadata text of a detail value of type `ty`: what its header would carry
/// (its `Display`) for scalars, JSON for the rest.
pub(super) fn text_of(ty: FieldType, value: &Value) -> String {
    match (ty, value) {
        (FieldType::Json | FieldType::List(_) | FieldType::FieldViolations, value) => {
            value.to_string()
        }
        // `Display` of the float, which reads back exactly: `1` for 1.0.
        (FieldType::F64, Value::Number(n)) => {
            n.as_f64().map_or_else(|| n.to_string(), |x| x.to_string())
        }
        // A string, or the name of a non-finite float.
        (_, Value::String(text)) => text.clone(),
        (_, value) => value.to_string(),
    }
}

/// The violations of every `field_violations` field of `meta` in `members`.
fn violations(meta: &ErrorMeta, members: &Map<String, Value>) -> Vec<FieldViolation> {
    let mut out = Vec::new();
    let fields = meta
        .fields
        .iter()
        .filter(|f| f.in_details && f.ty == FieldType::FieldViolations);
    for field in fields {
        let Some(Value::Array(items)) = members.get(field.wire) else {
            continue;
        };
        for item in items {
            let text = |key: &str| item.get(key).and_then(Value::as_str);
            let mut violation = FieldViolation::new(
                text("path").unwrap_or_default(),
                text("message").unwrap_or_default(),
            );
            if let Some(rule) = text("rule") {
                violation.reason = rule.to_owned();
            }
            out.push(violation);
        }
    }
    out
}
