//! `include`: merging files, their order, cycles, missing files, duplicates across
//! files, settings that belong to the root.

mod common;

use common::{fixture_dir, write_files};
use errors_catalog::Catalog;

fn err(toml: &str) -> String {
    format!("[errors.{toml}]\nstatus = 400\nmessage = \"m\"\n")
}

#[test]
fn included_files_merge_depth_first_in_order() {
    let dir = fixture_dir("merge-order");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!(
                    "[catalog]\ninclude = [\"auth/auth.toml\", \"billing.toml\"]\n\n{}",
                    err("ROOT")
                ),
            ),
            (
                "auth/auth.toml",
                &format!(
                    "[catalog]\ninclude = [\"../shared/common.toml\"]\n\n{}",
                    err("AUTH")
                ),
            ),
            ("shared/common.toml", &err("COMMON")),
            (
                "billing.toml",
                &format!(
                    "[categories]\nbilling = \"Money.\"\n\n{}category = \"billing\"\n",
                    err("BILLING")
                ),
            ),
        ],
    );
    let catalog = Catalog::load(dir.join("catalog.toml")).unwrap();
    let codes: Vec<&str> = catalog.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ROOT", "AUTH", "COMMON", "BILLING"]);
    let files: Vec<String> = catalog
        .files
        .iter()
        .map(|f| {
            f.strip_prefix(dir.canonicalize().unwrap())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        files,
        [
            "catalog.toml",
            "auth/auth.toml",
            "shared/common.toml",
            "billing.toml"
        ]
    );
    assert!(catalog.files.iter().all(|f| f.is_absolute()));
    // Locations name the included file, relative to the root as given.
    let common = catalog.error("COMMON").unwrap();
    assert_eq!(
        common.location.to_string(),
        format!("{}:1:9", dir.join("shared/common.toml").display())
    );
}

#[test]
fn a_file_included_twice_is_read_once() {
    let dir = fixture_dir("diamond");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                "[catalog]\ninclude = [\"a.toml\", \"b.toml\"]\n",
            ),
            ("a.toml", "[catalog]\ninclude = [\"common.toml\"]\n"),
            ("b.toml", "[catalog]\ninclude = \"common.toml\"\n"),
            ("common.toml", &err("SHARED")),
        ],
    );
    let catalog = Catalog::load(dir.join("catalog.toml")).unwrap();
    assert_eq!(catalog.errors.len(), 1);
    assert_eq!(catalog.files.len(), 4);
}

#[test]
fn a_code_defined_in_two_files_names_both() {
    let dir = fixture_dir("duplicate-code");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!(
                    "[catalog]\ninclude = [\"more.toml\"]\n\n{}",
                    err("NOT_FOUND")
                ),
            ),
            (
                "more.toml",
                &format!("{}\n{}", err("GONE"), err("NOT_FOUND")),
            ),
        ],
    );
    let root = dir.join("catalog.toml");
    assert_eq!(
        Catalog::load(&root).unwrap_err().to_string(),
        format!(
            "{}:5:9: code `NOT_FOUND` is defined twice: here and at {}:4:9; each code is defined once; remove or rename one of them",
            dir.join("more.toml").display(),
            root.display()
        )
    );
}

#[test]
fn a_category_declared_in_two_files_names_both() {
    let dir = fixture_dir("duplicate-category");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!(
                    "[catalog]\ninclude = [\"more.toml\"]\n[categories]\napi = \"x\"\n{}",
                    err("A")
                ),
            ),
            ("more.toml", "[categories.api]\ndescription = \"y\"\n"),
        ],
    );
    let root = dir.join("catalog.toml");
    assert_eq!(
        Catalog::load(&root).unwrap_err().to_string(),
        format!(
            "{}:1:13: category `api` is declared twice; it is first declared at {}:4:1; remove one",
            dir.join("more.toml").display(),
            root.display()
        )
    );
}

#[test]
fn a_missing_include_names_the_resolved_path() {
    let dir = fixture_dir("missing-include");
    write_files(
        &dir,
        &[(
            "catalog.toml",
            &format!(
                "[catalog]\ninclude = [\"sub/../nowhere.toml\"]\n{}",
                err("A")
            ),
        )],
    );
    let root = dir.join("catalog.toml");
    assert_eq!(
        Catalog::load(&root).unwrap_err().to_string(),
        format!(
            "{}:2:12: cannot read the included file `{}`: no such file; include paths are relative to the file that includes them",
            root.display(),
            dir.join("nowhere.toml").display()
        )
    );
}

