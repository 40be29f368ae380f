//! Lowering `[errors.CODE]` tables and their detail fields.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::context::{Cx, Value, in_order, misspelt};
use super::detail_type::parse_type;
use super::enums;
use super::keys::{ERROR_KEYS, FIELD_KEYS};
use super::message_by;
use crate::diagnostic::Diagnostic;
use crate::draft::{Draft, Settings};
use crate::model::{
    DetailType, DetailsCase, ErrorDef, ErrorLocations, Field, FieldLocations, MessageBy,
};
use crate::naming;
use crate::source::Location;
use crate::template::MessageTemplate;

/// Lowers every error of an `[errors]` table onto `draft`, in the order written.
pub(super) fn errors(cx: &mut Cx<'_>, table: &DeTable<'_>, draft: &mut Draft) {
    for (key, value) in in_order(table) {
        let code = key.get_ref().to_string();
        let location = cx.at(key.span());
        let Some(def) = cx.table(value, &format!("[errors.{code}]")) else {
            draft.errors_unreadable = true;
            continue;
        };
        let (error, status) = error(cx, code, location, def, &draft.settings);
        draft.errors.push(error);
        draft.statuses.push(status);
    }
}

/// One error; also returns its raw `status`, which validation checks.
fn error(
    cx: &mut Cx<'_>,
    code: String,
    location: Location,
    table: &DeTable<'_>,
    settings: &Settings,
) -> (ErrorDef, Option<i64>) {
    let place = format!("[errors.{code}]");
    cx.check_keys(table, &place, ERROR_KEYS);

    let status = cx.integer(table, "status");
    if status.is_none() && !table.contains_key("status") && !misspelt(table, "status", ERROR_KEYS) {
        cx.sink.push(
            Diagnostic::new(location.clone(), format!("`{place}` has no `status`"))
                .help("add the HTTP status it is sent with, e.g. `status = 400` (400..=599)"),
        );
    }
    let status_at = status
        .as_ref()
        .map_or(location.clone(), |(_, at)| at.clone());
    let raw_status = status.map(|(n, _)| n);
    let status = raw_status.and_then(|n| u16::try_from(n).ok()).unwrap_or(0);

    let (message, message_at, message_by) = match message(cx, table) {
        Some(found) => (Some(found.0), found.1, found.2),
        None => {
            if !table.contains_key("message") && !misspelt(table, "message", ERROR_KEYS) {
                cx.sink.push(
                    Diagnostic::new(location.clone(), format!("`{place}` has no `message`")).help(
                        "add the message clients see, e.g. `message = \"Session not found.\"`",
                    ),
                );
            }
            let at = table
                .get("message")
                .map_or(location.clone(), |v| cx.at(v.span()));
            (None, at, None)
        }
    };
    let broken_message = message.is_none();
    let message = message.unwrap_or_else(|| MessageTemplate::literal(""));

    let retryable = match cx.bool(table, "retryable") {
        Some((b, at)) => (b, Some(at)),
        None => (status == 429 || status >= 500, None),
    };
    let category = cx.string(table, "category");
    let title = cx.string(table, "title").map(|(t, _)| t);
    let description = cx.string(table, "description").map(|(d, _)| d);
    let param = cx.string(table, "param");
    let evolve = super::evolve::evolve(cx, table, &place, retryable);
    let (grpc, grpc_at) = super::grpc::code(cx, table, status);

    let mut fields = Vec::new();
    let mut broken_fields = Vec::new();
    if let Some(value) = table.get("details") {
        let details_place = format!("[errors.{code}.details]");
        if let Some(details) = cx.table(value, &details_place) {
            for (key, value) in in_order(details) {
                let name = key.get_ref().to_string();
                match field(
                    cx,
                    &code,
                    &name,
                    cx.at(key.span()),
                    value,
                    &details_place,
                    settings,
                ) {
                    Some(field) => fields.push(field),
                    None => broken_fields.push(name),
                }
            }
        }
    }

    let doc_url = settings.doc_url.as_ref().map(|(url, _)| {
        url.replace("{code}", &code)
            .replace("{status}", &status.to_string())
            .replace(
                "{category}",
                category.as_ref().map_or("", |(c, _)| c.as_str()),
            )
    });
    let error = ErrorDef {
        variant: naming::variant_name(&code),
        title: title.unwrap_or_else(|| naming::default_title(&code)),
        status,
        retryable: evolve.retryable,
        retry_class: evolve.retry_class,
        message,
        message_by,
        category: category.as_ref().map(|(c, _)| c.clone()),
        description,
        param: param.as_ref().map(|(p, _)| p.clone()),
        deprecated: evolve.deprecated,
        deprecation: evolve.deprecation,
        aliases: evolve.aliases,
        grpc,
        fields,
        translations: Vec::new(),
        doc_url,
        at: ErrorLocations {
            status: status_at,
            message: message_at,
            category: category.map(|(_, at)| at),
            param: param.map(|(_, at)| at),
            grpc: grpc_at,
            broken_fields,
            broken_message,
            evolve: evolve.at,
        },
        location,
        code,
    };
    (error, raw_status)
}

