//! Deeply nested and very long input: limits that say so, never a stack overflow.

mod common;

use std::path::{Path, PathBuf};

use common::problem;
use errors_catalog::{Catalog, Diagnostics};

fn nested_type(depth: usize) -> String {
    format!("{}u32{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_detail_type_nested_five_thousand_deep_is_refused() {
    let toml = format!(
        "[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\nids = \"{}\"\n",
        nested_type(5_000)
    );
    let found = problem(&toml);
    assert!(
        found.starts_with("catalog.toml:5:7: detail type `[[[["),
        "{found}"
    );
    assert!(
        found.contains("nests lists 5000 deep, more than the 32 allowed; nest at most 32 lists"),
        "{found}"
    );
}

#[test]
fn a_detail_type_nested_to_the_limit_loads() {
    let toml = format!(
        "[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\nids = \"{}?\"\n",
        nested_type(32)
    );
    let catalog = common::load_ok(&toml);
    let field = &catalog.errors[0].fields[0];
    assert!(field.optional);
    assert_eq!(field.ty.to_string(), nested_type(32));
}

/// A fresh directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "errors-catalog-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn error(code: &str) -> String {
    format!("[errors.{code}]\nstatus = 400\nmessage = \"m\"\n")
}

/// `f0.toml` (the root) includes `f1.toml`, which includes `f2.toml`, ... up to
/// `f{n-1}.toml`, which includes `last` if given. Each declares one error.
fn write_chain(dir: &Path, n: usize, last: Option<&str>) -> PathBuf {
    for i in 0..n {
        let next = if i + 1 < n {
            Some(format!("f{}.toml", i + 1))
        } else {
            last.map(str::to_owned)
        };
        let include = next.map_or(String::new(), |f| {
            format!("[catalog]\ninclude = [\"{f}\"]\n")
        });
        std::fs::write(
            dir.join(format!("f{i}.toml")),
            format!("{include}{}", error(&format!("E{i}"))),
        )
        .unwrap();
    }
    dir.join("f0.toml")
}

#[test]
fn an_include_chain_four_thousand_files_deep_loads() {
    let dir = TempDir::new("include-chain");
    let root = write_chain(&dir.0, 4_000, None);
    let catalog = Catalog::load(&root).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(catalog.files.len(), 4_000);
    assert_eq!(catalog.errors.len(), 4_000);
    // Depth first: the order of the chain.
    assert_eq!(catalog.errors[0].code, "E0");
    assert_eq!(catalog.errors[3_999].code, "E3999");
}

#[test]
fn an_include_cycle_four_thousand_files_long_is_reported() {
    let dir = TempDir::new("include-cycle");
    let root = write_chain(&dir.0, 4_000, Some("f0.toml"));
    let diagnostics: Diagnostics = Catalog::load(&root).unwrap_err();
    assert_eq!(diagnostics.len(), 1, "{diagnostics}");
    let shown = diagnostics.to_string();
    let last = dir.0.join("f3999.toml").display().to_string();
    assert!(
        shown.starts_with(&format!("{last}:2:12: include cycle: {}", root.display())),
        "{}",
        &shown[..shown.len().min(300)]
    );
    assert!(shown.ends_with(&format!(
        "{last} -> {}; remove the include of `f0.toml`",
        root.display()
    )));
}

