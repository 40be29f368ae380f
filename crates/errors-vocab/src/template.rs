//! Message templates: `Rate limit exceeded for {category} endpoints.`
//!
//! `{field}` inserts a detail field, `{field:spec}` formats it with a Rust format spec
//! ([`FormatSpec`]), and `{{` / `}}` are literal braces. A template is parsed once,
//! when its catalog is read, into [`Piece`]s: the code generator writes them into the
//! runtime's static metadata, so the runtime and the reference read the pieces and
//! nothing lexes a template again. Text that came from users is never taken for a
//! template.

use std::borrow::Cow;
use std::ops::Range;

use crate::format_spec::FormatSpec;

/// A part of a message template: literal text or a placeholder.
///
/// The strings are `Cow<'static, str>`, so generated statics hold borrowed pieces
/// (built with the `const fn`s [`Piece::literal`] and [`Piece::placeholder`]) and a
/// parser owns the ones it reads, with the same type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    /// Text copied as it is (`{{` already `{`). Adjacent literals are merged.
    Literal(Cow<'static, str>),
    /// A detail field to insert.
    Placeholder(Placeholder),
}

/// `{field}` or `{field:spec}` in a template.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Placeholder {
    /// The detail field's name.
    pub field: Cow<'static, str>,
    /// The format spec after `:`, if any.
    pub spec: Option<FormatSpec>,
}

impl Piece {
    /// Literal text, for generated statics.
    pub const fn literal(text: &'static str) -> Piece {
        Piece::Literal(Cow::Borrowed(text))
    }

    /// A placeholder with no format spec, for generated statics.
    pub const fn field(field: &'static str) -> Piece {
        Piece::placeholder(field, None)
    }

    /// A placeholder, for generated statics.
    pub const fn placeholder(field: &'static str, spec: Option<FormatSpec>) -> Piece {
        Piece::Placeholder(Placeholder {
            field: Cow::Borrowed(field),
            spec,
        })
    }
}

impl Placeholder {
    /// The spec, or the empty one (`Display`) when none is written.
    pub fn spec_or_display(&self) -> FormatSpec {
        self.spec.unwrap_or(FormatSpec::DISPLAY)
    }
}

/// The placeholders of `pieces`, in order.
pub fn placeholders(pieces: &[Piece]) -> impl Iterator<Item = &Placeholder> {
    pieces.iter().filter_map(|p| match p {
        Piece::Placeholder(p) => Some(p),
        Piece::Literal(_) => None,
    })
}

/// The literal text of `pieces` with the placeholders left out: the whole message of
/// a template that inserts nothing.
pub fn literal_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(text) => text.as_ref(),
            Piece::Placeholder(_) => "",
        })
        .collect()
}

/// What [`parse`] read from a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The pieces, with every placeholder that did parse, so later checks still see
    /// them when the template has problems.
    pub pieces: Vec<Piece>,
    /// The byte range of each placeholder of `pieces` in the template, in order.
    pub placeholder_spans: Vec<Range<usize>>,
    /// Every problem, not only the first.
    pub errors: Vec<TemplateError>,
}

/// A problem in a template, at a byte range of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// The bytes of the template at fault.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl TemplateError {
    fn new(span: Range<usize>, message: impl Into<String>, help: impl Into<String>) -> Self {
        TemplateError {
            span,
            message: message.into(),
            help: help.into(),
        }
    }
}

const UNCLOSED: &str = "unbalanced `{` in message: the placeholder is never closed";
const UNCLOSED_HELP: &str = "close it with `}`, or write `{{` for a literal brace";

/// Parses a message template.
///
/// ```
/// use errors_vocab::template::{parse, Piece};
/// let parsed = parse("{{Retry}} in {retry_after:>4} s");
/// assert!(parsed.errors.is_empty());
/// assert_eq!(parsed.pieces[0], Piece::literal("{Retry} in "));
/// assert_eq!(parsed.placeholder_spans[0], 13..29);
/// ```
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed {
        pieces: Vec::new(),
        placeholder_spans: Vec::new(),
        errors: Vec::new(),
    };
    let mut literal = String::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        match c {
            '{' | '}' if rest.peek().is_some_and(|&(_, n)| n == c) => {
                rest.next();
                literal.push(c);
            }
            '}' => out.errors.push(TemplateError::new(
                start..start + 1,
                "unbalanced `}` in message",
                "write `}}` for a literal brace",
            )),
            '{' => {
                let Some(close) = text[start + 1..].find(['}', '{']).map(|i| start + 1 + i) else {
                    out.errors.push(TemplateError::new(
                        start..text.len(),
                        UNCLOSED,
                        UNCLOSED_HELP,
                    ));
                    break;
                };
                if text.as_bytes()[close] == b'{' {
                    out.errors
                        .push(TemplateError::new(start..close, UNCLOSED, UNCLOSED_HELP));
                    // Resume at the inner `{`, which may open a placeholder of its own.
                    while rest.peek().is_some_and(|&(i, _)| i < close) {
                        rest.next();
                    }
                    continue;
                }
                while rest.peek().is_some_and(|&(i, _)| i <= close) {
                    rest.next();
                }
                let span = start..close + 1;
                match parse_placeholder(&text[start + 1..close]) {
                    Ok(placeholder) => {
                        if !literal.is_empty() {
                            let text = std::mem::take(&mut literal);
                            out.pieces.push(Piece::Literal(Cow::Owned(text)));
                        }
                        out.pieces.push(Piece::Placeholder(placeholder));
                        out.placeholder_spans.push(span);
                    }
                    Err((message, help)) => {
                        out.errors.push(TemplateError::new(span, message, help));
                    }
                }
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        out.pieces.push(Piece::Literal(Cow::Owned(literal)));
    }
    out
}

