//! Scratch crates that depend on errors-runtime, built with cargo from a test: for
//! what only a real build shows (rebuilds on edit, very large catalogs).

#![allow(dead_code)] // each test binary uses part of it

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// A binary crate in `CARGO_TARGET_TMPDIR/<name>` with `main_rs` as its `main.rs`.
pub(crate) fn scratch_crate(name: &str, main_rs: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(dir.join("src"));
    fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerrors-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lock file: the same dependency versions, nothing to resolve.
    fs::copy(runtime.join("../../Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    fs::write(dir.join("src/main.rs"), main_rs).unwrap();
    dir
}

/// Writes `text` and moves the file's mtime forward, so the edit is newer than the
/// last build even on a file system with coarse timestamps.
pub(crate) fn edit(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    let later = SystemTime::now() + Duration::from_secs(2);
    fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

/// `cargo run --quiet` in `dir`; the program's standard output, trimmed.
pub(crate) fn run(dir: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // One target dir for every scratch crate (dependencies built once), apart from the
    // workspace's, which the outer `cargo test` holds.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch-target");
    let output = Command::new(cargo)
        .args(["run", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}
