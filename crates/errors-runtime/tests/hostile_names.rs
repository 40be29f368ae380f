//! Codes, field names and enum names drawn from every identifier the generated code
//! uses — associated items (`Err`, `Code`, `CATALOG`), generic parameters (`M`, `S`,
//! `D`), prelude and std names (`Option`, `Some`, `String`, `Debug`, ...), the
//! generated code's own locals (`text`, `source`, `f`) — compile and work. The catalogs
//! and the crate using them are generated here and compiled with trybuild.
//!
//! (`ALL` cannot be a variant: `ApiErrorCode::ALL` is the fixed list of codes. The
//! catalog refuses a code whose variant would be `ALL`, at its line; see the ui test
//! `variant_all`.)

use std::fmt::Write as _;
use std::path::PathBuf;

/// Identifiers generated code names, as codes (SCREAMING_SNAKE_CASE of each).
const CODE_NAMES: &[&str] = &[
    "Err",
    "Ok",
    "Some",
    "None",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Code",
    "Catalog",
    "CATALOG",
    "Error",
    "Debug",
    "Display",
    "Clone",
    "Copy",
    "Default",
    "From",
    "Into",
    "Send",
    "Sync",
    "Sized",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Iterator",
    "ToString",
    "Fn",
    "Drop",
    "Meta",
    "Status",
    "Envelope",
    "Decode",
    "Formatter",
    "Duration",
    "Serialize",
    "Deserialize",
    "Serializer",
    "UnknownCode",
    "CatalogError",
    "ErrorCode",
    "JsonValue",
    "FieldViolation",
    "WireDetails",
    "DecodeError",
    "M",
    "S",
    "D",
    "T",
    "E",
    "F",
    "Core",
    "Std",
    "Alloc",
    "Serde",
    "Unreachable",
];

/// Field names that are the generated code's locals, parameters or methods.
const FIELD_NAMES: &[&str] = &[
    "text",
    "source",
    "serializer",
    "deserializer",
    "f",
    "map",
    "visit",
    "details",
    "error",
    "code",
    "status",
    "value",
    "s",
    "m",
    "d",
    "meta",
    "envelope",
    "message",
    "type",
    "match",
    "fn",
    "r#",
    "core",
    "std",
];

/// Enum names of their own catalogs.
const ENUM_NAMES: &[&str] = &[
    "M",
    "S",
    "D",
    "T",
    "E",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Error",
    "Code",
    "Catalog",
    "Envelope",
    "Duration",
    "Formatter",
    "Decode",
    "Debug",
    "Display",
    "Default",
    "Clone",
    "Serialize",
    "Deserialize",
    "Some",
    "None",
    "Ok",
    "Err",
    "UnknownCode",
    "CatalogError",
    "ErrorCode",
    "JsonValue",
    "FieldViolation",
];

/// `PartialEq` -> `PARTIAL_EQ`; all-caps names are spelt with underscores between
/// their letters, so that the variant comes back in capitals (`C_A_T_A_L_O_G`).
fn code_of(name: &str) -> String {
    if name.len() > 1 && name.chars().all(|c| c.is_ascii_uppercase()) {
        return name.chars().map(String::from).collect::<Vec<_>>().join("_");
    }
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errors-runtime-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_identifier_the_generated_code_uses_is_a_valid_name() {
    let dir = scratch();
    let mut source = String::from("#![deny(warnings)]\n");
    // One catalog holding every hostile code, each with every hostile field name.
    let fields: Vec<&str> = FIELD_NAMES.iter().copied().filter(|f| *f != "r#").collect();
    let mut toml =
        String::from("[catalog]\nenvelope = \"problem\"\ndetails_case = \"snake_case\"\n");
    for (i, name) in CODE_NAMES.iter().enumerate() {
        let code = code_of(name);
        write!(
            toml,
            "\n[errors.{code}]\nstatus = {}\nmessage = \"",
            400 + i % 100
        )
        .unwrap();
        for f in &fields {
            write!(toml, "{{{f}}} ").unwrap();
        }
        toml.push_str("\"\n");
        for f in &fields {
            // Not the problem style's own members.
            let wire = format!("x_{f}");
            writeln!(
                toml,
                "details.{f} = {{ type = \"string\", wire = \"{wire}\" }}"
            )
            .unwrap();
        }
    }
    let codes_path = dir.join("codes.toml");
    std::fs::write(&codes_path, &toml).unwrap();
    writeln!(
        source,
        "mod codes {{ errors_runtime::catalog!({:?}); }}",
        codes_path.to_str().unwrap()
    )
    .unwrap();
    for (i, name) in ENUM_NAMES.iter().enumerate() {
        let path = dir.join(format!("enum_{i}.toml"));
        let toml = format!(
            "[catalog]\nname = \"{name}\"\n\n[errors.NOT_FOUND]\nstatus = 404\nmessage = \"{{id}} is gone.\"\ndetails.id = \"u64\"\ndetails.retry_after = {{ type = \"u64?\", header = \"Retry-After\" }}\n\n[errors.ERR]\nstatus = 503\nmessage = \"Try again.\"\n"
        );
        std::fs::write(&path, toml).unwrap();
        writeln!(
            source,
            "mod enum_{i} {{ errors_runtime::catalog!({:?}); pub fn check() {{ let e = {name}::NotFound {{ id: 7, retry_after: Some(3) }}; assert_eq!(e.status(), 404); let body = e.envelope().to_json(); let back = errors_runtime::decode::<{name}>(body.as_bytes()).unwrap(); assert_eq!(back.known(), Some(&e)); assert_eq!(\"ERR\".parse::<{name}Code>().unwrap(), {name}Code::Err); assert_eq!(format!(\"{{:?}}\", {name}Code::Err), \"Err\"); }} }}",
            path.to_str().unwrap()
        )
        .unwrap();
    }
    source.push_str("fn main() {\n    for code in codes::ApiErrorCode::ALL {\n        assert_eq!(code.as_str().parse::<codes::ApiErrorCode>().unwrap(), code);\n        assert_eq!(format!(\"{code:?}\"), code.meta().variant);\n    }\n");
    for i in 0..ENUM_NAMES.len() {
        writeln!(source, "    enum_{i}::check();").unwrap();
    }
    source.push_str("}\n");
    let main = dir.join("hostile_names.rs");
    std::fs::write(&main, source).unwrap();
    trybuild::TestCases::new().pass(&main);
}
