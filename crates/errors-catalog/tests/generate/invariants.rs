//! What every load of any text must satisfy: diagnostics that start with their
//! position, inside the file, one line each, sorted, and a rendering that ends with
//! the count.

use std::path::Path;

use errors_catalog::{Catalog, Diagnostics};

/// What is wrong with the result of loading `text` as `path`; empty when nothing.
pub(crate) fn violations(
    path: &Path,
    text: &str,
    result: &Result<Catalog, Diagnostics>,
) -> Vec<String> {
    let Err(diagnostics) = result else {
        return Vec::new();
    };
    let mut wrong = Vec::new();
    if diagnostics.is_empty() {
        wrong.push("an error without diagnostics".to_owned());
    }
    let line_count = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    let mut last = (0, 0);
    for d in diagnostics {
        let shown = d.to_string();
        let (line, column) = (d.location().line(), d.location().column());
        let prefix = format!("{}:{line}:{column}: ", d.location().path().display());
        if !shown.starts_with(&prefix) {
            wrong.push(format!("does not start with its position: {shown:?}"));
        }
        if shown.contains('\n') {
            wrong.push(format!("more than one line: {shown:?}"));
        }
        if line < 1 || column < 1 {
            wrong.push(format!("line or column 0: {shown}"));
        }
        // Diagnostics of the root file come first (it is loaded first), sorted.
        if d.location().path() == path {
            if line > line_count {
                wrong.push(format!("line {line} of {line_count}: {shown}"));
            }
            if (line, column) < last {
                wrong.push(format!("not sorted: {shown}"));
            }
            last = (line, column);
        }
    }
    let rendered = diagnostics.render();
    if !(rendered.ends_with("problem\n") || rendered.ends_with("problems\n")) {
        wrong.push("the rendering does not end with the count".to_owned());
    }
    wrong
}
