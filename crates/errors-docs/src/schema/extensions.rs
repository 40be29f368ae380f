//! The document-level `x-` members: what a client needs beyond the envelope's
//! shape (the categories, the service's own answers, the retry policy and circuit
//! breaker it should apply, the request id header, the gRPC domain), so that every change the
//! stability check calls breaking shows in the documents.

use serde::Serialize;

use crate::json::{Json, Members};
use crate::model::Reference;
use errors_vocab::HonorRetryAfter;

/// The `x-` members of a schema or OpenAPI document.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DocumentExtensions {
    /// Each declared category, with its description (`null` without one).
    #[serde(rename = "x-categories")]
    categories: Members<Option<String>>,
    /// Each `[http]` rejection key, with the code that answers it (`null`: none),
    /// and under `status` each bare error status's answer.
    #[serde(rename = "x-http")]
    http: HttpAnswers,
    #[serde(rename = "x-retry")]
    retry: Retry,
    #[serde(rename = "x-circuit-breaker")]
    circuit_breaker: CircuitBreaker,
    #[serde(rename = "x-request-id-header")]
    request_id_header: String,
    /// The `google.rpc.ErrorInfo` domain of the errors over gRPC.
    #[serde(rename = "x-grpc-domain")]
    grpc_domain: String,
}

/// What the service answers on its own: `{"bad_request": "CODE", ..., "status":
/// {"429": "CODE"}}`, the shape of the catalog's `[http]` and `[http.status]`,
/// with inferred answers filled in.
#[derive(Clone, Debug, Serialize)]
struct HttpAnswers {
    #[serde(flatten)]
    rejections: Members<Option<String>>,
    /// Every error status whose bare response a code answers, by status.
    status: Members<String>,
}

/// `[retry]`, as the catalog spells it.
#[derive(Clone, Debug, Serialize)]
struct Retry {
    max_attempts: u32,
    base_delay_ms: u64,
    max_delay_ms: u64,
    /// `true`, `false` or `"always"`.
    honor_retry_after: Json,
    /// The statuses whose `Retry-After` is honoured, ascending.
    retry_after_statuses: Vec<u16>,
    max_retry_after_ms: u64,
}

/// `[circuit_breaker]`, as the catalog spells it.
#[derive(Clone, Debug, Serialize)]
struct CircuitBreaker {
    failure_threshold: u32,
    open_ms: u64,
    half_open_requests: u32,
}

impl DocumentExtensions {
    /// The `x-` members of `reference`.
    pub(crate) fn of(reference: &Reference) -> DocumentExtensions {
        let retry = &reference.retry;
        let breaker = &reference.circuit_breaker;
        DocumentExtensions {
            categories: reference
                .categories
                .iter()
                .map(|c| (c.name.clone(), c.description.clone()))
                .collect(),
            http: HttpAnswers {
                rejections: reference
                    .http
                    .rejections
                    .iter()
                    .map(|(rejection, code)| (rejection.key().to_owned(), code.clone()))
                    .collect(),
                status: reference
                    .http
                    .statuses
                    .iter()
                    .map(|(status, code)| (status.to_string(), code.clone()))
                    .collect(),
            },
            retry: Retry {
                max_attempts: retry.max_attempts,
                base_delay_ms: retry.base_delay_ms,
                max_delay_ms: retry.max_delay_ms,
                honor_retry_after: match retry.honor_retry_after {
                    HonorRetryAfter::Never => Json::Bool(false),
                    HonorRetryAfter::FirstRetry => Json::Bool(true),
                    HonorRetryAfter::Always => Json::str("always"),
                },
                retry_after_statuses: retry.retry_after_statuses.iter().collect(),
                max_retry_after_ms: retry.max_retry_after_ms,
            },
            circuit_breaker: CircuitBreaker {
                failure_threshold: breaker.failure_threshold,
                open_ms: breaker.open_ms,
                half_open_requests: breaker.half_open_requests,
            },
            request_id_header: reference.http.request_id_header.clone(),
            grpc_domain: reference.grpc_domain.clone(),
        }
    }
}
