//! `#[derive(Catalog)]` on a hand-written enum of more than 1,024 variants, compiled in
//! a scratch crate and run: past 1,024 codes the generated methods are split into
//! helpers that match on the enum itself (the derive's enum gets no views), and the
//! error sources go through the same split.

mod support;

use std::fmt::Write as _;

const CODES: usize = 1100;

/// Errors at the edges of the helpers' 64-variant chunks, and the last one.
const CHECKED: [usize; 14] = [
    0, 1, 2, 3, 62, 63, 64, 65, 1023, 1024, 1025, 1087, 1088, 1099,
];

fn code(i: usize) -> String {
    format!("E{i:04}_X")
}

fn status(i: usize) -> u16 {
    [400, 404, 429, 500][i % 4]
}

/// The catalog and the enum held to it: four shapes of variant in turn.
fn sources() -> (String, String) {
    let mut toml = String::from("[catalog]\nenvelope = \"flat\"\n\n");
    let mut rust = String::from(
        "#[derive(Debug, errors_runtime::Catalog)]\n#[catalog(path = \"catalog.toml\")]\npub enum ApiError {\n",
    );
    for i in 0..CODES {
        let (message, details, fields) = match i % 4 {
            0 => ("Request failed.", "", ""),
            1 => (
                "Thing '{id}' was not found.",
                "id = \"string\"\n",
                "id: String",
            ),
            2 => (
                "Retry {count} in {retry_after} s.",
                "count = \"u32\"\nretry_after = { type = \"u64\", header = \"Retry-After\" }\n",
                "count: u32, retry_after: u64",
            ),
            _ => (
                "Operation {op} failed.",
                "op = \"string\"\n",
                "op: String, #[source] cause: std::io::Error",
            ),
        };
        let _ = writeln!(
            toml,
            "[errors.{}]\nstatus = {}\nmessage = {message:?}",
            code(i),
            status(i)
        );
        if !details.is_empty() {
            let _ = writeln!(toml, "[errors.{}.details]\n{details}", code(i));
        }
        toml.push('\n');
        let _ = writeln!(rust, "    E{i:04}X {{ {fields} }},");
    }
    rust.push_str("}\n");
    (toml, rust)
}

/// The variant `i`, as Rust source.
fn value(i: usize) -> String {
    match i % 4 {
        0 => format!("ApiError::E{i:04}X {{}}"),
        1 => format!("ApiError::E{i:04}X {{ id: \"id{i}\".into() }}"),
        2 => format!(
            "ApiError::E{i:04}X {{ count: {i}, retry_after: {} }}",
            i + 1
        ),
        _ => format!(
            "ApiError::E{i:04}X {{ op: \"op{i}\".into(), cause: std::io::Error::other(\"cause {i}\") }}"
        ),
    }
}

/// What the program prints for the variant `i`.
fn expected(i: usize) -> String {
    let code = code(i);
    let none = || "None".to_owned();
    let (message, retry_after, headers, source, details) = match i % 4 {
        0 => (
            "Request failed.".to_owned(),
            none(),
            "[]".to_owned(),
            none(),
            None,
        ),
        1 => (
            format!("Thing 'id{i}' was not found."),
            none(),
            "[]".to_owned(),
            none(),
            Some(format!(r#"{{"id":"id{i}"}}"#)),
        ),
        2 => (
            format!("Retry {i} in {} s.", i + 1),
            format!("Some({}s)", i + 1),
            format!(r#"["Retry-After: {}"]"#, i + 1),
            none(),
            Some(format!(r#"{{"count":{i},"retryAfter":{}}}"#, i + 1)),
        ),
        _ => (
            format!("Operation op{i} failed."),
            none(),
            "[]".to_owned(),
            format!(r#"Some("cause {i}")"#),
            Some(format!(r#"{{"op":"op{i}"}}"#)),
        ),
    };
    let details_len = match i % 4 {
        0 => 0,
        2 => 2,
        _ => 1,
    };
    let details = details.map_or(String::new(), |d| format!(r#","details":{d}"#));
    format!(
        r#"{code} | {} | {message} | {retry_after} | {headers} | {source} | {details_len} | {{"success":false,"errorCode":"{code}","message":"{message}"{details}}}"#,
        status(i)
    )
}

#[test]
fn derived_enum_past_1024_variants_compiles_and_runs() {
    let (toml, rust) = sources();
    let values: Vec<String> = CHECKED.iter().map(|&i| value(i)).collect();
    let main = format!(
        r#"{rust}
fn main() {{
    use std::error::Error as _;
    use errors_runtime::CatalogError as _;
    let errors = [{}];
    for error in &errors {{
        let mut headers = Vec::new();
        errors_runtime::CatalogError::for_each_header(error, &mut |name, value| headers.push(format!("{{name}}: {{value}}")));
        println!(
            "{{}} | {{}} | {{error}} | {{:?}} | {{headers:?}} | {{:?}} | {{}} | {{}}",
            error.code(),
            error.status(),
            error.retry_after(),
            error.source().map(|s| s.to_string()),
            error.details_len(),
            error.envelope().to_json(),
        );
    }}
    println!("{{}}", ApiErrorCode::ALL.len());
}}
"#,
        values.join(", ")
    );
    let dir = support::scratch_crate("large-derive", &main);
    std::fs::write(dir.join("catalog.toml"), toml).unwrap();
    let output = support::run(&dir);
    let mut want: Vec<String> = CHECKED.iter().map(|&i| expected(i)).collect();
    want.push(CODES.to_string());
    let got: Vec<&str> = output.lines().collect();
    assert_eq!(got, want);
}
