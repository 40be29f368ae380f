//! Lowering the gRPC settings: `grpc = "NOT_FOUND"` of an error and `[catalog]
//! grpc_domain`. A name that is not a `google.rpc.Code` other than `OK` is reported
//! where it is written, with every valid name as the fix.

use toml::de::{DeTable, DeValue};

use super::context::Cx;
use crate::diagnostic::Diagnostic;
use crate::model::GrpcCode;
use crate::source::Location;
use crate::suggest::did_you_mean;

/// The gRPC code of an error: `grpc` as written, else the default of `status`; and
/// where `grpc` is written. A wrong value is reported and the default kept.
pub(super) fn code(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
    status: u16,
) -> (GrpcCode, Option<Location>) {
    let default = GrpcCode::for_status(status);
    let Some(value) = table.get("grpc") else {
        return (default, None);
    };
    let at = cx.at(value.span());
    let names: Vec<&str> = GrpcCode::ALL.iter().map(|c| c.as_str()).collect();
    let valid = format!("use one of {}", names.join(", "));
    let DeValue::String(text) = value.get_ref() else {
        cx.wrong_type(
            value,
            "`grpc`",
            "a string naming a gRPC status code, such as `\"NOT_FOUND\"`",
        );
        return (default, Some(at));
    };
    if let Some(code) = GrpcCode::from_name(text) {
        return (code, Some(at));
    }
    let message = if text.as_ref() == "OK" {
        "`grpc = \"OK\"`: an error cannot be sent with the gRPC code OK".to_owned()
    } else {
        format!("unknown gRPC status code `\"{text}\"`")
    };
    let upper = text.to_ascii_uppercase();
    let help = match GrpcCode::from_name(&upper).map(GrpcCode::as_str) {
        Some(name) => format!("did you mean `\"{name}\"`? (names are in SCREAMING_SNAKE_CASE)"),
        None => match did_you_mean(&upper, names.iter().copied()) {
            Some(similar) => format!("did you mean `\"{similar}\"`? {valid}"),
            None => valid,
        },
    };
    cx.sink
        .push(Diagnostic::new(at.clone(), message).help(help));
    (default, Some(at))
}

/// `[catalog] grpc_domain`: a non-empty string, or `None` (the default).
pub(super) fn domain(cx: &mut Cx<'_>, table: &DeTable<'_>) -> Option<String> {
    let (domain, at) = cx.string(table, "grpc_domain")?;
    if domain.trim().is_empty() {
        cx.sink.push(
            Diagnostic::new(at, "`grpc_domain` is empty")
                .help("name the service the codes belong to, e.g. `grpc_domain = \"pay.example.com\"`, or leave it out for the catalog's `name`"),
        );
        return None;
    }
    Some(domain)
}
