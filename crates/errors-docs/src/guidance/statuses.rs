//! The status conventions: what each status means, its reason phrase, what to do
//! instead of retrying, and the table of the statuses a catalog uses.

use crate::model::{Code, Reference};

use super::retry::{code_list, honors_retry_after, instead_of_retrying, waits_retry_after};

/// A row of the status conventions table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StatusRow {
    pub(crate) status: u16,
    pub(crate) meaning: Meaning,
    pub(crate) retry: String,
}

/// What a status means: the catalog's word for it, else the built-in convention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// `[statuses.N] description`: Markdown.
    Catalog(String),
    /// [`status_meaning`]: inline markup.
    Convention(&'static str),
}

impl Meaning {
    /// The text, whichever it is.
    pub(crate) fn text(&self) -> &str {
        match self {
            Meaning::Catalog(text) => text,
            Meaning::Convention(text) => text,
        }
    }
}

/// What a status means, in the words an error reference uses.
pub(crate) fn status_meaning(status: u16) -> &'static str {
    match status {
        400 => "Validation failure: the body, query or path parameters are malformed",
        401 => "Missing, malformed or expired credentials",
        402 => "Payment required",
        403 => "Authenticated but not authorized: wrong tier, scope or account",
        404 => "The resource doesn't exist, or the credential can't see it",
        405 => "The method is not allowed on this resource",
        406 => "No representation matches the `Accept` header",
        408 => "The request took too long to arrive",
        409 => "State conflict with the resource's current state",
        410 => "The resource is gone for good",
        411 => "`Content-Length` is required",
        412 => "A precondition of the request failed",
        413 => "The request body is too large",
        414 => "The URI is too long",
        415 => "The body's media type is not supported",
        416 => "The requested range cannot be satisfied",
        417 => "The `Expect` header cannot be met",
        421 => "The request reached a server that cannot answer it",
        422 => "Business rule violation: well-formed, but not allowed",
        423 => "The resource is locked",
        424 => "A request this one depends on failed",
        425 => "Too early: the request might be replayed",
        426 => "The client must upgrade its protocol",
        428 => "The request must be conditional",
        429 => "Rate limit exceeded",
        431 => "The request's headers are too large",
        451 => "Unavailable for legal reasons",
        500 => "Unexpected server-side failure",
        501 => "The server does not support this operation",
        502 => "An upstream service failed",
        503 => "The service is temporarily unavailable: maintenance or overload",
        504 => "An upstream service didn't respond in time",
        505 => "The HTTP version is not supported",
        507 => "The server cannot store what the request needs",
        508 => "The server detected a loop",
        511 => "Network authentication is required",
        _ if status < 500 => "Client error",
        _ => "Server-side failure",
    }
}

/// The reason phrase of `status`, or the class's where none is registered.
pub(crate) fn reason_phrase(status: u16) -> &'static str {
    match errors_vocab::reason_phrase(status) {
        Some(phrase) => phrase,
        None if status < 500 => "Client Error",
        None => "Server Error",
    }
}

/// The status conventions table: each status the catalog uses, what it means, and
/// whether its codes may be retried.
pub(crate) fn status_rows(reference: &Reference) -> Vec<StatusRow> {
    reference
        .statuses()
        .into_iter()
        .map(|status| {
            let codes: Vec<&Code> = reference
                .codes
                .iter()
                .filter(|c| c.status == status)
                .collect();
            let retryable: Vec<&Code> = codes.iter().copied().filter(|c| c.retryable).collect();
            let retry = if retryable.is_empty() {
                instead_of_retrying(status).map_or("No".to_owned(), |a| format!("No, {a}"))
            } else if retryable.len() == codes.len() {
                if honors_retry_after(reference)
                    && retryable.iter().any(|c| waits_retry_after(reference, c))
                {
                    "Yes, after `Retry-After`".to_owned()
                } else {
                    "Yes, exponential backoff with jitter".to_owned()
                }
            } else if retryable.len() <= 4 {
                format!("Only {}", code_list(&retryable))
            } else {
                format!(
                    "{} of {} codes: see the codes table",
                    retryable.len(),
                    codes.len()
                )
            };
            let meaning = match reference.status_description(status) {
                Some(text) => Meaning::Catalog(text.to_owned()),
                None => Meaning::Convention(status_meaning(status)),
            };
            StatusRow {
                status,
                meaning,
                retry,
            }
        })
        .collect()
}
