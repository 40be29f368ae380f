//! Fuzz-style: thousands of random and mutated catalogs. The loader never panics,
//! every diagnostic starts with a position inside the file, diagnostics are sorted,
//! and rendering never panics. `examples/fuzz_catalog.rs` runs the same loop for as
//! many cases as asked.

mod generate;

use std::path::Path;

use errors_catalog::Catalog;
use generate::rng::Rng;
use generate::{catalogs, corpus, harness, invariants, mutate};

const BUNDLED: &str = include_str!("../../../catalog.toml");

fn check(text: &str) {
    let path = Path::new("catalog.toml");
    let result = Catalog::from_str(path, text);
    let wrong = invariants::violations(path, text, &result);
    assert!(wrong.is_empty(), "{wrong:#?}\n--- text\n{text}");
}

#[test]
fn mutated_bundled_catalogs_never_panic() {
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        check(&mutate::mutate(&mut rng, BUNDLED, &[]));
    }
}

#[test]
fn generated_catalogs_never_panic() {
    let mut rng = Rng::new(42);
    for _ in 0..3000 {
        let text = catalogs::anything(&mut rng);
        check(&text);
        check(&mutate::mutate(&mut rng, &text, &[]));
    }
}

#[test]
fn pathological_inputs_never_panic() {
    let deep_array = format!("a = {}1{}", "[".repeat(50_000), "]".repeat(50_000));
    let deep_table = format!("a = {}1{}", "{ b = ".repeat(10_000), " }".repeat(10_000));
    let long_key = format!(
        "[errors.{}]\nstatus = 400\nmessage = \"m\"\n",
        "A".repeat(100_000)
    );
    let many_braces = format!(
        "[errors.X]\nstatus = 400\nmessage = \"{}\"\n",
        "{".repeat(100_000)
    );
    let dotted = format!("{} = 1\n", vec!["a"; 5_000].join("."));
    for text in [
        deep_array,
        deep_table,
        long_key,
        many_braces,
        dotted,
        "\u{feff}".into(),
        "\0".into(),
    ] {
        check(&text);
    }
    for text in corpus::hostile() {
        check(&text);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(7);
    for _ in 0..500 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
    }
}

/// The on-demand harness, bounded: 2,000 cases from the seed corpus.
#[test]
fn the_fuzz_harness_finds_nothing_in_2000_cases() {
    let seeds = corpus::seeds();
    assert!(seeds.len() > 100, "only {} seeds", seeds.len());
    let report = harness::run(&seeds, 2026, 2_000, Path::new("catalog.toml"), |_| {});
    assert_eq!(report.cases, 2_000);
    assert!(
        report.panics == 0 && report.violations == 0,
        "{} panics, {} broken invariants; first: {:#?}",
        report.panics,
        report.violations,
        report.failures.first()
    );
}

#[test]
fn string_literals_are_read_with_their_escapes() {
    let source = r####"let a = "x\n\"y\" \u{e9}\
        z"; // "comment"
let c = '"'; let r = r#"raw "q" \n"#;"####;
    assert_eq!(
        corpus::string_literals(source),
        ["x\n\"y\" \u{e9}z", "raw \"q\" \\n"]
    );
}
