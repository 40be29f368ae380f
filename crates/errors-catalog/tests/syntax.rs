//! Files that cannot be read, are not UTF-8, or are not TOML.

mod common;
mod generate;

use common::{fixture_dir, problem, problems};
use errors_catalog::Catalog;
use generate::catalogs;
use generate::rng::Rng;

#[test]
fn toml_syntax_errors_point_at_the_problem() {
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"unterminated\n"),
        "catalog.toml:3:24: TOML syntax error: invalid basic string, expected `\"`"
    );
    assert_eq!(
        problem("[errors.X\nstatus = 1\n"),
        "catalog.toml:1:10: TOML syntax error: unclosed table, expected `]`"
    );
}

#[test]
fn every_syntax_error_is_reported() {
    assert_eq!(
        problems("a = \n[errors.Y]\nmessage = \"x\n"),
        [
            "catalog.toml:1:5: TOML syntax error: string values must be quoted, expected literal string",
            "catalog.toml:3:13: TOML syntax error: invalid basic string, expected `\"`",
        ]
    );
}

#[test]
fn duplicate_keys_and_tables_are_named() {
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nstatus = 401\nmessage = \"m\"\n"),
        "catalog.toml:3:1: TOML syntax error: `status` is defined twice; a key, or a table header, can appear once per table; merge the two"
    );
    assert_eq!(
        problems("[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X]\nmessage = \"n\"\n")[0],
        "catalog.toml:4:9: TOML syntax error: `X` is defined twice; a key, or a table header, can appear once per table; merge the two"
    );
}

#[test]
fn a_missing_file_names_the_resolved_path() {
    let dir = fixture_dir("missing-root");
    let path = dir.join("nowhere.toml");
    let err = Catalog::load(&path).unwrap_err();
    let line = err.to_string();
    assert_eq!(
        line,
        format!(
            "{}:1:1: cannot read the catalog file `{}`: no such file; check the path; it is resolved against the directory shown",
            path.display(),
            path.display()
        )
    );
    assert_eq!(err.len(), 1);
}

#[test]
fn a_relative_path_is_shown_as_given_and_resolved_in_the_message() {
    let err = Catalog::load("definitely/not/here.toml").unwrap_err();
    let resolved = std::env::current_dir()
        .unwrap()
        .join("definitely/not/here.toml");
    assert_eq!(
        err.to_string(),
        format!(
            "definitely/not/here.toml:1:1: cannot read the catalog file `{}`: no such file; check the path; it is resolved against the directory shown",
            resolved.display()
        )
    );
}

#[test]
fn a_directory_is_not_a_catalog() {
    let dir = fixture_dir("directory-root");
    let err = Catalog::load(&dir).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:1:1: cannot read the catalog file `{}`: it is a directory",
            dir.display(),
            dir.display()
        )
    );
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    let dir = fixture_dir("not-utf8");
    let path = dir.join("catalog.toml");
    std::fs::write(&path, b"[errors.X]\nstatus = 400\nmessage = \"caf\xe9\"\n").unwrap();
    assert_eq!(
        Catalog::load(&path).unwrap_err().to_string(),
        format!(
            "{}:3:15: the catalog file is not valid UTF-8; save it as UTF-8",
            path.display()
        )
    );
}

#[test]
fn render_shows_the_line_and_a_caret_under_the_span() {
    let err = Catalog::from_str(
        "api.toml",
        "[errors.NOT_FOUND]\nstatus = 404\nmesage = \"Not found.\"\n",
    )
    .unwrap_err();
    assert_eq!(
        err.render(),
        "error: unknown key `mesage` in `[errors.NOT_FOUND]`\n \
         --> api.toml:3:1\n  \
         |\n\
         3 | mesage = \"Not found.\"\n  \
         | ^^^^^^ did you mean `message`?\n\
         \n\
         error: the catalog has 1 problem\n"
    );
}

/// A UTF-8 byte order mark opens many files saved on Windows: it is no column.
#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    assert_eq!(
        problem("\u{feff}bogus = 1\n[errors.X]\nstatus = 400\nmessage = \"m\"\n"),
        "catalog.toml:1:1: unknown key `bogus` in the catalog file; expected one of: catalog, envelope, retry, circuit_breaker, http, statuses, categories, errors, locales"
    );
    assert_eq!(
        problem("\u{feff}[errors.\"ÜBER\"]\nstatus = 400\nmessage = \"m\"\n"),
        "catalog.toml:1:9: `ÜBER` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `UEBER`"
    );
}

