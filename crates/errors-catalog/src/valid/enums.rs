//! Rules of enum types (SPEC 9.4): each value names a Rust variant, once in its
//! enum, and each generated enum's name is free.

use std::collections::HashMap;

use heck::ToSnakeCase;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{EnumKind, EnumType, ErrorDef, Field};
use crate::naming;

/// The values of every enum of `error`'s fields.
pub(super) fn check_values(error: &ErrorDef, sink: &mut Sink) {
    for field in &error.fields {
        if let Some(enum_type) = &field.enum_type {
            check_enum(error, field, enum_type, sink);
        }
    }
}

/// What the enum of `field` is called in messages: "the enum of `rule` of `CODE`".
fn described(error: &ErrorDef, field: &Field, enum_type: &EnumType) -> String {
    let what = match enum_type.kind {
        EnumKind::Rules => "the rules",
        _ => "the enum",
    };
    format!("{what} of `{}` of `{}`", field.name, error.code)
}

fn check_enum(error: &ErrorDef, field: &Field, enum_type: &EnumType, sink: &mut Sink) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for value in &enum_type.values {
        let variant = value.variant.as_str();
        if !naming::is_type_name(variant) || naming::is_reserved_identifier(variant) {
            let fixed = value.value.to_snake_case();
            let help = if !fixed.is_empty()
                && fixed.starts_with(|c: char| c.is_ascii_alphabetic())
                && naming::is_type_name(&naming::variant_name(&fixed))
                && !naming::is_reserved_identifier(&naming::variant_name(&fixed))
            {
                format!(
                    "write `{fixed}`: each value becomes a variant of `{}`, its UpperCamelCase (`{}`)",
                    enum_type.name,
                    naming::variant_name(&fixed)
                )
            } else {
                format!(
                    "start each value with an ASCII letter and use letters, digits and `_`, such as `min_length`: each value becomes a variant of `{}`, its UpperCamelCase",
                    enum_type.name
                )
            };
            sink.push(
                Diagnostic::new(
                    value.location.clone(),
                    format!(
                        "`{}` in {} cannot name a Rust variant (its UpperCamelCase is `{variant}`)",
                        value.value,
                        described(error, field, enum_type)
                    ),
                )
                .help(help),
            );
            continue;
        }
        if let Some(first) = seen.insert(variant, value.value.as_str()) {
            let (message, help) = if first == value.value {
                (
                    format!(
                        "`{first}` is listed twice in {}",
                        described(error, field, enum_type)
                    ),
                    "list each value once".to_owned(),
                )
            } else {
                (
                    format!(
                        "`{first}` and `{}` in {} are both the variant `{variant}`",
                        value.value,
                        described(error, field, enum_type)
                    ),
                    format!(
                        "each value's UpperCamelCase must be unique in `{}`: rename one of them",
                        enum_type.name
                    ),
                )
            };
            sink.push(Diagnostic::new(value.location.clone(), message).help(help));
        }
    }
}

/// Every generated enum's name is free: not the error enum's, the code enum's, nor
/// another generated enum's.
pub(super) fn check_names(draft: &Draft, sink: &mut Sink) {
    let name = draft
        .settings
        .name
        .as_ref()
        .map_or("ApiError", |(n, _)| n.as_str());
    let code_enum = format!("{name}Code");
    let mut taken: HashMap<&str, (&ErrorDef, &Field)> = HashMap::new();
    for error in &draft.errors {
        for field in &error.fields {
            let Some(enum_type) = &field.enum_type else {
                continue;
            };
            let generated = enum_type.name.as_str();
            let other = if generated == name {
                Some(format!(
                    "the error enum (`[catalog] name`) is named `{name}`"
                ))
            } else if generated == code_enum {
                Some(format!("the code enum is named `{code_enum}`"))
            } else if let Some((e, f)) = taken.get(generated) {
                Some(format!(
                    "{} is named `{generated}` too",
                    described(e, f, f.enum_type.as_ref().unwrap_or(enum_type))
                ))
            } else {
                taken.insert(generated, (error, field));
                None
            };
            if let Some(other) = other {
                sink.push(
                    Diagnostic::new(
                        enum_type.location.clone(),
                        format!(
                            "{} would generate the enum `{generated}`, but {other}",
                            described(error, field, enum_type)
                        ),
                    )
                    .help("rename the field or the other item: each generated Rust type needs its own name"),
                );
            }
        }
    }
}
