//! `[catalog] description` and `[statuses.N] description`: the API's own words for
//! the reference (SPEC 9.3), read with positions and checked like every table.

mod common;

use common::{fixture_dir, load_ok, problem, problems, write_files};

const ERROR: &str =
    "[errors.VALIDATION_ERROR]\nstatus = 422\nmessage = \"Request validation failed.\"\n";

#[test]
fn the_introduction_and_status_descriptions_are_read() {
    let catalog = load_ok(&format!(
        "[catalog]\ndescription = \"\"\"\nThe Bookings API.\n\nErrors share one envelope.\"\"\"\n\n\
         [statuses.429]\ndescription = \"Slow down.\"\n\n\
         [statuses.422]\ndescription = \"422 errors contain user-friendly messages that can be shown to end users.\"\n\n{ERROR}"
    ));
    assert_eq!(
        catalog.description.as_deref(),
        Some("The Bookings API.\n\nErrors share one envelope.")
    );
    // By ascending status, whatever the order written, each where it is declared.
    let statuses: Vec<(u16, &str, String)> = catalog
        .statuses
        .iter()
        .map(|s| (s.status, s.description.as_str(), s.location.to_string()))
        .collect();
    assert_eq!(
        statuses,
        [
            (
                422,
                "422 errors contain user-friendly messages that can be shown to end users.",
                "catalog.toml:10:11".to_owned()
            ),
            (429, "Slow down.", "catalog.toml:7:11".to_owned()),
        ]
    );
    assert_eq!(catalog.status_description(429), Some("Slow down."));
    assert_eq!(catalog.status_description(400), None);
}

#[test]
fn neither_is_required() {
    let catalog = load_ok(ERROR);
    assert_eq!(catalog.description, None);
    assert!(catalog.statuses.is_empty());
}

#[test]
fn a_status_key_must_be_an_error_status() {
    for (key, column) in [
        ("399", 11),
        ("600", 11),
        ("abc", 11),
        ("0422", 11),
        ("\"4 22\"", 11),
    ] {
        let shown = key.trim_matches('"');
        assert_eq!(
            problem(&format!("[statuses.{key}]\ndescription = \"d\"\n{ERROR}")),
            format!(
                "catalog.toml:1:{column}: `[statuses.{shown}]` does not name an error status; name a status from 400 to 599, e.g. `[statuses.422]`"
            )
        );
    }
}

#[test]
fn unknown_keys_are_refused_with_the_closest_one() {
    assert_eq!(
        problem(&format!("[statuses.422]\ndescripton = \"d\"\n{ERROR}")),
        "catalog.toml:2:1: unknown key `descripton` in `[statuses.422]`; did you mean `description`?"
    );
    assert_eq!(
        problem(&format!("[catalog]\ndescriptin = \"d\"\n{ERROR}")),
        "catalog.toml:2:1: unknown key `descriptin` in `[catalog]`; did you mean `description`?"
    );
    assert_eq!(
        problem(&format!("[status.422]\ndescription = \"d\"\n{ERROR}")),
        "catalog.toml:1:2: unknown key `status` in the catalog file; did you mean `statuses`?"
    );
}

#[test]
fn wrong_types_and_a_missing_description_are_reported() {
    assert_eq!(
        problems(&format!(
            "[catalog]\ndescription = 1\n[statuses]\n422 = \"d\"\n[statuses.500]\n{ERROR}"
        )),
        [
            "catalog.toml:2:15: `description` must be a string, found an integer",
            "catalog.toml:4:7: `[statuses.422]` must be a table, found a string",
            "catalog.toml:5:11: `[statuses.500]` has no `description`; say what 500 means in this API, e.g. `description = \"The request is well-formed but breaks a business rule.\"`",
        ]
    );
}

#[test]
fn only_the_root_file_describes_statuses() {
    let dir = fixture_dir("statuses_root_only");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!("[catalog]\ninclude = \"more.toml\"\n{ERROR}"),
            ),
            (
                "more.toml",
                "[catalog]\ndescription = \"d\"\n[statuses.422]\ndescription = \"d\"\n",
            ),
        ],
    );
    let diagnostics = errors_catalog::Catalog::load(dir.join("catalog.toml")).unwrap_err();
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].ends_with("more.toml:2:1: `description` can only be set in the root catalog file; an included file may only hold `include`, `[categories]` and `[errors]`"),
        "{lines:#?}"
    );
    assert!(
        lines[1].ends_with("more.toml:3:2: `[statuses]` can only be set in the root catalog file; move it to the file that includes this one"),
        "{lines:#?}"
    );
}