/// Any catalog gives the same diagnostics, positions included, with and without a
/// byte order mark; and rendering shows line 1 without it.
#[test]
fn a_byte_order_mark_changes_no_diagnostic() {
    let mut rng = Rng::new(0xFEFF);
    let first_lines = [
        "bogus = 1\n",
        "[errors.\"ÜBER\"]\nstatus = 4000\nmessage = \"{x}\"\n",
        "[catalog]\nenvelope = \"flatt\"\n",
        "[errors.X]  status = 400\n",
        "[errors.X.details]\n",
        "x = \"é{\"\n",
        "",
    ];
    let mut compared = 0;
    for _ in 0..300 {
        let text = format!(
            "{}{}",
            rng.pick(&first_lines),
            catalogs::root(&mut rng, &[])
        );
        let plain = problems(&text);
        let with_bom = problems(&format!("\u{feff}{text}"));
        assert_eq!(with_bom, plain, "{text}");
        compared += usize::from(plain.iter().any(|d| d.starts_with("catalog.toml:1:")));
        if let Err(d) = Catalog::from_str("catalog.toml", &format!("\u{feff}{text}")) {
            assert!(!d.render().contains('\u{feff}'), "{}", d.render());
        }
    }
    assert!(
        compared > 50,
        "only {compared} catalogs had a problem on line 1"
    );
}

/// Nesting past the TOML parser's limit says what to do; when the parser gives no
/// position (dotted keys), the diagnostic is at the start of the content (after a
/// byte order mark, as every other one).
#[test]
fn nesting_past_the_parsers_limit_is_explained() {
    let dotted = format!(
        "[errors.{}X]\nstatus = 400\nmessage = \"m\"\n",
        "s.".repeat(200)
    );
    let expected = "catalog.toml:1:1: TOML syntax error: arrays, inline tables or dotted keys are nested deeper than the TOML parser allows; nest them less deeply; a catalog needs a few levels at most";
    assert_eq!(problems(&dotted), [expected]);
    assert_eq!(problems(&format!("\u{feff}{dotted}")), [expected]);
    // Deep arrays are refused where the limit is met.
    assert_eq!(
        problems(&format!(
            "a = {}1{}\n",
            "[".repeat(5_000),
            "]".repeat(5_000)
        )),
        [expected.replace("1:1:", "1:85:")]
    );
}

/// Hostile sizes stay cheap: a file of 100,000 syntax errors reports the first 100 and
/// how many more; a long line is shown as a window around each diagnostic.
#[test]
fn many_syntax_errors_are_counted_not_listed() {
    let found = problems(&format!("{}\n", ".".repeat(100_000)));
    assert_eq!(found.len(), 101);
    let (at, rest) = found[100].split_at("catalog.toml:1:100: ".len());
    assert_eq!(at, "catalog.toml:1:100: ", "{}", found[100]);
    let (count, rest) = rest.split_once(' ').unwrap();
    assert!(count.parse::<u32>().unwrap() > 99_000, "{}", found[100]);
    assert_eq!(
        rest,
        "more TOML syntax errors in this file; fix the ones above first: the rest often follow from them"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_around_each_diagnostic() {
    // 20,000 errors on one line, each with two problems.
    let entries: Vec<String> = (0..20_000)
        .map(|i| format!("E{i} = {{ status = 1 }}"))
        .collect();
    let text = format!("errors = {{ {} }}\n", entries.join(", "));
    let diagnostics = Catalog::from_str("catalog.toml", &text).unwrap_err();
    assert_eq!(diagnostics.len(), 40_000);
    let rendered = diagnostics.render();
    assert!(rendered.len() < 40_000 * 400, "{} bytes", rendered.len());
    let last = diagnostics.iter().last().unwrap().to_string();
    assert!(last.starts_with("catalog.toml:1:"), "{last}");
    // The window of one diagnostic: cut on both sides, the caret under the span.
    let block = rendered
        .split("\n\n")
        .find(|b| b.contains("`[errors.E10000]` has no `message`"))
        .unwrap();
    let lines: Vec<&str> = block.lines().collect();
    let (shown, carets) = (lines[3], lines[4]);
    assert!(
        shown.starts_with("1 | …") && shown.ends_with('…'),
        "{shown}"
    );
    let at = carets.chars().position(|c| c == '^').unwrap();
    let under: String = shown.chars().skip(at).take(6).collect();
    assert_eq!(under, "E10000");
}
