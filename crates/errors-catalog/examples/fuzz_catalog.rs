//! Fuzzes the catalog loader: texts generated and mutated from a seed corpus are
//! loaded with `Catalog::from_str` under `catch_unwind`; panics and diagnostics that
//! break the format (no `path:line:column:` prefix, a line outside the file, more
//! than one line, unsorted) are counted, and the first failing texts are written out.
//!
//! ```text
//! cargo run --release -p errors-catalog --example fuzz_catalog -- <cases> [seed]
//! ```
//!
//! `cases` defaults to 100,000 and `seed` to 1; the same seed on the same tree gives
//! the same cases. The corpus is the bundled `catalog.toml`, the hostile inputs of
//! issue 16, every catalog-like string literal of this crate's tests, and the `.toml`
//! catalogs of the workspace's tests and examples. Includes resolve in a fresh empty
//! directory under the system's temporary directory. A stack overflow cannot be
//! caught: it aborts the run, and the case is the one after the last progress line.
//! The exit status is 1 when anything was found. The same loop runs bounded (2,000
//! cases) in `tests/fuzz.rs`; figures of long runs are kept in `FUZZING.md`.

#[path = "../tests/generate/mod.rs"]
mod generate;

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use generate::{corpus, harness};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let parse = |arg: Option<String>, default: u64, what: &str| match arg {
        None => Ok(default),
        Some(text) => text
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{what} must be a whole number, not `{text}`")),
    };
    let (cases, seed) = match (
        parse(args.next(), 100_000, "cases"),
        parse(args.next(), 1, "seed"),
    ) {
        (Ok(cases), Ok(seed)) => (cases, seed),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}\nusage: fuzz_catalog [cases] [seed]");
            return ExitCode::from(2);
        }
    };

    let dir = std::env::temp_dir().join(format!("errors-catalog-fuzz-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create `{}`: {e}", dir.display());
        return ExitCode::from(2);
    }
    let path = dir.join("catalog.toml");
    let seeds = corpus::seeds_with_workspace_catalogs();
    println!(
        "fuzz_catalog: {cases} cases, seed {seed}, {} seed texts",
        seeds.len()
    );

    // Panics are counted, not printed as they happen.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let report = harness::run(&seeds, seed, cases, &path, |r| {
        if r.cases % 100_000 == 0 {
            println!(
                "  {:>9} cases  {:>7.1} s  {} panics  {} broken invariants",
                r.cases,
                start.elapsed().as_secs_f64(),
                r.panics,
                r.violations
            );
            let _ = std::io::stdout().flush();
        }
    });
    let seconds = start.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();
    println!(
        "cases {}  seconds {seconds:.1}  panics {}  broken invariants {}",
        report.cases, report.panics, report.violations
    );
    for (i, (text, what)) in report.failures.iter().enumerate() {
        let file = dir.join(format!("failure-{i}.toml"));
        let written = std::fs::write(&file, text).is_ok();
        let what: String = what.chars().take(400).collect();
        println!(
            "  {what}\n    text: {}",
            if written {
                file.display().to_string()
            } else {
                format!("{text:?}")
            }
        );
    }
    if report.failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    if report.panics + report.violations == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
