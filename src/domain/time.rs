//! Timestamps as the workspace stores them: UTC, millisecond precision,
//! written as RFC 3339 text so that an exported file stays readable.

use chrono::{DateTime, Datelike, SecondsFormat, TimeZone, Utc};
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
    /// Parses RFC 3339 text such as `2026-11-27T09:30:00.000Z`.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        let parsed = DateTime::parse_from_rfc3339(text)
            .map_err(|_| TimestampError::NotRfc3339(text.to_owned()))?
            .with_timezone(&Utc);
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
        self.0.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// `2026-11-27`, for file names.
    pub fn date_stamp(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    /// Day and time for people in their own time zone (`offset_minutes`
    /// east of UTC, as the browser reports it): `27.11.2026, 09:30` (German)
    /// or `27 Nov 2026, 09:30` (English).
    pub fn display(self, style: crate::domain::NumberStyle, offset_minutes: i32) -> String {
        let offset = chrono::FixedOffset::east_opt(offset_minutes.clamp(-1080, 1080) * 60)
            .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset is valid"));
        let local = self.0.with_timezone(&offset);
        match style {
            crate::domain::NumberStyle::German => local.format("%d.%m.%Y, %H:%M").to_string(),
            crate::domain::NumberStyle::English => local.format("%-d %b %Y, %H:%M").to_string(),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
