//! SPEC 9.4: the primary language renders with no extra cost. Time to write one
//! error's message, and its whole envelope, into a pre-sized buffer: through
//! `Display` (the baseline), through `localized` naming the primary language, and in
//! another language (`fr`, a translated template).
//!
//! `cargo bench -p errors-bench --bench locales -- --warm-up-time 1 --measurement-time 2`;
//! the figures are in BENCHMARKS.md. The allocation counts are asserted in
//! `tests/no_alloc.rs`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errors_runtime::CatalogError;

errors_runtime::catalog!("benches/catalogs/locales.toml");

fn locales(c: &mut Criterion) {
    let error = ApiError::NotFound {
        kind: "book".to_owned(),
        id: 7,
    };
    let mut text = String::with_capacity(256);
    let mut group = c.benchmark_group("locales/message");
    group.bench_function("display", |b| {
        b.iter(|| {
            text.clear();
            write!(text, "{}", black_box(&error)).unwrap();
        })
    });
    group.bench_function("localized_primary", |b| {
        b.iter(|| {
            text.clear();
            write!(text, "{}", black_box(&error).localized(black_box("en"))).unwrap();
        })
    });
    group.bench_function("localized_fr", |b| {
        b.iter(|| {
            text.clear();
            write!(text, "{}", black_box(&error).localized(black_box("fr"))).unwrap();
        })
    });
    group.finish();

    let mut out = Vec::with_capacity(1024);
    let mut group = c.benchmark_group("locales/envelope");
    for (name, tag) in [("unset", None), ("primary", Some("en")), ("fr", Some("fr"))] {
        group.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                let envelope = black_box(&error).envelope();
                let envelope = match tag {
                    Some(tag) => envelope.locale(black_box(tag)),
                    None => envelope,
                };
                envelope.write_json(&mut out);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, locales);
criterion_main!(benches);
