//! Rules of a message's placeholders: each names a public, required field whose type
//! its format spec can format.

use crate::diagnostic::{Diagnostic, Sink};
use crate::model::ErrorDef;
use errors_vocab::format_spec::FormatTrait;

pub(super) fn check_placeholders(error: &ErrorDef, sink: &mut Sink) {
    for (p, location) in error.message.placeholders_at() {
        let name = p.field.as_ref();
        let Some(field) = error.field(name) else {
            if !error.at.broken_fields.iter().any(|b| b == name) {
                sink.push(
                    Diagnostic::new(
                        location.clone(),
                        format!("`{{{name}}}` is not a detail field of `{}`", error.code),
                    )
                    .help(super::fields::field_help(error, name)),
                );
            }
            continue;
        };
        if field.internal {
            sink.push(
                Diagnostic::new(
                    location.clone(),
                    format!("the message inserts `{{{name}}}`, an internal field, which must never reach clients"),
                )
                .help("remove it from the message, or drop `internal = true`"),
            );
            continue;
        }
        let trait_ = p
            .spec
            .as_ref()
            .map_or(FormatTrait::Display, |s| s.format_trait());
        if trait_ == FormatTrait::Debug {
            continue;
        }
        let what = if field.optional {
            Some("an optional field".to_owned())
        } else {
            let fits = match trait_ {
                FormatTrait::Display => field.ty.has_display(),
                FormatTrait::LowerExp | FormatTrait::UpperExp => {
                    field.ty.is_integer() || field.ty == crate::model::DetailType::F64
                }
                _ => field.ty.is_integer(),
            };
            (!fits).then(|| format!("a `{}`", field.ty))
        };
        if let Some(what) = what {
            let help = if field.optional {
                format!(
                    "a message can only insert required fields; make `{name}` required, or leave it out of the message"
                )
            } else if trait_ == FormatTrait::Display {
                "a message can insert string, bool, number and json fields; use `:?` to show a list"
                    .to_owned()
            } else {
                let ty = p.spec.as_ref().map_or("", |s| s.type_str());
                let numbers = if matches!(trait_, FormatTrait::LowerExp | FormatTrait::UpperExp) {
                    "numbers"
                } else {
                    "integers"
                };
                format!("`{ty}` formats {numbers}; remove it, or insert a number field")
            };
            sink.push(
                Diagnostic::new(
                    location.clone(),
                    format!(
                        "`{}` cannot format `{name}`, {what}",
                        placeholder_text(name, p.spec.map(|s| s.to_string()).as_deref())
                    ),
                )
                .help(help),
            );
        }
    }
}

pub(super) fn placeholder_text(name: &str, spec: Option<&str>) -> String {
    match spec {
        Some(spec) => format!("{{{name}:{spec}}}"),
        None => format!("{{{name}}}"),
    }
}
