//! A fuzz-style harness for what a client reads from the network: error envelope
//! bodies and `Retry-After` header values. Run on demand:
//!
//! ```text
//! cargo run --release -p errors-runtime --example fuzz_decode -- <cases> [seed]
//! ```
//!
//! `<cases>` (default 100,000) cases per target, from `[seed]` (default 0x5EED; the
//! same seed gives the same cases). A bounded run is a normal test
//! (`tests/fuzz_decode.rs`); figures of long runs are in `FUZZING.md`.
//!
//! **Envelope targets**, one per test catalog (every style, renamed members, the
//! bundled catalog): a seed body is taken (synthesized from the catalog's metadata
//! for every code, in its style; hand-written envelopes of the spec and of issue 16;
//! or another target's seed), mutated one to four times (bytes flipped, inserted,
//! deleted, duplicated or spliced; JSON tokens inserted; or, on the parsed value,
//! members removed, replaced, added or retyped), and decoded with `decode`,
//! `decode_response` and a small `max_len`. Checked: no panic; a decoded known error's
//! own envelope decodes again, to the same code; a decoded timestamp is written as
//! text that parses back to it.
//!
//! **`Retry-After` target**: header values mutated from seeds (delay-seconds, the
//! three HTTP-date forms, huge and edge values) or random bytes, read by
//! `RetryAfter::parse`, `Failure::from_response_at` and
//! `RetryPolicy::decide_response`. Checked: no panic; a wait never exceeds the
//! policy's `max_retry_after` or backoff cap; a delay parses only from digits.
//!
//! Every case runs under `catch_unwind`; the report counts panics and violations and
//! prints the first few inputs of each.

use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use errors_runtime::meta::{CatalogMeta, EnvelopeStyle, FieldType};
use errors_runtime::retry::{Failure, RetryAfter, RetryPolicy};
use errors_runtime::{Decode, Decoder, Received, Timestamp, decode, decode_response};
use serde_json::{Map, Value, json};

mod catalogs {
    pub(crate) mod bundled {
        errors_runtime::catalog!("../../catalog.toml");
    }
    pub(crate) mod nested {
        errors_runtime::catalog!("tests/catalogs/nested.toml");
    }
    pub(crate) mod typed {
        errors_runtime::catalog!("tests/catalogs/typed.toml");
    }
    pub(crate) mod problem {
        errors_runtime::catalog!("tests/catalogs/problem.toml");
    }
    pub(crate) mod flat_renamed {
        errors_runtime::catalog!("tests/catalogs/flat_renamed.toml");
    }
    pub(crate) mod problem_renamed {
        errors_runtime::catalog!("tests/catalogs/problem_renamed.toml");
    }
    pub(crate) mod values_flat {
        errors_runtime::catalog!("tests/catalogs/values_flat.toml");
    }
    pub(crate) mod values_nested {
        errors_runtime::catalog!("tests/catalogs/values_nested.toml");
    }
    pub(crate) mod values_typed {
        errors_runtime::catalog!("tests/catalogs/values_typed.toml");
    }
    pub(crate) mod values_problem {
        errors_runtime::catalog!("tests/catalogs/values_problem.toml");
    }
}

/// What one target found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    /// The target's name.
    pub(crate) target: String,
    /// Cases run.
    pub(crate) cases: u64,
    /// Cases that panicked.
    pub(crate) panics: u64,
    /// Cases that broke an invariant without panicking.
    pub(crate) violations: u64,
    /// Cases that decoded (envelopes) or parsed (`Retry-After`).
    pub(crate) accepted: u64,
    /// Seed bodies that decoded, of all seeds (envelopes only).
    pub(crate) seeds: (usize, usize),
    /// The first few failing inputs, with what went wrong.
    pub(crate) examples: Vec<String>,
    /// Wall-clock time.
    pub(crate) elapsed: Duration,
}

impl Report {
    /// `target: cases, seconds, panics, violations, accepted`.
    pub(crate) fn line(&self) -> String {
        format!(
            "{:<24} {:>9} cases {:>8.2} s  panics {}  violations {}  accepted {}  seeds {}/{}",
            self.target,
            self.cases,
            self.elapsed.as_secs_f64(),
            self.panics,
            self.violations,
            self.accepted,
            self.seeds.0,
            self.seeds.1,
        )
    }

