//! Message templates: `Rate limit exceeded for {category} endpoints.`
//!
//! `{field}` inserts a detail field, `{field:spec}` formats it with a Rust format spec,
//! and `{{` / `}}` are literal braces. Parsing splits a template into literal text and
//! placeholders once, so code generation never has to re-read the template, and text
//! that came from users is never taken for a template.

use std::fmt;
use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::source::Location;

/// A parsed message template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The template as written in the catalog.
    pub source: String,
    /// Literal text and placeholders, in order. Adjacent literals are merged, and
    /// literals hold the text itself (`{{` is already `{`).
    pub segments: Vec<Segment>,
}

/// A part of a [`Template`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Text copied as it is.
    Literal(String),
    /// A detail field to insert.
    Placeholder(Placeholder),
}

/// `{field}` or `{field:spec}` in a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    /// The detail field's name.
    pub field: String,
    /// The format spec after `:`, if any.
    pub spec: Option<FormatSpec>,
    /// Where the placeholder is written (the catalog string, when it contains escapes).
    pub location: Location,
}

/// A Rust format spec, `>8.2`, `?`, `#x`, validated against the `format!` grammar
/// minus argument references (`1$`, `name$`, `*`), which a template has no use for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormatSpec {
    text: String,
    trait_: FormatTrait,
}

impl FormatSpec {
    /// The spec as written, without the leading `:`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Which formatting trait the spec uses.
    pub fn format_trait(&self) -> FormatTrait {
        self.trait_
    }

    /// The type at the end of the spec (`x`, `?`, `x?`), or `""` for `Display`.
    pub fn type_str(&self) -> &str {
        let len = match self.trait_ {
            FormatTrait::Display => 0,
            FormatTrait::Debug if self.text.ends_with("x?") || self.text.ends_with("X?") => 2,
            _ => 1,
        };
        &self.text[self.text.len() - len..]
    }
}

/// The formatting trait a placeholder asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatTrait {
    /// No type: `Display`.
    Display,
    /// `?`, `x?` or `X?`: `Debug`.
    Debug,
    /// `x`.
    LowerHex,
    /// `X`.
    UpperHex,
    /// `o`.
    Octal,
    /// `b`.
    Binary,
    /// `e`.
    LowerExp,
    /// `E`.
    UpperExp,
}

impl FormatTrait {
    /// The trait's name, as in `std::fmt`.
    pub fn name(self) -> &'static str {
        match self {
            FormatTrait::Display => "Display",
            FormatTrait::Debug => "Debug",
            FormatTrait::LowerHex => "LowerHex",
            FormatTrait::UpperHex => "UpperHex",
            FormatTrait::Octal => "Octal",
            FormatTrait::Binary => "Binary",
            FormatTrait::LowerExp => "LowerExp",
            FormatTrait::UpperExp => "UpperExp",
        }
    }
}

