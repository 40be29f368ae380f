//! Categories and `param`.

mod common;

use common::{load_ok, problem, with_details};

#[test]
fn once_categories_are_declared_every_category_must_name_one() {
    assert_eq!(
        problem(
            "[categories.rate_limit_error]\ndescription = \"d\"\n[errors.X]\nstatus = 429\nmessage = \"m\"\ncategory = \"rate_limt_error\"\n"
        ),
        "catalog.toml:6:12: category `rate_limt_error` is not declared; did you mean `rate_limit_error`?"
    );
    assert_eq!(
        problem(
            "[categories.api_error]\n[errors.X]\nstatus = 429\nmessage = \"m\"\ncategory = \"billing\"\n"
        ),
        "catalog.toml:5:12: category `billing` is not declared; declare it as `[categories.billing]`, or use a declared one"
    );
}

#[test]
fn without_declared_categories_any_category_is_fine() {
    let catalog = load_ok("[errors.X]\nstatus = 429\nmessage = \"m\"\ncategory = \"whatever\"\n");
    assert_eq!(catalog.errors[0].category.as_deref(), Some("whatever"));
}

#[test]
fn categories_are_read_in_both_forms() {
    let catalog = load_ok(
        "[categories]\nshort = \"Short form.\"\n[categories.long]\ndescription = \"Long form.\"\n[errors.X]\nstatus = 400\nmessage = \"m\"\ncategory = \"long\"\n",
    );
    let seen: Vec<(&str, Option<&str>)> = catalog
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.description.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [("short", Some("Short form.")), ("long", Some("Long form."))]
    );
    assert_eq!(
        catalog.category("long").unwrap().location.to_string(),
        "catalog.toml:3:13"
    );
}

#[test]
fn param_must_name_a_public_string_field() {
    assert_eq!(
        problem(
            "[errors.X]\nstatus = 400\nmessage = \"m\"\nparam = \"feild\"\n[errors.X.details]\nfield = \"string\"\n"
        ),
        "catalog.toml:4:9: `param` names `feild`, which is not a detail field of `X`; did you mean `field`?"
    );
    assert_eq!(
        problem(
            "[errors.X]\nstatus = 400\nmessage = \"m\"\nparam = \"limit\"\n[errors.X.details]\nlimit = \"u32\"\n"
        ),
        "catalog.toml:4:9: `param` must name a string field, but `limit` is a `u32`; name the field that holds the parameter's name"
    );
    assert_eq!(
        problem(
            "[errors.X]\nstatus = 400\nmessage = \"m\"\nparam = \"p\"\n[errors.X.details]\np = { type = \"string\", internal = true }\n"
        ),
        "catalog.toml:4:9: `param` names the internal field `p`, which never reaches clients; name a public field, or drop `internal = true`"
    );
    let catalog = load_ok(
        &with_details("m", "field = \"string?\"\n")
            .replace("message = \"m\"", "message = \"m\"\nparam = \"field\""),
    );
    assert_eq!(catalog.errors[0].param.as_deref(), Some("field"));
}
