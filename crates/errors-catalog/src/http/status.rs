//! `[http.status]` and the bare error statuses (SPEC 9.1): which code answers a
//! response with an error status that is not a catalog envelope.
//!
//! A bare response of a rejection key's status takes that key's code when the code
//! has that status (axum's 422 is a `bad_request` rejection whatever its code's
//! status); else the code `[http.status]` names; else its only candidate, a code of
//! that status, not deprecated, that the layer can fill by [`Fill::of_bare`] (each
//! required field internal, with a `header`, or a 400's `field_violations`). With
//! several candidates and no entry the layer answers nothing, and `check` of the
//! command line lists the status as a note.

use errors_vocab::Fill;

use super::{HttpSettings, field_list, resolve_one};
use crate::diagnostic::{Diagnostic, Sink};
use crate::model::{Catalog, CodeCase, ErrorDef, Field, Rejection};
use crate::source::Location;
use crate::suggest::did_you_mean;

/// One `[http.status]` entry as written.
pub(crate) struct StatusEntry {
    pub(crate) status: u16,
    pub(crate) code: String,
    /// Where the code is written.
    pub(crate) at: Location,
    /// Where the status key is written.
    pub(crate) key_at: Location,
}

/// The entries that name a code of the catalog, as (status, index), in status
/// order; validation has refused any other.
pub(crate) fn resolve_statuses(http: &HttpSettings, errors: &[ErrorDef]) -> Vec<(u16, usize)> {
    let mut statuses: Vec<(u16, usize)> = http
        .statuses
        .iter()
        .filter_map(|e| Some((e.status, errors.iter().position(|d| d.code == e.code)?)))
        .collect();
    statuses.sort_unstable();
    statuses.dedup_by_key(|(status, _)| *status);
    statuses
}

/// The required fields of `error` the layer cannot fill answering a bare `status`.
fn unfillable_bare(error: &ErrorDef, status: u16) -> Vec<&Field> {
    error
        .fields
        .iter()
        .filter(|f| Fill::of_bare(f.shape(), status) == Fill::Unfillable)
        .collect()
}

