//! Rust format specs (`{field:spec}` in a message template), applied at run time to
//! the example values of the reference, so that an example message reads exactly as
//! the generated `Display` writes it.
//!
//! The generated code formats with `format_args!`, whose fill and alignment are fixed
//! at compile time; here the spec is only known at run time, so padding, signs,
//! prefixes and truncation are applied as `core::fmt::Formatter` applies them
//! (`pad`, `pad_integral`, the float formatter), and compound values (lists, field
//! violations, JSON) are written as their `Debug` impls write them. Tests compare
//! the result with `format!` for every kind of spec.

use errors_vocab::format_spec::{Align, FormatKind as Kind, FormatSpec, Sign};

use crate::json::Json;

/// An example value of a detail field.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Bool(bool),
    /// An integer of a `bits`-wide type (hexadecimal of a negative value is its two's
    /// complement at that width).
    Int {
        value: i128,
        bits: u32,
    },
    Float(f64),
    Json(Json),
    Violations(Vec<Violation>),
    List(Vec<Value>),
}

/// An element of a `field_violations` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Violation {
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) rule: Option<String>,
}

/// A format spec as the formatter applies it: widths in `usize`, the fill resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Spec {
    fill: char,
    align: Option<Align>,
    plus: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
    kind: Kind,
}

impl Spec {
    fn new(spec: &FormatSpec) -> Spec {
        Spec {
            fill: spec.fill_char(),
            align: spec.align,
            plus: spec.sign == Some(Sign::Plus),
            alternate: spec.alternate,
            zero: spec.zero,
            width: spec.width.map(usize::from),
            precision: spec.precision.map(usize::from),
            kind: spec.kind,
        }
    }

    fn is_debug(&self) -> bool {
        matches!(
            self.kind,
            Kind::Debug | Kind::DebugLowerHex | Kind::DebugUpperHex
        )
    }

    /// `Formatter::padding`: `body` widened to `width` with `fill`.
    fn pad(&self, body: &str, default: Align) -> String {
        let len = body.chars().count();
        let Some(width) = self.width.filter(|&w| w > len) else {
            return body.to_owned();
        };
        let padding = width - len;
        let (pre, post) = match self.align.unwrap_or(default) {
            Align::Left => (0, padding),
            Align::Right => (padding, 0),
            Align::Center => (padding / 2, padding.div_ceil(2)),
        };
        let mut out = String::with_capacity(body.len() + padding);
        out.extend(std::iter::repeat_n(self.fill, pre));
        out.push_str(body);
        out.extend(std::iter::repeat_n(self.fill, post));
        out
    }

    /// `Formatter::pad`: text truncated to the precision, then padded (left-aligned by
    /// default).
    fn pad_text(&self, text: &str) -> String {
        match self.precision {
            Some(p) => self.pad(&text.chars().take(p).collect::<String>(), Align::Left),
            None => self.pad(text, Align::Left),
        }
    }

    /// `Formatter::pad_integral` and the float formatter: a sign, a prefix and digits,
    /// zero-padded after the sign and prefix with `0`, else padded (right-aligned by
    /// default).
    fn pad_number(&self, negative: bool, prefix: &str, digits: &str) -> String {
        let sign = if negative {
            "-"
        } else if self.plus {
            "+"
        } else {
            ""
        };
        let prefix = if self.alternate { prefix } else { "" };
        let len = sign.len() + prefix.len() + digits.chars().count();
        match self.width {
            Some(width) if width > len && self.zero => {
                format!("{sign}{prefix}{}{digits}", "0".repeat(width - len))
            }
            _ => self.pad(&format!("{sign}{prefix}{digits}"), Align::Right),
        }
    }
}

/// `value` formatted as `{:spec}` would format the field in the generated `Display`.
pub(crate) fn format(value: &Value, spec: Option<&FormatSpec>) -> String {
    let spec = Spec::new(spec.unwrap_or(&FormatSpec::DISPLAY));
    format_with(value, &spec)
}

