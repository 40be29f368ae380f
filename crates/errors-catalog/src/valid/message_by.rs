//! Rules of a message chosen by a field (SPEC 9.4): `by` names a required, public
//! enum field of the code; every value has a template, its own; and the templates
//! after the first pass the checks of any message.

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{EnumKind, ErrorDef, MessageBy};
use crate::suggest::did_you_mean;

pub(super) fn check_message_by(draft: &Draft, error: &ErrorDef, sink: &mut Sink) {
    let Some(by) = &error.message_by else { return };
    check_field(error, by, sink);
    check_templates(error, by, sink);
    // The first template is the error's `message`, checked as any; the others too.
    for t in by.templates.iter().skip(1) {
        let mut each = error.clone();
        each.message = t.template.clone();
        super::placeholders::check_placeholders(&each, sink);
        super::message_only::check_message_only(draft, &each, sink);
    }
    check_message_only_everywhere(error, by, sink);
}

/// `by` names a required, public enum field; every value has a template and every
/// template a value.
fn check_field(error: &ErrorDef, by: &MessageBy, sink: &mut Sink) {
    let (code, name) = (&error.code, &by.field);
    let Some(field) = error.field(name) else {
        if !error.at.broken_fields.iter().any(|b| b == name) {
            sink.push(
                Diagnostic::new(
                    by.location.clone(),
                    format!("`by` names `{name}`, which is not a detail field of `{code}`"),
                )
                .help(super::fields::field_help(error, name)),
            );
        }
        return;
    };
    let enum_type = match &field.enum_type {
        Some(e) if e.kind == EnumKind::Values => e,
        _ => {
            sink.push(
                Diagnostic::new(
                    by.location.clone(),
                    format!(
                        "`by` names `{name}` of `{code}`, a `{}` field: only an enum field can choose the message",
                        field.ty
                    ),
                )
                .help(format!(
                    "give `{name}` the values it may take with `type = {{ enum = [...] }}`"
                )),
            );
            return;
        }
    };
    let problem = if field.internal {
        Some((
            "an internal field, which never reaches clients",
            format!("drop `internal = true` from `{name}`"),
        ))
    } else if field.optional {
        Some((
            "an optional field, but every error needs a message",
            format!("make `{name}` required"),
        ))
    } else {
        None
    };
    if let Some((what, help)) = problem {
        sink.push(
            Diagnostic::new(
                by.location.clone(),
                format!("`by` names `{name}` of `{code}`, {what}"),
            )
            .help(help),
        );
    }
    for t in &by.templates {
        if !enum_type.contains(&t.value) {
            let help = match did_you_mean(&t.value, enum_type.value_strs()) {
                Some(similar) => format!("did you mean `{similar}`?"),
                None => format!(
                    "the values of `{name}` are {}",
                    quoted(enum_type.value_strs())
                ),
            };
            sink.push(
                Diagnostic::new(
                    t.location.clone(),
                    format!("`{}` is not a value of `{name}` of `{code}`", t.value),
                )
                .help(help),
            );
        }
    }
    let missing: Vec<&str> = enum_type
        .value_strs()
        .filter(|v| by.template(v).is_none())
        .collect();
    if !missing.is_empty() {
        sink.push(
            Diagnostic::new(
                by.values_location.clone(),
                format!(
                    "the message of `{code}` has no template for {} of `{name}`",
                    quoted(missing.iter().copied())
                ),
            )
            .help(format!(
                "add a template for each value to `values`, such as `{} = \"...\"`",
                missing[0]
            )),
        );
    }
}

/// No two values share a template: the decoder tells them apart by it.
fn check_templates(error: &ErrorDef, by: &MessageBy, sink: &mut Sink) {
    for (i, t) in by.templates.iter().enumerate() {
        let first = by.templates[..i]
            .iter()
            .find(|o| o.template.source == t.template.source);
        if let Some(first) = first {
            sink.push(
                Diagnostic::new(
                    t.location.clone(),
                    format!(
                        "`{}` and `{}` of `{}` share the template `{}`",
                        first.value, t.value, error.code, t.template.source
                    ),
                )
                .help(format!(
                    "give each value of `{}` its own message: clients tell the values apart by it",
                    by.field
                )),
            );
        }
    }
}

/// A field sent only in the message is in every template: otherwise some errors
/// would not send it at all.
fn check_message_only_everywhere(error: &ErrorDef, by: &MessageBy, sink: &mut Sink) {
    let only_in_message = error.public_fields().filter(|f| {
        !f.in_details && f.header.is_none() && f.name != by.field && error.in_any_template(&f.name)
    });
    for field in only_in_message {
        let name = &field.name;
        for t in &by.templates {
            if !t.template.placeholders().any(|p| p.field == *name) {
                sink.push(
                    Diagnostic::new(
                        t.location.clone(),
                        format!(
                            "`{name}` of `{}` is sent only in the message, but the template of `{}` leaves it out",
                            error.code, t.value
                        ),
                    )
                    .help(format!(
                        "insert `{{{name}}}` in every template, or send it in `details` too (drop `details = false`)"
                    )),
                );
            }
        }
    }
}

fn quoted<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
