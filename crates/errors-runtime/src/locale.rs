//! Messages in the catalog's other languages (SPEC 9.4): which locale a tag or an
//! `Accept-Language` header names, and the template of a code in one (an error
//! rendered in one is [`Localized`](crate::Localized)).
//!
//! A locale is an index in [`CatalogMeta::locales`]; `None` stands for the primary
//! language, which renders through the error's own `Display` with nothing extra.

use crate::meta::{CatalogMeta, ErrorMeta, Piece};

/// At most this many entries of an `Accept-Language` header are read: a hostile
/// header costs bounded work.
const MAX_LANGUAGE_RANGES: usize = 32;

impl CatalogMeta {
    /// The locale `tag` names: an exact match of one of [`CatalogMeta::locales`]
    /// (ignoring case), else of a shorter prefix of its subtags (`fr-CA` finds `fr`).
    /// `None` for the primary language and for a language the catalog does not have.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("tests/catalogs/locales.toml"); }
    /// let catalog = api::ApiError::catalog();
    /// assert_eq!(catalog.locales, ["fr", "pt-BR"]);
    /// assert_eq!(catalog.locale("fr"), Some(0));
    /// assert_eq!(catalog.locale("FR-ca"), Some(0));
    /// assert_eq!(catalog.locale("pt-BR"), Some(1));
    /// assert_eq!(catalog.locale("pt"), None);
    /// assert_eq!(catalog.locale("en"), None);
    /// ```
    pub fn locale(&self, tag: &str) -> Option<usize> {
        let mut tag = tag.trim();
        loop {
            if tag.eq_ignore_ascii_case(self.language) {
                return None;
            }
            if let Some(i) = self
                .locales
                .iter()
                .position(|l| l.eq_ignore_ascii_case(tag))
            {
                return Some(i);
            }
            tag = &tag[..tag.rfind('-')?];
        }
    }

    /// The locale to answer a request with, from its `Accept-Language` header
    /// (RFC 9110 section 12.5.4): the language ranges by descending weight, the
    /// first that names the primary language (or `*`) or one of the catalog's
    /// locales decides; `None` (the primary language) when none does.
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("tests/catalogs/locales.toml"); }
    /// let catalog = api::ApiError::catalog();
    /// assert_eq!(catalog.negotiate("de, fr;q=0.8, en;q=0.5"), Some(0));
    /// assert_eq!(catalog.negotiate("en-GB, fr;q=0.9"), None);
    /// assert_eq!(catalog.negotiate("fr;q=0, pt-BR;q=0.1"), Some(1));
    /// assert_eq!(catalog.negotiate("de"), None);
    /// ```
    pub fn negotiate(&self, accept_language: &str) -> Option<usize> {
        let mut ranges: Vec<(&str, u16)> = accept_language
            .split(',')
            .take(MAX_LANGUAGE_RANGES)
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let tag = parts.next()?.trim();
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                    .map_or(Some(1000), weight)?;
                (!tag.is_empty() && weight > 0).then_some((tag, weight))
            })
            .collect();
        // Stable: equal weights keep the client's order.
        ranges.sort_by_key(|&(_, weight)| std::cmp::Reverse(weight));
        for (tag, _) in ranges {
            if tag == "*" {
                return None;
            }
            match self.locale(tag) {
                Some(i) => return Some(i),
                None if self.speaks_primary(tag) => return None,
                None => {}
            }
        }
        None
    }

    /// The tag to send as `Content-Language` for `locale`.
    pub fn language_of(&self, locale: Option<usize>) -> &'static str {
        locale
            .and_then(|i| self.locales.get(i).copied())
            .unwrap_or(self.language)
    }

    /// Whether `tag` names the primary language or a variant of it (`en-GB` for `en`).
    fn speaks_primary(&self, tag: &str) -> bool {
        let primary = self.language;
        tag.eq_ignore_ascii_case(primary)
            || (tag.len() > primary.len()
                && tag.as_bytes()[primary.len()] == b'-'
                && tag[..primary.len()].eq_ignore_ascii_case(primary))
    }
}

/// A `q` value as thousandths, or `None` when it is not one (RFC 9110's `weight`:
/// `0` to `1` with at most three decimals).
fn weight(q: &str) -> Option<u16> {
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{frac:0<3}").parse::<u16>().ok()?;
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl ErrorMeta {
    /// The parsed template of this code's message in `locale` (the primary one for
    /// `None` or a language it has no translation into).
    pub fn pieces_in(&self, catalog: &CatalogMeta, locale: Option<usize>) -> &'static [Piece] {
        let tag = locale.and_then(|i| catalog.locales.get(i));
        tag.and_then(|tag| self.translations.iter().find(|t| t.locale == *tag))
            .map_or(self.pieces, |t| t.pieces)
    }
}

#[cfg(test)]
mod tests {
    use super::weight;

    #[test]
    fn weights() {
        assert_eq!(weight("1"), Some(1000));
        assert_eq!(weight("1.000"), Some(1000));
        assert_eq!(weight("0.8"), Some(800));
        assert_eq!(weight("0.125"), Some(125));
        assert_eq!(weight("0"), Some(0));
        for bad in ["1.5", "2", "0.1234", "-0.1", "abc", "", "0.x"] {
            assert_eq!(weight(bad), None, "{bad}");
        }
    }
}
