//! `field_violations`: which request fields failed validation, and why.

use std::fmt;

use serde_core::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_core::ser::{Serialize, SerializeStruct, Serializer};

/// One field that failed validation: `{ "path": "email", "message": "must be a valid email" }`,
/// with an optional machine-readable `rule` (left out of the JSON when absent).
///
/// ```
/// use errors_runtime::FieldViolation;
/// let v = FieldViolation::new("email", "must be a valid email").with_rule("email");
/// assert_eq!(
///     serde_json::to_string(&v).unwrap(),
///     r#"{"path":"email","message":"must be a valid email","rule":"email"}"#
/// );
/// ```
///
/// A `field_violations` field that declares `rules = [...]` holds violations whose
/// rule is the enum generated for them (`FieldViolation<ValidationFailedFieldsRule>`):
///
/// ```
/// # mod api { errors_runtime::catalog!("tests/catalogs/enums.toml"); }
/// use errors_runtime::FieldViolation;
/// use api::ValidationFailedFieldsRule as Rule;
/// let v = FieldViolation::new("email", "is taken").with_typed_rule(Rule::Unique);
/// assert_eq!(
///     serde_json::to_string(&v).unwrap(),
///     r#"{"path":"email","message":"is taken","rule":"unique"}"#
/// );
/// let read: FieldViolation<Rule> = serde_json::from_str(r#"{"path":"a","message":"m","rule":"email"}"#).unwrap();
/// assert_eq!(read.rule, Some(Rule::Email));
/// assert!(serde_json::from_str::<FieldViolation<Rule>>(r#"{"path":"a","message":"m","rule":"json"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldViolation<R = String> {
    /// The field, as a path into the request (`email`, `items[2].sku`).
    pub path: String,
    /// What is wrong, fit to show to the user.
    pub message: String,
    /// The rule that failed (`required`, `min_length`, ...): a string, or the enum
    /// of the field's `rules`.
    pub rule: Option<R>,
}

impl FieldViolation {
    /// A violation of `path` with `message`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldViolation {
            path: path.into(),
            message: message.into(),
            rule: None,
        }
    }

    /// Names the rule that failed.
    pub fn with_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }
}

impl<R> FieldViolation<R> {
    /// The violation with `rule`, of any type: the enum of a field's `rules`.
    pub fn with_typed_rule<S>(self, rule: S) -> FieldViolation<S> {
        FieldViolation {
            path: self.path,
            message: self.message,
            rule: Some(rule),
        }
    }

    /// The violation without a rule, as one whose rule would be of type `S`.
    pub fn without_rule<S>(self) -> FieldViolation<S> {
        FieldViolation {
            path: self.path,
            message: self.message,
            rule: None,
        }
    }
}

impl<R> std::fmt::Display for FieldViolation<R> {
    /// `path: message`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

// Serde by hand, as `#[derive]` would write it (a struct; `rule` left out when absent,
// read as absent when missing or null; unknown members ignored): the runtime depends on
// serde_core alone, so a service's build need not wait for serde_derive.
const FIELDS: &[&str] = &["path", "message", "rule"];

impl<R: Serialize> Serialize for FieldViolation<R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 2 + usize::from(self.rule.is_some());
        let mut s = serializer.serialize_struct("FieldViolation", len)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.message)?;
        match &self.rule {
            Some(rule) => s.serialize_field("rule", rule)?,
            None => s.skip_field("rule")?,
        }
        s.end()
    }
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for FieldViolation<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(
            "FieldViolation",
            FIELDS,
            ViolationVisitor(std::marker::PhantomData),
        )
    }
}

/// A member's name: one of [`FIELDS`], or another (ignored).
enum Member {
    Path,
    Message,
    Rule,
    Other,
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MemberVisitor;
        impl Visitor<'_> for MemberVisitor {
            type Value = Member;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field identifier")
            }
            fn visit_u64<E: de::Error>(self, index: u64) -> Result<Member, E> {
                Ok(match index {
                    0 => Member::Path,
                    1 => Member::Message,
                    2 => Member::Rule,
                    _ => Member::Other,
                })
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Member, E> {
                self.visit_bytes(name.as_bytes())
            }
            fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Member, E> {
                Ok(match name {
                    b"path" => Member::Path,
                    b"message" => Member::Message,
                    b"rule" => Member::Rule,
                    _ => Member::Other,
                })
            }
        }
        deserializer.deserialize_identifier(MemberVisitor)
    }
}

