//! Where a field is sent: `details` (by default), the message, a header, the typed
//! envelope's `param`; `details = false` keeps it out of `details` and it must still be
//! sent somewhere.

mod common;

use common::{load_ok, problem, with_details};

#[test]
fn details_false_keeps_a_field_out_of_details_only() {
    let catalog = load_ok(&with_details(
        "Session with ID '{session_id}' does not exist",
        "session_id = { type = \"string\", details = false }\n\
         remaining = { type = \"u32\", header = \"X-RateLimit-Remaining\", details = false }\n\
         limit = \"u32\"\n",
    ));
    let fields: Vec<(&str, bool)> = catalog.errors[0]
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.in_details))
        .collect();
    assert_eq!(
        fields,
        [("session_id", false), ("remaining", false), ("limit", true)]
    );
    let detail_fields: Vec<&str> = catalog.errors[0]
        .detail_fields()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(detail_fields, ["limit"]);
}

#[test]
fn a_field_sent_nowhere_is_an_error_with_the_fix() {
    assert_eq!(
        problem(&with_details(
            "Not found.",
            "session_id = { type = \"string\", details = false }\n"
        )),
        "catalog.toml:6:43: the field `session_id` of `X` is sent nowhere: `details = false` keeps it out of `details`, and neither the message nor a header carries it; insert it in the message as `{session_id}`, send it as a header with `header = \"...\"`, or drop `details = false`"
    );
}

#[test]
fn an_internal_field_takes_no_details_option() {
    assert_eq!(
        problem(&with_details(
            "Failed.",
            "reason = { type = \"string\", internal = true, details = false }\n"
        )),
        "catalog.toml:6:56: `details` on the internal field `reason` says nothing: internal fields are sent nowhere; drop `details`, or `internal = true` if clients should see the field"
    );
    let catalog = load_ok(&with_details(
        "Failed.",
        "reason = { type = \"string\", internal = true }\n",
    ));
    assert!(!catalog.errors[0].fields[0].in_details);
}

#[test]
fn the_typed_param_carries_a_field_out_of_details() {
    // Seed 004: `param` is its own member, never repeated in `details`.
    let catalog = load_ok(
        "[catalog]\nenvelope = \"typed\"\n\n[errors.INVALID_EMAIL]\nstatus = 400\nmessage = \"Invalid email.\"\nparam = \"param\"\ndetails.param = { type = \"string\", details = false }\n",
    );
    assert!(!catalog.errors[0].fields[0].in_details);
    // In another style nothing would carry it.
    assert!(
        problem("[errors.INVALID_EMAIL]\nstatus = 400\nmessage = \"Invalid email.\"\nparam = \"param\"\ndetails.param = { type = \"string\", details = false }\n")
            .contains("is sent nowhere")
    );
}

#[test]
fn fields_out_of_details_take_no_wire_name_there() {
    // Two fields out of `details` may share a wire name, and in the problem style a
    // field out of the members may be called like a standard member.
    load_ok(&with_details(
        "{a} {b}",
        "a = { type = \"string\", wire = \"x\", details = false }\nb = { type = \"string\", wire = \"x\", details = false }\n",
    ));
    load_ok(
        "[catalog]\nenvelope = \"problem\"\n\n[errors.X]\nstatus = 400\nmessage = \"{status}\"\ndetails.status = { type = \"string\", details = false }\n",
    );
}
