//! Lowering the keys of an evolving catalog (SPEC 9.4): `aliases`, `deprecated` in
//! its string and table forms, and `retry = "after_refresh"`.

use toml::de::{DeTable, DeValue};

use super::context::Cx;
use super::keys::DEPRECATED_KEYS;
use crate::diagnostic::Diagnostic;
use crate::evolve::{Deprecation, EvolveLocations, is_date};
use crate::model::RetryClass;
use crate::source::Location;

/// What `deprecated`, `aliases` and `retry` of one error say.
pub(super) struct Evolve {
    pub(super) deprecated: Option<String>,
    pub(super) deprecation: Option<Deprecation>,
    pub(super) aliases: Vec<String>,
    pub(super) retry_class: RetryClass,
    pub(super) retryable: bool,
    pub(super) at: EvolveLocations,
}

/// Lowers the keys of `[errors.CODE]` (`place`) this module owns; `retryable` is what
/// the table's `retryable` (or its status default) says.
pub(super) fn evolve(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
    place: &str,
    retryable: (bool, Option<Location>),
) -> Evolve {
    let mut at = EvolveLocations::default();
    let (deprecated, deprecation) = deprecated(cx, table, place, &mut at);
    let aliases = aliases(cx, table, &mut at);
    let (retry_class, retryable) = retry(cx, table, retryable);
    Evolve {
        deprecated,
        deprecation,
        aliases,
        retry_class,
        retryable,
        at,
    }
}

/// `deprecated = "why"`, `deprecated = true`, or the table
/// `{ since, replacement, remove_after }`.
fn deprecated(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
    place: &str,
    at: &mut EvolveLocations,
) -> (Option<String>, Option<Deprecation>) {
    let Some(value) = table.get("deprecated") else {
        return (None, None);
    };
    match value.get_ref() {
        DeValue::String(note) => (Some(note.to_string()), None),
        DeValue::Boolean(true) => (Some(String::new()), None),
        DeValue::Boolean(false) => (None, None),
        DeValue::Table(t) => {
            cx.check_keys(t, &format!("`deprecated` of `{place}`"), DEPRECATED_KEYS);
            let since = cx.string(t, "since");
            if let Some((text, loc)) = &since
                && text.trim().is_empty()
            {
                cx.sink.push(
                    Diagnostic::new(loc.clone(), format!("`since` of `{place}` is empty"))
                        .help("write the version that deprecated the code, e.g. `since = \"2.3\"`"),
                );
            }
            let remove_after = cx.string(t, "remove_after");
            if let Some((text, loc)) = &remove_after
                && !is_date(text)
            {
                cx.sink.push(
                    Diagnostic::new(
                        loc.clone(),
                        format!(
                            "`remove_after` of `{place}` must be a calendar date written YYYY-MM-DD, found `\"{text}\"`"
                        ),
                    )
                    .help("write the day after which the code may be removed, e.g. `remove_after = \"2027-06-01\"`"),
                );
            }
            let replacement = cx.string(t, "replacement");
            at.replacement = replacement.as_ref().map(|(_, loc)| loc.clone());
            let deprecation = Deprecation::new(
                since.map(|(s, _)| s),
                replacement.map(|(r, _)| r),
                remove_after.map(|(d, _)| d),
            );
            (Some(deprecation.note()), Some(deprecation))
        }
        _ => {
            cx.wrong_type(
                value,
                "`deprecated`",
                "a string (why, and what to use instead) or a table such as `{ since = \"2.3\", replacement = \"NEW_CODE\" }`",
            );
            (None, None)
        }
    }
}

/// `aliases = ["OLD_SPELLING", ...]`; validation checks each against the codes.
fn aliases(cx: &mut Cx<'_>, table: &DeTable<'_>, at: &mut EvolveLocations) -> Vec<String> {
    let Some(value) = table.get("aliases") else {
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        cx.wrong_type(
            value,
            "`aliases`",
            "a list of old spellings of the code, such as `[\"RATE_LIMITED\"]`",
        );
        return Vec::new();
    };
    let mut aliases = Vec::new();
    for item in items {
        match item.get_ref() {
            DeValue::String(alias) => {
                aliases.push(alias.to_string());
                at.aliases.push(cx.at(item.span()));
            }
            _ => cx.wrong_type(item, "an alias", "a string (an old spelling of the code)"),
        }
    }
    aliases
}

/// `retry = "after_refresh"`, and the retryability it leaves: an after-refresh error
/// is not retryable under the policy, and saying it is contradicts it.
fn retry(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
    (retryable, retryable_at): (bool, Option<Location>),
) -> (RetryClass, bool) {
    let class = table.get("retry").and_then(|value| {
        cx.choice(
            value,
            "retry",
            &[RetryClass::AfterRefresh],
            RetryClass::as_str,
        )
    });
    match class {
        Some(class) => {
            if let (true, Some(loc)) = (retryable, retryable_at) {
                cx.sink.push(
                    Diagnostic::new(
                        loc,
                        "`retryable = true` contradicts `retry = \"after_refresh\"`",
                    )
                    .help("an after_refresh error is retried once, after the client refreshes its credentials, never under the retry policy: remove `retryable = true`"),
                );
            }
            (class, false)
        }
        None => (RetryClass::from_retryable(retryable), retryable),
    }
}
