//! Escaping catalog text for the Markdown reference (SPEC 9.3). A reference is read
//! through Markdown renderers, many of which pass raw HTML through, so no catalog text
//! may become markup the catalog did not mean:
//!
//! - [`description`]: Markdown, kept, except raw HTML (`<` written as `&lt;`; an
//!   `<https://...>` autolink stays) and links whose target is neither `http(s)` nor
//!   relative (`javascript:`, `data:`, `vbscript:`...), which are written as plain text.
//! - [`plain`]: titles, messages and every other text: Markdown metacharacters
//!   backslash-escaped, `<`, `>` and `&` written as entities.
//! - [`code_span`] and [`inline`]: code, and the reference's own wording (backticks
//!   mark code).
//!
//! In a table cell ([`Place::Cell`]) text is one line and `|` is escaped; elsewhere a
//! `|` is left as it is, so no stray backslash shows.
//!
//! The output is safe whatever a renderer makes of it: the only raw `<` written is a
//! `<code>` element of this module's own (a code span that holds `<`, `[` or `]`,
//! its text escaped), and every `](` or `]:` that could end a link or a link
//! definition is followed by an allowed target, so a tokenizer that splits the text
//! otherwise (GFM table cells, blocks ending a paragraph) still finds nothing else.

/// Where text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// Running text: paragraphs, headings, list items.
    Text,
    /// A GFM table cell: one line, `|` escaped.
    Cell,
}

/// `text` as plain text: it renders as written, with no markup.
pub(crate) fn plain(text: &str, place: Place) -> String {
    let text = fit(text, place);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    // What the current line holds so far: only blanks; only blanks, then digits.
    let (mut blank, mut digits) = (true, false);
    for (i, &c) in chars.iter().enumerate() {
        let line_start = blank;
        let after_digits = digits;
        blank = c == '\n' || (blank && (c == ' ' || c == '\t'));
        digits = c.is_ascii_digit() && (line_start || after_digits);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' if place == Place::Cell => out.push_str("\\|"),
            '\\' | '`' | '*' | '[' | ']' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // An underscore between letters or digits can neither open nor close
            // emphasis: `retry_after` stays readable.
            '_' if !(i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())) =>
            {
                out.push_str("\\_");
            }
            // What would start a heading, a list item or a setext underline.
            '#' | '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            // `1.` or `1)` would start an ordered list.
            '.' | ')' if after_digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as an inline code span, fenced with a longer run of backticks than any in
/// it. Code holding `<`, `[` or `]` is written as a `<code>` element with its text
/// escaped instead: should a renderer not see a code span there, no tag or link
/// could form from it.
pub(crate) fn code_span(text: &str, place: Place) -> String {
    // A code span is one line anyway; a blank line in it would end it.
    let text = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    if text.contains(['<', '[', ']']) {
        return format!("<code>{}</code>", plain(&text, place));
    }
    let longest = longest_run(&text, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let body = match place {
        Place::Cell => text.replace('|', "\\|"),
        Place::Text => text,
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// The reference's own wording: plain text where backticks mark code.
pub(crate) fn inline(text: &str, place: Place) -> String {
    let pieces: Vec<&str> = text.split('`').collect();
    let balanced = pieces.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 16);
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if i % 2 == 1 && (balanced || !last) {
            out.push_str(&code_span(piece, place));
        } else {
            if i % 2 == 1 {
                out.push_str("\\`"); // an unmatched backtick stays as written
            }
            out.push_str(&plain(piece, place));
        }
    }
    out
}

/// A catalog description: Markdown, with raw HTML escaped and only `http(s)` or
/// relative link targets kept.
pub(crate) fn description(text: &str, place: Place) -> String {
    match place {
        Place::Cell => Scanner::new(&fit(text, place), place).run(),
        Place::Text => blocks(text),
    }
}

/// Running text, block by block: a fenced code block that starts a line is copied as
/// it is (closed if the description leaves it open, so that it cannot swallow the
/// rest of the page); the text between fences is scanned.
fn blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut prose = String::new();
    let mut fence: Option<String> = None;
    for line in text.split_inclusive('\n') {
        match &fence {
            Some(open) => {
                out.push_str(line);
                if closes(line, open) {
                    fence = None;
                }
            }
            None => match opens(line) {
                Some(open) => {
                    out.push_str(&Scanner::new(&prose, Place::Text).run());
                    prose.clear();
                    out.push_str(line);
                    fence = Some(open);
                }
                None => prose.push_str(line),
            },
        }
    }
    out.push_str(&Scanner::new(&prose, Place::Text).run());
    if let Some(open) = fence {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&open);
    }
    out
}

/// The fence a line opens: three or more backticks or tildes at its very start (an
/// indented fence is scanned as text instead: inside a list item it could end with
/// the item, unseen here). A backtick fence's info string may not hold a backtick.
fn opens(line: &str) -> Option<String> {
    let mark = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|c| *c == mark).count();
    let info = &line[n..];
    (n >= 3 && !(mark == '`' && info.contains('`'))).then(|| mark.to_string().repeat(n))
}

/// Whether `line` closes the fence `open`. Indentation is allowed, even where
/// CommonMark would not close: ending a fence early only escapes more.
fn closes(line: &str, open: &str) -> bool {
    let mark = open.chars().next().unwrap_or('`');
    let trimmed = line.trim();
    trimmed.len() >= open.len() && trimmed.chars().all(|c| c == mark)
}

/// Inline Markdown, made safe character by character.
struct Scanner {
    chars: Vec<char>,
    at: usize,
    place: Place,
    out: String,
}

