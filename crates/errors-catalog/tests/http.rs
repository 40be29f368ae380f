//! `[http]`: the codes that answer the web framework's rejections, named or
//! conventional, and what the framework can fill.

mod common;

use common::{fixture_dir, load_ok, problem, problems, write_files};
use errors_catalog::{Catalog, HttpConfig, Rejection};

/// The code each rejection resolves to, in the order of `Rejection::ALL`.
fn resolved(catalog: &Catalog) -> Vec<Option<&str>> {
    Rejection::ALL
        .iter()
        .map(|&r| catalog.http_error(r).map(|e| e.code.as_str()))
        .collect()
}

/// Every rejection's conventional code, without fields.
const CONVENTIONAL: &str = r#"
[errors.INVALID_REQUEST]
status = 400
message = "Validation failed."
details.fields = "field_violations"

[errors.NOT_FOUND]
status = 404
message = "Not found."

[errors.METHOD_NOT_ALLOWED]
status = 405
message = "Wrong method."

[errors.UNSUPPORTED_MEDIA_TYPE]
status = 415
message = "Wrong content type."

[errors.PAYLOAD_TOO_LARGE]
status = 413
message = "Too large."

[errors.INTERNAL_ERROR]
status = 500
message = "Oops."
details.cause = { type = "string", internal = true }
"#;

#[test]
fn conventional_codes_answer_without_the_table() {
    let catalog = load_ok(CONVENTIONAL);
    assert_eq!(
        resolved(&catalog),
        [
            Some("INVALID_REQUEST"),
            Some("NOT_FOUND"),
            Some("METHOD_NOT_ALLOWED"),
            Some("UNSUPPORTED_MEDIA_TYPE"),
            Some("PAYLOAD_TOO_LARGE"),
            Some("INTERNAL_ERROR"),
        ]
    );
    assert_eq!(catalog.http.request_id_header, "X-Request-Id");
    assert_eq!(
        catalog.http.code_index(Rejection::NotFound),
        Some(1),
        "an index into `errors`"
    );
}

#[test]
fn a_catalog_without_them_has_none() {
    let catalog = load_ok("[errors.X]\nstatus = 400\nmessage = \"m\"\n");
    assert_eq!(resolved(&catalog), [None; 6]);
    assert_eq!(catalog.http, HttpConfig::default());
}

#[test]
fn conventional_codes_follow_code_case() {
    let snake: String = CONVENTIONAL
        .lines()
        .map(|line| match line.strip_prefix("[errors.") {
            Some(rest) => format!("[errors.{}\n", rest.to_ascii_lowercase()),
            None => format!("{line}\n"),
        })
        .collect();
    let catalog = load_ok(&format!("[catalog]\ncode_case = \"snake_case\"\n{snake}"));
    let codes = resolved(&catalog);
    assert_eq!(codes[0], Some("invalid_request"));
    assert_eq!(codes[1], Some("not_found"));
    assert_eq!(codes[5], Some("internal_error"));
    // Without a code_case, the case of the letters does not matter...
    let catalog = load_ok(&snake);
    assert_eq!(resolved(&catalog)[1], Some("not_found"));
    // ...but under SCREAMING_SNAKE_CASE only that spelling is conventional.
    let catalog = load_ok(&format!(
        "[catalog]\ncode_case = \"SCREAMING_SNAKE_CASE\"\n{CONVENTIONAL}"
    ));
    assert_eq!(resolved(&catalog)[1], Some("NOT_FOUND"));
}

#[test]
fn bad_request_prefers_invalid_request_then_validation_error_then_bad_request() {
    let code = |name: &str, status: u16| {
        format!(
            "[errors.{name}]\nstatus = {status}\nmessage = \"m\"\ndetails.fields = \"field_violations\"\n"
        )
    };
    let both = format!(
        "{}{}",
        code("VALIDATION_ERROR", 422),
        code("INVALID_REQUEST", 400)
    );
    assert_eq!(resolved(&load_ok(&both))[0], Some("INVALID_REQUEST"));
    let two = format!(
        "{}{}",
        code("BAD_REQUEST", 400),
        code("VALIDATION_ERROR", 422)
    );
    assert_eq!(resolved(&load_ok(&two))[0], Some("VALIDATION_ERROR"));
    assert_eq!(
        resolved(&load_ok(&code("BAD_REQUEST", 400)))[0],
        Some("BAD_REQUEST")
    );
}

