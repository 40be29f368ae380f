//! Writing detail values: every value the generated `write_details` writes goes
//! through [`DetailsMap`], which applies the [non-finite rule](super::non_finite)
//! wherever a field holds a float (the field, inside `Some`, in lists).

use std::fmt;

use serde_core::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::non_finite::name;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn written<T: Serialize>(value: &T) -> String {
        serde_json::to_string(&Written(value)).unwrap()
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
}
