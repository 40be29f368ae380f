//! Lowering: one file's TOML tree into the draft catalog.
//!
//! This stage reports what the model cannot represent: unknown keys, values of the
//! wrong type, missing required keys, unparsable templates and detail types. Rules
//! about values that parse fine (ranges, names, cross-references) belong to
//! validation.

mod categories;
mod context;
mod detail_type;
mod errors;
mod keys;
mod settings;

use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::source::{Location, SourceFile};
use context::{Cx, in_order};
use keys::{INCLUDED_KEYS, ROOT_KEYS, ROOT_ONLY};

/// Lowers one parsed file into `draft`; returns its `include` entries.
pub(crate) fn lower_file(
    file: &SourceFile,
    root: &DeTable<'_>,
    is_root: bool,
    draft: &mut Draft,
    sink: &mut Sink,
) -> Vec<(String, Location)> {
    let mut cx = Cx { file, sink };
    let mut includes = Vec::new();
    for (key, value) in in_order(root) {
        let name = key.get_ref().as_ref();
        let key_at = cx.at(key.span());
        match name {
            "catalog" => {
                if let Some(table) = cx.table(value, "[catalog]") {
                    includes = settings::catalog(&mut cx, table, is_root, &mut draft.settings);
                }
            }
            "envelope" | "retry" | "circuit_breaker" if is_root => {
                let Some(table) = cx.table(value, &format!("[{name}]")) else {
                    continue;
                };
                let s = &mut draft.settings;
                match name {
                    "envelope" => settings::envelope(&mut cx, table, s),
                    "retry" => settings::retry(&mut cx, table, s),
                    _ => settings::circuit_breaker(&mut cx, table, s),
                }
            }
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
            _ if !is_root && ROOT_ONLY.contains(&name) => cx.sink.push(
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
