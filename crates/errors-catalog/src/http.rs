//! `[http]`: which code answers each rejection of the web framework, and each bare
//! error status (`[http.status]`, in `status`), resolved once here so that
//! validation, the model and every later stage read the same answer.
//!
//! A rejection takes the code the table names, else the first of its conventional
//! codes ([`Rejection::conventional_codes`]) that the catalog has, compared under its
//! `code_case`, and whose required fields the framework can fill by the rule of
//! [`Fill`] (the one the axum layer follows): a `field_violations` field sent in
//! `details` for `bad_request` (the fields that failed to parse), and internal
//! fields, which are never sent. A code the table names must be such a code; once a
//! catalog names a code for one rejection, every rejection must have a code
//! (`request_id_header`, `timestamp` and `[http.status]` alone ask for nothing).

mod status;

use errors_vocab::Fill;

use crate::diagnostic::{Diagnostic, Sink};
use crate::model::{CodeCase, ErrorDef, Field, Rejection};
use crate::naming;
use crate::source::Location;
use crate::suggest::did_you_mean;

pub(crate) use status::{StatusEntry, resolve_statuses};

/// The keys of `[http]`.
pub(crate) const HTTP_KEYS: &[&str] = &[
    "request_id_header",
    "timestamp",
    "bad_request",
    "not_found",
    "method_not_allowed",
    "unsupported_media_type",
    "payload_too_large",
    "internal",
    "status",
];

/// `[http]` as written: validation resolves it against the codes.
#[derive(Default)]
pub(crate) struct HttpSettings {
    /// Whether the root file has an `[http]` table.
    pub(crate) declared: bool,
    /// Where the table's key is.
    pub(crate) at: Option<Location>,
    pub(crate) request_id_header: Option<(String, Location)>,
    /// `timestamp`, when written.
    pub(crate) timestamp: Option<bool>,
    /// Each code the table names, with its rejection and where it is written.
    pub(crate) codes: Vec<(Rejection, String, Location)>,
    /// The entries of `[http.status]`, in the order written.
    pub(crate) statuses: Vec<StatusEntry>,
}

/// The index in `errors` of the code of each rejection, in the order of
/// [`Rejection::ALL`].
pub(crate) fn resolve(
    http: &HttpSettings,
    code_case: Option<CodeCase>,
    errors: &[ErrorDef],
) -> [Option<usize>; 6] {
    Rejection::ALL.map(|rejection| resolve_one(http, code_case, errors, rejection))
}

pub(super) fn resolve_one(
    http: &HttpSettings,
    code_case: Option<CodeCase>,
    errors: &[ErrorDef],
    rejection: Rejection,
) -> Option<usize> {
    let fillable = |i: &usize| unfillable(&errors[*i], rejection).is_empty();
    if let Some((_, code, _)) = http.codes.iter().find(|(r, ..)| *r == rejection) {
        return errors.iter().position(|e| &e.code == code).filter(fillable);
    }
    conventional(code_case, errors, rejection)
        .into_iter()
        .find(fillable)
}

/// The indices of the conventional codes of `rejection` the catalog has, in order of
/// preference.
fn conventional(case: Option<CodeCase>, errors: &[ErrorDef], rejection: Rejection) -> Vec<usize> {
    rejection
        .conventional_codes()
        .iter()
        .filter_map(|candidate| {
            errors.iter().position(|e| match case {
                Some(CodeCase::ScreamingSnakeCase) => e.code == *candidate,
                Some(CodeCase::SnakeCase) => e.code == candidate.to_ascii_lowercase(),
                None => e.code.eq_ignore_ascii_case(candidate),
            })
        })
        .collect()
}

/// The required fields of `error` that the framework cannot fill when it answers
/// `rejection` with it.
pub(crate) fn unfillable(error: &ErrorDef, rejection: Rejection) -> Vec<&Field> {
    error
        .fields
        .iter()
        .filter(|f| Fill::of(f.shape(), Some(rejection)) == Fill::Unfillable)
        .collect()
}

