//! Running a subcommand: load the catalog, write what was asked for, and say how it
//! went with the exit status.

use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use errors_catalog::Catalog;
use errors_catalog::contract::{self, CheckError, Contract};
use errors_docs::Reference;

use crate::args::{Command, Format, Input, Invocation, Subcommand};
use crate::{help, output};

/// The exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Status {
    /// All is well.
    Ok = 0,
    /// Problems found: an invalid catalog, a breaking change.
    Problems = 1,
    /// A usage or I/O error.
    Usage = 2,
}

pub(crate) fn run(command: Command) -> Status {
    match command {
        Command::Help => print(help::HELP),
        Command::Run(invocation) => match execute(&invocation) {
            Ok(status) => status,
            Err(message) => {
                eprintln!("error: {message}");
                Status::Usage
            }
        },
    }
}

fn print(text: &str) -> Status {
    match write_stdout(text) {
        Ok(()) => Status::Ok,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            Status::Usage
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Runs a subcommand; `Err` is an I/O error, said as a sentence.
fn execute(run: &Invocation) -> Result<Status, String> {
    let catalog = match load(&run.input)? {
        Ok(catalog) => catalog,
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render());
            return Ok(Status::Problems);
        }
    };
    match run.command {
        Subcommand::Check => {
            // Not problems: the catalog builds; the axum layer leaves these statuses
            // unanswered until the catalog picks a code (SPEC 9.1).
            for (status, candidates) in catalog.ambiguous_statuses() {
                let codes: Vec<String> =
                    candidates.iter().map(|e| format!("`{}`", e.code)).collect();
                eprintln!(
                    "note: {}: a bare {status} response has {} candidate codes ({}) and no `[http.status]` entry, so the axum layer answers it with none; add `{status} = \"{}\"` to `[http.status]` to pick one",
                    display_name(&run.input),
                    codes.len(),
                    codes.join(", "),
                    candidates[0].code
                );
            }
            if !run.quiet {
                let name = display_name(&run.input);
                let n = catalog.errors.len();
                let files = catalog.files.len();
                print(&format!(
                    "{name}: {n} code{}, {files} file{}, no problems\n",
                    if n == 1 { "" } else { "s" },
                    if files == 1 { "" } else { "s" }
                ));
            }
            Ok(Status::Ok)
        }
        Subcommand::Docs | Subcommand::Schema => {
            let reference = Reference::from(&catalog);
            let text = match run.format {
                Format::Markdown => errors_docs::markdown(&reference),
                Format::Html => errors_docs::html(&reference),
                Format::JsonSchema => errors_docs::json_schema(&reference, run.mode) + "\n",
                Format::OpenApi => {
                    errors_docs::openapi(&reference, &run.api_version, run.mode) + "\n"
                }
            };
            write_output(run.output.as_deref(), &text, &catalog, "the reference")?;
            Ok(Status::Ok)
        }
        Subcommand::Stability => stability(run, &catalog),
    }
}

fn stability(run: &Invocation, catalog: &Catalog) -> Result<Status, String> {
    let snapshot = match (&run.snapshot, &run.input) {
        (Some(path), _) => path.clone(),
        (None, Input::Path(path)) => path.with_extension("contract"),
        (None, Input::Stdin) => unreachable!("refused when parsing the arguments"),
    };
    if run.bless || (!run.locked && contract::bless_requested()) {
        output::refuse_input(&snapshot, &catalog.files, "the contract snapshot")?;
        let text = Contract::of(catalog).to_string();
        let changed = fs::read(&snapshot).map_or(true, |old| old != text.as_bytes());
        if changed {
            output::write_atomically(&snapshot, &text)?;
        }
        if !run.quiet {
            let what = if changed { "blessed" } else { "unchanged" };
            eprintln!("{what}: {}", snapshot.display());
        }
        return Ok(Status::Ok);
    }
    let report = match contract::check_against(catalog, &snapshot) {
        Ok(report) => report,
        Err(CheckError::Snapshot(e)) => {
            eprintln!("error: {e}");
            return Ok(Status::Problems);
        }
        Err(e) => return Err(e.to_string()),
    };
    let breaking = report.breaking().count();
    if breaking == 0 && run.locked {
        // Read again only to compare bytes; the check above has read it once.
        let on_disk = fs::read(&snapshot)
            .map_err(|e| format!("{}: cannot read the snapshot: {e}", snapshot.display()))?;
        if !contract::is_blessed(catalog, &on_disk) {
            eprint!("{report}");
            eprintln!(
                "error: {} is not what `--bless` writes for this catalog (an unblessed change, or an older snapshot format); run `errors-catalog stability --bless` and commit it",
                snapshot.display()
            );
            return Ok(Status::Problems);
        }
    }
    if breaking > 0 {
        eprint!("{report}");
        eprintln!(
            "error: {breaking} breaking change{} to the contract in {}; if intended, re-bless it with `--bless`",
            if breaking == 1 { "" } else { "s" },
            snapshot.display()
        );
        return Ok(Status::Problems);
    }
    if !run.quiet {
        if report.is_unchanged() {
            eprintln!("{}: the catalog keeps its contract", snapshot.display());
        } else {
            eprint!("{report}");
            eprintln!(
                "note: no breaking change; {} records none of these, re-bless it with `--bless`",
                snapshot.display()
            );
        }
    }
    Ok(Status::Ok)
}

/// The catalog, or its diagnostics; `Err` when the root file or standard input
/// cannot be read (a missing file, a directory, a symbolic link loop): exit status 2,
/// where an unreadable included file is a problem of the catalog.
fn load(input: &Input) -> Result<Result<Catalog, errors_catalog::Diagnostics>, String> {
    Ok(match input {
        Input::Path(path) => {
            let bytes =
                fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            match String::from_utf8(bytes) {
                Ok(text) => Catalog::from_str(path, &text),
                // Reported by the loader as a problem of the catalog, with its position.
                Err(_) => Catalog::load(path),
            }
        }
        Input::Stdin => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            // Included files are found relative to the current directory.
            Catalog::from_str(PathBuf::from("<stdin>"), &text)
        }
    })
}

fn display_name(input: &Input) -> String {
    match input {
        Input::Path(path) => path.display().to_string(),
        Input::Stdin => "<stdin>".to_owned(),
    }
}

/// Writes `text` to standard output, or atomically to a file that is none of the
/// catalog's own files.
fn write_output(
    output: Option<&Path>,
    text: &str,
    catalog: &Catalog,
    what: &str,
) -> Result<(), String> {
    match output {
        Some(path) if path != Path::new("-") => {
            output::refuse_input(path, &catalog.files, what)?;
            output::write_atomically(path, text)
        }
        _ => write_stdout(text).map_err(|e| format!("cannot write to standard output: {e}")),
    }
}
