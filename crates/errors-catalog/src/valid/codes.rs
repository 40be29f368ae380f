//! Rules of the codes: spelled as `code_case` asks, unique, and mapping to distinct
//! variant names.

use std::collections::HashMap;

use heck::{ToShoutySnakeCase, ToSnakeCase};

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{CodeCase, ErrorDef};
use crate::naming;
use crate::suggest::{Unspellable, spell_code};

pub(super) fn check_codes(draft: &Draft, sink: &mut Sink) {
    let mut codes: HashMap<&str, &ErrorDef> = HashMap::new();
    let mut variants: HashMap<&str, &ErrorDef> = HashMap::new();
    for error in &draft.errors {
        let code = error.code.as_str();
        if !naming::is_code(code) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!("`{code}` is not a valid code"),
                )
                .help(code_help(code, draft.settings.code_case)),
            );
            continue;
        }
        if let Some(case) = draft.settings.code_case {
            let (ok, fixed) = match case {
                CodeCase::ScreamingSnakeCase => (
                    naming::is_screaming_snake_case(code),
                    code.to_shouty_snake_case(),
                ),
                CodeCase::SnakeCase => (naming::is_snake_case(code), code.to_snake_case()),
            };
            if !ok {
                sink.push(
                    Diagnostic::new(
                        error.location.clone(),
                        format!(
                            "code `{code}` is not {} as `code_case` requires",
                            case.as_str()
                        ),
                    )
                    .help(format!("write it `{fixed}`")),
                );
            }
        }
        if let Some(first) = codes.insert(code, error) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` is defined twice: here and at {}",
                        first.location
                    ),
                )
                .help("each code is defined once; remove or rename one of them"),
            );
            continue;
        }
        if naming::is_reserved_identifier(&error.variant) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` would become the variant `{}`, which Rust reserves",
                        error.variant
                    ),
                )
                .help("rename the code"),
            );
        } else if error.variant == "ALL" {
            // The code enum's `ALL` (every code) is part of the generated API.
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` would become the variant `ALL`, the name of the generated list of every code (`ApiErrorCode::ALL`)"
                    ),
                )
                .help("rename the code"),
            );
        } else if let Some(first) = variants.insert(&error.variant, error) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "codes `{}` and `{code}` both become the variant `{}`",
                        first.code, error.variant
                    ),
                )
                .help(format!(
                    "rename one of them; `{}` is defined at {}",
                    first.code, first.location
                )),
            );
        }
    }
}

/// The rule for codes, with a valid code spelled from `code` when one keeps all its
/// letters (in the case `code_case` asks for).
pub(super) fn code_help(code: &str, case: Option<CodeCase>) -> String {
    const RULE: &str = "a code is ASCII letters, digits and `_`, starting with a letter";
    let in_case = |code: &str| match case {
        Some(CodeCase::ScreamingSnakeCase) => code.to_shouty_snake_case(),
        Some(CodeCase::SnakeCase) => code.to_snake_case(),
        None => code.to_owned(),
    };
    match spell_code(code) {
        Ok(spelled) => format!("{RULE}, such as `{}`", in_case(&spelled)),
        Err(Unspellable::Foreign(c)) => {
            format!("{RULE}; `{c}` has no ASCII spelling, so name the code in ASCII")
        }
        Err(Unspellable::LeadingDigit) if code.chars().any(|c| c.is_alphabetic()) => {
            format!("{RULE}; begin it with a word rather than a digit")
        }
        Err(Unspellable::LeadingDigit | Unspellable::Empty) => {
            format!("{RULE}, such as `{}`", in_case("NOT_FOUND"))
        }
    }
}
