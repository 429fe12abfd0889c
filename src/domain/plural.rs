//! One or many: which form of a counted phrase to show.
//!
//! German and English both use the singular for exactly one and the plural
//! for everything else, zero included („0 Kunden“, "0 customers"). The
//! translation catalogue holds such phrases as an object with a `one` and an
//! `other` entry; `ui::text::plural!` picks the entry with [`PluralForm::of`].
//! (leptos_i18n's own plural support needs the ICU plural rules in the wasm
//! file; for two languages with the same simple rule that is not worth it.)

/// The catalogue entry a count selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    /// Exactly one: „1 Person“, "1 check".
    One,
    /// Zero or more than one: „0 Personen“, "2 checks".
    Other,
}

impl PluralForm {
    /// The form for `count` things, in German and in English.
    pub fn of(count: usize) -> PluralForm {
        if count == 1 {
            PluralForm::One
        } else {
            PluralForm::Other
        }
    }

    /// The key of the form in the catalogue (`one` / `other`).
    pub fn key(self) -> &'static str {
        match self {
            PluralForm::One => "one",
            PluralForm::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exactly_one_takes_the_singular() {
        assert_eq!(PluralForm::of(0), PluralForm::Other);
        assert_eq!(PluralForm::of(1), PluralForm::One);
        assert_eq!(PluralForm::of(2), PluralForm::Other);
        assert_eq!(PluralForm::of(21), PluralForm::Other);
    }
}
