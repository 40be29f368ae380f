//! Files that cannot be read, are not UTF-8, or are not TOML.

mod common;

use common::{fixture_dir, problem, problems};
use errors_catalog::Catalog;

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
