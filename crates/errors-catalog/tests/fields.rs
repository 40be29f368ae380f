//! Detail fields: types, names, options, headers and wire names.

mod common;

mod generate;

use common::{load_ok, problem, problems, with_details};
use errors_catalog::DetailType;
use generate::rng::Rng;

#[test]
fn every_detail_type_and_optional_form_parses() {
    let catalog = load_ok(&with_details(
        "m",
        "a = \"string\"\nb = \"bool\"\nc = \"i32\"\nd = \"i64\"\ne = \"u32\"\nf = \"u64\"\ng = \"f64\"\nh = \"json\"\n\
         i = \"field_violations\"\nj = \"[string]\"\nk = \"[[u64]]\"\nl = \"string?\"\nm = { type = \"u32\", optional = true }\n\
         n = \"[json]?\"\n",
    ));
    let fields: Vec<(String, bool)> = catalog.errors[0]
        .fields
        .iter()
        .map(|f| (f.ty.to_string(), f.optional))
        .collect();
    let expected: Vec<(String, bool)> = [
        ("string", false),
        ("bool", false),
        ("i32", false),
        ("i64", false),
        ("u32", false),
        ("u64", false),
        ("f64", false),
        ("json", false),
        ("field_violations", false),
        ("[string]", false),
        ("[[u64]]", false),
        ("string", true),
        ("u32", true),
        ("[json]", true),
    ]
    .iter()
    .map(|(t, o)| (t.to_string(), *o))
    .collect();
    assert_eq!(fields, expected);
    assert_eq!(
        catalog.errors[0].field("k").unwrap().ty,
        DetailType::List(&DetailType::List(&DetailType::U64))
    );
}

#[test]
fn unknown_and_malformed_types() {
    let cases = [
        (
            "a = \"strng\"\n",
            "catalog.toml:6:5: unknown detail type `strng`; did you mean `string`?",
        ),
        (
            "a = \"uuid\"\n",
            "catalog.toml:6:5: unknown detail type `uuid`; the types are string, bool, i32, i64, u32, u64, f64, json, field_violations, `[T]` for a list and a trailing `?` for optional",
        ),
        (
            "a = \"[u64\"\n",
            "catalog.toml:6:5: unbalanced `[` in detail type `[u64`; a list type is written `[T]`, e.g. `[string]`",
        ),
        (
            "a = \"[u64?]\"\n",
            "catalog.toml:6:5: list elements cannot be optional in `[u64?]`; write `[u64]` for a list, or `[u64]?` for an optional list",
        ),
        (
            "a = \"u64??\"\n",
            "catalog.toml:6:5: detail type `u64??` has more than one `?`; did you mean `u64`?",
        ),
        (
            "a = \"[field_violations]\"\n",
            "catalog.toml:6:5: `[field_violations]` is a list of lists of violations; `field_violations` is already a list; write `field_violations`",
        ),
        (
            "a = { type = \"u46\" }\n",
            "catalog.toml:6:14: unknown detail type `u46`; did you mean `u64`?",
        ),
        (
            "a = { type = \"u64?\", optional = false }\n",
            "catalog.toml:6:14: `u64?` is optional but the field says `optional = false`",
        ),
    ];
    for (details, expected) in cases {
        assert_eq!(problem(&with_details("m", details)), expected, "{details}");
    }
}

#[test]
fn field_names_are_snake_case_and_keywords_are_fine() {
    assert_eq!(
        problem(&with_details("m", "retryAfter = \"u64\"\n")),
        "catalog.toml:6:1: bad field name `retryAfter`; field names are snake_case identifiers: write `retry_after` (set `wire` for another wire name)"
    );
    assert_eq!(
        problem(&with_details("m", "\"x-y\" = \"u64\"\n")),
        "catalog.toml:6:1: bad field name `x-y`; field names are snake_case identifiers: write `x_y` (set `wire` for another wire name)"
    );
    assert_eq!(
        problem(&with_details("m", "_hidden = \"u64\"\n")),
        "catalog.toml:6:1: bad field name `_hidden`; field names are snake_case identifiers: write `hidden` (set `wire` for another wire name)"
    );
    assert_eq!(
        problem(&with_details("m", "self = \"string\"\n")),
        "catalog.toml:6:1: `self` cannot be a field name; Rust reserves it even as a raw identifier; choose another name"
    );
    let catalog = load_ok(&with_details(
        "{type} {match}",
        "type = \"string\"\nmatch = \"bool\"\nasync = \"u32\"\n",
    ));
    let names: Vec<&str> = catalog.errors[0]
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["type", "match", "async"]);
}

