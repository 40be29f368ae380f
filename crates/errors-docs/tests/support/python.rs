//! Whether Python's validators can run: test support shared by the tests that check
//! documents with them (here, `errors-runtime/tests/aide.rs` and the bookings
//! example's `tests/openapi.rs`, which include this file by `#[path]`).

use std::process::Command;

/// Whether `python3` imports each of `modules` (Python module names, e.g.
/// `openapi_spec_validator`). When it does not, the test skips, saying why, unless
/// `ERRORS_CATALOG_REQUIRE_PYTHON=1` (as in CI), which makes it a failure. `packages`
/// is what `pip install` takes to get them.
pub(crate) fn python_ready(modules: &[&str], packages: &str) -> bool {
    let required = std::env::var_os("ERRORS_CATALOG_REQUIRE_PYTHON").is_some_and(|v| v == "1");
    let probe = Command::new("python3")
        .args(["-c", &format!("import {}", modules.join(", "))])
        .output();
    match probe {
        Ok(output) if output.status.success() => true,
        other => {
            let why = match other {
                Ok(output) => String::from_utf8_lossy(&output.stderr).trim().to_owned(),
                Err(e) => format!("python3: {e}"),
            };
            let what = if modules.len() == 1 {
                "validator is"
            } else {
                "validators are"
            };
            assert!(
                !required,
                "ERRORS_CATALOG_REQUIRE_PYTHON=1 but the {what} missing ({why}): pip install {packages}"
            );
            eprintln!(
                "SKIPPED: {why} (pip install {packages}); set ERRORS_CATALOG_REQUIRE_PYTHON=1 to make this a failure"
            );
            false
        }
    }
}
