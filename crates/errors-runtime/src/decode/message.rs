//! Reading fields back out of a rendered message, for fields a catalog sends in the
//! message only (`details = false`): the received message is matched against the
//! code's template; the text of each placeholder is then read by `super::text`.
//!
//! Matching is linear in the message's length (SPEC 9.2). A template is literal text
//! and runs of placeholders ("gaps") in turn: `L0 G1 L1 .. Gk Lk`, where only `L0`
//! and `Lk` may be empty. The message must start with `L0` and end with `Lk`; one scan
//! from the left finds each inner literal at its earliest place after the previous
//! one, one scan from the right at its latest. Every reading puts each literal
//! between those two places, so the message reads one way only when both scans agree;
//! otherwise the response is ambiguous. Each scan searches from a cursor that only
//! moves forward (or only backward), so the two scans look at each byte of the
//! message at most twice in all, plus the literals themselves: the work is bounded by
//! `2 * (message + literals)` bytes whatever the message holds, and no step budget is
//! needed. A gap of several placeholders splits one way only when its text is empty.

use crate::meta::{FormatSpec, Piece};

/// What matching a message says of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found<'m> {
    /// The message reads one way only, and gives the field this text.
    Text(&'m str),
    /// The message does not follow the template.
    NoMatch,
    /// The template does not insert the field.
    NotInTemplate,
    /// The message can be read more than one way.
    Ambiguous,
}

/// Matches `message` against the template's `pieces` and gives the text of `field`,
/// with the format spec it was written with.
pub(crate) fn find<'m>(pieces: &[Piece], message: &'m str, field: &str) -> (Found<'m>, FormatSpec) {
    find_counting(pieces, message, field, &mut 0)
}

/// Whether `message` follows the template's `pieces` (one way or several), in time
/// linear in its length.
pub(crate) fn matches(pieces: &[Piece], message: &str) -> bool {
    !matches!(read(&shape(pieces), message, &mut 0), Reading::NoMatch)
}

/// [`find`], adding to `scanned` the bytes it looked at (the work the tests bound).
fn find_counting<'m>(
    pieces: &[Piece],
    message: &'m str,
    field: &str,
    scanned: &mut usize,
) -> (Found<'m>, FormatSpec) {
    let Some(spec) = pieces.iter().find_map(|p| match p {
        Piece::Placeholder(p) if p.field == field => Some(p.spec_or_display()),
        _ => None,
    }) else {
        return (Found::NotInTemplate, FormatSpec::DISPLAY);
    };
    let shape = shape(pieces);
    let found = match read(&shape, message, scanned) {
        Reading::Texts(texts) => field_text(pieces, &shape.gaps, &texts, field, scanned),
        Reading::NoMatch => Found::NoMatch,
        Reading::Ambiguous => Found::Ambiguous,
    };
    (found, spec)
}

/// A template as literals and gaps: `literals[0] gap literals[1] gap .. literals[k]`,
/// and for each gap the indices of its placeholders in the pieces.
struct Shape<'p> {
    literals: Vec<&'p str>,
    gaps: Vec<Vec<usize>>,
}

fn shape(pieces: &[Piece]) -> Shape<'_> {
    let mut out = Shape {
        literals: vec![""],
        gaps: Vec::new(),
    };
    let mut open_gap = false;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(text) => {
                // Adjacent literals are merged by the parser; merge anyway.
                if open_gap {
                    out.literals.push(text);
                    open_gap = false;
                } else {
                    let last = out.literals.last_mut().expect("starts with one");
                    if last.is_empty() {
                        *last = text;
                    } else {
                        // Not from the parser, which merges literals: an empty gap,
                        // whose text must be empty.
                        out.gaps.push(Vec::new());
                        out.literals.push(text);
                    }
                }
            }
            Piece::Placeholder(_) if open_gap => out.gaps.last_mut().expect("open").push(i),
            Piece::Placeholder(_) => {
                out.gaps.push(vec![i]);
                open_gap = true;
            }
        }
    }
    if open_gap {
        out.literals.push("");
    }
    out
}

enum Reading<'m> {
    /// The text of each gap.
    Texts(Vec<&'m str>),
    NoMatch,
    Ambiguous,
}

