//! The seed corpus: catalogs to start mutating from. The bundled catalog, the hostile
//! inputs of issue 16 (table order, deep nesting, framing headers, byte order marks
//! and non-ASCII codes, `max_retry_after_ms`), every catalog-like string literal of
//! this crate's tests, and, for the on-demand harness, the `.toml` catalogs of the
//! other crates' tests and examples.

use std::path::{Path, PathBuf};

/// This crate's directory.
fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds the tests use: the bundled catalog, the hostile cases and the string
/// literals of this crate's tests. Deterministic for a given tree.
pub(crate) fn seeds() -> Vec<String> {
    let mut seeds = Vec::new();
    if let Ok(bundled) = std::fs::read_to_string(crate_dir().join("../../catalog.toml")) {
        seeds.push(bundled);
    }
    seeds.extend(hostile());
    let mut test_files = rust_files(&crate_dir().join("tests"));
    test_files.sort();
    for file in test_files {
        if let Ok(source) = std::fs::read_to_string(&file) {
            seeds.extend(
                string_literals(&source)
                    .into_iter()
                    .filter(|s| looks_like_a_catalog(s)),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    seeds.retain(|s| seen.insert(s.clone()));
    seeds
}

/// [`seeds`], and every `.toml` catalog under the workspace's crates' `tests` and
/// `examples` directories (not `Cargo.toml`).
pub(crate) fn seeds_with_workspace_catalogs() -> Vec<String> {
    let mut seeds = seeds();
    let crates = crate_dir().join("..");
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&crates) {
        for entry in entries.flatten() {
            for sub in ["tests", "examples"] {
                files.extend(files_under(&entry.path().join(sub), "toml"));
            }
        }
    }
    files.sort();
    for file in files {
        if file.file_name().is_some_and(|n| n == "Cargo.toml") {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&file) {
            seeds.push(text);
        }
    }
    seeds
}

/// The inputs of issue 16 and their kin.
pub(crate) fn hostile() -> Vec<String> {
    let error = "[errors.X]\nstatus = 400\nmessage = \"m\"\n";
    let deep_type = |d: usize| format!("{}u32{}", "[".repeat(d), "]".repeat(d));
    vec![
        // Settings written after what depends on them.
        "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"No {user_id}.\"\ndetails.user_id = \"u64\"\n\n[catalog]\nenvelope = \"flat\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n".to_owned(),
        format!("[envelope.rename]\nrequest_id = \"traceId\"\n\n[catalog]\nenvelope = \"nested\"\n{error}"),
        format!("[envelope.rename]\nsuccess = \"ok\"\n\n[catalog]\nenvelope = \"flat\"\n{error}"),
        format!("[retry]\nmax_attempts = 3\n[errors.A]\nstatus = 503\nmessage = \"m\"\n[catalog]\nenvelope = \"problem\"\n[circuit_breaker]\nopen_ms = 1\n{error}"),
        // Deep nesting.
        format!("{error}[errors.X.details]\nids = \"{}\"\n", deep_type(5_000)),
        format!("{error}[errors.X.details]\nids = \"{}?\"\n", deep_type(33)),
        format!("{error}[errors.X.details]\nids = \"{}u32\"\n", "[".repeat(3_000)),
        format!("[catalog]\ninclude = {}\"a.toml\"{}\n{error}", "[".repeat(500), "]".repeat(500)),
        // Past the TOML parser's own limits (found by the harness: no position).
        format!("[errors.{}X]\nstatus = 400\nmessage = \"m\"\n", "s.".repeat(200)),
        format!("\u{feff}a = {{{}}}\n{error}", "b = {".repeat(300)),
        // Headers that frame the message, hop, or set cookies.
        format!("{error}[errors.X.details]\nct = {{ type = \"string\", header = \"Content-Type\" }}\nn = {{ type = \"u64\", header = \"Content-Length\" }}\n"),
        format!("{error}[errors.X.details]\nte = {{ type = \"string\", header = \"Transfer-Encoding\" }}\nc = {{ type = \"string\", header = \"set-cookie\" }}\nh = {{ type = \"string\", header = \"HOST\" }}\n"),
        // A byte order mark, and codes outside ASCII.
        format!("\u{feff}bogus = 1\n{error}"),
        "\u{feff}[errors.\"ÜBER\"]\nstatus = 404\nmessage = \"m\"\n".to_owned(),
        "[catalog]\ncode_case = \"snake_case\"\n[errors.\"Über_Größe\"]\nstatus = 404\nmessage = \"m\"\n[errors.\"ERR_東京\"]\nstatus = 404\nmessage = \"m\"\n[errors.\"1X\"]\nstatus = 404\nmessage = \"m\"\n".to_owned(),
        // The longest Retry-After.
        format!("[retry]\nmax_retry_after_ms = 0\nhonor_retry_after = true\n{error}"),
        format!("[retry]\nmax_retry_after_ms = 300000\nmax_delay_ms = 1\n{error}"),
    ]
}

/// Whether a string literal of a test is (part of) a catalog.
fn looks_like_a_catalog(s: &str) -> bool {
    s.contains('\n') && (s.contains("[errors") || s.contains("[catalog") || s.contains("status ="))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir, "rs")
}

/// Files under `dir` (walked without recursion) whose name ends in `.ext`.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
    }
    found
}

/// The values of the string literals in Rust source: `"..."` with its escapes, and
/// raw strings `r"..."`, `r#"..."#`. Comments and character literals are skipped.
pub(crate) fn string_literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                // `'x'` or `'\n'`; a lifetime has no closing quote here.
                let close = if chars.get(i + 1) == Some(&'\\') {
                    (i + 3..i + 12).find(|&j| chars.get(j) == Some(&'\''))
                } else {
                    (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
                };
                i = close.map_or(i + 1, |c| c + 1);
            }
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && !chars[..i]
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                let open = i + 1 + hashes;
                if chars.get(open) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let closing: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let start = open + 1;
                let end = (start..chars.len())
                    .find(|&j| chars[j..].starts_with(&closing))
                    .unwrap_or(chars.len());
                found.push(chars[start..end].iter().collect());
                i = end + closing.len();
            }
            '"' => {
                let (value, next) = basic_string(&chars, i + 1);
                found.push(value);
                i = next;
            }
            _ => i += 1,
        }
    }
    found
}

/// A `"..."` literal's value from just after its opening quote; returns the value
/// and the index after the closing quote.
fn basic_string(chars: &[char], mut i: usize) -> (String, usize) {
    let mut value = String::new();
    while i < chars.len() {
        match chars[i] {
            '"' => return (value, i + 1),
            '\\' => {
                i += 1;
                match chars.get(i) {
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some('t') => value.push('\t'),
                    Some('0') => value.push('\0'),
                    Some('\n') => {
                        // A line continuation: the break and the next line's indent go.
                        while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                            i += 1;
                        }
                    }
                    Some('u') if chars.get(i + 1) == Some(&'{') => {
                        let end = (i + 2..chars.len()).find(|&j| chars[j] == '}');
                        if let Some(end) = end {
                            let hex: String = chars[i + 2..end].iter().collect();
                            if let Some(c) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            {
                                value.push(c);
                            }
                            i = end;
                        }
                    }
                    Some('x') => {
                        let hex: String = chars.iter().skip(i + 1).take(2).collect();
                        if let Ok(b) = u8::from_str_radix(&hex, 16) {
                            value.push(char::from(b));
                        }
                        i += 2;
                    }
                    Some(&c) => value.push(c),
                    None => {}
                }
                i += 1;
            }
            c => {
                value.push(c);
                i += 1;
            }
        }
    }
    (value, i)
}
