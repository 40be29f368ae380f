//! Message templates: `Rate limit exceeded for {category} endpoints.`
//!
//! The grammar is `errors_vocab::template`'s, written once for every crate; here a
//! template's problems become diagnostics at their place in the catalog file, and the
//! parsed template keeps where each placeholder is written.

use std::fmt;
use std::ops::Range;

use errors_vocab::template::{self, Piece, Placeholder};

use crate::diagnostic::Diagnostic;
use crate::source::Location;

/// A parsed message template: the text as written and its [`Piece`]s, parsed once so
/// that code generation, the runtime and the reference never read the text again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageTemplate {
    /// The template as written in the catalog.
    pub source: String,
    /// Literal text and placeholders, in order. Adjacent literals are merged, and
    /// literals hold the text itself (`{{` is already `{`).
    pub pieces: Vec<Piece>,
    /// Where each placeholder of `pieces` is written, in order.
    pub(crate) locations: Vec<Location>,
}

impl MessageTemplate {
    /// An empty template with no pieces, for a message that could not be read, or a
    /// literal one.
    pub(crate) fn literal(text: &str) -> MessageTemplate {
        let pieces = if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Literal(text.to_owned().into())]
        };
        MessageTemplate {
            source: text.to_owned(),
            pieces,
            locations: Vec::new(),
        }
    }

    /// The placeholders, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        template::placeholders(&self.pieces)
    }

    /// The placeholders with where each is written (the catalog string, when it
    /// contains escapes).
    pub fn placeholders_at(&self) -> impl Iterator<Item = (&Placeholder, &Location)> {
        self.placeholders().zip(&self.locations)
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
    ) -> (MessageTemplate, Vec<Diagnostic>) {
        let parsed = template::parse(text);
        let problems = parsed
            .errors
            .into_iter()
            .map(|e| Diagnostic::new(locate(e.span), e.message).help(e.help))
            .collect();
        let template = MessageTemplate {
            source: text.to_owned(),
            pieces: parsed.pieces,
            locations: parsed.placeholder_spans.into_iter().map(locate).collect(),
        };
        (template, problems)
    }
}

impl fmt::Display for MessageTemplate {
    /// The template as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::path::Path;
    use std::sync::Arc;

    fn parse(text: &str) -> Result<MessageTemplate, Vec<String>> {
        let file = SourceFile::new(Arc::from(Path::new("t")), text.to_owned(), 0);
        let (template, problems) = MessageTemplate::parse(text, &|r| file.location(r));
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    }

    #[test]
    fn placeholders_know_where_they_are_written() {
        let t = parse("Retry in {retry_after} s ({limit:>5}/{window:?}).").unwrap();
        let at: Vec<_> = t
            .placeholders_at()
            .map(|(p, at)| format!("{} {at}", p.field))
            .collect();
        assert_eq!(at, ["retry_after t:1:10", "limit t:1:27", "window t:1:38"]);
        assert!(parse("no placeholders").unwrap().is_literal());
        assert_eq!(t.to_string(), t.source);
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
            parse("{n:5x5}").unwrap_err(),
            [
                "t:1:1: bad format spec `5x5` in placeholder `{n:5x5}`: unknown format type `x5`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`"
            ]
        );
    }
}
