//! The KAM introduction project (block "Ziele"): the phases with their
//! checklists and the timeline, the risk register with its matrix, and
//! the goals of the KAM programme.
//!
//! The project is one section of the workspace ([`Introduction`]); every
//! change goes through [`edit_intro`] (checked first, refused with the
//! reason) or [`intro_with_undo`].

mod goals;
mod project;
mod risks;

pub use goals::ProgrammeGoalsPage;
pub use project::IntroductionPage;
pub use risks::RisksPage;

use crate::domain::introduction::project::{Phase, TaskStatus};
use crate::domain::introduction::Introduction;
use crate::domain::{Workspace, WorkspaceError};
use crate::storage::browser;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{page_tabs, Tab};
use crate::ui::store::{Notice, Part, Store, UndoAction};
use crate::ui::text;
use leptos::prelude::*;

/// The project, followed.
fn intro_memo(store: Store) -> Memo<Introduction> {
    text::detailed_places();
    Memo::new(move |_| store.read(Part::Introduction, |ws| (*ws.introduction).clone()))
}

/// Checks a change to the project and stores it; a change that breaks a
/// rule is refused with the reason, and nothing is stored.
fn edit_intro(store: Store, change: impl FnOnce(&mut Introduction)) -> Result<(), String> {
    let current = store.read_untracked(|ws| (*ws.introduction).clone());
    let mut next = current.clone();
    change(&mut next);
    if next == current {
        return Ok(());
    }
    if let Some((field, problem)) = next.problems().into_iter().next() {
        let locale = use_i18n().get_locale_untracked();
        return Err(text::workspace_error(
            locale,
            &WorkspaceError::Introduction { field, problem },
        ));
    }
    next.modified = Some(browser::now());
    store.edit_part(Part::Introduction, move |ws| *ws.introduction = next);
    Ok(())
}

/// Makes a change to the project that the notice offers to undo.
fn intro_with_undo(
    store: Store,
    message: String,
    change: impl FnOnce(&mut Introduction) + 'static,
) {
    let now = browser::now();
    store.edit_with_state_undo(Notice::Worded(message), move |ws: &mut Workspace| {
        let before = (*ws.introduction).clone();
        change(&mut ws.introduction);
        ws.introduction.modified = Some(now);
        let undo: UndoAction = Box::new(move |ws| *ws.introduction = before);
        Some(undo)
    });
}

pub(super) fn phase_name(locale: Locale, phase: Phase) -> &'static str {
    match phase {
        Phase::Initiation => td_string!(locale, intro.phase_initiation),
        Phase::Design => td_string!(locale, intro.phase_design),
        Phase::Pilot => td_string!(locale, intro.phase_pilot),
        Phase::RollOut => td_string!(locale, intro.phase_roll_out),
        Phase::Anchoring => td_string!(locale, intro.phase_anchoring),
    }
}

fn status_name(locale: Locale, status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Open => td_string!(locale, intro.status_open),
        TaskStatus::InProgress => td_string!(locale, intro.status_in_progress),
        TaskStatus::Done => td_string!(locale, intro.status_done),
    }
}

/// The pages of the project.
const TABS: [Tab; 3] = [
    ("/introduction", "intro-tab-project", |l| {
        td_string!(l, intro.tab_project)
    }),
    ("/introduction/risks", "intro-tab-risks", |l| {
        td_string!(l, intro.tab_risks)
    }),
    ("/introduction/goals", "intro-tab-goals", |l| {
        td_string!(l, intro.tab_goals)
    }),
];

fn tabs(here: &'static str) -> impl IntoView {
    page_tabs(|l| td_string!(l, intro.title), here, &TABS)
}

/// The breadcrumb back to the block's page.
fn breadcrumb() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="kam-breadcrumb kam-no-print">
            <a href=href("/blocks/goals") rel="external">{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::Goals)}</a>
        </p>
    }
}

/// A day for a date field (`YYYY-MM-DD`), empty when none.
fn day_value(day: Option<crate::domain::time::Day>) -> String {
    day.map(|d| d.iso()).unwrap_or_default()
}
