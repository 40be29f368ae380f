//! Rules of an error's detail fields: names, wire names, headers, and that each is
//! sent somewhere.

use std::collections::HashMap;

use heck::ToSnakeCase;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{EnvelopeStyle, ErrorDef, Field, Member};
use crate::naming;
use crate::source::Location;
use crate::suggest::did_you_mean;

pub(super) fn check_fields(draft: &Draft, error: &ErrorDef, sink: &mut Sink) {
    let envelope = &draft.settings.envelope;
    let mut wires: HashMap<&str, &Field> = HashMap::new();
    let mut headers: HashMap<String, &Field> = HashMap::new();
    for field in &error.fields {
        let name = &field.name;
        if naming::is_reserved_identifier(name) {
            sink.push(
                Diagnostic::new(
                    field.location.clone(),
                    format!("`{name}` cannot be a field name"),
                )
                .help("Rust reserves it even as a raw identifier; choose another name"),
            );
        } else if !naming::is_field_name(name) {
            let fixed = name.to_snake_case();
            let help = if naming::is_field_name(&fixed) && &fixed != name {
                format!(
                    "field names are snake_case identifiers: write `{fixed}` (set `wire` for another wire name)"
                )
            } else {
                "field names are snake_case identifiers, such as `retry_after`".to_owned()
            };
            sink.push(
                Diagnostic::new(field.location.clone(), format!("bad field name `{name}`"))
                    .help(help),
            );
        }
        let wire_at = field
            .at
            .wire
            .clone()
            .unwrap_or_else(|| field.location.clone());
        if field.wire.is_empty() {
            sink.push(
                Diagnostic::new(
                    wire_at.clone(),
                    format!("the wire name of `{name}` is empty"),
                )
                .help("give a name, or remove `wire` to use the field name"),
            );
        }
        if let (Some(header), Some(at)) = (&field.header, &field.at.header) {
            check_header(error, field, header, at, &mut headers, sink);
        }
        check_sent_somewhere(draft, error, field, sink);
        if !field.in_details {
            continue;
        }
        if let Some(first) = wires.insert(&field.wire, field) {
            sink.push(
                Diagnostic::new(
                    wire_at.clone(),
                    format!(
                        "`{}` and `{name}` of `{}` have the same wire name `{}`",
                        first.name, error.code, field.wire
                    ),
                )
                .help("give one of them another name with `wire = \"...\"`"),
            );
        }
        if envelope.style == EnvelopeStyle::Problem {
            let clash = envelope.keys().find(|&(_, key)| key == field.wire);
            if let Some((member, _)) = clash {
                let standard = if member == Member::Instance
                    || member.default_key(EnvelopeStyle::Problem) == field.wire
                {
                    "a standard problem member"
                } else {
                    "an envelope member"
                };
                sink.push(
                    Diagnostic::new(
                        wire_at,
                        format!(
                            "the detail field `{name}` has the wire name `{}`, {standard}: in the `problem` envelope detail fields are top-level members",
                            field.wire
                        ),
                    )
                    .help("give the field another wire name with `wire = \"...\"`"),
                );
            }
        }
    }
}

/// `details = false` keeps a field out of `details`: it must still reach clients
/// somewhere, in the message, a header or the typed envelope's `param`; and an
/// internal field, sent nowhere, has no use for it.
pub(super) fn check_sent_somewhere(
    draft: &Draft,
    error: &ErrorDef,
    field: &Field,
    sink: &mut Sink,
) {
    let Some(at) = &field.at.details else { return };
    let name = &field.name;
    if field.internal {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("`details` on the internal field `{name}` says nothing: internal fields are sent nowhere"),
            )
            .help("drop `details`, or `internal = true` if clients should see the field"),
        );
        return;
    }
    if field.in_details {
        return;
    }
    // A field that chooses the message is read back from which template it is.
    let in_message =
        error.in_any_template(name) || error.message_by.as_ref().is_some_and(|b| b.field == *name);
    let as_param = draft.settings.envelope.style == EnvelopeStyle::Typed
        && error.param.as_deref() == Some(name.as_str());
    if let (Some(header), Some(header_at)) = (&field.header, &field.at.header)
        && !in_message
        && !as_param
        && !header_safe(field)
        && field.ty.is_scalar()
    {
        sink.push(
            Diagnostic::new(
                header_at.clone(),
                format!(
                    "`{name}` of `{}` is sent only as the `{header}` header, but a `{}` can hold text no header can carry (line breaks, non-ASCII)",
                    error.code, field.ty
                ),
            )
            .help(format!(
                "send it in `details` too (drop `details = false`; the header is then left out when the value cannot be one), or insert it in the message as `{{{name}}}`; a field sent only as a header is an integer, bool, f64 or an enum of header text"
            )),
        );
    }
    if !in_message && field.header.is_none() && !as_param {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "the field `{name}` of `{}` is sent nowhere: `details = false` keeps it out of `details`, and neither the message nor a header carries it",
                    error.code
                ),
            )
            .help(format!(
                "insert it in the message as `{{{name}}}`, send it as a header with `header = \"...\"`, or drop `details = false`"
            )),
        );
    }
}

