//! SPEC 9.4: `aliases`, `deprecated` as a table, `retry = "after_refresh"`.

mod common;

use common::{load_ok, problem, problems};
use errors_catalog::RetryClass;

const QUOTA: &str = "[errors.QUOTA_EXCEEDED]\nstatus = 429\nmessage = \"Quota exceeded.\"\n";

#[test]
fn aliases_are_kept_in_order() {
    let catalog = load_ok(&format!(
        "{QUOTA}aliases = [\"RATE_LIMITED\", \"TOO_MANY_REQUESTS\"]\n"
    ));
    let quota = catalog.error("QUOTA_EXCEEDED").unwrap();
    assert_eq!(quota.aliases, ["RATE_LIMITED", "TOO_MANY_REQUESTS"]);
    assert!(
        load_ok(QUOTA)
            .error("QUOTA_EXCEEDED")
            .unwrap()
            .aliases
            .is_empty()
    );
}

#[test]
fn an_alias_may_not_be_a_code() {
    assert_eq!(
        problem(&format!(
            "{QUOTA}aliases = [\"NOT_FOUND\"]\n[errors.NOT_FOUND]\nstatus = 404\nmessage = \"m\"\n"
        )),
        "catalog.toml:4:12: alias `NOT_FOUND` of `QUOTA_EXCEEDED` is a code of the catalog, defined at catalog.toml:5:9; an alias is an old spelling no code uses: remove `NOT_FOUND` from the aliases, or, to rename `NOT_FOUND`, deprecate it with `replacement = \"QUOTA_EXCEEDED\"` and add the alias once it is removed"
    );
    assert_eq!(
        problem(&format!("{QUOTA}aliases = [\"QUOTA_EXCEEDED\"]\n")),
        "catalog.toml:4:12: `QUOTA_EXCEEDED` is listed as its own alias; remove it: the code itself is always decoded"
    );
}

#[test]
fn an_alias_may_not_be_another_codes_alias_nor_repeat() {
    assert_eq!(
        problem(&format!(
            "{QUOTA}aliases = [\"RATE_LIMITED\"]\n[errors.SLOW_DOWN]\nstatus = 429\nmessage = \"m\"\naliases = [\"RATE_LIMITED\"]\n"
        )),
        "catalog.toml:8:12: alias `RATE_LIMITED` of `SLOW_DOWN` is already an alias of `QUOTA_EXCEEDED` (catalog.toml:4:12); an old spelling decodes as one code: keep it on one of them"
    );
    assert_eq!(
        problem(&format!(
            "{QUOTA}aliases = [\"RATE_LIMITED\", \"RATE_LIMITED\"]\n"
        )),
        "catalog.toml:4:28: alias `RATE_LIMITED` is listed twice for `QUOTA_EXCEEDED`; remove the repetition"
    );
}

#[test]
fn an_alias_is_a_valid_code_in_the_code_case() {
    assert_eq!(
        problem(&format!("{QUOTA}aliases = [\"rate-limited\"]\n")),
        "catalog.toml:4:12: alias `rate-limited` of `QUOTA_EXCEEDED` is not a valid code; a code is ASCII letters, digits and `_`, starting with a letter, such as `rate_limited`"
    );
    assert_eq!(
        problem(&format!(
            "[catalog]\ncode_case = \"SCREAMING_SNAKE_CASE\"\n{QUOTA}aliases = [\"RateLimited\"]\n"
        )),
        "catalog.toml:6:12: alias `RateLimited` of `QUOTA_EXCEEDED` is not SCREAMING_SNAKE_CASE as `code_case` requires; write it `RATE_LIMITED`"
    );
    assert_eq!(
        problem(&format!("{QUOTA}aliases = \"RATE_LIMITED\"\n")),
        "catalog.toml:4:11: `aliases` must be a list of old spellings of the code, such as `[\"RATE_LIMITED\"]`, found a string"
    );
    assert_eq!(
        problem(&format!("{QUOTA}aliases = [\"RATE_LIMITED\", 7]\n")),
        "catalog.toml:4:28: an alias must be a string (an old spelling of the code), found an integer"
    );
}

#[test]
fn deprecated_as_a_table_builds_the_note() {
    let catalog = load_ok(&format!(
        "{QUOTA}[errors.OLD_THING]\nstatus = 410\nmessage = \"Gone.\"\ndeprecated = {{ since = \"2.3\", replacement = \"QUOTA_EXCEEDED\", remove_after = \"2027-06-01\" }}\n"
    ));
    let old = catalog.error("OLD_THING").unwrap();
    let deprecation = old.deprecation.as_ref().unwrap();
    assert_eq!(deprecation.since.as_deref(), Some("2.3"));
    assert_eq!(deprecation.replacement.as_deref(), Some("QUOTA_EXCEEDED"));
    assert_eq!(deprecation.remove_after.as_deref(), Some("2027-06-01"));
    assert_eq!(
        old.deprecated.as_deref(),
        Some("Use QUOTA_EXCEEDED instead. Deprecated since 2.3; to be removed after 2027-06-01.")
    );
    // The string form stays valid, with no table behind it.
    let catalog = load_ok(&format!("{QUOTA}deprecated = \"Use SLOW_DOWN\"\n"));
    let quota = catalog.error("QUOTA_EXCEEDED").unwrap();
    assert_eq!(quota.deprecated.as_deref(), Some("Use SLOW_DOWN"));
    assert!(quota.deprecation.is_none());
}

