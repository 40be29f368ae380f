//! Prints the ratios generated/baseline of the last `cargo bench -p errors-bench`
//! run, from criterion's `<target>/criterion/**/new/{benchmark,estimates}.json`.
//!
//! `cargo run -p errors-bench --bin bench-report [-- <criterion dir>]`; the default
//! directory is `$CARGO_TARGET_DIR/criterion`, else `target/criterion`.
//!
//! Each time is criterion's estimate per iteration (the slope of the linear
//! regression when criterion has one, else the mean) divided by the elements per
//! iteration, with its 95% confidence interval. The ratio's interval is propagated
//! conservatively as the ratio of the bounds: [generated low / baseline high,
//! generated high / baseline low].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[derive(Debug, Clone, Copy)]
struct Estimate {
    point: f64,
    low: f64,
    high: f64,
}

impl Estimate {
    fn per(self, n: f64) -> Estimate {
        Estimate {
            point: self.point / n,
            low: self.low / n,
            high: self.high / n,
        }
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn estimate(value: &Value) -> Option<Estimate> {
    let ci = &value["confidence_interval"];
    Some(Estimate {
        point: value["point_estimate"].as_f64()?,
        low: ci["lower_bound"].as_f64()?,
        high: ci["upper_bound"].as_f64()?,
    })
}

/// Every `new/benchmark.json` under `dir`.
fn find(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "new") {
                let file = path.join("benchmark.json");
                if file.is_file() {
                    found.push(file);
                }
            } else {
                find(&path, found);
            }
        }
    }
}

fn nanos(t: f64) -> String {
    if t >= 1000.0 {
        format!("{:.2} µs", t / 1000.0)
    } else {
        format!("{t:.2} ns")
    }
}

fn main() {
    let dir = std::env::args_os().nth(1).map_or_else(
        || {
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
                || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
                PathBuf::from,
            );
            target.join("criterion")
        },
        PathBuf::from,
    );
    let mut files = Vec::new();
    find(&dir, &mut files);
    if files.is_empty() {
        eprintln!(
            "no criterion results under {}: run `cargo bench -p errors-bench` first",
            dir.display()
        );
        std::process::exit(1);
    }
    // group -> function -> (estimate per element, which estimate)
    let mut groups: BTreeMap<String, BTreeMap<String, (Estimate, &str)>> = BTreeMap::new();
    for file in files {
        let bench = read(&file);
        let estimates = read(&file.with_file_name("estimates.json"));
        let (Some(group), Some(function)) =
            (bench["group_id"].as_str(), bench["function_id"].as_str())
        else {
            continue;
        };
        let elements = bench["throughput"]["Elements"].as_f64().unwrap_or(1.0);
        let (est, which) = match estimate(&estimates["slope"]) {
            Some(slope) => (slope, "slope"),
            None => (
                estimate(&estimates["mean"]).expect("criterion always has a mean"),
                "mean",
            ),
        };
        groups
            .entry(group.to_owned())
            .or_default()
            .insert(function.to_owned(), (est.per(elements), which));
    }
    println!(
        "{:<26} {:>24} {:>24} {:>24}",
        "benchmark (per element)", "generated", "baseline", "generated/baseline"
    );
    for (group, functions) in &groups {
        let (Some((g, gw)), Some((b, bw))) =
            (functions.get("generated"), functions.get("baseline"))
        else {
            continue;
        };
        let ratio = g.point / b.point;
        let (low, high) = (g.low / b.high, g.high / b.low);
        let which = if gw == bw { *gw } else { "mixed" };
        println!(
            "{group:<26} {:>24} {:>24} {:>8.3} [{:.3}, {:.3}] ({which})",
            format!("{} ±{}", nanos(g.point), nanos((g.high - g.low) / 2.0)),
            format!("{} ±{}", nanos(b.point), nanos((b.high - b.low) / 2.0)),
            ratio,
            low,
            high
        );
    }
}
