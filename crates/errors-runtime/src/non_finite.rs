//! Non-finite `f64` detail values on the wire.
//!
//! JSON numbers cannot be NaN or infinite, and `serde_json` writes such a value as
//! `null`, which no `f64` field can be decoded from: the error would be lost. The rule
//! every envelope follows instead:
//!
//! - **Writing**: a NaN or infinite `f64` (or `f32`) detail value is written as the
//!   string `"NaN"`, `"Infinity"` or `"-Infinity"`: as the field itself, inside an
//!   optional field, or as an element of a list field (`[f64]`, `[[f64]]`, ...).
//!   Finite values are JSON numbers, as always.
//! - **Reading**: an `f64` field (at the same places) accepts a JSON number or one of
//!   those three strings, exactly spelled; any other string is an invalid field.
//!   `json` fields are never rewritten: a string `"NaN"` in a `json` value stays a
//!   string, and a JSON value cannot hold a non-finite number.
//!
//! NaN has many bit patterns; every one of them is written `"NaN"` and read back as
//! [`f64::NAN`].

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

const NAN: &str = "NaN";
const INFINITY: &str = "Infinity";
const NEG_INFINITY: &str = "-Infinity";

/// The wire text of a non-finite value; `None` for a finite one.
pub(crate) fn name(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some(NAN)
    } else if value == f64::INFINITY {
        Some(INFINITY)
    } else if value == f64::NEG_INFINITY {
        Some(NEG_INFINITY)
    } else {
        None
    }
}

/// The value of a wire text of a non-finite value.
fn parse(text: &str) -> Option<f64> {
    match text {
        NAN => Some(f64::NAN),
        INFINITY => Some(f64::INFINITY),
        NEG_INFINITY => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// A map of detail members whose values are written under the rule: what the
/// generated `write_details` writes into.
///
/// `end` does nothing: the map it wraps is ended by its owner.
pub(crate) struct DetailsMap<'m, M>(pub(crate) &'m mut M);

impl<M: SerializeMap> SerializeMap for DetailsMap<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, key: &K) -> Result<(), M::Error> {
        self.0.serialize_key(key)
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), M::Error> {
        self.0.serialize_value(&Written(value))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(key, &Written(value))
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// A value serialized under the rule.
struct Written<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> Serialize for Written<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Writer(serializer))
    }
}

/// A serializer that writes non-finite floats as strings, at the top, inside
/// `Some`, newtypes and sequences, and hands everything else to the one it wraps.
struct Writer<S>(S);

/// The elements of a sequence, each written under the rule.
struct WriterSeq<S>(S);

impl<S: SerializeSeq> SerializeSeq for WriterSeq<S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), S::Error> {
        self.0.serialize_element(&Written(value))
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
                self.0.$method($($arg),*)
            }
        )*
    };
}

impl<S: Serializer> Serializer for Writer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = WriterSeq<S::SerializeSeq>;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = S::SerializeStruct;
    type SerializeStructVariant = S::SerializeStructVariant;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    #[inline]
    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        match name(f64::from(v)) {
            Some(text) => self.0.serialize_str(text),
            None => self.0.serialize_f32(v),
        }
    }

    #[inline]
    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        match name(v) {
            Some(text) => self.0.serialize_str(text),
            None => self.0.serialize_f64(v),
        }
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Written(value))
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Written(value))
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Written(value))
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(WriterSeq)
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<S::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len)
    }

    #[inline]
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<S::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len)
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<S::SerializeTupleVariant, S::Error> {
        self.0.serialize_tuple_variant(name, index, variant, len)
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<S::SerializeMap, S::Error> {
        self.0.serialize_map(len)
    }

    #[inline]
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<S::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len)
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<S::SerializeStructVariant, S::Error> {
        self.0.serialize_struct_variant(name, index, variant, len)
    }

    #[inline]
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.collect_str(value)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

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

    fn written<T: Serialize>(value: &T) -> String {
        serde_json::to_string(&Written(value)).unwrap()
    }

    fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, serde_json::Error> {
        let value: Value = serde_json::from_str(json).unwrap();
        T::deserialize(WireValue(&value))
    }

    #[test]
    fn non_finite_floats_are_written_as_strings_wherever_a_field_holds_them() {
        assert_eq!(written(&f64::NAN), r#""NaN""#);
        assert_eq!(written(&-f64::NAN), r#""NaN""#);
        assert_eq!(written(&f64::INFINITY), r#""Infinity""#);
        assert_eq!(written(&f64::NEG_INFINITY), r#""-Infinity""#);
        assert_eq!(written(&f32::NAN), r#""NaN""#);
        assert_eq!(written(&Some(f64::INFINITY)), r#""Infinity""#);
        assert_eq!(written(&vec![1.5, f64::NAN, -0.0]), r#"[1.5,"NaN",-0.0]"#);
        assert_eq!(
            written(&vec![vec![f64::NEG_INFINITY]]),
            r#"[["-Infinity"]]"#
        );
        // Everything else is untouched.
        assert_eq!(written(&2.5), "2.5");
        assert_eq!(written(&"NaN"), r#""NaN""#);
        assert_eq!(written(&Option::<f64>::None), "null");
        assert_eq!(written(&serde_json::json!({"a": [1]})), r#"{"a":[1]}"#);
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