/// Whether every value of `field` writes as header text (visible ASCII): integers,
/// `bool` and `f64` (`inf` and `NaN` included) do, and an enum whose every value is
/// header text; a string may hold anything.
fn header_safe(field: &Field) -> bool {
    use crate::model::DetailType;
    let ty = &field.ty;
    ty.is_integer()
        || matches!(ty, DetailType::Bool | DetailType::F64)
        || field
            .enum_type
            .as_ref()
            .is_some_and(|e| e.value_strs().all(crate::enums::is_header_text))
}

pub(super) fn check_header<'a>(
    error: &ErrorDef,
    field: &'a Field,
    header: &str,
    at: &Location,
    seen: &mut HashMap<String, &'a Field>,
    sink: &mut Sink,
) {
    let name = &field.name;
    if !naming::is_header_name(header) {
        sink.push(
            Diagnostic::new(at.clone(), format!("`{header}` is not a valid HTTP header name"))
                .help("a header name is letters, digits and `-` (an RFC 9110 token), such as `Retry-After`"),
        );
        return;
    }
    if let Some(why) = naming::reserved_header(header) {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("`{name}` cannot be sent as the `{header}` header: {why}"),
            )
            .help("remove `header`, or name a header of the application's own, such as `X-Error-Detail`"),
        );
        return;
    }
    if field.internal {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("the internal field `{name}` cannot be sent as the `{header}` header"),
            )
            .help("internal fields never reach clients; drop `header` or `internal = true`"),
        );
    } else if !field.ty.is_scalar() {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`{name}` is a `{}`, which cannot be sent as the `{header}` header",
                    field.ty
                ),
            )
            .help("a header carries one value: use a string, bool or number field"),
        );
    } else if header.eq_ignore_ascii_case("retry-after") && !field.ty.is_unsigned_integer() {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`Retry-After` needs a whole number of seconds, but `{name}` is a `{}`",
                    field.ty
                ),
            )
            .help(format!("make `{name}` a `u64` (or `u32`)")),
        );
    }
    if let Some(first) = seen.insert(header.to_ascii_lowercase(), field) {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`{}` and `{name}` of `{}` are both sent as the `{header}` header",
                    first.name, error.code
                ),
            )
            .help("each header can carry one field"),
        );
    }
}

/// The help for a name that is not one of `error`'s fields: the closest field, or
/// the fields there are and where to declare a new one.
pub(super) fn field_help(error: &ErrorDef, name: &str) -> String {
    // Fields whose declaration was broken still count as names the user meant.
    let declared = error
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .chain(error.at.broken_fields.iter().map(String::as_str));
    match did_you_mean(name, declared) {
        Some(similar) => format!("did you mean `{similar}`?"),
        None if error.fields.is_empty() => format!(
            "`{}` has no detail fields; declare `{name}` under `[errors.{}.details]`",
            error.code, error.code
        ),
        None => format!(
            "its fields are: {}; or declare `{name}` under `[errors.{}.details]`",
            error
                .fields
                .iter()
                .map(|f| format!("`{}`", f.name))
                .collect::<Vec<_>>()
                .join(", "),
            error.code
        ),
    }
}
