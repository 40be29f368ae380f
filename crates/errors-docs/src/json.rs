//! A small JSON value that keeps its members in the order they were added, and its
//! writers: compact, and pretty with two-space indentation.
//!
//! Envelopes, schemas and OpenAPI documents are read by people, so their members are
//! written in a deliberate order (`$schema` first, envelope members in wire order),
//! which `serde_json::Value` without `preserve_order` would sort away.

use std::fmt::Write as _;

/// A JSON value with ordered object members.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// Every integer a detail field can hold, `i64::MIN` to `u64::MAX`.
    Int(i128),
    /// A finite number.
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub(crate) fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    /// An empty object, to fill with [`Json::with`].
    pub(crate) fn object() -> Json {
        Json::Object(Vec::new())
    }

    /// This object with `key` appended.
    ///
    /// # Panics
    ///
    /// When `self` is not an object: a bug in the caller.
    pub(crate) fn with(mut self, key: impl Into<String>, value: Json) -> Json {
        self.push(key, value);
        self
    }

    /// Appends `key` to this object.
    pub(crate) fn push(&mut self, key: impl Into<String>, value: Json) {
        match self {
            Json::Object(members) => members.push((key.into(), value)),
            other => unreachable!("push on a non-object: {other:?}"),
        }
    }

    /// The compact text: no whitespace.
    pub(crate) fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// The text with each member and element on its own line, indented by two spaces.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(2), 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Float(x) => write_float(out, *x),
            Json::Str(s) => write_string(out, s),
            Json::Array(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                    return;
                }
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent, depth + 1);
                    item.write(out, indent, depth + 1);
                }
                newline(out, indent, depth);
                out.push(']');
            }
            Json::Object(members) => {
                if members.is_empty() {
                    out.push_str("{}");
                    return;
                }
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent, depth + 1);
                    write_string(out, key);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    value.write(out, indent, depth + 1);
                }
                newline(out, indent, depth);
                out.push('}');
            }
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>, depth: usize) {
    if let Some(width) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', width * depth));
    }
}

/// A finite float in the shortest text that reads back to it; a JSON number always
/// (`1.0`, not `1`; `1e300`).
fn write_float(out: &mut String, x: f64) {
    debug_assert!(x.is_finite(), "JSON has no non-finite numbers");
    let _ = write!(out, "{x:?}");
}

/// A JSON string literal: `"`, `\` and control characters escaped, the rest as is.
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_their_order_and_strings_are_escaped() {
        let value = Json::object()
            .with("z", Json::Int(i128::from(u64::MAX)))
            .with("a", Json::str("q\"\\\n\u{1}é"))
            .with(
                "list",
                Json::Array(vec![Json::Null, Json::Bool(true), Json::Float(0.5)]),
            )
            .with("empty", Json::object());
        assert_eq!(
            value.compact(),
            r#"{"z":18446744073709551615,"a":"q\"\\\n\u0001é","list":[null,true,0.5],"empty":{}}"#
        );
        assert_eq!(
            Json::object()
                .with("a", Json::Array(vec![Json::Int(-1)]))
                .pretty(),
            "{\n  \"a\": [\n    -1\n  ]\n}"
        );
        assert_eq!(Json::Float(1.0).compact(), "1.0");
        assert_eq!(Json::Float(1e300).compact(), "1e300");
    }
}
