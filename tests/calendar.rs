//! The due list's calendar file, read back with a well-kept iCalendar
//! parser (the `icalendar` crate): what Outlook and Google Calendar import
//! must parse, with one event per step and account on its due date.

use icalendar::parser::{read_calendar, unfold};
use kam_workbench::domain::account::AccountDraft;
use kam_workbench::domain::potentials::plan::{AccountPlan, PlanTool};
use kam_workbench::domain::potentials::put_tool;
use kam_workbench::domain::processes::calendar::{calendar, Event};
use kam_workbench::domain::processes::cycle::{workspace_due, Step};
use kam_workbench::domain::time::{Day, Timestamp};
use kam_workbench::domain::Workspace;
use std::collections::HashSet;
use uuid::Uuid;

#[test]
fn the_due_lists_calendar_parses_with_one_event_per_step_and_account() {
    let now = Timestamp::parse("2026-11-27T10:15:00Z").unwrap();
    let today = Day::of(now);
    let mut ws = Workspace::default();
    for (n, name) in [
        (1, "Nordlicht Logistik GmbH, Werk Süd; Halle 3"),
        (
            2,
            "Weber Bau AG – Zentrale \\ Einkauf mit einem sehr langen Namen, der gefaltet wird",
        ),
    ] {
        ws.accounts.push(
            AccountDraft {
                name: name.into(),
                ..Default::default()
            }
            .create(Uuid::from_u128(n), now)
            .unwrap(),
        );
    }
    put_tool::<PlanTool>(&mut ws, Uuid::from_u128(1), &AccountPlan::default(), now).unwrap();
    let due = workspace_due(&ws, today);
    assert_eq!(due.len(), 2 * Step::ALL.len());
    let events: Vec<Event> = due
        .iter()
        .map(|d| Event {
            uid: d.uid(),
            day: d.due,
            summary: format!(
                "{}: {}",
                d.step.as_str(),
                ws.account(d.account).unwrap().name
            ),
            description: "Zuletzt erledigt am 27.11.2026.\nAus KAM Workbench.".into(),
        })
        .collect();
    let text = calendar(&events, now).unwrap();
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).expect("the file parses as iCalendar");
    // The reader takes the VCALENDAR as the root: its properties, and the
    // events inside it.
    let version = parsed.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
    assert!(parsed.properties.iter().any(|p| p.name == "PRODID"));
    let vevents: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(parsed.components.len(), vevents.len(), "only events");
    assert_eq!(vevents.len(), events.len());
    let value = |c: &icalendar::parser::Component, name: &str| {
        c.find_prop(name)
            .map(|p| p.val.as_str().to_owned())
            .unwrap_or_default()
    };
    let uids: HashSet<String> = vevents.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(uids.len(), events.len(), "every event has its own UID");
    for (event, vevent) in events.iter().zip(&vevents) {
        assert_eq!(value(vevent, "UID"), event.uid);
        assert_eq!(value(vevent, "DTSTART"), event.day.iso().replace('-', ""));
        let next = event.day.plus_days(1).unwrap();
        assert_eq!(value(vevent, "DTEND"), next.iso().replace('-', ""));
        // The escaped summary reads back as written.
        let summary = value(vevent, "SUMMARY")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\");
        assert_eq!(summary, event.summary);
    }
    // Never done: due today; the plan changed today: due in twelve months.
    let plan = due
        .iter()
        .find(|d| d.account == Uuid::from_u128(1) && d.step == Step::PlanUpdate)
        .unwrap();
    assert_eq!(plan.due, Day::parse("2027-11-27").unwrap());
    assert!(due
        .iter()
        .filter(|d| d.step == Step::QuarterlyReview)
        .all(|d| d.due == today));
}
