//! Envelope styles, member keys, renames and collisions.

mod common;

use common::{load_ok, problem};
use errors_catalog::{EnvelopeStyle, Member};

const ERROR: &str = "\n[errors.X]\nstatus = 400\nmessage = \"m\"\n";

fn keys(toml: &str) -> Vec<(&'static str, String)> {
    load_ok(toml)
        .envelope
        .keys()
        .map(|(m, k)| (m.name(), k.to_owned()))
        .collect()
}

fn owned(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(m, k)| (*m, k.to_string())).collect()
}

#[test]
fn each_style_has_its_members_in_wire_order() {
    assert_eq!(
        keys(&format!("[catalog]\nenvelope = \"flat\"\n{ERROR}")),
        owned(&[
            ("success", "success"),
            ("code", "errorCode"),
            ("message", "message"),
            ("details", "details"),
            ("request_id", "requestId"),
            ("timestamp", "timestamp")
        ])
    );
    assert_eq!(
        keys(ERROR),
        owned(&[
            ("error", "error"),
            ("code", "code"),
            ("message", "message"),
            ("details", "details"),
            ("request_id", "request_id"),
            ("timestamp", "timestamp")
        ])
    );
    assert_eq!(
        keys(&format!("[catalog]\nenvelope = \"typed\"\n{ERROR}")),
        owned(&[
            ("error", "error"),
            ("type", "type"),
            ("code", "code"),
            ("message", "message"),
            ("param", "param"),
            ("doc_url", "doc_url"),
            ("request_id", "request_id"),
            ("details", "details"),
            ("timestamp", "timestamp")
        ])
    );
    assert_eq!(
        keys(&format!("[catalog]\nenvelope = \"problem\"\n{ERROR}")),
        owned(&[
            ("type", "type"),
            ("title", "title"),
            ("status", "status"),
            ("detail", "detail"),
            ("code", "code"),
            ("request_id", "request_id"),
            ("timestamp", "timestamp"),
            ("instance", "instance")
        ])
    );
}

#[test]
fn style_defaults_and_content_types() {
    let catalog = load_ok(ERROR);
    assert_eq!(catalog.envelope.style, EnvelopeStyle::Nested);
    assert_eq!(
        EnvelopeStyle::Problem.content_type(),
        "application/problem+json"
    );
    assert_eq!(EnvelopeStyle::Typed.content_type(), "application/json");
}

#[test]
fn renames_apply_to_members() {
    let catalog = load_ok(&format!(
        "[catalog]\nenvelope = \"nested\"\n[envelope.rename]\ncode = \"error_code\"\nrequest_id = \"requestId\"\n{ERROR}"
    ));
    assert_eq!(catalog.envelope.key(Member::Code), Some("error_code"));
    assert_eq!(catalog.envelope.key(Member::RequestId), Some("requestId"));
    assert_eq!(catalog.envelope.key(Member::Message), Some("message"));
    assert_eq!(catalog.envelope.key(Member::Param), None);
}

#[test]
fn renaming_an_unknown_member_or_one_of_another_style() {
    assert_eq!(
        problem(&format!(
            "[envelope.rename]\nrequest = \"requestId\"\n{ERROR}"
        )),
        "catalog.toml:2:1: unknown envelope member `request` in `[envelope.rename]`; did you mean `request_id`?"
    );
    assert_eq!(
        problem(&format!("[envelope.rename]\nfoo = \"bar\"\n{ERROR}")),
        "catalog.toml:2:1: unknown envelope member `foo` in `[envelope.rename]`; the members of the `nested` envelope are: error, code, message, details, request_id, timestamp"
    );
    assert_eq!(
        problem(&format!(
            "[catalog]\nenvelope = \"flat\"\n[envelope.rename]\nparam = \"p\"\n{ERROR}"
        )),
        "catalog.toml:4:1: the `flat` envelope has no member `param` to rename; the members of the `flat` envelope are: success, code, message, details, request_id, timestamp"
    );
    assert_eq!(
        problem(&format!("[envelope.rename]\ncode = \"\"\n{ERROR}")),
        "catalog.toml:2:8: the new key of `code` is empty; give a member name"
    );
    assert_eq!(
        problem(&format!("[envelope.rename]\ncode = 1\n{ERROR}")),
        "catalog.toml:2:8: the new key of `code` must be a string, found an integer"
    );
}

#[test]
fn two_members_cannot_share_a_key() {
    assert_eq!(
        problem(&format!(
            "[envelope.rename]\ncode = \"id\"\nrequest_id = \"id\"\n{ERROR}"
        )),
        "catalog.toml:3:14: `[envelope.rename]` gives `code` and `request_id` the same key `id`; each member needs its own key; `code` is renamed at catalog.toml:2:8"
    );
    assert_eq!(
        problem(&format!("[envelope.rename]\ncode = \"message\"\n{ERROR}")),
        "catalog.toml:2:8: `[envelope.rename]` gives `code` the key `message`, which `message` already has; pick another key, or rename `message` as well"
    );
    // Swapping two keys is fine.
    load_ok(&format!(
        "[envelope.rename]\ncode = \"message\"\nmessage = \"code\"\n{ERROR}"
    ));
}

