//! The snapshot's text format: line-oriented, one item a line, codes sorted, so that
//! every change to the contract is a small diff.
//!
//! ```text
//! # errors-catalog contract, format 1
//! envelope flat
//! key code errorCode
//! category rate_limit_error
//! code RATE_LIMITED 429 retryable category=rate_limit_error
//!   field retry_after wire=retryAfter type=u64 required in=details,header:Retry-After,message
//! code UNAUTHORIZED 401 final category=auth_error deprecated
//! ```
//!
//! A value with a space, a quote, `=`, `,` or `#` in it is written as a JSON-style
//! quoted string.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{CodeContract, Contract, FieldContract, Placement};
use crate::Catalog;
use crate::model::EnvelopeStyle;

const FORMAT: &str = "# errors-catalog contract, format 1";

const HEADER: &str = "\
# What clients of this catalog rely on: codes, statuses, retryability, categories and
# wire fields. Checked by `errors-catalog stability` and
# `errors_catalog::contract::assert_stable`. Generated: after an intended change,
# re-bless it (`errors-catalog stability --bless`, or ERRORS_CATALOG_BLESS=1).
";

/// A snapshot line that is not of the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotError {
    path: PathBuf,
    line: u32,
    message: String,
}

impl SnapshotError {
    /// The 1-based line.
    pub fn line(&self) -> u32 {
        self.line
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} (a snapshot is generated: re-bless it rather than editing it)",
            self.path.display(),
            self.line,
            self.message
        )
    }
}

impl std::error::Error for SnapshotError {}

pub(super) fn of(catalog: &Catalog) -> Contract {
    let style = catalog.envelope.style;
    let mut categories: Vec<String> = catalog.categories.iter().map(|c| c.name.clone()).collect();
    categories.sort();
    let mut codes: Vec<CodeContract> = catalog
        .errors
        .iter()
        .map(|error| CodeContract {
            code: error.code.clone(),
            status: error.status,
            retryable: error.retryable,
            category: error.category.clone(),
            deprecated: error.deprecated.is_some(),
            fields: error
                .public_fields()
                .map(|field| {
                    let mut placements = Vec::new();
                    if field.in_details {
                        placements.push(Placement::Details);
                    }
                    if let Some(header) = &field.header {
                        placements.push(Placement::Header(header.clone()));
                    }
                    if error.message.placeholders().any(|p| p.field == field.name) {
                        placements.push(Placement::Message);
                    }
                    if style == EnvelopeStyle::Typed && error.param.as_ref() == Some(&field.name) {
                        placements.push(Placement::Param);
                    }
                    placements.sort();
                    FieldContract {
                        name: field.name.clone(),
                        wire: field.wire.clone(),
                        ty: field.ty.to_string(),
                        optional: field.optional,
                        placements,
                        line: 0,
                    }
                })
                .collect(),
            line: 0,
        })
        .collect();
    codes.sort_by(|a, b| a.code.cmp(&b.code));
    Contract {
        style: style.as_str().to_owned(),
        keys: catalog
            .envelope
            .keys()
            .map(|(member, key)| (member.name().to_owned(), key.to_owned()))
            .collect(),
        categories,
        codes,
    }
}

pub(super) fn render(contract: &Contract) -> String {
    let mut out = String::with_capacity(512 + contract.codes.len() * 160);
    out.push_str(FORMAT);
    out.push('\n');
    out.push_str(HEADER);
    out.push_str(&format!("\nenvelope {}\n", quote(&contract.style)));
    for (member, key) in &contract.keys {
        out.push_str(&format!("key {} {}\n", quote(member), quote(key)));
    }
    if !contract.categories.is_empty() {
        out.push('\n');
        for category in &contract.categories {
            out.push_str(&format!("category {}\n", quote(category)));
        }
    }
    out.push('\n');
    for code in &contract.codes {
        out.push_str(&format!(
            "code {} {} {}",
            quote(&code.code),
            code.status,
            if code.retryable { "retryable" } else { "final" }
        ));
        if let Some(category) = &code.category {
            out.push_str(&format!(" category={}", quote(category)));
        }
        if code.deprecated {
            out.push_str(" deprecated");
        }
        out.push('\n');
        for field in &code.fields {
            let placements: Vec<String> = field
                .placements
                .iter()
                .map(|p| quote(&p.to_string()))
                .collect();
            out.push_str(&format!(
                "  field {} wire={} type={} {} in={}\n",
                quote(&field.name),
                quote(&field.wire),
                quote(&field.ty),
                if field.optional {
                    "optional"
                } else {
                    "required"
                },
                placements.join(",")
            ));
        }
    }
    out
}

