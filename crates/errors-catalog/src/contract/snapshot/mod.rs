//! The snapshot's text format: line-oriented, one item a line, codes sorted, so that
//! every change to the contract is a small diff.
//!
//! ```text
//! # errors-catalog contract, format 4
//! envelope flat
//! request_id_header X-Request-Id
//! timestamp true
//! grpc_domain api.example.com
//! key code errorCode
//! answer bad_request INVALID_REQUEST
//! answer method_not_allowed -
//! status 400 INVALID_REQUEST
//! status 429 RATE_LIMITED
//! retry max_attempts=5 base_delay_ms=1000 max_delay_ms=30000 honor_retry_after=true retry_after_statuses=429,503 max_retry_after_ms=300000
//! circuit_breaker failure_threshold=5 open_ms=30000 half_open_requests=1
//! category rate_limit_error
//! code RATE_LIMITED 429 retryable category=rate_limit_error grpc=RESOURCE_EXHAUSTED
//!   field retry_after wire=retryAfter type=u64 required in=details,header:Retry-After,message
//! code UNAUTHORIZED 401 final category=auth_error deprecated replacement=TOKEN_EXPIRED
//! code TOKEN_EXPIRED 401 after_refresh
//! code QUOTA 429 retryable aliases=OVER_QUOTA,QUOTA_HIT template="Quota {limit} exceeded." template.fr="Quota {limit} dépassé."
//!   field limit wire=limit type=u32 required in=message
//! code VALIDATION_FAILED 422 final
//!   field rule wire=rule type=string values=required,email required in=details
//! ```
//!
//! Format 1 had no `doc_url`, `request_id_header`, `answer` or `template=`; format 2
//! no `timestamp`, `status`, `retry` or `circuit_breaker`; format 3 no
//! `after_refresh`, `aliases=`, `replacement=`, `grpc_domain`, `grpc=` or `values=`. All still read, and what they do
//! not record is not compared.
//!
//! A value with a space, a quote, `=`, `,` or `#` in it is written as a JSON-style
//! quoted string.

use std::fmt;
use std::path::PathBuf;

mod parse;

pub(super) use parse::parse;

use super::text::quote;
use super::{CodeContract, Contract, FieldContract, Placement};
use crate::model::{HonorRetryAfter, RetryClass, RetryConfig};
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

/// Whether clients read a field of `error` back from its message: one sent neither
/// in `details`, nor as a header, nor as the typed envelope's `param`.
fn message_read_back(style: EnvelopeStyle, error: &crate::model::ErrorDef) -> bool {
    error.public_fields().any(|f| {
        !f.in_details
            && f.header.is_none()
            && !(style == EnvelopeStyle::Typed && error.param.as_ref() == Some(&f.name))
    })
}

