//! Codes: identifiers, `code_case`, variant names, duplicates, the empty catalog.

mod common;
mod generate;

use common::{load_ok, problem, problems};
use errors_catalog::naming;
use generate::rng::Rng;

#[test]
fn a_code_must_be_an_identifier() {
    assert_eq!(
        problem("[errors.\"rate-limited\"]\nstatus = 429\nmessage = \"m\"\n"),
        "catalog.toml:1:9: `rate-limited` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `rate_limited`"
    );
    assert_eq!(
        problem("[errors.\"404\"]\nstatus = 404\nmessage = \"m\"\n"),
        "catalog.toml:1:9: `404` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `NOT_FOUND`"
    );
    assert_eq!(
        problem("[errors._HIDDEN]\nstatus = 404\nmessage = \"m\"\n"),
        "catalog.toml:1:9: `_HIDDEN` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `HIDDEN`"
    );
    assert_eq!(
        problem("[errors.\"ÜBER\"]\nstatus = 404\nmessage = \"m\"\n"),
        "catalog.toml:1:9: `ÜBER` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `UEBER`"
    );
}

#[test]
fn code_case_is_enforced_both_ways() {
    assert_eq!(
        problem(
            "[catalog]\ncode_case = \"SCREAMING_SNAKE_CASE\"\n[errors.RateLimited]\nstatus = 429\nmessage = \"m\"\n"
        ),
        "catalog.toml:3:9: code `RateLimited` is not SCREAMING_SNAKE_CASE as `code_case` requires; write it `RATE_LIMITED`"
    );
    assert_eq!(
        problem(
            "[catalog]\ncode_case = \"snake_case\"\n[errors.RATE_LIMITED]\nstatus = 429\nmessage = \"m\"\n"
        ),
        "catalog.toml:3:9: code `RATE_LIMITED` is not snake_case as `code_case` requires; write it `rate_limited`"
    );
    load_ok(
        "[catalog]\ncode_case = \"snake_case\"\n[errors.rate_limited_2]\nstatus = 429\nmessage = \"m\"\n",
    );
}

#[test]
fn two_codes_that_become_one_variant_name_both() {
    assert_eq!(
        problem(
            "[errors.RATE_LIMITED]\nstatus = 429\nmessage = \"a\"\n\n[errors.rate_limited]\nstatus = 429\nmessage = \"b\"\n"
        ),
        "catalog.toml:5:9: codes `RATE_LIMITED` and `rate_limited` both become the variant `RateLimited`; rename one of them; `RATE_LIMITED` is defined at catalog.toml:1:9"
    );
}

#[test]
fn a_code_cannot_become_a_reserved_name() {
    assert_eq!(
        problem("[errors.SELF]\nstatus = 400\nmessage = \"m\"\n"),
        "catalog.toml:1:9: code `SELF` would become the variant `Self`, which Rust reserves; rename the code"
    );
    assert_eq!(
        problem("[errors.A_L_L]\nstatus = 400\nmessage = \"m\"\n"),
        "catalog.toml:1:9: code `A_L_L` would become the variant `ALL`, the name of the generated list of every code (`ApiErrorCode::ALL`); rename the code"
    );
}

#[test]
fn variants_titles_and_order_follow_the_catalog() {
    let catalog = load_ok(
        "[errors.UPSTREAM_TIMEOUT]\nstatus = 504\nmessage = \"m\"\n\n[errors.already_in_queue]\nstatus = 409\nmessage = \"m\"\ntitle = \"Queued already\"\n\n[errors.A1]\nstatus = 400\nmessage = \"m\"\n",
    );
    let seen: Vec<(&str, &str, &str)> = catalog
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.variant.as_str(), e.title.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("UPSTREAM_TIMEOUT", "UpstreamTimeout", "Upstream timeout"),
            ("already_in_queue", "AlreadyInQueue", "Queued already"),
            ("A1", "A1", "A1"),
        ]
    );
}

#[test]
fn an_empty_catalog_is_an_error() {
    assert_eq!(
        problem(""),
        "catalog.toml:1:1: the catalog declares no errors; add one, e.g. `[errors.NOT_FOUND]` with `status = 404` and a `message`"
    );
    assert_eq!(
        problem("[catalog]\nname = \"Api\"\n\n[errors]\n"),
        "catalog.toml:4:2: the catalog declares no errors; add one, e.g. `[errors.NOT_FOUND]` with `status = 404` and a `message`"
    );
}

#[test]
fn the_enum_name_must_be_an_upper_camel_case_identifier() {
    let ok = "\n[errors.X]\nstatus = 400\nmessage = \"m\"\n";
    assert_eq!(
        problem(&format!("[catalog]\nname = \"api_error\"\n{ok}")),
        "catalog.toml:2:8: `api_error` is not a valid enum name; use an UpperCamelCase Rust identifier, such as `ApiError`"
    );
    assert_eq!(
        problem(&format!("[catalog]\nname = \"Self\"\n{ok}")),
        "catalog.toml:2:8: `Self` is not a valid enum name; use an UpperCamelCase Rust identifier, such as `ApiError`"
    );
    assert_eq!(
        problem(&format!("[catalog]\nname = \"Api Error\"\n{ok}")),
        "catalog.toml:2:8: `Api Error` is not a valid enum name; use an UpperCamelCase Rust identifier, such as `ApiError`"
    );
    let catalog = load_ok(&format!("[catalog]\nname = \"PaymentsError\"\n{ok}"));
    assert_eq!(
        (catalog.name.as_str(), catalog.code_enum.as_str()),
        ("PaymentsError", "PaymentsErrorCode")
    );
}

