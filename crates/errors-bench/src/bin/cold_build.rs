//! SPEC 9.6's cold-build figure: how long a new crate using `catalog!` on the bundled
//! catalog takes to build from an empty target directory, against the same crate
//! written with thiserror + serde (derive) + serde_json.
//!
//! ```text
//! cargo run -p errors-bench --bin cold-build -- [--reps 3] [--catalog catalog.toml] [--path-deps]
//! ```
//!
//! Run on demand on a quiet machine, not in CI. It writes two scratch crates under
//! `$CARGO_TARGET_DIR/cold-build` (default `target/cold-build`), each a workspace of its
//! own with the project's `Cargo.lock`:
//!
//! - `catalog_app`: `errors_runtime::catalog!("catalog.toml");` (default features);
//! - `hand_app`: the hand-written equivalent (`errors_bench::codegen::baseline`), with
//!   the three small runtime types it names written out locally, so that it depends
//!   on thiserror, serde and serde_json only.
//!
//! `catalog_app` reaches the workspace's crates by path, and cargo compiles path
//! dependencies incrementally, which it never does for a dependency from crates.io
//! (cargo's `profiles.rs`: "Only enable incremental compilation for sources the user
//! can modify"). So that the figure is the one a user of the published crates sees,
//! the app's manifest turns incremental compilation off for those crates
//! (`[profile.dev.package.<crate>] incremental = false`); `--path-deps` leaves them
//! incremental, as a path dependency is, for comparison.
//!
//! Each repetition empties both target directories and runs `cargo build --offline`
//! (dev profile, default jobs) on each, alternating which goes first, timing the
//! whole command; on Linux it also prints the CPU time (user + system) the build took,
//! steadier than the wall time on a shared machine. It prints every run, the medians and their ratio, and from one
//! more build of each with `--timings` the crates on the way to the app with their
//! compile times, read from cargo's timing report.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use errors_bench_baseline::codegen;

const USAGE: &str = "usage: cargo run -p errors-bench --bin cold-build -- [--reps 3] [--catalog catalog.toml] [--path-deps]";

/// The workspace's crates in `catalog_app`'s build with default features: built as a
/// registry dependency is, without incremental compilation.
const OUR_CRATES: [&str; 5] = [
    "errors-vocab",
    "errors-catalog",
    "errors-codegen",
    "errors-macros",
    "errors-runtime",
];

/// What `hand_app` defines in place of the runtime's types the baseline names: a
/// violation, a timestamp written as RFC 3339 and the error of an unknown code.
const HAND_PRELUDE: &str = r#"
// Only what the catalog names is used.
#[allow(dead_code)]
mod rt {
    use std::fmt;

    pub type JsonValue = serde_json::Value;

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct FieldViolation {
        pub path: String,
        pub message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub rule: Option<String>,
    }

    /// Milliseconds since the Unix epoch, written as RFC 3339 UTC.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Timestamp(pub u64);

    impl fmt::Display for Timestamp {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let (days, ms) = (self.0 / 86_400_000, self.0 % 86_400_000);
            // Howard Hinnant's civil_from_days.
            let z = days as i64 + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z.rem_euclid(146_097);
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let day = doy - (153 * mp + 2) / 5 + 1;
            let month = if mp < 10 { mp + 3 } else { mp - 9 };
            let year = yoe + era * 400 + i64::from(month <= 2);
            write!(
                f,
                "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                ms % 1000
            )
        }
    }

    impl serde::Serialize for Timestamp {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    #[derive(Debug, Clone, PartialEq, thiserror::Error)]
    #[error("unknown error code `{0}`")]
    pub struct UnknownCode(String);

    impl UnknownCode {
        pub fn new(code: &str) -> Self {
            Self(code.to_owned())
        }
    }
}
"#;

