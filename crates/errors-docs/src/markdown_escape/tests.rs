//! Hostile and ordinary inputs of each escaping rule.

use super::Place::{Cell, Text};
use super::*;

#[test]
fn plain_text_renders_as_written() {
    assert_eq!(
        plain("<script>alert(1)</script> & co", Text),
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    );
    assert_eq!(
        plain("*bold* [x](javascript:alert(1)) `c` ~s~ \\", Text),
        "\\*bold\\* \\[x\\](javascript:alert(1)) \\`c\\` \\~s\\~ \\\\"
    );
    assert_eq!(plain("retry_after _x_", Text), "retry_after \\_x\\_");
    assert_eq!(
        plain("# h\n- i\n1. j\n=", Text),
        "\\# h\n\\- i\n1\\. j\n\\="
    );
    assert_eq!(plain("a - b # c 1. d", Text), "a - b # c 1. d");
}

#[test]
fn pipes_are_escaped_only_in_cells() {
    assert_eq!(plain("a|b", Text), "a|b");
    assert_eq!(plain("a|b\nc", Cell), "a\\|b c");
    assert_eq!(code_span("a|b", Text), "`a|b`");
    assert_eq!(code_span("a|b", Cell), "`a\\|b`");
    assert_eq!(description("a|b", Text), "a|b");
    assert_eq!(description("a|b `c|d`", Cell), "a\\|b `c\\|d`");
    assert_eq!(
        description("already \\| escaped", Cell),
        "already \\| escaped"
    );
}

#[test]
fn code_spans_fence_backticks_and_hold_no_raw_markup() {
    assert_eq!(code_span("a", Text), "`a`");
    assert_eq!(
        code_span("lacks the `{scope}` scope", Text),
        "``lacks the `{scope}` scope``"
    );
    assert_eq!(code_span("`x`", Text), "`` `x` ``");
    assert_eq!(code_span("a\n\nb", Text), "`a  b`");
    assert_eq!(
        code_span("<script>alert(1)</script>", Text),
        "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"
    );
    assert_eq!(
        code_span("[x](javascript:y)", Text),
        "<code>\\[x\\](javascript:y)</code>"
    );
}

#[test]
fn inline_wording_marks_code() {
    assert_eq!(
        inline("wait `Retry-After` *", Text),
        "wait `Retry-After` \\*"
    );
    assert_eq!(inline("odd ` tick", Text), "odd \\` tick");
}

#[test]
fn descriptions_keep_markdown_and_safe_links() {
    let text = "**Bold**, _em_, `code`, [docs](https://example.com/a_(b)), [rel](/errors#X), \
                [top](#codes), <https://example.com>, ![img](img/x.png \"t\")\n\n- item\n> quote";
    assert_eq!(description(text, Text), text);
    assert_eq!(
        description("[ref]: https://example.com", Text),
        "[ref]: https://example.com"
    );
}

#[test]
fn descriptions_escape_raw_html() {
    for (hostile, expected) in [
        (
            "<script>alert(1)</script>",
            "&lt;script>alert(1)&lt;/script>",
        ),
        (
            "<img src=x onerror=alert(1)>",
            "&lt;img src=x onerror=alert(1)>",
        ),
        ("<!-- c --> <![CDATA[x]]>", "&lt;!-- c --> &lt;![CDATA[x]]>"),
        ("\\<script>", "&lt;script>"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)>"),
        ("`<b>` and `a`", "<code>&lt;b&gt;</code> and `a`"),
        ("`unclosed <b>", "\\`unclosed &lt;b>"),
    ] {
        let safe = description(hostile, Text);
        assert_eq!(safe, expected, "{hostile}");
        assert!(!safe.contains("<script") && !safe.contains("<img") && !safe.contains("<!"));
    }
}

#[test]
fn descriptions_write_other_link_targets_as_plain_text() {
    for hostile in [
        "[x](javascript:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](java\\script:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "![x](javascript:alert(1))",
        "[x](\njavascript:alert(1))",
        "[x]: javascript:alert(1)",
        "[x]:\n  javascript:alert(1)",
        "- [x]: data:text/html,hi",
        "[x](mailto:a@example.com)",
    ] {
        let safe = description(hostile, Text);
        assert!(
            !safe.contains("](") && !safe.contains("]:"),
            "{hostile} -> {safe}"
        );
        assert!(
            safe.contains("\\]\\(") || safe.contains("\\]\\:"),
            "{hostile} -> {safe}"
        );
    }
    assert_eq!(
        description("[click](javascript:alert(1))", Text),
        "[click\\]\\(javascript:alert(1))"
    );
}

#[test]
fn code_that_a_table_would_split_stays_safe() {
    // GFM splits a row at `|` before it looks for code spans: escaped pipes keep
    // the span whole, and a span holding markup is written as a `<code>` element.
    let safe = description("`a | <script>` and `b | [x](javascript:y)`", Cell);
    assert_eq!(
        safe,
        "<code>a \\| &lt;script&gt;</code> and <code>b \\| \\[x\\](javascript:y)</code>"
    );
}

#[test]
fn fenced_code_is_kept_and_closed() {
    let text = "Example:\n\n```html\n<b>x</b>\n```\n\nafter <i>";
    assert_eq!(
        description(text, Text),
        "Example:\n\n```html\n<b>x</b>\n```\n\nafter &lt;i>"
    );
    // Left open, the fence would swallow the rest of the page.
    assert_eq!(description("~~~~\n<b>", Text), "~~~~\n<b>\n~~~~");
    // An indented fence is scanned as text.
    assert_eq!(description("  ```\n<b>", Text), "  \\`\\`\\`\n&lt;b>");
}
