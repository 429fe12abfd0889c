//! Building block "Menschen im KAM": the list of people and their load,
//! how KAM is organised, the role description, each key account's team,
//! and each person's competency profile.
//!
//! The company's side (organisation, role, people) is one section of the
//! workspace ([`People`]); every change to it goes through [`edit_people`]
//! (checked first, refused with the reason) or [`people_with_undo`]. A
//! team is a tool of its key account, edited like the analysis tools.

mod colleagues;
mod competency;
mod organisation;
mod team;

pub use colleagues::PeoplePage;
pub use competency::{CompetencyDevelopmentPage, CompetencyPage};
pub use organisation::{OrganisationPage, RolePage};
pub use team::TeamPage;

use crate::domain::people::team::{format_days, loads, Load, Team, TeamTool};
use crate::domain::people::People;
use crate::domain::potentials::ToolKind;
use crate::domain::record::ToolFamily;
use crate::domain::{Workspace, WorkspaceError};
use crate::storage::browser;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{page_tabs, show_at, FieldError, Tab};
use crate::ui::store::{Notice, Part, Store, UndoAction};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// The people section, followed.
fn people_memo(store: Store) -> Memo<People> {
    text::detailed_places();
    Memo::new(move |_| store.read(Part::People, |ws| (*ws.people).clone()))
}

/// Why a changed people section is refused, in the user's words.
fn refusal(locale: Locale, people: &People) -> Option<String> {
    people
        .problems()
        .into_iter()
        .next()
        .map(|(field, problem)| {
            text::workspace_error(locale, &WorkspaceError::People { field, problem })
        })
}

/// Checks a change to the people section and stores it; a change that
/// breaks a rule is refused with the reason, and nothing is stored.
fn edit_people(store: Store, change: impl FnOnce(&mut People)) -> Result<(), String> {
    let mut next = store.read_untracked(|ws| (*ws.people).clone());
    change(&mut next);
    if let Some(reason) = refusal(use_i18n().get_locale_untracked(), &next) {
        return Err(reason);
    }
    next.modified = Some(browser::now());
    store.edit_part(Part::People, move |ws| *ws.people = next);
    Ok(())
}

/// Makes a change to the people section that the notice offers to undo:
/// undo puts the section back as it was.
fn people_with_undo(store: Store, message: String, change: impl FnOnce(&mut People) + 'static) {
    let now = browser::now();
    store.edit_with_state_undo(Notice::Worded(message), move |ws: &mut Workspace| {
        let before = (*ws.people).clone();
        change(&mut ws.people);
        ws.people.modified = Some(now);
        let undo: UndoAction = Box::new(move |ws| *ws.people = before);
        Some(undo)
    });
}

/// Every key account's team that can be read, with the account's id.
fn all_teams(ws: &Workspace) -> Vec<(Uuid, Team)> {
    ws.tool_list(ToolFamily::Team)
        .iter()
        .filter_map(|r| TeamTool::read(r).ok().map(|t| (r.account_id, t)))
        .collect()
}

/// Each person's load over all teams.
fn all_loads(store: Store) -> Memo<Vec<Load>> {
    Memo::new(move |_| {
        let teams = store.read(Part::Potentials, all_teams);
        store.read(Part::People, |ws| {
            loads(&ws.people.colleagues, teams.iter().map(|(_, t)| t))
        })
    })
}

/// Days as the page shows them: `2,5` / `2.5`, whole days without decimals.
fn days_text(locale: Locale, days: f64) -> String {
    format_days(
        days,
        match locale {
            Locale::de => ',',
            Locale::en => '.',
        },
    )
}

/// A number of days for an input field, as the language writes it (the
/// field reads either decimal mark).
fn days_value(locale: Locale, days: Option<f64>) -> String {
    days.map(|d| days_text(locale, d)).unwrap_or_default()
}

/// Takes the text of a field that must not be left empty: trimmed, it is
/// handed to `save`; an empty one is refused at `item` with the message
/// `missing`, and `false` tells the field to show the stored text again.
fn take_required(
    value: String,
    error: FieldError,
    item: Uuid,
    missing: fn(Locale) -> &'static str,
    save: impl FnOnce(String),
) -> bool {
    let value = value.trim();
    if value.is_empty() {
        show_at(
            error,
            item,
            Some(missing(use_i18n().get_locale_untracked()).to_owned()),
        );
        return false;
    }
    save(value.to_owned());
    true
}

/// The load of a person as a short text and whether it is too much.
fn load_text(locale: Locale, load: Option<&Load>) -> (String, bool) {
    match load {
        None => (td_string!(locale, ppl.on_no_team).to_owned(), false),
        Some(load) => {
            let days = days_text(locale, load.days);
            let text = match load.availability {
                Some(available) => td_string!(
                    locale,
                    ppl.days_of,
                    days = days,
                    available = days_text(locale, available)
                ),
                // Days may be fractional ("2,5 Tage"): one form for exactly one.
                None if load.days == 1.0 => td_string!(locale, ppl.day_one, days = days),
                None => td_string!(locale, ppl.days, days = days),
            };
            (text, load.overloaded())
        }
    }
}

/// The company's pages of the block.
const TABS: [Tab; 3] = [
    ("/people", "ppl-tab-people", |l| {
        td_string!(l, ppl.tab_people)
    }),
    ("/people/organisation", "ppl-tab-org", |l| {
        td_string!(l, ppl.tab_org)
    }),
    ("/people/role", "ppl-tab-role", |l| {
        td_string!(l, ppl.tab_role)
    }),
];

/// The tabs, the page shown marked.
fn tabs(here: &'static str) -> impl IntoView {
    page_tabs(|l| td_string!(l, ppl.title), here, &TABS)
}

/// The breadcrumb back to the block's page.
fn breadcrumb() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="kam-breadcrumb kam-no-print">
            <a href=href("/blocks/people") rel="external">{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::People)}</a>
        </p>
    }
}

/// The name of a colleague, or what to call one no longer on the list.
fn person_name(locale: Locale, people: &People, id: Uuid) -> String {
    people
        .colleague(id)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| td_string!(locale, team.unknown_person).to_owned())
}
