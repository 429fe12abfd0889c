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
    match style {
        NumberStyle::German => format!("{sign}{grouped} €"),
        NumberStyle::English => format!("{sign}€{grouped}"),
    }
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
    let value: f64 = cleaned.parse().map_err(|_| AmountParseError::NotANumber)?;
    if value.is_finite() {
        Ok(Some(value))
    } else {
        Err(AmountParseError::NotANumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
