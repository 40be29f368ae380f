//! The reference as Markdown: one page, the codes in catalog order, each under an
//! `<a id="CODE">` anchor so that a `doc_url` of `.../errors#{code}` lands on it.

use std::fmt::Write as _;

use crate::example::Example;
use crate::guidance;
use crate::model::{Code, Reference};

/// The reference of `reference` as a Markdown page.
pub fn markdown(reference: &Reference) -> String {
    let mut out = String::with_capacity(2048 + reference.codes.len() * 1500);
    let style = reference.envelope.style;
    let _ = writeln!(out, "# {} error reference\n", reference.name);
    out.push_str(
        "<!-- Generated from the error catalog by `errors-catalog docs`: edit the catalog, not this page. -->\n\n",
    );
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
            code(&member.path)
        };
        let _ = writeln!(
            out,
            "| {path} | {} | {} |",
            member.ty,
            cell(&member.description)
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
            cell(row.meaning),
            cell(&row.retry)
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
            code(&c.code),
            c.code,
            c.status,
            if c.retryable { "yes" } else { "no" }
        );
        if categorized {
            let _ = write!(
                out,
                " {} |",
                c.category.as_deref().map(code).unwrap_or_default()
            );
        }
        let mut description = summary(c);
        if c.deprecated.is_some() {
            description.insert_str(0, "**Deprecated.** ");
        }
        let _ = writeln!(out, " {} |", cell(&description));
    }
    out.push('\n');

    if !reference.categories.is_empty() {
        out.push_str("<a id=\"error-categories\"></a>\n\n## Categories\n\n");
        out.push_str("| Category | Description |\n|---|---|\n");
        for category in &reference.categories {
            let _ = writeln!(
                out,
                "| {} | {} |",
                code(&category.name),
                cell(category.description.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }

    out.push_str("<a id=\"retry-strategy\"></a>\n\n## Retry strategy\n\n");
    for paragraph in guidance::retry_strategy(reference) {
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
    out.push_str("<a id=\"circuit-breaker\"></a>\n\n## Circuit breaker\n\n");
    out.push_str("For high-volume integrations, put a circuit breaker in front of the API:\n\n");
    for item in guidance::circuit_breaker(reference) {
        let _ = writeln!(out, "- {item}");
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
        code(&c.code),
        c.title
    );
    let _ = write!(
        out,
        "**{} {}** · {}",
        c.status,
        guidance::reason_phrase(c.status),
        if c.retryable {
            "retryable"
        } else {
            "not retryable"
        }
    );
    if let Some(category) = &c.category {
        let _ = write!(out, " · category {}", code(category));
    }
    out.push_str("\n\n");
    if let Some(reason) = &c.deprecated {
        out.push_str("> **Deprecated.**");
        if !reason.is_empty() {
            let _ = write!(out, " {}", reason.replace('\n', "\n> "));
        }
        out.push_str("\n\n");
    }
    if let Some(description) = &c.description {
        out.push_str(description);
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "Message: {}\n", code(&c.template.source));
    if c.public_fields().next().is_some() {
        out.push_str("| Field | Wire name | Type | Required | Sent in | Description |\n|---|---|---|---|---|---|\n");
        for f in c.public_fields() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                code(&f.name),
                // A field kept out of `details` has no member name on the wire.
                if f.in_details {
                    code(&f.wire)
                } else {
                    "—".to_owned()
                },
                code(&f.ty.to_string()),
                if f.optional { "no" } else { "yes" },
                guidance::placements(reference, c, f).join(", "),
                cell(f.description.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n", guidance::code_retry(reference, c));
    write_example(out, reference, c);
}

fn write_example(out: &mut String, reference: &Reference, c: &Code) {
    let example = Example::of(reference, c);
    let _ = writeln!(
        out,
        "```http\nHTTP/1.1 {} {}",
        example.status,
        guidance::reason_phrase(example.status)
    );
    for (name, value) in &example.headers {
        let _ = writeln!(out, "{name}: {value}");
    }
    let _ = writeln!(out, "\n{}\n```\n", example.body);
}

/// The first sentence-ish summary of a code: its description, else its title.
fn summary(c: &Code) -> String {
    c.description.clone().unwrap_or_else(|| c.title.clone())
}

/// `text` as an inline code span, fenced with a longer run of backticks than any in
/// it.
fn code(text: &str) -> String {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", cell(text))
}

/// Text fit for a table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(
            code("lacks the `{scope}` scope"),
            "``lacks the `{scope}` scope``"
        );
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }
}
