//! Lowering the settings: `[catalog]`, `[envelope]`, `[retry]` and
//! `[circuit_breaker]`, which only the root file may set (an included file's
//! `[catalog]` may only hold `include`).

use toml::de::{DeTable, DeValue};

use super::context::{Cx, Value, in_order};
use super::keys::{BREAKER_KEYS, CATALOG_KEYS, ENVELOPE_KEYS, RETRY_KEYS};
use crate::diagnostic::Diagnostic;
use crate::draft::Settings;
use crate::model::{CodeCase, DetailsCase, EnvelopeSettings, EnvelopeStyle, HonorRetryAfter};
use crate::source::Location;
use crate::suggest::did_you_mean;
use errors_vocab::StatusSet;

/// Lowers `[catalog]` into `s` (only for the root file) and returns its `include`
/// entries, with where each is written.
pub(super) fn catalog(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
    is_root: bool,
    s: &mut Settings,
) -> Vec<(String, Location)> {
    if is_root {
        cx.check_keys(table, "[catalog]", CATALOG_KEYS);
        root_catalog(cx, table, s);
    } else {
        for (key, _) in in_order(table) {
            let name = key.get_ref().as_ref();
            if CATALOG_KEYS.contains(&name) && name != "include" {
                cx.sink.push(
                    Diagnostic::new(
                        cx.at(key.span()),
                        format!("`{name}` can only be set in the root catalog file"),
                    )
                    .help(
                        "an included file may only hold `include`, `[categories]` and `[errors]`",
                    ),
                );
            } else if name != "include" {
                cx.unknown_key(key, "[catalog]", CATALOG_KEYS);
            }
        }
    }
    includes(cx, table)
}

fn root_catalog(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    s.name = cx.string(table, "name");
    if let Some(value) = table.get("envelope") {
        let style = cx.choice(value, "envelope", &EnvelopeStyle::ALL, |s| s.as_str());
        if let Some(style) = style {
            s.envelope = EnvelopeSettings::new(style);
        }
    }
    s.details_case = DetailsCase::default_for(s.envelope.style);
    if let Some(value) = table.get("details_case") {
        let cases = [DetailsCase::CamelCase, DetailsCase::SnakeCase];
        if let Some(case) = cx.choice(value, "details_case", &cases, |c| c.as_str()) {
            s.details_case = case;
        }
    }
    if let Some(value) = table.get("code_case") {
        let cases = [CodeCase::ScreamingSnakeCase, CodeCase::SnakeCase];
        s.code_case = cx.choice(value, "code_case", &cases, |c| c.as_str());
    }
    s.doc_url = cx.string(table, "doc_url");
    s.description = cx.string(table, "description").map(|(text, _)| text);
    s.language = cx.string(table, "language");
    s.grpc_domain = super::grpc::domain(cx, table);
}

/// `include = "path"` or `include = ["path", ...]`.
fn includes(cx: &mut Cx<'_>, table: &DeTable<'_>) -> Vec<(String, Location)> {
    let Some(value) = table.get("include") else {
        return Vec::new();
    };
    match value.get_ref() {
        DeValue::String(path) => vec![(path.to_string(), cx.at(value.span()))],
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::String(path) => Some((path.to_string(), cx.at(item.span()))),
                _ => {
                    cx.wrong_type(item, "each `include` entry", "a string (a path)");
                    None
                }
            })
            .collect(),
        _ => {
            cx.wrong_type(value, "`include`", "an array of paths");
            Vec::new()
        }
    }
}

/// Lowers `[envelope]`: the renames of `[envelope.rename]`, checked against the
/// members of the style already in `s`.
pub(super) fn envelope(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    cx.check_keys(table, "[envelope]", ENVELOPE_KEYS);
    let Some(value) = table.get("rename") else {
        return;
    };
    let Some(rename) = cx.table(value, "[envelope.rename]") else {
        return;
    };
    let style = s.envelope.style;
    let members = style.members();
    for (key, value) in in_order(rename) {
        let name = key.get_ref().as_ref();
        let Some(&member) = members.iter().find(|m| m.name() == name) else {
            let names: Vec<&str> = members.iter().map(|m| m.name()).collect();
            let in_other = EnvelopeStyle::ALL
                .iter()
                .any(|st| st.members().iter().any(|m| m.name() == name));
            let message = if in_other {
                format!(
                    "the `{}` envelope has no member `{name}` to rename",
                    style.as_str()
                )
            } else {
                format!("unknown envelope member `{name}` in `[envelope.rename]`")
            };
            let help = match did_you_mean(name, names.iter().copied()) {
                Some(similar) => format!("did you mean `{similar}`?"),
                None => format!(
                    "the members of the `{}` envelope are: {}",
                    style.as_str(),
                    names.join(", ")
                ),
            };
            cx.sink
                .push(Diagnostic::new(cx.at(key.span()), message).help(help));
            continue;
        };
        match value.get_ref() {
            DeValue::String(new) if !new.is_empty() => {
                s.renames
                    .push((member, new.to_string(), cx.at(value.span())));
            }
            DeValue::String(_) => cx.sink.error(
                cx.at(value.span()),
                format!("the new key of `{name}` is empty; give a member name"),
            ),
            _ => cx.wrong_type(value, &format!("the new key of `{name}`"), "a string"),
        }
    }
    for (member, new, _) in &s.renames {
        if let Some(slot) = s.envelope.keys.iter_mut().find(|(m, _)| m == member) {
            slot.1 = new.clone();
        }
    }
}

