//! Which code of the catalog answers a response the service did not make from the
//! catalog, and the error of that code.
//!
//! The code of a framework rejection or a bare error status is decided here, once:
//! a handler panic and a 500 take the `internal` code; a status that stands for a
//! [`Rejection`] (400 and 422, 404, 405, 413, 415, 500) takes that rejection's
//! `[http]` code; any other status the first code of that status, not deprecated,
//! that the layer can fill; another 5xx the `internal` code. What the layer can fill
//! is the one rule of [`Fill`], which the catalog's validation applies too.

use crate::decode::{Decode, WireDetails};
use crate::error::ErrorCode;
use crate::meta::{CatalogMeta, ErrorMeta, FieldMeta, Fill, Rejection};
use crate::violation::FieldViolation;

/// The code that answers a response: its index in [`CatalogMeta::errors`] and the
/// rejection the response stands for, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Answer {
    pub(super) index: usize,
    pub(super) rejection: Option<Rejection>,
}

/// The answer to a handler's panic: the `internal` code.
pub(super) fn for_panic(catalog: &CatalogMeta) -> Option<Answer> {
    internal(catalog)
}

/// The answer to a response of `status` that is no catalog error; `None` when the
/// catalog has no code for it (the response then goes out as the service made it).
pub(super) fn for_status(catalog: &CatalogMeta, status: u16) -> Option<Answer> {
    let rejection = Rejection::from_status(status);
    if let Some(index) = rejection.and_then(|r| catalog.http.code_index(r)) {
        return Some(Answer { index, rejection });
    }
    let same_status = catalog
        .errors
        .iter()
        .position(|e| e.status == status && e.deprecated.is_none() && fillable(e, rejection));
    if let Some(index) = same_status {
        return Some(Answer { index, rejection });
    }
    if (500..600).contains(&status) {
        return internal(catalog);
    }
    None
}

fn internal(catalog: &CatalogMeta) -> Option<Answer> {
    catalog.http.internal.map(|index| Answer {
        index,
        rejection: Some(Rejection::Internal),
    })
}

/// Whether the layer can build an error of this code answering `rejection`.
fn fillable(error: &ErrorMeta, rejection: Option<Rejection>) -> bool {
    Fill::all(error.fields.iter().map(FieldMeta::shape), rejection)
}

/// The error of `answer`'s code, filled by the rule of [`Fill`]: its
/// `field_violations` field set to `violations` when it answers a `bad_request` (an
/// optional one only when there are some), its other fields absent (internal ones at
/// their defaults). `None` when `E` cannot be built so (a derived type's own
/// members).
pub(super) fn build<E: Decode>(answer: Answer, violations: &[FieldViolation]) -> Option<E> {
    let code = *<E::Code as ErrorCode>::ALL.get(answer.index)?;
    let meta = code.meta();
    let mut members = serde_json::Map::new();
    for field in meta.fields {
        let fill = Fill::of(field.shape(), answer.rejection);
        if fill == Fill::Violations && (!field.optional || !violations.is_empty()) {
            members.insert(
                field.wire.to_owned(),
                serde_json::to_value(violations).ok()?,
            );
        }
    }
    E::from_wire(code, WireDetails::new(meta.code, Some(&members))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{
        CircuitBreakerConfig, EnvelopeKeys, EnvelopeMeta, EnvelopeStyle, FieldType, HttpMeta,
        RetryConfig,
    };

    const fn error(code: &'static str, status: u16, fields: &'static [FieldMeta]) -> ErrorMeta {
        ErrorMeta {
            code,
            variant: code,
            status,
            retryable: status >= 500,
            category: None,
            title: code,
            template: "",
            pieces: &[],
            description: None,
            fields,
            doc_url: None,
            param: None,
            deprecated: None,
        }
    }

    const fn field(ty: FieldType, optional: bool) -> FieldMeta {
        FieldMeta {
            name: "f",
            wire: "f",
            ty,
            optional,
            internal: false,
            header: None,
            in_details: true,
            description: None,
        }
    }

    const VIOLATIONS: &[FieldMeta] = &[field(FieldType::FieldViolations, false)];
    const REQUIRED_ID: &[FieldMeta] = &[field(FieldType::String, false)];
    const OPTIONAL_ID: &[FieldMeta] = &[field(FieldType::String, true)];

    static ERRORS: [ErrorMeta; 6] = [
        error("INVALID_REQUEST", 400, VIOLATIONS),
        error("CONFLICT_LISTED", 409, VIOLATIONS),
        error("CONFLICT", 409, OPTIONAL_ID),
        error("UNPROCESSABLE", 422, VIOLATIONS),
        error("GONE", 410, REQUIRED_ID),
        error("INTERNAL_ERROR", 500, &[]),
    ];

    fn catalog(bad_request: Option<usize>, internal: Option<usize>) -> CatalogMeta {
        CatalogMeta {
            name: "ApiError",
            envelope: EnvelopeMeta {
                style: EnvelopeStyle::Nested,
                keys: EnvelopeKeys::defaults(EnvelopeStyle::Nested),
            },
            retry: RetryConfig::DEFAULT,
            circuit_breaker: CircuitBreakerConfig::DEFAULT,
            http: HttpMeta {
                request_id_header: "X-Request-Id",
                bad_request,
                not_found: None,
                method_not_allowed: None,
                unsupported_media_type: None,
                payload_too_large: None,
                internal,
            },
            errors: &ERRORS,
            categories: &[],
            description: None,
            statuses: &[],
        }
    }

    fn answer(index: usize, rejection: Option<Rejection>) -> Option<Answer> {
        Some(Answer { index, rejection })
    }

    #[test]
    fn rejection_statuses_take_their_http_code() {
        let catalog = catalog(Some(0), Some(5));
        assert_eq!(
            for_status(&catalog, 400),
            answer(0, Some(Rejection::BadRequest))
        );
        // axum's 422 for JSON that does not fit the type is a `bad_request` too.
        assert_eq!(
            for_status(&catalog, 422),
            answer(0, Some(Rejection::BadRequest))
        );
        assert_eq!(
            for_status(&catalog, 500),
            answer(5, Some(Rejection::Internal))
        );
        assert_eq!(for_panic(&catalog), answer(5, Some(Rejection::Internal)));
    }

    #[test]
    fn other_statuses_take_a_fillable_code_of_theirs() {
        let catalog = catalog(None, Some(5));
        // Only a `bad_request` fills violations: the 409 that needs them is passed
        // over for the one whose field is optional.
        assert_eq!(for_status(&catalog, 409), answer(2, None));
        // A 422 stands for `bad_request`, so its own code's violations are filled.
        assert_eq!(
            for_status(&catalog, 422),
            answer(3, Some(Rejection::BadRequest))
        );
        // A required field the layer has no value for: no answer.
        assert_eq!(for_status(&catalog, 410), None);
        assert_eq!(for_status(&catalog, 418), None);
        // Another 5xx falls back to `internal`.
        assert_eq!(
            for_status(&catalog, 503),
            answer(5, Some(Rejection::Internal))
        );
        assert_eq!(for_panic(&self::catalog(None, None)), None);
        assert_eq!(for_status(&self::catalog(None, None), 503), None);
    }
}
