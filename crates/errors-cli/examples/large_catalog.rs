//! Writes a catalog of N codes (default 10,000) to standard output, for measuring the
//! command on a catalog of the size a large API has:
//!
//! ```sh
//! cargo run --release -p errors-cli --example large_catalog -- 10000 > /tmp/large.toml
//! time target/release/errors-catalog check /tmp/large.toml
//! time target/release/errors-catalog docs --format html /tmp/large.toml -o /tmp/large.html
//! ```
//!
//! Each code has a status, a category, a description, a message with placeholders and
//! five detail fields of different types, some optional, one sent as a header.

use std::fmt::Write as _;
use std::io::Write as _;

fn main() {
    let n: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 10_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: large_catalog [NUMBER_OF_CODES]");
            std::process::exit(2);
        }
    };
    let areas = [
        "billing",
        "bookings",
        "catalog",
        "identity",
        "inventory",
        "payments",
        "search",
        "shipping",
    ];
    let kinds = [
        (
            400,
            "validation_error",
            "INVALID",
            "The {field} of the request is invalid: {reason}.",
        ),
        (
            404,
            "not_found_error",
            "NOT_FOUND",
            "The {field} '{id}' doesn't exist.",
        ),
        (
            409,
            "conflict_error",
            "CONFLICT",
            "The {field} changed (version {version} expected).",
        ),
        (
            422,
            "validation_error",
            "REJECTED",
            "The {field} breaks a rule: {reason}.",
        ),
        (
            429,
            "rate_limit_error",
            "RATE_LIMITED",
            "Too many {field} requests; retry in {retry_after} s.",
        ),
        (
            503,
            "api_error",
            "UNAVAILABLE",
            "The {field} service is unavailable; retry in {retry_after} s.",
        ),
    ];
    let mut out = String::with_capacity(n * 420);
    out.push_str("[catalog]\nenvelope = \"flat\"\ncode_case = \"SCREAMING_SNAKE_CASE\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n\n");
    let mut declared = Vec::new();
    for (_, category, _, _) in kinds {
        if !declared.contains(&category) {
            declared.push(category);
            let _ = writeln!(
                out,
                "[categories.{category}]\ndescription = \"Errors of the {category} class.\""
            );
        }
    }
    for i in 0..n {
        let (status, category, kind, message) = kinds[i % kinds.len()];
        let area = areas[(i / kinds.len()) % areas.len()];
        let code = format!("{}_{kind}_{i}", area.to_uppercase());
        let _ = write!(
            out,
            "\n[errors.{code}]\nstatus = {status}\nmessage = \"{message}\"\ncategory = \"{category}\"\n\
             description = \"Returned by the {area} API when request {i} fails this way.\"\n\
             [errors.{code}.details]\nfield = {{ type = \"string\", description = \"The field concerned.\" }}\n"
        );
        match kind {
            "INVALID" | "REJECTED" => {
                out.push_str("reason = \"string\"\nviolations = \"field_violations?\"\n")
            }
            "NOT_FOUND" => out.push_str("id = \"string\"\nsimilar = \"[string]?\"\n"),
            "CONFLICT" => out.push_str("version = \"u64\"\ncurrent = \"json?\"\n"),
            _ => out.push_str(
                "retry_after = { type = \"u64\", header = \"Retry-After\" }\nload = \"f64?\"\n",
            ),
        }
    }
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
