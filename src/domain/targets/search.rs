//! Searching the customer list by name and customer number.
//!
//! *Choices, fixed here:* every word of the query must occur in the name or
//! the number, ignoring case. Umlauts match their plain and their spelled-out
//! form (`Müller` is found by `muller` and `mueller`, `Weiß` by `weiss`), and
//! a name spelled with `ae`/`oe`/`ue` is still found as it is written
//! (`Michael` by `michael` and `ael`, `Boeing` by `boeing`).
//!
//! Usage:
//! ```
//! use kam_workbench::domain::targets::{search::search_customers, Customer};
//! use uuid::Uuid;
//! let list = [Customer::new(Uuid::nil(), "Müller Maschinenbau GmbH")];
//! assert_eq!(search_customers(&list, "mueller maschinen"), [0]);
//! ```

use super::model::Customer;
use crate::domain::account_list::Folded;

/// Indexes of the customers whose name or number contains every word of
/// `query`, in list order; an empty query finds everyone.
pub fn search_customers(customers: &[Customer], query: &str) -> Vec<usize> {
    let terms: Vec<Folded> = query.split_whitespace().map(Folded::new).collect();
    customers
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            terms.is_empty() || {
                let hay = Folded::new(&format!("{} {}", c.name, c.number));
                terms.iter().all(|t| hay.contains(t))
            }
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn list() -> Vec<Customer> {
        [
            ("20000", "Müller Maschinenbau GmbH"),
            ("20003", "Weiß & Söhne KG"),
            ("20005", "Ölmühle Hansen eG"),
            ("30001", "Michael Boeing Consulting"),
            ("20012", "Hafenkontor Bremen GmbH"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (number, name))| {
            let mut c = Customer::new(Uuid::from_u128(i as u128), *name);
            c.number = (*number).into();
            c
        })
        .collect()
    }

    fn found(query: &str) -> Vec<usize> {
        search_customers(&list(), query)
    }

    #[test]
    fn an_empty_query_finds_everyone_in_list_order() {
        assert_eq!(found(""), [0, 1, 2, 3, 4]);
        assert_eq!(found("   "), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_customer_is_found_by_name_or_number_in_any_case() {
        assert_eq!(found("HAFENKONTOR"), [4]);
        assert_eq!(found("20012"), [4]);
        assert_eq!(found("gmbh"), [0, 4]);
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(found("gmbh 20000"), [0]);
        assert_eq!(found("müller bremen"), Vec::<usize>::new());
    }

    #[test]
    fn umlauts_are_found_typed_plainly_or_spelled_out() {
        for query in ["Müller", "muller", "mueller", "MUELLER"] {
            assert_eq!(found(query), [0], "{query}");
        }
        for query in ["söhne", "sohne", "soehne", "weiss", "weiß"] {
            assert_eq!(found(query), [1], "{query}");
        }
        for query in ["ölmühle", "olmuhle", "oelmuehle", "oelmühle"] {
            assert_eq!(found(query), [2], "{query}");
        }
    }

    #[test]
    fn names_written_with_ae_oe_ue_are_found_as_written() {
        for query in ["michael", "ael", "el", "boeing", "oei", "e"] {
            assert!(found(query).contains(&3), "{query}");
        }
    }

    #[test]
    fn among_equal_names_the_number_finds_the_one() {
        let customers: Vec<Customer> = (0..10_000)
            .map(|i| {
                let mut c = Customer::new(Uuid::from_u128(i), format!("Kunde {i} Müller"));
                c.number = format!("{:05}", i);
                c
            })
            .collect();
        assert_eq!(search_customers(&customers, "mueller 09999"), [9999]);
        assert_eq!(search_customers(&customers, "kunde").len(), 10_000);
    }
}