fn format_with(value: &Value, spec: &Spec) -> String {
    match value {
        Value::Str(s) if spec.is_debug() => format!("{s:?}"), // str's Debug ignores width
        Value::Str(s) => spec.pad_text(s),
        Value::Bool(b) => spec.pad_text(if *b { "true" } else { "false" }),
        &Value::Int { value, bits } => format_int(value, bits, spec),
        &Value::Float(x) => format_float(x, spec),
        Value::Json(json) if spec.is_debug() => json_debug(json, spec.alternate),
        Value::Json(json) if spec.alternate => json.pretty(),
        Value::Json(json) => json.compact(),
        Value::Violations(list) => debug_seq(
            "[",
            "]",
            list.iter().map(|v| violation_debug(v, spec.alternate)),
            spec.alternate,
        ),
        Value::List(items) => debug_seq(
            "[",
            "]",
            items.iter().map(|item| format_with(item, spec)),
            spec.alternate,
        ),
    }
}

fn format_int(value: i128, bits: u32, spec: &Spec) -> String {
    // Hexadecimal, octal and binary show a negative number's two's complement.
    let unsigned = || {
        let mask = if bits >= 128 {
            u128::MAX
        } else {
            (1u128 << bits) - 1
        };
        (value as u128) & mask
    };
    let negative = value < 0;
    match spec.kind {
        Kind::Display | Kind::Debug => {
            spec.pad_number(negative, "", &value.unsigned_abs().to_string())
        }
        Kind::LowerHex | Kind::DebugLowerHex => {
            spec.pad_number(false, "0x", &format!("{:x}", unsigned()))
        }
        Kind::UpperHex | Kind::DebugUpperHex => {
            spec.pad_number(false, "0x", &format!("{:X}", unsigned()))
        }
        Kind::Octal => spec.pad_number(false, "0o", &format!("{:o}", unsigned())),
        Kind::Binary => spec.pad_number(false, "0b", &format!("{:b}", unsigned())),
        // Exact for every integer below 2^53, as every example value is.
        Kind::LowerExp | Kind::UpperExp => format_float(value as f64, spec),
    }
}

fn format_float(x: f64, spec: &Spec) -> String {
    let abs = x.abs();
    let digits = match (spec.kind, spec.precision) {
        (Kind::LowerExp, None) => format!("{abs:e}"),
        (Kind::LowerExp, Some(p)) => format!("{abs:.p$e}"),
        (Kind::UpperExp, None) => format!("{abs:E}"),
        (Kind::UpperExp, Some(p)) => format!("{abs:.p$E}"),
        (Kind::Debug | Kind::DebugLowerHex | Kind::DebugUpperHex, None) => format!("{abs:?}"),
        (_, None) => format!("{abs}"),
        (_, Some(p)) => format!("{abs:.p$}"),
    };
    spec.pad_number(x.is_sign_negative() && !x.is_nan(), "", &digits)
}

