//! Reading a field's value from text: the part of a message its placeholder wrote,
//! a response header, or the typed envelope's `param`, read as the field's type and
//! kept only when it renders back to exactly that text (SPEC 9.2).

use serde_json::Value;

use super::render::{Native, render};
use crate::meta::{FieldType, FormatKind, FormatSpec};

/// The JSON value of a field's text in a message or a header, read as its `Display`
/// (under `spec`) wrote it; `Err` says why it cannot be. The value is kept only when
/// it renders back to exactly `text` (see [`super::render`]): a recovered value is
/// the value that was sent, never a neighbour of it (`007` for `7` under `{n}`, a
/// header with spaces around it, a hex number that overflows its type).
pub(crate) fn read_text(ty: FieldType, spec: FormatSpec, text: &str) -> Result<Value, String> {
    let core = unpad(&spec, text);
    let bad = |what: &str| format!("`{text}` is not {what}");
    let json;
    let (value, native) = match ty {
        FieldType::String => (Value::String(core.to_owned()), Native::Str(core)),
        FieldType::Bool => match core {
            "true" => (Value::Bool(true), Native::Bool(true)),
            "false" => (Value::Bool(false), Native::Bool(false)),
            _ => return Err(bad("`true` or `false`")),
        },
        FieldType::I32 | FieldType::I64 => {
            let n = integer(&spec, core)
                .filter(|n| i64::try_from(*n).is_ok())
                .ok_or_else(|| bad("an integer"))?;
            (Value::from(n as i64), Native::Int(n))
        }
        FieldType::U32 | FieldType::U64 => {
            let n = integer(&spec, core)
                .filter(|n| u64::try_from(*n).is_ok())
                .ok_or_else(|| bad("an unsigned integer"))?;
            (Value::from(n as u64), Native::Int(n))
        }
        FieldType::F64 => {
            let number: f64 = core
                .trim_start_matches('+')
                .parse()
                .map_err(|_| bad("a number"))?;
            // Non-finite values travel as the strings details use for them.
            let value = serde_json::Number::from_f64(number).map_or_else(
                || {
                    Value::String(
                        crate::envelope::non_finite::name(number)
                            .unwrap_or("NaN")
                            .to_owned(),
                    )
                },
                Value::Number,
            );
            (value, Native::Float(number))
        }
        FieldType::Json => {
            json = serde_json::from_str::<Value>(core).map_err(|_| bad("JSON"))?;
            (json.clone(), Native::Json(&json))
        }
        FieldType::FieldViolations | FieldType::List(_) => {
            return Err(format!("a `{ty}` field has no text form"));
        }
    };
    match render(ty, &spec, native) {
        Some(rendered) if rendered == text => Ok(value),
        Some(rendered) => Err(format!(
            "`{text}` is not how a `{ty}` is written under `{}`: that value is written `{rendered}`",
            placeholder_spec(&spec)
        )),
        None => Err(format!(
            "a `{ty}` written under `{}` does not read back exactly",
            placeholder_spec(&spec)
        )),
    }
}

/// The spec as a placeholder shows it: `{}` or `{:>8}`.
fn placeholder_spec(spec: &FormatSpec) -> String {
    if *spec == FormatSpec::DISPLAY {
        "{}".to_owned()
    } else {
        format!("{{:{spec}}}")
    }
}

/// The text without the padding a width added.
fn unpad<'a>(spec: &FormatSpec, text: &'a str) -> &'a str {
    if spec.width.is_none() && spec.fill.is_none() {
        return text;
    }
    text.trim_matches(spec.fill_char())
}

/// An integer as `spec` wrote it: sign, `#` prefix, zero padding, radix.
fn integer(spec: &FormatSpec, text: &str) -> Option<i128> {
    let radix = spec.kind.radix();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits = if spec.alternate {
        let prefix = match spec.kind {
            FormatKind::LowerHex | FormatKind::UpperHex => "0x",
            FormatKind::Octal => "0o",
            FormatKind::Binary => "0b",
            _ => "",
        };
        digits.strip_prefix(prefix).unwrap_or(digits)
    } else {
        digits
    };
    // Zero padding sits after the sign.
    let digits = digits.trim_start_matches('0');
    let magnitude = if digits.is_empty() {
        0
    } else {
        i128::from_str_radix(digits, radix).ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> FormatSpec {
        FormatSpec::parse(text).unwrap()
    }

    #[test]
    fn only_the_exact_text_of_a_value_is_read() {
        // What the server would have written reads back; a neighbour of it does not.
        assert_eq!(
            read_text(FieldType::U32, spec("05"), "00042"),
            Ok(Value::from(42))
        );
        assert!(read_text(FieldType::U32, spec("05"), "0042").is_err());
        assert!(read_text(FieldType::U32, spec(""), "007").is_err());
        assert!(read_text(FieldType::U32, spec(""), "+7").is_err());
        assert!(read_text(FieldType::U64, spec(""), " 7").is_err());
        assert!(read_text(FieldType::U32, spec(""), "4294967296").is_err());
        assert!(read_text(FieldType::U32, spec("#x"), "ff").is_err());
        assert_eq!(
            read_text(FieldType::I64, spec("+"), "+7"),
            Ok(Value::from(7))
        );
        assert_eq!(
            read_text(FieldType::F64, spec(">6"), "   1.5"),
            Ok(Value::from(1.5))
        );
        assert!(read_text(FieldType::F64, spec(""), "1.50").is_err());
        assert!(read_text(FieldType::F64, spec(""), "1.5e0").is_err());
        assert_eq!(
            read_text(FieldType::F64, spec("e"), "1.5e0"),
            Ok(Value::from(1.5))
        );
        assert!(read_text(FieldType::Json, spec(""), "{ \"a\": 1 }").is_err());
        assert!(read_text(FieldType::String, spec(">4"), "  ab").is_err());
        assert!(read_text(FieldType::Bool, spec(""), "True").is_err());
    }

    #[test]
    fn values_are_read_by_type() {
        assert_eq!(
            read_text(FieldType::I64, spec(""), "-12"),
            Ok(Value::from(-12))
        );
        assert_eq!(
            read_text(FieldType::U32, spec("#x"), "0xff"),
            Ok(Value::from(255))
        );
        assert_eq!(
            read_text(FieldType::U32, spec("05"), "00042"),
            Ok(Value::from(42))
        );
        assert_eq!(
            read_text(FieldType::Bool, spec(""), "true"),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            read_text(FieldType::F64, spec(""), "2.5"),
            Ok(Value::from(2.5))
        );
        assert_eq!(
            read_text(FieldType::F64, spec(""), "NaN"),
            Ok(Value::from("NaN"))
        );
        assert_eq!(
            read_text(FieldType::Json, spec(""), r#"{"a":[1]}"#),
            Ok(serde_json::json!({"a": [1]}))
        );
        assert!(read_text(FieldType::U32, spec(""), "-1").is_err());
        assert!(read_text(FieldType::U32, spec(""), "ten").is_err());
    }
}
