//! Editing `catalog.toml`, or a file it includes, makes cargo rebuild the crate that
//! uses `catalog!`: no `cargo clean` needed. Proven on a scratch crate built twice.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const MAIN: &str = r#"
errors_runtime::catalog!("catalog.toml");

fn main() {
    let codes: Vec<&str> = ApiErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    println!("{}", codes.join(","));
}
"#;

fn scratch_crate() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rebuild-scratch");
    let _ = fs::remove_dir_all(dir.join("src"));
    fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"rebuild-scratch\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerrors-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lock file: the same dependency versions, nothing to resolve.
    fs::copy(runtime.join("../../Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    fs::write(dir.join("src/main.rs"), MAIN).unwrap();
    dir
}

/// Writes `text` and moves the file's mtime forward, so the edit is newer than the
/// last build even on a file system with coarse timestamps.
fn edit(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    let later = SystemTime::now() + Duration::from_secs(2);
    fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

fn run(dir: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Its own target dir: the outer `cargo test` holds the workspace's.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rebuild-target");
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

#[test]
fn editing_the_catalog_or_an_included_file_rebuilds_the_crate() {
    let dir = scratch_crate();
    let catalog = dir.join("catalog.toml");
    let included = dir.join("more.toml");
    edit(&catalog, "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n");
    assert_eq!(run(&dir), "NOT_FOUND");

    edit(
        &catalog,
        "[catalog]\ninclude = [\"more.toml\"]\n\n[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n\n\
         [errors.GONE]\nstatus = 410\nmessage = \"Gone.\"\n",
    );
    edit(&included, "[errors.CONFLICT]\nstatus = 409\nmessage = \"Conflict.\"\n");
    assert_eq!(run(&dir), "NOT_FOUND,GONE,CONFLICT");

    // Only the included file changes.
    edit(&included, "[errors.LOCKED]\nstatus = 423\nmessage = \"Locked.\"\n");
    assert_eq!(run(&dir), "NOT_FOUND,GONE,LOCKED");
}