/// Checks each `[http.status]` entry: an error status not already answered by a
/// rejection key, naming a code of that status that the layer can fill.
pub(super) fn check(
    http: &HttpSettings,
    code_case: Option<CodeCase>,
    errors: &[ErrorDef],
    complete: bool,
    sink: &mut Sink,
) {
    for (i, entry) in http.statuses.iter().enumerate() {
        let StatusEntry {
            status,
            code,
            at,
            key_at,
        } = entry;
        if http.statuses[..i].iter().any(|e| e.status == *status) {
            sink.push(
                Diagnostic::new(
                    key_at.clone(),
                    format!("`[http.status]` names status {status} twice"),
                )
                .help("keep one entry per status"),
            );
            continue;
        }
        if let Some(rejection) = Rejection::from_status(*status)
            && let Some(index) = resolve_one(http, code_case, errors, rejection)
        {
            let key = rejection.key();
            sink.push(
                Diagnostic::new(
                    key_at.clone(),
                    format!(
                        "`[http.status]` names a code for {status}, which `[http] {key}` already answers (with `{}`)",
                        errors[index].code
                    ),
                )
                .help(format!(
                    "remove this entry; to answer {status} with `{code}`, set `{key} = \"{code}\"` in `[http]`"
                )),
            );
            continue;
        }
        let Some(error) = errors.iter().find(|e| &e.code == code) else {
            if complete {
                let help = match did_you_mean(code, errors.iter().map(|e| e.code.as_str())) {
                    Some(similar) => format!("did you mean `{similar}`?"),
                    None => format!(
                        "declare `[errors.{code}]` with `status = {status}`, or name a code of the catalog"
                    ),
                };
                sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!("`[http.status]` {status} names `{code}`, which is not a code of the catalog"),
                    )
                    .help(help),
                );
            }
            continue;
        };
        if error.status != *status {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[http.status]` {status} names `{code}`, a code of status {}: a bare response keeps its status",
                        error.status
                    ),
                )
                .help(format!(
                    "name a code of status {status}, or move the entry to `{} = \"{code}\"`",
                    error.status
                )),
            );
            continue;
        }
        let fields = unfillable_bare(error, *status);
        if let Some(first) = fields.first() {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[http.status]` {status} names `{code}`, whose required {} the layer cannot fill from a bare response",
                        field_list(&fields)
                    ),
                )
                .help(format!(
                    "the layer fills a field with a `header` (from the response's own header) and internal fields: give `{}` a `header`, make it optional, or mark it `internal = true`",
                    first.name
                )),
            );
        }
    }
}

impl Catalog {
    /// The codes that could answer a bare response of `status` by themselves: of
    /// that status, not deprecated, every required field fillable from the bare
    /// response ([`Fill::of_bare`]).
    pub fn bare_candidates(&self, status: u16) -> Vec<&ErrorDef> {
        self.errors
            .iter()
            .filter(|e| {
                e.status == status
                    && e.deprecated.is_none()
                    && Fill::all_bare(e.fields.iter().map(Field::shape), status)
            })
            .collect()
    }

    /// The code that answers a bare response of `status` (SPEC 9.1): the rejection
    /// key's code when it has that status (or the status is axum's 422), else the
    /// `[http.status]` entry, else the only candidate. `None`: the response goes out
    /// unanswered.
    ///
    /// ```
    /// use errors_catalog::Catalog;
    /// let catalog = Catalog::from_str(
    ///     "catalog.toml",
    ///     r#"
    ///     [http.status]
    ///     429 = "TOO_MANY_REQUESTS"
    ///
    ///     [errors.TOO_MANY_REQUESTS]
    ///     status = 429
    ///     message = "Slow down."
    ///     details.retry_after = { type = "u64", header = "Retry-After" }
    ///
    ///     [errors.QUOTA_EXCEEDED]
    ///     status = 429
    ///     message = "Out of quota."
    ///
    ///     [errors.BAD_GATEWAY]
    ///     status = 502
    ///     message = "Upstream failed."
    ///     "#,
    /// )
    /// .unwrap();
    /// assert_eq!(catalog.bare_answer(429).unwrap().code, "TOO_MANY_REQUESTS");
    /// assert_eq!(catalog.bare_answer(502).unwrap().code, "BAD_GATEWAY");
    /// assert!(catalog.bare_answer(503).is_none());
    /// ```
    pub fn bare_answer(&self, status: u16) -> Option<&ErrorDef> {
        if let Some(rejection) = Rejection::from_status(status)
            && let Some(error) = self.http_error(rejection)
            && (error.status == status || status == 422)
        {
            return Some(error);
        }
        if let Some(index) = self.http.status_index(status) {
            return self.errors.get(index);
        }
        match self.bare_candidates(status)[..] {
            [only] => Some(only),
            _ => None,
        }
    }

    /// Every error status whose bare response a code answers, ascending, with that
    /// code ([`Catalog::bare_answer`]): only a status of a code of the catalog can
    /// be answered, and axum's 422 (by `bad_request`'s code).
    pub fn bare_answers(&self) -> Vec<(u16, &ErrorDef)> {
        let mut statuses: Vec<u16> = self.errors.iter().map(|e| e.status).collect();
        statuses.push(422);
        statuses.sort_unstable();
        statuses.dedup();
        statuses
            .into_iter()
            .filter_map(|s| Some((s, self.bare_answer(s)?)))
            .collect()
    }

    /// The statuses of the catalog's codes that no code answers when bare although
    /// several could: each with its candidates, for a note that asks for an
    /// `[http.status]` entry.
    pub fn ambiguous_statuses(&self) -> Vec<(u16, Vec<&ErrorDef>)> {
        let mut statuses: Vec<u16> = self.errors.iter().map(|e| e.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        statuses
            .into_iter()
            .filter(|s| self.bare_answer(*s).is_none())
            .map(|s| (s, self.bare_candidates(s)))
            .filter(|(_, candidates)| candidates.len() > 1)
            .collect()
    }
}