/// A `Debug` builder's output: `open a, b close`, or one entry a line, indented by
/// four spaces, each followed by a comma.
fn debug_seq(
    open: &str,
    close: &str,
    entries: impl Iterator<Item = String>,
    pretty: bool,
) -> String {
    let entries: Vec<String> = entries.collect();
    if entries.is_empty() {
        return format!("{open}{close}");
    }
    if pretty {
        let mut out = format!("{open}\n");
        for entry in entries {
            for line in entry.lines() {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
            out.pop();
            out.push_str(",\n");
        }
        out.push_str(close);
        out
    } else {
        format!("{open}{}{close}", entries.join(", "))
    }
}

/// `#[derive(Debug)]` of `errors_runtime::FieldViolation`.
fn violation_debug(v: &Violation, pretty: bool) -> String {
    let rule = match &v.rule {
        Some(rule) => debug_seq("Some(", ")", std::iter::once(format!("{rule:?}")), pretty),
        None => "None".to_owned(),
    };
    let fields = [
        format!("path: {:?}", v.path),
        format!("message: {:?}", v.message),
        format!("rule: {rule}"),
    ];
    if pretty {
        debug_seq("FieldViolation {", "}", fields.into_iter(), true)
    } else {
        format!("FieldViolation {{ {} }}", fields.join(", "))
    }
}

/// `Debug` of `serde_json::Value`, the type of `json` fields.
fn json_debug(json: &Json, pretty: bool) -> String {
    match json {
        Json::Null => "Null".to_owned(),
        Json::Bool(b) => format!("Bool({b})"),
        Json::Int(_) | Json::Float(_) => format!("Number({})", json.compact()),
        Json::Str(s) => format!("String({s:?})"),
        Json::Array(items) => format!(
            "Array {}",
            debug_seq(
                "[",
                "]",
                items.iter().map(|i| json_debug(i, pretty)),
                pretty
            )
        ),
        Json::Object(members) => format!(
            "Object {}",
            debug_seq(
                "{",
                "}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k:?}: {}", json_debug(v, pretty))),
                pretty
            )
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `format` with a spec written as text.
    fn format(value: &Value, spec: Option<&str>) -> String {
        let spec = spec.map(|s| FormatSpec::parse(s).unwrap());
        super::format(value, spec.as_ref())
    }

    fn int(value: i128) -> Value {
        Value::Int { value, bits: 32 }
    }

    /// Each spec applied here and by `format!` to the same value.
    macro_rules! same_as_std {
        ($value:expr, $rust:expr, [$($spec:literal),* $(,)?]) => {{
            $(
                assert_eq!(
                    format(&$value, Some($spec)),
                    format!(concat!("{:", $spec, "}"), $rust),
                    "spec {:?} on {:?}",
                    $spec,
                    $rust
                );
            )*
        }};
    }

    #[test]
    fn strings_and_bools_pad_truncate_and_debug_as_std() {
        let s = Value::Str("héllo \"x\"\n".into());
        same_as_std!(
            s,
            "héllo \"x\"\n",
            ["", "?", "#?", ">14", "*^15", "-<13", ".3", "10.2", ">20?"]
        );
        same_as_std!(Value::Bool(true), true, ["", "?", ">6", "_^9", ".2", "<3?"]);
    }

    #[test]
    fn integers_as_std() {
        same_as_std!(
            int(42),
            42i32,
            [
                "", "?", ">6", "06", "+", "+06", "#x", "#010x", "X", "o", "#b", "e", "E", ".2e",
                "x?", "#X?", "<5", "^+7", "*>8"
            ]
        );
        same_as_std!(
            int(-42),
            -42i32,
            ["", ">6", "06", "+", "x", "#b", "e", ".1e", "x?"]
        );
        same_as_std!(
            Value::Int {
                value: i128::from(u64::MAX),
                bits: 64
            },
            u64::MAX,
            ["", "x", ">25"]
        );
    }

    #[test]
    fn floats_as_std() {
        for x in [0.5f64, -0.5, 1.0, 1e16, -0.0, 1234.5678, 1e-7] {
            same_as_std!(
                Value::Float(x),
                x,
                [
                    "", "?", ".1", ".3", ">8", "08.2", "+", "+.2", "e", ".2e", "E", "^12", ".0"
                ]
            );
        }
    }

    #[test]
    fn compound_values_debug_as_std() {
        #[derive(Debug)]
        #[allow(dead_code)] // read through Debug
        struct FieldViolation {
            path: String,
            message: String,
            rule: Option<String>,
        }
        let violations = Value::Violations(vec![
            Violation {
                path: "email".into(),
                message: "bad".into(),
                rule: None,
            },
            Violation {
                path: "a".into(),
                message: "b".into(),
                rule: Some("r".into()),
            },
        ]);
        let rust = vec![
            FieldViolation {
                path: "email".into(),
                message: "bad".into(),
                rule: None,
            },
            FieldViolation {
                path: "a".into(),
                message: "b".into(),
                rule: Some("r".into()),
            },
        ];
        same_as_std!(violations, rust, ["?", "#?"]);

        let list = Value::List(vec![int(1), int(22)]);
        same_as_std!(list, vec![1i32, 22], ["?", "#?", ">4?", "#x?"]);
        same_as_std!(Value::List(vec![]), Vec::<i32>::new(), ["?", "#?"]);
        let nested = Value::List(vec![Value::List(vec![Value::Str("a".into())])]);
        same_as_std!(nested, vec![vec!["a"]], ["?", "#?"]);
    }

    #[test]
    fn json_displays_and_debugs_as_serde_json() {
        // Members in sorted order, as serde_json (without `preserve_order`) keeps them.
        let json = Json::object().with("key", Json::str("value")).with(
            "n",
            Json::Array(vec![
                Json::Int(1),
                Json::Null,
                Json::Bool(false),
                Json::Float(0.5),
            ]),
        );
        let serde: serde_json::Value =
            serde_json::json!({"key": "value", "n": [1, null, false, 0.5]});
        let value = Value::Json(json);
        assert_eq!(format(&value, None), format!("{serde}"));
        assert_eq!(format(&value, Some("#")), format!("{serde:#}"));
        assert_eq!(format(&value, Some("?")), format!("{serde:?}"));
        assert_eq!(format(&value, Some("#?")), format!("{serde:#?}"));
    }
}
