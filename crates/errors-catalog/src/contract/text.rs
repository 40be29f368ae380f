//! The snapshot's tokens: plain words, `key=value` pairs and comma-separated lists,
//! with JSON-style quoting for values that would not read back as one token.

/// `text` as is, or quoted when it would not read back as one token.
pub(super) fn quote(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '=' | ',' | '#' | '\\')
        });
    if plain {
        return text.to_owned();
    }
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads one token from `rest`, quoted or plain, stopping at whitespace (or, within
/// a list, at `,`); returns it and what follows.
fn token(rest: &str, list: bool) -> Result<(String, &str), String> {
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Ok((out, &quoted[i + 1..])),
                '\\' => match chars.next() {
                    Some((_, '"')) => out.push('"'),
                    Some((_, '\\')) => out.push('\\'),
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, 'r')) => out.push('\r'),
                    Some((_, 'u')) => {
                        if chars.next().map(|(_, c)| c) != Some('{') {
                            return Err("a bad `\\u{...}` escape".into());
                        }
                        let hex: String = chars
                            .by_ref()
                            .map(|(_, c)| c)
                            .take_while(|&c| c != '}')
                            .collect();
                        let code = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or("a bad `\\u{...}` escape")?;
                        out.push(code);
                    }
                    _ => return Err("an unknown escape in a quoted value".into()),
                },
                c => out.push(c),
            }
        }
        return Err("an unclosed quoted value".into());
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || (list && c == ','))
        .unwrap_or(rest.len());
    if end == 0 {
        return Err("a missing value".into());
    }
    Ok((rest[..end].to_owned(), &rest[end..]))
}

/// The tokens of a line: words, and `key=value` pairs (value possibly quoted, or a
/// comma-separated list).
pub(super) enum Word {
    Plain(String),
    Pair(String, Vec<String>),
}

pub(super) fn words(line: &str) -> Result<Vec<Word>, String> {
    let mut out = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        if rest.starts_with('"') {
            let (word, after) = token(rest, false)?;
            out.push(Word::Plain(word));
            rest = after.trim_start();
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        if rest[end..].starts_with('=') {
            let key = rest[..end].to_owned();
            let mut values = Vec::new();
            let mut tail = &rest[end + 1..];
            loop {
                let (value, next) = token(tail, true)?;
                values.push(value);
                match next.strip_prefix(',') {
                    Some(more) => tail = more,
                    None => {
                        tail = next;
                        break;
                    }
                }
            }
            out.push(Word::Pair(key, values));
            rest = tail.trim_start();
        } else {
            out.push(Word::Plain(rest[..end].to_owned()));
            rest = rest[end..].trim_start();
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_values_are_quoted_and_read_back() {
        for text in [
            "plain",
            "a b",
            "x=y",
            "a,b",
            "q\"uote",
            "back\\slash",
            "#hash",
            "",
            "tab\tnew\nline\u{1}",
        ] {
            let quoted = quote(text);
            let (back, rest) = token(&quoted, false).unwrap();
            assert_eq!((back.as_str(), rest), (text, ""), "{quoted}");
        }
    }
}