    fn fail(&mut self, input: &[u8], what: &str) {
        if self.examples.len() < 5 {
            let shown: String = String::from_utf8_lossy(input).chars().take(300).collect();
            self.examples.push(format!("{what}: {shown:?}"));
        }
    }
}

/// SplitMix64: small, deterministic, good enough to pick mutations.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------

/// A sample value of a detail type.
fn sample(ty: &FieldType, rng: &mut Rng) -> Value {
    match ty {
        FieldType::String => json!(rng.pick(&["read", "", "{x}", "é\u{0}\"", "NaN"])),
        FieldType::Bool => json!(rng.chance(2)),
        FieldType::I32 => json!(*rng.pick(&[0, -1, i32::MIN, i32::MAX, 7])),
        FieldType::I64 => json!(*rng.pick(&[0, -1, i64::MIN, i64::MAX, 7])),
        FieldType::U32 => json!(*rng.pick(&[0, 1, u32::MAX, 42])),
        FieldType::U64 => json!(*rng.pick(&[0, 1, u64::MAX, 42])),
        FieldType::F64 => rng
            .pick(&[
                json!(1.5),
                json!(-0.0),
                json!("NaN"),
                json!("-Infinity"),
                json!(1e308),
            ])
            .clone(),
        FieldType::Json => rng
            .pick(&[json!(null), json!({"a": [1, "b"]}), json!("NaN"), json!([])])
            .clone(),
        FieldType::FieldViolations => {
            json!([{"path": "email", "message": "must be valid"}, {"path": "", "message": "", "rule": "r"}])
        }
        FieldType::List(inner) => {
            Value::Array((0..rng.below(3)).map(|_| sample(inner, rng)).collect())
        }
    }
}

/// One envelope of every code of `catalog`, in its style, with sample details.
fn synthesized(catalog: &CatalogMeta, rng: &mut Rng) -> Vec<Vec<u8>> {
    let keys = &catalog.envelope.keys;
    let style = catalog.envelope.style;
    catalog
        .errors
        .iter()
        .map(|error| {
            let mut details = Map::new();
            for field in error.fields.iter().filter(|f| !f.internal) {
                if !field.optional || rng.chance(2) {
                    details.insert(field.wire.into(), sample(&field.ty, rng));
                }
            }
            let has_details = error.has_detail_fields();
            let mut members = Map::new();
            let mut put = |key: &str, value: Value| {
                if !key.is_empty() {
                    members.insert(key.into(), value);
                }
            };
            match style {
                EnvelopeStyle::Flat | EnvelopeStyle::Nested | EnvelopeStyle::Typed => {
                    if style == EnvelopeStyle::Flat {
                        put(keys.success, json!(false));
                    }
                    if style == EnvelopeStyle::Typed {
                        put(keys.type_, json!(error.category));
                        put(keys.param, Value::Null);
                        put(keys.doc_url, json!(error.doc_url));
                    }
                    put(keys.code, json!(error.code));
                    put(keys.message, json!(error.template));
                    if has_details {
                        put(keys.details, Value::Object(details));
                    }
                    put(keys.request_id, json!("req_1"));
                    put(keys.timestamp, json!("2026-11-21T10:00:00.000Z"));
                }
                EnvelopeStyle::Problem => {
                    put(keys.type_, json!(error.doc_url.unwrap_or("about:blank")));
                    put(keys.title, json!(error.title));
                    put(keys.status, json!(error.status));
                    put(keys.detail, json!(error.template));
                    put(keys.code, json!(error.code));
                    put(keys.request_id, json!("req_1"));
                    put(keys.timestamp, json!("2026-11-21T10:00:00.000Z"));
                    members.extend(details);
                }
            }
            let body = match style {
                EnvelopeStyle::Nested | EnvelopeStyle::Typed => Value::Object(Map::from_iter([(
                    keys.error.to_owned(),
                    Value::Object(members),
                )])),
                _ => Value::Object(members),
            };
            body.to_string().into_bytes()
        })
        .collect()
}

