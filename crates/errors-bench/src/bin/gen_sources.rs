//! Writes the benchmark sources that are checked in: the bundled catalog in the
//! nested, typed and problem styles, a 1,000-code catalog, the hand-written baseline
//! of each and the sample errors.
//!
//! `cargo run -p errors-bench --bin gen-sources`; the crate's tests fail when the
//! checked-in files differ from what this writes.

use std::path::Path;

// Not through errors-bench, which includes the files this writes.
use errors_bench_baseline::sources;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut written = 0;
    for (path, text) in sources::all() {
        let path = root.join(path);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::create_dir_all(path.parent().expect("a file in a directory"))
                .expect("create the directory");
            std::fs::write(&path, text).expect("write the file");
            println!("wrote {}", path.display());
            written += 1;
        }
    }
    println!("{written} file(s) changed");
}
