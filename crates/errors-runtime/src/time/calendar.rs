//! The proleptic Gregorian calendar, for timestamps: days since
//! 1970-01-01 to and from year, month and day.

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in `month` (1 to 12) of `year`.
pub(crate) fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The inverse of [`civil_from_days`].
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: days since 1970-01-01 counted the slow way, a year and a month at
    /// a time, with the leap rule written out again (not the era arithmetic above).
    fn counted_days(year: i64, month: i64, day: i64) -> i64 {
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let year_len = |y: i64| if leap(y) { 366 } else { 365 };
        let month_len = |y: i64, m: i64| match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            2 if leap(y) => 29,
            2 => 28,
            _ => 30,
        };
        let years: i64 = if year >= 1970 {
            (1970..year).map(year_len).sum()
        } else {
            -(year..1970).map(year_len).sum::<i64>()
        };
        years + (1..month).map(|m| month_len(year, m)).sum::<i64>() + day - 1
    }

    #[test]
    fn known_dates() {
        // Each from an outside source: the Unix epoch, the first day of the
        // Gregorian proleptic year 0, leap days of 2000 (a 400-year leap) and 2024,
        // 1900-03-01 (1900 is not a leap year), the last day RFC 3339 can write.
        for (date, days) in [
            ((1970, 1, 1), 0),
            ((1969, 12, 31), -1),
            ((2000, 2, 29), 11_016),
            ((2000, 3, 1), 11_017),
            ((2024, 2, 29), 19_782),
            ((1900, 3, 1), -25_508),
            ((0, 1, 1), -719_528),
            ((9999, 12, 31), 2_932_896),
        ] {
            let (y, m, d) = date;
            assert_eq!(days_from_civil(y, m, d), days, "{date:?}");
            assert_eq!(civil_from_days(days), date, "{days}");
        }
    }

    #[test]
    fn every_day_of_years_0_to_9999_against_a_plain_count() {
        // Walk every date RFC 3339 can write, keeping the oracle's count by adding
        // one per day, so the only arithmetic compared is the code under test's.
        let mut days = counted_days(0, 1, 1);
        for year in 0..=9999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    if day == 1 && month == 1 && year % 400 == 0 {
                        assert_eq!(days, counted_days(year, month, day), "{year}");
                    }
                    assert_eq!(
                        days_from_civil(year, month, day),
                        days,
                        "{year}-{month}-{day}"
                    );
                    assert_eq!(civil_from_days(days), (year, month, day), "{days}");
                    days += 1;
                }
            }
        }
        assert_eq!(days, counted_days(10_000, 1, 1));
    }

    #[test]
    fn month_lengths() {
        let lengths: Vec<i64> = (1..=12).map(|m| days_in_month(2023, m)).collect();
        assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
    }
}
