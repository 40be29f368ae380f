//! Reading a snapshot back, in any format this version knows.

use std::path::Path;

use super::super::text::{Word, words};
use super::super::{CodeContract, Contract, FieldContract, Placement};
use super::{FORMAT_LINE, SnapshotError, honor_word};
use crate::model::{CircuitBreakerConfig, HonorRetryAfter, RetryClass, RetryConfig, StatusSet};

pub(in super::super) fn parse(path: &Path, text: &str) -> Result<Contract, SnapshotError> {
    let mut contract = Contract {
        // A snapshot without its format line predates format 2.
        format: 1,
        doc_url: None,
        request_id_header: None,
        grpc_domain: None,
        answers: Vec::new(),
        statuses: Vec::new(),
        timestamp: None,
        retry: None,
        circuit_breaker: None,
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
                "a line must start with an item: `envelope`, `doc_url`, `request_id_header`, `timestamp`, `grpc_domain`, `key`, `answer`, `status`, `retry`, `circuit_breaker`, `category`, `code` or `field`"
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
            "grpc_domain" => contract.grpc_domain = Some(plain(0, "a domain")?),
            "answer" => {
                let rejection = plain(0, "a rejection")?;
                let code = plain(1, "a code, or `-`")?;
                let code = (code != "-").then_some(code);
                contract.answers.push((rejection, code));
            }
            "timestamp" => {
                contract.timestamp = Some(match plain(0, "`true` or `false`")?.as_str() {
                    "true" => true,
                    "false" => false,
                    other => return Err(fail(format!("`{other}`: expected `true` or `false`"))),
                });
            }
            "status" => {
                let status = plain(0, "a status")?;
                let status = status
                    .parse()
                    .ok()
                    .filter(|s| (400..=599).contains(s))
                    .ok_or_else(|| fail(format!("`{status}` is not an error status")))?;
                contract.statuses.push((status, plain(1, "a code")?));
            }
            "retry" => contract.retry = Some(parse_retry(&rest).map_err(fail)?),
            "circuit_breaker" => {
                contract.circuit_breaker = Some(parse_breaker(&rest).map_err(fail)?);
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
                let retry_class =
                    match plain(2, "`retryable`, `final` or `after_refresh`")?.as_str() {
                        "retryable" => RetryClass::Retryable,
                        "final" => RetryClass::Never,
                        "after_refresh" => RetryClass::AfterRefresh,
                        other => {
                            return Err(fail(format!(
                                "`{other}`: expected `retryable`, `final` or `after_refresh`"
                            )));
                        }
                    };
                let mut entry = CodeContract {
                    code,
                    status,
                    retryable: retry_class.is_retryable(),
                    retry_class,
                    category: None,
                    deprecated: false,
                    replacement: None,
                    aliases: Vec::new(),
                    grpc: None,
                    template: None,
                    translations: Vec::new(),
                    fields: Vec::new(),
                    line,
                };
                for word in &rest[3..] {
                    match word {
                        Word::Pair(key, values) if key == "category" && values.len() == 1 => {
                            entry.category = Some(values[0].clone());
                        }
                        Word::Plain(flag) if flag == "deprecated" => entry.deprecated = true,
                        Word::Pair(key, values) if key == "replacement" && values.len() == 1 => {
                            entry.replacement = Some(values[0].clone());
                        }
                        Word::Pair(key, values) if key == "grpc" && values.len() == 1 => {
                            entry.grpc = Some(values[0].clone());
                        }
                        Word::Pair(key, values) if key == "aliases" => {
                            entry.aliases.clone_from(values);
                        }
                        Word::Pair(key, values) if key == "template" && values.len() == 1 => {
                            entry.template = Some(values[0].clone());
                        }
                        Word::Pair(key, values)
                            if key.starts_with("template.") && values.len() == 1 =>
                        {
                            let tag = key["template.".len()..].to_owned();
                            entry.translations.push((tag, values[0].clone()));
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
                    "`{other}` is not an item: expected `envelope`, `doc_url`, `request_id_header`, `timestamp`, `grpc_domain`, `key`, `answer`, `status`, `retry`, `circuit_breaker`, `category`, `code` or `field`"
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

/// The `key=value` pairs of a `retry` or `circuit_breaker` line, each once.
fn settings<'w>(
    rest: impl IntoIterator<Item = &'w Word>,
    keys: &[&str],
) -> Result<Vec<&'w str>, String> {
    let mut values: Vec<Option<&str>> = vec![None; keys.len()];
    for word in rest {
        let (key, value) = match word {
            Word::Pair(key, v) if v.len() == 1 => (key.as_str(), v[0].as_str()),
            Word::Pair(key, _) | Word::Plain(key) => {
                return Err(format!(
                    "`{key}`: expected one of `{}=`",
                    keys.join("=`, `")
                ));
            }
        };
        match keys.iter().position(|k| *k == key) {
            Some(i) if values[i].is_none() => values[i] = Some(value),
            Some(_) => return Err(format!("`{key}` is given twice")),
            None => {
                return Err(format!(
                    "`{key}` is not a setting: expected one of `{}`",
                    keys.join("`, `")
                ));
            }
        }
    }
    keys.iter()
        .zip(values)
        .map(|(key, value)| value.ok_or_else(|| format!("`{key}=` is missing")))
        .collect()
}

fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("`{key}={value}`: expected a number"))
}

fn parse_retry(rest: &[Word]) -> Result<RetryConfig, String> {
    // `retry_after_statuses` is a list: read it apart from the one-value settings.
    let (lists, rest): (Vec<&Word>, Vec<&Word>) = rest
        .iter()
        .partition(|w| matches!(w, Word::Pair(k, _) if k == "retry_after_statuses"));
    let [Word::Pair(_, statuses)] = lists[..] else {
        return Err("`retry_after_statuses=` is missing, or given twice".into());
    };
    let mut set = StatusSet::EMPTY;
    if statuses[..] != ["-"] {
        for status in statuses {
            let n: u16 = number("retry_after_statuses", status)?;
            if !(StatusSet::FIRST..=StatusSet::LAST).contains(&n) {
                return Err(format!("`{n}` is not an error status"));
            }
            set = set.with(n);
        }
    }
    let keys = [
        "max_attempts",
        "base_delay_ms",
        "max_delay_ms",
        "honor_retry_after",
        "max_retry_after_ms",
    ];
    let v = settings(rest, &keys)?;
    Ok(RetryConfig {
        max_attempts: number(keys[0], v[0])?,
        base_delay_ms: number(keys[1], v[1])?,
        max_delay_ms: number(keys[2], v[2])?,
        honor_retry_after: HonorRetryAfter::ALL
            .into_iter()
            .find(|h| honor_word(*h) == v[3])
            .ok_or_else(|| {
                format!(
                    "`honor_retry_after={}`: expected `true`, `false` or `always`",
                    v[3]
                )
            })?,
        retry_after_statuses: set,
        max_retry_after_ms: number(keys[4], v[4])?,
    })
}

fn parse_breaker(rest: &[Word]) -> Result<CircuitBreakerConfig, String> {
    let keys = ["failure_threshold", "open_ms", "half_open_requests"];
    let v = settings(rest, &keys)?;
    Ok(CircuitBreakerConfig {
        failure_threshold: number(keys[0], v[0])?,
        open_ms: number(keys[1], v[1])?,
        half_open_requests: number(keys[2], v[2])?,
    })
}
