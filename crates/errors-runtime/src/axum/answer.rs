//! Which code of the catalog answers a response the service did not make from the
//! catalog, and the error of that code (SPEC 9.1).
//!
//! Decided here, once:
//! - a handler panic takes the `internal` code;
//! - a status that stands for a [`Rejection`] (400 and 422, 404, 405, 413, 415, 500)
//!   takes that rejection's `[http]` code when the code has that status (axum's 422,
//!   JSON that does not fit the type, is a `bad_request` whatever its code's status);
//! - any other error status (and a rejection status whose key has no code of it) is
//!   a bare response: it keeps its status and takes the code `[http.status]` names,
//!   else its only candidate, a code of that status, not deprecated, that the layer
//!   can fill by [`Fill::of_bare`]; else nothing answers it.
//!
//! What the layer can fill is the one rule of [`Fill`], which the catalog's
//! validation applies too.

use axum_core::response::Response;
use http::HeaderMap;

use super::request_id::Scope;
use super::respond::{Settings, render};
use crate::decode::{Decode, WireDetails, read_text};
use crate::envelope::violation::FieldViolation;
use crate::error::ErrorCode;
use crate::meta::{CatalogMeta, ErrorMeta, FieldMeta, Fill, FormatSpec, Rejection};

/// The code that answers a response: its index in [`CatalogMeta::errors`] and what
/// the response stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Answer {
    pub(super) index: usize,
    pub(super) source: Source,
}

/// What a response the layer answers stands for: it decides how fields are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// A framework rejection (or a panic), answered by its `[http]` key.
    Rejection(Rejection),
    /// A bare response of this status: header fields come from its headers.
    Bare(u16),
}

impl Answer {
    /// The rejection the answer stands for, if any.
    pub(super) fn rejection(&self) -> Option<Rejection> {
        match self.source {
            Source::Rejection(r) => Some(r),
            Source::Bare(status) => Rejection::from_status(status),
        }
    }

    fn fill(&self, field: &FieldMeta) -> Fill {
        match self.source {
            Source::Rejection(r) => Fill::of(field.shape(), Some(r)),
            Source::Bare(status) => Fill::of_bare(field.shape(), status),
        }
    }
}

/// The answer to a handler's panic: the `internal` code, else what answers a bare
/// 500.
pub(super) fn for_panic(catalog: &CatalogMeta) -> Option<Answer> {
    match catalog.http.internal {
        Some(index) => Some(Answer {
            index,
            source: Source::Rejection(Rejection::Internal),
        }),
        None => bare(catalog, 500),
    }
}

/// The answer to a response of `status` that is no catalog error; `None` when no
/// code answers it (the response then goes out as the service made it).
pub(super) fn for_status(catalog: &CatalogMeta, status: u16) -> Option<Answer> {
    if let Some(rejection) = Rejection::from_status(status)
        && let Some(index) = catalog.http.code_index(rejection)
        && catalog
            .errors
            .get(index)
            .is_some_and(|e| e.status == status || status == 422)
    {
        return Some(Answer {
            index,
            source: Source::Rejection(rejection),
        });
    }
    bare(catalog, status)
}

/// A bare response of `status`: the `[http.status]` entry, else the only candidate.
fn bare(catalog: &CatalogMeta, status: u16) -> Option<Answer> {
    let source = Source::Bare(status);
    if let Some(index) = catalog.http.status_index(status) {
        return Some(Answer { index, source });
    }
    let mut candidates = candidates(catalog, status);
    match (candidates.next(), candidates.next()) {
        (Some((index, _)), None) => Some(Answer { index, source }),
        _ => None,
    }
}

/// The codes that could answer a bare `status` by themselves, with their index.
pub(super) fn candidates(
    catalog: &CatalogMeta,
    status: u16,
) -> impl Iterator<Item = (usize, &'static ErrorMeta)> + '_ {
    catalog.errors.iter().enumerate().filter(move |(_, e)| {
        e.status == status
            && e.deprecated.is_none()
            && Fill::all_bare(e.fields.iter().map(FieldMeta::shape), status)
    })
}

/// Why [`build`] made no error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unbuilt {
    /// A required header field's header is missing or does not parse as its type.
    MissingHeader,
    /// `E` cannot be built from catalog fields alone (a derived type's own members).
    NotDecodable,
}

