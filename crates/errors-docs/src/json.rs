//! JSON written by `serde_json`, in the order the documents are built.
//!
//! Envelopes, schemas and OpenAPI documents are read by people, so their members are
//! written in a deliberate order (`$schema` first, envelope members in wire order).
//! Fixed members are `#[derive(Serialize)]` struct fields, written in declaration
//! order; members named at run time (codes, wire names, renamed envelope keys) are a
//! [`Members`] list, written in insertion order. `serde_json::Value` would sort its
//! objects' keys, and its `preserve_order` feature would change every `Value` of the
//! user's build through feature unification.

use serde::ser::{Serialize, Serializer};

/// Members named at run time, written as a JSON object in the order they were added.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Members<T>(Vec<(String, T)>);

impl<T> Members<T> {
    /// No members yet.
    pub(crate) fn new() -> Self {
        Members(Vec::new())
    }

    /// Appends `key`.
    pub(crate) fn push(&mut self, key: impl Into<String>, value: T) {
        self.0.push((key.into(), value));
    }

    /// These members with `key` appended.
    pub(crate) fn with(mut self, key: impl Into<String>, value: T) -> Self {
        self.push(key, value);
        self
    }

    /// Whether there are no members.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members in order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, (String, T)> {
        self.0.iter()
    }
}

impl<T> Default for Members<T> {
    fn default() -> Self {
        Members::new()
    }
}

impl<T> FromIterator<(String, T)> for Members<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        Members(iter.into_iter().collect())
    }
}

impl<T> IntoIterator for Members<T> {
    type Item = (String, T);
    type IntoIter = std::vec::IntoIter<(String, T)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<T: Serialize> Serialize for Members<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// A JSON value whose shape is data, not code: an example envelope (its keys are the
/// catalog's wire names) or a `json` detail field's sample.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// Every integer a detail field can hold, `i64::MIN` to `u64::MAX`.
    Int(i128),
    /// A finite number.
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Members<Json>),
}

impl Json {
    /// A string value.
    pub(crate) fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    /// An empty object, to fill with [`Json::with`].
    pub(crate) fn object() -> Json {
        Json::Object(Members::new())
    }

    /// This object with `key` appended.
    ///
    /// # Panics
    ///
    /// When `self` is not an object: a bug in the caller.
    pub(crate) fn with(mut self, key: impl Into<String>, value: Json) -> Json {
        self.push(key, value);
        self
    }

    /// Appends `key` to this object.
    pub(crate) fn push(&mut self, key: impl Into<String>, value: Json) {
        match self {
            Json::Object(members) => members.push(key, value),
            other => unreachable!("push on a non-object: {other:?}"),
        }
    }

    /// The compact text: no whitespace.
    pub(crate) fn compact(&self) -> String {
        compact(self)
    }

    /// The text with each member and element on its own line, indented by two spaces.
    pub(crate) fn pretty(&self) -> String {
        pretty(self)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Int(n) => serializer.serialize_i128(*n),
            Json::Float(x) => {
                debug_assert!(x.is_finite(), "JSON has no non-finite numbers");
                serializer.serialize_f64(*x)
            }
            Json::Str(s) => serializer.serialize_str(s),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(members) => members.serialize(serializer),
        }
    }
}

/// `value` as compact JSON: no whitespace.
pub(crate) fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    // Every value written here has string keys and finite numbers, which cannot fail.
    serde_json::to_string(value).expect("a document of string keys and finite numbers")
}

/// `value` as JSON with each member and element on its own line, indented by two
/// spaces.
pub(crate) fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("a document of string keys and finite numbers")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_their_order_and_strings_are_escaped() {
        let value = Json::object()
            .with("z", Json::Int(i128::from(u64::MAX)))
            .with("a", Json::str("q\"\\\n\u{1}é"))
            .with(
                "list",
                Json::Array(vec![Json::Null, Json::Bool(true), Json::Float(0.5)]),
            )
            .with("empty", Json::object());
        assert_eq!(
            value.compact(),
            r#"{"z":18446744073709551615,"a":"q\"\\\n\u0001é","list":[null,true,0.5],"empty":{}}"#
        );
        assert_eq!(
            Json::object()
                .with("a", Json::Array(vec![Json::Int(-1)]))
                .pretty(),
            "{\n  \"a\": [\n    -1\n  ]\n}"
        );
        assert_eq!(Json::Float(1.0).compact(), "1.0");
        // serde_json's spelling, as a service built on errors-runtime sends it (the
        // hand-written writer spelt it `1e300`; no document writes such a number).
        assert_eq!(Json::Float(1e300).compact(), "1e+300");
        assert_eq!(
            Json::Float(1e300).compact(),
            serde_json::to_string(&1e300f64).unwrap()
        );
        assert_eq!(
            Json::Int(i128::from(i64::MIN)).compact(),
            "-9223372036854775808"
        );
    }

    #[test]
    fn empty_members_and_arrays_stay_on_one_line() {
        let value = Json::object()
            .with("list", Json::Array(Vec::new()))
            .with("map", Json::object());
        assert_eq!(value.pretty(), "{\n  \"list\": [],\n  \"map\": {}\n}");
    }
}
