//! Lowering `[http]`: the request id header, `timestamp`, the code named for each
//! rejection and the `[http.status]` table. Validation (`crate::http`) checks them
//! against the catalog's codes.

use toml::de::DeTable;

use super::context::{Cx, in_order};
use crate::diagnostic::Diagnostic;
use crate::draft::Settings;
use crate::http::{HTTP_KEYS, StatusEntry};
use crate::model::Rejection;

/// Lowers `[http]` into `s.http`.
pub(super) fn http(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    cx.check_keys(table, "[http]", HTTP_KEYS);
    s.http.declared = true;
    s.http.request_id_header = cx.string(table, "request_id_header");
    s.http.timestamp = cx.bool(table, "timestamp").map(|(on, _)| on);
    for rejection in Rejection::ALL {
        if let Some((code, at)) = cx.string(table, rejection.key()) {
            s.http.codes.push((rejection, code, at));
        }
    }
    if let Some(value) = table.get("status")
        && let Some(statuses) = cx.table(value, "[http.status]")
    {
        status_table(cx, statuses, s);
    }
}

/// `[http.status]`: each key an error status, each value a code (checked later).
fn status_table(cx: &mut Cx<'_>, table: &DeTable<'_>, s: &mut Settings) {
    for (key, _) in in_order(table) {
        let name = key.get_ref().as_ref();
        let key_at = cx.at(key.span());
        let Some((code, at)) = cx.string(table, name) else {
            continue;
        };
        match name.parse::<u16>() {
            Ok(status) if (400..=599).contains(&status) => s.http.statuses.push(StatusEntry {
                status,
                code,
                at,
                key_at,
            }),
            _ => cx.sink.push(
                Diagnostic::new(
                    key_at,
                    format!("`[http.status]` key `{name}` is not an error status"),
                )
                .help("each key is a status from 400 to 599 answered by the code it names, e.g. `429 = \"TOO_MANY_REQUESTS\"`"),
            ),
        }
    }
}
