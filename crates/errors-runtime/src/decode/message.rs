//! Reading fields back out of a rendered message, for fields a catalog sends in the
//! message only (`details = false`): the received message is matched against the
//! code's template, and each placeholder's text is read as its field's type.
//!
//! A template whose placeholders cannot be told apart in a given message (two
//! adjacent placeholders, or a literal that also occurs inside a value) matches in
//! several ways: a field is recovered when every way agrees on its text, and reported
//! as ambiguous otherwise.

use serde_json::Value;

use crate::meta::{FieldType, FormatKind, FormatSpec, Piece};

/// At most this many ways of matching are looked at, and this many steps taken: a
/// hostile message cannot make matching slow.
const MAX_MATCHES: usize = 64;
const MAX_STEPS: usize = 100_000;

/// What matching a message says of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found<'m> {
    /// Every way of matching gives the field this text.
    Text(&'m str),
    /// The message does not follow the template.
    NoMatch,
    /// The template does not insert the field.
    NotInTemplate,
    /// The ways of matching disagree on the field's text.
    Ambiguous,
}

/// Matches `message` against the template's `pieces` and gives the text of `field`,
/// with the format spec it was written with.
pub(crate) fn find<'m>(pieces: &[Piece], message: &'m str, field: &str) -> (Found<'m>, FormatSpec) {
    let Some(spec) = pieces.iter().find_map(|p| match p {
        Piece::Placeholder(p) if p.field == field => Some(p.spec_or_display()),
        _ => None,
    }) else {
        return (Found::NotInTemplate, FormatSpec::DISPLAY);
    };
    let mut search = Search {
        pieces,
        message,
        field,
        bound: Vec::new(),
        found: None,
        matches: 0,
        steps: 0,
    };
    search.run(0, 0);
    // A search cut short may have missed ways of matching that disagree.
    let cut_short = search.matches >= MAX_MATCHES || search.steps >= MAX_STEPS;
    let found = match (search.matches, search.found) {
        (0, _) if cut_short => Found::Ambiguous,
        (0, _) => Found::NoMatch,
        (_, Some(Some(text))) if !cut_short => Found::Text(text),
        _ => Found::Ambiguous,
    };
    (found, spec)
}

struct Search<'p, 'm> {
    pieces: &'p [Piece],
    message: &'m str,
    field: &'p str,
    /// The texts bound so far on this path, by field name: a field written twice must
    /// render the same both times.
    bound: Vec<(&'p str, &'m str)>,
    /// `None` before the first match; then `Some(text)` while every match agrees on
    /// the field, `Some(None)` once two disagree.
    found: Option<Option<&'m str>>,
    matches: usize,
    steps: usize,
}

impl<'p, 'm> Search<'p, 'm> {
    fn done(&self) -> bool {
        self.matches >= MAX_MATCHES || self.steps >= MAX_STEPS || self.found == Some(None)
    }

    fn run(&mut self, piece: usize, at: usize) {
        self.steps += 1;
        if self.done() {
            return;
        }
        let rest = &self.message[at..];
        match self.pieces.get(piece) {
            None => {
                if rest.is_empty() {
                    self.matched();
                }
            }
            Some(Piece::Literal(text)) => {
                if rest.starts_with(text.as_ref()) {
                    self.run(piece + 1, at + text.len());
                }
            }
            Some(Piece::Placeholder(p)) => {
                let name: &'p str = &p.field;
                // Every end the value could have, shortest first.
                let ends: Vec<usize> = match self.pieces.get(piece + 1) {
                    None => vec![self.message.len()],
                    Some(Piece::Literal(next)) => rest
                        .match_indices(next.as_ref())
                        .map(|(i, _)| at + i)
                        .collect(),
                    Some(Piece::Placeholder(_)) => rest
                        .char_indices()
                        .map(|(i, _)| at + i)
                        .chain([self.message.len()])
                        .collect(),
                };
                for end in ends {
                    if self.done() {
                        return;
                    }
                    let text = &self.message[at..end];
                    if let Some((_, earlier)) = self.bound.iter().find(|(n, _)| *n == name) {
                        if *earlier == text {
                            self.run(piece + 1, end);
                        }
                        continue;
                    }
                    self.bound.push((name, text));
                    self.run(piece + 1, end);
                    self.bound.pop();
                }
            }
        }
    }

    fn matched(&mut self) {
        self.matches += 1;
        let text = self
            .bound
            .iter()
            .find(|(n, _)| *n == self.field)
            .map(|(_, t)| *t);
        self.found = match (self.found, text) {
            (None, Some(text)) => Some(Some(text)),
            (Some(Some(before)), Some(text)) if before == text => Some(Some(text)),
            _ => Some(None),
        };
    }
}