/// Reads `message` as `shape`: see the module documentation.
fn read<'m>(shape: &Shape<'_>, message: &'m str, scanned: &mut usize) -> Reading<'m> {
    let literals = &shape.literals;
    let (first, last) = (literals[0], literals[literals.len() - 1]);
    let k = shape.gaps.len();
    if k == 0 {
        *scanned += message.len().min(first.len());
        return if message == first {
            Reading::Texts(Vec::new())
        } else {
            Reading::NoMatch
        };
    }
    *scanned += first.len() + last.len();
    if message.len() < first.len() + last.len()
        || !message.starts_with(first)
        || !message.ends_with(last)
    {
        return Reading::NoMatch;
    }
    let (start, end) = (first.len(), message.len() - last.len());
    let inner = &literals[1..k];
    // The earliest place of each inner literal, left to right.
    let mut earliest = Vec::with_capacity(inner.len());
    let mut cursor = start;
    for literal in inner {
        let Some(at) = message[cursor..end].find(literal) else {
            *scanned += end - cursor;
            return Reading::NoMatch;
        };
        *scanned += at + literal.len();
        earliest.push(cursor + at);
        cursor += at + literal.len();
    }
    // The latest place of each, right to left: a reading exists (the earliest one),
    // so every search succeeds.
    let mut cursor = end;
    for (literal, &early) in inner.iter().zip(&earliest).rev() {
        let at = message[start..cursor]
            .rfind(literal)
            .unwrap_or(early - start)
            + start;
        *scanned += cursor - at;
        if at != early {
            return Reading::Ambiguous;
        }
        cursor = at;
    }
    let mut texts = Vec::with_capacity(k);
    let mut from = start;
    for (literal, &at) in inner.iter().zip(&earliest) {
        texts.push(&message[from..at]);
        from = at + literal.len();
    }
    texts.push(&message[from..end]);
    Reading::Texts(texts)
}

