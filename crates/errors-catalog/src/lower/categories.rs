//! Lowering `[categories]`: `name = "description"` or `[categories.name]` tables.

use toml::de::{DeTable, DeValue};

use super::context::{Cx, in_order};
use super::keys::CATEGORY_KEYS;
use crate::model::Category;

/// Lowers every category of `table` onto `out`, in the order written.
pub(super) fn categories(cx: &mut Cx<'_>, table: &DeTable<'_>, out: &mut Vec<Category>) {
    for (key, value) in in_order(table) {
        let name = key.get_ref().to_string();
        let description = match value.get_ref() {
            // `name = "description"` is short for `[categories.name] description = ...`.
            DeValue::String(text) => Some(text.to_string()),
            DeValue::Table(t) => {
                cx.check_keys(t, &format!("[categories.{name}]"), CATEGORY_KEYS);
                cx.string(t, "description").map(|(d, _)| d)
            }
            _ => {
                cx.wrong_type(
                    value,
                    &format!("`[categories.{name}]`"),
                    "a table (or a description string)",
                );
                None
            }
        };
        out.push(Category {
            name,
            description,
            location: cx.at(key.span()),
        });
    }
}
