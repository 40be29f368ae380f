//! HTTP-dates (RFC 9110 section 5.6.7), as `Retry-After` may carry them.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::calendar::{days_from_civil, days_in_month};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An HTTP-date in any of the three formats RFC 9110 section 5.6.7 requires
/// recipients to accept, as a point in time; anything else is `None`.
pub(crate) fn parse_http_date(text: &str) -> Option<SystemTime> {
    let (year, month, day, time) = if let Some((name, rest)) = text.split_once(", ") {
        if DAYS.contains(&name) {
            // IMF-fixdate: 06 Nov 1994 08:49:37 GMT
            let mut parts = rest.split(' ');
            let day = digits(parts.next()?, 2)?;
            let month = month(parts.next()?)?;
            let year = digits(parts.next()?, 4)?;
            let time = parts.next()?;
            (parts.next()? == "GMT" && parts.next().is_none()).then_some(())?;
            (year, month, day, time)
        } else if LONG_DAYS.contains(&name) {
            // RFC 850: 06-Nov-94 08:49:37 GMT
            let (date, rest) = rest.split_once(' ')?;
            let time = rest.strip_suffix(" GMT")?;
            let mut parts = date.split('-');
            let day = digits(parts.next()?, 2)?;
            let month = month(parts.next()?)?;
            let yy = digits(parts.next()?, 2)?;
            parts.next().is_none().then_some(())?;
            let year = if yy >= 70 { 1900 + yy } else { 2000 + yy };
            (year, month, day, time)
        } else {
            return None;
        }
    } else {
        // asctime: Sun Nov  6 08:49:37 1994
        let b = text.as_bytes();
        if b.len() != 24 || !text.is_char_boundary(3) || !DAYS.contains(&&text[..3]) {
            return None;
        }
        if b[3] != b' ' || b[7] != b' ' || b[10] != b' ' || b[19] != b' ' {
            return None;
        }
        let month = month(text.get(4..7)?)?;
        let day = match text.get(8..10)? {
            d if d.starts_with(' ') => digits(&d[1..], 1)?,
            d => digits(d, 2)?,
        };
        (digits(text.get(20..)?, 4)?, month, day, text.get(11..19)?)
    };
    let t = time.as_bytes();
    if t.len() != 8 || t[2] != b':' || t[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        digits(&time[..2], 2)?,
        digits(&time[3..5], 2)?,
        digits(&time[6..], 2)?,
    );
    if day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    // Checked: a platform's `SystemTime` may not reach back to the year 0000.
    let magnitude = Duration::from_secs(seconds.unsigned_abs());
    if seconds >= 0 {
        UNIX_EPOCH.checked_add(magnitude)
    } else {
        UNIX_EPOCH.checked_sub(magnitude)
    }
}

/// Exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn month(name: &str) -> Option<i64> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as i64 + 1)
}