impl Template {
    /// The placeholders, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Placeholder(p) => Some(p),
            Segment::Literal(_) => None,
        })
    }

    /// Whether the template is nothing but literal text.
    pub fn is_literal(&self) -> bool {
        self.placeholders().next().is_none()
    }

    /// Parses `text`; `locate` maps a byte range of `text` to its catalog location.
    /// Every problem is reported, not only the first, and the template keeps the
    /// placeholders that did parse, so later checks still see them.
    pub(crate) fn parse(
        text: &str,
        locate: &dyn Fn(Range<usize>) -> Location,
    ) -> (Template, Vec<Diagnostic>) {
        let mut segments = Vec::new();
        let mut problems = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((start, c)) = rest.next() {
            match c {
                '{' if rest.peek().is_some_and(|&(_, n)| n == '{') => {
                    rest.next();
                    literal.push('{');
                }
                '}' if rest.peek().is_some_and(|&(_, n)| n == '}') => {
                    rest.next();
                    literal.push('}');
                }
                '}' => problems.push(
                    Diagnostic::new(locate(start..start + 1), "unbalanced `}` in message")
                        .help("write `}}` for a literal brace"),
                ),
                '{' => {
                    let Some(close) = text[start + 1..].find(['}', '{']).map(|i| start + 1 + i)
                    else {
                        problems.push(
                            Diagnostic::new(
                                locate(start..text.len()),
                                "unbalanced `{` in message: the placeholder is never closed",
                            )
                            .help("close it with `}`, or write `{{` for a literal brace"),
                        );
                        break;
                    };
                    if text.as_bytes()[close] == b'{' {
                        problems.push(
                            Diagnostic::new(
                                locate(start..close),
                                "unbalanced `{` in message: the placeholder is never closed",
                            )
                            .help("close it with `}`, or write `{{` for a literal brace"),
                        );
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
                        Ok((field, spec)) => {
                            if !literal.is_empty() {
                                segments.push(Segment::Literal(std::mem::take(&mut literal)));
                            }
                            segments.push(Segment::Placeholder(Placeholder {
                                field,
                                spec,
                                location: locate(span),
                            }));
                        }
                        Err((message, help)) => {
                            problems.push(Diagnostic::new(locate(span), message).help(help))
                        }
                    }
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            segments.push(Segment::Literal(literal));
        }
        let template = Template {
            source: text.to_owned(),
            segments,
        };
        (template, problems)
    }
}

impl fmt::Display for Template {
    /// The template as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

type Problem = (String, String);

/// `inner` is the text between the braces.
fn parse_placeholder(inner: &str) -> Result<(String, Option<FormatSpec>), Problem> {
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
        Some(spec) => Some(parse_spec(spec).map_err(|why| {
            (
                format!("bad format spec `{spec}` in placeholder `{{{inner}}}`: {why}"),
                "use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`".to_owned(),
            )
        })?),
        None => None,
    };
    Ok((name.to_owned(), spec))
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`
fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '^' | '>');
    if chars.len() >= 2 && is_align(chars[1]) {
        i = 2;
    } else if chars.first().copied().is_some_and(is_align) {
        i = 1;
    }
    if matches!(chars.get(i), Some('+' | '-')) {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        i += 1;
    }
    i = count(&chars, i, "width")?;
    if chars.get(i) == Some(&'.') {
        let after = count(&chars, i + 1, "precision")?;
        if after == i + 1 {
            return Err(if chars.get(i + 1) == Some(&'*') {
                "`.*` takes the precision from an argument, which a template does not have".into()
            } else {
                "`.` must be followed by a precision".into()
            });
        }
        i = after;
    }
    let ty: String = chars[i..].iter().collect();
    let trait_ = match ty.as_str() {
        "" => FormatTrait::Display,
        "?" | "x?" | "X?" => FormatTrait::Debug,
        "x" => FormatTrait::LowerHex,
        "X" => FormatTrait::UpperHex,
        "o" => FormatTrait::Octal,
        "b" => FormatTrait::Binary,
        "e" => FormatTrait::LowerExp,
        "E" => FormatTrait::UpperExp,
        other => {
            return Err(format!(
                "unknown format type `{other}`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`"
            ));
        }
    };
    Ok(FormatSpec {
        text: spec.to_owned(),
        trait_,
    })
}

