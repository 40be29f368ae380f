//! The bundled catalog's reference is checked in (`docs/errors.md`, `docs/errors.html`)
//! and must be what the catalog generates today. Regenerate both with
//!
//! ```sh
//! ERRORS_CATALOG_BLESS=1 cargo test -p errors-docs --test bundled_reference
//! ```
//!
//! or `cargo run -p errors-cli -- docs catalog.toml -o docs/errors.md` (and
//! `--format html -o docs/errors.html`).

use std::path::Path;

use errors_catalog::Catalog;
use errors_catalog::contract::bless_requested;
use errors_docs::Reference;

fn check(generated: &str, path: &Path) {
    if bless_requested() {
        if std::fs::read_to_string(path).ok().as_deref() != Some(generated) {
            std::fs::write(path, generated).unwrap();
            eprintln!("wrote {}", path.display());
        }
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || committed.lines().count().min(generated.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} is not what catalog.toml generates (first difference at line {line}); regenerate it with \
             `ERRORS_CATALOG_BLESS=1 cargo test -p errors-docs --test bundled_reference`",
            path.display()
        );
    }
}

#[test]
fn the_checked_in_reference_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog =
        Catalog::load(root.join("catalog.toml")).unwrap_or_else(|d| panic!("{}", d.render()));
    let reference = Reference::from(&catalog);
    check(
        &errors_docs::markdown(&reference),
        &root.join("docs/errors.md"),
    );
    check(
        &errors_docs::html(&reference),
        &root.join("docs/errors.html"),
    );
}
