//! Non-finite `f64` detail values on the wire: the rule, and its three spellings.
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
//!
//! [`details_write`](super::details_write) writes detail values under it and
//! [`details_read`](super::details_read) reads them back.

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
pub(crate) fn parse(text: &str) -> Option<f64> {
    match text {
        NAN => Some(f64::NAN),
        INFINITY => Some(f64::INFINITY),
        NEG_INFINITY => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_non_finite_value_has_one_spelling_that_parses_back() {
        assert_eq!(name(f64::NAN), Some("NaN"));
        assert_eq!(name(-f64::NAN), Some("NaN"));
        assert_eq!(name(f64::INFINITY), Some("Infinity"));
        assert_eq!(name(f64::NEG_INFINITY), Some("-Infinity"));
        for finite in [0.0, -0.0, 1.5, f64::MAX, f64::MIN_POSITIVE] {
            assert_eq!(name(finite), None, "{finite}");
        }
        assert!(parse("NaN").is_some_and(f64::is_nan));
        assert_eq!(parse("Infinity"), Some(f64::INFINITY));
        assert_eq!(parse("-Infinity"), Some(f64::NEG_INFINITY));
        for other in ["nan", "inf", "+Infinity", " NaN", ""] {
            assert_eq!(parse(other), None, "{other:?}");
        }
    }
}
