//! Diagnostics: what is wrong with a catalog, where, and how to fix it.
//!
//! Every stage pushes into one [`Sink`] instead of stopping at the first problem, so a
//! user sees all problems of a catalog at once (the approach of serde_derive's `Ctxt`).

use std::fmt;
use std::sync::Arc;

use crate::partial::Partial;
use crate::source::{Location, SourceFile};

/// One problem in a catalog.
///
/// `Display` prints it on one line: `path:line:column: message`, followed by
/// `; help` when there is a suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    location: Location,
    message: String,
    help: Option<String>,
}

impl Diagnostic {
    pub(crate) fn new(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            message: one_line(message.into()),
            help: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(one_line(help.into()));
        self
    }

    pub(crate) fn help_opt(self, help: Option<String>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    /// Where the problem is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How to fix it, when there is more to say than the message.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Diagnostics are printed one per line, so a message from elsewhere (the TOML parser)
/// must not break a line.
fn one_line(text: String) -> String {
    if text.contains(['\n', '\r']) {
        text.split(['\n', '\r'])
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        text
    }
}

/// Every problem found in a catalog, sorted by position (file load order, then offset).
///
/// `Display` prints one diagnostic per line, each starting `path:line:column:`;
/// [`Diagnostics::render`] adds the offending source line with a caret under it.
#[derive(Clone, Debug)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: Vec<Arc<SourceFile>>,
    partial: Box<Partial>,
}

impl Diagnostics {
    /// The diagnostics, in order of position.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// The sound part of the catalog: enough for a code generator to still declare
    /// its types beside the errors.
    pub fn partial(&self) -> &Partial {
        &self.partial
    }

    /// How many problems there are (at least one).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Always false: a `Diagnostics` value holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Renders each diagnostic the way rustc does: the message, its location, and the
    /// offending source line with the span underlined.
    ///
    /// ```
    /// let err = errors_catalog::Catalog::from_str(
    ///     "api.toml",
    ///     "[errors.NOT_FOUND]\nstatus = 404\nmesage = \"Not found.\"\n",
    /// )
    /// .unwrap_err();
    /// let text = err.render();
    /// assert!(text.contains("error: unknown key `mesage` in `[errors.NOT_FOUND]`"));
    /// assert!(text.contains(" --> api.toml:3:1"));
    /// assert!(text.contains("3 | mesage = \"Not found.\""));
    /// assert!(text.contains("  | ^^^^^^ did you mean `message`?"));
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        for diagnostic in &self.items {
            render_one(&mut out, diagnostic, self.source_of(&diagnostic.location));
        }
        let n = self.items.len();
        out.push_str(&format!(
            "error: the catalog has {n} problem{}\n",
            if n == 1 { "" } else { "s" }
        ));
        out
    }

    fn source_of(&self, location: &Location) -> Option<&SourceFile> {
        self.sources
            .iter()
            .find(|s| s.order() == location.sort_key().0 && *s.path == *location.path())
            .map(|s| &**s)
    }
}

fn render_one(out: &mut String, d: &Diagnostic, source: Option<&SourceFile>) {
    use std::fmt::Write as _;
    let loc = &d.location;
    let _ = writeln!(out, "error: {}", d.message);
    let Some(source) = source else {
        let _ = writeln!(out, " --> {loc}");
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out.push('\n');
        return;
    };
    let line_no = loc.line().to_string();
    let pad = " ".repeat(line_no.len());
    let text = source.line_text(loc.line());
    let _ = writeln!(out, "{pad}--> {loc}");
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{line_no} | {text}");
    // Underline the span, within its first line, in characters.
    let before: String = text.chars().take(loc.column() as usize - 1).collect();
    let span_text = &source.text[loc.offset()..loc.offset() + loc.len()];
    let width = span_text
        .split('\n')
        .next()
        .map_or(1, |first| first.chars().count().max(1));
    let indent: String = before
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = write!(out, "{pad} | {indent}{}", "^".repeat(width));
    match &d.help {
        Some(help) => {
            let _ = writeln!(out, " {help}");
        }
        None => out.push('\n'),
    }
    out.push('\n');
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(diagnostic, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Collects diagnostics from every stage; turned into [`Diagnostics`] at the end.
#[derive(Default)]
pub(crate) struct Sink {
    items: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub(crate) fn error(&mut self, location: Location, message: impl Into<String>) {
        self.push(Diagnostic::new(location, message));
    }

    /// `None` when nothing was reported; otherwise every diagnostic, sorted by
    /// position, exact repeats dropped.
    pub(crate) fn finish(
        mut self,
        sources: Vec<Arc<SourceFile>>,
        partial: impl FnOnce() -> Partial,
    ) -> Option<Diagnostics> {
        if self.items.is_empty() {
            return None;
        }
        // Stable sort: diagnostics at one position keep the order they were found in.
        self.items.sort_by_key(|d| d.location.sort_key());
        self.items.dedup();
        Some(Diagnostics {
            items: self.items,
            sources,
            partial: Box::new(partial()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_from_elsewhere_are_kept_on_one_line() {
        assert_eq!(one_line("a\nb\r\n c".into()), "a; b; c");
        assert_eq!(one_line("plain".into()), "plain");
    }
}
