//! Enum types of detail fields and the rules of `field_violations` (SPEC 9.4).

mod common;

use common::{load_ok, problem, problems, with_details};
use errors_catalog::{DetailType, EnumKind};

#[test]
fn an_enum_field_is_a_string_on_the_wire_with_a_generated_enum() {
    let catalog = load_ok(&with_details(
        "Invalid: {rule}.",
        "rule = { type = { enum = [\"required\", \"email\", \"min_length\"] } }\n\
         fields = { type = \"field_violations\", rules = [\"required\", \"max_length\"] }\n",
    ));
    let error = catalog.error("X").unwrap();
    let rule = error.field("rule").unwrap();
    assert_eq!(rule.ty, DetailType::String);
    assert!(!rule.optional);
    let values = rule.enum_type.as_ref().unwrap();
    assert_eq!(values.name, "XRule");
    assert_eq!(values.kind, EnumKind::Values);
    let variants: Vec<_> = values.values.iter().map(|v| v.variant.as_str()).collect();
    assert_eq!(variants, ["Required", "Email", "MinLength"]);
    assert_eq!(values.location.to_string(), "catalog.toml:6:26");
    assert!(values.contains("email") && !values.contains("Email"));

    let fields = error.field("fields").unwrap();
    assert_eq!(fields.ty, DetailType::FieldViolations);
    let rules = fields.enum_type.as_ref().unwrap();
    assert_eq!(rules.name, "XFieldsRule");
    assert_eq!(rules.kind, EnumKind::Rules);
    assert_eq!(
        rules.value_strs().collect::<Vec<_>>(),
        ["required", "max_length"]
    );
    assert!(error.field("fields").is_some());
}

#[test]
fn an_empty_enum_is_refused() {
    assert_eq!(
        problem(&with_details("Bad.", "rule = { type = { enum = [] } }\n")),
        "catalog.toml:6:26: `enum` of `rule` lists no values; list every value it may take, such as `[\"required\", \"email\"]`"
    );
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "v = { type = \"field_violations\", rules = [] }\n"
        )),
        "catalog.toml:6:42: `rules` of `v` lists no values; list every value it may take, such as `[\"required\", \"email\"]`"
    );
}

#[test]
fn values_must_name_rust_variants_once() {
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "rule = { type = { enum = [\"ok\", \"1st\"] } }\n"
        )),
        "catalog.toml:6:33: `1st` in the enum of `rule` of `X` cannot name a Rust variant (its UpperCamelCase is `1st`); \
         start each value with an ASCII letter and use letters, digits and `_`, such as `min_length`: each value becomes a variant of `XRule`, its UpperCamelCase"
    );
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "rule = { type = { enum = [\"self\"] } }\n"
        )),
        "catalog.toml:6:27: `self` in the enum of `rule` of `X` cannot name a Rust variant (its UpperCamelCase is `Self`); \
         start each value with an ASCII letter and use letters, digits and `_`, such as `min_length`: each value becomes a variant of `XRule`, its UpperCamelCase"
    );
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "rule = { type = { enum = [\"min_length\", \"minLength\"] } }\n"
        )),
        "catalog.toml:6:41: `min_length` and `minLength` in the enum of `rule` of `X` are both the variant `MinLength`; \
         each value's UpperCamelCase must be unique in `XRule`: rename one of them"
    );
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "v = { type = \"field_violations\", rules = [\"email\", \"email\"] }\n"
        )),
        "catalog.toml:6:52: `email` is listed twice in the rules of `v` of `X`; list each value once"
    );
}

#[test]
fn a_generated_name_must_be_free() {
    let toml = "[catalog]\nname = \"ApiError\"\n\n\
        [errors.API]\nstatus = 400\nmessage = \"A.\"\n[errors.API.details]\nerror = { type = { enum = [\"a\"] } }\n\n\
        [errors.API_ERROR]\nstatus = 400\nmessage = \"B.\"\n[errors.API_ERROR.details]\ncode = { type = { enum = [\"a\"] } }\n\n\
        [errors.A]\nstatus = 400\nmessage = \"C.\"\n[errors.A.details]\nb_rule = { type = { enum = [\"a\"] } }\n\n\
        [errors.A_B]\nstatus = 400\nmessage = \"D.\"\n[errors.A_B.details]\nrule = { type = { enum = [\"a\"] } }\n";
    assert_eq!(
        problems(toml),
        [
            "catalog.toml:8:27: the enum of `error` of `API` would generate the enum `ApiError`, but the error enum (`[catalog] name`) is named `ApiError`; \
             rename the field or the other item: each generated Rust type needs its own name",
            "catalog.toml:14:26: the enum of `code` of `API_ERROR` would generate the enum `ApiErrorCode`, but the code enum is named `ApiErrorCode`; \
             rename the field or the other item: each generated Rust type needs its own name",
            "catalog.toml:26:26: the enum of `rule` of `A_B` would generate the enum `ABRule`, but the enum of `b_rule` of `A` is named `ABRule` too; \
             rename the field or the other item: each generated Rust type needs its own name",
        ]
    );
}

#[test]
fn rules_only_on_field_violations_and_types_as_tables_need_enum() {
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "n = { type = \"u32\", rules = [\"a\"] }\n"
        )),
        "catalog.toml:6:29: `rules` on `n`, a `u32` field: only `field_violations` fields have rules; \
         drop `rules`, or give `n` the values it may take with `type = { enum = [...] }`"
    );
    assert_eq!(
        problem(&with_details("Bad.", "n = { type = {} }\n")),
        "catalog.toml:6:14: the type of `n` is a table without `enum`; \
         write a type name such as `\"string\"`, or an enum as `{ enum = [\"a\", \"b\"] }`"
    );
    assert_eq!(
        problem(&with_details(
            "Bad.",
            "n = { type = { enum = [\"a\", 1] } }\n"
        )),
        "catalog.toml:6:29: each value of `enum` of `n` must be a string, found an integer"
    );
}

#[test]
fn an_enum_of_header_text_may_be_sent_only_as_a_header() {
    load_ok(&with_details(
        "Slow down.",
        "tier = { type = { enum = [\"free\", \"pro\"] }, header = \"X-Tier\", details = false }\n",
    ));
    let problem = problem(&with_details(
        "Slow down.",
        "tier = { type = { enum = [\"free\", \"pro plan \"] }, header = \"X-Tier\", details = false }\n",
    ));
    assert!(
        problem.starts_with("catalog.toml:6:60: `tier` of `X` is sent only as the `X-Tier` header, but a `string` can hold text"),
        "{problem}"
    );
}
