//! The `Retry-After` response header (RFC 9110 section 10.2.3).

use std::time::{Duration, SystemTime};

/// A `Retry-After` header value (RFC 9110 section 10.2.3): a number of seconds, or an
/// HTTP-date.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use errors_runtime::retry::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("42"), Some(RetryAfter::Delay(Duration::from_secs(42))));
/// let date = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_747); // 08:49:07 that day
/// assert_eq!(date.delay_from(now), Duration::from_secs(30));
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `Retry-After: 120`
    Delay(Duration),
    /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a header value: delay-seconds (a run of digits; absurdly many saturate
    /// to `u64::MAX` seconds rather than fail), or an HTTP-date in any of the three
    /// formats RFC 9110 section 5.6.7 requires recipients to accept: IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`; two-digit years 70 to 99 are 19xx, the rest
    /// 20xx) and asctime (`Sun Nov  6 08:49:37 1994`), read by the `httpdate` crate:
    /// years 1970 to 9999, the day name matching the date. Surrounding whitespace is
    /// ignored; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim_matches([' ', '\t']);
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            let seconds = value.parse().unwrap_or(u64::MAX); // only digits: too big
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::Date)
    }

    /// How long to wait, seen from `now`; a date in the past is no wait.
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::Date(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }

    /// How long to wait from the current system time.
    pub fn delay(self) -> Duration {
        self.delay_from(SystemTime::now())
    }
}
