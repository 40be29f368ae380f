//! Random catalogs that are well-formed TOML (no table defined twice, no multi-line
//! strings), valid or not as the catalog format goes: every setting that changes how
//! errors are read, and errors that depend on it. Most values are sound; now and
//! then one is broken, so that both outcomes of a load are reached.

use super::rng::Rng;

/// One of `sound`, or one time in eight one of `broken`.
fn mostly<'a>(rng: &mut Rng, sound: &[&'a str], broken: &[&'a str]) -> &'a str {
    if rng.one_in(8) {
        rng.pick(broken)
    } else {
        rng.pick(sound)
    }
}

/// A root catalog: settings tables (each present or not), categories and errors,
/// one table per header; `include` names `includes` when there are any.
pub(crate) fn root(rng: &mut Rng, includes: &[&str]) -> String {
    let mut out = String::new();
    let mut catalog = Vec::new();
    if rng.one_in(2) {
        let style = mostly(rng, &["flat", "nested", "typed", "problem"], &["xml"]);
        catalog.push(format!("envelope = \"{style}\""));
    }
    if rng.one_in(3) {
        let case = mostly(rng, &["camelCase", "snake_case"], &["kebab"]);
        catalog.push(format!("details_case = \"{case}\""));
    }
    if rng.one_in(2) {
        let url = mostly(
            rng,
            &["https://docs.example.com/errors#{code}"],
            &["https://x/{cod}", ""],
        );
        catalog.push(format!("doc_url = \"{url}\""));
    }
    if rng.one_in(8) {
        let case = rng.pick(&["SCREAMING_SNAKE_CASE", "snake_case"]);
        catalog.push(format!("code_case = \"{case}\""));
    }
    if rng.one_in(3) {
        let name = mostly(rng, &["Api", "ServiceError"], &["bad name", "Self"]);
        catalog.push(format!("name = \"{name}\""));
    }
    if !includes.is_empty() {
        let quoted: Vec<String> = includes.iter().map(|f| format!("\"{f}\"")).collect();
        catalog.push(format!("include = [{}]", quoted.join(", ")));
    }
    if !catalog.is_empty() {
        out.push_str(&format!("[catalog]\n{}\n", catalog.join("\n")));
    }
    if rng.one_in(2) {
        out.push_str("[envelope.rename]\n");
        let mut used = Vec::new();
        for _ in 0..1 + rng.below(3) {
            // `success` is flat only, `param` typed only, `detail` problem only.
            let member = mostly(
                rng,
                &["code", "request_id", "timestamp"],
                &["success", "param", "detail", "bogus"],
            );
            if used.contains(&member) {
                continue;
            }
            used.push(member);
            let key = mostly(
                rng,
                &["traceId", "error_code", "when", "kind"],
                &["message", ""],
            );
            out.push_str(&format!("{member} = \"{key}\"\n"));
        }
    }
    if rng.one_in(3) {
        let attempts = mostly(rng, &["1", "3", "10"], &["0"]);
        let base = mostly(rng, &["500", "2000"], &["0", "60000"]);
        out.push_str(&format!(
            "[retry]\nmax_attempts = {attempts}\nbase_delay_ms = {base}\n"
        ));
    }
    if rng.one_in(4) {
        let open = mostly(rng, &["1000", "60000"], &["0"]);
        let half_open = mostly(rng, &["1", "2"], &["0"]);
        out.push_str(&format!(
            "[circuit_breaker]\nopen_ms = {open}\nhalf_open_requests = {half_open}\n"
        ));
    }
    out.push_str(&declarations(rng, &["ROOT_A", "ROOT_B", "ROOT_C"]));
    out
}

/// An included file: categories, errors, and now and then a table only the root may
/// hold.
pub(crate) fn included(rng: &mut Rng, codes: &[&str]) -> String {
    let mut out = String::new();
    if rng.one_in(8) {
        out.push_str("[retry]\nmax_attempts = 3\n");
    }
    out.push_str(&declarations(rng, codes));
    out
}

/// `[categories.*]` and `[errors.*]` tables, each code at most once.
fn declarations(rng: &mut Rng, codes: &[&str]) -> String {
    let mut out = String::new();
    let categories = rng.one_in(2);
    if categories {
        out.push_str("[categories.auth]\ndescription = \"Authentication.\"\n");
    }
    for code in codes {
        if rng.one_in(3) {
            continue;
        }
        // (declaration, whether a message may insert it)
        let fields = [
            ("user_id = \"string\"", true),
            (
                "retry_after = { type = \"u64\", header = \"Retry-After\" }",
                true,
            ),
            ("note = { type = \"string\", wire = \"noteText\" }", true),
            ("secret = { type = \"string\", internal = true }", false),
            // Standard members of the problem style: a collision only there.
            ("request_id = \"string?\"", false),
            ("type = \"u32\"", true),
        ];
        let mut chosen = Vec::new();
        for (i, field) in fields.iter().enumerate() {
            if rng.one_in(if i >= 4 { 6 } else { 2 }) {
                chosen.push(*field);
            }
        }
        let status = mostly(rng, &["404", "429", "503"], &["700"]);
        let inserted: Vec<String> = chosen
            .iter()
            .filter(|(_, insertable)| *insertable)
            .map(|(decl, _)| format!("{{{}}}", decl.split(' ').next().unwrap_or_default()))
            .collect();
        let message = if rng.one_in(12) {
            "Missing {nothing}.".to_owned()
        } else {
            format!("It failed. {}", inserted.join(" "))
        };
        out.push_str(&format!(
            "[errors.{code}]\nstatus = {status}\nmessage = \"{message}\"\n"
        ));
        if rng.one_in(3) {
            let category = mostly(rng, &["auth"], &["billing"]);
            out.push_str(&format!("category = \"{category}\"\n"));
        }
        if chosen.iter().any(|(d, _)| d.starts_with("user_id")) && rng.one_in(3) {
            out.push_str("param = \"user_id\"\n");
        }
        if !chosen.is_empty() {
            out.push_str(&format!("[errors.{code}.details]\n"));
            for (decl, _) in chosen {
                out.push_str(decl);
                out.push('\n');
            }
        }
    }
    out
}

/// A catalog assembled from valid and invalid pieces, TOML or not (tables may be
/// defined twice): the generator of the first fuzz tests.
pub(crate) fn anything(rng: &mut Rng) -> String {
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
