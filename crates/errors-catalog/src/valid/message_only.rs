//! Rules of fields sent only in the message (`details = false`, no `header`, not the
//! typed envelope's `param`): a client reads them back from the text, so the text
//! must read one way only (SPEC 9.2) and give back exactly the value that was sent.
//!
//! Exactly invertible specs, per type (the decoder renders what it read under the
//! same spec and keeps it only when the text is identical):
//! - `string`: `Display` with no width and no precision. Padding cannot be told from
//!   the value's own leading or trailing fill characters, a precision cuts the value,
//!   and `?` escapes it in Rust's own way, which nothing reads back.
//! - `json`: `Display` (`#` for the pretty form) with no width and no precision.
//! - `bool`, `f64`, integers: a width is fine when its fill can never be part of the
//!   value (not a letter, digit, `+`, `-` or `.`); `0` (zero padding) only on
//!   integers, since Rust zero-pads `inf` and `NaN` too (`00inf`).
//! - `f64` and `bool`: no precision (it rounds the number, it cuts `true`).
//! - integers: `x`, `X`, `o`, `b` only on unsigned types (a negative number is
//!   written as its two's complement); no `e`/`E` (written as a decimal fraction).

use errors_vocab::format_spec::{FormatKind, FormatSpec, FormatTrait};

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::{DetailType, EnvelopeStyle, ErrorDef, Field};
use errors_vocab::template::Piece;

use super::placeholders::placeholder_text;

/// The fields of `error` that the message alone carries.
fn is_message_only(draft: &Draft, error: &ErrorDef, field: &Field) -> bool {
    let as_param = draft.settings.envelope.style == EnvelopeStyle::Typed
        && error.param.as_deref() == Some(field.name.as_str());
    !field.in_details && !field.internal && field.header.is_none() && !as_param
}

pub(super) fn check_message_only(draft: &Draft, error: &ErrorDef, sink: &mut Sink) {
    let only = |name: &str| {
        error
            .field(name)
            .filter(|f| is_message_only(draft, error, f))
    };
    let mut seen: Vec<&str> = Vec::new();
    // The placeholder before the current piece, when no literal separates them.
    let mut previous: Option<&str> = None;
    let mut locations = error.message.placeholders_at().map(|(_, at)| at);
    for piece in &error.message.pieces {
        let Piece::Placeholder(p) = piece else {
            previous = None;
            continue;
        };
        let Some(at) = locations.next() else { break };
        let name = p.field.as_ref();
        let before = previous.replace(name);
        let Some(field) = only(name) else { continue };
        let text = placeholder_text(name, p.spec.map(|s| s.to_string()).as_deref());
        if seen.contains(&name) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "the message of `{}` inserts `{name}` twice, a field sent only in the message",
                        error.code
                    ),
                )
                .help(format!(
                    "a field sent only in the message may appear once in it: remove this `{text}`, or send `{name}` in `details` too (drop `details = false`)"
                )),
            );
        } else {
            seen.push(name);
        }
        if let Some(before) = before.filter(|b| only(b).is_some()) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`{text}` follows `{{{before}}}` with no text between them, and both are sent only in the message: a client cannot tell where one ends"
                    ),
                )
                .help(format!(
                    "put literal text between them (as in `{{{before}}} / {{{name}}}`), or send one of them in `details` too (drop `details = false`)"
                )),
            );
        }
        if let Some(spec) = p.spec
            && let Some((why, fix)) = loss(&field.ty, &spec)
        {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`{text}` {why}, and `{name}` is sent only in the message: a client could not read back the value that was sent"
                    ),
                )
                .help(fix),
            );
        }
    }
}

/// Why `spec` does not write every value of `ty` so that it reads back exactly, and
/// the fix; `None` when it does (see the module documentation for the rule).
fn loss(ty: &DetailType, spec: &FormatSpec) -> Option<(String, String)> {
    let keep =
        "drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)";
    let kind = spec.kind;
    let textual = matches!(ty, DetailType::String | DetailType::Json);
    if textual && spec.format_trait() == FormatTrait::Debug {
        return Some((
            format!("writes a `{ty}` with `?`, whose escapes no client reads back"),
            format!("a `{ty}` sent only in the message is written with `Display`: {keep}"),
        ));
    }
    if spec.precision.is_some() && (!ty.is_integer() || is_exponent(kind)) {
        return Some((
            format!("cuts or rounds a `{ty}` to a precision"),
            format!(
                "a precision loses part of a `{ty}`; only integers, which ignore it, may have one: {keep}"
            ),
        ));
    }
    if spec.width.is_some() {
        if textual {
            return Some((
                format!("pads a `{ty}` to a width"),
                format!(
                    "padding cannot be told from a `{ty}`'s own leading or trailing characters: {keep}"
                ),
            ));
        }
        let fill = spec.fill_char();
        if !spec.zero && (fill.is_alphanumeric() || matches!(fill, '+' | '-' | '.')) {
            return Some((
                format!("pads with `{fill}`, which can be part of a `{ty}`"),
                format!(
                    "pad with a character no `{ty}` contains, such as a space (`>8`) or `*` (`*>8`): {keep}"
                ),
            ));
        }
        if spec.zero && !ty.is_integer() {
            return Some((
                format!("zero-pads a `{ty}`"),
                format!(
                    "zero padding reads back on integers only (Rust writes `00inf` and `00NaN`); pad with spaces (`>8`): {keep}"
                ),
            ));
        }
    }
    if ty.is_integer() && is_exponent(kind) {
        return Some((
            "writes an integer in exponent form".to_owned(),
            format!("write integers in decimal, `x`, `X`, `o` or `b`: {keep}"),
        ));
    }
    if matches!(ty, DetailType::I32 | DetailType::I64) && kind.radix() != 10 {
        return Some((
            format!(
                "writes a signed `{ty}` in base {}, negative values as their two's complement",
                kind.radix()
            ),
            format!(
                "use base 2, 8 or 16 on `u32` or `u64` only; write a signed integer in decimal: {keep}"
            ),
        ));
    }
    None
}

fn is_exponent(kind: FormatKind) -> bool {
    matches!(kind, FormatKind::LowerExp | FormatKind::UpperExp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(ty: DetailType, spec: &str) -> bool {
        loss(&ty, &FormatSpec::parse(spec).unwrap()).is_some()
    }

    #[test]
    fn exactly_invertible_specs_are_accepted_per_type() {
        use DetailType::*;
        for (ty, spec) in [
            (String, ""),
            (String, "<"),
            (Json, "#"),
            (U32, "05"),
            (U32, "#x"),
            (U64, "#010b"),
            (U32, ">8"),
            (I64, "+"),
            (I32, "*^9"),
            (I64, ".3"),
            (F64, "e"),
            (F64, "?"),
            (F64, ">12"),
            (Bool, "_<6"),
        ] {
            assert!(!lossy(ty, spec), "{ty} {spec}");
        }
        for (ty, spec) in [
            (String, "?"),
            (String, ".3"),
            (String, ">8"),
            (Json, "?"),
            (Json, "8"),
            (F64, ".2"),
            (F64, "08"),
            (F64, ".1e"),
            (Bool, ".2"),
            (U32, "0<5"),
            (U32, "x>8"),
            (F64, "->8"),
            (U64, "e"),
            (I32, "x"),
            (I64, "#b"),
        ] {
            assert!(lossy(ty, spec), "{ty} {spec}");
        }
    }
}