/// The error of `answer`'s code, filled by the rule of [`Fill`]: its
/// `field_violations` field set to `violations` when it answers a `bad_request` (an
/// optional one only when there are some), header fields from `headers` (the bare
/// response's), its other fields absent (internal ones at their defaults).
pub(super) fn build<E: Decode>(
    answer: Answer,
    violations: &[FieldViolation],
    headers: &HeaderMap,
) -> Result<E, Unbuilt> {
    let code = *<E::Code as ErrorCode>::ALL
        .get(answer.index)
        .ok_or(Unbuilt::NotDecodable)?;
    let meta = code.meta();
    let mut members = serde_json::Map::new();
    let mut sent = Vec::new();
    for field in meta.fields {
        match answer.fill(field) {
            Fill::Violations if !field.optional || !violations.is_empty() => {
                let value = if field.values.is_empty() {
                    serde_json::to_value(violations)
                } else {
                    serde_json::to_value(within_rules(violations, field.values))
                };
                let value = value.map_err(|_| Unbuilt::NotDecodable)?;
                members.insert(field.wire.to_owned(), value);
            }
            Fill::Header => {
                let name = field.header.unwrap_or_default();
                let text = headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::trim);
                // A header that does not parse counts as missing: the layer never
                // invents a value.
                let value = text
                    .and_then(|t| read_text(field.ty, FormatSpec::DISPLAY, t).ok())
                    .filter(|v| is_value_of(field, v));
                match (value, text) {
                    (Some(value), _) if field.in_details => {
                        members.insert(field.wire.to_owned(), value);
                    }
                    // Outside `details`, `from_wire` reads it from the header itself.
                    (Some(_), Some(text)) => sent.push((name.to_owned(), text.to_owned())),
                    _ if field.optional => {}
                    _ => return Err(Unbuilt::MissingHeader),
                }
            }
            _ => {}
        }
    }
    E::from_wire(code, WireDetails::bare(meta, &members, &sent)).map_err(|_| Unbuilt::NotDecodable)
}

/// What an extractor rejected, as the catalog's error of `E` (the [`Reject`] of the
/// layer's scope): the `[http]` code of `rejection` with its `field_violations`
/// field set to `violations`, rendered in `scope` (request id, timestamp, hooks) and
/// logged once with `reason`. `None` when the catalog has no code for it, or `E`
/// cannot build that code.
///
/// [`Reject`]: super::request_id::Reject
pub(super) fn reject<E: Decode + 'static>(
    scope: &Scope,
    rejection: Rejection,
    violations: &[FieldViolation],
    reason: &str,
) -> Option<Response> {
    let index = E::CATALOG.http.code_index(rejection)?;
    let answer = Answer {
        index,
        source: Source::Rejection(rejection),
    };
    let error = build::<E>(answer, violations, &HeaderMap::new()).ok()?;
    let settings = scope.settings.downcast_ref::<Settings<E>>()?;
    Some(settings.apply(&error, render(error.envelope(), Some(reason))))
}

/// Whether `value` may be `field`'s: any value, unless the field is an enum and the
/// value is none of its strings.
fn is_value_of(field: &FieldMeta, value: &serde_json::Value) -> bool {
    field.values.is_empty() || value.as_str().is_some_and(|v| field.values.contains(&v))
}

/// The layer's violations for a field that declares `rules`: a rule of the layer's
/// own that is not among them is left out (the violation stays).
fn within_rules(violations: &[FieldViolation], rules: &[&str]) -> Vec<FieldViolation> {
    violations
        .iter()
        .map(|v| match &v.rule {
            Some(rule) if !rules.contains(&rule.as_str()) => v.clone().without_rule(),
            _ => v.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
