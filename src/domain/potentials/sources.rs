//! The information sources of the account analysis (book section 4.1.6):
//! where a piece of knowledge about the account comes from, what it tells,
//! how far it can be trusted, and how old it is.
//!
//! A source may carry a link. It is always shown as text; the page makes it
//! a link only when [`openable_link`] accepts it (http or https with a
//! host), so that a file from a colleague cannot smuggle in a
//! `javascript:` or `data:` address.

use super::{too_many, ToolKind};
use crate::domain::account::{check_name, check_text, ValidationProblem, MAX_LONG_TEXT_CHARS};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Most sources of one account.
pub const MAX_SOURCES: usize = 100;
/// Longest link, in characters.
pub const MAX_LINK_CHARS: usize = 2_000;
/// A source dated more than this many days ago is marked as old.
pub const OLD_AFTER_DAYS: i64 = 730;

/// How far a source can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reliability {
    High,
    Medium,
    Low,
}

impl Reliability {
    /// Every reliability, from the most to the least trustworthy.
    pub const ALL: [Reliability; 3] = [Reliability::High, Reliability::Medium, Reliability::Low];

    /// The reliability's name in the file format (and in the page's markup).
    pub fn as_str(self) -> &'static str {
        match self {
            Reliability::High => "high",
            Reliability::Medium => "medium",
            Reliability::Low => "low",
        }
    }
}

/// One source of knowledge about the account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Uuid,
    /// What the source is: an annual report, a trade fair talk, a database.
    pub name: String,
    /// What it tells about the account.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tells: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// When the information was gathered or published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

impl Source {
    /// A new source with only its name.
    pub fn new(id: Uuid, name: &str) -> Self {
        Source {
            id,
            name: name.into(),
            tells: String::new(),
            reliability: None,
            date: None,
            link: String::new(),
        }
    }

    /// Whether the source's date lies more than [`OLD_AFTER_DAYS`] before
    /// `today` (an undated source is not judged).
    pub fn old(&self, today: Day) -> bool {
        self.date
            .is_some_and(|d| d.days_until(today) > OLD_AFTER_DAYS)
    }
}

/// The information sources of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sources {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// The information sources as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourcesTool;

impl ToolKind for SourcesTool {
    const FAMILY: ToolFamily = ToolFamily::Sources;
    type Data = Sources;
    fn problems(data: &Sources) -> Vec<FieldProblem> {
        data.problems()
    }
}

impl Sources {
    /// Every field-level problem, in list order.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.sources.len() > MAX_SOURCES {
            problems.push(("sources".into(), too_many(MAX_SOURCES)));
        }
        let mut seen = HashSet::new();
        for (index, source) in self.sources.iter().enumerate() {
            let mut push = |field: &str, problem| {
                problems.push((format!("sources[{index}].{field}"), problem))
            };
            if !seen.insert(source.id) {
                push("id", ValidationProblem::Duplicate);
            }
            if let Err(problem) = check_name(&source.name) {
                push("name", problem);
            }
            if let Err(problem) = check_text(&source.tells, MAX_LONG_TEXT_CHARS, true) {
                push("tells", problem);
            }
            if let Err(problem) = check_text(&source.link, MAX_LINK_CHARS, false) {
                push("link", problem);
            }
        }
        problems
    }
}

/// The link as an address the page may open: only `http://` or `https://`
/// (in any case) followed by a host without a user part (`name@`), with no
/// spaces, control characters, direction marks or backslashes anywhere (so
/// that the address shown is the address opened). Anything else is `None`
/// and stays plain text.
pub fn openable_link(link: &str) -> Option<&str> {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &link[8..]
    } else if lower.starts_with("http://") {
        &link[7..]
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let clean = !link.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || c == '\\'
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    (clean && !host.is_empty() && !host.contains('@')).then_some(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_with_a_host_are_opened() {
        for good in [
            "https://www.rheinwerk.de/investoren/bericht-2025.pdf",
            "HTTP://EXAMPLE.COM",
            "https://intranet:8443/crm?konto=17#kontakte",
            "https://example.com/people/@jana",
        ] {
            assert_eq!(openable_link(good), Some(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///C:/Berichte/kunde.pdf",
            "//example.com",
            "https://",
            "https:///pfad",
            "http:/example.com",
            " https://example.com",
            "https://exa mple.com",
            "https://example.com\n",
            "https:\\\\example.com",
            "https://@example.com",
            "https://www.bank.example@evil.example/login",
            "https://example.com/\u{202e}fdp.exe",
            "www.example.com",
            "",
            "htt",
        ] {
            assert_eq!(openable_link(bad), None, "{bad:?}");
        }
        // Non-ASCII hosts are fine: the browser encodes them.
        assert!(openable_link("https://bücher.example/ü").is_some());
    }

    #[test]
    fn the_names_in_the_markup_are_the_names_in_the_file() {
        for reliability in Reliability::ALL {
            assert_eq!(
                serde_json::to_string(&reliability).unwrap(),
                format!("\"{}\"", reliability.as_str())
            );
        }
    }

    #[test]
    fn a_source_is_old_after_two_years() {
        let today = Day::parse("2026-11-28").unwrap();
        let mut source = Source::new(Uuid::from_u128(1), "Messegespräch");
        assert!(!source.old(today));
        source.date = Day::parse("2024-11-28");
        assert!(!source.old(today));
        source.date = Day::parse("2024-11-27");
        assert!(source.old(today));
    }

    #[test]
    fn a_source_needs_a_name_and_a_link_on_one_line() {
        let mut sources = Sources {
            sources: vec![Source::new(Uuid::from_u128(1), "Geschäftsbericht 2025")],
        };
        assert!(sources.problems().is_empty());
        sources.sources[0].link = "https://a.example\nhttps://b.example".into();
        sources.sources.push(Source::new(Uuid::from_u128(1), " "));
        assert_eq!(
            sources.problems(),
            vec![
                (
                    "sources[0].link".to_string(),
                    ValidationProblem::ControlCharacters
                ),
                ("sources[1].id".to_string(), ValidationProblem::Duplicate),
                ("sources[1].name".to_string(), ValidationProblem::Empty),
            ]
        );
    }
}
