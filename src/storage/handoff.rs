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
/// What the preview tells about the file as it was picked (its version,
/// the app that wrote it, the fields this version ignores): the text
/// handed over is the file written again compactly, so that any file the
/// workspace could hold fits into the tab's storage.
pub const ABOUT: &str = "kam-workbench/import/about";
/// How often the import page has sent the file to a check page: a check
/// page that cannot leave a verdict must not make the two pages send the
/// file back and forth for ever.
pub const SENT: &str = "kam-workbench/import/sent";

/// More check pages than this for one file, and the import gives up.
pub fn max_sent() -> u32 {
    2 * ToolGroup::ALL.len() as u32
}

/// Where a group's verdict is kept.
pub fn verdict_key(group: ToolGroup) -> String {
    format!("kam-workbench/import/checked/{}", group.key())
}

/// Every key of the hand-over, to remove them when the import ends.
pub fn keys() -> Vec<String> {
    let mut keys = vec![
        FILE.to_owned(),
        NAME.to_owned(),
        ABOUT.to_owned(),
        SENT.to_owned(),
    ];
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
    format!("1-{length}-{hash:016x}")
}

/// What the preview tells about the file, as it is kept.
pub fn write_about(version: u64, app_version: &str, ignored: &[String]) -> String {
    let mut lines = vec![version.to_string(), app_version.replace('\n', " ")];
    lines.extend(ignored.iter().map(|field| field.replace('\n', " ")));
    lines.join("\n")
}

/// The kept description: version, app version, ignored fields.
pub fn read_about(kept: &str) -> Option<(u64, String, Vec<String>)> {
    let mut lines = kept.split('\n');
    let version = lines.next()?.parse().ok()?;
    let app_version = lines.next()?.to_owned();
    Some((version, app_version, lines.map(str::to_owned).collect()))
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
    fn what_the_preview_tells_about_the_file_survives_the_hand_over() {
        let ignored = vec![
            "data.accounts[0].colour".to_owned(),
            "data.extra".to_owned(),
        ];
        let kept = write_about(5, "0.1.0", &ignored);
        assert_eq!(read_about(&kept), Some((5, "0.1.0".to_owned(), ignored)));
        assert_eq!(
            read_about(&write_about(8, "0.2.0", &[])),
            Some((8, "0.2.0".to_owned(), vec![]))
        );
        assert_eq!(read_about("kein Wert"), None);
        assert!(max_sent() >= ToolGroup::ALL.len() as u32);
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
