//! The HTML reference in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) renders the bundled catalog's page and a page of 2,000
//! codes. Checked: the page renders (a screenshot of the expected size, far from
//! blank), every code is in the DOM under its anchor, every in-page link resolves,
//! and the search box filters (from the page's `?q=` parameter).
//!
//! Without Chromium the tests say so and pass, except where
//! `ERRORS_CATALOG_REQUIRE_BROWSER=1` (set by `.ci/run`) makes them mandatory.
//! `ERRORS_CATALOG_CHROMIUM` names another binary.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use errors_catalog::Catalog;
use errors_docs::Reference;

fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("ERRORS_CATALOG_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from));
    for candidate in candidates {
        if candidate.is_file() {
            return Some(candidate);
        }
    }
    let required = std::env::var_os("ERRORS_CATALOG_REQUIRE_BROWSER").is_some_and(|v| v == "1");
    assert!(
        !required,
        "ERRORS_CATALOG_REQUIRE_BROWSER=1 but no Chromium at /usr/bin/chromium: install Debian's `chromium` package"
    );
    eprintln!(
        "SKIPPED: no Chromium at /usr/bin/chromium (apt-get install chromium); set ERRORS_CATALOG_REQUIRE_BROWSER=1 to make this a failure"
    );
    None
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("browser")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `url` with `args`; its standard output.
fn run_chromium(chromium: &Path, dir: &Path, args: &[&str], url: &str) -> String {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let profile = dir.join(format!("profile-{}", RUNS.fetch_add(1, Ordering::Relaxed)));
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium {args:?} {url} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("chromium writes UTF-8")
}

fn file_url(path: &Path, query: &str) -> String {
    format!("file://{}{query}", path.canonicalize().unwrap().display())
}

/// The values of `attribute="..."` in `dom`.
fn attribute_values<'a>(dom: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    dom.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &dom[i + needle.len()..];
            Some(&rest[..rest.find('"')?])
        })
        .collect()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Renders `html`, checks its DOM and a screenshot; returns the DOM.
fn check_page(chromium: &Path, dir: &Path, reference: &Reference) -> String {
    let page = dir.join("errors.html");
    std::fs::write(&page, errors_docs::html(reference)).unwrap();
    let dom = run_chromium(chromium, dir, &["--dump-dom"], &file_url(&page, ""));

    // Every code under its anchor, once; every in-page link resolves.
    let ids: Vec<&str> = attribute_values(&dom, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for code in &reference.codes {
        assert!(
            unique.contains(code.code.as_str()),
            "no element with id {}",
            code.code
        );
        assert!(
            dom.contains(&format!("<article class=\"code\" id=\"{}\"", code.code)),
            "{}",
            code.code
        );
    }
    let links: Vec<&str> = attribute_values(&dom, "href");
    assert!(
        links.len() > reference.codes.len(),
        "links: {}",
        links.len()
    );
    for link in links {
        let target = link
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("an external link: {link}"));
        assert!(
            unique.contains(target),
            "the link #{target} resolves to nothing"
        );
    }
    // The script ran: it counted the codes.
    assert!(
        dom.contains(&format!(
            "<span id=\"search-count\" aria-live=\"polite\">{} codes</span>",
            reference.codes.len()
        )),
        "the script did not run"
    );
    // No external asset.
    for external in ["<link ", "src=\"http", "url(http", "@import"] {
        assert!(!dom.contains(external), "external asset: {external}");
    }
    dom
}

