//! Due dates as an iCalendar file (RFC 5545), which Outlook and Google
//! Calendar import: one all-day event per date. Each event keeps its id
//! from one export to the next (the account and the step, not the date)
//! and carries a sequence number that grows with the time of the export,
//! so that importing a newer file moves a changed date instead of adding
//! a second event.

use crate::domain::time::{Day, Timestamp};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The same in every export of the same recurring task (e.g. account
    /// and step, without the date), unique within the file.
    pub uid: String,
    pub day: Day,
    pub summary: String,
    pub description: String,
}

/// The text of a property value with `\`, `;`, `,` and line breaks
/// escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded after 75 octets (continuation lines
/// start with a space) without splitting a character, ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn date(day: Day) -> String {
    day.iso().replace('-', "")
}

/// `20261127T101500Z`.
fn stamp(at: Timestamp) -> String {
    let text = at.to_rfc3339();
    let whole = text.split('.').next().unwrap_or(&text);
    format!("{}Z", whole.replace(['-', ':'], "").trim_end_matches('Z'))
}

/// The calendar file; `None` without events, because a calendar file must
/// hold at least one. `now` is the moment of the export: every event's
/// `DTSTAMP`, and its `SEQUENCE` in minutes since 1970, which a later
/// export always raises.
pub fn calendar(events: &[Event], now: Timestamp) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let sequence = now.millis().div_euclid(60_000);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//KAM Workbench//KAM Workbench//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    let now = stamp(now);
    for event in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{now}"));
        push_line(&mut out, &format!("SEQUENCE:{sequence}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(event.day)));
        if let Some(next) = event.day.plus_days(1) {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(next)));
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str, description: &str) -> Event {
        Event {
            uid: "3a0b7c1e-annual_review@kam-workbench".into(),
            day: Day::parse("2027-01-15").unwrap(),
            summary: summary.into(),
            description: description.into(),
        }
    }

    fn at() -> Timestamp {
        Timestamp::parse("2026-11-27T10:15:00.250Z").unwrap()
    }

    /// The lines of a file with folded lines joined again, as a reader
    /// unfolds them.
    fn unfolded(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn an_all_day_event_with_its_stamp() {
        let text = calendar(
            &[event("Jahresgespräch: Nordlicht Logistik GmbH", "")],
            at(),
        )
        .unwrap();
        let lines = unfolded(&text);
        assert_eq!(
            lines,
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//KAM Workbench//KAM Workbench//DE",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "BEGIN:VEVENT",
                "UID:3a0b7c1e-annual_review@kam-workbench",
                "DTSTAMP:20261127T101500Z",
                "SEQUENCE:29929575",
                "DTSTART;VALUE=DATE:20270115",
                "DTEND;VALUE=DATE:20270116",
                "SUMMARY:Jahresgespräch: Nordlicht Logistik GmbH",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        );
        // Every line ends with CRLF; no bare LF.
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn special_characters_are_escaped() {
        let text = calendar(
            &[event(
                "Müller, Meier; Co. \\ KG",
                "Zeile 1\nZeile 2\r\nZeile 3",
            )],
            at(),
        )
        .unwrap();
        let lines = unfolded(&text);
        assert!(lines.contains(&"SUMMARY:Müller\\, Meier\\; Co. \\\\ KG".to_owned()));
        assert!(lines.contains(&"DESCRIPTION:Zeile 1\\nZeile 2\\nZeile 3".to_owned()));
    }

    #[test]
    fn long_lines_fold_after_75_octets_without_splitting_a_character() {
        let summary = "Überprüfung der Kundenzufriedenheit ".repeat(6);
        let text = calendar(&[event(&summary, "")], at()).unwrap();
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let joined = unfolded(&text);
        assert!(joined.contains(&format!("SUMMARY:{summary}")));
    }

    #[test]
    fn the_last_day_of_the_year_ends_in_the_next_year() {
        let mut e = event("Planung", "");
        e.day = Day::parse("2026-12-31").unwrap();
        let lines = unfolded(&calendar(&[e], at()).unwrap());
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20261231".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20270101".to_owned()));
    }

    #[test]
    fn no_events_give_no_file_and_a_later_export_raises_the_sequence() {
        // RFC 5545: a calendar holds at least one component.
        assert_eq!(calendar(&[], at()), None);
        let later = Timestamp::parse("2026-12-03T08:00:00Z").unwrap();
        let sequence = |text: String| {
            unfolded(&text)
                .into_iter()
                .find_map(|l| {
                    l.strip_prefix("SEQUENCE:")
                        .and_then(|n| n.parse::<i64>().ok())
                })
                .unwrap()
        };
        let first = sequence(calendar(&[event("Planung", "")], at()).unwrap());
        let second = sequence(calendar(&[event("Planung", "")], later).unwrap());
        assert!(second > first, "{second} > {first}");
    }
}
