//! Fields sent only as a header (SPEC 9.2): their type's every value is header text.

mod common;

use common::{load_ok, problem, with_details};

#[test]
fn a_string_sent_only_as_a_header_is_refused_with_the_fix() {
    assert_eq!(
        problem(&with_details(
            "Slow down.",
            "region = { type = \"string\", header = \"X-Region\", details = false }\n"
        )),
        "catalog.toml:6:38: `region` of `X` is sent only as the `X-Region` header, but a `string` can hold text no header can carry (line breaks, non-ASCII); \
         send it in `details` too (drop `details = false`; the header is then left out when the value cannot be one), or insert it in the message as `{region}`; \
         a field sent only as a header is an integer, bool, f64 or an enum of header text"
    );
}

#[test]
fn header_safe_types_and_strings_sent_elsewhere_too_are_accepted() {
    for ty in ["u32", "u64", "i32", "i64", "bool", "f64", "u64?"] {
        load_ok(&with_details(
            "Slow down.",
            &format!("n = {{ type = \"{ty}\", header = \"X-N\", details = false }}\n"),
        ));
    }
    // In `details` too: the body has the value whenever the header cannot.
    load_ok(&with_details(
        "Slow down.",
        "region = { type = \"string\", header = \"X-Region\" }\n",
    ));
    // In the message too: the message has it.
    load_ok(&with_details(
        "Slow down in {region}.",
        "region = { type = \"string\", header = \"X-Region\", details = false }\n",
    ));
}
