use super::*;
use crate::meta::{
    CircuitBreakerConfig, EnvelopeKeys, EnvelopeMeta, EnvelopeStyle, FieldType, HttpMeta,
    RetryClass, RetryConfig,
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
        translations: &[],
        deprecation: None,
        aliases: &[],
        retry_class: RetryClass::from_retryable(status >= 500),
        grpc: crate::meta::GrpcCode::for_status(status),
        message_by: None,
    }
}

const fn field(ty: FieldType, optional: bool, header: Option<&'static str>) -> FieldMeta {
    FieldMeta {
        name: "f",
        wire: "f",
        ty,
        optional,
        internal: false,
        header,
        in_details: true,
        description: None,
        values: &[],
    }
}

const VIOLATIONS: &[FieldMeta] = &[field(FieldType::FieldViolations, false, None)];
const REQUIRED_ID: &[FieldMeta] = &[field(FieldType::String, false, None)];
const OPTIONAL_ID: &[FieldMeta] = &[field(FieldType::String, true, None)];
const RETRY_AFTER: &[FieldMeta] = &[field(FieldType::U64, false, Some("Retry-After"))];

static ERRORS: [ErrorMeta; 10] = [
    error("INVALID_REQUEST", 400, VIOLATIONS),
    error("CONFLICT_LISTED", 409, VIOLATIONS),
    error("CONFLICT", 409, OPTIONAL_ID),
    error("UNPROCESSABLE", 422, VIOLATIONS),
    error("GONE", 410, REQUIRED_ID),
    error("INTERNAL_ERROR", 500, &[]),
    error("TOO_MANY_REQUESTS", 429, RETRY_AFTER),
    error("BAD_GATEWAY", 502, &[]),
    error("SERVICE_UNAVAILABLE", 503, &[]),
    error("OVERLOADED", 503, OPTIONAL_ID),
];

fn catalog(
    bad_request: Option<usize>,
    internal: Option<usize>,
    statuses: &'static [(u16, usize)],
) -> CatalogMeta {
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
            timestamp: true,
            statuses,
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
        language: "en",
        locales: &[],
        grpc_domain: "ApiError",
    }
}

fn rejection(index: usize, rejection: Rejection) -> Option<Answer> {
    Some(Answer {
        index,
        source: Source::Rejection(rejection),
    })
}

fn bare(index: usize, status: u16) -> Option<Answer> {
    Some(Answer {
        index,
        source: Source::Bare(status),
    })
}

#[test]
fn rejection_statuses_take_their_http_code_of_that_status() {
    let catalog = catalog(Some(0), Some(5), &[]);
    assert_eq!(
        for_status(&catalog, 400),
        rejection(0, Rejection::BadRequest)
    );
    // axum's 422 for JSON that does not fit the type is a `bad_request` too.
    assert_eq!(
        for_status(&catalog, 422),
        rejection(0, Rejection::BadRequest)
    );
    assert_eq!(for_status(&catalog, 500), rejection(5, Rejection::Internal));
    assert_eq!(for_panic(&catalog), rejection(5, Rejection::Internal));
    // A key whose code has another status does not answer a bare 500: the next
    // rule does, and finds no code of status 500 but `INTERNAL_ERROR`.
    let odd = self::catalog(Some(0), Some(7), &[]);
    assert_eq!(for_status(&odd, 500), bare(5, 500));
    assert_eq!(for_panic(&odd), rejection(7, Rejection::Internal));
}

#[test]
fn other_statuses_keep_theirs_with_their_only_fillable_code() {
    let catalog = catalog(None, Some(5), &[]);
    // Only a `bad_request` fills violations: the 409 that needs them is passed
    // over for the one whose field is optional.
    assert_eq!(for_status(&catalog, 409), bare(2, 409));
    // A 422 with no `bad_request` code is bare, and stands for `bad_request`.
    assert_eq!(for_status(&catalog, 422), bare(3, 422));
    // A header field is filled from the bare response.
    assert_eq!(for_status(&catalog, 429), bare(6, 429));
    assert_eq!(for_status(&catalog, 502), bare(7, 502));
    // A required field the layer has no value for: no answer.
    assert_eq!(for_status(&catalog, 410), None);
    assert_eq!(for_status(&catalog, 418), None);
    // Two candidates and no entry: no guess, and never `internal` for another 5xx.
    assert_eq!(
        candidates(&catalog, 503)
            .map(|(i, _)| i)
            .collect::<Vec<_>>(),
        [8, 9]
    );
    assert_eq!(for_status(&catalog, 503), None);
    assert_eq!(for_status(&catalog, 504), None);
    // No `internal` code: a panic is a bare 500.
    assert_eq!(for_panic(&self::catalog(None, None, &[])), bare(5, 500));
}

#[test]
fn the_status_table_decides_between_candidates() {
    let catalog = catalog(None, None, &[(503, 9)]);
    assert_eq!(for_status(&catalog, 503), bare(9, 503));
    assert_eq!(for_status(&catalog, 502), bare(7, 502));
}
