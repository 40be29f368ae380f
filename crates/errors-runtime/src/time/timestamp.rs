//! RFC 3339 timestamps in UTC with milliseconds, as every envelope style writes them.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::calendar::{civil_from_days, days_from_civil, days_in_month};

/// A point in time, written as RFC 3339 UTC with milliseconds:
/// `2026-11-21T10:00:00.000Z`.
///
/// RFC 3339 writes years with exactly four digits, so a timestamp lies between
/// [`Timestamp::MIN`] (`0000-01-01T00:00:00.000Z`) and [`Timestamp::MAX`]
/// (`9999-12-31T23:59:59.999Z`): the constructors clamp to that range, and
/// [`Timestamp::parse`] refuses text that designates an instant outside it (such as
/// `0000-01-01T00:00:00+01:00`). So every timestamp is written as text that
/// [`Timestamp::parse`], and every decoder of the envelope, reads back to it.
///
/// ```
/// use errors_runtime::Timestamp;
/// let t = Timestamp::from_unix_millis(1_795_255_200_000);
/// assert_eq!(t.to_string(), "2026-11-21T10:00:00.000Z");
/// assert_eq!(Timestamp::from_unix_millis(i64::MAX), Timestamp::MAX);
/// assert_eq!(Timestamp::MAX.to_string(), "9999-12-31T23:59:59.999Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    unix_millis: i64,
}

impl Timestamp {
    /// The earliest timestamp: `0000-01-01T00:00:00.000Z`.
    pub const MIN: Timestamp = Timestamp {
        unix_millis: -62_167_219_200_000,
    };

    /// The latest timestamp: `9999-12-31T23:59:59.999Z`.
    pub const MAX: Timestamp = Timestamp {
        unix_millis: 253_402_300_799_999,
    };

    /// The current time (clamped as [`Timestamp::from_unix_millis`], should the
    /// clock be that far off).
    pub fn now() -> Self {
        SystemTime::now().into()
    }

    /// Milliseconds since 1970-01-01T00:00:00Z (negative before it), clamped to
    /// [`Timestamp::MIN`] ..= [`Timestamp::MAX`].
    pub const fn from_unix_millis(unix_millis: i64) -> Self {
        if unix_millis < Self::MIN.unix_millis {
            Self::MIN
        } else if unix_millis > Self::MAX.unix_millis {
            Self::MAX
        } else {
            Timestamp { unix_millis }
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, or `None` outside
    /// [`Timestamp::MIN`] ..= [`Timestamp::MAX`].
    ///
    /// ```
    /// use errors_runtime::Timestamp;
    /// assert!(Timestamp::try_from_unix_millis(0).is_some());
    /// assert!(Timestamp::try_from_unix_millis(300_000_000_000_000).is_none()); // year 11476
    /// ```
    pub const fn try_from_unix_millis(unix_millis: i64) -> Option<Self> {
        if unix_millis < Self::MIN.unix_millis || unix_millis > Self::MAX.unix_millis {
            None
        } else {
            Some(Timestamp { unix_millis })
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub const fn unix_millis(self) -> i64 {
        self.unix_millis
    }

    /// Parses RFC 3339 (`2026-11-21T10:00:00.000Z`, any offset, any fraction digits,
    /// kept to milliseconds). Text that designates an instant outside
    /// [`Timestamp::MIN`] ..= [`Timestamp::MAX`] is `None`.
    ///
    /// ```
    /// use errors_runtime::Timestamp;
    /// let t = Timestamp::parse("2026-11-21T11:00:00.5+01:00").unwrap();
    /// assert_eq!(t.to_string(), "2026-11-21T10:00:00.500Z");
    /// assert!(Timestamp::parse("yesterday").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = b.get(range)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            std::str::from_utf8(part).ok()?.parse().ok()
        };
        let sep = |i: usize, options: &[u8]| b.get(i).is_some_and(|c| options.contains(c));
        if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
            return None;
        }
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut i = 19;
        let mut millis = 0;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            let digits = &text[start..i.min(start + 3)];
            millis = digits.parse::<i64>().ok()? * 10_i64.pow(3 - digits.len() as u32);
        }
        let offset_minutes = match b.get(i) {
            Some(b'Z' | b'z') if i + 1 == b.len() => 0,
            Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() && sep(i + 3, b":") => {
                let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = h * 60 + m;
                if sign == b'+' { minutes } else { -minutes }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
        Timestamp::try_from_unix_millis(seconds * 1000 + millis)
    }
}

impl From<SystemTime> for Timestamp {
    /// The time to the millisecond (rounded towards the past), clamped to
    /// [`Timestamp::MIN`] ..= [`Timestamp::MAX`].
    fn from(time: SystemTime) -> Self {
        let millis = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            // Round towards the past, like the positive case.
            Err(before) => {
                let d = before.duration();
                let ms = i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
                if d.subsec_nanos() % 1_000_000 == 0 {
                    -ms
                } else {
                    -ms - 1
                }
            }
        };
        Timestamp::from_unix_millis(millis)
    }
}

impl From<Timestamp> for SystemTime {
    /// The same instant. A platform whose `SystemTime` does not reach that far back
    /// (Windows' starts in 1601) gets the earliest whole second before the epoch that
    /// it can hold, never a panic.
    fn from(t: Timestamp) -> Self {
        let magnitude = Duration::from_millis(t.unix_millis.unsigned_abs());
        if t.unix_millis >= 0 {
            // Year 9999 is within every platform's range.
            UNIX_EPOCH.checked_add(magnitude).unwrap_or(UNIX_EPOCH)
        } else {
            UNIX_EPOCH.checked_sub(magnitude).unwrap_or_else(|| {
                let before = |secs| UNIX_EPOCH.checked_sub(Duration::from_secs(secs));
                // Binary search: `low` seconds back fit, `high` do not.
                let (mut low, mut high) = (0, magnitude.as_secs());
                while high - low > 1 {
                    let middle = low + (high - low) / 2;
                    if before(middle).is_some() {
                        low = middle;
                    } else {
                        high = middle;
                    }
                }
                before(low).unwrap_or(UNIX_EPOCH)
            })
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let millis = self.unix_millis.rem_euclid(1000);
        let seconds = self.unix_millis.div_euclid(1000);
        let days = seconds.div_euclid(86_400);
        let in_day = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
            in_day / 3600,
            in_day / 60 % 60,
            in_day % 60
        )
    }
}

impl serde_core::Serialize for Timestamp {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde_core::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde_core::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde_core::de::Error::custom("expected an RFC 3339 timestamp"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (951_782_400_123, "2000-02-29T00:00:00.123Z"),
            (1_795_255_200_000, "2026-11-21T10:00:00.000Z"),
            (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
        ];
        for (millis, text) in cases {
            let t = Timestamp::from_unix_millis(millis);
            assert_eq!(t.to_string(), text);
            assert_eq!(Timestamp::parse(text), Some(t), "{text}");
        }
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "2026-11-21",
            "2026-11-21T10:00:00",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T10:00:00.Z",
            "2026-11-21T10:00:00+1:00",
            "2026-11-21T10:00:00Zjunk",
            "２０２６-11-21T10:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn system_time_round_trips_at_millisecond_precision() {
        let before_epoch = UNIX_EPOCH - Duration::from_micros(1500);
        assert_eq!(Timestamp::from(before_epoch).unix_millis(), -2);
        let t = Timestamp::from_unix_millis(1_795_255_200_123);
        assert_eq!(Timestamp::from(SystemTime::from(t)), t);
    }
}