pub(super) fn of(catalog: &Catalog) -> Contract {
    let style = catalog.envelope.style;
    let mut categories: Vec<String> = catalog.categories.iter().map(|c| c.name.clone()).collect();
    categories.sort();
    let mut codes: Vec<CodeContract> = catalog
        .errors
        .iter()
        .map(|error| CodeContract {
            translations: match message_read_back(style, error) {
                true => {
                    let mut all: Vec<(String, String)> = error
                        .translations
                        .iter()
                        .map(|t| (t.locale.clone(), t.message.to_string()))
                        .collect();
                    all.sort();
                    all
                }
                false => Vec::new(),
            },
            template: message_read_back(style, error).then(|| error.message_text()),
            code: error.code.clone(),
            status: error.status,
            retryable: error.retryable,
            retry_class: error.retry_class,
            category: error.category.clone(),
            deprecated: error.deprecated.is_some(),
            replacement: error
                .deprecation
                .as_ref()
                .and_then(|d| d.replacement.clone()),
            aliases: error.aliases.clone(),
            grpc: Some(error.grpc.as_str().to_owned()),
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
        grpc_domain: Some(catalog.grpc_domain.clone()),
        answers: Rejection::ALL
            .iter()
            .map(|&r| {
                (
                    r.key().to_owned(),
                    catalog.http_error(r).map(|e| e.code.clone()),
                )
            })
            .collect(),
        statuses: catalog
            .bare_answers()
            .into_iter()
            .map(|(status, error)| (status, error.code.clone()))
            .collect(),
        timestamp: Some(catalog.http.timestamp),
        retry: Some(catalog.retry),
        circuit_breaker: Some(catalog.circuit_breaker),
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

/// `retry ...`, as the catalog spells each setting.
fn retry_line(retry: &RetryConfig) -> String {
    let statuses: Vec<String> = retry
        .retry_after_statuses
        .iter()
        .map(|s| s.to_string())
        .collect();
    format!(
        "retry max_attempts={} base_delay_ms={} max_delay_ms={} honor_retry_after={} retry_after_statuses={} max_retry_after_ms={}\n",
        retry.max_attempts,
        retry.base_delay_ms,
        retry.max_delay_ms,
        honor_word(retry.honor_retry_after),
        if statuses.is_empty() {
            "-".to_owned()
        } else {
            statuses.join(",")
        },
        retry.max_retry_after_ms
    )
}

/// `true`, `false` or `always`.
pub(super) fn honor_word(honor: HonorRetryAfter) -> &'static str {
    match honor {
        HonorRetryAfter::Never => "false",
        HonorRetryAfter::FirstRetry => "true",
        HonorRetryAfter::Always => "always",
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
    if let Some(timestamp) = contract.timestamp {
        out.push_str(&format!("timestamp {timestamp}\n"));
    }
    if let Some(domain) = &contract.grpc_domain {
        out.push_str(&format!("grpc_domain {}\n", quote(domain)));
    }
    for (member, key) in &contract.keys {
        out.push_str(&format!("key {} {}\n", quote(member), quote(key)));
    }
    for (rejection, code) in &contract.answers {
        let code = code.as_deref().map_or_else(|| "-".to_owned(), quote);
        out.push_str(&format!("answer {} {code}\n", quote(rejection)));
    }
    for (status, code) in &contract.statuses {
        out.push_str(&format!("status {status} {}\n", quote(code)));
    }
    if let Some(retry) = &contract.retry {
        out.push_str(&retry_line(retry));
    }
    if let Some(b) = &contract.circuit_breaker {
        out.push_str(&format!(
            "circuit_breaker failure_threshold={} open_ms={} half_open_requests={}\n",
            b.failure_threshold, b.open_ms, b.half_open_requests
        ));
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
            retry_word(code.retry_class)
        ));
        if let Some(category) = &code.category {
            out.push_str(&format!(" category={}", quote(category)));
        }
        if code.deprecated {
            out.push_str(" deprecated");
        }
        if let Some(replacement) = &code.replacement {
            out.push_str(&format!(" replacement={}", quote(replacement)));
        }
        if !code.aliases.is_empty() {
            let aliases: Vec<String> = code.aliases.iter().map(|a| quote(a)).collect();
            out.push_str(&format!(" aliases={}", aliases.join(",")));
        }
        if let Some(grpc) = &code.grpc {
            out.push_str(&format!(" grpc={}", quote(grpc)));
        }
        if let Some(template) = &code.template {
            out.push_str(&format!(" template={}", quote(template)));
        }
        for (tag, template) in &code.translations {
            out.push_str(&format!(" template.{tag}={}", quote(template)));
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

/// The retry class as a code line spells it: `retryable`, `final`, `after_refresh`.
fn retry_word(class: RetryClass) -> &'static str {
    match class {
        RetryClass::Retryable => "retryable",
        RetryClass::Never => "final",
        RetryClass::AfterRefresh => "after_refresh",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

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
            text.contains("code B_CODE 429 retryable category=limits grpc=RESOURCE_EXHAUSTED\n"),
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
            "# errors-catalog contract, format 5\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("format 5 is not known"), "{err}");
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