#[test]
fn include_cycles_are_reported_with_the_chain() {
    let dir = fixture_dir("cycle");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!("[catalog]\ninclude = [\"a.toml\"]\n{}", err("ROOT")),
            ),
            (
                "a.toml",
                &format!("[catalog]\ninclude = [\"b.toml\"]\n{}", err("A")),
            ),
            (
                "b.toml",
                &format!("[catalog]\ninclude = [\"a.toml\"]\n{}", err("B")),
            ),
        ],
    );
    let path = |f: &str| dir.join(f).display().to_string();
    assert_eq!(
        Catalog::load(dir.join("catalog.toml"))
            .unwrap_err()
            .to_string(),
        format!(
            "{}:2:12: include cycle: {} -> {} -> {}; remove the include of `a.toml`",
            path("b.toml"),
            path("a.toml"),
            path("b.toml"),
            path("a.toml")
        )
    );
}

#[test]
fn a_file_including_itself_is_a_cycle() {
    let dir = fixture_dir("self-include");
    write_files(
        &dir,
        &[(
            "catalog.toml",
            &format!("[catalog]\ninclude = [\"./catalog.toml\"]\n{}", err("A")),
        )],
    );
    let root = dir.join("catalog.toml").display().to_string();
    assert_eq!(
        Catalog::load(dir.join("catalog.toml"))
            .unwrap_err()
            .to_string(),
        format!(
            "{root}:2:12: include cycle: {root} -> {root}; remove the include of `./catalog.toml`"
        )
    );
}

#[test]
fn root_settings_are_rejected_in_included_files() {
    let dir = fixture_dir("root-only");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!("[catalog]\ninclude = [\"more.toml\"]\n{}", err("A")),
            ),
            (
                "more.toml",
                "[catalog]\nname = \"Other\"\nenvlope = \"flat\"\n\n[retry]\nmax_attempts = 3\n",
            ),
        ],
    );
    let more = dir.join("more.toml").display().to_string();
    let lines: Vec<String> = Catalog::load(dir.join("catalog.toml"))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            format!(
                "{more}:2:1: `name` can only be set in the root catalog file; an included file may only hold `include`, `[categories]` and `[errors]`"
            ),
            format!("{more}:3:1: unknown key `envlope` in `[catalog]`; did you mean `envelope`?"),
            format!(
                "{more}:5:2: `[retry]` can only be set in the root catalog file; move it to the file that includes this one"
            ),
        ]
    );
}

#[test]
fn problems_in_several_files_come_back_together_in_load_order() {
    let dir = fixture_dir("several-files");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                "[catalog]\ninclude = [\"a.toml\"]\n[errors.A]\nstatus = 600\nmessage = \"m\"\n",
            ),
            (
                "a.toml",
                "[errors.B]\nstatus = 400\nmesage = \"m\"\n[errors.C]\nstatus = \"x\"\nmessage = \"m\"\n",
            ),
        ],
    );
    let lines: Vec<String> = Catalog::load(dir.join("catalog.toml"))
        .unwrap_err()
        .iter()
        .map(|d| format!("{}:{}", d.location().line(), d.message()))
        .collect();
    assert_eq!(
        lines,
        [
            "4:status 600 of `A` is not an error status",
            "3:unknown key `mesage` in `[errors.B]`",
            "5:`status` must be an integer, found a string",
        ]
    );
}

#[test]
fn a_syntax_error_in_an_included_file_does_not_claim_the_rest_is_empty() {
    let dir = fixture_dir("syntax-in-include");
    write_files(
        &dir,
        &[
            ("catalog.toml", "[catalog]\ninclude = [\"a.toml\"]\n"),
            ("a.toml", "[errors.A\nstatus = 400\n"),
        ],
    );
    assert_eq!(
        Catalog::load(dir.join("catalog.toml"))
            .unwrap_err()
            .to_string(),
        format!(
            "{}:1:10: TOML syntax error: unclosed table, expected `]`",
            dir.join("a.toml").display()
        )
    );
}

/// A device or a pipe could be read forever: only regular files are read.
#[cfg(unix)]
#[test]
fn an_include_of_a_device_is_refused_without_reading_it() {
    let dir = fixture_dir("device-include");
    write_files(
        &dir,
        &[(
            "catalog.toml",
            &format!("[catalog]\ninclude = [\"/dev/zero\"]\n{}", err("A")),
        )],
    );
    let root = dir.join("catalog.toml");
    assert_eq!(
        Catalog::load(&root).unwrap_err().to_string(),
        format!(
            "{}:2:12: cannot read `/dev/zero`: it is not a regular file (a device, a pipe or a socket); a catalog file is a text file; name one",
            root.display()
        )
    );
    assert_eq!(
        Catalog::load("/dev/null").unwrap_err().to_string(),
        "/dev/null:1:1: cannot read `/dev/null`: it is not a regular file (a device, a pipe or a socket); a catalog file is a text file; name one"
    );
}
