//! Idempotency keys: one per operation, sent with every attempt of it, so a retried
//! `POST` or `PATCH` cannot create a resource twice (seed 000: "Use the
//! Idempotency-Key header on POST and PATCH retries ... Any unique string up to 255
//! characters is fine — UUIDs are conventional").

use std::fmt;

/// The idempotency key of one operation: made once, before the first attempt, and
/// sent as the `Idempotency-Key` header of every attempt, so the server can tell a
/// retry from a new request.
///
/// `IdempotencyKey::new` (feature `idempotency-key`) makes a random UUID (version 4,
/// the conventional form) from the operating system's random source;
/// [`IdempotencyKey::parse`] takes a key of the application's own: 1 to 255 visible
/// ASCII characters, which any header can carry.
///
/// ```
/// use errors_runtime::retry::IdempotencyKey;
///
/// let key = IdempotencyKey::parse("order-2026-11-21-0042").unwrap();
/// // Every attempt of the operation sends the same key:
/// let sent: Vec<String> = (1..=3).map(|_attempt| key.to_string()).collect();
/// assert!(sent.iter().all(|k| k == key.as_str()));
///
/// assert!(IdempotencyKey::parse("").is_err());
/// assert!(IdempotencyKey::parse(&"k".repeat(256)).is_err());
/// assert!(IdempotencyKey::parse("two words").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdempotencyKey(Box<str>);

impl IdempotencyKey {
    /// The header a key is sent in.
    pub const HEADER: &'static str = "Idempotency-Key";

    /// The longest key a server must accept (seed 000).
    pub const MAX_LEN: usize = 255;

    /// A fresh random key (feature `idempotency-key`): a version 4 UUID such as
    /// `3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c`, from the operating system's random
    /// source (`getrandom`), so no key can be guessed from the keys a server has seen.
    ///
    /// ```
    /// use errors_runtime::retry::IdempotencyKey;
    ///
    /// let key = IdempotencyKey::new();
    /// assert_eq!(key.as_str().len(), 36); // 8-4-4-4-12 hexadecimal digits
    /// assert_ne!(key, IdempotencyKey::new());
    /// ```
    ///
    /// # Panics
    ///
    /// When the operating system has no random bytes to give, which the standard
    /// platforms never do once booted.
    #[cfg(feature = "idempotency-key")]
    pub fn new() -> Self {
        let bits = crate::random::secure::u128();
        // Version 4, variant 10xx (RFC 9562).
        let bits = (bits & !(0xF << 76)) | (0x4 << 76);
        let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
        let hex = format!("{bits:032x}");
        IdempotencyKey(
            format!(
                "{}-{}-{}-{}-{}",
                &hex[..8],
                &hex[8..12],
                &hex[12..16],
                &hex[16..20],
                &hex[20..]
            )
            .into(),
        )
    }

    /// A key of the application's own.
    ///
    /// # Errors
    ///
    /// When `key` is empty, longer than [`MAX_LEN`](Self::MAX_LEN) bytes, or holds
    /// anything but visible ASCII (`!` to `~`: no spaces, no control characters).
    pub fn parse(key: &str) -> Result<Self, InvalidIdempotencyKey> {
        if key.is_empty() || key.len() > Self::MAX_LEN {
            return Err(InvalidIdempotencyKey { len: key.len() });
        }
        if !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(InvalidIdempotencyKey { len: key.len() });
        }
        Ok(IdempotencyKey(key.into()))
    }

    /// The key, as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "idempotency-key")]
impl Default for IdempotencyKey {
    /// [`IdempotencyKey::new`].
    fn default() -> Self {
        IdempotencyKey::new()
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for IdempotencyKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A string that cannot be an idempotency key: see [`IdempotencyKey::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidIdempotencyKey {
    len: usize,
}

impl fmt::Display for InvalidIdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an idempotency key is 1 to {} visible ASCII characters (this one has {} bytes)",
            IdempotencyKey::MAX_LEN,
            self.len
        )
    }
}

impl std::error::Error for InvalidIdempotencyKey {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "idempotency-key")]
    #[test]
    fn new_keys_are_version_4_uuids_and_differ() {
        let keys: Vec<IdempotencyKey> = (0..1000).map(|_| IdempotencyKey::new()).collect();
        for key in &keys {
            let k = key.as_str();
            assert_eq!(k.len(), 36, "{k}");
            assert_eq!(&k[14..15], "4", "version: {k}");
            assert!(matches!(&k[19..20], "8" | "9" | "a" | "b"), "variant: {k}");
            assert!(IdempotencyKey::parse(k).is_ok());
        }
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len());
    }

    #[test]
    fn parse_takes_255_visible_characters_and_no_more() {
        assert!(IdempotencyKey::parse(&"k".repeat(255)).is_ok());
        let err = IdempotencyKey::parse(&"k".repeat(256)).unwrap_err();
        assert!(err.to_string().contains("256 bytes"), "{err}");
        for bad in ["", " ", "a b", "a\nb", "é", "tab\t"] {
            assert!(IdempotencyKey::parse(bad).is_err(), "{bad:?}");
        }
    }
}
