//! A bare error response no code of the catalog answers (SPEC 9.1): it keeps its
//! status and headers and gains the request id header; a 5xx loses its body and the
//! headers that describe it, so no internal text leaks; the layer warns once per
//! status, naming the `[http.status]` entry (or the code) to add.

use std::sync::atomic::{AtomicU64, Ordering};

use axum_core::body::Body;
use axum_core::response::Response;
use http::response::Parts;

use super::answer;
use super::body::drop_body_headers;
use crate::log_text::LogText;
use crate::meta::CatalogMeta;

/// The error statuses (400 to 599) the layer has warned about, one bit each.
#[derive(Debug, Default)]
pub(super) struct Warned([AtomicU64; 4]);

impl Warned {
    /// Whether this is the first time for `status` (always false outside 400..=599).
    fn first(&self, status: u16) -> bool {
        let Some(bit) = status.checked_sub(400).filter(|b| *b < 200) else {
            return false;
        };
        let mask = 1u64 << (bit % 64);
        self.0[usize::from(bit / 64)].fetch_or(mask, Ordering::Relaxed) & mask == 0
    }
}

/// Why the layer could not answer, for its warning.
#[derive(Debug, Clone, Copy)]
pub(super) enum Why {
    /// No code, or several, could answer the status.
    NoCode,
    /// The code (its index) that answers it needs a header the response lacks (or
    /// that does not parse as the field's type).
    MissingHeader(usize),
    /// The code (its index) cannot be built by the layer (a derived type's own
    /// members).
    NotDecodable(usize),
}

/// The response as the service made it (without its body, for a 5xx), with the
/// request id header set by the caller; warns the first time for its status.
pub(super) fn unanswered(
    catalog: &CatalogMeta,
    mut parts: Parts,
    body: Body,
    why: Why,
    warned: &Warned,
    request_id: &str,
) -> Response {
    let status = parts.status.as_u16();
    if warned.first(status) {
        // The id is well-formed and the fix names the catalog's own codes, but
        // both go through `LogText` like every text of a log line (SPEC 9.1).
        let fix = LogText(fix(catalog, status, why));
        let request_id = tracing::field::display(LogText(request_id));
        tracing::warn!(
            target: "errors_runtime::axum",
            status, request_id,
            "no code of the catalog answers this {status} response, so it goes out as the service made it{}: {fix}",
            if status >= 500 { " without its body" } else { "" }
        );
    }
    if status >= 500 {
        // Whatever a 5xx says may be internal: status and headers only.
        drop_body_headers(&mut parts.headers);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, body)
}

/// What to add to the catalog so that the layer answers `status`.
fn fix(catalog: &CatalogMeta, status: u16, why: Why) -> String {
    let code = |index: usize| catalog.errors.get(index).map_or("", |e| e.code);
    if let Why::NotDecodable(index) = why {
        return format!(
            "the error type cannot build `{}` from its catalog fields alone; answer {status} in the handler",
            code(index)
        );
    }
    if let Why::MissingHeader(index) = why {
        let code = code(index);
        let headers: Vec<&str> = catalog
            .errors
            .get(index)
            .into_iter()
            .flat_map(|e| e.fields)
            .filter(|f| !f.optional && !f.internal)
            .filter_map(|f| f.header)
            .collect();
        return format!(
            "`{code}` needs the `{}` header, which the response lacks or which does not parse; send it, or make that field optional",
            headers.join("`, `")
        );
    }
    let candidates: Vec<&str> = answer::candidates(catalog, status)
        .map(|(_, e)| e.code)
        .collect();
    match &candidates[..] {
        [] => format!(
            "declare a code of status {status} whose required fields are internal or have a `header`, and add `{status} = \"CODE\"` to `[http.status]`"
        ),
        [first, ..] => format!(
            "add `{status} = \"{first}\"` to `[http.status]` (or name another of {})",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_warns_once() {
        let warned = Warned::default();
        assert!(warned.first(503));
        assert!(!warned.first(503));
        assert!(warned.first(400));
        assert!(warned.first(599));
        assert!(warned.first(463));
        assert!(!warned.first(599));
        assert!(!warned.first(600));
        assert!(!warned.first(200));
    }
}
