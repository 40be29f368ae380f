//! SPEC section 7's runtime figures: the generated code against the hand-written
//! baseline, side by side in the same run, on every code of a catalog per iteration.
//!
//! `cargo bench -p errors-bench --bench runtime`, then
//! `cargo run -p errors-bench --bin bench-report` for the ratios.
//!
//! Every group has two functions, `generated` and `baseline`, doing the same work on
//! the same inputs (the crate's tests check they produce the same bytes). Inputs go
//! through `black_box` so nothing is computed at compile time, and every result goes
//! through `black_box` so nothing is skipped.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use errors_bench::{baseline, generated};
use errors_runtime::Timestamp;

const REQUEST_ID: &str = "req_2N7s8x9KqR";

/// `code()`, `status()`, `is_retryable()`, parsing every code string and `Display`
/// into a reused `String`, for the catalog `$m`.
macro_rules! api {
    ($c:expr, $group:literal, $m:ident) => {{
        let ours = generated::$m::samples();
        let theirs = baseline::$m::samples();
        let codes: Vec<&'static str> = generated::$m::ApiErrorCode::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        let n = ours.len() as u64;

        let mut g = $c.benchmark_group(concat!($group, "/code"));
        g.throughput(Throughput::Elements(n));
        g.bench_function("generated", |b| {
            b.iter(|| {
                for e in black_box(&ours[..]) {
                    black_box(e.code());
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for e in black_box(&theirs[..]) {
                    black_box(e.code());
                }
            })
        });
        g.finish();

        let mut g = $c.benchmark_group(concat!($group, "/status"));
        g.throughput(Throughput::Elements(n));
        g.bench_function("generated", |b| {
            b.iter(|| {
                for e in black_box(&ours[..]) {
                    black_box(e.status());
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for e in black_box(&theirs[..]) {
                    black_box(e.status());
                }
            })
        });
        g.finish();

        let mut g = $c.benchmark_group(concat!($group, "/is_retryable"));
        g.throughput(Throughput::Elements(n));
        g.bench_function("generated", |b| {
            b.iter(|| {
                for e in black_box(&ours[..]) {
                    black_box(e.is_retryable());
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for e in black_box(&theirs[..]) {
                    black_box(e.is_retryable());
                }
            })
        });
        g.finish();

        let mut g = $c.benchmark_group(concat!($group, "/parse"));
        g.throughput(Throughput::Elements(n));
        g.bench_function("generated", |b| {
            b.iter(|| {
                for text in black_box(&codes[..]) {
                    black_box(text.parse::<generated::$m::ApiErrorCode>().ok());
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for text in black_box(&codes[..]) {
                    black_box(text.parse::<baseline::$m::ApiErrorCode>().ok());
                }
            })
        });
        g.finish();

        let mut g = $c.benchmark_group(concat!($group, "/display"));
        g.throughput(Throughput::Elements(n));
        let mut buf = String::with_capacity(1024);
        g.bench_function("generated", |b| {
            b.iter(|| {
                for e in black_box(&ours[..]) {
                    buf.clear();
                    write!(buf, "{e}").unwrap();
                    black_box(buf.as_str());
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for e in black_box(&theirs[..]) {
                    buf.clear();
                    write!(buf, "{e}").unwrap();
                    black_box(buf.as_str());
                }
            })
        });
        g.finish();
    }};
}

/// Serializing the envelope of every error of the catalog `$m`, with a request id and
/// a timestamp, into a reused `Vec<u8>`.
macro_rules! envelope {
    ($c:expr, $group:literal, $m:ident) => {{
        let ours = generated::$m::samples();
        let theirs = baseline::$m::samples();
        let at = Timestamp::from_unix_millis(1_795_255_200_000);
        let mut out = Vec::with_capacity(4096);
        let mut g = $c.benchmark_group(concat!("envelope/", $group));
        g.throughput(Throughput::Elements(ours.len() as u64));
        g.bench_function("generated", |b| {
            b.iter(|| {
                for e in black_box(&ours[..]) {
                    out.clear();
                    let envelope = e.envelope().request_id(black_box(REQUEST_ID)).timestamp(at);
                    serde_json::to_writer(&mut out, &envelope).unwrap();
                    black_box(&out);
                }
            })
        });
        g.bench_function("baseline", |b| {
            b.iter(|| {
                for e in black_box(&theirs[..]) {
                    out.clear();
                    let envelope = e.envelope(Some(black_box(REQUEST_ID)), Some(at));
                    serde_json::to_writer(&mut out, &envelope).unwrap();
                    black_box(&out);
                }
            })
        });
        g.finish();
    }};
}

fn bundled(c: &mut Criterion) {
    api!(c, "bundled", flat);
}

fn large(c: &mut Criterion) {
    api!(c, "large", large);
}

fn envelopes(c: &mut Criterion) {
    envelope!(c, "flat", flat);
    envelope!(c, "nested", nested);
    envelope!(c, "typed", typed);
    envelope!(c, "problem", problem);
    envelope!(c, "large_nested", large);
}

criterion_group!(benches, bundled, large, envelopes);
criterion_main!(benches);
