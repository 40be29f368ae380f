//! A real-world-sized catalog, thousands of codes with varied fields, compiled
//! through the macro in a scratch crate and run.

mod support;

use std::fmt::Write as _;

const CODES: usize = 3000;

/// A catalog of `CODES` codes cycling through realistic shapes: no fields, ids and
/// names, counts with `Retry-After`, optional fields, lists, violations, JSON,
/// internal fields, format specs and literal braces.
fn catalog() -> String {
    let mut toml = String::from(
        "[catalog]\nenvelope = \"flat\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n\n",
    );
    for i in 0..CODES {
        let status = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504][i % 11];
        let _ = writeln!(
            toml,
            "[errors.E{i:05}_{}]\nstatus = {status}",
            ["FAILED", "DENIED", "MISSING", "CONFLICT"][i % 4]
        );
        let (message, details) = match i % 6 {
            0 => ("Request {{{i}}} failed.".to_owned(), ""),
            1 => (
                "Resource {resource} '{id}' was not found.".to_owned(),
                "resource = \"string\"\nid = \"string\"\n",
            ),
            2 => (
                "Limit of {limit} reached; retry in {retry_after:>4} s.".to_owned(),
                "limit = \"u32\"\nretry_after = { type = \"u64\", header = \"Retry-After\" }\nwindow = \"string?\"\n",
            ),
            3 => (
                "Validation failed for {count} fields.".to_owned(),
                "count = \"u32\"\nfields = \"field_violations\"\ntags = \"[string]\"\n",
            ),
            4 => (
                "Upstream {service} answered {answer} after {ratio:.2} of the budget.".to_owned(),
                "service = \"string\"\nanswer = \"json\"\nratio = \"f64\"\nhost = { type = \"string\", internal = true }\n",
            ),
            _ => (
                "Version {expected:?} expected, {actual} found.".to_owned(),
                "expected = \"i64\"\nactual = \"i64\"\nforce = \"bool?\"\n",
            ),
        };
        let message = message.replace("{i}", &i.to_string());
        let _ = writeln!(toml, "message = {message:?}");
        if !details.is_empty() {
            let _ = writeln!(
                toml,
                "[errors.E{i:05}_{}.details]\n{details}",
                ["FAILED", "DENIED", "MISSING", "CONFLICT"][i % 4]
            );
        }
        toml.push('\n');
    }
    toml
}

const MAIN: &str = r#"
errors_runtime::catalog!("catalog.toml");

fn main() {
    let codes = ApiErrorCode::ALL;
    let last = codes[codes.len() - 1];
    let parsed: ApiErrorCode = last.as_str().parse().unwrap();
    let limited = ApiError::E00002Missing { limit: 10, retry_after: 7, window: None };
    let versions = ApiError::E00005Denied { expected: 3, actual: 4, force: Some(true) };
    println!("{}", codes.len());
    println!("{} {} {}", parsed.as_str(), last.status(), last.is_retryable());
    println!("{} | {:?}", limited, limited.retry_after());
    println!("{}", limited.envelope().to_json());
    println!("{}", versions);
    println!("{}", ApiError::E00000Failed);
}
"#;

#[test]
fn three_thousand_codes_compile_and_run() {
    let dir = support::scratch_crate("large-catalog", MAIN);
    std::fs::write(dir.join("catalog.toml"), catalog()).unwrap();
    let output = support::run(&dir);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(
        lines,
        [
            "3000",
            "E02999_CONFLICT 500 true",
            "Limit of 10 reached; retry in    7 s. | Some(7s)",
            r#"{"success":false,"errorCode":"E00002_MISSING","message":"Limit of 10 reached; retry in    7 s.","details":{"limit":10,"retryAfter":7}}"#,
            "Version 3 expected, 4 found.",
            "Request {0} failed.",
        ]
    );
}
