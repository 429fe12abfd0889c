//! Searching and sorting the account list.

use super::account::KeyAccount;
use std::cmp::Ordering;

/// Column the account list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Industry,
    Revenue,
    Modified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Ascending,
    Descending,
}

impl SortKey {
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Industry => "industry",
            SortKey::Revenue => "revenue",
            SortKey::Modified => "modified",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            SortKey::Name,
            SortKey::Industry,
            SortKey::Revenue,
            SortKey::Modified,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}

/// Folds text for searching: lower case, and umlauts match their spelled-out
/// form (`Müller` is found by `mueller` and by `muller`).
/// Lower case with umlauts spelled out, for matching names.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    out
}

/// Both forms a text is compared in when searching: lower case with
/// umlauts made plain (`müller` → `muller`), and that again with `ae`, `oe`,
/// `ue` made plain (`mueller` → `muller`). A term is found when either form
/// contains it, so `mueller` finds „Müller“ and „Mueller“, and `boeing`
/// still finds „Boeing“.
pub(crate) struct Folded {
    plain: String,
    spelled: String,
}

impl Folded {
    pub(crate) fn new(text: &str) -> Folded {
        let plain = fold(text);
        let spelled = plain
            .replace("ae", "a")
            .replace("oe", "o")
            .replace("ue", "u");
        Folded { plain, spelled }
    }

    pub(crate) fn contains(&self, term: &Folded) -> bool {
        self.plain.contains(&term.plain) || self.spelled.contains(&term.spelled)
    }
}

fn matches(account: &KeyAccount, terms: &[Folded]) -> bool {
    let haystack = Folded::new(&format!(
        "{} {} {} {} {}",
        account.name, account.industry, account.country, account.kam_responsible, account.sites
    ));
    terms.iter().all(|t| haystack.contains(t))
}

fn compare(a: &KeyAccount, b: &KeyAccount, key: SortKey) -> Ordering {
    let by_name = || fold(&a.name).cmp(&fold(&b.name));
    match key {
        SortKey::Name => by_name(),
        SortKey::Industry => fold(&a.industry).cmp(&fold(&b.industry)).then_with(by_name),
        SortKey::Revenue => {
            let value = |x: &KeyAccount| x.revenue_last_year.map(|r| r.value());
            // Accounts without a revenue figure come last in either order of the rest.
            match (value(a), value(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y).then_with(by_name),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_name(),
            }
        }
        SortKey::Modified => a.modified.cmp(&b.modified).then_with(by_name),
    }
}

/// The accounts that match every word of `query` (in name, industry,
/// country, KAM responsible or sites), sorted. Sorting is stable.
pub fn filter_and_sort<'a>(
    accounts: &'a [KeyAccount],
    query: &str,
    key: SortKey,
    order: SortOrder,
) -> Vec<&'a KeyAccount> {
    let terms: Vec<Folded> = query.split_whitespace().map(Folded::new).collect();
    let mut list: Vec<&KeyAccount> = accounts.iter().filter(|a| matches(a, &terms)).collect();
    list.sort_by(|a, b| {
        let ordering = compare(a, b, key);
        let missing_revenue = key == SortKey::Revenue
            && (a.revenue_last_year.is_none() || b.revenue_last_year.is_none());
        if order == SortOrder::Descending && !missing_revenue {
            ordering.reverse()
        } else {
            ordering
        }
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountDraft, Timestamp};
    use uuid::Uuid;

    fn account(n: u128, name: &str, industry: &str, revenue: Option<f64>) -> KeyAccount {
        AccountDraft {
            name: name.into(),
            industry: industry.into(),
            revenue_last_year: revenue,
            ..Default::default()
        }
        .create(
            Uuid::from_u128(n),
            Timestamp::from_millis(n as i64 * 1000).unwrap(),
        )
        .unwrap()
    }

    fn names(list: Vec<&KeyAccount>) -> Vec<&str> {
        list.into_iter().map(|a| a.name.as_str()).collect()
    }

    fn sample() -> Vec<KeyAccount> {
        vec![
            account(1, "Zeta Logistik", "Logistik", Some(50.0)),
            account(2, "Müller Chemie AG", "Chemie", None),
            account(3, "alpha Pharma", "Pharma", Some(900.0)),
        ]
    }

    #[test]
    fn search_ignores_case_and_finds_umlauts_spelled_out() {
        let accounts = sample();
        assert_eq!(
            names(filter_and_sort(
                &accounts,
                "mueller",
                SortKey::Name,
                SortOrder::Ascending
            )),
            ["Müller Chemie AG"]
        );
        assert_eq!(
            names(filter_and_sort(
                &accounts,
                "MÜLLER chemie",
                SortKey::Name,
                SortOrder::Ascending
            )),
            ["Müller Chemie AG"]
        );
        assert!(filter_and_sort(
            &accounts,
            "müller pharma",
            SortKey::Name,
            SortOrder::Ascending
        )
        .is_empty());
    }

    #[test]
    fn name_sort_is_case_insensitive() {
        let accounts = sample();
        assert_eq!(
            names(filter_and_sort(
                &accounts,
                "",
                SortKey::Name,
                SortOrder::Ascending
            )),
            ["alpha Pharma", "Müller Chemie AG", "Zeta Logistik"]
        );
    }

    #[test]
    fn accounts_without_revenue_sort_last_in_both_directions() {
        let accounts = sample();
        assert_eq!(
            names(filter_and_sort(
                &accounts,
                "",
                SortKey::Revenue,
                SortOrder::Descending
            )),
            ["alpha Pharma", "Zeta Logistik", "Müller Chemie AG"]
        );
        assert_eq!(
            names(filter_and_sort(
                &accounts,
                "",
                SortKey::Revenue,
                SortOrder::Ascending
            )),
            ["Zeta Logistik", "alpha Pharma", "Müller Chemie AG"]
        );
    }

    // Regression: the query's ae/oe/ue were turned into umlauts, so an
    // account spelled „Mueller“ was not found by „mueller“, nor „Boeing“ by
    // „boeing“.
    #[test]
    fn names_spelled_with_ae_oe_ue_are_found_as_written() {
        let at = crate::domain::Timestamp::from_millis(0).unwrap();
        let accounts: Vec<KeyAccount> = ["Mueller Logistik", "Boeing Deutschland", "Müller AG"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                crate::domain::AccountDraft {
                    name: (*name).into(),
                    ..Default::default()
                }
                .create(uuid::Uuid::from_u128(i as u128), at)
                .unwrap()
            })
            .collect();
        let names = |q: &str| -> Vec<String> {
            filter_and_sort(&accounts, q, SortKey::Name, SortOrder::Ascending)
                .into_iter()
                .map(|a| a.name.clone())
                .collect()
        };
        assert_eq!(names("boeing"), ["Boeing Deutschland"]);
        assert_eq!(names("mueller"), ["Mueller Logistik", "Müller AG"]);
        assert_eq!(names("müller"), ["Mueller Logistik", "Müller AG"]);
    }
}
