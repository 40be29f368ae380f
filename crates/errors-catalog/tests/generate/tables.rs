//! Catalog text cut into its tables, and put back together in another order.

use super::rng::Rng;

/// A TOML file cut at its table headers: the text before the first header, then each
/// header with the lines under it.
pub(crate) struct Tables {
    /// Keys of the root table, written before any header.
    pub(crate) preamble: String,
    /// Each `[header]` (or `[[header]]`) with its lines, in file order.
    pub(crate) tables: Vec<String>,
}

impl Tables {
    /// Cuts `text` at each line that starts a table header. Multi-line strings whose
    /// lines start with `[` would be cut too: generators do not write them.
    pub(crate) fn cut(text: &str) -> Tables {
        let mut preamble = String::new();
        let mut tables: Vec<String> = Vec::new();
        for line in text.split_inclusive('\n') {
            if line.trim_start().starts_with('[') {
                tables.push(String::new());
            }
            match tables.last_mut() {
                Some(table) => table.push_str(line),
                None => preamble.push_str(line),
            }
        }
        for table in &mut tables {
            if !table.ends_with('\n') {
                table.push('\n');
            }
        }
        Tables { preamble, tables }
    }

    /// The tables in a random order that keeps the tables of one top-level key in
    /// their order (`[errors.A]` before `[errors.B]` is the order of declaration, and
    /// the order of the model), interleaving the top-level keys at random.
    pub(crate) fn shuffled(&self, rng: &mut Rng) -> String {
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for table in &self.tables {
            let key = top_level_key(table);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push(table),
                None => groups.push((key, vec![table])),
            }
        }
        let mut out = self.preamble.clone();
        let mut next = vec![0; groups.len()];
        let mut left: usize = groups.iter().map(|(_, m)| m.len()).sum();
        while left > 0 {
            // Pick a table among those left, so larger groups spread out.
            let mut n = rng.below(left);
            for (g, (_, members)) in groups.iter().enumerate() {
                let remaining = members.len() - next[g];
                if n < remaining {
                    out.push_str(members[next[g]]);
                    next[g] += 1;
                    break;
                }
                n -= remaining;
            }
            left -= 1;
        }
        out
    }
}

/// `errors` for `[errors.A.details]`, `catalog` for `[catalog]`.
fn top_level_key(table: &str) -> &str {
    let header = table.trim_start().trim_start_matches('[');
    let end = header.find(['.', ']']).unwrap_or(header.len());
    header[..end].trim().trim_matches('"')
}