#[test]
fn a_conventional_code_the_framework_cannot_fill_is_passed_over() {
    // The bundled catalog's NOT_FOUND needs the resource's type and id.
    let catalog = load_ok(
        r#"
[errors.NOT_FOUND]
status = 404
message = "{type} '{id}' does not exist."
details.type = "string"
details.id = "string"

[errors.ROUTE_NOT_FOUND]
status = 404
message = "No such endpoint."
details.path = "string?"

[errors.VALIDATION_ERROR]
status = 422
message = "Invalid."
details.fields = "field_violations"
details.count = "u32"
"#,
    );
    assert_eq!(resolved(&catalog)[1], Some("ROUTE_NOT_FOUND"));
    assert_eq!(resolved(&catalog)[0], None, "`count` cannot be filled");
}

#[test]
fn the_table_names_codes_and_the_request_id_header() {
    let catalog = load_ok(&format!(
        r#"
[http]
request_id_header = "X-Correlation-Id"
bad_request = "MALFORMED"
not_found = "NO_ROUTE"
{CONVENTIONAL}
[errors.MALFORMED]
status = 400
message = "Malformed."
details.problems = "field_violations"
details.hint = "string?"

[errors.NO_ROUTE]
status = 404
message = "No route."
"#
    ));
    assert_eq!(
        resolved(&catalog),
        [
            Some("MALFORMED"),
            Some("NO_ROUTE"),
            Some("METHOD_NOT_ALLOWED"),
            Some("UNSUPPORTED_MEDIA_TYPE"),
            Some("PAYLOAD_TOO_LARGE"),
            Some("INTERNAL_ERROR"),
        ]
    );
    assert_eq!(catalog.http.request_id_header, "X-Correlation-Id");
}

#[test]
fn a_named_code_must_exist() {
    let text = format!("[http]\nnot_found = \"NOT_FUND\"\n{CONVENTIONAL}");
    assert_eq!(
        problem(&text),
        "catalog.toml:2:13: `not_found` names `NOT_FUND`, which is not a code of the catalog; did you mean `NOT_FOUND`?"
    );
    let text = format!("[http]\ninternal = \"CRASHED\"\n{CONVENTIONAL}");
    assert_eq!(
        problem(&text),
        "catalog.toml:2:12: `internal` names `CRASHED`, which is not a code of the catalog; declare `[errors.CRASHED]` with `status = 500`, or name a code of the catalog"
    );
}

#[test]
fn a_named_code_must_be_one_the_framework_can_fill() {
    let text = format!(
        "[http]\nnot_found = \"SESSION_NOT_FOUND\"\nbad_request = \"INVALID_PARAMETERS\"\n{CONVENTIONAL}\n\
         [errors.SESSION_NOT_FOUND]\nstatus = 404\nmessage = \"m\"\ndetails.session_id = \"string\"\n\
         [errors.INVALID_PARAMETERS]\nstatus = 400\nmessage = \"m\"\ndetails.field = \"string\"\ndetails.requirement = \"string\"\n"
    );
    assert_eq!(
        problems(&text),
        [
            "catalog.toml:2:13: `not_found` names `SESSION_NOT_FOUND`, whose required field `session_id` the framework cannot fill; the framework fills only internal fields: make `session_id` optional (`session_id = \"string?\"`), or name a code without other required fields, such as a new `[errors.ROUTE_NOT_FOUND]` with `status = 404`",
            "catalog.toml:3:15: `bad_request` names `INVALID_PARAMETERS`, whose required fields `field`, `requirement` the framework cannot fill; the framework fills a `field_violations` field sent in `details` (the fields that failed to parse) and internal fields: make `field` optional (`field = \"string?\"`), or name a code without other required fields, such as a new `[errors.VALIDATION_ERROR]` with `status = 400`",
        ]
    );
    // A `field_violations` field is filled for `bad_request` only.
    let text = format!("[http]\nnot_found = \"INVALID_REQUEST\"\n{CONVENTIONAL}");
    assert!(
        problem(&text).starts_with("catalog.toml:2:13: `not_found` names `INVALID_REQUEST`, whose required field `fields` the framework cannot fill"),
    );
}