/// The JSON value of a field's text in a message or a header, read as its `Display`
/// (under `spec`) wrote it; `Err` says why it cannot be.
pub(crate) fn read_text(ty: FieldType, spec: FormatSpec, text: &str) -> Result<Value, String> {
    let text = unpad(&spec, text);
    let debug = spec.format_trait() == crate::meta::FormatTrait::Debug;
    let bad = |what: &str| format!("`{text}` is not {what}");
    match ty {
        FieldType::String if debug => serde_json::from_str::<String>(text)
            .map(Value::String)
            .map_err(|_| bad("a quoted string")),
        FieldType::String => Ok(Value::String(text.to_owned())),
        FieldType::Bool => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(bad("`true` or `false`")),
        },
        FieldType::I32 | FieldType::I64 => integer(&spec, text)
            .and_then(|n| i64::try_from(n).ok())
            .map(Value::from)
            .ok_or_else(|| bad("an integer")),
        FieldType::U32 | FieldType::U64 => integer(&spec, text)
            .and_then(|n| u64::try_from(n).ok())
            .map(Value::from)
            .ok_or_else(|| bad("an unsigned integer")),
        FieldType::F64 => {
            let number: f64 = text
                .trim_start_matches('+')
                .parse()
                .map_err(|_| bad("a number"))?;
            // Non-finite values travel as the strings details use for them.
            Ok(serde_json::Number::from_f64(number).map_or_else(
                || Value::String(crate::non_finite::name(number).unwrap_or("NaN").to_owned()),
                Value::Number,
            ))
        }
        FieldType::Json => serde_json::from_str(text).map_err(|_| bad("JSON")),
        FieldType::FieldViolations | FieldType::List(_) => {
            Err(format!("a `{ty}` field has no text form"))
        }
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

    /// `find` on a template written as text, parsed as the catalog parses it.
    fn find<'m>(template: &str, message: &'m str, field: &str) -> (Found<'m>, String) {
        let pieces = errors_vocab::template::parse(template).pieces;
        let (found, spec) = super::find(&pieces, message, field);
        (found, spec.to_string())
    }

    fn spec(text: &str) -> FormatSpec {
        FormatSpec::parse(text).unwrap()
    }

    #[test]
    fn a_field_between_literals_is_found() {
        let template = "Session with ID '{session_id}' does not exist";
        assert_eq!(
            find(
                template,
                "Session with ID '123' does not exist",
                "session_id"
            ),
            (Found::Text("123"), String::new())
        );
        assert_eq!(
            find(template, "Session 123 is gone", "session_id").0,
            Found::NoMatch
        );
        assert_eq!(find(template, "x", "other").0, Found::NotInTemplate);
    }

    #[test]
    fn braces_and_specs_are_read_as_the_template_wrote_them() {
        let template = "{{{a}}} took {b:>6} ms; {c:?}";
        let message = "{x} took     42 ms; \"q\\\"uote\"";
        assert_eq!(find(template, message, "a").0, Found::Text("x"));
        let (b, spec) = find(template, message, "b");
        assert_eq!((b, spec.as_str()), (Found::Text("    42"), ">6"));
        assert_eq!(
            read_text(FieldType::U64, super::tests::spec(&spec), "    42"),
            Ok(Value::from(42))
        );
        let (c, spec) = find(template, message, "c");
        assert_eq!(
            read_text(
                FieldType::String,
                super::tests::spec(&spec),
                match c {
                    Found::Text(t) => t,
                    other => panic!("{other:?}"),
                }
            ),
            Ok(Value::from("q\"uote"))
        );
    }

    #[test]
    fn adjacent_placeholders_are_recovered_where_unambiguous() {
        // `{a}{b}` splits "xy" three ways: neither field is known.
        assert_eq!(find("{a}{b}", "xy", "a").0, Found::Ambiguous);
        assert_eq!(find("{a}{b}", "xy", "b").0, Found::Ambiguous);
        // The empty message splits one way only.
        assert_eq!(find("{a}{b}!", "!", "a").0, Found::Text(""));
        // A literal inside a value: "a-b-c" against "{x}-{y}" splits two ways.
        assert_eq!(find("{x}-{y}", "a-b-c", "x").0, Found::Ambiguous);
        assert_eq!(find("{x}-{y}", "a-bc", "y").0, Found::Text("bc"));
        // A field written twice must render the same both times.
        assert_eq!(find("{x}/{x}", "ab/ab", "x").0, Found::Text("ab"));
        assert_eq!(find("{x}/{x}", "ab/ac", "x").0, Found::NoMatch);
    }

    #[test]
    fn hostile_messages_stay_bounded() {
        let template = "{a}{b}{c}{d}{e}{f}";
        let message = "x".repeat(10_000);
        assert_eq!(find(template, &message, "a").0, Found::Ambiguous);
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
