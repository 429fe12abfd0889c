//! Timestamps as the workspace stores them: UTC, millisecond precision,
//! written as RFC 3339 text so that an exported file stays readable.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Earliest year a stored timestamp may carry.
pub const MIN_YEAR: i32 = 1970;
/// Latest year a stored timestamp may carry.
pub const MAX_YEAR: i32 = 9999;

/// A point in time, UTC, whole milliseconds, between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

/// Why a text or number is not a valid [`Timestamp`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    #[error("not an RFC 3339 date and time: {0}")]
    NotRfc3339(String),
    #[error("year {0} is outside {MIN_YEAR}..={MAX_YEAR}")]
    OutOfRange(i32),
    #[error("{0} milliseconds since 1970 is not a representable time")]
    NotRepresentable(i64),
}

impl Timestamp {
    /// Parses RFC 3339 text such as `2026-11-27T09:30:00.000Z` or
    /// `2026-11-27T10:30:00.5+01:00` (`T` or a space between date and
    /// time, any number of fraction digits, `Z` or an offset).
    ///
    /// Written out rather than chrono's parser, which with its formatting
    /// machinery costs every page of the app several KB (docs/PERFORMANCE.md);
    /// a test compares the two.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        let parsed =
            parse_rfc3339(text).ok_or_else(|| TimestampError::NotRfc3339(text.to_owned()))?;
        Self::checked(parsed)
    }

    /// Builds a timestamp from milliseconds since the Unix epoch (what
    /// `Date.now()` returns in the browser).
    pub fn from_millis(millis: i64) -> Result<Self, TimestampError> {
        let time = Utc
            .timestamp_millis_opt(millis)
            .single()
            .ok_or(TimestampError::NotRepresentable(millis))?;
        Self::checked(time)
    }

    fn checked(time: DateTime<Utc>) -> Result<Self, TimestampError> {
        let year = time.year();
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(TimestampError::OutOfRange(year));
        }
        // Keep millisecond precision only, so that text round-trips exactly.
        let millis = time.timestamp_millis();
        Ok(Self(
            Utc.timestamp_millis_opt(millis)
                .single()
                .ok_or(TimestampError::NotRepresentable(millis))?,
        ))
    }

    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// `2026-11-27T09:30:00.000Z`
    pub fn to_rfc3339(self) -> String {
        let t = self.0;
        format!(
            "{}T{:02}:{:02}:{:02}.{:03}Z",
            self.date_stamp(),
            t.hour(),
            t.minute(),
            t.second(),
            t.timestamp_subsec_millis()
        )
    }

    /// `2026-11-27`, for file names.
    pub fn date_stamp(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }

    /// Day and time for people in their own time zone (`offset_minutes`
    /// east of UTC, as the browser reports it): `27.11.2026, 09:30` (German)
    /// or `27 Nov 2026, 09:30` (English).
    pub fn display(self, style: crate::domain::NumberStyle, offset_minutes: i32) -> String {
        let offset = chrono::FixedOffset::east_opt(offset_minutes.clamp(-1080, 1080) * 60)
            .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset is valid"));
        let local = self.0.with_timezone(&offset);
        let (day, month, year) = (local.day(), local.month(), local.year());
        let (hour, minute) = (local.hour(), local.minute());
        match style {
            crate::domain::NumberStyle::German => {
                format!("{day:02}.{month:02}.{year}, {hour:02}:{minute:02}")
            }
            crate::domain::NumberStyle::English => {
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                let name = MONTHS[(month - 1) as usize];
                format!("{day} {name} {year}, {hour:02}:{minute:02}")
            }
        }
    }
}

