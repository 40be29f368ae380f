//! The `errors-catalog` command as a user runs it: help and version, each
//! subcommand, standard input and `-o`, exit statuses 0 (all is well), 1 (problems
//! found) and 2 (usage or I/O error), and the stability workflow with `--bless` and
//! `ERRORS_CATALOG_BLESS`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CATALOG: &str = r#"[catalog]
envelope = "nested"

[errors.SESSION_FULL]
status = 409
message = "Session {session_id} is full."
[errors.SESSION_FULL.details]
session_id = "string"

[errors.RATE_LIMITED]
status = 429
message = "Retry in {retry_after} seconds."
details.retry_after = { type = "u64", header = "Retry-After" }
"#;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errors-catalog"));
    command.env_remove("ERRORS_CATALOG_BLESS");
    command
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

fn run_stdin(args: &[&str], dir: &Path, input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn assert_status(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("catalog.toml"), CATALOG).unwrap();
    dir
}

#[test]
fn help_and_version() {
    let dir = scratch("help");
    for args in [&["--help"][..], &["-h"], &[]] {
        let output = run(args, &dir);
        assert_status(&output, 0);
        let help = text(&output.stdout);
        assert!(
            help.contains("Usage: errors-catalog <COMMAND> [OPTIONS] <CATALOG>"),
            "{help}"
        );
        for command in ["check", "docs", "schema", "stability"] {
            assert!(
                help.contains(&format!("\n  {command} ")),
                "{command} in {help}"
            );
        }
    }
    let output = run(&["stability", "--help"], &dir);
    assert_status(&output, 0);
    assert!(text(&output.stdout).starts_with("Usage: errors-catalog stability"));
    let output = run(&["--version"], &dir);
    assert_status(&output, 0);
    assert_eq!(
        text(&output.stdout),
        format!("errors-catalog {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch("usage");
    for (args, message) in [
        (
            &["frobnicate", "catalog.toml"][..],
            "error: unknown command `frobnicate`",
        ),
        (
            &["docs", "--format", "pdf", "catalog.toml"],
            "error: unknown format `pdf` for `docs`",
        ),
        (&["check"], "error: `check` needs a catalog"),
        (
            &["docs", "--bless", "catalog.toml"],
            "error: `docs` takes no `--bless`",
        ),
        (&["check", "missing.toml"], ""),
    ] {
        let output = run(args, &dir);
        if args == ["check", "missing.toml"] {
            // A missing catalog is a problem of the catalog, reported like the macro does.
            assert_status(&output, 1);
            assert!(
                text(&output.stderr).contains("missing.toml"),
                "{}",
                text(&output.stderr)
            );
            continue;
        }
        assert_status(&output, 2);
        assert!(
            text(&output.stderr).starts_with(message),
            "{}",
            text(&output.stderr)
        );
    }
    let output = run(&["docs", "catalog.toml", "-o", "no/such/dir/out.md"], &dir);
    assert_status(&output, 2);
    assert!(
        text(&output.stderr).contains("cannot write"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn check_reports_problems_rustc_style_and_exits_1() {
    let dir = scratch("check");
    let output = run(&["check", "catalog.toml"], &dir);
    assert_status(&output, 0);
    assert_eq!(
        text(&output.stdout),
        "catalog.toml: 2 codes, 1 file, no problems\n"
    );
    assert!(
        run(&["check", "-q", "catalog.toml"], &dir)
            .stdout
            .is_empty()
    );

    let broken = CATALOG
        .replace("status = 409", "status = 309")
        .replace("{session_id}", "{session}");
    std::fs::write(dir.join("broken.toml"), &broken).unwrap();
    let output = run(&["check", "broken.toml"], &dir);
    assert_status(&output, 1);
    let stderr = text(&output.stderr);
    assert!(stderr.contains(" --> broken.toml:5:10"), "{stderr}");
    assert!(stderr.contains("5 | status = 309"), "{stderr}");
    assert!(
        stderr.contains(
            "error: `{session}` is not a detail field of `SESSION_FULL`\n --> broken.toml:6:20"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("^^^^^^^^^ did you mean `session_id`?"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: the catalog has 2 problems\n"),
        "{stderr}"
    );

    let output = run_stdin(&["check", "-"], &dir, &broken);
    assert_status(&output, 1);
    assert!(
        text(&output.stderr).contains(" --> <stdin>:5:10"),
        "{}",
        text(&output.stderr)
    );
    // docs and schema refuse an invalid catalog the same way.
    let output = run(&["docs", "broken.toml"], &dir);
    assert_status(&output, 1);
    assert!(output.stdout.is_empty());
}

#[test]
fn docs_and_schema_write_to_stdout_or_a_file() {
    let dir = scratch("docs");
    let markdown = run(&["docs", "catalog.toml"], &dir);
    assert_status(&markdown, 0);
    let markdown = text(&markdown.stdout);
    assert!(
        markdown.starts_with("# ApiError error reference"),
        "{markdown}"
    );
    assert!(markdown.contains("<a id=\"SESSION_FULL\"></a>"));

    let output = run(
        &[
            "docs",
            "--format",
            "html",
            "catalog.toml",
            "-o",
            "errors.html",
        ],
        &dir,
    );
    assert_status(&output, 0);
    assert!(output.stdout.is_empty());
    let html = std::fs::read_to_string(dir.join("errors.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("id=\"RATE_LIMITED\""));

    let from_stdin = run_stdin(
        &["docs", "-", "--format=markdown", "-o", "-"],
        &dir,
        CATALOG,
    );
    assert_status(&from_stdin, 0);
    assert_eq!(text(&from_stdin.stdout), markdown);

    let schema = run(&["schema", "catalog.toml"], &dir);
    assert_status(&schema, 0);
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["oneOf"].as_array().unwrap().len(), 2);

    let openapi = run(
        &[
            "schema",
            "-f",
            "openapi",
            "--api-version",
            "2.3.0",
            "catalog.toml",
        ],
        &dir,
    );
    assert_status(&openapi, 0);
    let openapi: serde_json::Value = serde_json::from_slice(&openapi.stdout).unwrap();
    assert_eq!(openapi["openapi"], "3.1.0");
    assert_eq!(openapi["info"]["version"], "2.3.0");
    assert!(openapi["components"]["responses"]["Error429"]["headers"]["Retry-After"].is_object());
}

#[test]
fn stability_blesses_passes_and_fails() {
    let dir = scratch("stability");
    // No snapshot yet: an I/O error that says how to make one.
    let output = run(&["stability", "catalog.toml"], &dir);
    assert_status(&output, 2);
    assert!(
        text(&output.stderr).contains("catalog.contract: no contract snapshot"),
        "{}",
        text(&output.stderr)
    );

    let output = run(&["stability", "--bless", "catalog.toml"], &dir);
    assert_status(&output, 0);
    assert_eq!(text(&output.stderr), "blessed: catalog.contract\n");
    let snapshot = std::fs::read_to_string(dir.join("catalog.contract")).unwrap();
    assert!(
        snapshot.contains("code SESSION_FULL 409 final\n"),
        "{snapshot}"
    );

    let output = run(&["stability", "catalog.toml"], &dir);
    assert_status(&output, 0);
    assert_eq!(
        text(&output.stderr),
        "catalog.contract: the catalog keeps its contract\n"
    );

    // Compatible: a new code passes, with a note.
    let added = format!("{CATALOG}\n[errors.GONE]\nstatus = 410\nmessage = \"Gone.\"\n");
    std::fs::write(dir.join("catalog.toml"), &added).unwrap();
    let output = run(&["stability", "catalog.toml"], &dir);
    assert_status(&output, 0);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("compatible change: new code `GONE`"),
        "{stderr}"
    );
    assert!(stderr.contains("re-bless it with `--bless`"), "{stderr}");

    // Breaking: a status changed, at its line.
    std::fs::write(
        dir.join("catalog.toml"),
        CATALOG.replace("status = 409", "status = 410"),
    )
    .unwrap();
    let output = run(&["stability", "catalog.toml"], &dir);
    assert_status(&output, 1);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("catalog.toml:5:10: breaking change: the status of `SESSION_FULL` changed from 409 to 410"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 breaking change to the contract in catalog.contract"),
        "{stderr}"
    );

    // ERRORS_CATALOG_BLESS=1 re-blesses, as --bless does; then the check passes.
    let output = bin()
        .args([
            "stability",
            "catalog.toml",
            "--snapshot",
            "catalog.contract",
        ])
        .env("ERRORS_CATALOG_BLESS", "1")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&output, 0);
    assert!(
        std::fs::read_to_string(dir.join("catalog.contract"))
            .unwrap()
            .contains("code SESSION_FULL 410 final\n")
    );
    assert_status(&run(&["stability", "-q", "catalog.toml"], &dir), 0);

    // A snapshot that is not one: exit 1 with its line.
    std::fs::write(
        dir.join("bad.contract"),
        "envelope nested\ncode X forty final\n",
    )
    .unwrap();
    let output = run(
        &["stability", "catalog.toml", "--snapshot", "bad.contract"],
        &dir,
    );
    assert_status(&output, 1);
    assert!(
        text(&output.stderr).contains("bad.contract:2: `X` needs a numeric status"),
        "{}",
        text(&output.stderr)
    );
}
