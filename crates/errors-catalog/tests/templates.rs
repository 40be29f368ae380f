//! Message templates: placeholders, braces, format specs, what may be inserted.

mod common;

use common::{load_ok, problem, problems, with_details};
use errors_catalog::{FormatTrait, Piece};

#[test]
fn a_placeholder_must_name_a_declared_field() {
    assert_eq!(
        problem(&with_details(
            "Retry in {retry_afer} s.",
            "retry_after = \"u64\"\n"
        )),
        "catalog.toml:3:21: `{retry_afer}` is not a detail field of `X`; did you mean `retry_after`?"
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"Hello {name}\"\n"),
        "catalog.toml:3:18: `{name}` is not a detail field of `X`; `X` has no detail fields; declare `name` under `[errors.X.details]`"
    );
    assert_eq!(
        problem(&with_details("{zzz}", "a = \"u64\"\nb = \"string\"\n")),
        "catalog.toml:3:12: `{zzz}` is not a detail field of `X`; its fields are: `a`, `b`; or declare `zzz` under `[errors.X.details]`"
    );
}

#[test]
fn columns_point_inside_the_string_unless_it_has_escapes() {
    // An escape shifts every later character, so the string itself is named.
    assert_eq!(
        problem(&with_details("say \\\"hi\\\" {nme}", "name = \"string\"\n")),
        "catalog.toml:3:11: `{nme}` is not a detail field of `X`; did you mean `name`?"
    );
    // A literal string has no escapes: exact column.
    assert_eq!(
        problem(
            "[errors.X]\nstatus = 400\nmessage = 'say {nme}'\n[errors.X.details]\nname = \"string\"\n"
        ),
        "catalog.toml:3:16: `{nme}` is not a detail field of `X`; did you mean `name`?"
    );
}

#[test]
fn unbalanced_braces() {
    assert_eq!(
        problem(&with_details(
            "Conflict on {resource.",
            "resource = \"string\"\n"
        )),
        "catalog.toml:3:24: unbalanced `{` in message: the placeholder is never closed; close it with `}`, or write `{{` for a literal brace"
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"a } b\"\n"),
        "catalog.toml:3:14: unbalanced `}` in message; write `}}` for a literal brace"
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"a {} b\"\n"),
        "catalog.toml:3:14: empty placeholder `{}` in message; name a detail field, as in `{retry_after}`, or write `{{` and `}}` for literal braces"
    );
    assert_eq!(
        problem("[errors.X]\nstatus = 400\nmessage = \"{0}\"\n"),
        "catalog.toml:3:12: positional placeholder `{0}` in message; placeholders name a detail field, as in `{retry_after}`"
    );
}

#[test]
fn bad_format_specs() {
    let cases = [
        (
            "{n:>width$}",
            "catalog.toml:3:12: bad format spec `>width$` in placeholder `{n:>width$}`: `width$` takes the width from an argument, which a template does not have; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`",
        ),
        (
            "{n:.*}",
            "catalog.toml:3:12: bad format spec `.*` in placeholder `{n:.*}`: `.*` takes the precision from an argument, which a template does not have; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`",
        ),
        (
            "{n:q}",
            "catalog.toml:3:12: bad format spec `q` in placeholder `{n:q}`: unknown format type `q`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`",
        ),
        (
            "{n:100000}",
            "catalog.toml:3:12: bad format spec `100000` in placeholder `{n:100000}`: the width 100000 is larger than 65535; use a Rust format spec such as `{n:>8}`, `{ratio:.2}` or `{id:?}`",
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(
            problem(&with_details(message, "n = \"u64\"\n")),
            expected,
            "{message}"
        );
    }
}

#[test]
fn specs_must_fit_the_field_type() {
    let details = "s = \"string\"\nf = \"f64\"\nn = \"u32\"\nl = \"[string]\"\no = \"u32?\"\nv = \"field_violations\"\n";
    assert_eq!(
        problems(&with_details("{s:x} {f:b} {l} {o} {v}", details)),
        [
            "catalog.toml:3:12: `{s:x}` cannot format `s`, a `string`; `x` formats integers; remove it, or insert a number field",
            "catalog.toml:3:18: `{f:b}` cannot format `f`, a `f64`; `b` formats integers; remove it, or insert a number field",
            "catalog.toml:3:24: `{l}` cannot format `l`, a `[string]`; a message can insert string, bool, number and json fields; use `:?` to show a list",
            "catalog.toml:3:28: `{o}` cannot format `o`, an optional field; a message can only insert required fields; make `o` required, or leave it out of the message",
            "catalog.toml:3:32: `{v}` cannot format `v`, a `field_violations`; a message can insert string, bool, number and json fields; use `:?` to show a list",
        ]
    );
    // What does fit.
    let catalog = load_ok(&with_details(
        "{n:#x} {n:08b} {f:.2} {f:e} {n:E} {s:>10} {l:?} {v:?} {s:?}",
        details,
    ));
    let traits: Vec<FormatTrait> = catalog.errors[0]
        .message
        .placeholders()
        .map(|p| p.spec.as_ref().unwrap().format_trait())
        .collect();
    assert_eq!(
        traits,
        [
            FormatTrait::LowerHex,
            FormatTrait::Binary,
            FormatTrait::Display,
            FormatTrait::LowerExp,
            FormatTrait::UpperExp,
            FormatTrait::Display,
            FormatTrait::Debug,
            FormatTrait::Debug,
            FormatTrait::Debug,
        ]
    );
}

#[test]
fn an_empty_message_is_an_error() {
    for message in ["\"\"", "\"   \"", "''"] {
        assert_eq!(
            problem(&format!("[errors.X]\nstatus = 400\nmessage = {message}\n")),
            "catalog.toml:3:11: the message of `X` is empty; write the text clients see, e.g. `message = \"Session not found.\"`"
        );
    }
}

#[test]
fn an_internal_field_cannot_be_inserted() {
    assert_eq!(
        problem(&with_details(
            "Failed: {cause}",
            "cause = { type = \"string\", internal = true }\n"
        )),
        "catalog.toml:3:20: the message inserts `{cause}`, an internal field, which must never reach clients; remove it from the message, or drop `internal = true`"
    );
}

#[test]
fn templates_are_split_into_literals_and_placeholders() {
    let catalog = load_ok(&with_details(
        "{{literal}} {a} and {b:>3}}}",
        "a = \"string\"\nb = \"u32\"\n",
    ));
    let template = &catalog.errors[0].message;
    assert_eq!(template.source, "{{literal}} {a} and {b:>3}}}");
    assert_eq!(template.pieces.len(), 5);
    assert_eq!(template.pieces[0], Piece::Literal("{literal} ".into()));
    assert_eq!(template.pieces[2], Piece::Literal(" and ".into()));
    assert_eq!(template.pieces[4], Piece::Literal("}".into()));
    let names: Vec<&str> = template.placeholders().map(|p| p.field.as_ref()).collect();
    assert_eq!(names, ["a", "b"]);
    assert_eq!(
        template.placeholders_at().nth(1).unwrap().1.to_string(),
        "catalog.toml:3:32"
    );
}

#[test]
fn all_problems_of_a_template_are_reported() {
    assert_eq!(
        problems(&with_details("{a} } {} {b:q} {c}", "a = \"u64\"\n")).len(),
        4
    );
}