/// `text` as is, or quoted when it would not read back as one token.
fn quote(text: &str) -> String {
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
enum Word {
    Plain(String),
    Pair(String, Vec<String>),
}

fn words(line: &str) -> Result<Vec<Word>, String> {
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

pub(super) fn parse(path: &Path, text: &str) -> Result<Contract, SnapshotError> {
    let mut contract = Contract {
        style: String::new(),
        keys: Vec::new(),
        categories: Vec::new(),
        codes: Vec::new(),
    };
    for (index, raw) in text.lines().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let fail = |message: String| SnapshotError {
            path: path.to_owned(),
            line,
            message,
        };
        let trimmed = raw.trim();
        if let Some(version) = trimmed.strip_prefix("# errors-catalog contract, format ") {
            if version != "1" {
                return Err(fail(format!(
                    "format {version} is not known to this version of errors-catalog, which reads format 1"
                )));
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let words = words(trimmed).map_err(fail)?;
        let mut words = words.into_iter();
        let Some(Word::Plain(item)) = words.next() else {
            return Err(fail(
                "a line must start with an item: `envelope`, `key`, `category`, `code` or `field`"
                    .into(),
            ));
        };
        let rest: Vec<Word> = words.collect();
        let plain = |i: usize, what: &str| match rest.get(i) {
            Some(Word::Plain(word)) => Ok(word.clone()),
            _ => Err(fail(format!("`{item}` needs {what}"))),
        };
        match item.as_str() {
            "envelope" => contract.style = plain(0, "a style")?,
            "key" => contract
                .keys
                .push((plain(0, "a member")?, plain(1, "its key")?)),
            "category" => contract.categories.push(plain(0, "a name")?),
            "code" => {
                let code = plain(0, "a code")?;
                let status = plain(1, "a status")?
                    .parse()
                    .map_err(|_| fail(format!("`{code}` needs a numeric status")))?;
                let retryable = match plain(2, "`retryable` or `final`")?.as_str() {
                    "retryable" => true,
                    "final" => false,
                    other => {
                        return Err(fail(format!("`{other}`: expected `retryable` or `final`")));
                    }
                };
                let mut entry = CodeContract {
                    code,
                    status,
                    retryable,
                    category: None,
                    deprecated: false,
                    fields: Vec::new(),
                    line,
                };
                for word in &rest[3..] {
                    match word {
                        Word::Pair(key, values) if key == "category" && values.len() == 1 => {
                            entry.category = Some(values[0].clone());
                        }
                        Word::Plain(flag) if flag == "deprecated" => entry.deprecated = true,
                        Word::Plain(other) | Word::Pair(other, _) => {
                            return Err(fail(format!("`{other}` is not an attribute of a code")));
                        }
                    }
                }
                contract.codes.push(entry);
            }
            "field" => {
                let name = plain(0, "a name")?;
                let mut field = FieldContract {
                    name,
                    wire: String::new(),
                    ty: String::new(),
                    optional: false,
                    placements: Vec::new(),
                    line,
                };
                for word in &rest[1..] {
                    match word {
                        Word::Pair(key, values) if key == "wire" && values.len() == 1 => {
                            field.wire = values[0].clone();
                        }
                        Word::Pair(key, values) if key == "type" && values.len() == 1 => {
                            field.ty = values[0].clone();
                        }
                        Word::Pair(key, values) if key == "in" => {
                            for value in values {
                                field.placements.push(match value.as_str() {
                                    "details" => Placement::Details,
                                    "message" => Placement::Message,
                                    "param" => Placement::Param,
                                    other => match other.strip_prefix("header:") {
                                        Some(name) if !name.is_empty() => Placement::Header(name.to_owned()),
                                        _ => return Err(fail(format!("`{other}` is not a placement: expected `details`, `header:NAME`, `message` or `param`"))),
                                    },
                                });
                            }
                        }
                        Word::Plain(flag) if flag == "required" => field.optional = false,
                        Word::Plain(flag) if flag == "optional" => field.optional = true,
                        Word::Plain(other) | Word::Pair(other, _) => {
                            return Err(fail(format!("`{other}` is not an attribute of a field")));
                        }
                    }
                }
                if field.wire.is_empty() || field.ty.is_empty() {
                    return Err(fail(format!(
                        "field `{}` needs `wire=` and `type=`",
                        field.name
                    )));
                }
                let Some(code) = contract.codes.last_mut() else {
                    return Err(fail("a `field` line must follow its `code` line".into()));
                };
                code.fields.push(field);
            }
            other => {
                return Err(fail(format!(
                    "`{other}` is not an item: expected `envelope`, `key`, `category`, `code` or `field`"
                )));
            }
        }
    }
    if contract.style.is_empty() {
        return Err(SnapshotError {
            path: path.to_owned(),
            line: 1,
            message: "the snapshot has no `envelope` line".into(),
        });
    }
    Ok(contract)
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

    #[test]
    fn a_contract_reads_back_from_its_text() {
        let catalog = Catalog::from_str(
            "c.toml",
            r#"
            [catalog]
            envelope = "typed"
            [envelope.rename]
            request_id = "requestId"
            [categories.limits]
            [errors.B_CODE]
            status = 429
            message = "Wait {retry_after} s for {what}."
            category = "limits"
            param = "what"
            [errors.B_CODE.details]
            retry_after = { type = "u64", header = "Retry-After" }
            what = { type = "string", wire = "odd name=1,2" }
            tags = "[string]?"
            secret = { type = "string", internal = true }
            [errors.A_CODE]
            status = 400
            message = "Bad."
            deprecated = "Use B_CODE"
            "#,
        )
        .unwrap();
        let contract = of(&catalog);
        assert_eq!(
            contract
                .codes
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            ["A_CODE", "B_CODE"]
        );
        let text = render(&contract);
        assert!(
            text.contains("code B_CODE 429 retryable category=limits\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "  field what wire=\"odd name=1,2\" type=string required in=details,message,param\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("  field tags wire=tags type=[string] optional in=details\n"),
            "{text}"
        );
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains("key request_id requestId\n"), "{text}");
        let back = parse(Path::new("c.contract"), &text).unwrap();
        let strip = |mut c: Contract| {
            for code in &mut c.codes {
                code.line = 0;
                for field in &mut code.fields {
                    field.line = 0;
                }
            }
            c
        };
        assert_eq!(strip(back), contract);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let err = parse(Path::new("c.contract"), "envelope flat\ncode X 4x final\n").unwrap_err();
        assert_eq!(err.line(), 2);
        assert!(
            err.to_string()
                .starts_with("c.contract:2: `X` needs a numeric status"),
            "{err}"
        );
        let err = parse(
            Path::new("c.contract"),
            "envelope flat\n  field a wire=a type=u32 required in=details\n",
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("must follow its `code` line"),
            "{err}"
        );
        let err = parse(
            Path::new("c.contract"),
            "# errors-catalog contract, format 2\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("format 2 is not known"), "{err}");
        let err = parse(
            Path::new("c.contract"),
            "envelope flat\ncode X 400 final colour=red\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("`colour` is not an attribute of a code"),
            "{err}"
        );
    }
}
