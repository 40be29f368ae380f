//! The demo: every error of the bundled `catalog.toml`, as the generated code sees it.
//!
//! `cargo run -p errors-demo` prints, for each code, its HTTP status, whether clients
//! may retry it, the headers it sends and its JSON envelope in the catalog's style.

use errors_runtime::meta::FieldType;
use errors_runtime::{CatalogError, Decode, JsonValue, Timestamp, WireDetails};

errors_runtime::catalog!("../catalog.toml");

fn main() {
    let catalog = ApiError::catalog();
    println!(
        "{}: {} codes, `{}` envelope ({})\n",
        catalog.name,
        ApiErrorCode::ALL.len(),
        catalog.envelope.style.as_str(),
        catalog.envelope.style.content_type()
    );
    // The booking API's documented example, value for value.
    let rate_limited = ApiError::RateLimited {
        category: "read".into(),
        retry_after: 42,
        limit: None,
    };
    let at = Timestamp::from_unix_millis(1_795_255_200_000);
    for code in ApiErrorCode::ALL {
        let error = match code {
            ApiErrorCode::RateLimited => rate_limited.clone(),
            code => sample(code),
        };
        show(&error, at);
    }
}

/// An error of `code` with a plausible value in every field, built through the
/// decoder from the catalog's own metadata so the demo follows the catalog.
fn sample(code: ApiErrorCode) -> ApiError {
    let details: serde_json::Map<String, JsonValue> = code
        .meta()
        .fields
        .iter()
        .filter(|f| !f.internal)
        .map(|f| (f.wire.to_owned(), sample_value(f.name, f.ty)))
        .collect();
    ApiError::from_wire(code, WireDetails::new(code.as_str(), Some(&details)))
        .expect("sample values fit the catalog's types")
}

fn sample_value(name: &str, ty: FieldType) -> JsonValue {
    use serde_json::json;
    match ty {
        FieldType::String => json!(match name {
            "type" => "Session",
            "tier" => "Basic",
            "scope" => "bookings:write",
            "service" => "payments",
            "field" => "email",
            "requirement" => "required",
            "window" => "1 minute",
            "reason" => "the booking was cancelled meanwhile",
            "idempotency_key" => "5f2b0c1e-7d4e-4c8a-9a57-1f0e6c1b2d3a",
            _ if name.ends_with("_at") => "2026-11-21T10:00:00.000Z",
            _ => "ses_8fK2",
        }),
        FieldType::Bool => json!(true),
        FieldType::U32 | FieldType::U64 | FieldType::I32 | FieldType::I64 => json!(match name {
            "capacity" => 20,
            "retry_after" => 60,
            "limit" => 100,
            "timeout_ms" => 30000,
            "actual_version" => 8,
            _ => 7,
        }),
        FieldType::F64 => json!(0.5),
        FieldType::FieldViolations => json!([
            { "path": "email", "message": "must be a valid email" },
            { "path": "phone", "message": "must include country code" },
        ]),
        FieldType::List(_) | FieldType::Json => json!([]),
    }
}

fn show(error: &ApiError, at: Timestamp) {
    let meta = error.meta();
    let retry = if error.is_retryable() {
        "retryable"
    } else {
        "not retryable"
    };
    println!("{}  HTTP {}  {}", meta.code, error.status(), retry);
    let mut headers = Vec::new();
    error.for_each_header(&mut |name, value| headers.push(format!("{name}: {value}")));
    if !headers.is_empty() {
        println!("  headers: {}", headers.join(", "));
    }
    if let Some(wait) = error.retry_after() {
        println!("  retry after: {} s", wait.as_secs());
    }
    let envelope = error.envelope().request_id("req_2N7s8x9KqR").timestamp(at);
    // Pretty-printed straight from the envelope, so members keep their wire order.
    let pretty = serde_json::to_string_pretty(&envelope).expect("envelopes serialize");
    for line in pretty.lines() {
        println!("  {line}");
    }
    println!();
}
