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
    println!("{} {} {} {:?}", parsed.as_str(), last.status(), last.is_retryable(), parsed);
    // The metadata table is joined from chunks of 64 codes, the last padded; parsing
    // chains matches of 1,024 codes.
    let table = ApiError::catalog().errors;
    println!("{} {} {} {}", table.len(), table[1023].code, table[1024].code, table[2999].variant);
    println!("{:?} {:?}", "E01500_FAILED".parse::<ApiErrorCode>().map(|c| c.meta().code), "E03000_FAILED".parse::<ApiErrorCode>().is_err());
    println!("{} | {:?}", limited, limited.retry_after());
    println!("{}", limited.envelope().to_json());
    println!("{}", versions);
    println!("{}", ApiError::E00000Failed);

    // Past 1,024 codes every per-variant `match` is split in functions of 64
    // variants: errors at the edges of chunks (the first, a middle one, the last,
    // which is shorter) go through all.
    let errors = [
        ApiError::E00000Failed,
        ApiError::E00063Conflict { count: 0, fields: vec![], tags: vec![] },
        ApiError::E00064Failed { service: "t".into(), answer: errors_runtime::JsonValue::Bool(true), ratio: 1.0, host: "i".into() },
        ApiError::E01023Conflict { count: 2, fields: vec![errors_runtime::FieldViolation::new("a", "b")], tags: vec!["x".into()] },
        ApiError::E01024Failed { service: "s".into(), answer: errors_runtime::JsonValue::Null, ratio: 0.5, host: "h".into() },
        ApiError::E02047Conflict { resource: "r\"{}".into(), id: "é".into() },
        ApiError::E02048Failed { limit: 3, retry_after: 9, window: Some("1m".into()) },
        ApiError::E02943Conflict { count: 1, fields: vec![], tags: vec!["y".into()] },
        ApiError::E02944Failed { service: "u".into(), answer: errors_runtime::JsonValue::from(1), ratio: 0.0, host: "j".into() },
        ApiError::E02999Conflict { expected: -1, actual: 2, force: None },
    ];
    for error in &errors {
        let json = error.envelope().to_json();
        let decoded = errors_runtime::decode::<ApiError>(json.as_bytes()).unwrap();
        let mut headers = Vec::new();
        errors_runtime::CatalogError::for_each_header(error, &mut |name, value| headers.push(format!("{name}: {value}")));
        let mut internals = Vec::new();
        errors_runtime::CatalogError::for_each_internal(error, &mut |name, value| internals.push(format!("{name}={value:?}")));
        let same = errors.iter().filter(|other| *other == error).count();
        println!(
            "{} | {error} | {error:?} | clone equal {} | equal to {same} | decoded equal {} | {:?} | {headers:?} {internals:?} | {json}",
            error.code(),
            error.clone() == *error,
            decoded.known() == Some(error),
            errors_runtime::CatalogError::details_len(error),
        );
    }
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
            "E02999_CONFLICT 500 true E02999Conflict",
            "3000 E01023_CONFLICT E01024_FAILED E02999Conflict",
            r#"Ok("E01500_FAILED") true"#,
            "Limit of 10 reached; retry in    7 s. | Some(7s)",
            r#"{"success":false,"errorCode":"E00002_MISSING","message":"Limit of 10 reached; retry in    7 s.","details":{"limit":10,"retryAfter":7}}"#,
            "Version 3 expected, 4 found.",
            "Request {0} failed.",
            r#"E00000_FAILED | Request {0} failed. | E00000Failed | clone equal true | equal to 1 | decoded equal true | 0 | [] [] | {"success":false,"errorCode":"E00000_FAILED","message":"Request {0} failed."}"#,
            r#"E00063_CONFLICT | Validation failed for 0 fields. | E00063Conflict { count: 0, fields: [], tags: [] } | clone equal true | equal to 1 | decoded equal true | 3 | [] [] | {"success":false,"errorCode":"E00063_CONFLICT","message":"Validation failed for 0 fields.","details":{"count":0,"fields":[],"tags":[]}}"#,
            r#"E00064_FAILED | Upstream t answered true after 1.00 of the budget. | E00064Failed { service: "t", answer: Bool(true), ratio: 1.0, host: "i" } | clone equal true | equal to 1 | decoded equal false | 3 | [] ["host=\"i\""] | {"success":false,"errorCode":"E00064_FAILED","message":"Upstream t answered true after 1.00 of the budget.","details":{"service":"t","answer":true,"ratio":1.0}}"#,
            r#"E01023_CONFLICT | Validation failed for 2 fields. | E01023Conflict { count: 2, fields: [FieldViolation { path: "a", message: "b", rule: None }], tags: ["x"] } | clone equal true | equal to 1 | decoded equal true | 3 | [] [] | {"success":false,"errorCode":"E01023_CONFLICT","message":"Validation failed for 2 fields.","details":{"count":2,"fields":[{"path":"a","message":"b"}],"tags":["x"]}}"#,
            r#"E01024_FAILED | Upstream s answered null after 0.50 of the budget. | E01024Failed { service: "s", answer: Null, ratio: 0.5, host: "h" } | clone equal true | equal to 1 | decoded equal false | 3 | [] ["host=\"h\""] | {"success":false,"errorCode":"E01024_FAILED","message":"Upstream s answered null after 0.50 of the budget.","details":{"service":"s","answer":null,"ratio":0.5}}"#,
            r#"E02047_CONFLICT | Resource r"{} 'é' was not found. | E02047Conflict { resource: "r\"{}", id: "é" } | clone equal true | equal to 1 | decoded equal true | 2 | [] [] | {"success":false,"errorCode":"E02047_CONFLICT","message":"Resource r\"{} 'é' was not found.","details":{"resource":"r\"{}","id":"é"}}"#,
            r#"E02048_FAILED | Limit of 3 reached; retry in    9 s. | E02048Failed { limit: 3, retry_after: 9, window: Some("1m") } | clone equal true | equal to 1 | decoded equal true | 3 | ["Retry-After: 9"] [] | {"success":false,"errorCode":"E02048_FAILED","message":"Limit of 3 reached; retry in    9 s.","details":{"limit":3,"retryAfter":9,"window":"1m"}}"#,
            r#"E02943_CONFLICT | Validation failed for 1 fields. | E02943Conflict { count: 1, fields: [], tags: ["y"] } | clone equal true | equal to 1 | decoded equal true | 3 | [] [] | {"success":false,"errorCode":"E02943_CONFLICT","message":"Validation failed for 1 fields.","details":{"count":1,"fields":[],"tags":["y"]}}"#,
            r#"E02944_FAILED | Upstream u answered 1 after 0.00 of the budget. | E02944Failed { service: "u", answer: Number(1), ratio: 0.0, host: "j" } | clone equal true | equal to 1 | decoded equal false | 3 | [] ["host=\"j\""] | {"success":false,"errorCode":"E02944_FAILED","message":"Upstream u answered 1 after 0.00 of the budget.","details":{"service":"u","answer":1,"ratio":0.0}}"#,
            r#"E02999_CONFLICT | Version -1 expected, 2 found. | E02999Conflict { expected: -1, actual: 2, force: None } | clone equal true | equal to 1 | decoded equal true | 2 | [] [] | {"success":false,"errorCode":"E02999_CONFLICT","message":"Version -1 expected, 2 found.","details":{"expected":-1,"actual":2}}"#,
        ]
    );
}