/// Envelopes as the spec publishes them, and the inputs of issue 16.
const HANDWRITTEN: &[&str] = &[
    r#"{"success": false, "errorCode": "RATE_LIMITED", "message": "Rate limit exceeded for read endpoints. Retry in 42 seconds.", "details": {"category": "read", "retryAfter": 42}, "requestId": "req_2N7s8x9KqR"}"#,
    r#"{"error": {"code": "rate_limit_exceeded", "message": "Too many requests", "details": {"retry_after": 60}, "request_id": "req_abc123xyz", "timestamp": "2026-11-21T10:00:00.000Z"}}"#,
    r#"{"error": {"type": "rate_limit_error", "code": "RATE_LIMITED", "message": "Slow down", "param": null, "doc_url": "https://docs.example.com/errors#RATE_LIMITED", "request_id": "req_1", "details": {"retry_after": 60}}}"#,
    r#"{"type": "https://docs.example.com/errors#RATE_LIMITED", "title": "Rate limited", "status": 429, "detail": "Slow down", "code": "RATE_LIMITED", "request_id": "req_1", "retry_after": 60}"#,
    r#"{"kind": "about:blank", "summary": "Edit conflict", "http_status": 409, "text": "The record changed at /r/7.", "error_code": "EDIT_CONFLICT", "instance": "/r/7", "occurrence": "/o/1", "type": "page", "status": 3, "title": null, "detail": null}"#,
    r#"{"success": false, "errorCode": "EVERY_OPTIONAL", "message": "m", "details": {"ratio": "NaN", "ratios": ["Infinity", 1, "-Infinity"], "payload": null}}"#,
    r#"{"success": false, "errorCode": "EVERY_TYPE", "message": "m", "details": {"ratio": null}}"#,
    r#"{"error": {"code": "EVERY_TYPE", "message": "m", "timestamp": "11476-08-15T05:20:00.000Z"}}"#,
    r#"{"error": {"code": "NOT_FOUND", "message": "m", "timestamp": "-001-12-31T00:00:00.000Z", "request_id": ""}}"#,
    r#"{"type": "about:blank", "status": 99999999999999999999, "detail": "x", "code": "RATE_LIMITED", "retry_after": 99999999999999999999}"#,
    r#"{"success": false, "errorCode": "RATE_LIMITED", "message": "", "details": {"retryAfter": -1, "category": 7}}"#,
    r#"[{"success": false}]"#,
    "",
];

/// JSON fragments and envelope keys to insert.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e999",
    "-1e-999",
    "99999999999999999999",
    "18446744073709551616",
    "-9223372036854775809",
    "1.7976931348623157e309",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "[]",
    "{}",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\uDFFF\"",
    "\"é\"",
    ",",
    ":",
    "\"",
    "{",
    "}",
    "[",
    "]",
    "\\",
    "\"errorCode\"",
    "\"error\"",
    "\"code\"",
    "\"message\"",
    "\"details\"",
    "\"instance\"",
    "\"status\"",
    "\"detail\"",
    "\"type\"",
    "\"title\"",
    "\"timestamp\"",
    "\"request_id\"",
    "\"requestId\"",
    "\"success\"",
    "\"2026-11-21T10:00:00.000Z\"",
    "\"9999-12-31T23:59:60Z\"",
    "\"0000-01-01T00:00:00+01:00\"",
];

