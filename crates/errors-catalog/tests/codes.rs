//! Codes: identifiers, `code_case`, variant names, duplicates, the empty catalog.

mod common;

use common::{load_ok, problem, problems};

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
        "catalog.toml:1:9: `ÜBER` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `BER`"
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
