//! Mutations of catalog text: lines dropped, copied, swapped, cut short; snippets of
//! TOML and template syntax, boundary numbers and odd characters spliced in; parts of
//! another text grafted on; tables shuffled. The result is always valid UTF-8.

use super::rng::Rng;
use super::tables::Tables;

/// Fragments that catalogs are made of, and that break them.
pub(crate) const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "{{",
    "}}",
    "[",
    "]",
    "[[",
    "\"",
    "'",
    "\"\"\"",
    "=",
    ".",
    ",",
    "?",
    "\n",
    "\r\n",
    "\t",
    "#",
    "\\",
    "\\u00e9",
    "é",
    "🎉",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
    "\u{308}",
    "99999999999999999999999",
    "-1",
    "0",
    "1e400",
    "nan",
    "inf",
    "true",
    "2026-11-21T10:00:00Z",
    "{retry_after}",
    "{x:>9999999}",
    "{x:q}",
    "{0}",
    "{}",
    "[errors.X]",
    "[catalog]",
    "include = [\"catalog.toml\"]",
    "status = 429",
    "message = \"{a}\"",
    "type = \"[[[u64]]]?\"",
    "header = \"Retry-After\"",
    "header = \"Content-Type\"",
    "internal = true",
    "wire = \"\"",
    "envelope = \"problem\"",
    "envelope = \"flat\"",
    "[envelope.rename]",
    "code = \"message\"",
    "details_case = \"camelCase\"",
    "code_case = \"snake_case\"",
    "doc_url = \"https://d/{code}\"",
    "[retry]",
    "max_retry_after_ms = 0",
    "[circuit_breaker]",
    "[categories.c]",
    "ÜBER",
    "x = { a = { b = { c = 1 } } }",
];

/// Numbers at the edges of the types a catalog reads.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "399",
    "400",
    "599",
    "600",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "0x7fffffffffffffff",
    "0b1",
    "1_000",
    "1.0",
];

/// One to four mutations of `text`; `others` are texts to graft parts of.
pub(crate) fn mutate(rng: &mut Rng, text: &str, others: &[String]) -> String {
    let mut text = text.to_owned();
    for _ in 0..1 + rng.below(4) {
        text = match rng.below(12) {
            0..=5 => mutate_lines(rng, &text),
            6 => {
                let snippet = rng.pick(SNIPPETS);
                insert_at_char(rng, &text, snippet)
            }
            7 => replace_number(rng, &text),
            8 => graft(rng, &text, others),
            9 => Tables::cut(&text).shuffled(rng),
            10 => cut_chars(rng, &text),
            _ => repeat_part(rng, &text),
        };
    }
    text
}

/// The line mutations of the first fuzz tests: drop, copy, swap, splice a snippet,
/// cut short, insert a snippet line, truncate the file.
pub(crate) fn mutate_lines(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    let i = rng.below(lines.len());
    match rng.below(8) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let copy = lines[i].clone();
            lines.insert(rng.below(lines.len() + 1), copy);
        }
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 | 4 => {
            let line = &mut lines[i];
            let at = char_boundary(rng, line);
            line.insert_str(at, rng.pick(SNIPPETS));
        }
        5 => {
            let line = &mut lines[i];
            let boundaries: Vec<usize> = line.char_indices().map(|(b, _)| b).collect();
            if !boundaries.is_empty() {
                line.truncate(boundaries[rng.below(boundaries.len())]);
            }
        }
        6 => lines.insert(i, rng.pick(SNIPPETS).to_owned()),
        _ => {
            let n = lines.len();
            lines.truncate(rng.below(n + 1));
        }
    }
    lines.join("\n")
}

/// A random character boundary of `text` (its end included).
fn char_boundary(rng: &mut Rng, text: &str) -> usize {
    let count = text.chars().count();
    let n = rng.below(count + 1);
    text.char_indices().nth(n).map_or(text.len(), |(b, _)| b)
}

fn insert_at_char(rng: &mut Rng, text: &str, snippet: &str) -> String {
    let at = char_boundary(rng, text);
    format!("{}{snippet}{}", &text[..at], &text[at..])
}

/// Replaces a run of digits with a number at the edge of some type.
fn replace_number(rng: &mut Rng, text: &str) -> String {
    let digits: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| {
            c.is_ascii_digit() && !text[..*i].ends_with(|p: char| p.is_ascii_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    if digits.is_empty() {
        let number = rng.pick(NUMBERS);
        return insert_at_char(rng, text, number);
    }
    let start = digits[rng.below(digits.len())];
    let end = text[start..]
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '.')
        .map_or(text.len(), |e| start + e);
    format!("{}{}{}", &text[..start], rng.pick(NUMBERS), &text[end..])
}

/// Splices a slice of lines of another text in at a random line.
fn graft(rng: &mut Rng, text: &str, others: &[String]) -> String {
    if others.is_empty() {
        return mutate_lines(rng, text);
    }
    let donor: Vec<&str> = others[rng.below(others.len())].lines().collect();
    let from = rng.below(donor.len());
    let to = (from + 1 + rng.below(12)).min(donor.len());
    let mut lines: Vec<&str> = text.lines().collect();
    let at = rng.below(lines.len() + 1);
    lines.splice(at..at, donor[from..to].iter().copied());
    lines.join("\n")
}

/// Removes a short run of characters.
fn cut_chars(rng: &mut Rng, text: &str) -> String {
    let start = char_boundary(rng, text);
    let len = text[start..]
        .char_indices()
        .nth(1 + rng.below(16))
        .map_or(text.len() - start, |(b, _)| b);
    format!("{}{}", &text[..start], &text[start + len..])
}

/// Repeats a short run of characters many times (long keys, deep brackets).
fn repeat_part(rng: &mut Rng, text: &str) -> String {
    let start = char_boundary(rng, text);
    let len = text[start..]
        .char_indices()
        .nth(1 + rng.below(4))
        .map_or(text.len() - start, |(b, _)| b);
    let part = &text[start..start + len];
    let times = [2, 10, 100, 2_000][rng.below(4)];
    format!("{}{}{}", &text[..start], part.repeat(times), &text[start..])
}