#[test]
fn once_the_table_names_a_rejection_code_every_rejection_needs_one() {
    // SPEC 9.1: naming one of the six keys asks for all six (this test named only
    // `request_id_header` before 9.1, which now asks for nothing: see below).
    let text = r#"[http]
internal = "INTERNAL_ERROR"

[errors.NOT_FOUND]
status = 404
message = "{type} '{id}' does not exist."
details.type = "string"
details.id = "string"

[errors.INVALID_REQUEST]
status = 400
message = "Validation failed."
details.fields = "field_violations"

[errors.INTERNAL_ERROR]
status = 500
message = "Oops."
"#;
    assert_eq!(
        problems(text),
        [
            "catalog.toml:1:2: `[http]` names no code for `not_found`, and the catalog's `NOT_FOUND` has required fields `type`, `id` the framework cannot fill; add `not_found = \"CODE\"` naming a code the framework can fill, or declare `[errors.ROUTE_NOT_FOUND]` with `status = 404`",
            "catalog.toml:1:2: `[http]` names no code for `method_not_allowed`, and the catalog has no `METHOD_NOT_ALLOWED`; add `method_not_allowed = \"CODE\"` naming a code the framework can fill, or declare `[errors.METHOD_NOT_ALLOWED]` with `status = 405`",
            "catalog.toml:1:2: `[http]` names no code for `unsupported_media_type`, and the catalog has no `UNSUPPORTED_MEDIA_TYPE`; add `unsupported_media_type = \"CODE\"` naming a code the framework can fill, or declare `[errors.UNSUPPORTED_MEDIA_TYPE]` with `status = 415`",
            "catalog.toml:1:2: `[http]` names no code for `payload_too_large`, and the catalog has no `PAYLOAD_TOO_LARGE`; add `payload_too_large = \"CODE\"` naming a code the framework can fill, or declare `[errors.PAYLOAD_TOO_LARGE]` with `status = 413`",
        ]
    );
    // `request_id_header`, `timestamp` and `[http.status]` alone ask for nothing.
    let settings_only = text.replace(
        "internal = \"INTERNAL_ERROR\"",
        "request_id_header = \"X-Request-Id\"\ntimestamp = false\n[http.status]\n500 = \"INTERNAL_ERROR\"",
    );
    // (500 is `internal`'s, which resolves by convention: that entry is refused.)
    assert_eq!(
        problems(&settings_only),
        [
            "catalog.toml:5:1: `[http.status]` names a code for 500, which `[http] internal` already answers (with `INTERNAL_ERROR`); remove this entry; to answer 500 with `INTERNAL_ERROR`, set `internal = \"INTERNAL_ERROR\"` in `[http]`"
        ]
    );
    assert!(problems("[http]\nrequest_id_header = \"X-Request-Id\"\ntimestamp = false\n[errors.X]\nstatus = 400\nmessage = \"m\"\n").is_empty());
    // Under snake_case the suggested codes are in snake_case.
    let snake = "[catalog]\ncode_case = \"snake_case\"\n[http]\nbad_request = \"x\"\n[errors.x]\nstatus = 400\nmessage = \"m\"\n";
    assert!(
        problems(snake)[0].contains("declare `[errors.not_found]` with `status = 404`"),
        "{:?}",
        problems(snake)
    );
}

#[test]
fn the_request_id_header_must_be_a_header_of_its_own() {
    let with = |header: &str| format!("[http]\nrequest_id_header = {header:?}\n{CONVENTIONAL}");
    assert_eq!(
        problem(&with("X Request Id")),
        "catalog.toml:2:21: `X Request Id` is not a valid HTTP header name; a header name is letters, digits and `-` (an RFC 9110 token), such as `X-Request-Id`"
    );
    assert!(problem(&with("")).contains("is not a valid HTTP header name"));
    assert!(
        problem(&with("Content-Type"))
            .starts_with("catalog.toml:2:21: request ids cannot be sent in the `Content-Type` header: it frames the message")
    );
}

#[test]
fn keys_and_types_are_checked() {
    assert_eq!(
        problem(&format!("[http]\nnot_fund = \"NOT_FOUND\"\n{CONVENTIONAL}")),
        "catalog.toml:2:1: unknown key `not_fund` in `[http]`; did you mean `not_found`?"
    );
    assert_eq!(
        problem(&format!("[http]\nnot_found = 404\n{CONVENTIONAL}")),
        "catalog.toml:2:13: `not_found` must be a string, found an integer"
    );
    assert_eq!(
        problem(&format!("http = 1\n{CONVENTIONAL}")),
        "catalog.toml:1:8: `[http]` must be a table, found an integer"
    );
}

#[test]
fn only_the_root_file_has_it() {
    let dir = fixture_dir("http_included");
    write_files(
        &dir,
        &[
            (
                "catalog.toml",
                &format!("[catalog]\ninclude = [\"more.toml\"]\n{CONVENTIONAL}"),
            ),
            ("more.toml", "[http]\nnot_found = \"NOT_FOUND\"\n"),
        ],
    );
    let problems = Catalog::load(dir.join("catalog.toml")).unwrap_err();
    let text = problems.to_string();
    assert!(
        text.contains("more.toml:1:2: `[http]` can only be set in the root catalog file"),
        "{text}"
    );
}
