//! Editing `catalog.toml`, or a file it includes, makes cargo rebuild the crate that
//! uses `catalog!`: no `cargo clean` needed. Proven on a scratch crate built twice.

mod support;

use support::{edit, run, scratch_crate};

const MAIN: &str = r#"
errors_runtime::catalog!("catalog.toml");

fn main() {
    let codes: Vec<&str> = ApiErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    println!("{}", codes.join(","));
}
"#;

#[test]
fn editing_the_catalog_or_an_included_file_rebuilds_the_crate() {
    let dir = scratch_crate("rebuild-scratch", MAIN);
    let catalog = dir.join("catalog.toml");
    let included = dir.join("more.toml");
    edit(
        &catalog,
        "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n",
    );
    assert_eq!(run(&dir), "NOT_FOUND");

    edit(
        &catalog,
        "[catalog]\ninclude = [\"more.toml\"]\n\n[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Not found.\"\n\n\
         [errors.GONE]\nstatus = 410\nmessage = \"Gone.\"\n",
    );
    edit(
        &included,
        "[errors.CONFLICT]\nstatus = 409\nmessage = \"Conflict.\"\n",
    );
    assert_eq!(run(&dir), "NOT_FOUND,GONE,CONFLICT");

    // Only the included file changes.
    edit(
        &included,
        "[errors.LOCKED]\nstatus = 423\nmessage = \"Locked.\"\n",
    );
    assert_eq!(run(&dir), "NOT_FOUND,GONE,LOCKED");
}