#[test]
fn in_the_problem_style_details_cannot_take_member_names() {
    let problem_catalog = |details: &str, rename: &str| {
        format!(
            "[catalog]\nenvelope = \"problem\"\n{rename}\n[errors.X]\nstatus = 400\nmessage = \"m\"\n[errors.X.details]\n{details}"
        )
    };
    assert_eq!(
        problem(&problem_catalog("title = \"string\"\n", "")),
        "catalog.toml:8:1: the detail field `title` has the wire name `title`, a standard problem member: in the `problem` envelope detail fields are top-level members; give the field another wire name with `wire = \"...\"`"
    );
    assert_eq!(
        problem(&problem_catalog("instance = \"string\"\n", "")),
        "catalog.toml:8:1: the detail field `instance` has the wire name `instance`, a standard problem member: in the `problem` envelope detail fields are top-level members; give the field another wire name with `wire = \"...\"`"
    );
    assert_eq!(
        problem(&problem_catalog(
            "trace = \"string\"\n",
            "[envelope.rename]\nrequest_id = \"trace\"\n"
        )),
        "catalog.toml:10:1: the detail field `trace` has the wire name `trace`, an envelope member: in the `problem` envelope detail fields are top-level members; give the field another wire name with `wire = \"...\"`"
    );
    assert_eq!(
        problem(&problem_catalog(
            "kind = { type = \"string\", wire = \"status\" }\n",
            ""
        )),
        "catalog.toml:8:34: the detail field `kind` has the wire name `status`, a standard problem member: in the `problem` envelope detail fields are top-level members; give the field another wire name with `wire = \"...\"`"
    );
    // Renamed away, the standard name is free again.
    load_ok(&problem_catalog(
        "title = \"string\"\n",
        "[envelope.rename]\ntitle = \"summary\"\n",
    ));
}

#[test]
fn in_other_styles_details_are_their_own_object() {
    for style in ["flat", "nested", "typed"] {
        load_ok(&format!(
            "[catalog]\nenvelope = \"{style}\"\n[errors.X]\nstatus = 500\nmessage = \"m\"\n[errors.X.details]\nrequest_id = \"string\"\ntype = \"string\"\ncode = \"string\"\n"
        ));
    }
}

#[test]
fn doc_url_takes_the_code_category_and_status_placeholders() {
    let catalog = load_ok(&format!(
        "[catalog]\ndoc_url = \"https://d.example/e#{{code}}\"\n{ERROR}"
    ));
    assert_eq!(
        catalog.errors[0].doc_url.as_deref(),
        Some("https://d.example/e#X")
    );
    assert_eq!(
        catalog.doc_url.as_deref(),
        Some("https://d.example/e#{code}")
    );
    assert_eq!(
        problem(&format!(
            "[catalog]\ndoc_url = \"https://d.example/{{cod}}\"\n{ERROR}"
        )),
        "catalog.toml:2:11: unknown placeholder `{cod}` in `doc_url`; did you mean `{code}`? the placeholders are `{code}`, `{category}` and `{status}`, replaced by each error's"
    );
    let typed = load_ok(
        "[catalog]\ndoc_url = \"https://d.example/{category}/{status}#{code}\"\n[errors.X]\nstatus = 402\nmessage = \"m\"\ncategory = \"card_error\"\n",
    );
    assert_eq!(
        typed.errors[0].doc_url.as_deref(),
        Some("https://d.example/card_error/402#X")
    );
    assert_eq!(
        problem(
            "[catalog]\ndoc_url = \"https://d.example/{category}\"\n[errors.X]\nstatus = 402\nmessage = \"m\"\n"
        ),
        "catalog.toml:3:9: `X` has no `category`, but `doc_url` (catalog.toml:2:11) inserts `{category}`; give the error a `category`, or leave `{category}` out of `doc_url`"
    );
    assert_eq!(
        problem(&format!(
            "[catalog]\ndoc_url = \"https://d.example/{{code\"\n{ERROR}"
        )),
        "catalog.toml:2:11: unbalanced `{` in `doc_url`; the placeholders are `{code}`, `{category}` and `{status}`, replaced by each error's"
    );
    assert_eq!(
        problem(&format!("[catalog]\ndoc_url = \"\"\n{ERROR}")),
        "catalog.toml:2:11: `doc_url` is empty; give a URL, e.g. `https://docs.example.com/errors#{code}`, or remove it"
    );
}