#[test]
fn a_replacement_names_a_code() {
    assert_eq!(
        problem(&format!(
            "{QUOTA}[errors.OLD_THING]\nstatus = 410\nmessage = \"Gone.\"\ndeprecated = {{ replacement = \"QUOTA_EXCEDED\" }}\n"
        )),
        "catalog.toml:7:30: the replacement of `OLD_THING`, `QUOTA_EXCEDED`, is not a code of the catalog; did you mean `QUOTA_EXCEEDED`?"
    );
    assert_eq!(
        problem(&format!(
            "{QUOTA}aliases = [\"RATE_LIMITED\"]\n[errors.OLD_THING]\nstatus = 410\nmessage = \"Gone.\"\ndeprecated = {{ replacement = \"RATE_LIMITED\" }}\n"
        )),
        "catalog.toml:8:30: the replacement of `OLD_THING`, `RATE_LIMITED`, is not a code of the catalog; `RATE_LIMITED` is an alias of `QUOTA_EXCEEDED`: name the code itself"
    );
    assert_eq!(
        problem(&format!(
            "{QUOTA}deprecated = {{ replacement = \"QUOTA_EXCEEDED\" }}\n"
        )),
        "catalog.toml:4:30: `QUOTA_EXCEEDED` names itself as its replacement; name the code clients should use instead"
    );
}

#[test]
fn since_and_remove_after_are_checked() {
    assert_eq!(
        problem(&format!("{QUOTA}deprecated = {{ since = \" \" }}\n")),
        "catalog.toml:4:24: `since` of `[errors.QUOTA_EXCEEDED]` is empty; write the version that deprecated the code, e.g. `since = \"2.3\"`"
    );
    assert_eq!(
        problem(&format!(
            "{QUOTA}deprecated = {{ remove_after = \"June 2027\" }}\n"
        )),
        "catalog.toml:4:31: `remove_after` of `[errors.QUOTA_EXCEEDED]` must be a calendar date written YYYY-MM-DD, found `\"June 2027\"`; write the day after which the code may be removed, e.g. `remove_after = \"2027-06-01\"`"
    );
    assert_eq!(
        problem(&format!(
            "{QUOTA}deprecated = {{ remove_after = \"2027-02-30\" }}\n"
        )),
        "catalog.toml:4:31: `remove_after` of `[errors.QUOTA_EXCEEDED]` must be a calendar date written YYYY-MM-DD, found `\"2027-02-30\"`; write the day after which the code may be removed, e.g. `remove_after = \"2027-06-01\"`"
    );
    assert_eq!(
        problem(&format!("{QUOTA}deprecated = {{ sinse = \"2.3\" }}\n")),
        "catalog.toml:4:16: unknown key `sinse` in `deprecated` of `[errors.QUOTA_EXCEEDED]`; did you mean `since`?"
    );
    assert_eq!(
        problem(&format!("{QUOTA}deprecated = 3\n")),
        "catalog.toml:4:14: `deprecated` must be a string (why, and what to use instead) or a table such as `{ since = \"2.3\", replacement = \"NEW_CODE\" }`, found an integer"
    );
}

#[test]
fn retry_after_refresh_is_not_retryable() {
    let catalog = load_ok(
        "[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"Token expired.\"\nretry = \"after_refresh\"\n\n[errors.OVERLOADED]\nstatus = 503\nmessage = \"m\"\nretry = \"after_refresh\"\nretryable = false\n",
    );
    for code in ["TOKEN_EXPIRED", "OVERLOADED"] {
        let error = catalog.error(code).unwrap();
        assert_eq!(error.retry_class, RetryClass::AfterRefresh, "{code}");
        assert!(!error.retryable, "{code}");
    }
    let plain = load_ok(QUOTA);
    assert_eq!(plain.errors[0].retry_class, RetryClass::Retryable);
}

#[test]
fn retry_after_refresh_with_retryable_true_is_an_error() {
    assert_eq!(
        problem(
            "[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"m\"\nretryable = true\nretry = \"after_refresh\"\n"
        ),
        "catalog.toml:4:13: `retryable = true` contradicts `retry = \"after_refresh\"`; an after_refresh error is retried once, after the client refreshes its credentials, never under the retry policy: remove `retryable = true`"
    );
    assert_eq!(
        problem(
            "[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"m\"\nretry = \"after_refrsh\"\n"
        ),
        "catalog.toml:4:9: unknown retry `\"after_refrsh\"`; did you mean `\"after_refresh\"`?"
    );
    assert_eq!(
        problems("[errors.TOKEN_EXPIRED]\nstatus = 401\nmessage = \"m\"\nretry = true\n"),
        [
            "catalog.toml:4:9: `retry` must be one of the strings `\"after_refresh\"`, found a boolean"
        ]
    );
}
