//! Reading and writing amounts the way German and English users type them.

/// Which convention numbers follow on screen and in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1.234.567,89` — thousands dot, decimal comma.
    German,
    /// `1,234,567.89` — thousands comma, decimal point.
    English,
}

impl NumberStyle {
    fn separators(self) -> (char, char) {
        match self {
            NumberStyle::German => ('.', ','),
            NumberStyle::English => (',', '.'),
        }
    }
}

/// Formats a whole-euro amount with thousands separators: `1.234.567 €` or `€1,234,567`.
/// Cents are rounded away: account revenue is planned in whole euros.
pub fn format_amount(value: f64, style: NumberStyle) -> String {
    let rounded = value.round();
    let sign = if rounded < 0.0 { "-" } else { "" };
    let number = format_whole(rounded.abs(), style);
    match style {
        NumberStyle::German => format!("{sign}{number} €"),
        NumberStyle::English => format!("{sign}€{number}"),
    }
}

/// Formats a whole number with thousands separators: `1.234.567` or
/// `1,234,567` (a count, such as employees). Fractions are rounded away.
pub fn format_whole(value: f64, style: NumberStyle) -> String {
    let (thousands, _) = style.separators();
    let rounded = value.round();
    let negative = rounded < 0.0;
    let digits = format!("{:.0}", rounded.abs());
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    format!("{sign}{grouped}")
}

/// A number with up to two decimals and thousands separators (`1.234,5`,
/// `-0,25`, `40`), written with whole numbers only: formatting an `f64`
/// would cost each page that shows it about 5 KB gzip.
pub fn format_decimal(value: f64, style: NumberStyle) -> String {
    let (thousands, mark) = style.separators();
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, fraction) = (
        hundredths.unsigned_abs() / 100,
        hundredths.unsigned_abs() % 100,
    );
    let digits = whole.to_string();
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    match fraction {
        0 => {}
        f if f % 10 == 0 => {
            out.push(mark);
            out.push_str(&(f / 10).to_string());
        }
        f => {
            out.push(mark);
            out.push_str(&format!("{f:02}"));
        }
    }
    out
}

/// Why typed text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountParseError {
    #[error("not a number")]
    NotANumber,
}

/// Parses what a user typed into an amount field. Accepts the style's own
/// separators, a trailing or leading `€`, spaces, and plain digits.
/// An empty field is `Ok(None)`.
pub fn parse_amount(text: &str, style: NumberStyle) -> Result<Option<f64>, AmountParseError> {
    let (thousands, decimal) = style.separators();
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != thousands && *c != '\u{a0}')
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(AmountParseError::NotANumber);
    }
    let value = parse_decimal(&cleaned).ok_or(AmountParseError::NotANumber)?;
    if value.is_finite() {
        Ok(Some(value))
    } else {
        Err(AmountParseError::NotANumber)
    }
}

