//! An import's way through the check pages (pure; the pages do the
//! browser's part).
//!
//! The import page reads a file without reading the tools' contents
//! ([`decode_file`](super::decode_file)). When the file holds tool records,
//! it leaves the file's text in the tab's sessionStorage and opens the check
//! page of each group of tools in turn (`/data/check/<group>`); each reads
//! its group's contents into their models, notes its verdict next to the
//! text, and opens the import page again. The import page shows its preview
//! once every group the file uses has passed, or the first failure, and then
//! removes what was handed on. A verdict counts only for the text it was
//! given (its fingerprint), so a verdict left from another file is never
//! taken for this one.

use super::keys::fingerprint;
use crate::domain::record::ToolGroup;

/// The file's text, while its tools are checked.
pub const FILE: &str = "kam-workbench/import/file";
/// The file's name, for the preview.
pub const NAME: &str = "kam-workbench/import/name";

/// Where a group's verdict is kept.
pub fn verdict_key(group: ToolGroup) -> String {
    format!("kam-workbench/import/checked/{}", group.key())
}

/// Every key of the hand-over, to remove them when the import ends.
pub fn keys() -> Vec<String> {
    let mut keys = vec![FILE.to_owned(), NAME.to_owned()];
    keys.extend(ToolGroup::ALL.into_iter().map(verdict_key));
    keys
}

/// What one check page found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    /// The message in the user's language, and the place in the file.
    Failed {
        message: String,
        detail: Option<String>,
    },
}

fn stamp(text: &str) -> String {
    let (length, hash) = fingerprint(text);
    format!("{length}-{hash:016x}")
}

/// The verdict about `text`, as it is kept.
pub fn write_verdict(text: &str, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Passed => format!("{}\npassed", stamp(text)),
        Verdict::Failed { message, detail } => format!(
            "{}\nfailed\n{}\n{}",
            stamp(text),
            message.replace('\n', " "),
            detail.as_deref().unwrap_or("").replace('\n', " ")
        ),
    }
}

/// The kept verdict, if it is about `text`.
pub fn read_verdict(kept: &str, text: &str) -> Option<Verdict> {
    let mut lines = kept.splitn(4, '\n');
    if lines.next()? != stamp(text) {
        return None;
    }
    match lines.next()? {
        "passed" => Some(Verdict::Passed),
        "failed" => {
            let message = lines.next()?.to_owned();
            let detail = lines.next().filter(|d| !d.is_empty()).map(str::to_owned);
            Some(Verdict::Failed { message, detail })
        }
        _ => None,
    }
}

/// What the import page does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Open this group's check page.
    Check(ToolGroup),
    /// A group's contents cannot be imported: say why.
    Refuse {
        message: String,
        detail: Option<String>,
    },
    /// Every group the file uses passed: show the preview.
    Preview,
}

/// The next step, from the groups the file uses and the verdicts so far
/// (in the order of [`ToolGroup::ALL`]).
pub fn next_step(used: &[ToolGroup], verdict: impl Fn(ToolGroup) -> Option<Verdict>) -> Step {
    for group in ToolGroup::ALL.into_iter().filter(|g| used.contains(g)) {
        match verdict(group) {
            None => return Step::Check(group),
            Some(Verdict::Failed { message, detail }) => return Step::Refuse { message, detail },
            Some(Verdict::Passed) => {}
        }
    }
    Step::Preview
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_counts_only_for_the_text_it_was_given() {
        let text = r#"{"format":"kam-workbench"}"#;
        for verdict in [
            Verdict::Passed,
            Verdict::Failed {
                message:
                    "Kundenzufriedenheitsanalyse 1, Feld „surveys[0].items[2].importance“: zu groß"
                        .into(),
                detail: Some("data.satisfaction_surveys[0].data.surveys[0]".into()),
            },
            Verdict::Failed {
                message: "zwei\nZeilen".into(),
                detail: None,
            },
        ] {
            let kept = write_verdict(text, &verdict);
            let read = read_verdict(&kept, text).unwrap();
            match (&verdict, &read) {
                (Verdict::Failed { message, .. }, Verdict::Failed { message: got, .. }) => {
                    assert_eq!(*got, message.replace('\n', " "))
                }
                _ => assert_eq!(read, verdict),
            }
            // The same verdict is nothing for another file.
            assert_eq!(read_verdict(&kept, &format!("{text} ")), None);
        }
        assert_eq!(read_verdict("", text), None);
        assert_eq!(read_verdict("garbage", text), None);
    }

    #[test]
    fn groups_are_checked_in_turn_and_the_first_failure_ends_the_import() {
        let all = ToolGroup::ALL;
        assert_eq!(next_step(&[], |_| None), Step::Preview);
        assert_eq!(
            next_step(&all, |_| None),
            Step::Check(ToolGroup::Potentials)
        );
        assert_eq!(
            next_step(&all, |g| (g == ToolGroup::Potentials)
                .then_some(Verdict::Passed)),
            Step::Check(ToolGroup::Processes)
        );
        // A group the file does not use is not visited.
        assert_eq!(
            next_step(&[ToolGroup::Processes], |_| None),
            Step::Check(ToolGroup::Processes)
        );
        let failed = Verdict::Failed {
            message: "kaputt".into(),
            detail: None,
        };
        assert_eq!(
            next_step(&all, |g| Some(if g == ToolGroup::Potentials {
                failed.clone()
            } else {
                Verdict::Passed
            })),
            Step::Refuse {
                message: "kaputt".into(),
                detail: None
            }
        );
        assert_eq!(next_step(&all, |_| Some(Verdict::Passed)), Step::Preview);
    }
}