/// A value of a random JSON type.
fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 7 } else { 9 }) {
        0 => Value::Null,
        1 => json!(rng.chance(2)),
        2 => json!(rng.next() as i64),
        3 => json!(rng.next()),
        4 => json!(f64::from_bits(rng.next())),
        5 => json!(*rng.pick(&[
            "",
            "NaN",
            "Infinity",
            "x",
            "2026-11-21T10:00:00Z",
            "about:blank"
        ])),
        6 => json!(*rng.pick(&[0, 429, 503, 100, 599, 600, 70_000])),
        7 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.below(4) {
                let key = rng.pick(TOKENS).trim_matches('"').to_owned();
                map.insert(key, random_value(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// Changes one node of `value`, somewhere.
fn mutate_value(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) if !map.is_empty() && !rng.chance(4) => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            match rng.below(5) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, random_value(rng, 0));
                }
                2 => {
                    let new = rng.pick(TOKENS).trim_matches('"').to_owned();
                    map.insert(new, random_value(rng, 0));
                }
                _ => {
                    if let Some(inner) = map.get_mut(&key) {
                        mutate_value(inner, rng);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() && !rng.chance(4) => {
            let i = rng.below(items.len());
            if rng.chance(3) {
                items.remove(i);
            } else {
                mutate_value(&mut items[i], rng);
            }
        }
        other => *other = random_value(rng, 0),
    }
}

/// Mutates `input` one to four times: half the time on the parsed value (when it
/// parses), so that most results are still JSON and reach the envelope and detail
/// checks; else on the bytes.
fn mutate(input: &[u8], corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = input.to_vec();
    let times = 1 + rng.below(4);
    if rng.chance(2)
        && let Ok(mut value) = serde_json::from_slice::<Value>(&bytes)
    {
        for _ in 0..times {
            mutate_value(&mut value, rng);
        }
        bytes = value.to_string().into_bytes();
        return bytes;
    }
    for _ in 0..times {
        let len = bytes.len();
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                bytes.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                bytes.drain(start..end);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                let copy = bytes[start..end].to_vec();
                let at = rng.below(len + 1);
                bytes.splice(at..at, copy);
            }
            4 => {
                let other = rng.pick(corpus);
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                bytes.truncate(cut);
                bytes.extend_from_slice(&other[from..]);
            }
            _ => {
                let i = rng.below(len + 1);
                let token = rng.pick(TOKENS).as_bytes();
                bytes.splice(i..i, token.iter().copied());
            }
        }
    }
    if rng.chance(200) {
        // Deep nesting, past serde_json's limit.
        let depth = 100 + rng.below(200);
        let mut deep = "[".repeat(depth).into_bytes();
        deep.extend(std::iter::repeat_n(b']', depth));
        let i = rng.below(bytes.len() + 1);
        bytes.splice(i..i, deep);
    }
    bytes
}

// ---------------------------------------------------------------------------
// Envelope targets
// ---------------------------------------------------------------------------

/// What one decode case found wrong, if anything (panics are caught outside).
fn check_decode<E: Decode + Debug>(body: &[u8], rng: &mut Rng) -> Result<bool, String> {
    let status = *rng.pick(&[200, 400, 404, 429, 500, 503, 599, 0, 65_535]);
    let header = *rng.pick(&["1", "99999999999999999999", "x"]);
    let decoded = match rng.below(3) {
        0 => decode::<E>(body),
        1 => decode_response::<E>(status, &(), body),
        _ => Decoder::new()
            .status(status)
            .retry_after_header(header)
            .max_len(rng.below(4096))
            .decode::<E>(body),
    };
    let Ok(decoded) = decoded else {
        return Ok(false);
    };
    // Everything a client may ask of it.
    let _ = (
        decoded.to_string(),
        decoded.is_retryable(),
        decoded.retry_after(),
    );
    let _ = (
        decoded.status(),
        decoded.code(),
        decoded.message(),
        decoded.doc_url(),
    );
    if let Some(at) = decoded.timestamp()
        && Timestamp::parse(&at.to_string()) != Some(at)
    {
        return Err(format!(
            "timestamp {at:?} is written as {at}, which does not parse back"
        ));
    }
    if let Received::Known(error) = decoded.error() {
        let mut again = Vec::new();
        error
            .envelope()
            .request_id("req_1")
            .timestamp(decoded.timestamp().unwrap_or(Timestamp::MAX))
            .write_json(&mut again);
        match decode::<E>(&again) {
            Ok(back) if back.code() == decoded.code() => {}
            Ok(back) => return Err(format!("re-decoded as {}", back.code())),
            Err(err) => {
                return Err(format!(
                    "the envelope of the decoded {error:?} does not decode: {err}: {}",
                    String::from_utf8_lossy(&again)
                ));
            }
        }
    }
    Ok(true)
}

/// One envelope target: a catalog type and its seeds.
pub(crate) struct Target {
    name: &'static str,
    catalog: &'static CatalogMeta,
    check: fn(&[u8], &mut Rng) -> Result<bool, String>,
}

impl Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

