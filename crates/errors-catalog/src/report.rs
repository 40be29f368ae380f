//! The report of a catalog that failed to load: every diagnostic, the source text to
//! show them in, and the sound part of the catalog for code generators.

use std::fmt;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::partial::Partial;
use crate::source::{Location, SourceFile};

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
    /// The report of `items` (sorted, at least one), found in `sources`.
    pub(crate) fn new(
        items: Vec<Diagnostic>,
        sources: Vec<Arc<SourceFile>>,
        partial: Partial,
    ) -> Self {
        Diagnostics {
            items,
            sources,
            partial: Box::new(partial),
        }
    }

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
            render_one(&mut out, diagnostic, self.source_of(diagnostic.location()));
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

/// How many characters of a line are shown before the start of a span...
const SHOWN_BEFORE: usize = 60;
/// ...and from its start on; the rest of a longer line is cut, marked `…`.
const SHOWN_AFTER: usize = 100;

fn render_one(out: &mut String, d: &Diagnostic, source: Option<&SourceFile>) {
    use std::fmt::Write as _;
    let loc = d.location();
    let _ = writeln!(out, "error: {}", d.message());
    let Some(source) = source else {
        let _ = writeln!(out, " --> {loc}");
        if let Some(help) = d.help_text() {
            let _ = writeln!(out, "  = help: {help}");
        }
        out.push('\n');
        return;
    };
    let line_no = loc.line().to_string();
    let pad = " ".repeat(line_no.len());
    let bounds = source.line_bounds(loc.line());
    let caret = loc.offset().clamp(bounds.start, bounds.end);
    // A window of the line around the span, so that a long line shown under each of
    // its diagnostics costs the same as a short one.
    let before = &source.text[bounds.start..caret];
    let from = before
        .char_indices()
        .rev()
        .nth(SHOWN_BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let before = &before[from..];
    let after = &source.text[caret..bounds.end];
    let to = after
        .char_indices()
        .nth(SHOWN_AFTER)
        .map_or(after.len(), |(i, _)| i);
    let (cut_before, cut_after) = (from > 0, to < after.len());
    let after = &after[..to];
    let _ = writeln!(out, "{pad}--> {loc}");
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(
        out,
        "{line_no} | {}{before}{after}{}",
        if cut_before { "…" } else { "" },
        if cut_after { "…" } else { "" }
    );
    // Underline the span, within its first line and the window, in characters.
    let span_end = (loc.offset() + loc.len()).min(source.text.len());
    let span_text = source.text.get(caret..span_end.max(caret)).unwrap_or("");
    let width = span_text
        .split('\n')
        .next()
        .map_or(1, |first| first.chars().take(SHOWN_AFTER).count().max(1));
    let indent: String = (if cut_before { " " } else { "" })
        .chars()
        .chain(before.chars().map(|c| if c == '\t' { '\t' } else { ' ' }))
        .collect();
    let _ = write!(out, "{pad} | {indent}{}", "^".repeat(width));
    match d.help_text() {
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
