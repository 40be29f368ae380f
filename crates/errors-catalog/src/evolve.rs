//! How a catalog evolves (SPEC 9.4): the table form of `deprecated`, and where the
//! keys validation cross-checks (`aliases`, `deprecated.replacement`) are written.

use crate::source::Location;

/// What `deprecated = { since = "2.3", replacement = "NEW_CODE", remove_after =
/// "2027-06-01" }` says; every key is optional.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     r#"
///     [errors.QUOTA_EXCEEDED]
///     status = 429
///     message = "Quota exceeded."
///
///     [errors.OLD_THING]
///     status = 410
///     message = "Gone."
///     deprecated = { since = "2.3", replacement = "QUOTA_EXCEEDED", remove_after = "2027-06-01" }
///     "#,
/// )
/// .unwrap();
/// let old = catalog.error("OLD_THING").unwrap();
/// let deprecation = old.deprecation.as_ref().unwrap();
/// assert_eq!(deprecation.replacement.as_deref(), Some("QUOTA_EXCEEDED"));
/// assert_eq!(
///     old.deprecated.as_deref(),
///     Some("Use QUOTA_EXCEEDED instead. Deprecated since 2.3; to be removed after 2027-06-01.")
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Deprecation {
    /// The version that deprecated the code.
    pub since: Option<String>,
    /// The code to use instead.
    pub replacement: Option<String>,
    /// The day after which the code may be removed, `YYYY-MM-DD`. Documentation only:
    /// nothing reads the clock.
    pub remove_after: Option<String>,
}

impl Deprecation {
    /// A deprecation saying what is given.
    pub fn new(
        since: Option<String>,
        replacement: Option<String>,
        remove_after: Option<String>,
    ) -> Self {
        Deprecation {
            since,
            replacement,
            remove_after,
        }
    }

    /// The note rustdoc, `#[deprecated]` and the reference show: what to use
    /// instead, since when, until when; empty when the table says nothing.
    pub fn note(&self) -> String {
        let mut parts = Vec::new();
        if let Some(code) = &self.replacement {
            parts.push(format!("Use {code} instead."));
        }
        let when = match (&self.since, &self.remove_after) {
            (Some(since), Some(date)) => Some(format!(
                "Deprecated since {since}; to be removed after {date}."
            )),
            (Some(since), None) => Some(format!("Deprecated since {since}.")),
            (None, Some(date)) => Some(format!("To be removed after {date}.")),
            (None, None) => None,
        };
        parts.extend(when);
        parts.join(" ")
    }
}

/// Where `aliases` and `deprecated.replacement` of an error are written.
#[derive(Clone, Debug, Default)]
pub(crate) struct EvolveLocations {
    /// Each alias, in the order written.
    pub(crate) aliases: Vec<Location>,
    /// `replacement = "..."`.
    pub(crate) replacement: Option<Location>,
}

/// Whether `text` is a calendar date written `YYYY-MM-DD`.
pub(crate) fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return false;
    }
    if !digits(8..10) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2027-06-01"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2100-02-29"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("2027-13-01"));
        assert!(!is_date("2027-00-10"));
        assert!(!is_date("2027-06-31"));
        assert!(!is_date("2027-6-1"));
        assert!(!is_date("27-06-01xx"));
        assert!(!is_date("2027/06/01"));
        assert!(!is_date("２０２７-06-01"));
    }

    #[test]
    fn notes() {
        let full = Deprecation::new(
            Some("2.3".into()),
            Some("NEW".into()),
            Some("2027-06-01".into()),
        );
        assert_eq!(
            full.note(),
            "Use NEW instead. Deprecated since 2.3; to be removed after 2027-06-01."
        );
        assert_eq!(
            Deprecation::new(None, None, Some("2027-06-01".into())).note(),
            "To be removed after 2027-06-01."
        );
        assert_eq!(Deprecation::default().note(), "");
    }
}
