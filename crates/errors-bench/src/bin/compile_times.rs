//! SPEC section 7's compile-time figures: how long `cargo build` takes for a crate
//! holding a catalog of 100, 1,000 and 10,000 codes, through `catalog!` and written by
//! hand (thiserror + serde + match functions), and how long the macro itself takes.
//!
//! ```text
//! cargo run -p errors-bench --bin compile-times -- [--sizes 100,1000,10000] [--reps 3]
//! ```
//!
//! Run on demand, not in CI: it builds scratch crates under
//! `$CARGO_TARGET_DIR/compile-times` (default `target/compile-times`), a workspace
//! with one target dir, so dependencies are built once, untimed, first. Then, for
//! each size and repetition, it moves the mtime of each crate's `src/lib.rs` forward
//! and times `cargo build -p <crate>` (dev profile, `CARGO_INCREMENTAL=0`: a full
//! rebuild of that crate alone) with `Instant`, and prints the median. Two library
//! crates per size, with the same dependencies:
//!
//! - `gen_N`: `errors_runtime::catalog!("catalog.toml");`
//! - `hand_N`: the hand-written equivalent (`errors_bench::codegen::baseline`).
//!
//! The macro's own time is measured directly: this binary calls the code generation
//! library the proc-macro entry point calls, `errors_codegen::catalog_macro`, and
//! times it on proc-macro2's fallback tokens. Run it
//! in the dev profile, as cargo builds proc-macros for a dev build (opt-level 0).
//! Inside rustc the tokens also cross the proc-macro bridge, which this does not
//! count: it is a lower bound. (Pasting the expansion into a crate to subtract its
//! build time does not work: rustc builds the pasted one-line source about 3x slower
//! than the macro's output.)

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use errors_bench_baseline::codegen;

const KINDS: [&str; 2] = ["gen", "hand"];

const USAGE: &str =
    "usage: cargo run -p errors-bench --bin compile-times -- [--sizes 100,1000,10000] [--reps 3]";

