//! Lowering enum types: `type = { enum = [...] }` and `rules = [...]` (SPEC 9.4).
//! What the values must be (identifiers, unique) is checked in `valid::enums`.

use toml::de::{DeTable, DeValue};

use super::context::{Cx, Value};
use crate::diagnostic::Diagnostic;
use crate::model::{DetailType, EnumKind, EnumType};
use crate::source::Location;

/// The keys of a type written as a table.
const TYPE_KEYS: &[&str] = &["enum"];

/// A type written as a table, `{ enum = ["a", "b"] }`: the enum of the field `name`
/// of `code` (its type is `string`), or `None` when reported.
pub(super) fn type_table(
    cx: &mut Cx<'_>,
    code: &str,
    name: &str,
    value: &Value<'_>,
    table: &DeTable<'_>,
) -> Option<EnumType> {
    cx.check_keys(table, &format!("the type of `{name}`"), TYPE_KEYS);
    let Some(list) = table.get("enum") else {
        if table
            .keys()
            .all(|k| TYPE_KEYS.contains(&k.get_ref().as_ref()))
        {
            cx.sink.push(
                Diagnostic::new(
                    cx.at(value.span()),
                    format!("the type of `{name}` is a table without `enum`"),
                )
                .help("write a type name such as `\"string\"`, or an enum as `{ enum = [\"a\", \"b\"] }`"),
            );
        }
        return None;
    };
    let values = values(cx, list, &format!("`enum` of `{name}`"))?;
    Some(named(cx, code, name, EnumKind::Values, values, list))
}

/// `rules = [...]` on the field `name` of `code`, whose type is `ty`: the enum of
/// its violations' rules, or `None` when absent or reported.
pub(super) fn rules(
    cx: &mut Cx<'_>,
    code: &str,
    name: &str,
    ty: &DetailType,
    table: &DeTable<'_>,
) -> Option<EnumType> {
    let list = table.get("rules")?;
    if *ty != DetailType::FieldViolations {
        cx.sink.push(
            Diagnostic::new(
                cx.at(list.span()),
                format!("`rules` on `{name}`, a `{ty}` field: only `field_violations` fields have rules"),
            )
            .help(format!(
                "drop `rules`, or give `{name}` the values it may take with `type = {{ enum = [...] }}`"
            )),
        );
        return None;
    }
    let values = values(cx, list, &format!("`rules` of `{name}`"))?;
    Some(named(cx, code, name, EnumKind::Rules, values, list))
}

/// The enum of `kind` for the field `name` of `code`, declared by `list`.
fn named(
    cx: &mut Cx<'_>,
    code: &str,
    name: &str,
    kind: EnumKind,
    values: Vec<(String, Location)>,
    list: &Value<'_>,
) -> EnumType {
    let at = cx.at(list.span());
    EnumType::new(EnumType::name_for(code, name, kind), kind, values, at)
}

/// A non-empty array of strings, each with where it is written.
fn values(cx: &mut Cx<'_>, list: &Value<'_>, what: &str) -> Option<Vec<(String, Location)>> {
    let DeValue::Array(items) = list.get_ref() else {
        cx.wrong_type(
            list,
            what,
            "an array of strings, such as `[\"required\", \"email\"]`",
        );
        return None;
    };
    if items.is_empty() {
        cx.sink.push(
            Diagnostic::new(cx.at(list.span()), format!("{what} lists no values"))
                .help("list every value it may take, such as `[\"required\", \"email\"]`"),
        );
        return None;
    }
    let mut values = Vec::with_capacity(items.len());
    let mut ok = true;
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(text) => values.push((text.to_string(), cx.at(item.span()))),
            _ => {
                cx.wrong_type(item, &format!("each value of {what}"), "a string");
                ok = false;
            }
        }
    }
    ok.then_some(values)
}
