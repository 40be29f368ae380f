//! For a body, query, path or form that did not parse, the fields that failed, read
//! from the framework's rejection text (axum writes serde's error path into it:
//! `Failed to deserialize the JSON body into the target type: seats: invalid type:
//! string "x", expected u32 at line 1 column 12`).

use crate::envelope::violation::FieldViolation;

/// The fields that failed, from the text of a framework's `400` or `422`: serde's
/// path where axum's rejection gives it, else one violation of the whole request
/// (an empty path) with the framework's text. None for an empty text.
pub(crate) fn violations(text: &str) -> Vec<FieldViolation> {
    const SERDE: [&str; 4] = [
        "Failed to deserialize the JSON body into the target type: ",
        "Failed to deserialize query string: ",
        "Failed to deserialize form body: ",
        "Failed to deserialize form: ",
    ];
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    if let Some(rest) = SERDE.iter().find_map(|p| text.strip_prefix(p)) {
        return vec![serde_violation(rest)];
    }
    if let Some(rest) = text.strip_prefix("Failed to parse the request body as JSON: ") {
        return vec![FieldViolation::new("", without_position(rest)).with_rule("json")];
    }
    if let Some(rest) = text.strip_prefix("Invalid URL: ") {
        return vec![path_violation(rest)];
    }
    vec![FieldViolation::new("", shortened(text))]
}

/// `path: message` as serde_path_to_error writes it (no path for the root).
fn serde_violation(text: &str) -> FieldViolation {
    let (path, message) = match text.split_once(": ") {
        Some((path, message)) if is_path(path) => (path, message),
        _ => ("", text),
    };
    serde_error(path, message)
}

