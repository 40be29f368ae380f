//! The keys each table of a catalog file may hold: what unknown keys are checked
//! against, and what "did you mean" picks from.

/// Top-level tables of the root file.
pub(super) const ROOT_KEYS: &[&str] = &[
    "catalog",
    "envelope",
    "retry",
    "circuit_breaker",
    "http",
    "statuses",
    "categories",
    "errors",
    "locales",
];
/// Top-level tables of an included file.
pub(super) const INCLUDED_KEYS: &[&str] = &["catalog", "categories", "errors", "locales"];
/// `[catalog]`; an included file may only hold `include`.
pub(super) const CATALOG_KEYS: &[&str] = &[
    "name",
    "envelope",
    "details_case",
    "doc_url",
    "code_case",
    "include",
    "description",
    "language",
    "grpc_domain",
];
/// `[locales.TAG]`.
pub(super) const LOCALE_KEYS: &[&str] = &["errors"];
/// `[locales.TAG.errors.CODE]`.
pub(super) const LOCALE_ERROR_KEYS: &[&str] = &["message"];
/// `[envelope]`.
pub(super) const ENVELOPE_KEYS: &[&str] = &["rename"];
/// `[retry]`.
pub(super) const RETRY_KEYS: &[&str] = &[
    "max_attempts",
    "base_delay_ms",
    "max_delay_ms",
    "honor_retry_after",
    "retry_after_statuses",
    "max_retry_after_ms",
];
/// `[circuit_breaker]`.
pub(super) const BREAKER_KEYS: &[&str] = &["failure_threshold", "open_ms", "half_open_requests"];
/// `[statuses.N]`.
pub(super) const STATUS_KEYS: &[&str] = &["description"];
/// `[categories.NAME]`.
pub(super) const CATEGORY_KEYS: &[&str] = &["description"];
/// `[errors.CODE]`.
pub(super) const ERROR_KEYS: &[&str] = &[
    "status",
    "message",
    "retryable",
    "category",
    "title",
    "description",
    "param",
    "deprecated",
    "grpc",
    "details",
    "aliases",
    "retry",
];
/// A detail field written as a table.
pub(super) const FIELD_KEYS: &[&str] = &[
    "type",
    "optional",
    "internal",
    "header",
    "wire",
    "description",
    "details",
    "rules",
];
/// `deprecated = { ... }`, the table form.
pub(super) const DEPRECATED_KEYS: &[&str] = &["since", "replacement", "remove_after"];
