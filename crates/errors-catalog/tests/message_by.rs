//! Messages chosen by an enum field (SPEC 9.4): `message = { by, values }`.

mod common;

use common::{load_ok, problem, problems};

fn toml(message: &str, details: &str) -> String {
    format!(
        "[errors.ALREADY_EXISTS]\nstatus = 409\nmessage = {message}\n\n[errors.ALREADY_EXISTS.details]\n{details}"
    )
}

const FIELD: &str = "field = { type = { enum = [\"email\", \"name\"] } }\n";
const BOTH: &str = "{ by = \"field\", values = { email = \"Email already registered\", name = \"Name already in use\" } }";

#[test]
fn each_value_has_its_template() {
    let catalog = load_ok(&toml(BOTH, FIELD));
    let error = catalog.error("ALREADY_EXISTS").unwrap();
    let by = error.message_by.as_ref().unwrap();
    assert_eq!(by.field, "field");
    let templates: Vec<_> = by
        .templates
        .iter()
        .map(|t| (t.value.as_str(), t.template.source.as_str()))
        .collect();
    assert_eq!(
        templates,
        [
            ("email", "Email already registered"),
            ("name", "Name already in use")
        ]
    );
    assert_eq!(error.message.source, "Email already registered");
    assert_eq!(by.location.to_string(), "catalog.toml:3:18");
    // The field that chooses the message may be sent nowhere else.
    load_ok(&toml(
        BOTH,
        "field = { type = { enum = [\"email\", \"name\"] }, details = false }\n",
    ));
}

#[test]
fn by_names_a_required_public_enum_field() {
    assert_eq!(
        problem(&toml(
            BOTH,
            "kind = { type = { enum = [\"email\", \"name\"] } }\n"
        )),
        "catalog.toml:3:18: `by` names `field`, which is not a detail field of `ALREADY_EXISTS`; \
         its fields are: `kind`; or declare `field` under `[errors.ALREADY_EXISTS.details]`"
    );
    assert_eq!(
        problem(&toml(BOTH, "field = \"string\"\n")),
        "catalog.toml:3:18: `by` names `field` of `ALREADY_EXISTS`, a `string` field: only an enum field can choose the message; \
         give `field` the values it may take with `type = { enum = [...] }`"
    );
    assert_eq!(
        problem(&toml(
            BOTH,
            "field = { type = { enum = [\"email\", \"name\"] }, optional = true }\n"
        )),
        "catalog.toml:3:18: `by` names `field` of `ALREADY_EXISTS`, an optional field, but every error needs a message; make `field` required"
    );
    assert_eq!(
        problem(&toml(
            BOTH,
            "field = { type = { enum = [\"email\", \"name\"] }, internal = true }\n"
        )),
        "catalog.toml:3:18: `by` names `field` of `ALREADY_EXISTS`, an internal field, which never reaches clients; drop `internal = true` from `field`"
    );
}

#[test]
fn every_value_has_a_template_of_its_own() {
    assert_eq!(
        problem(&toml(
            "{ by = \"field\", values = { email = \"Email already registered\" } }",
            FIELD
        )),
        "catalog.toml:3:36: the message of `ALREADY_EXISTS` has no template for `name` of `field`; \
         add a template for each value to `values`, such as `name = \"...\"`"
    );
    assert_eq!(
        problems(&toml(
            "{ by = \"field\", values = { email = \"Taken\", nme = \"Taken too\" } }",
            FIELD
        )),
        [
            "catalog.toml:3:36: the message of `ALREADY_EXISTS` has no template for `name` of `field`; \
             add a template for each value to `values`, such as `name = \"...\"`",
            "catalog.toml:3:55: `nme` is not a value of `field` of `ALREADY_EXISTS`; did you mean `name`?",
        ]
    );
    assert_eq!(
        problem(&toml(
            "{ by = \"field\", values = { email = \"Taken\", name = \"Taken\" } }",
            FIELD
        )),
        "catalog.toml:3:55: `email` and `name` of `ALREADY_EXISTS` share the template `Taken`; \
         give each value of `field` its own message: clients tell the values apart by it"
    );
}

#[test]
fn every_template_is_checked() {
    assert_eq!(
        problem(&toml(
            "{ by = \"field\", values = { email = \"Email taken\", name = \"Name {nam} taken\" } }",
            "field = { type = { enum = [\"email\", \"name\"] } }\nname = \"string\"\n"
        )),
        "catalog.toml:3:74: `{nam}` is not a detail field of `ALREADY_EXISTS`; did you mean `name`?"
    );
    // A field sent only in the message is in every template.
    assert_eq!(
        problem(&toml(
            "{ by = \"field\", values = { email = \"Email {who} taken\", name = \"Name taken\" } }",
            "field = { type = { enum = [\"email\", \"name\"] } }\nwho = { type = \"string\", details = false }\n"
        )),
        "catalog.toml:3:67: `who` of `ALREADY_EXISTS` is sent only in the message, but the template of `name` leaves it out; \
         insert `{who}` in every template, or send it in `details` too (drop `details = false`)"
    );
}

#[test]
fn the_table_needs_by_and_values() {
    assert_eq!(
        problem(&toml("{ values = { email = \"A\" } }", FIELD)),
        "catalog.toml:3:11: the `message` table has no `by`; name the enum field whose value picks the template: `by = \"field\"`"
    );
    assert_eq!(
        problem(&toml("{ by = \"field\" }", FIELD)),
        "catalog.toml:3:11: the `message` table has no `values`; \
         give each value of the `by` field its template: `values = { email = \"Email already registered\" }`"
    );
}