/// The violation of serde's error `message` at `path` (serde_path_to_error's path,
/// empty for the root): a missing or unknown field named by its own path, a rule
/// from serde's standard wording (`invalid type`, `invalid value`, ...), and the
/// message without serde_json's position.
pub(crate) fn serde_error(path: &str, message: &str) -> FieldViolation {
    let message = without_position(message);
    // The path of a missing field is its parent's; that of an unknown field may
    // already end with it.
    let join = |field: &str| {
        if path.is_empty() {
            field.to_owned()
        } else if path == field || path.ends_with(&format!(".{field}")) {
            path.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = quoted_after(message, "missing field `") {
        return FieldViolation::new(join(field), "is required").with_rule("required");
    }
    if let Some(field) = quoted_after(message, "unknown field `") {
        return FieldViolation::new(join(field), "is not a known field").with_rule("unknown_field");
    }
    let rule = if message.starts_with("invalid type: ") {
        Some("type")
    } else if message.starts_with("invalid value: ") || message.starts_with("unknown variant `") {
        Some("value")
    } else if message.starts_with("invalid length ") {
        Some("length")
    } else {
        None
    };
    let violation = FieldViolation::new(path, shortened(message));
    match rule {
        Some(rule) => violation.with_rule(rule),
        None => violation,
    }
}

/// axum's path parameter errors: `Cannot parse `id` with value `abc` to a `u32``.
fn path_violation(text: &str) -> FieldViolation {
    if let Some(rest) = text.strip_prefix("Cannot parse `")
        && let Some((key, rest)) = rest.split_once("` with value `")
        && let Some((value, rest)) = rest.split_once('`')
    {
        let message = match rest.strip_prefix(" to a `") {
            Some(ty) => format!("cannot parse `{value}` as a `{}`", ty.trim_end_matches('`')),
            None => format!(
                "cannot parse `{value}`{}",
                rest.strip_prefix(':')
                    .map_or(String::new(), |m| format!(":{m}"))
            ),
        };
        return FieldViolation::new(key, shortened(&message)).with_rule("type");
    }
    if let Some(key) = quoted_after(text, "Invalid UTF-8 in `") {
        return FieldViolation::new(key, "is not valid UTF-8").with_rule("type");
    }
    FieldViolation::new("", shortened(text)).with_rule("type")
}

/// A serde path: `seats`, `attendee.email`, `items[2].sku`; no spaces.
fn is_path(text: &str) -> bool {
    !text.is_empty() && text != "." && !text.contains(char::is_whitespace)
}

/// The text between `prefix` and the next backquote.
fn quoted_after<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    text.strip_prefix(prefix)?.split_once('`').map(|(q, _)| q)
}

/// serde_json's message without its ` at line 1 column 12`.
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i)
            if message[i + 9..]
                .split_once(" column ")
                .is_some_and(|(l, c)| is_number(l) && is_number(c)) =>
        {
            &message[..i]
        }
        _ => message,
    }
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// At most 300 characters of a message, cut at a character boundary.
pub(crate) fn shortened(text: &str) -> String {
    const MAX: usize = 300;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod axum_wording;

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, String, Option<String>) {
        let mut v = violations(text);
        assert_eq!(v.len(), 1, "{v:?}");
        let v = v.remove(0);
        (v.path, v.message, v.rule)
    }

    fn triple(path: &str, message: &str, rule: Option<&str>) -> (String, String, Option<String>) {
        (path.into(), message.into(), rule.map(Into::into))
    }

    #[test]
    fn json_data_errors_name_the_field() {
        let prefix = "Failed to deserialize the JSON body into the target type: ";
        assert_eq!(
            one(&format!("{prefix}missing field `email` at line 1 column 2")),
            triple("email", "is required", Some("required"))
        );
        assert_eq!(
            one(&format!(
                "{prefix}attendee: missing field `email` at line 1 column 30"
            )),
            triple("attendee.email", "is required", Some("required"))
        );
        assert_eq!(
            one(&format!(
                "{prefix}items[2].seats: invalid type: string \"x\", expected u32 at line 1 column 12"
            )),
            triple(
                "items[2].seats",
                "invalid type: string \"x\", expected u32",
                Some("type")
            )
        );
        assert_eq!(
            one(&format!(
                "{prefix}seats: invalid value: integer `-1`, expected u32 at line 1 column 11"
            )),
            triple(
                "seats",
                "invalid value: integer `-1`, expected u32",
                Some("value")
            )
        );
        assert_eq!(
            one(&format!(
                "{prefix}nickname: unknown field `nickname`, expected `name` at line 1 column 11"
            )),
            triple("nickname", "is not a known field", Some("unknown_field"))
        );
        // No path: the root.
        assert_eq!(
            one(&format!(
                "{prefix}invalid type: integer `1`, expected struct Booking at line 1 column 1"
            )),
            triple(
                "",
                "invalid type: integer `1`, expected struct Booking",
                Some("type")
            )
        );
    }

    #[test]
    fn syntax_query_form_and_path_errors() {
        assert_eq!(
            one(
                "Failed to parse the request body as JSON: expected `,` or `}` at line 1 column 10"
            ),
            triple("", "expected `,` or `}`", Some("json"))
        );
        assert_eq!(
            one("Failed to deserialize query string: limit: invalid digit found in string"),
            triple("limit", "invalid digit found in string", None)
        );
        assert_eq!(
            one("Failed to deserialize form body: missing field `name`"),
            triple("name", "is required", Some("required"))
        );
        assert_eq!(
            one("Invalid URL: Cannot parse `id` with value `abc` to a `u32`"),
            triple("id", "cannot parse `abc` as a `u32`", Some("type"))
        );
        assert_eq!(
            one("Invalid URL: Cannot parse `abc` to a `u32`"),
            triple("", "Cannot parse `abc` to a `u32`", Some("type"))
        );
    }

    #[test]
    fn other_text_is_kept_whole_and_shortened() {
        assert_eq!(one("name too short"), triple("", "name too short", None));
        assert!(violations("  ").is_empty());
        let long = "é".repeat(1000);
        let (_, message, _) = one(&long);
        assert_eq!(message.chars().count(), 303);
        assert_eq!(without_position("x at line 3"), "x at line 3");
        assert_eq!(without_position("x at line 3 column 4"), "x");
    }
}
