//! Compile-time behaviour: every rule of the catalog format fails the build with a
//! `path:line:column:` message, misuse of the generated types stays readable, and
//! valid catalogs compile without warnings.
//!
//! Fixture catalogs sit in `tests/ui/catalogs/`, found beside the test files (the
//! macro's fallback when `CARGO_MANIFEST_DIR` does not hold the path).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    #[cfg(feature = "axum")]
    t.compile_fail("tests/ui/axum/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