fn target<E: Decode + Debug>(name: &'static str) -> Target {
    Target {
        name,
        catalog: E::CATALOG,
        check: check_decode::<E>,
    }
}

/// Every envelope target.
pub(crate) fn targets() -> Vec<Target> {
    use catalogs::*;
    vec![
        target::<bundled::ApiError>("flat (bundled)"),
        target::<flat_renamed::RenamedError>("flat (renamed)"),
        target::<values_flat::FlatValues>("flat (every type)"),
        target::<nested::SessionApiError>("nested"),
        target::<values_nested::NestedValues>("nested (every type)"),
        target::<typed::PaymentsError>("typed"),
        target::<values_typed::TypedValues>("typed (every type)"),
        target::<problem::ProblemError>("problem"),
        target::<problem_renamed::RenamedProblem>("problem (renamed)"),
        target::<values_problem::ProblemValues>("problem (every type)"),
    ]
}

/// Runs `result` under `catch_unwind`, with the panic message, if any.
fn guarded<T>(run: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(run)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_owned())
    })
}

/// `cases` mutated envelopes for each target.
pub(crate) fn fuzz_envelopes(cases: u64, seed: u64) -> Vec<Report> {
    let mut rng = Rng::new(seed);
    let targets = targets();
    let mut all_seeds: Vec<Vec<u8>> = HANDWRITTEN.iter().map(|s| s.as_bytes().to_vec()).collect();
    let own: Vec<Vec<Vec<u8>>> = targets
        .iter()
        .map(|t| synthesized(t.catalog, &mut rng))
        .collect();
    all_seeds.extend(own.iter().flatten().cloned());
    targets
        .iter()
        .zip(&own)
        .map(|(target, own)| {
            let mut report = Report {
                target: target.name.to_owned(),
                ..Report::default()
            };
            let started = Instant::now();
            let decoded = own
                .iter()
                .filter(|seed| matches!((target.check)(seed, &mut Rng::new(1)), Ok(true)))
                .count();
            report.seeds = (decoded, own.len());
            for _ in 0..cases {
                let base = if rng.chance(4) {
                    rng.pick(&all_seeds)
                } else {
                    rng.pick(own)
                };
                let body = mutate(base, &all_seeds, &mut rng);
                report.cases += 1;
                match guarded(|| (target.check)(&body, &mut rng)) {
                    Ok(Ok(accepted)) => report.accepted += u64::from(accepted),
                    Ok(Err(what)) => {
                        report.violations += 1;
                        report.fail(&body, &what);
                    }
                    Err(message) => {
                        report.panics += 1;
                        report.fail(&body, &format!("panic: {message}"));
                    }
                }
            }
            report.elapsed = started.elapsed();
            report
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Retry-After target
// ---------------------------------------------------------------------------

const RETRY_AFTER_SEEDS: &[&str] = &[
    "42",
    "0",
    " 7 ",
    "\t120\t",
    "99999999999999999999",
    "18446744073709551615",
    "18446744073709551616",
    "300",
    "301",
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Sat, 01 Jan 0000 00:00:00 GMT",
    "Mon, 29 Feb 2100 00:00:00 GMT",
    "Thu, 01 Jan 1970 00:00:60 GMT",
    "Wednesday, 31-Dec-69 23:59:59 GMT",
    "Sun Nov 16 08:49:37 1994",
    "",
    "-1",
    "1.5",
    "1e3",
    "٣",
    "Sun, 06 Nov 1994 08:49:37 UTC",
];

/// `cases` `Retry-After` values.
pub(crate) fn fuzz_retry_after(cases: u64, seed: u64) -> Report {
    let mut rng = Rng::new(seed);
    let corpus: Vec<Vec<u8>> = RETRY_AFTER_SEEDS
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
    let random = Arc::new(Mutex::new(Rng::new(seed ^ 0xA5A5)));
    let source = {
        let random = Arc::clone(&random);
        move || random.lock().map(|mut r| r.next()).unwrap_or(0)
    };
    let policy = RetryPolicy::new().with_random(source);
    let limit = policy.max_retry_after().max(policy.max_delay());
    let mut report = Report {
        target: "Retry-After".to_owned(),
        ..Report::default()
    };
    let started = Instant::now();
    for _ in 0..cases {
        let bytes = if rng.chance(8) {
            (0..rng.below(40)).map(|_| rng.next() as u8).collect()
        } else {
            let base = rng.pick(&corpus).clone();
            let mut bytes = base;
            for _ in 0..=rng.below(3) {
                let len = bytes.len();
                match rng.below(5) {
                    0 if len > 0 => {
                        let i = rng.below(len);
                        bytes[i] = *rng.pick(b"0123456789 ,:-GMTSunNovDecFriSat\t");
                    }
                    1 => {
                        let i = rng.below(len + 1);
                        bytes.insert(i, *rng.pick(b"0123456789 ,:-\t\xff"));
                    }
                    2 if len > 0 => {
                        let i = rng.below(len);
                        bytes.remove(i);
                    }
                    3 => {
                        let other = rng.pick(&corpus);
                        let cut = rng.below(len + 1);
                        bytes.truncate(cut);
                        bytes.extend_from_slice(&other[rng.below(other.len() + 1)..]);
                    }
                    _ => {}
                }
            }
            bytes
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let attempt = rng.below(8) as u32;
        let status = *rng.pick(&[429, 503, 500, 404, 0, 65_535]);
        let now = UNIX_EPOCH + Duration::from_secs(rng.next() % 300_000_000_000);
        report.cases += 1;
        let outcome = guarded(|| -> Result<bool, String> {
            let parsed = RetryAfter::parse(&text);
            if let Some(RetryAfter::Delay(_)) = parsed {
                let digits = text.trim_matches([' ', '\t']);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("{parsed:?} from non-digits"));
                }
            }
            if let Some(after) = parsed {
                let _ = (
                    after.delay_from(now),
                    after.delay_from(SystemTime::UNIX_EPOCH),
                );
            }
            let failure = Failure::from_response_at(status, Some(&text), now);
            let decision = policy.decide(attempt, &failure);
            let decision_now = policy.decide_response(attempt, status, Some(&text));
            for decision in [decision, decision_now] {
                if let Some(wait) = decision.delay()
                    && wait > limit
                {
                    return Err(format!("waits {wait:?}, beyond {limit:?}"));
                }
            }
            Ok(parsed.is_some())
        });
        match outcome {
            Ok(Ok(accepted)) => report.accepted += u64::from(accepted),
            Ok(Err(what)) => {
                report.violations += 1;
                report.fail(&bytes, &what);
            }
            Err(message) => {
                report.panics += 1;
                report.fail(&bytes, &format!("panic: {message}"));
            }
        }
    }
    report.elapsed = started.elapsed();
    report
}

/// Runs every target with panic messages silenced (they are counted and reported).
pub(crate) fn run(cases: u64, seed: u64) -> Vec<Report> {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut reports = fuzz_envelopes(cases, seed);
    reports.push(fuzz_retry_after(cases, seed));
    panic::set_hook(hook);
    reports
}

#[allow(dead_code)] // a test includes this file as a module, without calling `main`
fn main() {
    let mut args = std::env::args().skip(1);
    let parse = |arg: Option<String>, default: u64| -> u64 {
        match arg {
            None => default,
            Some(text) => {
                let text = text.replace('_', "");
                let parsed = match text.strip_prefix("0x") {
                    Some(hex) => u64::from_str_radix(hex, 16),
                    None => text.parse(),
                };
                parsed.unwrap_or_else(|_| {
                    eprintln!("usage: fuzz_decode [cases] [seed]; `{text}` is not a number");
                    std::process::exit(2)
                })
            }
        }
    };
    let cases = parse(args.next(), 100_000);
    let seed = parse(args.next(), 0x5EED);
    println!("fuzz_decode: {cases} cases per target, seed {seed:#x}");
    let reports = run(cases, seed);
    let mut failed = false;
    for report in &reports {
        println!("{}", report.line());
        for example in &report.examples {
            println!("    {example}");
        }
        failed |= report.panics > 0 || report.violations > 0;
    }
    let total: f64 = reports.iter().map(|r| r.elapsed.as_secs_f64()).sum();
    println!("total {total:.1} s");
    if failed {
        std::process::exit(1);
    }
}
