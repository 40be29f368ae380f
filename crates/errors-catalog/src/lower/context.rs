//! The shared lowering context: one file's text and the diagnostics sink, with the
//! readers every table uses to take a typed value out of the TOML tree or report,
//! at the value, why it cannot.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Sink};
use crate::source::{Location, SourceFile};
use crate::suggest::did_you_mean;

/// A value of the TOML tree, with its byte span.
pub(super) type Value<'i> = Spanned<DeValue<'i>>;
/// A key of the TOML tree, with its byte span.
pub(super) type Key<'i> = Spanned<Cow<'i, str>>;

/// Lowers the tables of one file: reads values and reports what is wrong with them.
pub(super) struct Cx<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) sink: &'a mut Sink,
}

impl Cx<'_> {
    /// The location of a byte range of the file.
    pub(super) fn at(&self, span: Range<usize>) -> Location {
        self.file.location(span)
    }

    /// Reports `key` as unknown in `place`, with the closest known key or the list.
    pub(super) fn unknown_key(&mut self, key: &Key<'_>, place: &str, known: &[&str]) {
        let name = key.get_ref().as_ref();
        let help = match did_you_mean(name, known.iter().copied()) {
            Some(similar) => format!("did you mean `{similar}`?"),
            None => format!("expected one of: {}", known.join(", ")),
        };
        let place = if place.starts_with('[') {
            format!("`{place}`")
        } else {
            place.to_owned()
        };
        self.sink.push(
            Diagnostic::new(
                self.at(key.span()),
                format!("unknown key `{name}` in {place}"),
            )
            .help(help),
        );
    }

    /// Reports every key of `table` not in `known`.
    pub(super) fn check_keys(&mut self, table: &DeTable<'_>, place: &str, known: &[&str]) {
        for (key, _) in in_order(table) {
            if !known.contains(&key.get_ref().as_ref()) {
                self.unknown_key(key, place, known);
            }
        }
    }

    /// Reports that `what` must be `expected` but is another kind of value.
    pub(super) fn wrong_type(&mut self, value: &Value<'_>, what: &str, expected: &str) {
        let found = value.get_ref();
        self.sink.error(
            self.at(value.span()),
            format!("{what} must be {expected}, found {}", article(found)),
        );
    }

    /// `value` as a table, or a diagnostic naming `place`.
    pub(super) fn table<'t, 'i>(
        &mut self,
        value: &'t Value<'i>,
        place: &str,
    ) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, &format!("`{place}`"), "a table");
                None
            }
        }
    }

    /// The string at `key`, with where it is written (its span covers the quotes).
    pub(super) fn string(&mut self, table: &DeTable<'_>, key: &str) -> Option<(String, Location)> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), self.at(value.span()))),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "a string");
                None
            }
        }
    }

    /// The boolean at `key`.
    pub(super) fn bool(&mut self, table: &DeTable<'_>, key: &str) -> Option<(bool, Location)> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, self.at(value.span()))),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "`true` or `false`");
                None
            }
        }
    }

    /// The integer at `key`, when it fits an `i64`.
    pub(super) fn integer(&mut self, table: &DeTable<'_>, key: &str) -> Option<(i64, Location)> {
        let value = table.get(key)?;
        let at = self.at(value.span());
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some((n, at)),
                Err(_) => {
                    self.sink
                        .error(at, format!("`{key}` is too large for a 64-bit integer"));
                    None
                }
            },
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "an integer");
                None
            }
        }
    }

    /// A non-negative integer that fits `T`, for `[retry]` and `[circuit_breaker]`;
    /// where it is written is pushed onto `at` under `key`.
    pub(super) fn count<T: TryFrom<i64>>(
        &mut self,
        table: &DeTable<'_>,
        key: &'static str,
        at: &mut Vec<(&'static str, Location)>,
    ) -> Option<T> {
        let (n, loc) = self.integer(table, key)?;
        match T::try_from(n) {
            Ok(v) if n >= 0 => {
                at.push((key, loc));
                Some(v)
            }
            _ => {
                let max = if std::mem::size_of::<T>() == 4 {
                    u32::MAX.to_string()
                } else {
                    i64::MAX.to_string()
                };
                self.sink.error(
                    loc,
                    format!("`{key}` must be a whole number from 0 to {max}, found {n}"),
                );
                None
            }
        }
    }

    /// One of a fixed set of strings, each option spelled by `name`.
    pub(super) fn choice<T: Copy>(
        &mut self,
        value: &Value<'_>,
        key: &str,
        options: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let names: Vec<&str> = options.iter().map(|&o| name(o)).collect();
        self.choice_index(value, key, &names).map(|i| options[i])
    }

    /// [`Cx::choice`]'s body, compiled once: the index of the name `value` spells.
    fn choice_index(&mut self, value: &Value<'_>, key: &str, names: &[&str]) -> Option<usize> {
        let DeValue::String(text) = value.get_ref() else {
            let expected = format!("one of the strings {}", quoted_list(names));
            self.wrong_type(value, &format!("`{key}`"), &expected);
            return None;
        };
        if let Some(found) = names.iter().position(|&n| n == text.as_ref()) {
            return Some(found);
        }
        let help = match did_you_mean(text, names.iter().copied()) {
            Some(similar) => format!("did you mean `\"{similar}\"`?"),
            None => format!("use one of {}", quoted_list(names)),
        };
        self.sink.push(
            Diagnostic::new(self.at(value.span()), format!("unknown {key} `\"{text}\"`"))
                .help(help),
        );
        None
    }
}

/// Whether `table` lacks `key` because it is misspelt: an unknown key whose "did you
/// mean" is `key`, already reported with the fix.
pub(super) fn misspelt(table: &DeTable<'_>, key: &str, known: &[&str]) -> bool {
    table.iter().any(|(k, _)| {
        let k = k.get_ref().as_ref();
        !known.contains(&k) && did_you_mean(k, known.iter().copied()) == Some(key)
    })
}

/// A table's entries in the order they are written (the map itself is sorted by key).
pub(super) fn in_order<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn article(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`\"{n}\"`")).collect();
    quoted.join(", ")
}
