//! The reference as Markdown: one page, the codes in catalog order, each under an
//! `<a id="CODE">` anchor so that a `doc_url` of `.../errors#{code}` lands on it.

use std::fmt::Write as _;

use crate::example::Example;
use crate::guidance::{self, Meaning};
use crate::markdown_escape::Place::{Cell, Text};
use crate::markdown_escape::{code_span, description, inline, plain};
use crate::model::{Code, Reference};

/// The reference of `reference` as a Markdown page.
pub fn markdown(reference: &Reference) -> String {
    let mut out = String::with_capacity(2048 + reference.codes.len() * 1500);
    let style = reference.envelope.style;
    let _ = writeln!(
        out,
        "# {} error reference\n",
        plain(&one_line(&reference.name), Text)
    );
    out.push_str(
        "<!-- Generated from the error catalog by `errors-catalog docs`: edit the catalog, not this page. -->\n\n",
    );
    if let Some(intro) = &reference.description {
        out.push_str(&description(intro, Text));
        out.push_str("\n\n");
    }
    out.push_str(
        "Every error response uses the same envelope, with a stable machine-readable code. \
         Use the code, not the message, for branching logic.\n\n",
    );

    out.push_str("<a id=\"envelope-format\"></a>\n\n## Envelope\n\n");
    let _ = writeln!(
        out,
        "Style `{}`, sent as `{}`.\n",
        style.as_str(),
        style.content_type()
    );
    out.push_str("| Member | Type | Description |\n|---|---|---|\n");
    for member in guidance::envelope_members(reference) {
        let path = if member.path == "…" {
            "…".to_owned()
        } else {
            code_span(&member.path, Cell)
        };
        let _ = writeln!(
            out,
            "| {path} | {} | {} |",
            plain(member.ty, Cell),
            inline(&member.description, Cell)
        );
    }
    out.push('\n');
    if let Some(first) = reference.codes.first() {
        out.push_str("For example:\n\n");
        write_example(&mut out, reference, first);
    }

    out.push_str("<a id=\"status-codes\"></a>\n\n## Status code conventions\n\n");
    out.push_str("| Status | Meaning | Retry? |\n|---|---|---|\n");
    for row in guidance::status_rows(reference) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            row.status,
            match &row.meaning {
                Meaning::Catalog(text) => description(text, Cell),
                Meaning::Convention(text) => inline(text, Cell),
            },
            inline(&row.retry, Cell)
        );
    }
    out.push('\n');

    let categorized = reference.codes.iter().any(|c| c.category.is_some());
    out.push_str("<a id=\"error-codes\"></a>\n\n## Error codes\n\n");
    if categorized {
        out.push_str(
            "| Code | Status | Retryable | Category | Description |\n|---|---|---|---|---|\n",
        );
    } else {
        out.push_str("| Code | Status | Retryable | Description |\n|---|---|---|---|\n");
    }
    for c in &reference.codes {
        let _ = write!(
            out,
            "| [{}](#{}) | {} | {} |",
            code_span(&c.code, Cell),
            c.code,
            c.status,
            retry_cell(c)
        );
        if categorized {
            let _ = write!(
                out,
                " {} |",
                c.category
                    .as_deref()
                    .map(|name| code_span(name, Cell))
                    .unwrap_or_default()
            );
        }
        let deprecated = if c.deprecated.is_some() {
            "**Deprecated.** "
        } else {
            ""
        };
        let _ = writeln!(out, " {deprecated}{} |", summary(c));
    }
    out.push('\n');

    if !reference.categories.is_empty() {
        out.push_str("<a id=\"error-categories\"></a>\n\n## Categories\n\n");
        out.push_str("| Category | Description |\n|---|---|\n");
        for category in &reference.categories {
            let _ = writeln!(
                out,
                "| {} | {} |",
                code_span(&category.name, Cell),
                description(category.description.as_deref().unwrap_or(""), Cell)
            );
        }
        out.push('\n');
    }

    out.push_str("<a id=\"retry-strategy\"></a>\n\n## Retry strategy\n\n");
    for paragraph in guidance::retry_strategy(reference) {
        out.push_str(&inline(&paragraph, Text));
        out.push_str("\n\n");
    }
    out.push_str("<a id=\"circuit-breaker\"></a>\n\n## Circuit breaker\n\n");
    out.push_str("For high-volume integrations, put a circuit breaker in front of the API:\n\n");
    for item in guidance::circuit_breaker(reference) {
        let _ = writeln!(out, "- {}", inline(&item, Text));
    }
    out.push('\n');

    out.push_str("<a id=\"code-reference\"></a>\n\n## Codes\n\n");
    for c in &reference.codes {
        write_code(&mut out, reference, c);
    }
    out
}