fn check_screenshot(chromium: &Path, dir: &Path, page: &Path) {
    let shot = dir.join("page.png");
    let blank_page = dir.join("blank.html");
    let blank_shot = dir.join("blank.png");
    std::fs::write(&blank_page, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let size = "--window-size=1280,1600";
    run_chromium(
        chromium,
        dir,
        &[size, &format!("--screenshot={}", shot.display())],
        &file_url(page, ""),
    );
    run_chromium(
        chromium,
        dir,
        &[size, &format!("--screenshot={}", blank_shot.display())],
        &file_url(&blank_page, ""),
    );
    let png = std::fs::read(&shot).unwrap();
    let blank = std::fs::read(&blank_shot).unwrap();
    assert_eq!(png_size(&png), (1280, 1600));
    assert_eq!(png_size(&blank), (1280, 1600));
    // A page of tables and text compresses far worse than a blank one.
    assert!(
        png.len() > 20_000 && png.len() > blank.len() * 5,
        "the screenshot looks blank: {} bytes, a blank page {} bytes",
        png.len(),
        blank.len()
    );
    assert!(
        png.len() < 8_000_000,
        "an implausible screenshot: {} bytes",
        png.len()
    );
}

#[test]
fn the_bundled_reference_renders_with_every_code_and_anchor() {
    let Some(chromium) = chromium() else { return };
    let dir = scratch("bundled");
    let catalog =
        Catalog::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog.toml")).unwrap();
    let reference = Reference::from(&catalog);
    let dom = check_page(&chromium, &dir, &reference);
    assert!(dom.contains("<h2>Status code conventions</h2>"));
    assert!(dom.contains("<h2>Retry strategy</h2>"));
    check_screenshot(&chromium, &dir, &dir.join("errors.html"));

    // The search box, filled from ?q=: only matching codes stay visible.
    let filtered = run_chromium(
        &chromium,
        &dir,
        &["--dump-dom"],
        &file_url(&dir.join("errors.html"), "?q=rate%20limit"),
    );
    let matching: Vec<&str> = reference
        .codes
        .iter()
        .filter(|c| {
            let fields: Vec<&str> = c
                .public_fields()
                .flat_map(|f| [f.name.as_str(), f.wire.as_str()])
                .collect();
            let text = format!(
                "{} {} {} {} {} {} {}",
                c.code,
                c.status,
                c.title,
                c.template.source,
                c.category.as_deref().unwrap_or(""),
                c.description.as_deref().unwrap_or(""),
                fields.join(" ")
            )
            .to_lowercase();
            text.contains("rate") && text.contains("limit")
        })
        .map(|c| c.code.as_str())
        .collect();
    assert!(
        matching.contains(&"RATE_LIMITED") && matching.len() < reference.codes.len(),
        "{matching:?}"
    );
    for code in &reference.codes {
        let article = format!("<article class=\"code\" id=\"{}\"", code.code);
        let at = filtered.find(&article).unwrap();
        let tag = &filtered[at..at + filtered[at..].find('>').unwrap()];
        assert_eq!(
            !tag.contains(" hidden"),
            matching.contains(&code.code.as_str()),
            "{}: {tag}",
            code.code
        );
    }
    assert!(
        filtered.contains(&format!(
            ">{} of {} codes<",
            matching.len(),
            reference.codes.len()
        )),
        "the count of matching codes"
    );
}

/// A catalog of `n` codes of every field type, as a large API would have.
fn large_catalog(n: usize) -> String {
    let mut out = String::from(
        "[catalog]\nenvelope = \"typed\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n\n[categories.api_error]\n[categories.validation_error]\n\n",
    );
    for i in 0..n {
        let status = [400, 404, 409, 422, 429, 503][i % 6];
        let category = if status >= 500 {
            "api_error"
        } else {
            "validation_error"
        };
        out.push_str(&format!(
            "[errors.SERVICE_{i}_FAILURE]\nstatus = {status}\nmessage = \"Item {{item_id}} of service {i} failed after {{attempts}} attempts.\"\ncategory = \"{category}\"\ndescription = \"What failure {i} means, and what to do about it.\"\nparam = \"item_id\"\n\
             [errors.SERVICE_{i}_FAILURE.details]\nitem_id = {{ type = \"string\", description = \"The item.\" }}\nattempts = \"u32\"\nratio = \"f64?\"\ntags = \"[string]?\"\nfields = \"field_violations?\"\n\n"
        ));
    }
    out
}

#[test]
fn a_reference_of_two_thousand_codes_renders_and_filters() {
    let Some(chromium) = chromium() else { return };
    let dir = scratch("large");
    let catalog = Catalog::from_str("large.toml", &large_catalog(2000)).unwrap();
    let reference = Reference::from(&catalog);
    let started = Instant::now();
    check_page(&chromium, &dir, &reference);
    let elapsed = started.elapsed();
    // Linear layout renders 2,000 codes in a few seconds even on a loaded CI machine;
    // quadratic layout would take minutes.
    assert!(
        elapsed < Duration::from_secs(60),
        "rendering took {elapsed:?}"
    );

    let filtered = run_chromium(
        &chromium,
        &dir,
        &["--dump-dom"],
        &file_url(&dir.join("errors.html"), "?q=service_1999_"),
    );
    assert!(
        filtered.contains(">1 of 2000 codes<"),
        "the search did not narrow to one code"
    );
    let visible: Vec<&str> = filtered
        .match_indices("<article class=\"code\" id=\"")
        .map(|(i, _)| &filtered[i..i + filtered[i..].find('>').unwrap()])
        .filter(|tag| !tag.contains(" hidden"))
        .collect();
    assert_eq!(visible.len(), 1, "{visible:?}");
    assert!(
        visible[0].contains("id=\"SERVICE_1999_FAILURE\""),
        "{visible:?}"
    );
}

/// The codes whose section the filtered page `dom` shows, in page order.
fn visible_codes(dom: &str) -> Vec<&str> {
    dom.match_indices("<article class=\"code\" id=\"")
        .map(|(i, _)| &dom[i..i + dom[i..].find('>').unwrap()])
        .filter(|tag| !tag.contains(" hidden"))
        .map(|tag| {
            let id = &tag[tag.find(" id=\"").unwrap() + 5..];
            &id[..id.find('"').unwrap()]
        })
        .collect()
}

/// The codes whose row the filtered page's codes table shows, in page order.
fn visible_rows(dom: &str) -> Vec<&str> {
    dom.match_indices("<tr data-search=\"")
        .map(|(i, _)| &dom[i..])
        .filter(|row| !row[..row.find('>').unwrap()].contains(" hidden"))
        .map(|row| {
            let code = &row[row.find("<code>").unwrap() + 6..];
            &code[..code.find('<').unwrap()]
        })
        .collect()
}

#[test]
fn the_search_finds_messages_field_names_and_retryability() {
    let Some(chromium) = chromium() else { return };
    let dir = scratch("search-words");
    let catalog = Catalog::from_str(
        "search.toml",
        r#"
        [catalog]
        envelope = "flat"

        [errors.SESSION_FULL]
        status = 409
        message = "Session {session_id} is at capacity."
        details.session_id = "string"

        [errors.QUOTA_EXCEEDED]
        status = 429
        message = "Try again in {retry_after} seconds."
        details.retry_after = { type = "u64", header = "Retry-After" }
        details.internal_note = { type = "string", internal = true }

        [errors.UPSTREAM_DOWN]
        status = 503
        message = "The payment provider did not answer."

        [errors.NOT_FOUND]
        status = 404
        message = "No such booking."
        description = "Never retry: the booking will not appear."
        "#,
    )
    .unwrap();
    let reference = Reference::from(&catalog);
    check_page(&chromium, &dir, &reference);
    let page = dir.join("errors.html");
    let search = |query: &str| {
        run_chromium(
            &chromium,
            &dir,
            &["--dump-dom"],
            &file_url(&page, &format!("?q={query}")),
        )
    };

    // Words of a message template, which no title or description holds.
    let dom = search("capacity");
    assert_eq!(visible_codes(&dom), ["SESSION_FULL"]);
    assert_eq!(visible_rows(&dom), ["SESSION_FULL"]);
    assert!(dom.contains(">1 of 4 codes<"), "the count");
    let dom = search("payment%20provider");
    assert_eq!(visible_codes(&dom), ["UPSTREAM_DOWN"]);

    // A field's name in the catalog and on the wire (camelCase in the flat style);
    // an internal field is no client's business, so it is not found.
    assert_eq!(visible_codes(&search("session_id")), ["SESSION_FULL"]);
    assert_eq!(visible_codes(&search("retryAfter")), ["QUOTA_EXCEEDED"]);
    assert!(visible_codes(&search("internal_note")).is_empty());

    // "retryable" finds the codes a client may retry, not those that say "retry".
    let dom = search("retryable");
    assert_eq!(visible_codes(&dom), ["QUOTA_EXCEEDED", "UPSTREAM_DOWN"]);
    assert_eq!(visible_rows(&dom), ["QUOTA_EXCEEDED", "UPSTREAM_DOWN"]);
    assert!(dom.contains(">2 of 4 codes<"), "the count");
    assert_eq!(
        visible_codes(&search("retryable%20429")),
        ["QUOTA_EXCEEDED"]
    );
}