#[test]
fn headers_must_be_valid_scalar_public_and_unique() {
    let cases = [
        (
            "a = { type = \"u32\", header = \"X Rate\" }\n",
            "catalog.toml:6:30: `X Rate` is not a valid HTTP header name; a header name is letters, digits and `-` (an RFC 9110 token), such as `Retry-After`",
        ),
        (
            "a = { type = \"[u32]\", header = \"X-A\" }\n",
            "catalog.toml:6:32: `a` is a `[u32]`, which cannot be sent as the `X-A` header; a header carries one value: use a string, bool or number field",
        ),
        (
            "a = { type = \"json\", header = \"X-A\" }\n",
            "catalog.toml:6:31: `a` is a `json`, which cannot be sent as the `X-A` header; a header carries one value: use a string, bool or number field",
        ),
        (
            "a = { type = \"string\", header = \"X-A\", internal = true }\n",
            "catalog.toml:6:33: the internal field `a` cannot be sent as the `X-A` header; internal fields never reach clients; drop `header` or `internal = true`",
        ),
        (
            "a = { type = \"string\", header = \"Retry-After\" }\n",
            "catalog.toml:6:33: `Retry-After` needs a whole number of seconds, but `a` is a `string`; make `a` a `u64` (or `u32`)",
        ),
        (
            "a = { type = \"i64\", header = \"retry-after\" }\n",
            "catalog.toml:6:30: `Retry-After` needs a whole number of seconds, but `a` is a `i64`; make `a` a `u64` (or `u32`)",
        ),
        (
            "a = { type = \"u32\", header = \"X-A\" }\nb = { type = \"u32\", header = \"x-a\" }\n",
            "catalog.toml:7:30: `a` and `b` of `X` are both sent as the `x-a` header; each header can carry one field",
        ),
    ];
    for (details, expected) in cases {
        assert_eq!(problem(&with_details("m", details)), expected, "{details}");
    }
}

#[test]
fn retry_after_may_be_an_optional_unsigned_integer() {
    let catalog = load_ok(&with_details(
        "m",
        "wait = { type = \"u32?\", header = \"Retry-After\" }\n",
    ));
    let field = catalog.errors[0].retry_after_field().unwrap();
    assert_eq!((field.name.as_str(), field.optional), ("wait", true));
}

#[test]
fn wire_names_follow_details_case_unless_given() {
    let details = "retry_after = \"u64\"\nrequest_id = \"string\"\nwait = { type = \"u64\", wire = \"Wait-Seconds\" }\n";
    let wires = |toml: &str| -> Vec<String> {
        load_ok(toml).errors[0]
            .fields
            .iter()
            .map(|f| f.wire.clone())
            .collect()
    };
    let body = format!("[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\n{details}");
    assert_eq!(
        wires(&format!("[catalog]\nenvelope = \"flat\"\n{body}")),
        ["retryAfter", "requestId", "Wait-Seconds"]
    );
    assert_eq!(
        wires(&format!("[catalog]\nenvelope = \"nested\"\n{body}")),
        ["retry_after", "request_id", "Wait-Seconds"]
    );
    assert_eq!(
        wires(&format!(
            "[catalog]\nenvelope = \"flat\"\ndetails_case = \"snake_case\"\n{body}"
        )),
        ["retry_after", "request_id", "Wait-Seconds"]
    );
    assert_eq!(
        wires(&format!(
            "[catalog]\nenvelope = \"typed\"\ndetails_case = \"camelCase\"\n{body}"
        )),
        ["retryAfter", "requestId", "Wait-Seconds"]
    );
}

#[test]
fn duplicate_and_empty_wire_names() {
    assert_eq!(
        problem(
            "[catalog]\nenvelope = \"flat\"\n[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\nretry_after = \"u64\"\nwait = { type = \"u64\", wire = \"retryAfter\" }\n"
        ),
        "catalog.toml:8:31: `retry_after` and `wait` of `X` have the same wire name `retryAfter`; give one of them another name with `wire = \"...\"`"
    );
    assert_eq!(
        problem(&with_details("m", "a = { type = \"u64\", wire = \"\" }\n")),
        "catalog.toml:6:28: the wire name of `a` is empty; give a name, or remove `wire` to use the field name"
    );
    // Internal fields never travel, so they cannot clash on the wire.
    load_ok(&with_details(
        "m",
        "a = \"u64\"\nb = { type = \"u64\", wire = \"a\", internal = true }\n",
    ));
}

