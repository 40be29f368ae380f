//! Reading detail values: [`WireValue`] is what
//! [`WireDetails`](crate::WireDetails) deserializes each received field from, under
//! the [non-finite rule](super::non_finite).

use serde_core::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde_json::Value;

use super::non_finite::parse;

/// A received detail value, deserialized under the rule: what
/// [`WireDetails`](crate::WireDetails) reads fields from.
#[derive(Clone, Copy)]
pub(crate) struct WireValue<'a>(pub(crate) &'a Value);

macro_rules! forward_de {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'a>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, serde_json::Error> {
                self.0.$method($($arg,)* visitor)
            }
        )*
    };
}

impl<'a> WireValue<'a> {
    fn float<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::String(text) => match parse(text) {
                Some(value) => visitor.visit_f64(value),
                None => Err(de::Error::invalid_type(
                    de::Unexpected::Str(text),
                    &"a number, \"NaN\", \"Infinity\" or \"-Infinity\"",
                )),
            },
            value => value.deserialize_f64(visitor),
        }
    }
}

impl<'a> Deserializer<'a> for WireValue<'a> {
    type Error = serde_json::Error;

    forward_de! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn deserialize_f32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.float(visitor)
    }

    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.float(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Array(items) => {
                let mut seq = WireSeq(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                match seq.0.len() {
                    0 => Ok(value),
                    left => Err(de::Error::invalid_length(
                        items.len(),
                        &format!("{} elements", items.len() - left).as_str(),
                    )),
                }
            }
            value => value.deserialize_seq(visitor),
        }
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

/// The elements of a received array, each deserialized under the rule.
struct WireSeq<'a>(std::slice::Iter<'a, Value>);

impl<'a> SeqAccess<'a> for WireSeq<'a> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, serde_json::Error> {
        self.0
            .next()
            .map(|value| seed.deserialize(WireValue(value)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: serde_core::de::DeserializeOwned>(json: &str) -> Result<T, serde_json::Error> {
        let value: Value = serde_json::from_str(json).unwrap();
        T::deserialize(WireValue(&value))
    }

    #[test]
    fn floats_are_read_from_numbers_and_the_three_strings() {
        assert!(read::<f64>(r#""NaN""#).unwrap().is_nan());
        assert_eq!(read::<f64>(r#""Infinity""#).unwrap(), f64::INFINITY);
        assert_eq!(read::<f64>(r#""-Infinity""#).unwrap(), f64::NEG_INFINITY);
        assert_eq!(read::<f64>("1e3").unwrap(), 1000.0);
        assert_eq!(read::<f64>("-7").unwrap(), -7.0);
        assert_eq!(
            read::<Option<f64>>(r#""Infinity""#).unwrap(),
            Some(f64::INFINITY)
        );
        let list = read::<Vec<f64>>(r#"[1, "NaN", "-Infinity"]"#).unwrap();
        assert_eq!((list[0], list[2]), (1.0, f64::NEG_INFINITY));
        assert!(list[1].is_nan());
        let nested = read::<Vec<Vec<f64>>>(r#"[["Infinity"], []]"#).unwrap();
        assert_eq!(nested, vec![vec![f64::INFINITY], vec![]]);
    }

    #[test]
    fn other_strings_and_types_are_refused_as_before() {
        for bad in [
            r#""nan""#,
            r#""inf""#,
            r#""+Infinity""#,
            r#"" NaN""#,
            "null",
            "true",
        ] {
            assert!(read::<f64>(bad).is_err(), "{bad}");
        }
        assert!(read::<Vec<f64>>(r#"[1, "x"]"#).is_err());
        // Strings stay strings, and json values are not rewritten.
        assert_eq!(read::<String>(r#""NaN""#).unwrap(), "NaN");
        assert_eq!(
            read::<Value>(r#"["NaN"]"#).unwrap(),
            serde_json::json!(["NaN"])
        );
        assert_eq!(read::<u32>("7").unwrap(), 7);
        assert!(read::<u32>("-7").is_err());
        assert!(read::<(u32, u32)>("[1]").is_err());
    }
}
