//! Suggestions: "did you mean" for misspelt keys, codes and field names, and a valid
//! code spelled from one that is not.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
///
/// Closeness is the edit distance (insertions, deletions, substitutions and swaps of
/// adjacent characters), compared case-insensitively; a candidate qualifies when the
/// distance is at most a third of the longer word (and at least 1), when the two
/// differ only in case, `-`/`_` or word order of `_`-separated parts, or when one is a
/// prefix of the other of at least three characters (`open` for `open_ms`).
///
/// ```
/// use errors_catalog::suggest::did_you_mean;
/// let keys = ["status", "message", "retryable"];
/// assert_eq!(did_you_mean("stauts", keys), Some("status"));
/// assert_eq!(did_you_mean("Message", keys), Some("message"));
/// assert_eq!(did_you_mean("colour", keys), None);
/// ```
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // One compiled body for every caller's iterator type: a generic one would be
    // compiled again for each, in the proc macro every user builds.
    closest(word, &mut candidates.into_iter())
}

fn closest<'a>(word: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let word_norm = normalize(word);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let cand_norm = normalize(candidate);
        let distance = if cand_norm == word_norm || same_parts(&cand_norm, &word_norm) {
            0
        } else if is_prefix(&word_norm, &cand_norm) {
            1
        } else {
            let limit = (word_norm.chars().count().max(cand_norm.chars().count()) / 3).max(1);
            match edit_distance(&word_norm, &cand_norm, limit) {
                Some(d) => d,
                None => continue,
            }
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn normalize(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `open` and `open_ms`: the shorter, at least three characters, starts the longer.
fn is_prefix(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 3 && long.starts_with(short)
}

/// `limit_error` and `error_limit` are the same words in another order.
fn same_parts(a: &str, b: &str) -> bool {
    if !a.contains('_') {
        return false;
    }
    let mut pa: Vec<&str> = a.split('_').collect();
    let mut pb: Vec<&str> = b.split('_').collect();
    pa.sort_unstable();
    pb.sort_unstable();
    pa == pb
}

/// Optimal string alignment distance, or `None` once it is sure to exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

/// Why a text could not be spelled as a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unspellable {
    /// A letter or digit outside ASCII with no ASCII spelling here, such as `東`.
    Foreign(char),
    /// What is left starts with a digit (`1X`).
    LeadingDigit,
    /// No letter or digit is left (`404` is left alone, `_` is not).
    Empty,
}

/// A valid code spelled from `text`, keeping every letter and digit in order: Latin
/// letters with diacritics written in ASCII (`Ü` -> `UE`, `é` -> `e`, `ß` -> `ss`),
/// combining marks dropped, any other character that is no letter or digit made
/// `_`, and `_` trimmed from both ends.
///
/// It does not guess: a text whose letters have no ASCII spelling, or that would
/// start with a digit, gets no code but the reason.
pub(crate) fn spell_code(text: &str) -> Result<String, Unspellable> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if is_combining_mark(c) {
            continue;
        } else if let Some((ascii, upper)) = latin_letter(c) {
            let next_is_lower = chars.peek().is_some_and(|n| n.is_lowercase());
            for (i, a) in ascii.chars().enumerate() {
                // `Ü` is `UE` in `ÜBER` and `Ue` in `Über`.
                let upper = upper && (i == 0 || !next_is_lower);
                out.push(if upper { a.to_ascii_uppercase() } else { a });
            }
        } else if c.is_alphanumeric() {
            return Err(Unspellable::Foreign(c));
        } else {
            out.push('_');
        }
    }
    let code = out.trim_matches('_');
    match code.chars().next() {
        None => Err(Unspellable::Empty),
        Some(first) if first.is_ascii_digit() => Err(Unspellable::LeadingDigit),
        Some(_) => Ok(code.to_owned()),
    }
}

/// Combining diacritical marks (U+0300..=U+036F): `U` followed by U+0308 is `Ü`.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The ASCII spelling of a Latin letter with a diacritic (lower case), and whether
/// the letter is upper case.
fn latin_letter(c: char) -> Option<(&'static str, bool)> {
    if c == 'İ' {
        return Some(("i", true));
    }
    let mut lower = c.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return None;
    };
    let ascii = match l {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ä' | 'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ŏ' | 'ő' | 'ø' => "o",
        'ö' | 'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ü' => "ue",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some((ascii, l != c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_swaps_as_one_edit() {
        assert_eq!(edit_distance("stauts", "status", 5), Some(1));
        assert_eq!(edit_distance("kitten", "sitting", 5), Some(3));
        assert_eq!(edit_distance("kitten", "sitting", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
    }

    #[test]
    fn picks_the_closest_candidate() {
        let c = ["retry_after", "retryable", "category"];
        assert_eq!(did_you_mean("retry_afer", c), Some("retry_after"));
        assert_eq!(did_you_mean("retryabel", c), Some("retryable"));
        assert_eq!(did_you_mean("RETRY-AFTER", c), Some("retry_after"));
        assert_eq!(did_you_mean("after_retry", c), Some("retry_after"));
        assert_eq!(did_you_mean("categ", c), Some("category"));
        assert_eq!(did_you_mean("zzz", c), None);
        // An exact match is not a suggestion.
        assert_eq!(did_you_mean("category", c), None);
    }

    #[test]
    fn short_words_allow_one_edit() {
        assert_eq!(did_you_mean("tpe", ["type", "wire"]), Some("type"));
        assert_eq!(did_you_mean("ab", ["xy"]), None);
    }

    #[test]
    fn codes_are_spelled_in_ascii_without_losing_letters() {
        assert_eq!(spell_code("ÜBER"), Ok("UEBER".to_owned()));
        assert_eq!(spell_code("Über_Größe"), Ok("Ueber_Groesse".to_owned()));
        assert_eq!(spell_code("CAFÉ"), Ok("CAFE".to_owned()));
        assert_eq!(spell_code("STRAẞE"), Ok("STRASSE".to_owned()));
        assert_eq!(spell_code("U\u{308}BER"), Ok("UBER".to_owned()));
        assert_eq!(spell_code("rate-limited"), Ok("rate_limited".to_owned()));
        assert_eq!(spell_code("_HIDDEN_"), Ok("HIDDEN".to_owned()));
        assert_eq!(spell_code("ERR東"), Err(Unspellable::Foreign('東')));
        assert_eq!(spell_code("1X"), Err(Unspellable::LeadingDigit));
        assert_eq!(spell_code("404"), Err(Unspellable::LeadingDigit));
        assert_eq!(spell_code("_-_"), Err(Unspellable::Empty));
    }
}
