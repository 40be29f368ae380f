//! The bundled `catalog.toml`, checked in full against the seeds it comes from.

use errors_catalog::{Catalog, DetailType, EnvelopeStyle, Member};

fn bundled() -> Catalog {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog.toml");
    match Catalog::load(path) {
        Ok(catalog) => catalog,
        Err(diagnostics) => panic!("the bundled catalog has problems:\n{diagnostics}"),
    }
}

#[test]
fn settings() {
    let c = bundled();
    assert_eq!(
        (c.name.as_str(), c.code_enum.as_str()),
        ("ApiError", "ApiErrorCode")
    );
    assert_eq!(c.envelope.style, EnvelopeStyle::Flat);
    assert_eq!(c.envelope.key(Member::Code), Some("errorCode"));
    assert_eq!(c.envelope.key(Member::RequestId), Some("requestId"));
    assert_eq!(c.details_case, errors_catalog::DetailsCase::CamelCase);
    assert_eq!(
        c.code_case,
        Some(errors_catalog::CodeCase::ScreamingSnakeCase)
    );
    assert_eq!(
        c.doc_url.as_deref(),
        Some("https://docs.example.com/errors#{code}")
    );
    // Seed 000: at most 5 attempts, 1 s base, 30 s cap, Retry-After honoured.
    let r = c.retry;
    assert_eq!(
        (
            r.max_attempts,
            r.base_delay_ms,
            r.max_delay_ms,
            r.honor_retry_after
        ),
        (5, 1000, 30_000, errors_catalog::HonorRetryAfter::FirstRetry)
    );
    // Seed 002: 5 consecutive failures, 30 s, limited trial requests.
    let b = c.circuit_breaker;
    assert_eq!(
        (b.failure_threshold, b.open_ms, b.half_open_requests),
        (5, 30_000, 1)
    );
    let categories: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        categories,
        [
            "api_error",
            "validation_error",
            "auth_error",
            "permission_error",
            "not_found_error",
            "conflict_error",
            "idempotency_error",
            "rate_limit_error"
        ]
    );
    assert_eq!(c.files.len(), 1);
}

