//! The snapshot's text format: line-oriented, one item a line, codes sorted, so that
//! every change to the contract is a small diff.
//!
//! ```text
//! # errors-catalog contract, format 3
//! envelope flat
//! request_id_header X-Request-Id
//! key code errorCode
//! answer bad_request INVALID_REQUEST
//! answer method_not_allowed -
//! category rate_limit_error
//! code RATE_LIMITED 429 retryable category=rate_limit_error
//!   field retry_after wire=retryAfter type=u64 required in=details,header:Retry-After,message
//! code UNAUTHORIZED 401 final category=auth_error deprecated
//! code QUOTA 429 retryable template="Quota {limit} exceeded."
//!   field limit wire=limit type=u32 required in=message
//! code VALIDATION_FAILED 422 final
//!   field rule wire=rule type=string values=required,email required in=details
//! ```
//!
//! Format 1 had no `doc_url`, `request_id_header`, `answer` or `template=`, format 2
//! no `values=`: both still read, and what they do not record is not compared.
//!
//! A value with a space, a quote, `=`, `,` or `#` in it is written as a JSON-style
//! quoted string.

use std::fmt;
use std::path::{Path, PathBuf};

use super::text::{Word, quote, words};
use super::{CodeContract, Contract, FieldContract, Placement};
use crate::{Catalog, EnvelopeStyle, Rejection};

const FORMAT_LINE: &str = "# errors-catalog contract, format ";

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
            template: error
                .public_fields()
                .any(|f| {
                    !f.in_details
                        && f.header.is_none()
                        && !(style == EnvelopeStyle::Typed && error.param.as_ref() == Some(&f.name))
                })
                .then(|| error.message_text()),
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
                    let chooses = error
                        .message_by
                        .as_ref()
                        .is_some_and(|b| b.field == field.name);
                    if error.in_any_template(&field.name) || chooses {
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
                        values: field
                            .enum_type
                            .as_ref()
                            .map(|e| e.value_strs().map(str::to_owned).collect()),
                        line: 0,
                    }
                })
                .collect(),
            line: 0,
        })
        .collect();
    codes.sort_by(|a, b| a.code.cmp(&b.code));
    Contract {
        format: Contract::FORMAT,
        doc_url: catalog
            .doc_url
            .clone()
            .filter(|_| style == EnvelopeStyle::Problem),
        request_id_header: Some(catalog.http.request_id_header.clone()),
        answers: Rejection::ALL
            .iter()
            .map(|&r| {
                (
                    r.key().to_owned(),
                    catalog.http_error(r).map(|e| e.code.clone()),
                )
            })
            .collect(),
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
    out.push_str(&format!("{FORMAT_LINE}{}\n", contract.format));
    out.push_str(HEADER);
    out.push_str(&format!("\nenvelope {}\n", quote(&contract.style)));
    if let Some(url) = &contract.doc_url {
        out.push_str(&format!("doc_url {}\n", quote(url)));
    }
    if let Some(header) = &contract.request_id_header {
        out.push_str(&format!("request_id_header {}\n", quote(header)));
    }
    for (member, key) in &contract.keys {
        out.push_str(&format!("key {} {}\n", quote(member), quote(key)));
    }
    for (rejection, code) in &contract.answers {
        let code = code.as_deref().map_or_else(|| "-".to_owned(), quote);
        out.push_str(&format!("answer {} {code}\n", quote(rejection)));
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
        if let Some(template) = &code.template {
            out.push_str(&format!(" template={}", quote(template)));
        }
        out.push('\n');
        for field in &code.fields {
            let placements: Vec<String> = field
                .placements
                .iter()
                .map(|p| quote(&p.to_string()))
                .collect();
            let values = field.values.as_ref().map_or_else(String::new, |values| {
                let values: Vec<String> = values.iter().map(|v| quote(v)).collect();
                format!(" values={}", values.join(","))
            });
            out.push_str(&format!(
                "  field {} wire={} type={}{values} {} in={}\n",
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

pub(super) fn parse(path: &Path, text: &str) -> Result<Contract, SnapshotError> {
    let mut contract = Contract {
        // A snapshot without its format line predates format 2.
        format: 1,
        doc_url: None,
        request_id_header: None,
        answers: Vec::new(),
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
        if let Some(version) = trimmed.strip_prefix(FORMAT_LINE) {
            contract.format = match version.parse() {
                Ok(format @ 1..=Contract::FORMAT) => format,
                _ => {
                    return Err(fail(format!(
                        "format {version} is not known to this version of errors-catalog, which reads formats 1 to {}",
                        Contract::FORMAT
                    )));
                }
            };
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let words = words(trimmed).map_err(fail)?;
        let mut words = words.into_iter();
        let Some(Word::Plain(item)) = words.next() else {
            return Err(fail(
                "a line must start with an item: `envelope`, `doc_url`, `request_id_header`, `key`, `answer`, `category`, `code` or `field`"
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
            "doc_url" => contract.doc_url = Some(plain(0, "a URL")?),
            "request_id_header" => contract.request_id_header = Some(plain(0, "a header")?),
            "answer" => {
                let rejection = plain(0, "a rejection")?;
                let code = plain(1, "a code, or `-`")?;
                let code = (code != "-").then_some(code);
                contract.answers.push((rejection, code));
            }
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
                    template: None,
                    fields: Vec::new(),
                    line,
                };
                for word in &rest[3..] {
                    match word {
                        Word::Pair(key, values) if key == "category" && values.len() == 1 => {
                            entry.category = Some(values[0].clone());
                        }
                        Word::Plain(flag) if flag == "deprecated" => entry.deprecated = true,
                        Word::Pair(key, values) if key == "template" && values.len() == 1 => {
                            entry.template = Some(values[0].clone());
                        }
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
                    values: None,
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
                        Word::Pair(key, values) if key == "values" => {
                            field.values = Some(values.clone());
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
                    "`{other}` is not an item: expected `envelope`, `doc_url`, `request_id_header`, `key`, `answer`, `category`, `code` or `field`"
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
            "# errors-catalog contract, format 4\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("format 4 is not known"), "{err}");
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