/// The parsed `message` (for `{ by, values }`, the first value's template, and the
/// templates by value) and where it is written, or `None` (reported) when it is
/// neither a string nor such a table; template problems are reported and the
/// template kept.
pub(super) fn message(
    cx: &mut Cx<'_>,
    table: &DeTable<'_>,
) -> Option<(MessageTemplate, Location, Option<MessageBy>)> {
    let value = table.get("message")?;
    let at = cx.at(value.span());
    if let DeValue::Table(t) = value.get_ref() {
        let by = message_by::message_by(cx, value, t, template)?;
        return Some((by.templates[0].template.clone(), at, Some(by)));
    }
    template(cx, value).map(|template| (template, at, None))
}

/// A template string, parsed; `None` (reported) when `value` is not a string.
fn template(cx: &mut Cx<'_>, value: &Value<'_>) -> Option<MessageTemplate> {
    let DeValue::String(text) = value.get_ref() else {
        cx.wrong_type(
            value,
            "`message`",
            "a string, or a table `{ by = \"field\", values = { ... } }`",
        );
        return None;
    };
    let base = value.span().start;
    let raw = &cx.file.text[value.span()];
    // Point inside the string when its source text is the value itself (no escapes);
    // otherwise at the string.
    let exact = raw.len() == text.len() + 2 && &raw[1..raw.len() - 1] == text;
    let whole = value.span();
    let file = cx.file;
    let locate = |r: Range<usize>| {
        if exact {
            file.location(base + 1 + r.start..base + 1 + r.end)
        } else {
            file.location(whole.clone())
        }
    };
    let (template, problems) = MessageTemplate::parse(text, &locate);
    problems.into_iter().for_each(|d| cx.sink.push(d));
    Some(template)
}

/// One detail field: `name = "type"` or `name = { type = "...", ... }`.
fn field(
    cx: &mut Cx<'_>,
    code: &str,
    name: &str,
    location: Location,
    value: &Value<'_>,
    place: &str,
    settings: &Settings,
) -> Option<Field> {
    let mut optional = false;
    let mut internal = false;
    let mut header = None;
    let mut details = None;
    let mut wire = None;
    let mut description = None;
    let ty_value = match value.get_ref() {
        DeValue::String(_) => value,
        DeValue::Table(t) => {
            cx.check_keys(t, &format!("the field `{name}` of `{place}`"), FIELD_KEYS);
            optional = cx.bool(t, "optional").is_some_and(|(b, _)| b);
            internal = cx.bool(t, "internal").is_some_and(|(b, _)| b);
            header = cx.string(t, "header");
            details = cx.bool(t, "details");
            wire = cx.string(t, "wire");
            description = cx.string(t, "description").map(|(d, _)| d);
            match t.get("type") {
                Some(ty) => ty,
                // The misspelling is reported as an unknown key, with the fix.
                None if misspelt(t, "type", FIELD_KEYS) => return None,
                None => {
                    cx.sink.push(
                        Diagnostic::new(location, format!("the field `{name}` has no `type`"))
                            .help("add one, e.g. `{ type = \"string\" }`"),
                    );
                    return None;
                }
            }
        }
        _ => {
            cx.wrong_type(
                value,
                &format!("the field `{name}`"),
                "a type string such as `\"u64\"`, or a table such as `{ type = \"u64\" }`",
            );
            return None;
        }
    };
    let mut enum_type = None;
    let (ty, question_mark, ty_text) = match ty_value.get_ref() {
        DeValue::String(ty_text) => match parse_type(ty_text) {
            Ok((ty, question_mark)) => (ty, question_mark, ty_text.as_ref()),
            Err((message, help)) => {
                cx.sink
                    .push(Diagnostic::new(cx.at(ty_value.span()), message).help(help));
                return None;
            }
        },
        DeValue::Table(t) => {
            enum_type = Some(enums::type_table(cx, code, name, ty_value, t)?);
            (DetailType::String, false, "")
        }
        _ => {
            cx.wrong_type(
                ty_value,
                &format!("the type of `{name}`"),
                "a string such as `\"u64\"`, or an enum such as `{ enum = [\"a\", \"b\"] }`",
            );
            return None;
        }
    };
    if let DeValue::Table(t) = value.get_ref()
        && let Some(rules) = enums::rules(cx, code, name, &ty, t)
    {
        enum_type = Some(rules);
    }
    let says_required = matches!(
        value.get_ref(),
        DeValue::Table(t)
            if matches!(t.get("optional").map(|v| v.get_ref()), Some(DeValue::Boolean(false)))
    );
    if question_mark && says_required {
        cx.sink.error(
            cx.at(ty_value.span()),
            format!("`{ty_text}` is optional but the field says `optional = false`"),
        );
    }
    let wire_name = match &wire {
        Some((w, _)) => w.clone(),
        None => match settings.details_case {
            DetailsCase::CamelCase => naming::camel_case(name),
            DetailsCase::SnakeCase => name.to_owned(),
        },
    };
    Some(Field {
        name: name.to_owned(),
        ty,
        optional: optional || question_mark,
        internal,
        header: header.as_ref().map(|(h, _)| h.clone()),
        in_details: !internal && details.as_ref().is_none_or(|(d, _)| *d),
        wire: wire_name,
        description,
        enum_type,
        location,
        at: FieldLocations {
            header: header.map(|(_, at)| at),
            wire: wire.map(|(_, at)| at),
            details: details.map(|(_, at)| at),
        },
    })
}
