//! Shared helpers: load a catalog from text, get its diagnostics as lines.

#![allow(dead_code)] // each test file uses part of it

use std::path::{Path, PathBuf};

use errors_catalog::Catalog;

/// Every diagnostic of `toml`, loaded as `catalog.toml`, as its one-line `Display`.
pub(crate) fn problems(toml: &str) -> Vec<String> {
    match Catalog::from_str("catalog.toml", toml) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// The single diagnostic of `toml`.
pub(crate) fn problem(toml: &str) -> String {
    let mut all = problems(toml);
    assert_eq!(all.len(), 1, "expected one diagnostic, got {all:#?}");
    all.remove(0)
}

/// `toml` as a valid catalog.
pub(crate) fn load_ok(toml: &str) -> Catalog {
    match Catalog::from_str("catalog.toml", toml) {
        Ok(catalog) => catalog,
        Err(diagnostics) => panic!("unexpected diagnostics:\n{diagnostics}"),
    }
}

/// A one-error catalog around `details` (the body of `[errors.X.details]`) and
/// `message`.
pub(crate) fn with_details(message: &str, details: &str) -> String {
    format!("[errors.X]\nstatus = 400\nmessage = {message:?}\n\n[errors.X.details]\n{details}")
}

/// A fresh directory for fixture files of one test.
pub(crate) fn fixture_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("catalog-fixtures")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes fixture files (`relative path`, `text`) under `dir`.
pub(crate) fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}
