//! The enums a catalog generates: one per `type = { enum = [...] }` field, and one
//! per `field_violations` field with `rules = [...]` (SPEC 9.4). Each travels as its
//! value's string; what is common to all of them lives here, so that the generated
//! code is only the variants and their strings.

use std::fmt;

/// A generated enum of catalog values, such as `ValidationFailedRule`.
///
/// Each also implements `Display` (the value, padded as a string), `FromStr`
/// (the exact value, else [`UnknownValue`]) and serde as the value's string; its
/// `Default` is its first value, what a decoder holds in a field that never travels
/// (an internal one).
///
/// ```
/// # mod api { errors_runtime::catalog!("tests/catalogs/enums.toml"); }
/// use errors_runtime::CatalogEnum;
/// use api::ValidationFailedRule as Rule;
/// assert_eq!(Rule::VALUES[2], "min_length");
/// assert_eq!(Rule::MinLength.as_str(), "min_length");
/// assert_eq!("email".parse::<Rule>().unwrap(), Rule::Email);
/// assert_eq!(format!("{:>7}", Rule::Email), "  email");
/// ```
pub trait CatalogEnum: Copy + Eq + fmt::Debug + 'static {
    /// The Rust name, such as `ValidationFailedRule`.
    const NAME: &'static str;
    /// Every value as sent on the wire, in catalog order.
    const VALUES: &'static [&'static str];
    /// Every variant, in the order of [`VALUES`](Self::VALUES).
    const ALL: &'static [Self];

    /// The value as sent on the wire.
    fn as_str(self) -> &'static str;

    /// The variant of `text`, which must be one of [`VALUES`](Self::VALUES) exactly.
    fn from_value(text: &str) -> Result<Self, UnknownValue> {
        Self::VALUES
            .iter()
            .position(|v| *v == text)
            .and_then(|i| Self::ALL.get(i).copied())
            .ok_or_else(|| UnknownValue {
                enum_name: Self::NAME,
                value: text.to_owned(),
            })
    }
}

/// A text that is none of an enum's values: what `FromStr` of a generated enum
/// returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    enum_name: &'static str,
    value: String,
}

impl UnknownValue {
    /// The text that was parsed.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The Rust name of the enum it was parsed as.
    pub fn enum_name(&self) -> &'static str {
        self.enum_name
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a value of `{}`",
            self.value.escape_debug(),
            self.enum_name
        )
    }
}

impl std::error::Error for UnknownValue {}

/// `Deserialize` for a generated enum: one of its value strings.
pub(crate) fn deserialize<'de, E, D>(deserializer: D) -> Result<E, D::Error>
where
    E: CatalogEnum,
    D: serde_core::Deserializer<'de>,
{
    struct Visitor<E>(std::marker::PhantomData<E>);
    impl<E: CatalogEnum> serde_core::de::Visitor<'_> for Visitor<E> {
        type Value = E;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a value of `{}`", E::NAME)
        }
        fn visit_str<Er: serde_core::de::Error>(self, text: &str) -> Result<E, Er> {
            E::from_value(text).map_err(|_| Er::unknown_variant(text, E::VALUES))
        }
    }
    deserializer.deserialize_str(Visitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Tier {
        Free,
        Pro,
    }

    impl CatalogEnum for Tier {
        const NAME: &'static str = "Tier";
        const VALUES: &'static [&'static str] = &["free", "pro"];
        const ALL: &'static [Self] = &[Tier::Free, Tier::Pro];
        fn as_str(self) -> &'static str {
            Self::VALUES[self as usize]
        }
    }

    #[test]
    fn values_parse_exactly() {
        assert_eq!(Tier::from_value("pro"), Ok(Tier::Pro));
        let unknown = Tier::from_value("Pro").unwrap_err();
        assert_eq!(unknown.value(), "Pro");
        assert_eq!(unknown.enum_name(), "Tier");
        assert_eq!(unknown.to_string(), "`Pro` is not a value of `Tier`");
        let value = serde_json::json!("free");
        assert_eq!(deserialize::<Tier, _>(&value).unwrap(), Tier::Free);
        let error = deserialize::<Tier, _>(&serde_json::json!("gold")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown variant `gold`, expected `free` or `pro`"
        );
        assert!(deserialize::<Tier, _>(&serde_json::json!(1)).is_err());
    }
}