fn main() {
    let mut reps = 3usize;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest
        .join("../..")
        .canonicalize()
        .expect("the workspace");
    let mut catalog_path = workspace.join("catalog.toml");
    let mut as_registry = true;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--reps") => {
                reps = args
                    .next()
                    .and_then(|n| n.to_str()?.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| fail("--reps takes a number above 0"));
            }
            Some("--catalog") => {
                catalog_path = args
                    .next()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| fail("--catalog takes a path"));
            }
            Some("--path-deps") => as_registry = false,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return;
            }
            _ => fail(&format!("unknown argument {arg:?}")),
        }
    }

    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from);
    let root = target.join("cold-build");
    fs::create_dir_all(&root).expect("the scratch directory");
    let root = root.canonicalize().expect("the scratch directory");

    let source = fs::read_to_string(&catalog_path)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", catalog_path.display())));
    let catalog = errors_catalog::Catalog::load(&catalog_path)
        .unwrap_or_else(|e| fail(&format!("the catalog does not load:\n{e}")));
    let runtime = workspace.join("crates/errors-runtime");

    let app = root.join("catalog_app");
    let mut dependencies = format!(
        "errors-runtime = {{ path = {:?} }}\n",
        runtime.to_str().expect("a UTF-8 workspace path")
    );
    if as_registry {
        for name in OUR_CRATES {
            dependencies += &format!("\n[profile.dev.package.{name}]\nincremental = false\n");
        }
    }
    write_crate(
        &app,
        &dependencies,
        "//! A catalog through the macro.\n\nerrors_runtime::catalog!(\"catalog.toml\");\n",
        &workspace,
    );
    fs::write(app.join("catalog.toml"), &source).expect("the catalog copy");

    let hand = root.join("hand_app");
    let baseline = codegen::baseline(&catalog, "catalog.toml");
    let lib = format!(
        "//! The same catalog written by hand.\n{HAND_PRELUDE}\n{}",
        baseline.replacen("use errors_runtime::", "use rt::", 1)
    );
    write_crate(
        &hand,
        "thiserror = \"2\"\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n",
        &lib,
        &workspace,
    );

    let apps = [("catalog!", &app), ("hand-written", &hand)];
    let mut times: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
    println!(
        "cold builds, dev profile, default jobs ({reps} runs each, alternating; the \
         workspace's crates built {}):",
        if as_registry {
            "as registry dependencies, not incrementally"
        } else {
            "as path dependencies, incrementally"
        }
    );
    let mut cpu: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
    for rep in 0..reps {
        // Alternate the order so that a slow phase of the machine hits both sides.
        let order: [usize; 2] = if rep % 2 == 0 { [0, 1] } else { [1, 0] };
        for i in order {
            let (name, dir) = apps[i];
            let before = children_cpu();
            let elapsed = cold_build(dir, false);
            let used = children_cpu()
                .zip(before)
                .map(|(after, before)| after - before);
            match used {
                Some(used) => {
                    println!(
                        "  run {}: {name:>12} {:.2} s  (CPU {:.2} s)",
                        rep + 1,
                        elapsed.as_secs_f64(),
                        used.as_secs_f64()
                    );
                    cpu[i].push(used);
                }
                None => println!(
                    "  run {}: {name:>12} {:.2} s",
                    rep + 1,
                    elapsed.as_secs_f64()
                ),
            }
            times[i].push(elapsed);
        }
    }
    print_medians("median", times);
    if cpu.iter().all(|c| c.len() == reps) {
        print_medians("median CPU (user + system)", cpu);
    }

    for (name, dir) in apps {
        cold_build(dir, true);
        println!("\n{name}: crates by compile time (cargo --timings, one more run):");
        for unit in timing_units(dir) {
            println!(
                "  {:<24} {:>6.2} s  (from {:>5.2} s)",
                unit.0, unit.2, unit.1
            );
        }
    }
}

/// A crate that is its own workspace, resolved with the project's lock file.
fn write_crate(dir: &Path, dependencies: &str, lib: &str, workspace: &Path) {
    fs::create_dir_all(dir.join("src")).expect("the crate directory");
    let name = dir.file_name().and_then(|n| n.to_str()).expect("a name");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependencies}\n[workspace]\n"
        ),
    )
    .expect("the manifest");
    fs::write(dir.join("src/lib.rs"), lib).expect("the source");
    fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("the lock file");
}

/// Empties the crate's target directory, builds it and returns the wall time.
fn cold_build(dir: &Path, timings: bool) -> Duration {
    let target = dir.join("target");
    if target.exists() {
        fs::remove_dir_all(&target).expect("emptying the target directory");
    }
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(dir)
        .args(["build", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_INCREMENTAL");
    if timings {
        cmd.arg("--timings");
    }
    let start = Instant::now();
    let status = cmd.status().expect("running cargo");
    let elapsed = start.elapsed();
    if !status.success() {
        fail(&format!("cargo build failed in {}", dir.display()));
    }
    elapsed
}

/// `(crate, start, duration)` of each unit in cargo's timing report, longest first.
fn timing_units(dir: &Path) -> Vec<(String, f64, f64)> {
    let html = fs::read_to_string(dir.join("target/cargo-timings/cargo-timing.html"))
        .expect("cargo's timing report");
    // The report embeds its data as `const UNIT_DATA = [...];`.
    let data = html
        .split_once("const UNIT_DATA = ")
        .and_then(|(_, rest)| rest.split_once(";\n"))
        .map(|(json, _)| json)
        .expect("UNIT_DATA in the timing report");
    let units: Vec<serde_json::Value> = serde_json::from_str(data).expect("UNIT_DATA is JSON");
    let mut rows: Vec<(String, f64, f64)> = units
        .iter()
        .map(|u| {
            let name = u["name"].as_str().unwrap_or("?");
            let target = u["target"].as_str().unwrap_or("");
            (
                format!("{name}{target}"),
                u["start"].as_f64().unwrap_or(0.0),
                u["duration"].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.2.total_cmp(&a.2));
    rows.truncate(14);
    rows
}

/// The user and system CPU time of this process's waited-for children so far, from
/// `/proc/self/stat` (fields 16 and 17, in the kernel's `USER_HZ` ticks, 100 per
/// second on Linux); `None` elsewhere. Where the wall time is noisy (a shared 2-core
/// machine), the CPU time shows what the build costs.
fn children_cpu() -> Option<Duration> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: count fields after it.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // `fields[0]` is field 3 (the state); cutime and cstime are fields 16 and 17.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// `label: catalog! .. s, hand-written .. s, ratio ..` from the runs of each side.
fn print_medians(label: &str, runs: [Vec<Duration>; 2]) {
    let [ours, theirs] = runs.map(|mut t| median(&mut t).as_secs_f64());
    println!(
        "{label}: catalog! {ours:.2} s, hand-written {theirs:.2} s, ratio {:.2}",
        ours / theirs
    );
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn fail(message: &str) -> ! {
    eprintln!("cold-build: {message}\n{USAGE}");
    std::process::exit(2)
}
