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
    // Usage errors are clap's since issue 20: the messages changed wording on purpose,
    // and still name what is wrong and how to fix it.
    for (args, message) in [
        (
            &["frobnicate", "catalog.toml"][..],
            "error: unrecognized subcommand 'frobnicate'",
        ),
        (
            &["chek", "catalog.toml"],
            "error: unrecognized subcommand 'chek'\n\n  tip: some similar subcommands exist: 'schema', 'check'",
        ),
        (
            &["docs", "--format", "pdf", "catalog.toml"],
            "error: invalid value 'pdf' for '--format <FORMAT>'\n  [possible values: markdown, html]",
        ),
        (
            &["check"],
            "error: the following required arguments were not provided:\n  <CATALOG>",
        ),
        (
            &["docs", "--bless", "catalog.toml"],
            "error: unexpected argument '--bless' found",
        ),
        (
            &["stability", "-"],
            "error: the following required arguments were not provided:\n  --snapshot <FILE>",
        ),
        // A root file that cannot be read is an I/O error (SPEC 9.3), no longer a
        // problem of the catalog (exit 1) as before.
        (
            &["check", "missing.toml"],
            "error: missing.toml: cannot read: ",
        ),
    ] {
        let output = run(args, &dir);
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

    // Nothing ambiguous in it: no notes.
    assert!(text(&output.stderr).is_empty(), "{}", text(&output.stderr));

    // Two codes could answer a bare 429: a note, still exit 0 and "no problems";
    // an `[http.status]` entry settles it.
    let ambiguous =
        format!("{CATALOG}\n[errors.QUOTA_EXCEEDED]\nstatus = 429\nmessage = \"Out of quota.\"\n");
    std::fs::write(dir.join("ambiguous.toml"), &ambiguous).unwrap();
    let output = run(&["check", "ambiguous.toml"], &dir);
    assert_status(&output, 0);
    assert_eq!(
        text(&output.stderr),
        "note: ambiguous.toml: a bare 429 response has 2 candidate codes (`RATE_LIMITED`, `QUOTA_EXCEEDED`) and no `[http.status]` entry, so the axum layer answers it with none; add `429 = \"RATE_LIMITED\"` to `[http.status]` to pick one\n"
    );
    assert!(text(&output.stdout).ends_with("no problems\n"));
    let settled = ambiguous.replace(
        "[errors.SESSION_FULL]",
        "[http.status]\n429 = \"QUOTA_EXCEEDED\"\n\n[errors.SESSION_FULL]",
    );
    std::fs::write(dir.join("settled.toml"), settled).unwrap();
    let output = run(&["check", "settled.toml"], &dir);
    assert_status(&output, 0);
    assert!(text(&output.stderr).is_empty(), "{}", text(&output.stderr));

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
    // The client schema by default: the generic error, then an `if`/`then` per code.
    assert!(schema.get("oneOf").is_none(), "{schema}");
    assert_eq!(schema["allOf"].as_array().unwrap().len(), 3);
    assert_eq!(schema["allOf"][0]["$ref"], "#/$defs/unknown-code");
    let strict = run(&["schema", "--strict", "catalog.toml"], &dir);
    assert_status(&strict, 0);
    let strict: serde_json::Value = serde_json::from_slice(&strict.stdout).unwrap();
    assert_eq!(strict["oneOf"].as_array().unwrap().len(), 2);
    assert!(strict["$defs"].get("unknown-code").is_none(), "{strict}");

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
        snapshot.contains("code SESSION_FULL 409 final grpc=ABORTED\n"),
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
            .contains("code SESSION_FULL 410 final grpc=FAILED_PRECONDITION\n")
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

/// A catalog with an included file, for the tests of what the command may write.
fn with_include(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(
        dir.join("catalog.toml"),
        format!(
            "[catalog]\ninclude = [\"common.toml\"]\n{}",
            &CATALOG["[catalog]\n".len()..]
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("common.toml"),
        "[errors.GONE]\nstatus = 410\nmessage = \"Gone.\"\n",
    )
    .unwrap();
    assert_status(&run(&["check", "catalog.toml"], &dir), 0);
    dir
}

#[test]
fn the_command_never_writes_over_its_input() {
    let dir = with_include("overwrite");
    let catalog = std::fs::read(dir.join("catalog.toml")).unwrap();
    let common = std::fs::read(dir.join("common.toml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("catalog.toml", dir.join("link.toml")).unwrap();
    // (arguments, the output as written, the input it would replace)
    let mut attempts = vec![
        (
            vec!["docs", "catalog.toml", "-o", "catalog.toml"],
            "catalog.toml",
            "catalog.toml",
        ),
        (
            vec!["docs", "catalog.toml", "-o", "./sub/../catalog.toml"],
            "./sub/../catalog.toml",
            "catalog.toml",
        ),
        (
            vec!["schema", "catalog.toml", "--output=common.toml"],
            "common.toml",
            "common.toml",
        ),
        (
            vec![
                "docs",
                "--format",
                "html",
                "catalog.toml",
                "-o",
                "common.toml",
            ],
            "common.toml",
            "common.toml",
        ),
        (
            vec![
                "stability",
                "catalog.toml",
                "--snapshot",
                "catalog.toml",
                "--bless",
            ],
            "catalog.toml",
            "catalog.toml",
        ),
        (
            vec![
                "stability",
                "catalog.toml",
                "--snapshot",
                "common.toml",
                "--bless",
            ],
            "common.toml",
            "common.toml",
        ),
    ];
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    #[cfg(unix)]
    attempts.push((
        vec!["docs", "catalog.toml", "-o", "link.toml"],
        "link.toml",
        "catalog.toml",
    ));
    for (args, written, input) in attempts {
        let output = run(&args, &dir);
        assert_status(&output, 2);
        let stderr = text(&output.stderr);
        // Named as given, with the input it would have replaced.
        assert!(
            stderr.starts_with(&format!("error: {written}: refusing to write ")),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("over the catalog's input ")
                && stderr.ends_with(&format!("{input}; choose another file\n")),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            std::fs::read(dir.join("catalog.toml")).unwrap(),
            catalog,
            "{args:?}"
        );
        assert_eq!(
            std::fs::read(dir.join("common.toml")).unwrap(),
            common,
            "{args:?}"
        );
    }
    // The same through the environment variable that blesses.
    let output = bin()
        .args(["stability", "catalog.toml", "--snapshot", "common.toml"])
        .env("ERRORS_CATALOG_BLESS", "1")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&output, 2);
    assert_eq!(std::fs::read(dir.join("common.toml")).unwrap(), common);
    // Another file in the same directory is written, whole, and nothing else is left.
    assert_status(&run(&["docs", "catalog.toml", "-o", "errors.md"], &dir), 0);
    assert!(
        std::fs::read_to_string(dir.join("errors.md"))
            .unwrap()
            .starts_with("# ApiError error reference")
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn unreadable_files_exit_2_and_catalog_problems_exit_1() {
    let dir = with_include("io");
    let stderr_of = |args: &[&str], code: i32| {
        let output = run(args, &dir);
        assert_status(&output, code);
        text(&output.stderr)
    };
    // The root file: missing, a directory.
    std::fs::create_dir_all(dir.join("folder.toml")).unwrap();
    let stderr = stderr_of(&["check", "folder.toml"], 2);
    assert!(
        stderr.starts_with("error: folder.toml: cannot read: "),
        "{stderr}"
    );
    let stderr = stderr_of(&["docs", "none.toml"], 2);
    assert!(
        stderr.starts_with("error: none.toml: cannot read: "),
        "{stderr}"
    );
    #[cfg(unix)]
    {
        // A symbolic link loop.
        std::os::unix::fs::symlink("loop-b.toml", dir.join("loop-a.toml")).unwrap();
        std::os::unix::fs::symlink("loop-a.toml", dir.join("loop-b.toml")).unwrap();
        let stderr = stderr_of(&["check", "loop-a.toml"], 2);
        assert!(
            stderr.starts_with("error: loop-a.toml: cannot read: "),
            "{stderr}"
        );
    }
    // The output: a directory, or in a missing directory.
    let stderr = stderr_of(&["docs", "catalog.toml", "-o", "folder.toml"], 2);
    assert!(
        stderr.starts_with("error: folder.toml: cannot write: "),
        "{stderr}"
    );
    let stderr = stderr_of(&["schema", "catalog.toml", "-o", "no/dir/s.json"], 2);
    assert!(
        stderr.starts_with("error: no/dir/s.json: cannot write: "),
        "{stderr}"
    );
    // The snapshot: a directory, to read or to write.
    let stderr = stderr_of(
        &["stability", "catalog.toml", "--snapshot", "folder.toml"],
        2,
    );
    assert!(
        stderr.starts_with("error: folder.toml: cannot read the snapshot: "),
        "{stderr}"
    );
    let stderr = stderr_of(
        &[
            "stability",
            "catalog.toml",
            "--snapshot",
            "folder.toml",
            "--bless",
        ],
        2,
    );
    assert!(
        stderr.starts_with("error: folder.toml: cannot write: "),
        "{stderr}"
    );
    // An included file that cannot be read is a problem of the catalog.
    std::fs::remove_file(dir.join("common.toml")).unwrap();
    let stderr = stderr_of(&["check", "catalog.toml"], 1);
    assert!(stderr.contains("common.toml"), "{stderr}");
    assert!(stderr.contains("catalog.toml:2:"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_a_path() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt as _;

    let dir = scratch("non-utf8");
    let name = OsStr::from_bytes(b"cat\xffalog.toml");
    let output = bin()
        .arg("check")
        .arg(name)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&output, 2);
    assert!(
        text(&output.stderr).contains("cannot read"),
        "{}",
        text(&output.stderr)
    );

    std::fs::copy(dir.join("catalog.toml"), dir.join(name)).unwrap();
    let output = bin()
        .arg("check")
        .arg(name)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&output, 0);
    let out = bin()
        .args(["docs", "catalog.toml", "-o"])
        .arg(OsStr::from_bytes(b"out\xff.md"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&out, 0);
    assert!(dir.join(OsStr::from_bytes(b"out\xff.md")).is_file());
}

#[test]
fn stability_locked_requires_the_blessed_snapshot_byte_for_byte() {
    let dir = scratch("locked");
    assert_status(&run(&["stability", "--bless", "catalog.toml"], &dir), 0);
    assert_status(&run(&["stability", "--locked", "catalog.toml"], &dir), 0);

    // An unblessed compatible change passes without --locked, fails with it.
    let added = format!("{CATALOG}\n[errors.GONE]\nstatus = 410\nmessage = \"Gone.\"\n");
    std::fs::write(dir.join("catalog.toml"), &added).unwrap();
    assert_status(&run(&["stability", "catalog.toml"], &dir), 0);
    let blessed = std::fs::read(dir.join("catalog.contract")).unwrap();
    // ERRORS_CATALOG_BLESS does not bless under --locked.
    let output = bin()
        .args(["stability", "--locked", "catalog.toml"])
        .env("ERRORS_CATALOG_BLESS", "1")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_status(&output, 1);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("compatible change: new code `GONE`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: catalog.contract is not what `--bless` writes for this catalog"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run `errors-catalog stability --bless`"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(dir.join("catalog.contract")).unwrap(),
        blessed
    );

    // A snapshot in the older format reads, and passes, but not under --locked.
    std::fs::write(dir.join("catalog.toml"), CATALOG).unwrap();
    let current = String::from_utf8(blessed).unwrap();
    // Format 1: none of the items formats 2 to 4 added.
    let format1: String = current
        .replace("format 4", "format 1")
        .lines()
        .filter(|l| {
            ![
                "request_id_header",
                "answer ",
                "timestamp ",
                "status ",
                "retry ",
                "circuit_breaker ",
                "grpc_domain ",
            ]
            .iter()
            .any(|item| l.starts_with(item))
        })
        .map(|l| match l.find(" grpc=") {
            // Format 1 records no gRPC code: the attribute ends the line or comes
            // before `template=`.
            Some(at) => {
                let rest = &l[at + 1..];
                let end = rest.find(' ').map_or(l.len(), |e| at + 1 + e);
                format!("{}{}\n", &l[..at], &l[end..])
            }
            None => format!("{l}\n"),
        })
        .collect();
    assert!(format1.starts_with("# errors-catalog contract, format 1\n"));
    assert!(!format1.contains("grpc="), "{format1}");
    std::fs::write(dir.join("old.contract"), &format1).unwrap();
    let old = ["stability", "catalog.toml", "--snapshot", "old.contract"];
    assert_status(&run(&old, &dir), 0);
    let output = run(&[&old[..], &["--locked"]].concat(), &dir);
    assert_status(&output, 1);
    assert!(text(&output.stderr).contains("old.contract is not what `--bless` writes"));

    // A breaking change fails either way; --locked and --bless do not go together.
    std::fs::write(
        dir.join("catalog.toml"),
        CATALOG.replace("Retry-After", "X-Retry"),
    )
    .unwrap();
    let output = run(&["stability", "--locked", "catalog.toml"], &dir);
    assert_status(&output, 1);
    assert!(
        text(&output.stderr).contains("breaking change"),
        "{}",
        text(&output.stderr)
    );
    assert_status(
        &run(&["stability", "--locked", "--bless", "catalog.toml"], &dir),
        2,
    );
}