struct ViolationVisitor<R>(std::marker::PhantomData<R>);

impl<'de, R: Deserialize<'de>> Visitor<'de> for ViolationVisitor<R> {
    type Value = FieldViolation<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct FieldViolation")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldViolation<R>, A::Error> {
        let path = seq.next_element()?.ok_or_else(|| {
            de::Error::invalid_length(0, &"struct FieldViolation with 3 elements")
        })?;
        let message = seq.next_element()?.ok_or_else(|| {
            de::Error::invalid_length(1, &"struct FieldViolation with 3 elements")
        })?;
        let rule = seq.next_element::<Option<R>>()?.flatten();
        Ok(FieldViolation {
            path,
            message,
            rule,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldViolation<R>, A::Error> {
        let (mut path, mut message, mut rule) = (None, None, None);
        while let Some(member) = map.next_key()? {
            match member {
                Member::Path if path.is_some() => return Err(de::Error::duplicate_field("path")),
                Member::Path => path = Some(map.next_value()?),
                Member::Message if message.is_some() => {
                    return Err(de::Error::duplicate_field("message"));
                }
                Member::Message => message = Some(map.next_value()?),
                Member::Rule if rule.is_some() => return Err(de::Error::duplicate_field("rule")),
                Member::Rule => rule = Some(map.next_value::<Option<R>>()?),
                Member::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(FieldViolation {
            path: path.ok_or_else(|| de::Error::missing_field("path"))?,
            message: message.ok_or_else(|| de::Error::missing_field("message"))?,
            rule: rule.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FieldViolation;

    #[test]
    fn written_as_the_derive_would() {
        let plain = FieldViolation::new("email", "is required");
        assert_eq!(
            serde_json::to_string(&plain).unwrap(),
            r#"{"path":"email","message":"is required"}"#
        );
        let ruled = plain.clone().with_rule("required");
        assert_eq!(
            serde_json::to_string(&ruled).unwrap(),
            r#"{"path":"email","message":"is required","rule":"required"}"#
        );
    }

    #[test]
    fn read_as_the_derive_would() {
        let read = |json: &str| serde_json::from_str::<FieldViolation>(json);
        let plain = FieldViolation::new("a.b[2]", "bad");
        assert_eq!(read(r#"{"path":"a.b[2]","message":"bad"}"#).unwrap(), plain);
        assert_eq!(
            read(r#"{"message":"bad","path":"a.b[2]","rule":null}"#).unwrap(),
            plain
        );
        assert_eq!(
            read(r#"{"path":"a.b[2]","extra":[1,{"x":2}],"message":"bad","rule":"min"}"#).unwrap(),
            plain.clone().with_rule("min")
        );
        assert_eq!(read(r#"["a.b[2]","bad"]"#).unwrap(), plain);
        assert_eq!(
            read(r#"["a.b[2]","bad","min"]"#).unwrap(),
            plain.with_rule("min")
        );

        let error = |json: &str| read(json).unwrap_err().to_string();
        assert!(error(r#"{"path":"a"}"#).contains("missing field `message`"));
        assert!(error(r#"{"message":"m"}"#).contains("missing field `path`"));
        assert!(
            error(r#"{"path":"a","path":"b","message":"m"}"#).contains("duplicate field `path`")
        );
        assert!(error(r#"{"path":1,"message":"m"}"#).contains("invalid type"));
        assert!(error(r#"{"path":"a","message":"m","rule":5}"#).contains("invalid type"));
        assert!(error(r#"["a"]"#).contains("invalid length 1"));
        assert!(error(r#""a""#).contains("invalid type"));
    }
}