/// The text of `field` from the texts of the gaps: a gap of one placeholder is its
/// text; a gap of several splits one way only when it is empty. A field inserted
/// twice must read the same both times.
fn field_text<'m>(
    pieces: &[Piece],
    gaps: &[Vec<usize>],
    texts: &[&'m str],
    field: &str,
    scanned: &mut usize,
) -> Found<'m> {
    let mut found: Option<&'m str> = None;
    for (gap, &text) in gaps.iter().zip(texts) {
        // Two literals side by side (never from the parser, which merges them).
        if gap.is_empty() && !text.is_empty() {
            return Found::NoMatch;
        }
        let inserts = |i: &usize| matches!(&pieces[*i], Piece::Placeholder(p) if p.field == field);
        if !gap.iter().any(inserts) {
            continue;
        }
        let text = match (gap.len(), text.is_empty()) {
            (1, _) | (_, true) => text,
            _ => return Found::Ambiguous,
        };
        match found {
            None => found = Some(text),
            Some(before) => {
                *scanned += text.len().min(before.len());
                if before != text {
                    return Found::NoMatch;
                }
            }
        }
    }
    found.map_or(Found::NotInTemplate, Found::Text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::text::read_text;
    use crate::meta::FieldType;
    use serde_json::Value;

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
        // `?` on a string escapes it in Rust's own way: never trusted (a catalog
        // refuses it on a field sent only in the message).
        let (c, spec) = find(template, message, "c");
        assert_eq!(c, Found::Text("\"q\\\"uote\""));
        assert!(
            read_text(
                FieldType::String,
                super::tests::spec(&spec),
                "\"q\\\"uote\""
            )
            .is_err()
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

    /// The bytes `find` scans for `field` of `template` in `message`.
    fn work(template: &str, message: &str, field: &str) -> (Found<'static>, usize) {
        let pieces = errors_vocab::template::parse(template).pieces;
        let mut scanned = 0;
        let found = match find_counting(&pieces, message, field, &mut scanned).0 {
            Found::Text(_) => Found::Text(""),
            other => other_static(other),
        };
        (found, scanned)
    }

    fn other_static(found: Found<'_>) -> Found<'static> {
        match found {
            Found::Text(_) => Found::Text(""),
            Found::NoMatch => Found::NoMatch,
            Found::NotInTemplate => Found::NotInTemplate,
            Found::Ambiguous => Found::Ambiguous,
        }
    }

    /// The linear bound of the module documentation.
    fn bound(template: &str, message: &str) -> usize {
        let literals: usize =
            errors_vocab::template::literal_text(&errors_vocab::template::parse(template).pieces)
                .len();
        2 * (message.len() + literals)
    }

    /// Templates whose literals a hostile message repeats, leaves out or runs on.
    const HOSTILE: [&str; 6] = [
        "{a}{b}{c}{d}{e}{f}",
        "{a}x{b}x{c}x{d}x{e}x{f}",
        "{a}, {b}, {c}!",
        "{a}--{b}--{c}",
        "Session '{a}' ('{b}') does not exist",
        "{a}aab{b}aab{c}",
    ];

    #[test]
    fn one_reading_is_found_and_two_are_ambiguous() {
        assert_eq!(find("a{x}b{y}c", "a1b2c", "y").0, Found::Text("2"));
        assert_eq!(find("a{x}b{y}c", "a1b2b3c", "x").0, Found::Ambiguous);
        assert_eq!(find("a{x}b{y}c", "a1b2", "x").0, Found::NoMatch);
        assert_eq!(find("a{x}b{y}c", "1b2c", "x").0, Found::NoMatch);
        assert_eq!(find("{x}", "anything", "x").0, Found::Text("anything"));
        assert_eq!(find("ab{x}ba", "aba", "x").0, Found::NoMatch);
        assert_eq!(find("ab{x}ba", "abba", "x").0, Found::Text(""));
    }

    #[test]
    fn a_megabyte_hostile_message_is_scanned_linearly() {
        for template in HOSTILE {
            for filler in ["x", ", ", "-", "aab", "'"] {
                let message = filler.repeat((1 << 20) / filler.len());
                let (_, scanned) = work(template, &message, "a");
                assert!(
                    scanned <= bound(template, &message),
                    "{template} on {filler:?}: {scanned} bytes"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Messages built from the template's own literals and a few other bytes, in
        /// runs up to tens of kilobytes: the bytes scanned never exceed the bound.
        #[test]
        fn the_work_is_linear_in_the_message(
            template in proptest::sample::select(HOSTILE.to_vec()),
            parts in proptest::collection::vec(
                (proptest::sample::select(vec!["x", ", ", "-", "--", "aab", "'", "!", "Session '", "' does not exist", "é"]), 1usize..2000),
                0..40,
            ),
            field in proptest::sample::select(vec!["a", "b", "c", "f"]),
        ) {
            let message: String = parts.iter().map(|(p, n)| p.repeat(*n)).collect();
            let (found, scanned) = work(template, &message, field);
            proptest::prop_assert!(
                scanned <= bound(template, &message),
                "{} bytes scanned for a {}-byte message", scanned, message.len()
            );
            // The result agrees with the brute force on small messages.
            if message.len() <= 12 {
                proptest::prop_assert_eq!(found, brute_force(template, &message, field));
            }
        }
    }

    /// Every way `message` splits against `template`, by trying every cut: what one
    /// reading gives, or `Ambiguous` when there are several.
    fn brute_force(template: &str, message: &str, field: &str) -> Found<'static> {
        let pieces = errors_vocab::template::parse(template).pieces;
        if !pieces
            .iter()
            .any(|p| matches!(p, Piece::Placeholder(p) if p.field == field))
        {
            return Found::NotInTemplate;
        }
        fn go(
            pieces: &[Piece],
            message: &str,
            bound: &mut Vec<(String, String)>,
            readings: &mut Vec<Vec<(String, String)>>,
        ) {
            match pieces.split_first() {
                None if message.is_empty() => readings.push(bound.clone()),
                None => {}
                Some((Piece::Literal(text), rest)) => {
                    if let Some(after) = message.strip_prefix(text.as_ref()) {
                        go(rest, after, bound, readings);
                    }
                }
                Some((Piece::Placeholder(p), rest)) => {
                    for (cut, _) in message.char_indices().chain([(message.len(), ' ')]) {
                        bound.push((p.field.to_string(), message[..cut].to_owned()));
                        go(rest, &message[cut..], bound, readings);
                        bound.pop();
                    }
                }
            }
        }
        let mut readings = Vec::new();
        go(&pieces, message, &mut Vec::new(), &mut readings);
        match readings.len() {
            0 => Found::NoMatch,
            1 => Found::Text(""),
            _ => Found::Ambiguous,
        }
    }
}