#[test]
fn every_bad_code_is_reported() {
    assert_eq!(
        problems("[errors.\"a b\"]\nstatus = 400\nmessage = \"m\"\n[errors.\"c.d\"]\nstatus = 400\nmessage = \"m\"\n").len(),
        2
    );
}

#[test]
fn a_code_with_letters_outside_ascii_is_spelled_in_ascii_or_explained() {
    let help = |code: &str| {
        let found = problem(&format!(
            "[errors.\"{code}\"]\nstatus = 404\nmessage = \"m\"\n"
        ));
        found
            .split_once("; ")
            .map(|(_, help)| help.to_owned())
            .unwrap_or(found)
    };
    const RULE: &str = "a code is ASCII letters, digits and `_`, starting with a letter";
    assert_eq!(
        help("Über_Größe"),
        format!("{RULE}, such as `Ueber_Groesse`")
    );
    assert_eq!(help("CAFÉ-CRÈME"), format!("{RULE}, such as `CAFE_CREME`"));
    assert_eq!(
        help("ERR_東京"),
        format!("{RULE}; `東` has no ASCII spelling, so name the code in ASCII")
    );
    assert_eq!(
        help("1X"),
        format!("{RULE}; begin it with a word rather than a digit")
    );
    // With `code_case`, the code is suggested in that case.
    assert_eq!(
        problem(
            "[catalog]\ncode_case = \"SCREAMING_SNAKE_CASE\"\n[errors.\"Über\"]\nstatus = 404\nmessage = \"m\"\n"
        ),
        format!("catalog.toml:3:9: `Über` is not a valid code; {RULE}, such as `UEBER`")
    );
}

/// Codes made of random ASCII and non-ASCII characters: whatever code a diagnostic
/// suggests is valid (in the catalog's `code_case`), keeps every ASCII letter of the
/// code as written, in order, and spells every other letter with at least one.
#[test]
fn a_suggested_code_is_valid_and_keeps_every_letter() {
    const PIECES: &[&str] = &[
        "A", "b", "Z", "q", "1", "9", "_", "-", " ", ".", "Ü", "ü", "Ö", "ß", "ẞ", "é", "È", "Ç",
        "ñ", "Ø", "Å", "Æ", "œ", "Ł", "ı", "İ", "Ş", "ğ", "Þ", "\u{308}", "東", "я", "Ω", "٣",
        "🎉", "—", "·", "ª",
    ];
    let mut rng = Rng::new(0xC0DE);
    let mut suggested = 0;
    for case in 0..3_000 {
        let code: String = (0..1 + rng.below(8)).map(|_| rng.pick(PIECES)).collect();
        if naming::is_code(&code) {
            continue;
        }
        let code_case = rng.pick(&["", "SCREAMING_SNAKE_CASE", "snake_case"]);
        let settings = if code_case.is_empty() {
            String::new()
        } else {
            format!("[catalog]\ncode_case = \"{code_case}\"\n")
        };
        let escaped = code.replace('\\', "\\\\").replace('"', "\\\"");
        let found = problems(&format!(
            "{settings}[errors.\"{escaped}\"]\nstatus = 404\nmessage = \"m\"\n"
        ));
        let line = found
            .iter()
            .find(|d| d.contains("is not a valid code"))
            .unwrap_or_else(|| panic!("case {case}: {code:?} not refused: {found:#?}"));
        assert!(line.contains("a code is ASCII letters"), "{line}");
        let Some((_, after)) = line.split_once("such as `") else {
            continue;
        };
        let fix = after.split('`').next().unwrap_or_default();
        let valid = naming::is_code(fix)
            && match code_case {
                "SCREAMING_SNAKE_CASE" => naming::is_screaming_snake_case(fix),
                "snake_case" => naming::is_snake_case(fix),
                _ => true,
            };
        assert!(
            valid,
            "case {case}: {code:?} -> {fix:?} is not a valid code"
        );
        let letters: Vec<char> = code.chars().filter(char::is_ascii_alphabetic).collect();
        // Each letter, ASCII or not, is spelled by at least one letter.
        let spelled = fix.chars().filter(char::is_ascii_alphabetic).count();
        let written = code.chars().filter(|c| c.is_alphabetic()).count();
        assert!(
            spelled >= written,
            "case {case}: {code:?} -> {fix:?} drops a letter"
        );
        if letters.is_empty() {
            continue;
        }
        suggested += 1;
        let mut rest = fix.chars().map(|c| c.to_ascii_lowercase());
        let kept = letters
            .iter()
            .all(|l| rest.any(|c| c == l.to_ascii_lowercase()));
        assert!(kept, "case {case}: {code:?} -> {fix:?} drops a letter");
        if code_case.is_empty() {
            // Without a case to follow, the letters keep theirs too.
            let mut rest = fix.chars();
            assert!(
                letters.iter().all(|l| rest.any(|c| c == *l)),
                "{code:?} -> {fix:?}"
            );
        }
    }
    assert!(suggested > 500, "only {suggested} suggestions were checked");
}