/// Lowers `[retry]`; validation checks that the values make sense together.
pub(super) fn retry(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    cx.check_keys(table, "[retry]", RETRY_KEYS);
    let at = &mut s.retry_at;
    if let Some(v) = cx.count(table, "max_attempts", at) {
        s.retry.max_attempts = v;
    }
    if let Some(v) = cx.count(table, "base_delay_ms", at) {
        s.retry.base_delay_ms = v;
    }
    if let Some(v) = cx.count(table, "max_delay_ms", at) {
        s.retry.max_delay_ms = v;
    }
    if let Some(value) = table.get("honor_retry_after") {
        match value.get_ref() {
            DeValue::Boolean(true) => s.retry.honor_retry_after = HonorRetryAfter::FirstRetry,
            DeValue::Boolean(false) => s.retry.honor_retry_after = HonorRetryAfter::Never,
            DeValue::String(text) if text == "always" => {
                s.retry.honor_retry_after = HonorRetryAfter::Always;
            }
            _ => cx.wrong_type(
                value,
                "`honor_retry_after`",
                "`true` (exactly `Retry-After` on the first retry), `false` (ignore it) or `\"always\"` (at least `Retry-After` on every retry)",
            ),
        }
    }
    if let Some(v) = cx.count(table, "max_retry_after_ms", &mut s.retry_at) {
        s.retry.max_retry_after_ms = v;
    }
    if let Some(value) = table.get("retry_after_statuses") {
        if let Some(set) = retry_after_statuses(cx, value) {
            s.retry.retry_after_statuses = set;
        }
        s.retry_at
            .push(("retry_after_statuses", cx.at(value.span())));
    }
}

/// `retry_after_statuses = [429, 503]`: each an error status, once. `None` (with
/// the diagnostics) when an entry is wrong, so the default stays.
fn retry_after_statuses(cx: &mut Cx<'_>, value: &Value<'_>) -> Option<StatusSet> {
    let DeValue::Array(items) = value.get_ref() else {
        cx.wrong_type(
            value,
            "`retry_after_statuses`",
            "an array of statuses, such as `[429, 503]`",
        );
        return None;
    };
    let mut set = StatusSet::EMPTY;
    let mut ok = true;
    for item in items.iter() {
        let DeValue::Integer(n) = item.get_ref() else {
            cx.wrong_type(
                item,
                "each `retry_after_statuses` entry",
                "a status, such as `503`",
            );
            ok = false;
            continue;
        };
        let at = cx.at(item.span());
        let shown = n.as_str();
        let status = i64::from_str_radix(n.as_str(), n.radix())
            .ok()
            .and_then(|n| u16::try_from(n).ok())
            .filter(|n| (StatusSet::FIRST..=StatusSet::LAST).contains(n));
        match status {
            None => {
                cx.sink.push(
                    Diagnostic::new(
                        at,
                        format!("`retry_after_statuses` lists {shown}, which is not an error status"),
                    )
                    .help("list statuses of 400..=599 whose `Retry-After` clients honour, such as `[429, 503]`"),
                );
                ok = false;
            }
            Some(status) if set.contains(status) => {
                cx.sink.push(
                    Diagnostic::new(at, format!("`retry_after_statuses` lists {status} twice"))
                        .help("list each status once"),
                );
                ok = false;
            }
            Some(status) => set = set.with(status),
        }
    }
    ok.then_some(set)
}

/// Lowers `[circuit_breaker]`.
pub(super) fn circuit_breaker(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    cx.check_keys(table, "[circuit_breaker]", BREAKER_KEYS);
    let at = &mut s.circuit_breaker_at;
    if let Some(v) = cx.count(table, "failure_threshold", at) {
        s.circuit_breaker.failure_threshold = v;
    }
    if let Some(v) = cx.count(table, "open_ms", at) {
        s.circuit_breaker.open_ms = v;
    }
    if let Some(v) = cx.count(table, "half_open_requests", at) {
        s.circuit_breaker.half_open_requests = v;
    }
}
