//! The fuzz loop: texts generated and mutated from a seed corpus, each loaded under
//! `catch_unwind`; panics and broken invariants are counted and the first kept.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use errors_catalog::Catalog;

use super::catalogs;
use super::invariants::{outcome, violations};
use super::mutate::mutate;
use super::rng::Rng;
use super::tables::Tables;

/// What a run found.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Texts loaded.
    pub(crate) cases: u64,
    /// Loads that panicked.
    pub(crate) panics: u64,
    /// Loads whose diagnostics broke an invariant.
    pub(crate) violations: u64,
    /// The first few failing texts, with what went wrong.
    pub(crate) failures: Vec<(String, String)>,
}

/// Loads `cases` texts made from `seeds` with the random source seeded with `seed`,
/// each as `path` (whose directory is where includes are looked for); `progress` is
/// called every 10,000 cases.
pub(crate) fn run(
    seeds: &[String],
    seed: u64,
    cases: u64,
    path: &Path,
    mut progress: impl FnMut(&Report),
) -> Report {
    let mut rng = Rng::new(seed);
    let mut report = Report::default();
    // The seeds, and now and then a text that was made from them, to be mutated
    // further: mutations pile up beyond the four of one round.
    let mut pool: Vec<String> = seeds.to_vec();
    while report.cases < cases {
        let text = match rng.below(10) {
            0 => catalogs::anything(&mut rng),
            1 => catalogs::root(&mut rng, &["more.toml"]),
            _ => {
                let base = &pool[rng.below(pool.len())];
                mutate(&mut rng, base, seeds)
            }
        };
        report.cases += 1;
        // Now and then the text is also loaded with a byte order mark, or with its
        // tables in another order: neither may change what the load gives.
        let with_bom = rng.one_in(8);
        let shuffled = rng.one_in(8).then(|| Tables::cut(&text).shuffled(&mut rng));
        match catch_unwind(AssertUnwindSafe(|| {
            let result = Catalog::from_str(path, &text);
            let mut wrong = violations(path, &text, &result);
            if with_bom {
                wrong.extend(bom_changes(path, &text, &result));
            }
            if let Some(shuffled) = &shuffled {
                wrong.extend(order_changes(path, shuffled, &result));
            }
            wrong
        })) {
            Ok(wrong) if wrong.is_empty() => {
                if pool.len() < seeds.len() + 1_000 && text.len() < 64 * 1024 && rng.one_in(50) {
                    pool.push(text);
                }
            }
            Ok(wrong) => {
                report.violations += 1;
                keep(&mut report, text, wrong.join("; "));
            }
            Err(panic) => {
                report.panics += 1;
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                keep(&mut report, text, format!("panic: {message}"));
            }
        }
        if report.cases % 10_000 == 0 {
            progress(&report);
        }
    }
    report
}

fn keep(report: &mut Report, text: String, what: String) {
    if report.failures.len() < 20 {
        report.failures.push((text, what));
    }
}

/// A byte order mark before `text` changes no diagnostic, positions included.
fn bom_changes(
    path: &Path,
    text: &str,
    result: &Result<Catalog, errors_catalog::Diagnostics>,
) -> Option<String> {
    if text.starts_with('\u{feff}') {
        return None;
    }
    let shown = |r: &Result<Catalog, errors_catalog::Diagnostics>| {
        r.as_ref().err().map(ToString::to_string)
    };
    let marked = Catalog::from_str(path, &format!("\u{feff}{text}"));
    let (before, after) = (
        shown(result).unwrap_or_default(),
        shown(&marked).unwrap_or_default(),
    );
    let (mut a, mut b) = (before.lines(), after.lines());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return None,
            (x, y) if x == y => continue,
            (x, y) => {
                return Some(format!(
                    "a byte order mark changed the diagnostics: {y:?} instead of {x:?}"
                ));
            }
        }
    }
}

/// The tables of a text that is valid TOML, in another order, load to the same
/// outcome, positions aside.
fn order_changes(
    path: &Path,
    shuffled: &str,
    result: &Result<Catalog, errors_catalog::Diagnostics>,
) -> Option<String> {
    let toml_errors = |r: &Result<Catalog, errors_catalog::Diagnostics>| {
        r.as_ref().err().is_some_and(|d| {
            d.iter()
                .any(|d| d.message().starts_with("TOML syntax error"))
        })
    };
    if toml_errors(result) {
        return None;
    }
    let reordered = Catalog::from_str(path, shuffled);
    let (before, after) = (outcome(result), outcome(&reordered));
    (before != after).then(|| {
        format!("the order of tables changed the outcome:\n{before}\n--- reordered:\n{shuffled}\n{after}")
    })
}
