//! Text on its way into a log, escaped so that no caller can forge a log line
//! (SPEC 9.1).
//!
//! A rendered message, an internal field or a panic message can hold what a caller
//! sent (a path parameter, a header, a body). Written as is, a CR or LF in it starts
//! what a line-oriented log shows as a second, forged event, and an ESC drives the
//! terminal that displays it. [`LogText`] writes such text with every control
//! character escaped, while it is formatted: no allocation.
//!
//! Backslashes are left alone on purpose: the escaping is then idempotent, so a
//! value whose `Debug` already escaped its control characters (a `String` field) is
//! not escaped twice, and an escaped line reads as the text it stands for.

use std::fmt::{self, Write};

/// Formats `T` (with its `Display` or its `Debug`) with control characters escaped:
/// `\n`, `\r`, `\t`, and `\u{1b}` (hexadecimal) for every other character that
/// [`needs_escape`] names.
#[derive(Clone, Copy)]
pub(crate) struct LogText<T>(pub(crate) T);

impl<T: fmt::Display> fmt::Display for LogText<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaping(f), "{}", self.0)
    }
}

impl<T: fmt::Debug> fmt::Debug for LogText<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaping(f), "{:?}", self.0)
    }
}

/// Whether `c` may not reach a log as it is: the control characters (C0, DEL and
/// C1, NEL among them), the Unicode line and paragraph separators, which some
/// viewers break lines on, and the bidirectional formatting characters, which can
/// make a line display as other text.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// A writer that escapes on the way to the formatter it wraps.
struct Escaping<'a, 'f>(&'a mut fmt::Formatter<'f>);

impl Write for Escaping<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        // Runs of safe text go out in one write; only the characters to escape stop it.
        let mut start = 0;
        for (at, c) in text.char_indices().filter(|&(_, c)| needs_escape(c)) {
            self.0.write_str(&text[start..at])?;
            match c {
                '\n' => self.0.write_str("\\n")?,
                '\r' => self.0.write_str("\\r")?,
                '\t' => self.0.write_str("\\t")?,
                other => write!(self.0, "\\u{{{:x}}}", u32::from(other))?,
            }
            start = at + c.len_utf8();
        }
        self.0.write_str(&text[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        LogText(text).to_string()
    }

    #[test]
    fn line_breaks_and_terminal_escapes_are_escaped() {
        assert_eq!(
            shown("s_1\r\nERROR forged"),
            "s_1\\r\\nERROR forged",
            "CR LF"
        );
        assert_eq!(shown("\u{1b}[31mred\u{1b}[0m"), "\\u{1b}[31mred\\u{1b}[0m");
        assert_eq!(shown("a\tb\0c\u{7f}d"), "a\\tb\\u{0}c\\u{7f}d");
        // NEL (C1), LINE SEPARATOR, PARAGRAPH SEPARATOR, RIGHT-TO-LEFT OVERRIDE.
        assert_eq!(
            shown("a\u{85}b\u{2028}c\u{2029}d\u{202e}e"),
            "a\\u{85}b\\u{2028}c\\u{2029}d\\u{202e}e"
        );
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "",
            "Session 's_1' doesn't exist.",
            "Größe: 12 € — ok, 日本語, emoji 🎉",
            r"C:\path\n is a literal backslash and n",
        ] {
            assert_eq!(shown(text), text);
        }
    }

    #[test]
    fn escaped_text_holds_no_character_to_escape_and_escaping_is_idempotent() {
        let hostile: String = (0..=0x3000_u32).filter_map(char::from_u32).collect();
        let once = shown(&hostile);
        assert!(!once.chars().any(needs_escape), "{once:?}");
        assert_eq!(shown(&once), once);
    }

    #[test]
    fn display_and_debug_are_both_escaped() {
        struct Message;
        impl fmt::Display for Message {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("one\n")?;
                f.write_str("two")
            }
        }
        assert_eq!(LogText(Message).to_string(), "one\\ntwo");
        // Debug of a string already escapes: unchanged, not escaped twice.
        assert_eq!(format!("{:?}", LogText("a\nb")), r#""a\nb""#);
        // Debug that writes raw text is escaped.
        struct Raw;
        impl fmt::Debug for Raw {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("{cause: x\r\ny}")
            }
        }
        assert_eq!(format!("{:?}", LogText(Raw)), r"{cause: x\r\ny}");
    }

    #[test]
    fn formatter_options_of_the_inner_value_apply() {
        assert_eq!(LogText(format_args!("{:>5}", "a\n")).to_string(), "   a\\n");
    }
}
