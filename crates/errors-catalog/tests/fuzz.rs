//! Fuzz-style: thousands of random and mutated catalogs. The loader never panics,
//! every diagnostic starts with a position inside the file, diagnostics are sorted,
//! and rendering never panics.

mod common;

use errors_catalog::Catalog;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.below(options.len())]
    }
}

const BUNDLED: &str = include_str!("../../../catalog.toml");

const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "{{",
    "}}",
    "[",
    "]",
    "[[",
    "\"",
    "'",
    "\"\"\"",
    "=",
    ".",
    ",",
    "?",
    "\n",
    "\r\n",
    "\t",
    "#",
    "\\",
    "\\u00e9",
    "é",
    "🎉",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
    "99999999999999999999999",
    "-1",
    "0",
    "1e400",
    "nan",
    "inf",
    "true",
    "2026-11-21T10:00:00Z",
    "{retry_after}",
    "{x:>9999999}",
    "{x:q}",
    "{0}",
    "{}",
    "[errors.X]",
    "[catalog]",
    "include = [\"catalog.toml\"]",
    "status = 429",
    "message = \"{a}\"",
    "type = \"[[[u64]]]?\"",
    "header = \"Retry-After\"",
    "internal = true",
    "wire = \"\"",
    "envelope = \"problem\"",
    "[envelope.rename]",
    "code = \"message\"",
    "details_case = \"camelCase\"",
    "code_case = \"snake_case\"",
    "x = { a = { b = { c = 1 } } }",
];

fn check(text: &str) {
    let result = Catalog::from_str("catalog.toml", text);
    let Err(diagnostics) = result else {
        return;
    };
    assert!(!diagnostics.is_empty());
    let line_count = text.split('\n').count() as u32;
    let mut last = (0, 0);
    for d in &diagnostics {
        let shown = d.to_string();
        let prefix = format!(
            "catalog.toml:{}:{}: ",
            d.location().line(),
            d.location().column()
        );
        assert!(shown.starts_with(&prefix), "{shown:?}");
        assert!(!shown.contains('\n'), "{shown:?}");
        let (line, column) = (d.location().line(), d.location().column());
        assert!(
            line >= 1 && line <= line_count,
            "line {line} of {line_count}: {shown}"
        );
        assert!(column >= 1, "{shown}");
        assert!((line, column) >= last, "not sorted: {shown}");
        last = (line, column);
    }
    let rendered = diagnostics.render();
    assert!(rendered.ends_with("problem\n") || rendered.ends_with("problems\n"));
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let i = rng.below(lines.len());
        match rng.below(8) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let copy = lines[i].clone();
                lines.insert(rng.below(lines.len() + 1), copy);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 | 4 => {
                // Insert a snippet at a character boundary.
                let line = &mut lines[i];
                let boundaries: Vec<usize> = line
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain([line.len()])
                    .collect();
                let at = boundaries[rng.below(boundaries.len())];
                line.insert_str(at, rng.pick(SNIPPETS));
            }
            5 => {
                // Cut a line short.
                let line = &mut lines[i];
                let boundaries: Vec<usize> = line.char_indices().map(|(b, _)| b).collect();
                if !boundaries.is_empty() {
                    line.truncate(boundaries[rng.below(boundaries.len())]);
                }
            }
            6 => lines.insert(i, rng.pick(SNIPPETS).to_owned()),
            _ => {
                let n = lines.len();
                lines.truncate(rng.below(n + 1));
            }
        }
    }
    lines.join("\n")
}

/// A catalog assembled from valid and invalid pieces.
fn generate(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.below(2) == 0 {
        out.push_str(&format!(
            "[catalog]\nname = \"{}\"\nenvelope = \"{}\"\n",
            rng.pick(&["ApiError", "api", "Self", "", "A1"]),
            rng.pick(&["flat", "nested", "typed", "problem", "xml"])
        ));
    }
    for i in 0..rng.below(6) {
        let code = rng.pick(&["A", "B_C", "b_c", "1X", "SELF", "x-y", "ÜBER", "NOT_FOUND"]);
        out.push_str(&format!(
            "\n[errors.{}{}]\n",
            code,
            if rng.below(3) == 0 {
                String::new()
            } else {
                i.to_string()
            }
        ));
        if rng.below(5) != 0 {
            out.push_str(&format!(
                "status = {}\n",
                rng.pick(&["400", "429", "503", "600", "\"x\"", "-3"])
            ));
        }
        if rng.below(5) != 0 {
            out.push_str(&format!(
                "message = \"{}\"\n",
                rng.pick(&[
                    "Hi {a}.",
                    "{b:>3} {{c}}",
                    "}{",
                    "{a:q}",
                    "",
                    "{a} {a:?} {l:?}",
                    "{o}"
                ])
            ));
        }
        if rng.below(2) == 0 {
            out.push_str(&format!(
                "param = \"{}\"\ncategory = \"{}\"\n",
                rng.pick(&["a", "b", "z"]),
                rng.pick(&["c1", "c2"])
            ));
        }
        if rng.below(2) == 0 {
            out.push_str("[errors.A.details]\n");
            for _ in 0..rng.below(5) {
                out.push_str(&format!(
                    "{} = {}\n",
                    rng.pick(&["a", "b", "l", "o", "type", "self", "retryAfter"]),
                    rng.pick(&[
                        "\"u64\"",
                        "\"string?\"",
                        "\"[u32]\"",
                        "{ type = \"u64\", header = \"Retry-After\" }",
                        "{ type = \"string\", internal = true }",
                        "\"q\"",
                        "3",
                        "{ wire = \"x\" }"
                    ])
                ));
            }
        }
    }
    if rng.below(4) == 0 {
        out.push_str("[categories.c1]\ndescription = \"d\"\n");
    }
    if rng.below(4) == 0 {
        out.push_str(&format!(
            "[retry]\nmax_attempts = {}\nmax_delay_ms = {}\n",
            rng.below(3),
            rng.below(3000)
        ));
    }
    out
}

#[test]
fn mutated_bundled_catalogs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        check(&mutate(&mut rng, BUNDLED));
    }
}

#[test]
fn generated_catalogs_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let text = generate(&mut rng);
        check(&text);
        check(&mutate(&mut rng, &text));
    }
}

#[test]
fn pathological_inputs_never_panic() {
    let deep_array = format!("a = {}1{}", "[".repeat(50_000), "]".repeat(50_000));
    let deep_table = format!("a = {}1{}", "{ b = ".repeat(10_000), " }".repeat(10_000));
    let long_key = format!(
        "[errors.{}]\nstatus = 400\nmessage = \"m\"\n",
        "A".repeat(100_000)
    );
    let many_braces = format!(
        "[errors.X]\nstatus = 400\nmessage = \"{}\"\n",
        "{".repeat(100_000)
    );
    let dotted = format!("{} = 1\n", vec!["a"; 5_000].join("."));
    for text in [
        deep_array,
        deep_table,
        long_key,
        many_braces,
        dotted,
        "\u{feff}".into(),
        "\0".into(),
    ] {
        check(&text);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(7);
    for _ in 0..500 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
    }
}