fn main() {
    let mut sizes = vec![100, 1000, 10_000];
    let mut reps = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes 100,1000")
                    .split(',')
                    .map(|s| s.trim().parse().expect("a number of codes"))
                    .collect();
            }
            "--reps" => reps = args.next().expect("--reps 3").parse().expect("a number"),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other => {
                eprintln!("unknown argument `{other}`\n{USAGE}");
                std::process::exit(2);
            }
        }
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.join("../..").canonicalize().unwrap();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from);
    let root = target.join("compile-times");
    fs::create_dir_all(&root).unwrap();
    let root = root.canonicalize().unwrap();

    // The scratch workspace.
    let members: Vec<String> = sizes
        .iter()
        .flat_map(|n| KINDS.iter().map(move |k| format!("\"{k}_{n}\"")))
        .collect();
    fs::write(
        root.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).unwrap();

    println!("catalog expansion (in process, proc-macro2 fallback tokens), median of {reps}:");
    println!(
        "{:>7} {:>12} {:>12} {:>12} {:>12}",
        "codes", "load", "expand", "to_string", "source"
    );
    for &n in &sizes {
        let toml = codegen::catalog_toml(n, "nested");
        let catalog = errors_catalog::Catalog::from_str("catalog.toml", &toml).unwrap();
        let dirs = KINDS.map(|k| root.join(format!("{k}_{n}")));
        for dir in &dirs {
            fs::create_dir_all(dir.join("src")).unwrap();
            fs::write(dir.join("Cargo.toml"), manifest_toml(dir, &workspace)).unwrap();
        }
        let [gen_dir, hand_dir] = &dirs;
        let catalog_path = gen_dir.join("catalog.toml");
        write_if_changed(&catalog_path, &toml);
        write_if_changed(
            &gen_dir.join("src/lib.rs"),
            "//! A catalog through the macro.\n\nerrors_runtime::catalog!(\"catalog.toml\");\n",
        );
        let mut hand = String::from("//! A catalog written by hand.\n\n");
        hand.push_str(&codegen::baseline(&catalog, "catalog.toml"));
        write_if_changed(&hand_dir.join("src/lib.rs"), &hand);

        // The expansion, timed.
        let (mut loads, mut expands, mut strings) = (Vec::new(), Vec::new(), Vec::new());
        let mut source = String::new();
        for _ in 0..reps {
            let start = Instant::now();
            let loaded = errors_catalog::Catalog::load(&catalog_path).unwrap();
            loads.push(start.elapsed());
            drop(loaded);
            let lit = catalog_path.to_str().unwrap();
            let start = Instant::now();
            let tokens = errors_codegen::catalog_macro(quote::quote!(#lit), None);
            expands.push(start.elapsed());
            let start = Instant::now();
            source = tokens.to_string();
            strings.push(start.elapsed());
        }
        assert!(
            !source.contains("compile_error"),
            "the catalog does not expand"
        );
        println!(
            "{n:>7} {:>12} {:>12} {:>12} {:>10} KB",
            ms(median(&mut loads)),
            ms(median(&mut expands)),
            ms(median(&mut strings)),
            source.len() / 1024
        );
    }

    // Dependencies, untimed.
    let smallest = sizes.iter().min().copied().unwrap_or(100);
    let mut warm = cargo(&root);
    warm.arg("build");
    for k in KINDS {
        warm.args(["-p", &format!("{k}_{smallest}")]);
    }
    run(&mut warm);

    println!(
        "\n`cargo build -p <crate>` (dev, CARGO_INCREMENTAL=0, deps built), median of {reps}:"
    );
    println!(
        "{:>7} {:>12} {:>12} {:>10}",
        "codes", "catalog!", "hand", "gen/hand"
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        let mut times: [Vec<Duration>; 2] = Default::default();
        for _ in 0..reps {
            // The crates in turn, so that noise spreads over both.
            for (i, k) in KINDS.iter().enumerate() {
                let dir = root.join(format!("{k}_{n}"));
                let lib = dir.join("src/lib.rs");
                fs::File::options()
                    .append(true)
                    .open(&lib)
                    .unwrap()
                    .set_modified(SystemTime::now())
                    .unwrap();
                let mut build = cargo(&root);
                build.args(["build", "-p", &format!("{k}_{n}")]);
                let start = Instant::now();
                let stderr = run(&mut build);
                times[i].push(start.elapsed());
                assert!(
                    stderr.contains(&format!("Compiling {k}_{n}")),
                    "{k}_{n} was not rebuilt:\n{stderr}"
                );
            }
        }
        let g = median(&mut times[0]);
        let h = median(&mut times[1]);
        let all = |t: &[Duration]| {
            let list: Vec<String> = t
                .iter()
                .map(|d| format!("{:.2}", d.as_secs_f64()))
                .collect();
            list.join(" ")
        };
        println!(
            "{n:>7} {:>12} {:>12} {:>10.2}   (runs: catalog! {}; hand {})",
            secs(g),
            secs(h),
            g.as_secs_f64() / h.as_secs_f64(),
            all(&times[0]),
            all(&times[1])
        );
        rows.push((n, g, h));
    }
    // Linearity: time per code between consecutive sizes.
    if rows.len() > 1 {
        println!("\ngrowth: seconds per additional 1,000 codes");
        for pair in rows.windows(2) {
            let ((n0, g0, h0), (n1, g1, h1)) = (pair[0], pair[1]);
            let per = |a: Duration, b: Duration| {
                (b.as_secs_f64() - a.as_secs_f64()) / (n1 - n0) as f64 * 1000.0
            };
            println!(
                "{n0:>7} -> {n1:<7} catalog! {:>6.2} s   hand {:>6.2} s",
                per(g0, g1),
                per(h0, h1)
            );
        }
    }
}

fn manifest_toml(dir: &Path, workspace: &Path) -> String {
    let name = dir.file_name().unwrap().to_str().unwrap();
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerrors-runtime = {{ path = {:?} }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nthiserror = \"2\"\n",
        workspace
            .join("crates/errors-runtime")
            .display()
            .to_string()
    )
}

fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

fn cargo(root: &Path) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root)
        .arg("--offline")
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS");
    cmd
}

/// Runs a cargo command; its stderr.
fn run(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{cmd:?} failed:\n{stderr}");
    stderr
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}