/// Shapes of nesting and length, each at sizes around the limits and far past them:
/// none may overflow the stack or panic, every diagnostic keeps its format, and the
/// list shapes past the limit say so.
#[test]
fn every_shape_of_deep_input_is_survived() {
    type Shape = fn(usize) -> String;
    let shapes: [(&str, Shape); 11] = [
        ("list type", |d| {
            details(&format!("ids = \"{}\"", nested_type(d)))
        }),
        ("optional list type", |d| {
            details(&format!("ids = {{ type = \"{}?\" }}", nested_type(d)))
        }),
        ("unbalanced list type", |d| {
            details(&format!("ids = \"{}u32\"", "[".repeat(d)))
        }),
        ("optional element", |d| {
            details(&format!("ids = \"{}u32?{}\"", "[".repeat(d), "]".repeat(d)))
        }),
        ("question marks", |d| {
            details(&format!("ids = \"u32{}\"", "?".repeat(d)))
        }),
        ("nested include array", |d| {
            format!(
                "[catalog]\ninclude = {}\"a.toml\"{}\n{}",
                "[".repeat(d),
                "]".repeat(d),
                error("X")
            )
        }),
        ("nested inline field table", |d| {
            details(&format!(
                "ids = {}\"u32\"{}",
                "{ type = ".repeat(d),
                " }".repeat(d)
            ))
        }),
        ("dotted field key", |d| {
            details(&format!("{} = \"u32\"", vec!["a"; d.max(1)].join(".")))
        }),
        ("braces in a message", |d| {
            format!(
                "[errors.X]\nstatus = 400\nmessage = \"{}{}\"\n",
                "{{".repeat(d),
                "{".repeat(d)
            )
        }),
        ("many placeholders", |d| {
            details("a = \"u32\"").replace(
                "message = \"m\"",
                &format!("message = \"{}\"", "{a}".repeat(d)),
            )
        }),
        ("nested status value", |d| {
            format!(
                "[errors.X]\nstatus = {}400{}\nmessage = \"m\"\n",
                "[".repeat(d),
                "]".repeat(d)
            )
        }),
    ];
    for (name, shape) in shapes {
        for depth in [1, 31, 32, 33, 100, 1_000, 5_000, 20_000] {
            let text = shape(depth);
            let result = std::panic::catch_unwind(|| Catalog::from_str("catalog.toml", &text));
            let Ok(result) = result else {
                panic!("{name} at depth {depth} panicked");
            };
            let Err(diagnostics) = result else { continue };
            for d in &diagnostics {
                let line = d.to_string();
                assert!(
                    line.starts_with(&format!(
                        "catalog.toml:{}:{}: ",
                        d.location().line(),
                        d.location().column()
                    )) && !line.contains('\n'),
                    "{name} at depth {depth}: {line}"
                );
            }
            let _ = diagnostics.render();
            if name.ends_with("list type") && depth > 32 && !name.starts_with("unbalanced") {
                assert!(
                    diagnostics
                        .iter()
                        .any(|d| d.message().contains("more than the 32 allowed")),
                    "{name} at depth {depth}: {diagnostics}"
                );
            }
        }
    }
}

fn details(fields: &str) -> String {
    format!("[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\n{fields}\n")
}

/// Include graphs of every shape: a chain, a chain closing on its root, a fan of
/// files included by one, a fan whose files all include one shared file.
#[test]
fn every_shape_of_include_graph_is_loaded_without_recursion() {
    let dir = TempDir::new("include-shapes");
    for n in [2, 300, 3_000] {
        // A fan: the root includes n files.
        let entries: Vec<String> = (1..=n).map(|i| format!("\"g{i}.toml\"")).collect();
        std::fs::write(
            dir.0.join("fan.toml"),
            format!("[catalog]\ninclude = [{}]\n", entries.join(", ")),
        )
        .unwrap();
        for i in 1..=n {
            std::fs::write(
                dir.0.join(format!("g{i}.toml")),
                format!(
                    "[catalog]\ninclude = [\"shared.toml\"]\n{}",
                    error(&format!("G{i}"))
                ),
            )
            .unwrap();
        }
        std::fs::write(dir.0.join("shared.toml"), error("SHARED")).unwrap();
        let catalog = Catalog::load(dir.0.join("fan.toml")).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(catalog.errors.len(), n + 1);
        assert_eq!(catalog.files.len(), n + 2);
        // `shared.toml` comes right after the first file that includes it.
        assert_eq!(catalog.errors[1].code, "SHARED");
        assert_eq!(catalog.errors[n].code, format!("G{n}"));
    }
}
