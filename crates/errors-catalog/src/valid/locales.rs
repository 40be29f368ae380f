//! Rules of `[catalog] language` and `[locales.TAG.errors.CODE]` (SPEC 9.4): tags
//! that are language tags, translations of codes that exist, once each, with exactly
//! the primary template's placeholders, so that every language renders and decodes
//! the same fields.

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::{Draft, DraftTranslation};
use crate::model::DEFAULT_LANGUAGE;
use crate::suggest::did_you_mean;
use crate::template::MessageTemplate;

/// Whether `tag` has the shape of a BCP 47 language tag: a primary subtag of 2 to 8
/// letters, then subtags of 1 to 8 letters or digits, joined by `-`.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

const TAG_HELP: &str = "use a BCP 47 language tag, such as `en`, `fr` or `pt-BR`";

pub(super) fn check_locales(draft: &Draft, sink: &mut Sink) {
    let primary = match &draft.settings.language {
        Some((tag, at)) => {
            if !is_language_tag(tag) {
                sink.push(
                    Diagnostic::new(at.clone(), format!("`{tag}` is not a language tag"))
                        .help(TAG_HELP),
                );
            }
            tag.as_str()
        }
        None => DEFAULT_LANGUAGE,
    };
    for (i, t) in draft.translations.iter().enumerate() {
        if !is_language_tag(&t.locale) {
            sink.push(
                Diagnostic::new(
                    t.locale_at.clone(),
                    format!("`{}` is not a language tag", t.locale),
                )
                .help(TAG_HELP),
            );
        } else if t.locale.eq_ignore_ascii_case(primary) {
            sink.push(
                Diagnostic::new(
                    t.locale_at.clone(),
                    format!("`[locales.{}]` is the catalog's primary language", t.locale),
                )
                .help(format!(
                    "the messages of `[errors]` are in `{primary}`: remove `[locales.{}]`, or set \
                     `[catalog] language` to the language they are written in",
                    t.locale
                )),
            );
        }
        let earlier = draft.translations[..i]
            .iter()
            .any(|e| e.code == t.code && e.locale.eq_ignore_ascii_case(&t.locale));
        if earlier {
            sink.push(
                Diagnostic::new(
                    t.code_at.clone(),
                    format!("`{}` is translated into `{}` twice", t.code, t.locale),
                )
                .help("keep one `[locales.TAG.errors.CODE]` table per language and code"),
            );
        }
        match draft.errors.iter().find(|e| e.code == t.code) {
            // One translated template cannot follow a message chosen by a field.
            Some(error) if error.message_by.is_some() => sink.push(
                Diagnostic::new(
                    t.message_at.clone(),
                    format!(
                        "the message of `{}` is chosen by a field (`message = {{ by, values }}`): it has no translations",
                        t.code
                    ),
                )
                .help(format!(
                    "remove `[locales.{}.errors.{}]`: the code is sent in the primary language",
                    t.locale, t.code
                )),
            ),
            Some(error) => check_placeholders(&error.message, t, sink),
            None => {
                let help = match did_you_mean(&t.code, draft.errors.iter().map(|e| e.code.as_str()))
                {
                    Some(code) => format!("did you mean `{code}`?"),
                    None => "translate a code declared under `[errors]`".to_owned(),
                };
                sink.push(
                    Diagnostic::new(
                        t.code_at.clone(),
                        format!(
                            "`[locales.{}.errors.{}]` translates no declared code",
                            t.locale, t.code
                        ),
                    )
                    .help(help),
                );
            }
        }
    }
}

/// The translation has the primary template's placeholders, with the same format
/// specs, each as many times.
fn check_placeholders(primary: &MessageTemplate, t: &DraftTranslation, sink: &mut Sink) {
    let written = |template: &MessageTemplate| {
        let mut all: Vec<String> = template
            .placeholders()
            .map(|p| match &p.spec {
                Some(spec) => format!("{}:{spec}", p.field),
                None => p.field.to_string(),
            })
            .collect();
        all.sort();
        all
    };
    let (want, have) = (written(primary), written(&t.message));
    if want == have {
        return;
    }
    let missing: Vec<_> = want.iter().filter(|p| !have.contains(p)).collect();
    let extra: Vec<_> = have.iter().filter(|p| !want.contains(p)).collect();
    let list = |items: &[&String]| {
        items
            .iter()
            .map(|p| format!("`{{{p}}}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let problem = match (missing.is_empty(), extra.is_empty()) {
        (false, true) => format!("lacks {}", list(&missing)),
        (true, false) => format!("has {}, which the primary message does not", list(&extra)),
        (false, false) => format!("has {} in place of {}", list(&extra), list(&missing)),
        // Same placeholders, different counts.
        (true, true) => "uses a placeholder a different number of times".to_owned(),
    };
    sink.push(
        Diagnostic::new(
            t.message_at.clone(),
            format!("the `{}` message of `{}` {problem}", t.locale, t.code),
        )
        .help(format!(
            "a translation uses exactly the placeholders of `[errors.{}] message` (\"{}\"), \
             with the same format specs",
            t.code, primary.source
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags() {
        for good in ["en", "fr", "pt-BR", "zh-Hant-TW", "de-CH-1996"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "en_US",
            "fr-",
            "-fr",
            "français",
            "abcdefghi",
            "en-abcdefghi",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
