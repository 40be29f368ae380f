//! Settings apply to the whole catalog wherever they are written: the order of the
//! top-level tables, in the root file and in included files, changes nothing but
//! positions.

mod common;
mod generate;

use std::path::Path;

use common::{fixture_dir, load_ok, write_files};
use errors_catalog::{Catalog, Member};
use generate::catalogs;
use generate::invariants::outcome;
use generate::rng::Rng;
use generate::tables::Tables;

#[test]
fn errors_written_before_catalog_follow_its_settings() {
    let catalog = load_ok(
        "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"No {user_id}.\"\ndetails.user_id = \"u64\"\n\n\
         [catalog]\nenvelope = \"flat\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n",
    );
    let error = catalog.error("NOT_FOUND").unwrap();
    assert_eq!(error.fields[0].wire, "userId");
    assert_eq!(
        error.doc_url.as_deref(),
        Some("https://docs.example.com/errors#NOT_FOUND")
    );
}

#[test]
fn renames_written_before_catalog_are_kept() {
    let catalog = load_ok(
        "[envelope.rename]\nrequest_id = \"traceId\"\n\n[catalog]\nname = \"Api\"\nenvelope = \"nested\"\n\n\
         [errors.X]\nstatus = 400\nmessage = \"m\"\n",
    );
    assert_eq!(catalog.envelope.key(Member::RequestId), Some("traceId"));
    assert_eq!(catalog.name, "Api");
}

#[test]
fn renames_written_before_catalog_are_checked_against_its_style() {
    let catalog = load_ok(
        "[envelope.rename]\nsuccess = \"ok\"\n\n[catalog]\nenvelope = \"flat\"\n\n\
         [errors.X]\nstatus = 400\nmessage = \"m\"\n",
    );
    assert_eq!(catalog.envelope.key(Member::Success), Some("ok"));
    // And a member the style lacks is still refused, wherever `[catalog]` is.
    assert_eq!(
        common::problem(
            "[envelope.rename]\nparam = \"p\"\n[catalog]\nenvelope = \"flat\"\n[errors.X]\nstatus = 400\nmessage = \"m\"\n"
        ),
        "catalog.toml:2:1: the `flat` envelope has no member `param` to rename; the members of the `flat` envelope are: success, code, message, details, request_id, timestamp"
    );
}

#[test]
fn shuffling_keeps_each_top_level_key_in_order() {
    let text = "[errors.A]\na = 1\n[catalog]\nx = 1\n[errors.B]\n[errors.B.details]\n[retry]\n";
    let tables = Tables::cut(text);
    assert_eq!(tables.tables.len(), 5);
    let mut rng = Rng::new(3);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..200 {
        let shuffled = tables.shuffled(&mut rng);
        assert_eq!(shuffled.len(), text.len());
        let a = shuffled.find("[errors.A]").unwrap();
        let b = shuffled.find("[errors.B]").unwrap();
        let details = shuffled.find("[errors.B.details]").unwrap();
        assert!(a < b && b < details, "{shuffled}");
        seen.insert(shuffled);
    }
    // 5 tables, 3 of them in a fixed order: 5! / 3! = 20 orders.
    assert_eq!(seen.len(), 20);
}

/// Any order of the tables of a random catalog loads to the same model, or the same
/// diagnostics, positions aside.
#[test]
fn the_order_of_tables_changes_nothing_but_positions() {
    let mut rng = Rng::new(0x5EED_0F7A_B1E5);
    let mut loaded = 0;
    for case in 0..400 {
        let text = catalogs::root(&mut rng, &[]);
        let tables = Tables::cut(&text);
        let expected = outcome(&Catalog::from_str("catalog.toml", &text));
        loaded += usize::from(expected.starts_with("Ok"));
        for _ in 0..4 {
            let shuffled = tables.shuffled(&mut rng);
            let found = outcome(&Catalog::from_str("catalog.toml", &shuffled));
            assert_eq!(
                found, expected,
                "case {case}: the order of tables changed the outcome\n--- written\n{text}\n--- shuffled\n{shuffled}"
            );
        }
    }
    // The generator must reach both outcomes for the comparison to mean anything.
    assert!((40..360).contains(&loaded), "{loaded} of 400 loaded");
}

/// The same across files: the tables of the root and of each included file in any
/// order.
#[test]
fn the_order_of_tables_in_included_files_changes_nothing_but_positions() {
    let dir = fixture_dir("table-order-includes");
    let mut rng = Rng::new(0xF11E5);
    for case in 0..60 {
        let root = catalogs::root(&mut rng, &["a.toml", "sub/b.toml"]);
        let a = catalogs::included(&mut rng, &["A_ONE", "a_two"]);
        let b = format!(
            "[catalog]\ninclude = [\"../a.toml\"]\n{}",
            catalogs::included(&mut rng, &["B_ONE", "ROOT_A"])
        );
        let files = [("catalog.toml", root), ("a.toml", a), ("sub/b.toml", b)];
        let expected = load_files(&dir, &files.clone().map(|(p, t)| (p, t)));
        for _ in 0..3 {
            let shuffled = files
                .clone()
                .map(|(path, text)| (path, Tables::cut(&text).shuffled(&mut rng)));
            assert_eq!(
                load_files(&dir, &shuffled),
                expected,
                "case {case}: the order of tables changed the outcome\n--- written\n{files:#?}\n--- shuffled\n{shuffled:#?}"
            );
        }
    }
}

fn load_files(dir: &Path, files: &[(&str, String)]) -> String {
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    write_files(dir, &files);
    outcome(&Catalog::load(dir.join("catalog.toml")))
}
