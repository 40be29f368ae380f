//! Rules of the catalog-wide settings: the enum name, `doc_url`, envelope renames,
//! `[retry]` and `[circuit_breaker]`, and the declared categories.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::{Draft, Settings};
use crate::naming;
use crate::source::Location;
use crate::suggest::did_you_mean;

pub(super) fn check_name(s: &Settings, sink: &mut Sink) {
    let Some((name, at)) = &s.name else { return };
    if !naming::is_type_name(name) || naming::is_keyword(name) {
        let suggestion = heck::ToUpperCamelCase::to_upper_camel_case(name.as_str());
        let help = if naming::is_type_name(&suggestion) && !naming::is_keyword(&suggestion) {
            format!("use an UpperCamelCase Rust identifier, such as `{suggestion}`")
        } else {
            "use an UpperCamelCase Rust identifier, such as `ApiError`".to_owned()
        };
        sink.push(
            Diagnostic::new(at.clone(), format!("`{name}` is not a valid enum name")).help(help),
        );
    }
}

pub(super) const DOC_URL_PLACEHOLDERS: &str =
    "the placeholders are `{code}`, `{category}` and `{status}`, replaced by each error's";

pub(super) fn check_doc_url(s: &Settings, sink: &mut Sink) {
    let Some((url, at)) = &s.doc_url else { return };
    if url.trim().is_empty() {
        sink.push(
            Diagnostic::new(at.clone(), "`doc_url` is empty")
                .help("give a URL, e.g. `https://docs.example.com/errors#{code}`, or remove it"),
        );
        return;
    }
    let mut rest = url.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            sink.push(
                Diagnostic::new(at.clone(), "unbalanced `{` in `doc_url`")
                    .help(DOC_URL_PLACEHOLDERS),
            );
            return;
        };
        let placeholder = &after[..=close];
        if !matches!(placeholder, "{code}" | "{category}" | "{status}") {
            let known = ["code", "category", "status"];
            let name = placeholder.trim_matches(|c| c == '{' || c == '}');
            let help = match did_you_mean(name, known) {
                Some(similar) => format!("did you mean `{{{similar}}}`? {DOC_URL_PLACEHOLDERS}"),
                None => DOC_URL_PLACEHOLDERS.to_owned(),
            };
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!("unknown placeholder `{placeholder}` in `doc_url`"),
                )
                .help(help),
            );
        }
        rest = &after[close + 1..];
    }
}

pub(super) fn check_renames(s: &Settings, sink: &mut Sink) {
    for (i, (member, key, at)) in s.renames.iter().enumerate() {
        // Another member renamed earlier to the same key...
        if let Some((other, _, first)) = s.renames[..i].iter().find(|(_, k, _)| k == key) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[envelope.rename]` gives `{}` and `{}` the same key `{key}`",
                        other.name(),
                        member.name()
                    ),
                )
                .help(format!(
                    "each member needs its own key; `{}` is renamed at {first}",
                    other.name()
                )),
            );
            continue;
        }
        // ...or a member that keeps its default key.
        let clash = s
            .envelope
            .keys()
            .find(|&(m, k)| m != *member && k == key && !s.renames.iter().any(|r| r.0 == m));
        if let Some((other, _)) = clash {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[envelope.rename]` gives `{}` the key `{key}`, which `{}` already has",
                        member.name(),
                        other.name()
                    ),
                )
                .help(format!(
                    "pick another key, or rename `{}` as well",
                    other.name()
                )),
            );
        }
    }
}

pub(super) fn check_retry(s: &Settings, sink: &mut Sink) {
    let retry_at = |key: &str| {
        s.retry_at
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    };
    let r = &s.retry;
    if let (0, Some(at)) = (r.max_attempts, retry_at("max_attempts")) {
        sink.push(
            Diagnostic::new(at, "`max_attempts = 0` allows no attempt at all")
                .help("set at least 1: the count includes the first attempt"),
        );
    }
    if let (0, Some(at)) = (r.base_delay_ms, retry_at("base_delay_ms")) {
        sink.push(
            Diagnostic::new(at, "`base_delay_ms = 0` makes every backoff delay zero")
                .help("set the delay before the first retry, e.g. `base_delay_ms = 1000`"),
        );
    }
    if let (0, Some(at)) = (r.max_retry_after_ms, retry_at("max_retry_after_ms")) {
        sink.push(
            Diagnostic::new(
                at,
                "`max_retry_after_ms = 0` caps every `Retry-After` at zero: clients would retry at once",
            )
            .help("set the longest wait a client accepts from `Retry-After`, e.g. `max_retry_after_ms = 300000` (five minutes)"),
        );
    }
    if r.max_delay_ms < r.base_delay_ms
        && let Some(at) = retry_at("max_delay_ms").or_else(|| retry_at("base_delay_ms"))
    {
        sink.push(
            Diagnostic::new(
                at,
                format!(
                    "`max_delay_ms` ({}) is below `base_delay_ms` ({}): the cap would cut every delay",
                    r.max_delay_ms, r.base_delay_ms
                ),
            )
            .help("make `max_delay_ms` at least `base_delay_ms`"),
        );
    }
    let breaker_at = |key: &str| {
        s.circuit_breaker_at
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    };
    let c = &s.circuit_breaker;
    let zeros = [
        (
            "failure_threshold",
            u64::from(c.failure_threshold),
            "would open the circuit before any failure",
        ),
        (
            "open_ms",
            c.open_ms,
            "would close the circuit as soon as it opens",
        ),
        (
            "half_open_requests",
            u64::from(c.half_open_requests),
            "would let no trial request through, so the circuit could never close",
        ),
    ];
    for (key, value, why) in zeros {
        if let (0, Some(at)) = (value, breaker_at(key)) {
            sink.push(
                Diagnostic::new(at, format!("`{key} = 0` {why}")).help("set it to at least 1"),
            );
        }
    }
}

pub(super) fn check_categories(draft: &Draft, sink: &mut Sink) {
    let mut seen: HashMap<&str, &Location> = HashMap::new();
    for category in &draft.categories {
        if let Some(first) = seen.insert(&category.name, &category.location) {
            sink.push(
                Diagnostic::new(
                    category.location.clone(),
                    format!("category `{}` is declared twice", category.name),
                )
                .help(format!("it is first declared at {first}; remove one")),
            );
        }
    }
}
