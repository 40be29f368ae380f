//! Fields sent only in the message (SPEC 9.2): once in the template, never touching
//! another such field, and written with a spec that reads back exactly.

mod common;

use common::{load_ok, problem, problems, with_details};

#[test]
fn a_message_only_field_may_appear_once() {
    assert_eq!(
        problem(&with_details(
            "{id} then {id}",
            "id = { type = \"string\", details = false }\n"
        )),
        "catalog.toml:3:22: the message of `X` inserts `id` twice, a field sent only in the message; \
         a field sent only in the message may appear once in it: remove this `{id}`, or send `id` in `details` too (drop `details = false`)"
    );
    // Sent in `details` too, it may repeat: the decoder reads `details`.
    load_ok(&with_details("{id} then {id}", "id = \"string\"\n"));
}

#[test]
fn two_message_only_fields_need_a_literal_between_them() {
    let details =
        "a = { type = \"u32\", details = false }\nb = { type = \"u32\", details = false }\n";
    assert_eq!(
        problem(&with_details("Used {a}{b}.", details)),
        "catalog.toml:3:20: `{b}` follows `{a}` with no text between them, and both are sent only in the message: \
         a client cannot tell where one ends; put literal text between them (as in `{a} / {b}`), \
         or send one of them in `details` too (drop `details = false`)"
    );
    load_ok(&with_details("Used {a}/{b}.", details));
    // One of them in `details`: the other is still read one way.
    load_ok(&with_details(
        "Used {a}{b}.",
        "a = { type = \"u32\", details = false }\nb = \"u32\"\n",
    ));
    // A header field is read from its header.
    load_ok(&with_details(
        "Used {a}{b}.",
        "a = { type = \"u32\", details = false }\nb = { type = \"u32\", header = \"X-B\", details = false }\n",
    ));
}

#[test]
fn lossy_specs_on_message_only_fields_are_refused_with_the_fix() {
    let cases = [
        (
            "{s:.3}",
            "string",
            "catalog.toml:3:16: `{s:.3}` cuts or rounds a `string` to a precision, and `s` is sent only in the message: a client could not read back the value that was sent; \
             a precision loses part of a `string`; only integers, which ignore it, may have one: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:>8}",
            "string",
            "catalog.toml:3:16: `{s:>8}` pads a `string` to a width, and `s` is sent only in the message: a client could not read back the value that was sent; \
             padding cannot be told from a `string`'s own leading or trailing characters: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:?}",
            "string",
            "catalog.toml:3:16: `{s:?}` writes a `string` with `?`, whose escapes no client reads back, and `s` is sent only in the message: a client could not read back the value that was sent; \
             a `string` sent only in the message is written with `Display`: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:.2}",
            "f64",
            "catalog.toml:3:16: `{s:.2}` cuts or rounds a `f64` to a precision, and `s` is sent only in the message: a client could not read back the value that was sent; \
             a precision loses part of a `f64`; only integers, which ignore it, may have one: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:08}",
            "f64",
            "catalog.toml:3:16: `{s:08}` zero-pads a `f64`, and `s` is sent only in the message: a client could not read back the value that was sent; \
             zero padding reads back on integers only (Rust writes `00inf` and `00NaN`); pad with spaces (`>8`): drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:0<5}",
            "u32",
            "catalog.toml:3:16: `{s:0<5}` pads with `0`, which can be part of a `u32`, and `s` is sent only in the message: a client could not read back the value that was sent; \
             pad with a character no `u32` contains, such as a space (`>8`) or `*` (`*>8`): drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:x}",
            "i64",
            "catalog.toml:3:16: `{s:x}` writes a signed `i64` in base 16, negative values as their two's complement, and `s` is sent only in the message: a client could not read back the value that was sent; \
             use base 2, 8 or 16 on `u32` or `u64` only; write a signed integer in decimal: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
        (
            "{s:e}",
            "u64",
            "catalog.toml:3:16: `{s:e}` writes an integer in exponent form, and `s` is sent only in the message: a client could not read back the value that was sent; \
             write integers in decimal, `x`, `X`, `o` or `b`: drop the spec (`{field}`), or send the field in `details` too (drop `details = false`)",
        ),
    ];
    for (placeholder, ty, expected) in cases {
        let toml = with_details(
            &format!("Got {placeholder}"),
            &format!("s = {{ type = \"{ty}\", details = false }}\n"),
        );
        assert_eq!(problem(&toml), expected, "{placeholder} on {ty}");
        // The same spec on a field also sent in `details` is fine: `details` has it.
        load_ok(&toml.replace(", details = false", ""));
    }
}

#[test]
fn exactly_invertible_specs_are_accepted() {
    for (placeholder, ty) in [
        ("{n:05}", "u32"),
        ("{n:#x}", "u64"),
        ("{n:>8}", "i64"),
        ("{n:+}", "i32"),
        ("{n:*^9}", "f64"),
        ("{n:e}", "f64"),
        ("{n:?}", "bool"),
        ("{n:#}", "json"),
        ("{n}", "string"),
    ] {
        let toml = with_details(
            &format!("Got {placeholder}!"),
            &format!("n = {{ type = \"{ty}\", details = false }}\n"),
        );
        assert_eq!(
            problems(&toml),
            Vec::<String>::new(),
            "{placeholder} on {ty}"
        );
    }
}

#[test]
fn the_typed_param_is_not_read_from_the_message() {
    load_ok(
        "[catalog]\nenvelope = \"typed\"\n\n[errors.X]\nstatus = 400\nmessage = \"Bad {p:>8}{p:>8}\"\nparam = \"p\"\n\
         details.p = { type = \"string\", details = false }\n",
    );
}