fn write_code(out: &mut String, reference: &Reference, c: &Code) {
    let _ = writeln!(
        out,
        "<a id=\"{}\"></a>\n\n### {}: {}\n",
        c.code,
        code_span(&c.code, Text),
        plain(&one_line(&c.title), Text)
    );
    let _ = write!(
        out,
        "**{} {}** · {}",
        c.status,
        guidance::reason_phrase(c.status),
        retry_word(c)
    );
    if let Some(category) = &c.category {
        let _ = write!(out, " · category {}", code_span(category, Text));
    }
    let _ = write!(out, " · gRPC {}", code_span(c.grpc.as_str(), Text));
    out.push_str("\n\n");
    if let Some(reason) = &c.deprecated {
        out.push_str("> **Deprecated.**");
        if !reason.is_empty() {
            let _ = write!(out, " {}", plain(reason, Text).replace('\n', "\n> "));
        }
        if let Some(code) = &c.replacement {
            let _ = write!(out, " Replacement: [{}](#{code}).", code_span(code, Text));
        }
        out.push_str("\n\n");
    }
    if !c.aliases.is_empty() {
        let aliases: Vec<String> = c.aliases.iter().map(|a| code_span(a, Text)).collect();
        let _ = writeln!(
            out,
            "Old spellings, decoded as this code: {}.\n",
            aliases.join(", ")
        );
    }
    if let Some(text) = &c.description {
        out.push_str(&description(text, Text));
        out.push_str("\n\n");
    }
    match &c.message_by {
        None => {
            let _ = writeln!(out, "Message: {}\n", code_span(&c.template.source, Text));
        }
        Some(by) => {
            let _ = writeln!(out, "Message, by {}:\n", code_span(&by.field, Text));
            for (value, template) in &by.templates {
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    code_span(value, Text),
                    code_span(&template.source, Text)
                );
            }
            out.push('\n');
        }
    }
    if c.public_fields().next().is_some() {
        out.push_str("| Field | Wire name | Type | Required | Sent in | Description |\n|---|---|---|---|---|---|\n");
        for f in c.public_fields() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                code_span(&f.name, Cell),
                // A field kept out of `details` has no member name on the wire.
                if f.in_details {
                    code_span(&f.wire, Cell)
                } else {
                    "—".to_owned()
                },
                match f.values_text(|v| code_span(v, Cell)) {
                    Some(values) => format!("{}, {values}", code_span(&f.ty.to_string(), Cell)),
                    None => code_span(&f.ty.to_string(), Cell),
                },
                if f.optional { "no" } else { "yes" },
                inline(&guidance::placements(reference, c, f).join(", "), Cell),
                description(f.description.as_deref().unwrap_or(""), Cell)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}\n",
        inline(&guidance::code_retry(reference, c), Text)
    );
    write_example(out, reference, c);
}

fn write_example(out: &mut String, reference: &Reference, c: &Code) {
    let example = Example::of(reference, c);
    // Code is literal in every renderer, tags included, so the example shows the
    // wire as it is, in a fence longer than any backtick run in it: nothing in it
    // can close it.
    let mut text = format!(
        "HTTP/1.1 {} {}\n",
        example.status,
        guidance::reason_phrase(example.status)
    );
    for (name, value) in &example.headers {
        let _ = writeln!(text, "{name}: {value}");
    }
    let _ = write!(text, "\n{}", example.body);
    let fence = "`".repeat(longest_backtick_run(&text).max(2) + 1);
    let _ = writeln!(out, "{fence}http\n{text}\n{fence}\n");
}

/// The summary of a code in the codes table: its description, else its title.
fn summary(c: &Code) -> String {
    match &c.description {
        Some(text) => description(text, Cell),
        None => plain(&c.title, Cell),
    }
}

/// A heading's text: one line.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// The index's retry column.
fn retry_cell(c: &Code) -> &'static str {
    match c.retry_class {
        errors_vocab::RetryClass::AfterRefresh => "after refresh",
        _ if c.retryable => "yes",
        _ => "no",
    }
}

/// The retry word of a code's facts line.
pub(crate) fn retry_word(c: &Code) -> &'static str {
    match c.retry_class {
        errors_vocab::RetryClass::AfterRefresh => "retried after a credentials refresh",
        _ if c.retryable => "retryable",
        _ => "not retryable",
    }
}
