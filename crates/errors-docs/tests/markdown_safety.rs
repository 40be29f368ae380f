//! A catalog written to attack its readers (SPEC 9.3): raw HTML and `javascript:`
//! links in titles, descriptions and messages, and pipes that would break tables.
//! Its Markdown reference holds no tag of the catalog's, no link but to `http(s)` or
//! relative targets, and tables whose rows keep their columns.

use errors_catalog::Catalog;
use errors_docs::Reference;

const HOSTILE: &str = r#"
[catalog]
envelope = "typed"

[categories.evil]
description = "<script>alert('category')</script> [c](javascript:alert(1)) a|b"

[errors.HOSTILE]
status = 422
title = "<img src=x onerror=alert(1)> [t](javascript:alert(1)) *x* | y"
message = "Bad <script>alert(1)</script> value | {field} [m](javascript:alert(1))"
category = "evil"
description = """
Keep **this** and [the docs](https://example.com/docs) and [that](/errors#HOSTILE).

<script>alert('description')</script>
[click](javascript:alert(1)) ![img](data:text/html;base64,PHNjcmlwdD4=)
[ref]: vbscript:msgbox(1)
`code | with <b>tags</b>`
"""
deprecated = "<b>Use</b> [other](javascript:alert(1)) | now"

[errors.HOSTILE.details]
field = { type = "string", description = "<iframe src=javascript:alert(1)> [f](JAVASCRIPT:x) | piped" }
"#;

fn markdown() -> String {
    let catalog = Catalog::from_str("hostile.toml", HOSTILE).unwrap_or_else(|d| panic!("{d}"));
    errors_docs::markdown(&Reference::from(&catalog))
}

/// `markdown` without its fenced code blocks (the examples), where nothing is a link.
fn outside_code_blocks(markdown: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every target of an inline link or a link definition in `markdown`.
fn link_targets(markdown: &str) -> Vec<String> {
    let markdown = &outside_code_blocks(markdown);
    let mut targets = Vec::new();
    let bytes = markdown.as_bytes();
    for (i, _) in markdown.match_indices(']') {
        if i > 0 && bytes[i - 1] == b'\\' {
            continue;
        }
        let rest = &markdown[i + 1..];
        let target = if let Some(rest) = rest.strip_prefix('(') {
            rest.trim_start()
        } else if let Some(rest) = rest.strip_prefix(':') {
            rest.trim_start()
        } else {
            continue;
        };
        let end = target
            .find(|c: char| c.is_whitespace() || c == ')')
            .unwrap_or(target.len());
        targets.push(target[..end].to_owned());
    }
    targets
}

#[test]
fn no_tag_of_the_catalog_reaches_the_markdown() {
    let md = markdown();
    // The examples are fenced code, where a renderer shows every character as it is
    // (the wire as a client receives it); no fence line is in a catalog text.
    let fences = md.lines().filter(|l| l.starts_with("```")).count();
    assert_eq!(fences, 4, "two examples, each opened and closed");
    let prose = outside_code_blocks(&md).to_lowercase();
    for tag in ["<script", "<img", "<iframe", "<b>"] {
        assert!(!prose.contains(tag), "{tag} in:\n{md}");
    }
    // The text is still there, escaped, and Markdown the description meant is kept.
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(md.contains("Keep **this** and [the docs](https://example.com/docs)"));
}

#[test]
fn links_only_go_to_http_or_relative_targets() {
    let md = markdown();
    let targets = link_targets(&md);
    assert!(
        targets.contains(&"https://example.com/docs".to_owned()),
        "{targets:?}"
    );
    assert!(
        targets.contains(&"/errors#HOSTILE".to_owned()),
        "{targets:?}"
    );
    for target in &targets {
        let lower = target.to_lowercase();
        let relative = !target.split(['/', '?', '#']).next().unwrap().contains(':');
        assert!(
            lower.starts_with("http://") || lower.starts_with("https://") || relative,
            "a link to {target}"
        );
    }
    // Refused targets read as plain text.
    assert!(md.contains("[click\\]\\(javascript:alert(1))"), "{md}");
}

#[test]
fn pipes_are_escaped_in_tables_only() {
    let md = markdown();
    // Outside tables a message's `|` shows as written.
    assert!(
        md.contains("Message: <code>Bad &lt;script&gt;alert(1)&lt;/script&gt; value | {field} \\[m\\](javascript:alert(1))</code>"),
        "{md}"
    );
    assert!(md.contains("\\<b\\>") || md.contains("&lt;b&gt;Use&lt;/b&gt;"));
    assert!(md.contains("| now"), "the deprecation reason's pipe: {md}");
    assert!(md.contains("\\*x\\* | y\n"), "the title's pipe: {md}");
    // In tables every row has as many unescaped pipes as its header.
    let mut columns = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let pipes = line
            .char_indices()
            .filter(|&(i, c)| c == '|' && (i == 0 || !line[..i].ends_with('\\')))
            .count();
        match columns {
            None => columns = Some(pipes),
            Some(n) => assert_eq!(pipes, n, "a row that breaks its table: {line}"),
        }
    }
    let hostile_row = md.lines().find(|l| l.starts_with("| [`HOSTILE`]")).unwrap();
    assert!(
        hostile_row.contains("a\\|b") || hostile_row.contains("\\|"),
        "{hostile_row}"
    );
    let field_row = md.lines().find(|l| l.starts_with("| `field` |")).unwrap();
    assert!(field_row.ends_with("\\| piped |"), "{field_row}");
}
