//! Unknown keys (with "did you mean"), values of the wrong type, missing keys.

mod common;

use common::{problem, problems};

const OK_ERROR: &str = "\n[errors.X]\nstatus = 400\nmessage = \"m\"\n";

#[test]
fn unknown_keys_at_every_level_suggest_the_closest_key() {
    let cases = [
        (
            "[catalg]\nname = \"A\"\n",
            "catalog.toml:1:2: unknown key `catalg` in the catalog file; did you mean `catalog`?",
        ),
        (
            "[catalog]\nnmae = \"A\"\n",
            "catalog.toml:2:1: unknown key `nmae` in `[catalog]`; did you mean `name`?",
        ),
        (
            "[envelope]\nrenames = {}\n",
            "catalog.toml:2:1: unknown key `renames` in `[envelope]`; did you mean `rename`?",
        ),
        (
            "[retry]\nmax_attempt = 3\n",
            "catalog.toml:2:1: unknown key `max_attempt` in `[retry]`; did you mean `max_attempts`?",
        ),
        (
            "[circuit_breaker]\nopen = 3\n",
            "catalog.toml:2:1: unknown key `open` in `[circuit_breaker]`; did you mean `open_ms`?",
        ),
        (
            "[categories.a]\ndescripton = \"d\"\n",
            "catalog.toml:2:1: unknown key `descripton` in `[categories.a]`; did you mean `description`?",
        ),
    ];
    for (toml, expected) in cases {
        assert_eq!(problem(&format!("{toml}{OK_ERROR}")), expected, "{toml}");
    }
}

#[test]
fn unknown_keys_in_errors_and_fields() {
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"m\"\nretriable = true\n"),
        "catalog.toml:4:1: unknown key `retriable` in `[errors.X]`; did you mean `retryable`?"
    );
    assert_eq!(
        problem(
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails.a = { type = \"u64\", hedaer = \"X-A\" }\n"
        ),
        "catalog.toml:4:29: unknown key `hedaer` in the field `a` of `[errors.X.details]`; did you mean `header`?"
    );
}

#[test]
fn an_unknown_key_with_nothing_close_lists_the_keys() {
    assert_eq!(
        problem(&format!("[retry]\ncolour = 1\n{OK_ERROR}")),
        "catalog.toml:2:1: unknown key `colour` in `[retry]`; expected one of: max_attempts, base_delay_ms, max_delay_ms, honor_retry_after, retry_after_statuses, max_retry_after_ms"
    );
}

#[test]
fn a_misspelt_required_key_is_reported_once() {
    // Not also "has no `status`": the suggestion says it all.
    assert_eq!(
        problem("[errors.X]\nstauts = 400\nmessage = \"m\"\n"),
        "catalog.toml:2:1: unknown key `stauts` in `[errors.X]`; did you mean `status`?"
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails.a = { tpye = \"u64\" }\n"),
        "catalog.toml:4:15: unknown key `tpye` in the field `a` of `[errors.X.details]`; did you mean `type`?"
    );
}

#[test]
fn missing_required_keys() {
    assert_eq!(
        problems("[errors.X]\ntitle = \"t\"\n"),
        [
            "catalog.toml:1:9: `[errors.X]` has no `status`; add the HTTP status it is sent with, e.g. `status = 400` (400..=599)",
            "catalog.toml:1:9: `[errors.X]` has no `message`; add the message clients see, e.g. `message = \"Session not found.\"`",
        ]
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails.a = { optional = true }\n"),
        "catalog.toml:4:9: the field `a` has no `type`; add one, e.g. `{ type = \"string\" }`"
    );
}

