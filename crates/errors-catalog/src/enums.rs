//! Enum types of detail fields: `type = { enum = ["required", "email"] }`, and the
//! rules of a `field_violations` field, `rules = ["required", "email"]` (SPEC 9.4).
//!
//! An enum travels as its value's string; in Rust it is a generated fieldless enum
//! named after the code and the field (`ValidationFailedRule`), one variant per value
//! in UpperCamelCase.

use crate::naming;
use crate::source::Location;

/// The values a field may take, and the Rust enum generated for them.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     r#"
///     [errors.VALIDATION_FAILED]
///     status = 422
///     message = "Invalid request: {rule} failed."
///     [errors.VALIDATION_FAILED.details]
///     rule = { type = { enum = ["required", "min_length"] } }
///     "#,
/// )
/// .unwrap();
/// let field = catalog.error("VALIDATION_FAILED").unwrap().field("rule").unwrap();
/// let rule = field.enum_type.as_ref().unwrap();
/// assert_eq!(rule.name, "ValidationFailedRule");
/// assert_eq!(rule.values[1].value, "min_length");
/// assert_eq!(rule.values[1].variant, "MinLength");
/// assert_eq!(field.ty, errors_catalog::DetailType::String); // a string on the wire
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnumType {
    /// The generated Rust enum: `<Code><Field>` in UpperCamelCase for a field's
    /// values, `<Code><Field>Rule` for the rules of a `field_violations` field.
    pub name: String,
    /// What the enum is of.
    pub kind: EnumKind,
    /// The values, in the order written.
    pub values: Vec<EnumValue>,
    /// Where the list is written.
    pub location: Location,
}

/// What an [`EnumType`] constrains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnumKind {
    /// The field's own value (`type = { enum = [...] }`); the field's type is `string`.
    Values,
    /// The `rule` of each violation of a `field_violations` field (`rules = [...]`).
    Rules,
}

/// One value of an [`EnumType`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnumValue {
    /// The value as sent on the wire (`min_length`).
    pub value: String,
    /// The Rust variant: the value in UpperCamelCase (`MinLength`).
    pub variant: String,
    /// Where it is written.
    pub location: Location,
}

impl EnumType {
    /// An enum of `values` (with where each is written), named `name`.
    pub(crate) fn new(
        name: String,
        kind: EnumKind,
        values: Vec<(String, Location)>,
        location: Location,
    ) -> Self {
        EnumType {
            name,
            kind,
            values: values
                .into_iter()
                .map(|(value, location)| EnumValue {
                    variant: naming::variant_name(&value),
                    value,
                    location,
                })
                .collect(),
            location,
        }
    }

    /// The generated name of the enum of `field` of `code`'s error: `<Code><Field>`,
    /// with `Rule` after it for the rules of a `field_violations` field.
    ///
    /// ```
    /// use errors_catalog::EnumKind;
    /// use errors_catalog::EnumType;
    /// assert_eq!(EnumType::name_for("VALIDATION_FAILED", "rule", EnumKind::Values), "ValidationFailedRule");
    /// assert_eq!(EnumType::name_for("INVALID", "fields", EnumKind::Rules), "InvalidFieldsRule");
    /// ```
    pub fn name_for(code: &str, field: &str, kind: EnumKind) -> String {
        let mut name = naming::variant_name(code);
        name.push_str(&naming::variant_name(field));
        if kind == EnumKind::Rules {
            name.push_str("Rule");
        }
        name
    }

    /// The value strings, in order.
    pub fn value_strs(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|v| v.value.as_str())
    }

    /// Whether `value` is one of the enum's values.
    pub fn contains(&self, value: &str) -> bool {
        self.values.iter().any(|v| v.value == value)
    }
}

/// Whether `value` can be sent as an HTTP header as it is: visible ASCII, spaces
/// only inside (a header's value loses the whitespace around it).
pub(crate) fn is_header_text(value: &str) -> bool {
    !value.is_empty()
        && value.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !value.starts_with(' ')
        && !value.ends_with(' ')
}
