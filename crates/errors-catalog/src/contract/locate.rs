//! Where in the catalog a catalog-wide setting is written (`[catalog] envelope`,
//! `[http] request_id_header`, ...): the model keeps positions for codes and fields
//! only, so these are found in the root file's text, where settings live.

use crate::Catalog;

/// `path:line:column` of `key` in the root file's `[table]`; the table's header
/// when the key is not written, else the file's first line.
pub(super) fn setting(catalog: &Catalog, table: &str, key: &str) -> String {
    let read = catalog.files.first().cloned().unwrap_or_default();
    // The root file as the user named it, which is how diagnostics name it.
    let shown = catalog
        .errors
        .iter()
        .map(|e| &e.location)
        .chain(catalog.categories.iter().map(|c| &c.location))
        .find(|l| l.sort_key().0 == 0)
        .map_or_else(|| read.clone(), |l| l.path().to_owned());
    let (line, column) = std::fs::read_to_string(&read)
        .ok()
        .and_then(|text| find(&text, table, key))
        .unwrap_or((1, 1));
    format!("{}:{line}:{column}", shown.display())
}

/// The 1-based line and column of `key = ...` in `[table]`, else of `[table]`.
fn find(text: &str, table: &str, key: &str) -> Option<(usize, usize)> {
    let header_wanted = format!("[{table}]");
    let mut in_table = false;
    let mut header = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start();
        let column = raw.len() - line.len() + 1;
        if line.starts_with('[') {
            let name: String = line
                .split('#')
                .next()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            in_table = name == header_wanted;
            if in_table && header.is_none() {
                header = Some((i + 1, column));
            }
        } else if in_table
            && line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some((i + 1, column));
        }
    }
    header
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn a_key_is_found_in_its_table_only() {
        let text = "[errors.X]\nenvelope = 1\n[catalog]\nname = \"A\"\n  envelope = \"flat\"\n[http] # c\nbad_request = \"X\"\n";
        assert_eq!(find(text, "catalog", "envelope"), Some((5, 3)));
        assert_eq!(find(text, "http", "bad_request"), Some((7, 1)));
        assert_eq!(find(text, "http", "request_id_header"), Some((6, 1)));
        assert_eq!(find(text, "retry", "max_attempts"), None);
    }
}
