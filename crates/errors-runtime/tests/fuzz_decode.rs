//! A bounded run of the fuzz harness (`examples/fuzz_decode.rs`): a few thousand
//! mutated envelopes per catalog and `Retry-After` values, none of which may panic or
//! break an invariant. Long runs: `cargo run --release -p errors-runtime --example
//! fuzz_decode -- <cases>` (figures in `FUZZING.md`).

#[allow(dead_code)] // `main` and the report's printing are the example's
#[path = "../examples/fuzz_decode.rs"]
mod harness;

#[test]
fn mutated_envelopes_and_retry_after_values_never_panic() {
    let reports = harness::run(2_000, 0x5EED);
    assert_eq!(reports.len(), harness::targets().len() + 1);
    for report in &reports {
        assert_eq!(report.cases, 2_000, "{}", report.line());
        assert!(
            report.panics == 0 && report.violations == 0,
            "{}\n{}",
            report.line(),
            report.examples.join("\n")
        );
        // The mutations keep enough of the structure that some cases decode, and
        // the seeds synthesized from each catalog's metadata decode.
        assert!(report.accepted > 0, "{}", report.line());
        assert_eq!(report.seeds.0, report.seeds.1, "{}", report.line());
    }
}

#[test]
fn the_harness_is_deterministic() {
    let lines = |seed| -> Vec<(u64, u64)> {
        harness::run(300, seed)
            .iter()
            .map(|r| (r.accepted, r.cases))
            .collect()
    };
    assert_eq!(lines(7), lines(7));
}