/// RFC 3339 date and time, e.g. `2026-11-27T09:30:00.123Z`.
fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let at = |index: usize, expected: &[u8]| bytes.get(index).is_some_and(|b| expected.contains(b));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    // A leap second (":60") counts as the last millisecond before the next minute.
    let (second, leap) = if second == 60 {
        (59, true)
    } else {
        (second, false)
    };
    let mut rest = &text[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        for (place, b) in fraction.bytes().take(digits.min(9)).enumerate() {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - place as u32);
        }
        rest = &fraction[digits..];
    }
    if leap {
        nanos += 1_000_000_000;
    }
    let offset_seconds = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| -> Option<i32> {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i32::from(a - b'0') * 10 + i32::from(b - b'0'))
            };
            let (hours, minutes) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    let utc = local.and_utc() - chrono::Duration::seconds(i64::from(offset_seconds));
    Some(utc)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A calendar day without time of day, written `YYYY-MM-DD` (what a date
/// field of the browser gives), between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(NaiveDate);

impl Day {
    /// Parses `YYYY-MM-DD`; anything else, or an impossible date, is `None`.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = number(0..4)? as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?).map(Day)
    }

    /// The day of a timestamp, in UTC.
    pub fn of(at: Timestamp) -> Day {
        Day(at.0.date_naive())
    }

    /// The day `days` later (earlier when negative); `None` beyond the
    /// supported years.
    pub fn plus_days(self, days: i64) -> Option<Day> {
        let day = self
            .0
            .checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
        (MIN_YEAR..=MAX_YEAR)
            .contains(&day.year())
            .then_some(Day(day))
    }

    /// The same day `months` later; the last day of the month when that
    /// month is shorter (31 January + 1 → 28 or 29 February). `None`
    /// beyond the supported years.
    pub fn plus_months(self, months: u32) -> Option<Day> {
        let day = self.0.checked_add_months(chrono::Months::new(months))?;
        (MIN_YEAR..=MAX_YEAR)
            .contains(&day.year())
            .then_some(Day(day))
    }

    /// The day's year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The day's month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The first day of the day's month.
    pub fn first_of_month(self) -> Day {
        Day(self.0.with_day(1).unwrap_or(self.0))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }

    /// The day as people read it: `27.11.2026` in German, `2026-11-27` in
    /// English (unambiguous for readers on both sides of the Atlantic).
    pub fn display(self, german: bool) -> String {
        if german {
            format!(
                "{:02}.{:02}.{:04}",
                self.0.day(),
                self.0.month(),
                self.0.year()
            )
        } else {
            self.iso()
        }
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse(&text).ok_or_else(|| serde::de::Error::custom("not a date (YYYY-MM-DD)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_only_real_calendar_days() {
        assert_eq!(Day::parse("2026-02-28").unwrap().iso(), "2026-02-28");
        assert_eq!(
            Day::parse("2028-02-29").unwrap().display(true),
            "29.02.2028"
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "+026-01-01",
            "1969-12-31",
            "",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        let new_year = Day::parse("2027-01-01").unwrap();
        assert_eq!(Day::parse("2026-12-31").unwrap().days_until(new_year), 1);
        assert_eq!(new_year.days_until(Day::parse("2026-10-03").unwrap()), -90);
        assert_eq!(
            Day::parse("2026-12-20").unwrap().plus_days(14),
            Some(Day::parse("2027-01-03").unwrap())
        );
        assert_eq!(Day::parse("9999-12-31").unwrap().plus_days(1), None);
    }

    #[test]
    fn rfc3339_text_round_trips_with_milliseconds() {
        let t = Timestamp::parse("2026-11-27T09:30:00.123Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-27T09:30:00.123Z");
        assert_eq!(Timestamp::from_millis(t.millis()).unwrap(), t);
    }

    #[test]
    fn offsets_are_normalised_to_utc() {
        let t = Timestamp::parse("2026-11-27T10:30:00+01:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-27T09:30:00.000Z");
    }

    #[test]
    fn years_outside_the_supported_range_are_rejected() {
        assert_eq!(
            Timestamp::parse("1969-12-31T23:59:59Z"),
            Err(TimestampError::OutOfRange(1969))
        );
        assert!(Timestamp::from_millis(i64::MAX).is_err());
        assert!(Timestamp::parse("27.11.2026").is_err());
    }

    /// The written-out parser agrees with chrono's RFC 3339 parser.
    #[test]
    fn parsing_agrees_with_chrono() {
        let texts = [
            "2026-11-27T09:30:00Z",
            "2026-11-27T09:30:00.123Z",
            "2026-11-27t09:30:00.123456789z",
            "2026-11-27 09:30:00.5+01:00",
            "2026-11-27T00:10:00-05:30",
            "2024-02-29T23:59:59.999+14:00",
            "2016-12-31T23:59:60Z",
            "1970-01-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27T09:30:00",
            "2026-11-27T09:30:00.Z",
            "2026-11-27T09:30:00+0100",
            "2026-11-27T09:30:00+24:00",
            "2026-11-27T09:30Z",
            "26-11-27T09:30:00Z",
            "2026-11-27T09:30:00Z ",
            "２０２６-11-27T09:30:00Z",
            "",
        ];
        for text in texts {
            let chrono = DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|t| t.with_timezone(&Utc));
            assert_eq!(parse_rfc3339(text), chrono, "{text}");
        }
    }

    #[test]
    fn display_follows_the_language_convention() {
        let t = Timestamp::parse("2026-03-04T05:06:00Z").unwrap();
        assert_eq!(
            t.display(crate::domain::NumberStyle::German, 60),
            "04.03.2026, 06:06"
        );
        assert_eq!(
            t.display(crate::domain::NumberStyle::English, 0),
            "4 Mar 2026, 05:06"
        );
        assert_eq!(t.date_stamp(), "2026-03-04");
    }
}