impl Scanner {
    fn new(text: &str, place: Place) -> Scanner {
        Scanner {
            chars: text.chars().collect(),
            at: 0,
            place,
            out: String::with_capacity(text.len() + 16),
        }
    }

    fn run(mut self) -> String {
        while let Some(&c) = self.chars.get(self.at) {
            match c {
                '\\' => self.backslash(),
                '`' => self.backticks(),
                '<' => self.angle(),
                ']' => self.bracket(),
                '|' if self.place == Place::Cell => {
                    self.out.push_str("\\|");
                    self.at += 1;
                }
                c => {
                    self.out.push(c);
                    self.at += 1;
                }
            }
        }
        self.out
    }

    /// A backslash escape stays; `\<` is written `&lt;` (the same `<`), so the text
    /// holds no raw `<` at all.
    fn backslash(&mut self) {
        match self.chars.get(self.at + 1) {
            Some('<') => self.out.push_str("&lt;"),
            Some(&c) if c.is_ascii_punctuation() => {
                self.out.push('\\');
                self.out.push(c);
            }
            _ => {
                self.out.push('\\');
                self.at += 1;
                return;
            }
        }
        self.at += 2;
    }

    /// A code span (to the next run of as many backticks), or literal backticks.
    fn backticks(&mut self) {
        let n = self.chars[self.at..]
            .iter()
            .take_while(|c| **c == '`')
            .count();
        let start = self.at + n;
        let mut i = start;
        while i < self.chars.len() {
            if self.chars[i] == '`' {
                let run = self.chars[i..].iter().take_while(|c| **c == '`').count();
                if run == n {
                    let text: String = self.chars[start..i].iter().collect();
                    let keep = !text.contains(['<', '[', ']']);
                    if keep {
                        let fence = "`".repeat(n);
                        let body = match self.place {
                            Place::Cell => text.replace('|', "\\|"),
                            Place::Text => text,
                        };
                        self.out.push_str(&format!("{fence}{body}{fence}"));
                    } else {
                        // Content is stripped of one space each side, as CommonMark does.
                        let trimmed = match text.strip_prefix(' ').and_then(|t| t.strip_suffix(' '))
                        {
                            Some(t) if !t.trim().is_empty() => t.to_owned(),
                            _ => text,
                        };
                        self.out.push_str(&code_span(&trimmed, self.place));
                    }
                    self.at = i + n;
                    return;
                }
                i += run;
            } else {
                i += 1;
            }
        }
        // No closing run: the backticks are literal.
        self.out.push_str(&"\\`".repeat(n));
        self.at = start;
    }

    /// An `<http(s)://...>` autolink stays; any other `<` is written `&lt;`.
    fn angle(&mut self) {
        let rest: String = self.chars[self.at..].iter().take(2048).collect();
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("<http://") || lower.starts_with("<https://") {
            let end = rest[1..]
                .find(|c: char| c == '<' || c == '>' || c.is_whitespace() || c.is_control());
            if let Some(end) = end.filter(|&e| rest[1 + e..].starts_with('>')) {
                let autolink = &rest[..end + 2];
                self.out.push_str(autolink);
                self.at += autolink.chars().count();
                return;
            }
        }
        self.out.push_str("&lt;");
        self.at += 1;
    }

    /// A `]` that would end a link (`](target)`) or a link definition (`]: target`)
    /// whose target is not allowed is escaped, with what follows it, so that neither
    /// forms and the target reads as plain text.
    fn bracket(&mut self) {
        let next = self.chars.get(self.at + 1).copied();
        let refused = match next {
            Some('(') | Some(':') => !allowed_target(&target(&self.chars[self.at + 2..])),
            _ => false,
        };
        match (refused, next) {
            (true, Some(next)) => {
                self.out.push_str("\\]\\");
                self.out.push(next);
                self.at += 2;
            }
            _ => {
                self.out.push(']');
                self.at += 1;
            }
        }
    }
}

/// The link target at the start of `rest` (after `](` or `]:`), as CommonMark reads
/// it: after spaces and at most one line break, `<...>` or a run without spaces.
fn target(rest: &[char]) -> String {
    let mut i = 0;
    let mut breaks = 0;
    while let Some(&c) = rest.get(i) {
        match c {
            ' ' | '\t' => {}
            '\n' | '\r' if breaks == 0 => breaks += 1,
            _ => break,
        }
        i += 1;
    }
    let rest = &rest[i..];
    if rest.first() == Some(&'<') {
        let end = rest
            .iter()
            .position(|c| *c == '>' || *c == '\n')
            .unwrap_or(rest.len());
        return rest[1..end].iter().collect();
    }
    let mut depth = 0usize;
    let mut out = String::new();
    for &c in rest {
        match c {
            c if c.is_whitespace() || c.is_control() => break,
            '(' => depth += 1,
            ')' if depth == 0 => break,
            ')' => depth -= 1,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Whether a link may point at `target`: `http(s)`, or relative (no scheme).
fn allowed_target(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    // A scheme is what comes before a `:` ahead of any `/`, `?` or `#`; an entity
    // (`&colon;`), a backslash escape or a control character could spell or hide
    // one, so none of them may come first either.
    let head = target.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains([':', '&', '\\']) && !target.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// `text` made fit for `place`: a cell's text on one line.
fn fit(text: &str, place: Place) -> String {
    match place {
        Place::Cell => text.replace("\r\n", " ").replace(['\n', '\r'], " "),
        Place::Text => text.to_owned(),
    }
}

fn longest_run(text: &str, mark: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == mark { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests;
