//! Messages that clients read fields back from: a code with a field sent only in
//! the message keeps its template, text and format specs, in the contract.

use super::report::{Change, Findings};
use super::{CodeContract, Placement};
use crate::model::ErrorDef;

/// A code with a field sent only in the message: clients read the field back with
/// the template of the snapshot, so any change to it (text or format spec) breaks.
pub(super) fn compare(
    findings: &mut Findings<'_>,
    old: &CodeContract,
    was: &str,
    error: &ErrorDef,
) {
    let code = old.code.as_str();
    // A value added since, with its template, is a new value, not a changed template.
    let known = error.message_by.as_ref().and_then(|by| {
        old.fields
            .iter()
            .find(|f| f.name == by.field)
            .and_then(|f| f.values.as_deref())
    });
    let now = error.message_text_of(known);
    if *was == now {
        return;
    }
    let only_in_message = old
        .fields
        .iter()
        .filter(|f| f.placements == [Placement::Message]);
    let respecified = only_in_message.clone().find(|f| {
        spec_of(was, &f.name).is_some_and(|s| spec_of(&now, &f.name).is_some_and(|n| n != s))
    });
    let names: Vec<String> = only_in_message.map(|f| format!("`{}`", f.name)).collect();
    let message = match respecified {
        Some(field) => format!(
            "the format spec of `{}` in the message of `{code}` changed from `{}` to `{}`: clients read the field back from the message with the old one",
            field.name,
            spec_of(was, &field.name).unwrap_or_default(),
            spec_of(&now, &field.name).unwrap_or_default()
        ),
        None => format!(
            "the message template of `{code}` changed from {was:?} to {now:?}: clients read {} back from the message with the old one; send {} in `details` too before changing it",
            names.join(", "),
            if names.len() == 1 { "it" } else { "them" }
        ),
    };
    findings.push(
        Change::Breaking,
        Some(code),
        error.at.message.to_string(),
        message,
    );
}

/// The messages in other languages of a code whose fields clients read back from
/// the message: a client reads them with the template of the response's
/// `Content-Language`, falling back to the primary one for a language it does not
/// know. So a changed or a new translation breaks (old clients read the new text
/// with a template it does not follow); a removed one does not (the server writes
/// the primary message, which they know).
pub(super) fn compare_translations(
    findings: &mut Findings<'_>,
    old: &CodeContract,
    error: &ErrorDef,
) {
    let code = old.code.as_str();
    let here = error.at.message.to_string();
    for t in &error.translations {
        let now = t.message.to_string();
        match old.translations.iter().find(|(tag, _)| *tag == t.locale) {
            Some((_, was)) if *was == now => {}
            Some((_, was)) => findings.push(
                Change::Breaking,
                Some(code),
                here.clone(),
                format!(
                    "the `{}` message template of `{code}` changed from {was:?} to {now:?}: clients read fields back from `{}` messages with the old one",
                    t.locale, t.locale
                ),
            ),
            None => findings.push(
                Change::Breaking,
                Some(code),
                here.clone(),
                format!(
                    "`{code}` gains a `{}` message: clients built before read its fields back with the primary template, which a `{}` message does not follow; send those fields in `details` too first",
                    t.locale, t.locale
                ),
            ),
        }
    }
    for (tag, _) in &old.translations {
        if !error.translations.iter().any(|t| t.locale == *tag) {
            findings.push(
                Change::Compatible,
                Some(code),
                here.clone(),
                format!(
                    "`{code}` no longer has a `{tag}` message: the primary one is sent instead"
                ),
            );
        }
    }
}

/// The format spec of the placeholder of `field` in `template` (`""` for none),
/// or `None` when the template does not insert it.
fn spec_of<'t>(template: &'t str, field: &str) -> Option<&'t str> {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let end = after.find('}')?;
        let inner = &after[..end];
        let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
        if name.trim() == field {
            return Some(spec);
        }
        rest = &after[end + 1..];
    }
    None
}