#[test]
fn every_code_with_its_status_retryability_and_category() {
    let c = bundled();
    let table: Vec<(&str, u16, bool, Option<&str>)> = c
        .errors
        .iter()
        .map(|e| {
            (
                e.code.as_str(),
                e.status,
                e.retryable,
                e.category.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            // Seed 000: the ten common codes.
            ("INVALID_REQUEST", 400, false, Some("validation_error")),
            ("UNAUTHENTICATED", 401, false, Some("auth_error")),
            ("TOKEN_EXPIRED", 401, false, Some("auth_error")),
            ("PREMIUM_REQUIRED", 403, false, Some("permission_error")),
            ("FORBIDDEN", 403, false, Some("permission_error")),
            ("NOT_FOUND", 404, false, Some("not_found_error")),
            ("SESSION_FULL", 409, false, Some("conflict_error")),
            ("ALREADY_BOOKED", 409, false, Some("conflict_error")),
            ("RATE_LIMITED", 429, true, Some("rate_limit_error")),
            ("UPSTREAM_TIMEOUT", 504, true, Some("api_error")),
            // Seed 002: the generic codes not already above.
            ("UNAUTHORIZED", 401, false, Some("auth_error")),
            ("CONFLICT", 409, false, Some("conflict_error")),
            ("VALIDATION_ERROR", 422, false, Some("validation_error")),
            ("RATE_LIMIT_EXCEEDED", 429, true, Some("rate_limit_error")),
            ("INTERNAL_ERROR", 500, true, Some("api_error")),
            ("BAD_GATEWAY", 502, true, Some("api_error")),
            ("SERVICE_UNAVAILABLE", 503, true, Some("api_error")),
            ("TIMEOUT", 504, true, Some("api_error")),
            // Seeds 001, 003, 004.
            ("INVALID_PARAMETERS", 400, false, Some("validation_error")),
            ("INVALID_API_KEY", 401, false, Some("auth_error")),
            ("INVALID_TOKEN", 401, false, Some("auth_error")),
            ("SESSION_NOT_FOUND", 404, false, Some("not_found_error")),
            ("ALREADY_IN_QUEUE", 409, false, Some("conflict_error")),
            (
                "CONCURRENT_MODIFICATION",
                409,
                false,
                Some("conflict_error")
            ),
            ("UNIQUE_VIOLATION", 409, false, Some("conflict_error")),
            (
                "IDEMPOTENCY_KEY_REUSED",
                422,
                false,
                Some("idempotency_error")
            ),
            // What the HTTP framework answers (SPEC section 8).
            ("ROUTE_NOT_FOUND", 404, false, Some("not_found_error")),
            ("METHOD_NOT_ALLOWED", 405, false, Some("validation_error")),
            (
                "UNSUPPORTED_MEDIA_TYPE",
                415,
                false,
                Some("validation_error")
            ),
            ("PAYLOAD_TOO_LARGE", 413, false, Some("validation_error")),
            // What answers a rate limiter's bare 429 ([http.status]).
            ("TOO_MANY_REQUESTS", 429, true, Some("rate_limit_error")),
        ]
    );
    // Seed 002's generic codes are all there, with its retryable column.
    for (code, retryable) in [
        ("INVALID_REQUEST", false),
        ("UNAUTHORIZED", false),
        ("FORBIDDEN", false),
        ("NOT_FOUND", false),
        ("CONFLICT", false),
        ("VALIDATION_ERROR", false),
        ("RATE_LIMIT_EXCEEDED", true),
        ("INTERNAL_ERROR", true),
        ("BAD_GATEWAY", true),
        ("SERVICE_UNAVAILABLE", true),
        ("TIMEOUT", true),
    ] {
        assert_eq!(c.error(code).unwrap().retryable, retryable, "{code}");
    }
}

/// `name: type[?] [internal] [header] -> wire` for each field.
fn fields(c: &Catalog, code: &str) -> Vec<String> {
    c.error(code)
        .unwrap()
        .fields
        .iter()
        .map(|f| {
            let mut s = format!("{}: {}{}", f.name, f.ty, if f.optional { "?" } else { "" });
            if f.internal {
                s.push_str(" internal");
            }
            if let Some(h) = &f.header {
                s.push_str(&format!(" header {h}"));
            }
            s.push_str(&format!(" -> {}", f.wire));
            s
        })
        .collect()
}

#[test]
fn detail_fields_with_types_headers_and_wire_names() {
    let c = bundled();
    assert_eq!(
        fields(&c, "INVALID_REQUEST"),
        ["fields: field_violations -> fields"]
    );
    assert_eq!(
        c.error("INVALID_REQUEST").unwrap().fields[0].ty,
        DetailType::FieldViolations
    );
    assert_eq!(
        fields(&c, "RATE_LIMITED"),
        [
            "category: string -> category",
            "retry_after: u64 header Retry-After -> retryAfter",
            "limit: u32? header X-RateLimit-Limit -> limit",
        ]
    );
    assert_eq!(
        c.error("RATE_LIMITED")
            .unwrap()
            .retry_after_field()
            .unwrap()
            .name,
        "retry_after"
    );
    assert_eq!(
        fields(&c, "UPSTREAM_TIMEOUT"),
        [
            "service: string -> service",
            "timeout_ms: u64 -> timeoutMs",
            "upstream_host: string internal -> upstreamHost"
        ]
    );
    assert_eq!(
        fields(&c, "NOT_FOUND"),
        ["type: string -> type", "id: string -> id"]
    );
    assert_eq!(
        fields(&c, "TOKEN_EXPIRED"),
        ["expired_at: string? -> expiredAt"]
    );
    assert_eq!(
        fields(&c, "SERVICE_UNAVAILABLE"),
        ["retry_after: u64? header Retry-After -> retryAfter"]
    );
    assert_eq!(
        fields(&c, "INTERNAL_ERROR"),
        ["cause: string internal -> cause"]
    );
    assert_eq!(
        fields(&c, "IDEMPOTENCY_KEY_REUSED"),
        ["idempotency_key: string header Idempotency-Key -> idempotencyKey"]
    );
    for code in [
        "UNAUTHENTICATED",
        "UNAUTHORIZED",
        "BAD_GATEWAY",
        "INVALID_API_KEY",
        "INVALID_TOKEN",
    ] {
        assert!(fields(&c, code).is_empty(), "{code}");
    }
}

#[test]
fn messages_titles_params_and_docs() {
    let c = bundled();
    let rate = c.error("RATE_LIMITED").unwrap();
    assert_eq!(
        rate.message.source,
        "Rate limit exceeded for {category} endpoints. Retry in {retry_after} seconds."
    );
    let placeholders: Vec<&str> = rate
        .message
        .placeholders()
        .map(|p| p.field.as_ref())
        .collect();
    assert_eq!(placeholders, ["category", "retry_after"]);
    assert_eq!(rate.title, "Rate limited");
    assert_eq!(
        rate.doc_url.as_deref(),
        Some("https://docs.example.com/errors#RATE_LIMITED")
    );
    assert_eq!(
        c.error("INVALID_REQUEST").unwrap().message.source,
        "Validation failed."
    );
    assert_eq!(c.error("SESSION_FULL").unwrap().title, "Session full");
    assert_eq!(
        c.error("INVALID_PARAMETERS").unwrap().param.as_deref(),
        Some("field")
    );
    assert_eq!(
        c.error("UNIQUE_VIOLATION").unwrap().param.as_deref(),
        Some("field")
    );
    assert_eq!(
        c.error("UNAUTHORIZED").unwrap().deprecated.as_deref(),
        Some("Use UNAUTHENTICATED")
    );
    assert!(c.errors.iter().filter(|e| e.deprecated.is_some()).count() == 1);
    let spec = c
        .error("IDEMPOTENCY_KEY_REUSED")
        .unwrap()
        .message
        .placeholders()
        .next()
        .unwrap()
        .spec
        .unwrap();
    assert_eq!(spec.to_string(), "?");
    // Every code documents itself or has an obvious message; every message is text.
    assert!(c.errors.iter().all(|e| !e.message.source.trim().is_empty()));
    assert!(
        c.errors
            .iter()
            .all(|e| e.location.path().ends_with("catalog.toml"))
    );
}

#[test]
fn every_framework_rejection_has_a_code_without_fields_to_fill() {
    use errors_catalog::Rejection;
    let c = bundled();
    assert_eq!(c.http.request_id_header, "X-Request-Id");
    let codes: Vec<(&str, u16)> = Rejection::ALL
        .iter()
        .map(|&r| {
            let error = c
                .http_error(r)
                .unwrap_or_else(|| panic!("no code for {r:?}"));
            (error.code.as_str(), error.status)
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("INVALID_REQUEST", 400),
            ("ROUTE_NOT_FOUND", 404),
            ("METHOD_NOT_ALLOWED", 405),
            ("UNSUPPORTED_MEDIA_TYPE", 415),
            ("PAYLOAD_TOO_LARGE", 413),
            ("INTERNAL_ERROR", 500),
        ]
    );
}

#[test]
fn a_bare_429_is_answered_by_a_code_filled_from_headers() {
    let c = bundled();
    let statuses: Vec<(u16, &str)> = c
        .http
        .statuses()
        .iter()
        .map(|&(status, index)| (status, c.errors[index].code.as_str()))
        .collect();
    assert_eq!(statuses, [(429, "TOO_MANY_REQUESTS")]);
    let error = c.error("TOO_MANY_REQUESTS").unwrap();
    // Every required field comes from a header of the limiter's response.
    let required: Vec<(&str, Option<&str>)> = error
        .fields
        .iter()
        .filter(|f| !f.optional)
        .map(|f| (f.name.as_str(), f.header.as_deref()))
        .collect();
    assert_eq!(required, [("retry_after", Some("Retry-After"))]);
}
