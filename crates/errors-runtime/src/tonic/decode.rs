//! A `tonic::Status` back into the typed error: the `google.rpc.ErrorInfo` of the
//! catalog's domain read through the decoders an envelope goes through.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Map, Value};
use tonic::Status;
use tonic_types::StatusExt;

use crate::decode::parts::{self, Parts};
use crate::decode::read_text;
use crate::envelope::non_finite;
use crate::meta::{ErrorMeta, FieldType, FormatSpec, GrpcCode};
use crate::{Decode, DecodeError, Received};

/// The error a `tonic::Status` made by [`to_status`](super::to_status) carries.
///
/// - a status whose `google.rpc.ErrorInfo` has the catalog's `grpc_domain` and a
///   code of the catalog gives the typed error ([`Received::Known`]), its fields
///   read from the `ErrorInfo` metadata by their catalog types, a field sent only in
///   the message read back from the message;
/// - a value that does not read as its field's type, or a required field missing,
///   gives [`Received::Mismatched`]: code, message, the metadata and why;
/// - any other status (another service's, a proxy's, a code this build does not
///   know) gives [`Received::Unknown`]: the `ErrorInfo` reason (else the gRPC code's
///   name, e.g. `UNAVAILABLE`), the status's message, the HTTP status
///   `google.rpc.Code` documents for its code (which decides whether it is
///   retryable) and the metadata as strings.
///
/// Never panics: details that do not decode are no details.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// use errors_runtime::tonic::{from_status, to_status};
///
/// let error = api::ApiError::RateLimited { category: "read".into(), retry_after: 42, limit: None };
/// let back = from_status::<api::ApiError>(&to_status(&error));
/// assert_eq!(back.known(), Some(&error));
///
/// let other = tonic::Status::unavailable("try later");
/// let unknown = from_status::<api::ApiError>(&other);
/// let unknown = unknown.unknown().unwrap();
/// assert_eq!((unknown.code(), unknown.message(), unknown.status()), ("UNAVAILABLE", "try later", Some(503)));
/// assert!(unknown.is_retryable());
/// ```
pub fn from_status<E: Decode>(status: &Status) -> Received<E> {
    let details = status.check_error_details().unwrap_or_default();
    let grpc = GrpcCode::from_number(status.code() as i32);
    let http = grpc.map(GrpcCode::http_status);
    let info = details.error_info();
    let catalog = E::CATALOG;
    if let Some(info) = info
        && info.domain == catalog.grpc_domain
        && let Some(meta) = catalog.error(&info.reason)
    {
        let read = read_metadata(meta, &info.metadata);
        let param = meta
            .param
            .and_then(|name| meta.fields.iter().find(|f| f.name == name && !f.in_details))
            .and_then(|field| info.metadata.get(field.wire))
            .map(String::as_str);
        return parts::received(Parts {
            code: &info.reason,
            message: status.message(),
            status: http,
            param,
            details: read.members,
            headers: &read.headers,
            invalid: read.invalid,
        });
    }
    let code = match info.filter(|i| !i.reason.is_empty()) {
        Some(info) => info.reason.clone(),
        None => grpc.map_or("OK", GrpcCode::as_str).to_owned(),
    };
    let raw = info
        .map(|i| {
            i.metadata
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect()
        })
        .unwrap_or_default();
    Received::Unknown(parts::unknown(&code, status.message(), http, raw))
}

/// How long the status's `google.rpc.RetryInfo` asks to wait, if it has one.
///
/// ```
/// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
/// let error = api::ApiError::RateLimited { category: "read".into(), retry_after: 7, limit: None };
/// let status = errors_runtime::tonic::to_status(&error);
/// assert_eq!(errors_runtime::tonic::retry_delay(&status), Some(std::time::Duration::from_secs(7)));
/// assert_eq!(errors_runtime::tonic::retry_delay(&tonic::Status::internal("x")), None);
/// ```
pub fn retry_delay(status: &Status) -> Option<Duration> {
    status.get_details_retry_info()?.retry_delay
}

/// What `ErrorInfo` metadata says of one code's fields.
struct Metadata {
    /// The detail members, wire-named.
    members: Map<String, Value>,
    /// The fields sent as a header only, as those headers.
    headers: Vec<(String, String)>,
    /// The first value that does not read as its field's type.
    invalid: Option<DecodeError>,
}

/// The fields of `meta` in `metadata`.
fn read_metadata(meta: &'static ErrorMeta, metadata: &HashMap<String, String>) -> Metadata {
    let mut read = Metadata {
        members: Map::new(),
        headers: Vec::new(),
        invalid: None,
    };
    for field in meta.fields.iter().filter(|f| !f.internal) {
        let Some(text) = metadata.get(field.wire) else {
            continue;
        };
        if field.in_details {
            let value = value_of(field.ty, text).unwrap_or_else(|reason| {
                read.invalid.get_or_insert(DecodeError::InvalidField {
                    code: meta.code,
                    field: field.wire,
                    reason,
                });
                Value::String(text.clone())
            });
            read.members.insert(field.wire.to_owned(), value);
        } else if let Some(header) = field.header {
            // Read back, exactly, as a response header is.
            read.headers.push((header.to_owned(), text.clone()));
        }
    }
    read
}

/// The JSON value of a metadata text of type `ty`, as [`to_status`](super::to_status)
/// writes it.
fn value_of(ty: FieldType, text: &str) -> Result<Value, String> {
    match ty {
        FieldType::String => Ok(Value::String(text.to_owned())),
        FieldType::F64 if non_finite::parse(text).is_some() => Ok(Value::String(text.to_owned())),
        FieldType::Json | FieldType::List(_) | FieldType::FieldViolations => {
            serde_json::from_str(text).map_err(|err| format!("`{text}` is not JSON: {err}"))
        }
        _ => read_text(ty, FormatSpec::DISPLAY, text),
    }
}
