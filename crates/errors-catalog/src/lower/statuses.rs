//! Lowering `[statuses]`: what a status means in this API, `[statuses.422]
//! description = "..."`, shown in the reference instead of the built-in convention.

use toml::de::DeTable;

use super::context::{Cx, in_order, misspelt};
use super::keys::STATUS_KEYS;
use crate::diagnostic::Diagnostic;
use crate::draft::Settings;
use crate::model::StatusDescription;

/// Lowers every `[statuses.N]` table of `table` onto `s.statuses`, in the order
/// written.
pub(super) fn statuses(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    for (key, value) in in_order(table) {
        let name = key.get_ref().as_ref();
        let place = format!("[statuses.{name}]");
        let key_at = cx.at(key.span());
        // The key is the status itself: a number of the error range, written as
        // digits only (`0422` would be a second 422).
        let status = name
            .parse::<u16>()
            .ok()
            .filter(|s| (400..=599).contains(s) && s.to_string() == name);
        let Some(status) = status else {
            cx.sink.push(
                Diagnostic::new(key_at, format!("`{place}` does not name an error status"))
                    .help("name a status from 400 to 599, e.g. `[statuses.422]`"),
            );
            continue;
        };
        let Some(fields) = cx.table(value, &place) else {
            continue;
        };
        cx.check_keys(fields, &place, STATUS_KEYS);
        match cx.string(fields, "description") {
            Some((description, _)) => s.statuses.push(StatusDescription {
                status,
                description,
                location: key_at,
            }),
            None if !fields.contains_key("description")
                && !misspelt(fields, "description", STATUS_KEYS) =>
            {
                cx.sink.push(
                    Diagnostic::new(key_at, format!("`{place}` has no `description`"))
                        .help(format!(
                            "say what {status} means in this API, e.g. `description = \"The request is well-formed but breaks a business rule.\"`"
                        )),
                );
            }
            None => {}
        }
    }
}
