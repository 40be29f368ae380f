//! Checks a catalog and prints a summary of its errors, or every problem found.
//!
//! `cargo run -p errors-catalog --example check -- path/to/catalog.toml`

use std::io::Write as _;
use std::process::ExitCode;

use errors_catalog::Catalog;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "catalog.toml".to_owned());
    match Catalog::load(&path) {
        Ok(catalog) => {
            // A closed pipe (`| head`) ends the listing quietly.
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "{path}: {} errors, `{}` envelope, enum `{}`",
                catalog.errors.len(),
                catalog.envelope.style.as_str(),
                catalog.name
            );
            for error in &catalog.errors {
                let retry = if error.retryable {
                    "retryable"
                } else {
                    "final"
                };
                let listed = writeln!(
                    out,
                    "  {:<26} {} {:<9} {}",
                    error.code, error.status, retry, error.message
                );
                if listed.is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render());
            ExitCode::FAILURE
        }
    }
}