#[test]
fn options_are_read() {
    let catalog = load_ok(&with_details(
        "m",
        "a = { type = \"string\", internal = true, description = \"For logs.\" }\nb = { type = \"u64\", header = \"X-B\", wire = \"bee\" }\n",
    ));
    let (a, b) = (&catalog.errors[0].fields[0], &catalog.errors[0].fields[1]);
    assert!(a.internal && !b.internal);
    assert_eq!(a.description.as_deref(), Some("For logs."));
    assert_eq!((b.header.as_deref(), b.wire.as_str()), (Some("X-B"), "bee"));
    assert_eq!(a.location.to_string(), "catalog.toml:6:1");
    let public: Vec<&str> = catalog.errors[0]
        .public_fields()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(public, ["b"]);
}

#[test]
fn a_broken_field_is_not_also_called_undeclared() {
    // `n` has a bad type: the placeholder naming it is not reported a second time.
    assert_eq!(
        problems(&with_details("{n}", "n = \"u46\"\n")),
        ["catalog.toml:6:5: unknown detail type `u46`; did you mean `u64`?"]
    );
}

#[test]
fn headers_that_frame_the_message_hop_or_set_cookies_are_refused() {
    let cases = [
        (
            "ct = { type = \"string\", header = \"Content-Type\" }\n",
            "catalog.toml:6:34: `ct` cannot be sent as the `Content-Type` header: it frames the message, which the server writes from the envelope; remove `header`, or name a header of the application's own, such as `X-Error-Detail`",
        ),
        (
            "n = { type = \"u64\", header = \"Content-Length\" }\n",
            "catalog.toml:6:30: `n` cannot be sent as the `Content-Length` header: it frames the message, which the server writes from the envelope; remove `header`, or name a header of the application's own, such as `X-Error-Detail`",
        ),
        (
            "te = { type = \"string\", header = \"transfer-encoding\" }\n",
            "catalog.toml:6:34: `te` cannot be sent as the `transfer-encoding` header: it frames the message and is hop-by-hop, so the server and each proxy set it; remove `header`, or name a header of the application's own, such as `X-Error-Detail`",
        ),
        (
            "c = { type = \"string\", header = \"Set-Cookie\" }\n",
            "catalog.toml:6:33: `c` cannot be sent as the `Set-Cookie` header: it sets cookies in the client, which an error detail must never do; remove `header`, or name a header of the application's own, such as `X-Error-Detail`",
        ),
    ];
    for (details, expected) in cases {
        assert_eq!(problem(&with_details("m", details)), expected, "{details}");
    }
}

/// Every reserved header, in random letter cases, on fields of every scalar type,
/// public or internal, is refused at the header with its reason; headers that only
/// look alike are accepted.
#[test]
fn every_reserved_header_is_refused_in_any_case() {
    let reserved = [
        "Content-Type",
        "Content-Length",
        "Transfer-Encoding",
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Upgrade",
        "Proxy-Authenticate",
        "Proxy-Authorization",
        "Host",
        "Set-Cookie",
        "Set-Cookie2",
        // What describes a body the axum layer may replace (SPEC 9.1).
        "Content-Encoding",
        "Content-Range",
        "Content-Language",
        "Content-Location",
        "Content-Disposition",
        "ETag",
        "Last-Modified",
        "Digest",
    ];
    let alike = [
        "Vary",
        "X-Content-Type",
        "Content-Type-Options",
        "Cookie",
        "Hosts",
        "X-Upgrade",
        "Tea",
        "Retry-After",
    ];
    let mut rng = Rng::new(16);
    for round in 0..20 {
        for name in reserved.iter().chain(&alike) {
            let header: String = name
                .chars()
                .map(|c| {
                    if rng.one_in(2) {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect();
            let ty = rng.pick(&["string", "u64", "u32", "bool", "i64", "f64"]);
            let internal = if rng.one_in(3) {
                ", internal = true"
            } else {
                ""
            };
            let details = format!("v = {{ type = \"{ty}\", header = \"{header}\"{internal} }}\n");
            let found = problems(&with_details("m", &details));
            let refusal = format!("`v` cannot be sent as the `{header}` header: ");
            if reserved.contains(name) {
                assert_eq!(found.len(), 1, "round {round}: {details}{found:#?}");
                let expected_at = format!("catalog.toml:6:{}: ", 27 + ty.len());
                assert!(
                    found[0].starts_with(&format!("{expected_at}{refusal}it ")),
                    "round {round}: {details}{found:#?}"
                );
            } else {
                assert!(
                    found.iter().all(|d| !d.contains(&refusal)),
                    "round {round}: {details}{found:#?}"
                );
            }
        }
    }
}
