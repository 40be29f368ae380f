//! SPEC 9.2: recovering a field sent only in the message costs time linear in the
//! message. Time per `decode` of a whole flat envelope whose message is a hostile
//! shape, from 1 KiB up to the decoder's body cap (`Decoder::DEFAULT_MAX_LEN`):
//!
//! - `repeated_literals`: `Session '{a}' ('{b}') does not exist` with the inner
//!   literal `' ('` repeated all along (many readings: `Mismatched`);
//! - `missing_final_literal`: `{a}--{b}::{c}` with `--` all along and no `::` (the
//!   scan runs to the end and finds no reading: `Mismatched`);
//! - `separator_run`: `{a}, {b}, {c}!` with `, ` all along, then `!` (`Mismatched`).
//!
//! `cargo bench -p errors-bench --bench message_decode -- --warm-up-time 1 --measurement-time 2`;
//! the figures are in BENCHMARKS.md. Linear means the time grows with the size ratio.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use errors_runtime::{Decoder, decode};

errors_runtime::catalog!("benches/catalogs/message_only.toml");

/// A flat envelope of `code` whose message is `head`, `filler` repeated, then `tail`,
/// `size` bytes in all (the envelope's own bytes included), never past the cap.
fn envelope(code: &str, head: &str, filler: &str, tail: &str, size: usize) -> Vec<u8> {
    let frame = format!(r#"{{"success":false,"errorCode":"{code}","message":""}}"#).len();
    let room = size - frame - head.len() - tail.len();
    let message = format!("{head}{}{tail}", filler.repeat(room / filler.len()));
    let body = serde_json::to_vec(&serde_json::json!({
        "success": false, "errorCode": code, "message": message,
    }))
    .unwrap();
    assert!(body.len() <= size, "{} > {size}", body.len());
    body
}

const SHAPES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "repeated_literals",
        "SESSION_GONE",
        "Session '",
        "' ('",
        "') does not exist",
    ),
    ("missing_final_literal", "PATH_BAD", "", "x--", ""),
    ("separator_run", "LIST_BAD", "", ", ", "!"),
];

fn message_decode(c: &mut Criterion) {
    let cap = Decoder::DEFAULT_MAX_LEN;
    let sizes = [1 << 10, 16 << 10, 128 << 10, cap];
    for (shape, code, head, filler, tail) in SHAPES {
        let mut group = c.benchmark_group(format!("message_decode/{shape}"));
        for size in sizes {
            let body = envelope(code, head, filler, tail, size);
            // Every shape is read as `Mismatched`, never lost nor misread.
            let decoded = decode::<ApiError>(&body).unwrap();
            assert!(decoded.error().mismatched().is_some(), "{shape} {size}");
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &body, |b, body| {
                b.iter(|| black_box(decode::<ApiError>(black_box(body)).unwrap()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, message_decode);
criterion_main!(benches);