/// Checks `[http]`: a well-formed request id header; each code it names exists and
/// can be filled; once it names one rejection's code, a code for every rejection;
/// and `[http.status]` (see `status`).
/// `complete` is false when a file could not be read: a code may be in it.
pub(crate) fn check(
    http: &HttpSettings,
    code_case: Option<CodeCase>,
    errors: &[ErrorDef],
    complete: bool,
    sink: &mut Sink,
) {
    if let Some((header, at)) = &http.request_id_header {
        if !naming::is_header_name(header) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!("`{header}` is not a valid HTTP header name"),
                )
                .help("a header name is letters, digits and `-` (an RFC 9110 token), such as `X-Request-Id`"),
            );
        } else if let Some(why) = naming::reserved_header(header) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!("request ids cannot be sent in the `{header}` header: {why}"),
                )
                .help("use a header of its own, such as `X-Request-Id`"),
            );
        }
    }
    for (rejection, code, at) in &http.codes {
        let key = rejection.key();
        match errors.iter().find(|e| &e.code == code) {
            None if complete => {
                let codes = errors.iter().map(|e| e.code.as_str());
                let help = match did_you_mean(code, codes) {
                    Some(similar) => format!("did you mean `{similar}`?"),
                    None => format!(
                        "declare `[errors.{code}]` with `status = {}`, or name a code of the catalog",
                        rejection.status()
                    ),
                };
                sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!("`{key}` names `{code}`, which is not a code of the catalog"),
                    )
                    .help(help),
                );
            }
            None => {}
            Some(error) => {
                let fields = unfillable(error, *rejection);
                if !fields.is_empty() {
                    sink.push(
                        Diagnostic::new(
                            at.clone(),
                            format!(
                                "`{key}` names `{code}`, whose required {} the framework cannot fill",
                                field_list(&fields)
                            ),
                        )
                        .help(fill_help(code_case, errors, *rejection, &fields)),
                    );
                }
            }
        }
    }
    status::check(http, code_case, errors, complete, sink);
    // Completeness is asked of the six rejection keys only, once one is written.
    let Some(table_at) = &http.at else { return };
    if !complete || !http.declared || http.codes.is_empty() {
        return;
    }
    for rejection in Rejection::ALL {
        if http.codes.iter().any(|(r, ..)| *r == rejection)
            || resolve_one(http, code_case, errors, rejection).is_some()
        {
            continue;
        }
        let key = rejection.key();
        let wanted = spelled(code_case, rejection.conventional_codes()[0]);
        let found = conventional(code_case, errors, rejection);
        let message = match found.first() {
            Some(&i) => {
                let error = &errors[i];
                format!(
                    "`[http]` names no code for `{key}`, and the catalog's `{}` has required {} the framework cannot fill",
                    error.code,
                    field_list(&unfillable(error, rejection))
                )
            }
            None => {
                format!("`[http]` names no code for `{key}`, and the catalog has no `{wanted}`")
            }
        };
        let help = format!(
            "add `{key} = \"CODE\"` naming a code the framework can fill, or declare `[errors.{}]` with `status = {}`",
            new_code(code_case, errors, rejection),
            rejection.status()
        );
        sink.push(Diagnostic::new(table_at.clone(), message).help(help));
    }
}

/// A code to declare for `rejection`: the first conventional one the catalog does
/// not have (`ROUTE_NOT_FOUND` beside a `NOT_FOUND` of required fields), or one
/// named after the rejection.
fn new_code(code_case: Option<CodeCase>, errors: &[ErrorDef], rejection: Rejection) -> String {
    let taken = |code: &str| errors.iter().any(|e| e.code.eq_ignore_ascii_case(code));
    rejection
        .conventional_codes()
        .iter()
        .map(|c| spelled(code_case, c))
        .find(|c| !taken(c))
        .unwrap_or_else(|| {
            spelled(
                code_case,
                &format!("HTTP_{}", rejection.key().to_ascii_uppercase()),
            )
        })
}

/// A conventional code in the catalog's `code_case`.
fn spelled(case: Option<CodeCase>, code: &str) -> String {
    match case {
        Some(CodeCase::SnakeCase) => code.to_ascii_lowercase(),
        _ => code.to_owned(),
    }
}

/// "field `id`" or "fields `type`, `id`".
pub(super) fn field_list(fields: &[&Field]) -> String {
    let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
    match names.len() {
        1 => format!("field {}", names[0]),
        _ => format!("fields {}", names.join(", ")),
    }
}

fn fill_help(
    code_case: Option<CodeCase>,
    errors: &[ErrorDef],
    rejection: Rejection,
    fields: &[&Field],
) -> String {
    let can = match rejection {
        Rejection::BadRequest => {
            "the framework fills a `field_violations` field sent in `details` (the fields that failed to parse) and internal fields"
        }
        _ => "the framework fills only internal fields",
    };
    let first = fields[0];
    let optional = match first.ty.name() {
        Some(name) => format!(" (`{} = \"{name}?\"`)", first.name),
        None => String::new(),
    };
    let new = new_code(code_case, errors, rejection);
    format!(
        "{can}: make `{}` optional{optional}, or name a code without other required fields, such as a new `[errors.{new}]` with `status = {}`",
        first.name,
        rejection.status()
    )
}
