//! An undo that survives the move to another area of the app (issue #9).
//!
//! Each area is its own page, so a notice with "undo" would be lost when the
//! user follows a link to another area. When the page is left while such a
//! notice shows, the state before the change is kept in the tab's
//! sessionStorage with the revision token of the state after it. The next
//! page offers the undo for the rest of the notice's time, and only while
//! the stored workspace is still that state after the change: undoing then
//! means going back to the state before it. Pure; the UI does the storing.

/// The sessionStorage key (per tab, gone when the tab closes).
pub const KEY: &str = "kam-workbench/undo";

/// What the next page needs to offer the undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedUndo {
    /// Until when the notice shows (milliseconds since 1970).
    pub until: i64,
    /// The revision token of the stored state after the change.
    pub revision: String,
    /// What the notice says: its kind and its detail (a name, a worded change).
    pub notice_kind: String,
    pub notice_text: String,
    /// The workspace before the change, as stored (compact envelope).
    pub before: String,
}

impl CarriedUndo {
    /// One line per field; the envelope, which may contain anything, last.
    pub fn write(&self) -> String {
        let one_line = |text: &str| text.replace(['\n', '\r'], " ");
        format!(
            "{}\n{}\n{}\n{}\n{}",
            self.until,
            one_line(&self.revision),
            one_line(&self.notice_kind),
            one_line(&self.notice_text),
            self.before
        )
    }

    pub fn read(text: &str) -> Option<CarriedUndo> {
        let mut parts = text.splitn(5, '\n');
        Some(CarriedUndo {
            until: parts.next()?.parse().ok()?,
            revision: parts.next()?.to_owned(),
            notice_kind: parts.next()?.to_owned(),
            notice_text: parts.next()?.to_owned(),
            before: parts.next()?.to_owned(),
        })
    }

    /// Whether the next page may offer it: in time, and the stored state is
    /// still the one right after the change.
    pub fn applies(&self, now: i64, stored_revision: Option<&str>) -> bool {
        now < self.until && stored_revision == Some(self.revision.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carried() -> CarriedUndo {
        CarriedUndo {
            until: 1_000_010_000,
            revision: "abc".into(),
            notice_kind: "targets".into(),
            notice_text: "Beispielliste geladen\n(14 Kunden)".into(),
            before: "{\"format\":\"kam-workbench\",\n\"data\":{}}".into(),
        }
    }

    #[test]
    fn it_reads_back_what_it_wrote_with_line_breaks_only_in_the_envelope() {
        let read = CarriedUndo::read(&carried().write()).unwrap();
        assert_eq!(read.notice_text, "Beispielliste geladen (14 Kunden)");
        assert_eq!(read.before, carried().before);
        assert_eq!(read.until, 1_000_010_000);
        assert_eq!(CarriedUndo::read("kaputt"), None);
    }

    #[test]
    fn it_applies_only_in_time_and_to_the_state_right_after_the_change() {
        let carried = carried();
        assert!(carried.applies(1_000_000_000, Some("abc")));
        assert!(
            !carried.applies(1_000_010_000, Some("abc")),
            "the notice's time is over"
        );
        assert!(
            !carried.applies(1_000_000_000, Some("xyz")),
            "saved again since"
        );
        assert!(!carried.applies(1_000_000_000, None));
    }
}
