//! What every load of any text must satisfy: diagnostics that start with their
//! position, inside the file, one line each, sorted, and a rendering that ends with
//! the count; a catalog that loads obeys the rules validation promises. And what a
//! load gives with positions set aside, to compare loads of texts that differ only
//! in the order of their tables.

use std::collections::HashSet;
use std::path::Path;

use errors_catalog::{Catalog, Diagnostics, Piece, naming};

/// What is wrong with the result of loading `text` as `path`; empty when nothing.
pub(crate) fn violations(
    path: &Path,
    text: &str,
    result: &Result<Catalog, Diagnostics>,
) -> Vec<String> {
    let diagnostics = match result {
        Ok(catalog) => return catalog_violations(catalog),
        Err(diagnostics) => diagnostics,
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

/// Rules a loaded catalog must obey, whatever text it came from.
fn catalog_violations(catalog: &Catalog) -> Vec<String> {
    let mut wrong = Vec::new();
    if catalog.errors.is_empty() {
        wrong.push("a catalog without errors loaded".to_owned());
    }
    let mut variants = HashSet::new();
    for error in &catalog.errors {
        let code = &error.code;
        if !naming::is_code(code) || !(400..=599).contains(&error.status) {
            wrong.push(format!("`{code}` loaded with status {}", error.status));
        }
        if !variants.insert(&error.variant) {
            wrong.push(format!("two codes became the variant `{}`", error.variant));
        }
        let mut wires = HashSet::new();
        for field in &error.fields {
            if !naming::is_field_name(&field.name) {
                wrong.push(format!("`{code}` loaded the field `{}`", field.name));
            }
            if field.in_details && !wires.insert(&field.wire) {
                wrong.push(format!(
                    "`{code}` sends `{}` twice in `details`",
                    field.wire
                ));
            }
            if field.internal && field.in_details {
                wrong.push(format!("`{code}` sends the internal `{}`", field.name));
            }
            if let Some(header) = &field.header
                && (naming::reserved_header(header).is_some() || field.internal)
            {
                wrong.push(format!("`{code}` sends `{}` as `{header}`", field.name));
            }
        }
        for piece in &error.message.pieces {
            if let Piece::Placeholder(p) = piece
                && error.field(&p.field).is_none_or(|f| f.internal)
            {
                wrong.push(format!("`{code}` inserts `{{{}}}`", p.field));
            }
        }
    }
    wrong
}

/// What a load gives, positions aside: the model's `Debug` without its locations,
/// or the sorted messages of the diagnostics (positions inside them masked) and the
/// sound part of the catalog.
pub(crate) fn outcome(result: &Result<Catalog, Diagnostics>) -> String {
    match result {
        Ok(catalog) => format!("Ok {}", without_locations(&format!("{catalog:?}"))),
        Err(diagnostics) => {
            let mut messages: Vec<String> = diagnostics
                .iter()
                .map(|d| {
                    let text = format!("{} / {}", d.message(), d.help_text().unwrap_or(""));
                    masked_positions(&text)
                })
                .collect();
            messages.sort();
            let partial = without_locations(&format!("{:?}", diagnostics.partial()));
            format!("Err {messages:#?}\n{partial}")
        }
    }
}

/// `Debug` output with every `Location { .. }` cut out.
fn without_locations(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(start) = rest.find("Location {") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str("Location");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `a.toml:3:9` -> `a.toml:_:_`: positions quoted in a message ("first declared at").
fn masked_positions(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(".toml:") {
        let (head, tail) = rest.split_at(i + ".toml:".len());
        out.push_str(head);
        let line_len = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        let after_line = &tail[line_len..];
        match after_line.strip_prefix(':') {
            Some(col) if line_len > 0 => {
                let col_len = col.find(|c: char| !c.is_ascii_digit()).unwrap_or(col.len());
                out.push_str("_:_");
                rest = &col[col_len..];
            }
            _ => rest = tail,
        }
    }
    out.push_str(rest);
    out
}
