//! How a server writes a value under a format spec, for the specs a catalog accepts
//! on fields it sends outside `details` (SPEC 9.2). The decoder renders what it read
//! and keeps the value only when the text is identical, so a recovered value is the
//! value that was sent, or the response is `Mismatched`: never an altered value.
//!
//! This follows `core::fmt` (sign, `#` prefixes, sign-aware zero padding, fill and
//! alignment, counted in characters). Specs a catalog refuses on such fields
//! (precision on strings, floats and bools, widths on strings and JSON, `?` on
//! strings and JSON, `e` on integers, zero-padded floats) render as `None`: nothing
//! read under them is trusted.

use serde_json::Value;

use crate::meta::{Align, FieldType, FormatKind, FormatSpec, FormatTrait, Sign};

/// A value read from text, before it becomes JSON.
#[derive(Debug, Clone, Copy)]
pub(super) enum Native<'a> {
    Str(&'a str),
    Bool(bool),
    Int(i128),
    Float(f64),
    Json(&'a Value),
}

/// The text `value` (of type `ty`) has under `spec`, or `None` when the spec is not
/// one whose text reads back exactly.
pub(super) fn render(ty: FieldType, spec: &FormatSpec, value: Native<'_>) -> Option<String> {
    let debug = spec.format_trait() == FormatTrait::Debug;
    match value {
        Native::Str(s) if !debug && spec.width.is_none() && spec.precision.is_none() => {
            Some(s.to_owned())
        }
        Native::Json(v) if !debug && spec.width.is_none() && spec.precision.is_none() => {
            if spec.alternate {
                serde_json::to_string_pretty(v).ok()
            } else {
                serde_json::to_string(v).ok()
            }
        }
        Native::Bool(b)
            if matches!(spec.kind, FormatKind::Display | FormatKind::Debug)
                && spec.precision.is_none()
                && !spec.zero =>
        {
            Some(pad(if b { "true" } else { "false" }, spec, Align::Left))
        }
        Native::Int(n) => integer(ty, spec, n),
        Native::Float(x) if spec.precision.is_none() && !spec.zero => {
            let plus = spec.sign == Some(Sign::Plus);
            let core = match (spec.kind, plus) {
                (FormatKind::Display, false) => format!("{x}"),
                (FormatKind::Display, true) => format!("{x:+}"),
                (FormatKind::Debug, false) => format!("{x:?}"),
                (FormatKind::Debug, true) => format!("{x:+?}"),
                (FormatKind::LowerExp, false) => format!("{x:e}"),
                (FormatKind::LowerExp, true) => format!("{x:+e}"),
                (FormatKind::UpperExp, false) => format!("{x:E}"),
                (FormatKind::UpperExp, true) => format!("{x:+E}"),
                _ => return None,
            };
            Some(pad(&core, spec, Align::Right))
        }
        _ => None,
    }
}

/// An integer of type `ty`: out of the type's range, or in exponent form, is `None`.
fn integer(ty: FieldType, spec: &FormatSpec, n: i128) -> Option<String> {
    let in_range = match ty {
        FieldType::I32 => i32::try_from(n).is_ok(),
        FieldType::I64 => i64::try_from(n).is_ok(),
        FieldType::U32 => u32::try_from(n).is_ok(),
        FieldType::U64 => u64::try_from(n).is_ok(),
        _ => false,
    };
    if !in_range || matches!(spec.kind, FormatKind::LowerExp | FormatKind::UpperExp) {
        return None;
    }
    let radix = spec.kind.radix();
    // Rust writes a negative number in another base as its two's complement, with no
    // sign: a catalog refuses those specs on signed fields, and so does this.
    if n < 0 && radix != 10 {
        return None;
    }
    let magnitude = n.unsigned_abs();
    let upper = matches!(spec.kind, FormatKind::UpperHex | FormatKind::DebugUpperHex);
    let digits = match (radix, upper) {
        (16, true) => format!("{magnitude:X}"),
        (16, false) => format!("{magnitude:x}"),
        (8, _) => format!("{magnitude:o}"),
        (2, _) => format!("{magnitude:b}"),
        _ => magnitude.to_string(),
    };
    let sign = if n < 0 {
        "-"
    } else if spec.sign == Some(Sign::Plus) {
        "+"
    } else {
        ""
    };
    let prefix = match radix {
        16 if spec.alternate => "0x",
        8 if spec.alternate => "0o",
        2 if spec.alternate => "0b",
        _ => "",
    };
    let head = format!("{sign}{prefix}");
    match spec.width {
        // Sign-aware zero padding ignores fill and alignment.
        Some(width) if spec.zero => {
            let zeros = usize::from(width).saturating_sub(head.len() + digits.len());
            Some(format!("{head}{}{digits}", "0".repeat(zeros)))
        }
        _ => Some(pad(&format!("{head}{digits}"), spec, Align::Right)),
    }
}

/// `core` padded to the spec's width with its fill, aligned as the spec says or as
/// the type does by default.
fn pad(core: &str, spec: &FormatSpec, default: Align) -> String {
    let count = core.chars().count();
    let Some(width) = spec.width.map(usize::from).filter(|&w| w > count) else {
        return core.to_owned();
    };
    let fill = spec.fill_char();
    let missing = width - count;
    let (left, right) = match spec.align.unwrap_or(default) {
        Align::Left => (0, missing),
        Align::Right => (missing, 0),
        Align::Center => (missing / 2, missing - missing / 2),
    };
    let fills = |n: usize| std::iter::repeat_n(fill, n);
    fills(left)
        .chain(core.chars())
        .chain(fills(right))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> FormatSpec {
        FormatSpec::parse(text).unwrap()
    }

    /// Each literal spec, as `format!` writes it, against `render` with the parsed spec.
    macro_rules! same_as_format {
        ($ty:expr, $native:ident, $value:expr, [$($spec:literal),* $(,)?]) => {$(
            assert_eq!(
                render($ty, &spec($spec), Native::$native($value.into())).as_deref(),
                Some(format!(concat!("{:", $spec, "}"), $value).as_str()),
                "{} under {:?}", $value, $spec
            );
        )*};
    }

    proptest::proptest! {
        #[test]
        fn integers_render_as_format_does(n in proptest::num::u32::ANY, m in proptest::num::i64::ANY) {
            same_as_format!(FieldType::U32, Int, n, ["", "05", "#x", "#010X", "o", "#b", "+", ">12", "*^13", "_<11", "x?", "#X?", ".3", "+#012x"]);
            same_as_format!(FieldType::I64, Int, m, ["", "+", "025", "+025", ">30", "*^31", "?", ".2"]);
        }

        #[test]
        fn floats_and_bools_render_as_format_does(x in proptest::num::f64::ANY, b in proptest::bool::ANY) {
            same_as_format!(FieldType::F64, Float, x, ["", "+", "?", "+?", "e", "E", "+e", ">30", "*^31", "_<40"]);
            same_as_format!(FieldType::Bool, Bool, b, ["", "?", ">8", "*^7", "_<6"]);
        }
    }

    #[test]
    fn specs_that_lose_information_render_nothing() {
        assert_eq!(
            render(FieldType::String, &spec("?"), Native::Str("a")),
            None
        );
        assert_eq!(
            render(FieldType::String, &spec(">5"), Native::Str("a")),
            None
        );
        assert_eq!(
            render(FieldType::F64, &spec(".2"), Native::Float(1.0)),
            None
        );
        assert_eq!(
            render(FieldType::F64, &spec("08"), Native::Float(1.0)),
            None
        );
        assert_eq!(render(FieldType::U32, &spec("e"), Native::Int(5)), None);
        assert_eq!(render(FieldType::I32, &spec("x"), Native::Int(-1)), None);
        assert_eq!(
            render(FieldType::U32, &spec(""), Native::Int(1 << 32)),
            None
        );
        assert_eq!(
            render(FieldType::Bool, &spec(".2"), Native::Bool(true)),
            None
        );
    }
}
