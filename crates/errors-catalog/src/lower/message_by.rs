//! Lowering `message = { by = "field", values = { value = "template", ... } }`
//! (SPEC 9.4). Whether `by` names a fitting field and every value has its own
//! template is checked in `valid::message_by`.

use toml::de::{DeTable, DeValue};

use super::context::{Cx, Value, in_order};
use crate::diagnostic::Diagnostic;
use crate::model::{MessageBy, ValueTemplate};
use crate::template::MessageTemplate;

/// The keys of a message written as a table.
const KEYS: &[&str] = &["by", "values"];

/// The message table `value`: the templates by value, or `None` when reported.
pub(super) fn message_by(
    cx: &mut Cx<'_>,
    value: &Value<'_>,
    table: &DeTable<'_>,
    template: impl Fn(&mut Cx<'_>, &Value<'_>) -> Option<MessageTemplate>,
) -> Option<MessageBy> {
    cx.check_keys(table, "`message`", KEYS);
    let at = cx.at(value.span());
    let by = cx.string(table, "by");
    let Some(values) = table.get("values") else {
        cx.sink.push(
            Diagnostic::new(at, "the `message` table has no `values`").help(
                "give each value of the `by` field its template: `values = { email = \"Email already registered\" }`",
            ),
        );
        return None;
    };
    let Some((field, location)) = by else {
        if !table.contains_key("by") {
            cx.sink.push(
                Diagnostic::new(at, "the `message` table has no `by`")
                    .help("name the enum field whose value picks the template: `by = \"field\"`"),
            );
        }
        return None;
    };
    let DeValue::Table(entries) = values.get_ref() else {
        cx.wrong_type(
            values,
            "`values` of `message`",
            "a table of templates, such as `{ email = \"Email already registered\" }`",
        );
        return None;
    };
    let mut templates = Vec::new();
    let mut ok = true;
    for (key, text) in in_order(entries) {
        match template(cx, text) {
            Some(template) => templates.push(ValueTemplate {
                value: key.get_ref().to_string(),
                template,
                location: cx.at(key.span()),
            }),
            None => ok = false,
        }
    }
    if templates.is_empty() && ok {
        cx.sink.push(
            Diagnostic::new(cx.at(values.span()), "`values` of `message` has no templates")
                .help(format!("give each value of `{field}` its template, such as `{{ email = \"Email already registered\" }}`")),
        );
        return None;
    }
    ok.then(|| MessageBy {
        field,
        templates,
        location,
        values_location: cx.at(values.span()),
    })
}
