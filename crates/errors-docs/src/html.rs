//! The reference as one self-contained HTML page: inline style and script, no
//! external asset, every code under `id="CODE"` so that a `doc_url` of
//! `.../errors#{code}` lands on it.
//!
//! Built for catalogs of thousands of codes: the layout is linear (fixed table
//! layout, code sections skipped by the browser while off screen with
//! `content-visibility`), and a search box filters the codes table and sections on
//! the client, also from the page's `?q=` parameter so that a filtered view can be
//! linked to.

use std::fmt::Write as _;

use crate::example::Example;
use crate::guidance;
use crate::model::{Code, Reference};

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/search.js");

/// The reference of `reference` as a self-contained HTML page.
pub fn html(reference: &Reference) -> String {
    let mut out = String::with_capacity(8192 + reference.codes.len() * 2500);
    let title = format!("{} error reference", reference.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"errors-catalog docs\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<div class=\"search\"><input id=\"search-box\" type=\"search\" \
         placeholder=\"Filter codes: code, status, category, field, retryable or words\" aria-label=\"Filter codes\" autocomplete=\"off\">\
         <span id=\"search-count\" aria-live=\"polite\">{} codes</span></div>\n\
         <nav><a href=\"#envelope-format\">Envelope</a> <a href=\"#status-codes\">Status codes</a> \
         <a href=\"#error-codes\">Error codes</a>{} <a href=\"#retry-strategy\">Retry strategy</a> \
         <a href=\"#circuit-breaker\">Circuit breaker</a></nav>\n</header>\n<main>\n",
        escape(&title),
        reference.codes.len(),
        if reference.categories.is_empty() {
            ""
        } else {
            " <a href=\"#error-categories\">Categories</a>"
        }
    );
    if let Some(intro) = &reference.description {
        out.push_str("<section id=\"api-introduction\" class=\"intro\">\n");
        // A blank line separates paragraphs, as in the Markdown reference.
        for paragraph in intro.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let _ = writeln!(out, "<p>{}</p>", inline(paragraph));
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<p class=\"lead\">Every error response uses the same envelope, with a stable machine-readable code. \
         Use the code, not the message, for branching logic.</p>\n",
    );

    write_envelope(&mut out, reference);
    write_statuses(&mut out, reference);
    write_codes_table(&mut out, reference);
    write_categories(&mut out, reference);

    out.push_str("<section id=\"retry-strategy\">\n<h2>Retry strategy</h2>\n");
    for paragraph in guidance::retry_strategy(reference) {
        let _ = writeln!(out, "<p>{}</p>", inline(&paragraph));
    }
    out.push_str("</section>\n<section id=\"circuit-breaker\">\n<h2>Circuit breaker</h2>\n");
    out.push_str(
        "<p>For high-volume integrations, put a circuit breaker in front of the API:</p>\n<ul>\n",
    );
    for item in guidance::circuit_breaker(reference) {
        let _ = writeln!(out, "<li>{}</li>", inline(&item));
    }
    out.push_str("</ul>\n</section>\n");

    out.push_str("<section id=\"code-reference\">\n<h2>Codes</h2>\n");
    for c in &reference.codes {
        write_code(&mut out, reference, c);
    }
    out.push_str(
        "<p id=\"no-match\" hidden>No code matches the filter.</p>\n</section>\n</main>\n",
    );
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn write_envelope(out: &mut String, reference: &Reference) {
    let style = reference.envelope.style;
    let _ = writeln!(
        out,
        "<section id=\"envelope-format\">\n<h2>Envelope</h2>\n<p>Style <code>{}</code>, sent as <code>{}</code>.</p>",
        style.as_str(),
        style.content_type()
    );
    out.push_str("<table class=\"members\">\n<thead><tr><th>Member</th><th>Type</th><th>Description</th></tr></thead>\n<tbody>\n");
    for member in guidance::envelope_members(reference) {
        let path = if member.path == "…" {
            "…".to_owned()
        } else {
            format!("<code>{}</code>", escape(&member.path))
        };
        let _ = writeln!(
            out,
            "<tr><td>{path}</td><td>{}</td><td>{}</td></tr>",
            escape(member.ty),
            inline(&member.description)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(first) = reference.codes.first() {
        out.push_str("<p>For example:</p>\n");
        write_example(out, reference, first);
    }
    out.push_str("</section>\n");
}

fn write_statuses(out: &mut String, reference: &Reference) {
    out.push_str("<section id=\"status-codes\">\n<h2>Status code conventions</h2>\n");
    out.push_str("<table class=\"statuses\">\n<thead><tr><th>Status</th><th>Meaning</th><th>Retry?</th></tr></thead>\n<tbody>\n");
    for row in guidance::status_rows(reference) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            row.status,
            inline(row.meaning.text()),
            inline(&row.retry)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn write_codes_table(out: &mut String, reference: &Reference) {
    let categorized = reference.codes.iter().any(|c| c.category.is_some());
    out.push_str("<section id=\"error-codes\">\n<h2>Error codes</h2>\n");
    let _ = writeln!(
        out,
        "<table class=\"codes{}\">\n<thead><tr><th>Code</th><th>Status</th><th>Retryable</th>{}<th>Description</th></tr></thead>\n<tbody>",
        if categorized { " categorized" } else { "" },
        if categorized { "<th>Category</th>" } else { "" }
    );
    for c in &reference.codes {
        let _ = write!(
            out,
            "<tr data-search=\"{}\"><td><a href=\"#{}\"><code>{}</code></a></td><td>{}</td><td>{}</td>",
            escape(&search_text(c)),
            escape(&c.code),
            escape(&c.code),
            c.status,
            match c.retry_class {
                errors_vocab::RetryClass::AfterRefresh => "after refresh",
                _ if c.retryable => "yes",
                _ => "no",
            }
        );
        if categorized {
            let _ = write!(
                out,
                "<td>{}</td>",
                c.category
                    .as_deref()
                    .map(|name| format!("<code>{}</code>", escape(name)))
                    .unwrap_or_default()
            );
        }
        let deprecated = if c.deprecated.is_some() {
            "<span class=\"badge deprecated\">deprecated</span> "
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<td>{deprecated}{}</td></tr>",
            inline(c.description.as_deref().unwrap_or(&c.title))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn write_categories(out: &mut String, reference: &Reference) {
    if reference.categories.is_empty() {
        return;
    }
    out.push_str("<section id=\"error-categories\">\n<h2>Categories</h2>\n");
    out.push_str("<table class=\"categories\">\n<thead><tr><th>Category</th><th>Description</th></tr></thead>\n<tbody>\n");
    for category in &reference.categories {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td></tr>",
            escape(&category.name),
            inline(category.description.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn write_code(out: &mut String, reference: &Reference, c: &Code) {
    let _ = writeln!(
        out,
        "<article class=\"code\" id=\"{}\" data-search=\"{}\">\n<h3><a class=\"anchor\" href=\"#{}\"><code>{}</code></a> {}</h3>",
        escape(&c.code),
        escape(&search_text(c)),
        escape(&c.code),
        escape(&c.code),
        escape(&c.title)
    );
    let _ = write!(
        out,
        "<p class=\"facts\"><span class=\"badge status s{}\">{} {}</span> <span class=\"badge {}\">{}</span>",
        c.status / 100,
        c.status,
        escape(guidance::reason_phrase(c.status)),
        if c.retryable { "retryable" } else { "final" },
        crate::markdown::retry_word(c)
    );
    if let Some(category) = &c.category {
        let _ = write!(
            out,
            " <span class=\"badge category\">{}</span>",
            escape(category)
        );
    }
    let _ = write!(
        out,
        " <span class=\"badge grpc\">gRPC {}</span>",
        c.grpc.as_str()
    );
    if c.deprecated.is_some() {
        out.push_str(" <span class=\"badge deprecated\">deprecated</span>");
    }
    out.push_str("</p>\n");
    if let Some(reason) = &c.deprecated {
        let replacement = c.replacement.as_deref().map_or_else(String::new, |code| {
            let code = escape(code);
            format!(" Replacement: <a href=\"#{code}\"><code>{code}</code></a>.")
        });
        let _ = writeln!(
            out,
            "<p class=\"deprecation\"><strong>Deprecated.</strong> {}{replacement}</p>",
            inline(reason)
        );
    }
    if !c.aliases.is_empty() {
        let aliases: Vec<String> = c
            .aliases
            .iter()
            .map(|a| format!("<code>{}</code>", escape(a)))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"aliases\">Old spellings, decoded as this code: {}.</p>",
            aliases.join(", ")
        );
    }
    if let Some(description) = &c.description {
        let _ = writeln!(out, "<p>{}</p>", inline(description));
    }
    match &c.message_by {
        None => {
            let _ = writeln!(
                out,
                "<p>Message: <code class=\"template\">{}</code></p>",
                escape(&c.template.source)
            );
        }
        Some(by) => {
            let _ = writeln!(
                out,
                "<p>Message, by <code>{}</code>:</p>\n<ul class=\"templates\">",
                escape(&by.field)
            );
            for (value, template) in &by.templates {
                let _ = writeln!(
                    out,
                    "<li><code>{}</code>: <code class=\"template\">{}</code></li>",
                    escape(value),
                    escape(&template.source)
                );
            }
            out.push_str("</ul>\n");
        }
    }
    if c.public_fields().next().is_some() {
        out.push_str("<table class=\"fields\">\n<thead><tr><th>Field</th><th>Wire name</th><th>Type</th><th>Required</th><th>Sent in</th><th>Description</th></tr></thead>\n<tbody>\n");
        for f in c.public_fields() {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&f.name),
                // A field kept out of `details` has no member name on the wire.
                if f.in_details {
                    format!("<code>{}</code>", escape(&f.wire))
                } else {
                    "—".to_owned()
                },
                match f.values_text(|v| format!("<code>{}</code>", escape(v))) {
                    Some(values) => format!("<code>{}</code>, {values}", escape(&f.ty.to_string())),
                    None => format!("<code>{}</code>", escape(&f.ty.to_string())),
                },
                if f.optional { "no" } else { "yes" },
                inline(&guidance::placements(reference, c, f).join(", ")),
                inline(f.description.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(
        out,
        "<p>{}</p>",
        inline(&guidance::code_retry(reference, c))
    );
    write_example(out, reference, c);
    out.push_str("</article>\n");
}

fn write_example(out: &mut String, reference: &Reference, c: &Code) {
    let example = Example::of(reference, c);
    let _ = write!(
        out,
        "<pre class=\"example\"><code><span class=\"http\">HTTP/1.1 {} {}",
        example.status,
        escape(guidance::reason_phrase(example.status))
    );
    for (name, value) in &example.headers {
        let _ = write!(out, "\n{}: {}", escape(name), escape(value));
    }
    let _ = writeln!(out, "</span>\n\n{}</code></pre>", escape(&example.body));
}

/// What the search box matches a code against, lower case: its code, status, title,
/// message template, category, description, the names of the fields clients see (as
/// in the catalog and on the wire), and the words `retryable` and `deprecated` where
/// they hold.
fn search_text(c: &Code) -> String {
    let mut text = format!("{} {} {} {}", c.code, c.status, c.title, c.template.source);
    for (_, template) in c.message_by.iter().flat_map(|by| &by.templates).skip(1) {
        text.push(' ');
        text.push_str(&template.source);
    }
    for part in [&c.category, &c.description].into_iter().flatten() {
        text.push(' ');
        text.push_str(part);
    }
    for f in c.public_fields() {
        text.push(' ');
        text.push_str(&f.name);
        if f.wire != f.name {
            text.push(' ');
            text.push_str(&f.wire);
        }
    }
    if c.retryable {
        text.push_str(" retryable");
    }
    if c.deprecated.is_some() {
        text.push_str(" deprecated");
    }
    for alias in &c.aliases {
        text.push(' ');
        text.push_str(alias);
    }
    text.to_lowercase()
}

/// Inline markup: HTML-escaped text, with `` `code` `` spans as `<code>`.
fn inline(text: &str) -> String {
    let pieces: Vec<&str> = text.split('`').collect();
    let balanced = pieces.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 16);
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if i % 2 == 1 && (balanced || !last) {
            let _ = write!(out, "<code>{}</code>", escape(piece));
        } else {
            if i % 2 == 1 {
                out.push('`'); // an unmatched backtick stays as written
            }
            out.push_str(&escape(piece));
        }
    }
    out
}

/// Text escaped for HTML content and double-quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes are identifiers, so no id of the page's own, which all have a `-`, can
    /// take a code's anchor, whatever the codes are called.
    #[cfg(feature = "catalog")]
    #[test]
    fn the_page_s_own_ids_cannot_be_codes() {
        let catalog = errors_catalog::Catalog::from_str(
            "c.toml",
            "[catalog]\ncode_case = \"snake_case\"\n[categories.x]\n[errors.search]\nstatus = 400\nmessage = \"m\"\ncategory = \"x\"\n",
        )
        .unwrap();
        let page = html(&Reference::from(&catalog));
        let ids: Vec<&str> = page
            .match_indices(" id=\"")
            .map(|(i, _)| {
                let rest = &page[i + 5..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect();
        assert!(ids.len() > 8, "{ids:?}");
        for id in ids {
            assert!(id == "search" || id.contains('-'), "{id}");
        }
        assert_eq!(page.matches(" id=\"search\"").count(), 1);
    }

    #[test]
    fn inline_markup_escapes_and_marks_code() {
        assert_eq!(inline("a `<b>` & c"), "a <code>&lt;b&gt;</code> &amp; c");
        assert_eq!(inline("odd ` tick"), "odd ` tick");
        assert_eq!(inline("`x` and ` y"), "<code>x</code> and ` y");
    }
}