/// Powers of ten that are exact in an `f64`.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a decimal number as people and number fields write it: `1250`,
/// `-1250.50`, `.5`, `2.5e3`. With up to 15 significant digits and a
/// decimal exponent within ±22 -- every amount, percentage and rating a
/// user types -- the result is exactly `str::parse::<f64>`'s (one correctly
/// rounded multiplication or division; a test compares the two). Longer
/// numbers are rounded to 15 significant digits first.
///
/// Written out because `str::parse::<f64>` links the standard library's
/// table of 1,302 powers of five, about 15 KB gzip on every page that reads
/// a typed number (docs/PERFORMANCE.md).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (number, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i32>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let all = whole.bytes().chain(fraction.bytes());
    if whole.len() + fraction.len() == 0 || !all.clone().all(|b| b.is_ascii_digit()) {
        return None;
    }
    const KEPT_DIGITS: usize = 15;
    let mut mantissa = 0u64;
    let (mut kept, mut dropped) = (0usize, 0i32);
    let mut round_up = false;
    for digit in all.skip_while(|b| *b == b'0').map(|b| u64::from(b - b'0')) {
        if kept < KEPT_DIGITS {
            mantissa = mantissa * 10 + digit;
            kept += 1;
        } else {
            round_up |= dropped == 0 && digit >= 5;
            dropped += 1;
        }
    }
    mantissa += u64::from(round_up);
    // Leading zeros of the fraction were skipped, so the exponent counts
    // every fraction digit, minus the digits that were dropped.
    let fraction_digits = i32::try_from(fraction.len()).ok()?;
    let mut exponent = exponent
        .checked_sub(fraction_digits)?
        .checked_add(dropped)?;
    let mut value = mantissa as f64;
    if mantissa == 0 {
        exponent = 0;
    }
    while exponent > 22 && value.is_finite() {
        value *= 1e22;
        exponent -= 22;
    }
    while exponent < -22 && value != 0.0 {
        value /= 1e22;
        exponent += 22;
    }
    // Out of range: the loops stopped at infinity or zero.
    if let Some(&power) = EXACT_POWERS_OF_TEN.get(exponent.unsigned_abs() as usize) {
        value = if exponent >= 0 {
            value * power
        } else {
            value / power
        };
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {

    #[test]
    fn decimals_are_written_with_the_style_s_marks_and_at_most_two_places() {
        let de = |v| format_decimal(v, NumberStyle::German);
        assert_eq!(de(1234.5), "1.234,5");
        assert_eq!(de(40.0), "40");
        assert_eq!(de(-0.25), "-0,25");
        assert_eq!(de(0.004), "0");
        assert_eq!(de(1_000_000.126), "1.000.000,13");
        assert_eq!(format_decimal(-1234.05, NumberStyle::English), "-1,234.05");
    }

    use super::*;

    #[test]
    fn whole_numbers_are_grouped_without_a_currency() {
        assert_eq!(format_whole(2400.0, NumberStyle::German), "2.400");
        assert_eq!(
            format_whole(10_000_000.0, NumberStyle::English),
            "10,000,000"
        );
        assert_eq!(format_whole(999.0, NumberStyle::German), "999");
        assert_eq!(format_amount(-1234.4, NumberStyle::German), "-1.234 €");
        assert_eq!(format_amount(1234.5, NumberStyle::English), "€1,235");
    }

    #[test]
    fn typed_decimals_read_exactly_as_the_standard_parser_reads_them() {
        let texts = [
            "0",
            "-0",
            "7",
            "+3",
            "1250000",
            "1250.50",
            "-1250.5",
            ".5",
            "5.",
            "0.1",
            "0.3",
            "0.30000000000000004",
            "123456789012345",
            "999999999999999.9",
            "1e22",
            "1.5e-7",
            "4.35",
            "2.675",
            "0.000001",
            "1E3",
            "100000000000000000000",
            "12.34e-5",
            "0000012.500",
            "33.333333333333",
        ];
        for text in texts {
            let expected: f64 = text.parse().unwrap();
            let digits = text
                .trim_start_matches(['-', '+'])
                .split(['e', 'E'])
                .next()
                .unwrap();
            let significant = digits
                .replace('.', "")
                .trim_start_matches('0')
                .trim_end_matches('0')
                .len();
            let got = parse_decimal(text).unwrap();
            if significant <= 15 {
                assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
            } else {
                assert!((got - expected).abs() <= expected.abs() * 1e-15, "{text}");
            }
        }
        // Every number with up to 15 digits and up to 6 decimals, as
        // people type amounts and ratings (a sample of them).
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = (state % 1_000_000_000_000_000) as i64;
            let decimals = (state >> 60) as usize % 7;
            let text = format!("{digits:0>width$}", width = decimals + 1);
            let text = format!(
                "{}.{}",
                &text[..text.len() - decimals],
                &text[text.len() - decimals..]
            );
            let expected: f64 = text.parse().unwrap();
            assert_eq!(
                parse_decimal(&text).map(f64::to_bits),
                Some(expected.to_bits()),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_decimal_is_refused() {
        for text in [
            "", "-", "+", ".", "e5", "1e", "1.2.3", "1,5", "abc", "1 000", "--1", "1e+", "inf",
            "NaN", "0x10",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
    }

    #[test]
    fn german_amounts_use_dots_for_thousands() {
        assert_eq!(
            format_amount(1_234_567.4, NumberStyle::German),
            "1.234.567 €"
        );
        assert_eq!(format_amount(999.0, NumberStyle::German), "999 €");
        assert_eq!(format_amount(0.0, NumberStyle::German), "0 €");
    }

    #[test]
    fn english_amounts_use_commas_for_thousands() {
        assert_eq!(
            format_amount(1_234_567.6, NumberStyle::English),
            "€1,234,568"
        );
        assert_eq!(format_amount(-1000.0, NumberStyle::English), "-€1,000");
    }

    #[test]
    fn typed_amounts_follow_the_language() {
        assert_eq!(
            parse_amount("1.250.000", NumberStyle::German),
            Ok(Some(1_250_000.0))
        );
        assert_eq!(
            parse_amount("1.250,50 €", NumberStyle::German),
            Ok(Some(1250.5))
        );
        assert_eq!(
            parse_amount("€1,250.50", NumberStyle::English),
            Ok(Some(1250.5))
        );
        assert_eq!(parse_amount("  ", NumberStyle::English), Ok(None));
        assert_eq!(
            parse_amount("zwölf", NumberStyle::German),
            Err(AmountParseError::NotANumber)
        );
        assert_eq!(
            parse_amount("1e400", NumberStyle::English),
            Err(AmountParseError::NotANumber)
        );
    }
}
