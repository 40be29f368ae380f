//! Lowering `[locales.TAG.errors.CODE]` tables: a code's message in another
//! language (SPEC 9.4). Which codes they name and whether their placeholders match
//! the primary template is validation's business.

use toml::de::DeTable;

use super::context::{Cx, in_order};
use super::errors::message;
use super::keys::{LOCALE_ERROR_KEYS, LOCALE_KEYS};
use crate::diagnostic::Diagnostic;
use crate::draft::{Draft, DraftTranslation};

/// Lowers every `[locales.TAG]` of one file onto `draft`, in the order written.
pub(super) fn locales(cx: &mut Cx<'_>, table: &DeTable<'_>, draft: &mut Draft) {
    for (key, value) in in_order(table) {
        let locale = key.get_ref().to_string();
        let locale_at = cx.at(key.span());
        let place = format!("[locales.{locale}]");
        let Some(locale_table) = cx.table(value, &place) else {
            continue;
        };
        cx.check_keys(locale_table, &place, LOCALE_KEYS);
        let Some(errors) = locale_table.get("errors") else {
            cx.sink.push(
                Diagnostic::new(locale_at, format!("`{place}` translates no message")).help(
                    format!(
                        "add `[locales.{locale}.errors.CODE]` tables with `message = \"...\"`, \
                         or remove `{place}`"
                    ),
                ),
            );
            continue;
        };
        let Some(errors) = cx.table(errors, &format!("[locales.{locale}.errors]")) else {
            continue;
        };
        for (code_key, code_value) in in_order(errors) {
            let code = code_key.get_ref().to_string();
            let code_at = cx.at(code_key.span());
            let place = format!("[locales.{locale}.errors.{code}]");
            let Some(entry) = cx.table(code_value, &place) else {
                continue;
            };
            cx.check_keys(entry, &place, LOCALE_ERROR_KEYS);
            let Some((template, message_at, by)) = message(cx, entry) else {
                if !entry.contains_key("message") {
                    cx.sink.push(
                        Diagnostic::new(code_at, format!("`{place}` has no `message`")).help(
                            format!("add the message in `{locale}`, with the placeholders of `[errors.{code}]`'s"),
                        ),
                    );
                }
                continue;
            };
            if by.is_some() {
                cx.sink.push(
                    Diagnostic::new(
                        message_at,
                        format!("`{place}`'s `message` is a table: a translation is one template"),
                    )
                    .help("write the message in this language as a string"),
                );
                continue;
            }
            draft.translations.push(DraftTranslation {
                locale: locale.clone(),
                locale_at: locale_at.clone(),
                code,
                code_at,
                message: template,
                message_at,
            });
        }
    }
}