#[test]
fn values_of_the_wrong_type() {
    let cases = [
        (
            "[errors.X]\nstatus = \"400\"\nmessage = \"m\"\n",
            "catalog.toml:2:10: `status` must be an integer, found a string",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = 3\n",
            "catalog.toml:3:11: `message` must be a string, or a table `{ by = \"field\", values = { ... } }`, found an integer",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\nretryable = \"yes\"\n",
            "catalog.toml:4:13: `retryable` must be `true` or `false`, found a string",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ncategory = 1.5\n",
            "catalog.toml:4:12: `category` must be a string, found a float",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails = \"u64\"\n",
            "catalog.toml:4:11: `[errors.X.details]` must be a table, found a string",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails.a = 5\n",
            "catalog.toml:4:13: the field `a` must be a type string such as `\"u64\"`, or a table such as `{ type = \"u64\" }`, found an integer",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ndetails.a = { type = 5 }\n",
            "catalog.toml:4:22: the type of `a` must be a string such as `\"u64\"`, or an enum such as `{ enum = [\"a\", \"b\"] }`, found an integer",
        ),
        (
            "[errors.X]\nstatus = 400\nmessage = \"m\"\ndeprecated = 2\n",
            "catalog.toml:4:14: `deprecated` must be a string (why, and what to use instead) or a table such as `{ since = \"2.3\", replacement = \"NEW_CODE\" }`, found an integer",
        ),
        (
            "errors = 3\n",
            "catalog.toml:1:10: `[errors]` must be a table, found an integer",
        ),
        (
            "[errors]\nX = [1]\n",
            "catalog.toml:2:5: `[errors.X]` must be a table, found an array",
        ),
        (
            "catalog = []\n[errors.X]\nstatus = 400\nmessage = \"m\"\n",
            "catalog.toml:1:11: `[catalog]` must be a table, found an array",
        ),
        (
            "[catalog]\nname = 2024-01-01\n[errors.X]\nstatus = 400\nmessage = \"m\"\n",
            "catalog.toml:2:8: `name` must be a string, found a datetime",
        ),
        (
            "[catalog]\ninclude = 1\n[errors.X]\nstatus = 400\nmessage = \"m\"\n",
            "catalog.toml:2:11: `include` must be an array of paths, found an integer",
        ),
        (
            "[catalog]\ninclude = [1]\n[errors.X]\nstatus = 400\nmessage = \"m\"\n",
            "catalog.toml:2:12: each `include` entry must be a string (a path), found an integer",
        ),
        (
            "[categories]\na = 1\n[errors.X]\nstatus = 400\nmessage = \"m\"\n",
            "catalog.toml:2:5: `[categories.a]` must be a table (or a description string), found an integer",
        ),
        (
            "[errors.X]\nstatus = 99999999999999999999\nmessage = \"m\"\n",
            "catalog.toml:2:10: `status` is too large for a 64-bit integer",
        ),
    ];
    for (toml, expected) in cases {
        assert_eq!(problem(toml), expected, "{toml}");
    }
}

#[test]
fn choices_suggest_the_closest_option() {
    let cases = [
        (
            "[catalog]\nenvelope = \"nestd\"\n",
            "catalog.toml:2:12: unknown envelope `\"nestd\"`; did you mean `\"nested\"`?",
        ),
        (
            "[catalog]\nenvelope = \"xml\"\n",
            "catalog.toml:2:12: unknown envelope `\"xml\"`; use one of `\"flat\"`, `\"nested\"`, `\"typed\"`, `\"problem\"`",
        ),
        (
            "[catalog]\ndetails_case = \"camelcase\"\n",
            "catalog.toml:2:16: unknown details_case `\"camelcase\"`; did you mean `\"camelCase\"`?",
        ),
        (
            "[catalog]\ncode_case = \"SNAKE_CASE\"\n",
            "catalog.toml:2:13: unknown code_case `\"SNAKE_CASE\"`; did you mean `\"snake_case\"`?",
        ),
        (
            "[catalog]\nenvelope = 1\n",
            "catalog.toml:2:12: `envelope` must be one of the strings `\"flat\"`, `\"nested\"`, `\"typed\"`, `\"problem\"`, found an integer",
        ),
    ];
    for (toml, expected) in cases {
        assert_eq!(problem(&format!("{toml}{OK_ERROR}")), expected, "{toml}");
    }
}