/// `inner` is the text between the braces.
fn parse_placeholder(inner: &str) -> Result<Placeholder, (String, String)> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name, Some(spec)),
        None => (inner, None),
    };
    let name = name.trim();
    if name.is_empty() {
        return Err((
            format!("empty placeholder `{{{inner}}}` in message"),
            "name a detail field, as in `{retry_after}`, or write `{{` and `}}` for literal braces"
                .into(),
        ));
    }
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            format!("positional placeholder `{{{inner}}}` in message"),
            "placeholders name a detail field, as in `{retry_after}`".into(),
        ));
    }
    if !is_identifier(name) {
        return Err((
            format!("placeholder `{{{inner}}}` does not name a field"),
            "a placeholder is a detail field name, as in `{retry_after}` or `{limit:>5}`; write `{{` and `}}` for literal braces".into(),
        ));
    }
    let spec = match spec {
        Some(spec) => Some(FormatSpec::parse(spec).map_err(|why| {
            (
                format!("bad format spec `{spec}` in placeholder `{{{inner}}}`: {why}"),
                "use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`".to_owned(),
            )
        })?),
        None => None,
    };
    Ok(Placeholder {
        field: Cow::Owned(name.to_owned()),
        spec,
    })
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format_spec::FormatTrait;

    fn errors(text: &str) -> Vec<(Range<usize>, String)> {
        parse(text)
            .errors
            .into_iter()
            .map(|e| (e.span, format!("{}; {}", e.message, e.help)))
            .collect()
    }

    #[test]
    fn splits_literals_and_placeholders() {
        let parsed = parse("Retry in {retry_after} s ({limit:>5}/{window:?}).");
        assert!(parsed.errors.is_empty());
        let names: Vec<_> = placeholders(&parsed.pieces)
            .map(|p| p.field.as_ref())
            .collect();
        assert_eq!(names, ["retry_after", "limit", "window"]);
        assert_eq!(parsed.pieces[0], Piece::literal("Retry in "));
        assert_eq!(parsed.pieces[2], Piece::literal(" s ("));
        let spec = placeholders(&parsed.pieces).nth(1).unwrap().spec.unwrap();
        assert_eq!(
            (spec.to_string(), spec.format_trait()),
            (">5".to_owned(), FormatTrait::Display)
        );
        assert_eq!(parsed.placeholder_spans, [9..22, 26..36, 37..47]);
        assert_eq!(literal_text(&parsed.pieces), "Retry in  s (/).");
    }

    #[test]
    fn doubled_braces_are_literal_text() {
        let parsed = parse("{{literal}} and {{{x}}}");
        assert_eq!(
            parsed.pieces,
            [
                Piece::literal("{literal} and {"),
                Piece::placeholder("x", None),
                Piece::literal("}"),
            ]
        );
        let plain = parse("no placeholders");
        assert_eq!(placeholders(&plain.pieces).count(), 0);
        assert_eq!(parse("").pieces, []);
    }

    #[test]
    fn every_problem_is_reported_at_its_bytes() {
        assert_eq!(
            errors("a } b {x c {} d {0} e {a-b}"),
            [
                (2..3, "unbalanced `}` in message; write `}}` for a literal brace".to_owned()),
                (6..11, format!("{UNCLOSED}; {UNCLOSED_HELP}")),
                (11..13, "empty placeholder `{}` in message; name a detail field, as in `{retry_after}`, or write `{{` and `}}` for literal braces".to_owned()),
                (16..19, "positional placeholder `{0}` in message; placeholders name a detail field, as in `{retry_after}`".to_owned()),
                (22..27, "placeholder `{a-b}` does not name a field; a placeholder is a detail field name, as in `{retry_after}` or `{limit:>5}`; write `{{` and `}}` for literal braces".to_owned()),
            ]
        );
        assert_eq!(
            errors("open {x"),
            [(5..7, format!("{UNCLOSED}; {UNCLOSED_HELP}"))]
        );
        assert_eq!(
            errors("{n:5x5}"),
            [(0..7, "bad format spec `5x5` in placeholder `{n:5x5}`: unknown format type `x5`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`".to_owned())]
        );
    }

    #[test]
    fn placeholders_that_parse_are_kept_beside_problems() {
        let parsed = parse("{a} } {b:?}");
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(placeholders(&parsed.pieces).count(), 2);
        assert_eq!(parsed.placeholder_spans, [0..3, 6..11]);
    }

    #[test]
    fn multibyte_text_keeps_byte_offsets() {
        let parsed = parse("é {x} ü }");
        assert_eq!(parsed.placeholder_spans, vec![Range { start: 3, end: 6 }]);
        assert_eq!(parsed.errors[0].span, 10..11);
        assert_eq!(parsed.pieces[2], Piece::literal(" ü "));
    }
}
