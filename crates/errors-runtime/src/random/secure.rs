//! Unpredictable random values from the operating system (`getrandom`): request ids
//! and idempotency keys.

/// 128 bits from the operating system's random source.
///
/// # Panics
///
/// When the operating system has no random bytes to give (`getrandom` fails: no
/// supported source, or a sandbox that forbids it). There is no safe value to fall
/// back on, and the standard platforms never fail here once booted; `uuid`'s
/// `new_v4` and `rand`'s thread generator make the same choice.
pub(crate) fn u128() -> u128 {
    let mut bytes = [0_u8; 16];
    if let Err(error) = getrandom::fill(&mut bytes) {
        panic!("the operating system's random source failed: {error}");
    }
    u128::from_le_bytes(bytes)
}

/// `len` random base62 characters (`0-9A-Za-z`); at most 21, which 128 bits cover.
#[cfg(feature = "axum")]
pub(crate) fn base62(len: usize) -> String {
    const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut bits = u128();
    (0..len.min(21))
        .map(|_| {
            let digit = DIGITS[(bits % 62) as usize];
            bits /= 62;
            char::from(digit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_differ_and_cover_every_bit() {
        let draws: Vec<u128> = (0..64).map(|_| u128()).collect();
        let mut unique = draws.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), draws.len());
        // 64 draws of fair bits: each bit is set in some and clear in some (a bit
        // stuck for all 64 has probability 2^-63).
        let (any, all) = draws
            .iter()
            .fold((0, u128::MAX), |(any, all), d| (any | d, all & d));
        assert_eq!((any, all), (u128::MAX, 0));
    }

    #[cfg(feature = "axum")]
    #[test]
    fn base62_is_base62() {
        let id = base62(20);
        assert_eq!(id.len(), 20);
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
        assert_ne!(base62(20), base62(20));
        assert_eq!(base62(40).len(), 21, "128 bits cover 21 characters");
    }
}
