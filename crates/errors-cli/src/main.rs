//! `errors-catalog`: the error catalog for teams that do not compile Rust.
//!
//! ```text
//! errors-catalog check catalog.toml                      # every problem, rustc-style
//! errors-catalog docs --format html catalog.toml -o errors.html
//! errors-catalog schema --format openapi catalog.toml    # JSON Schema or OpenAPI 3.1
//! errors-catalog stability catalog.toml                  # against catalog.contract
//! ```
//!
//! Exit status: 0 when all is well, 1 when problems were found (an invalid catalog,
//! a breaking change), 2 on a usage or I/O error. Outputs never replace the
//! catalog's own files, and are written atomically.

mod args;
mod help;
mod output;
mod run;

use std::process::ExitCode;

fn main() -> ExitCode {
    let status = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => run::run(command),
        // Help and the version print to standard output with status 0; usage errors
        // to standard error with status 2.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    ExitCode::from(status as u8)
}
