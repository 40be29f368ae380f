//! A diagnostic: what is wrong with a catalog, where, and how to fix it.
//!
//! Every stage pushes into one [`Sink`] instead of stopping at the first problem, so a
//! user sees all problems of a catalog at once (the approach of serde_derive's `Ctxt`).

use std::fmt;

use crate::source::Location;

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

/// Collects diagnostics from every stage; turned into a report at the end.
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

    /// Every diagnostic, sorted by position, exact repeats dropped; empty when
    /// nothing was reported.
    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        // Stable sort: diagnostics at one position keep the order they were found in.
        self.items.sort_by_key(|d| d.location.sort_key());
        self.items.dedup();
        self.items
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
