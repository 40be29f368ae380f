//! Rules of an evolving catalog (SPEC 9.4): each alias is a valid code in the
//! catalog's `code_case`, no code and no other alias; a deprecation's `replacement`
//! names a code.

use std::collections::HashMap;

use heck::{ToShoutySnakeCase, ToSnakeCase};

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{CodeCase, ErrorDef};
use crate::naming;
use crate::source::Location;
use crate::suggest::did_you_mean;

pub(super) fn check_aliases(draft: &Draft, sink: &mut Sink) {
    let codes: HashMap<&str, &ErrorDef> =
        draft.errors.iter().map(|e| (e.code.as_str(), e)).collect();
    // Each alias seen, with its code and where it is written.
    let mut seen: HashMap<&str, (&str, &Location)> = HashMap::new();
    for error in &draft.errors {
        let code = error.code.as_str();
        for (alias, at) in error.aliases.iter().zip(&error.at.evolve.aliases) {
            if let Some(problem) = spelling(alias, code, draft.settings.code_case, at) {
                sink.push(problem);
                continue;
            }
            if alias == code {
                sink.push(
                    Diagnostic::new(at.clone(), format!("`{code}` is listed as its own alias"))
                        .help("remove it: the code itself is always decoded"),
                );
                continue;
            }
            if let Some(other) = codes.get(alias.as_str()) {
                sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!(
                            "alias `{alias}` of `{code}` is a code of the catalog, defined at {}",
                            other.location
                        ),
                    )
                    .help(format!(
                        "an alias is an old spelling no code uses: remove `{alias}` from the aliases, or, to rename `{alias}`, deprecate it with `replacement = \"{code}\"` and add the alias once it is removed"
                    )),
                );
                continue;
            }
            match seen.get(alias.as_str()) {
                Some((first, _)) if *first == code => sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!("alias `{alias}` is listed twice for `{code}`"),
                    )
                    .help("remove the repetition"),
                ),
                Some((first, first_at)) => sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!(
                            "alias `{alias}` of `{code}` is already an alias of `{first}` ({first_at})"
                        ),
                    )
                    .help("an old spelling decodes as one code: keep it on one of them"),
                ),
                None => {
                    seen.insert(alias, (code, at));
                }
            }
        }
    }
}

/// The problem with `alias` as a spelling of a code, if any.
fn spelling(alias: &str, code: &str, case: Option<CodeCase>, at: &Location) -> Option<Diagnostic> {
    if !naming::is_code(alias) {
        return Some(
            Diagnostic::new(
                at.clone(),
                format!("alias `{alias}` of `{code}` is not a valid code"),
            )
            .help(super::codes::code_help(alias, case)),
        );
    }
    let (ok, fixed) = match case? {
        CodeCase::ScreamingSnakeCase => (
            naming::is_screaming_snake_case(alias),
            alias.to_shouty_snake_case(),
        ),
        CodeCase::SnakeCase => (naming::is_snake_case(alias), alias.to_snake_case()),
    };
    (!ok).then(|| {
        Diagnostic::new(
            at.clone(),
            format!(
                "alias `{alias}` of `{code}` is not {} as `code_case` requires",
                case.map_or("", CodeCase::as_str)
            ),
        )
        .help(format!("write it `{fixed}`"))
    })
}

/// `replacement` names another code of the catalog (checked once every file is read).
pub(super) fn check_replacements(draft: &Draft, complete: bool, sink: &mut Sink) {
    for error in &draft.errors {
        let (Some(deprecation), Some(at)) = (&error.deprecation, &error.at.evolve.replacement)
        else {
            continue;
        };
        let Some(replacement) = &deprecation.replacement else {
            continue;
        };
        let code = &error.code;
        if replacement == code {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!("`{code}` names itself as its replacement"),
                )
                .help("name the code clients should use instead"),
            );
            continue;
        }
        if !complete || draft.errors.iter().any(|e| &e.code == replacement) {
            continue;
        }
        let help = match draft
            .errors
            .iter()
            .find(|e| e.aliases.contains(replacement))
        {
            Some(owner) => format!(
                "`{replacement}` is an alias of `{}`: name the code itself",
                owner.code
            ),
            None => match did_you_mean(replacement, draft.errors.iter().map(|e| e.code.as_str())) {
                Some(similar) => format!("did you mean `{similar}`?"),
                None => "name a code of the catalog, or leave `replacement` out".to_owned(),
            },
        };
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "the replacement of `{code}`, `{replacement}`, is not a code of the catalog"
                ),
            )
            .help(help),
        );
    }
}
