//! Lowering: one file's TOML tree into the draft catalog.
//!
//! This stage reports what the model cannot represent: unknown keys, values of the
//! wrong type, missing required keys, unparsable templates and detail types. Rules
//! about values that parse fine (ranges, names, cross-references) belong to
//! validation.
//!
//! Settings are lowered before anything else, whatever the order the tables are
//! written in: errors read them (wire names follow `details_case`, doc URLs follow
//! `doc_url`) and renames are checked against the envelope style. Only the root file
//! holds settings, and the loader lowers it first, so they apply to every file.

mod categories;
mod context;
mod detail_type;
mod enums;
mod errors;
mod evolve;
mod grpc;
mod http;
mod keys;
mod locales;
mod message_by;
mod settings;
mod statuses;

use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::{Draft, Settings};
use crate::source::{Location, SourceFile};
use context::{Cx, in_order};
use keys::{INCLUDED_KEYS, ROOT_KEYS};

/// Lowers one settings table.
type LowerSettings = fn(&mut Cx<'_>, &DeTable<'_>, &mut Settings);

/// The top-level tables only the root file may hold, with their lowering, in the
/// order they are lowered (after `[catalog]`).
const ROOT_ONLY: [(&str, LowerSettings); 5] = [
    ("envelope", settings::envelope),
    ("retry", settings::retry),
    ("circuit_breaker", settings::circuit_breaker),
    ("http", http::http),
    ("statuses", statuses::statuses),
];

fn is_root_only(name: &str) -> bool {
    ROOT_ONLY.iter().any(|(n, _)| *n == name)
}

/// Lowers one parsed file into `draft`; returns its `include` entries.
pub(crate) fn lower_file(
    file: &SourceFile,
    root: &DeTable<'_>,
    is_root: bool,
    draft: &mut Draft,
    sink: &mut Sink,
) -> Vec<(String, Location)> {
    let mut cx = Cx { file, sink };
    let includes = lower_settings(&mut cx, root, is_root, &mut draft.settings);
    for (key, value) in in_order(root) {
        let name = key.get_ref().as_ref();
        let key_at = cx.at(key.span());
        match name {
            "catalog" => {}
            _ if is_root && is_root_only(name) => {}
            "categories" => {
                if let Some(table) = cx.table(value, "[categories]") {
                    categories::categories(&mut cx, table, &mut draft.categories);
                }
            }
            "errors" => match cx.table(value, "[errors]") {
                Some(table) => {
                    if is_root {
                        draft.errors_table = Some(key_at);
                    }
                    errors::errors(&mut cx, table, draft);
                }
                None => draft.errors_unreadable = true,
            },
            "locales" => {
                if let Some(table) = cx.table(value, "[locales]") {
                    locales::locales(&mut cx, table, draft);
                }
            }
            _ if is_root_only(name) => cx.sink.push(
                Diagnostic::new(
                    key_at,
                    format!("`[{name}]` can only be set in the root catalog file"),
                )
                .help("move it to the file that includes this one"),
            ),
            _ => cx.unknown_key(
                key,
                "the catalog file",
                if is_root { ROOT_KEYS } else { INCLUDED_KEYS },
            ),
        }
    }
    includes
}

/// Lowers `[catalog]` first (the envelope style decides which members
/// `[envelope.rename]` may rename), then the root file's other settings; returns the
/// `include` entries.
fn lower_settings(
    cx: &mut Cx<'_>,
    root: &DeTable<'_>,
    is_root: bool,
    s: &mut Settings,
) -> Vec<(String, Location)> {
    let includes = match root.get("catalog") {
        Some(value) => match cx.table(value, "[catalog]") {
            Some(table) => settings::catalog(cx, table, is_root, s),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    if !is_root {
        return includes;
    }
    for (name, lower) in ROOT_ONLY {
        let Some((key, value)) = root.get_key_value(name) else {
            continue;
        };
        if name == "http" {
            s.http.at = Some(cx.at(key.span()));
        }
        if let Some(table) = cx.table(value, &format!("[{name}]")) {
            lower(cx, table, s);
        }
    }
    includes
}