/// A run of digits (a width or precision); `$` after it would refer to an argument.
fn count(chars: &[char], mut i: usize, what: &str) -> Result<usize, String> {
    let start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if i > start && chars.get(i) == Some(&'$') {
        return Err(format!(
            "`{}$` takes the {what} from an argument, which a template does not have",
            chars[start..i].iter().collect::<String>()
        ));
    }
    if i == start
        && chars
            .get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
    {
        // `{x:width$}`: a named argument.
        let end = chars[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
            .map_or(chars.len(), |p| i + p);
        if chars.get(end) == Some(&'$') {
            return Err(format!(
                "`{}$` takes the {what} from an argument, which a template does not have",
                chars[i..end].iter().collect::<String>()
            ));
        }
    }
    // rustc limits widths and precisions to 16 bits.
    let digits: String = chars[start..i].iter().collect();
    if !digits.is_empty() && digits.parse::<u16>().is_err() {
        return Err(format!("the {what} {digits} is larger than 65535"));
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::path::Path;
    use std::sync::Arc;

    fn parse(text: &str) -> Result<Template, Vec<String>> {
        let file = SourceFile::new(Arc::from(Path::new("t")), text.to_owned(), 0);
        let (template, problems) = Template::parse(text, &|r| file.location(r));
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    }

    fn lit(s: &str) -> Segment {
        Segment::Literal(s.into())
    }

    #[test]
    fn splits_literals_and_placeholders() {
        let t = parse("Retry in {retry_after} s ({limit:>5}/{window:?}).").unwrap();
        let names: Vec<_> = t.placeholders().map(|p| p.field.as_str()).collect();
        assert_eq!(names, ["retry_after", "limit", "window"]);
        assert_eq!(t.segments[0], lit("Retry in "));
        assert_eq!(t.segments[2], lit(" s ("));
        let spec = t.placeholders().nth(1).unwrap().spec.as_ref().unwrap();
        assert_eq!(
            (spec.as_str(), spec.format_trait()),
            (">5", FormatTrait::Display)
        );
        assert_eq!(
            t.placeholders().next().unwrap().location.to_string(),
            "t:1:10"
        );
    }

    #[test]
    fn doubled_braces_are_literal_text() {
        let t = parse("{{literal}} and {{{x}}}").unwrap();
        assert_eq!(t.segments[0], lit("{literal} and {"));
        assert_eq!(t.segments[2], lit("}"));
        assert!(parse("no placeholders").unwrap().is_literal());
    }

    #[test]
    fn every_problem_is_reported_with_its_column() {
        let errors = parse("a } b {x c {} d {0} e {a-b}").unwrap_err();
        assert_eq!(
            errors,
            [
                "t:1:3: unbalanced `}` in message; write `}}` for a literal brace",
                "t:1:7: unbalanced `{` in message: the placeholder is never closed; close it with `}`, or write `{{` for a literal brace",
                "t:1:12: empty placeholder `{}` in message; name a detail field, as in `{retry_after}`, or write `{{` and `}}` for literal braces",
                "t:1:17: positional placeholder `{0}` in message; placeholders name a detail field, as in `{retry_after}`",
                "t:1:23: placeholder `{a-b}` does not name a field; a placeholder is a detail field name, as in `{retry_after}` or `{limit:>5}`; write `{{` and `}}` for literal braces",
            ]
        );
        assert_eq!(
            parse("open {x").unwrap_err(),
            [
                "t:1:6: unbalanced `{` in message: the placeholder is never closed; close it with `}`, or write `{{` for a literal brace"
            ]
        );
    }

    #[test]
    fn format_specs_follow_the_rust_grammar() {
        for ok in [
            "", "?", "#?", "x?", "X?", "x", "#X", "o", "b", "e", "E", ">8", "*^10", "+", "08.3",
            ".2", "-<3", "#010b", ">>", "65535",
        ] {
            let spec = parse_spec(ok);
            assert!(spec.is_ok(), "{ok:?}: {spec:?}");
        }
        assert_eq!(
            parse_spec("x").unwrap().format_trait(),
            FormatTrait::LowerHex
        );
        assert_eq!(
            parse_spec("#X?").unwrap().format_trait(),
            FormatTrait::Debug
        );
        assert_eq!(parse_spec("#X?").unwrap().type_str(), "X?");
        assert_eq!(parse_spec("x<5o").unwrap().type_str(), "o");
        assert_eq!(parse_spec("?").unwrap().type_str(), "?");
        assert_eq!(parse_spec(">5").unwrap().type_str(), "");
        assert_eq!(
            parse_spec("y").unwrap_err(),
            "unknown format type `y`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`"
        );
        assert_eq!(
            parse_spec("1$").unwrap_err(),
            "`1$` takes the width from an argument, which a template does not have"
        );
        assert_eq!(
            parse_spec("w$").unwrap_err(),
            "`w$` takes the width from an argument, which a template does not have"
        );
        assert_eq!(
            parse_spec(".*").unwrap_err(),
            "`.*` takes the precision from an argument, which a template does not have"
        );
        assert_eq!(
            parse_spec("5.").unwrap_err(),
            "`.` must be followed by a precision"
        );
        assert_eq!(
            parse_spec("99999999").unwrap_err(),
            "the width 99999999 is larger than 65535"
        );
        assert_eq!(
            parse("{n:5x5}").unwrap_err(),
            [
                "t:1:1: bad format spec `5x5` in placeholder `{n:5x5}`: unknown format type `x5`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`"
            ]
        );
    }
}
