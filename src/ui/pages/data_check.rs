//! The check pages of an import: each reads the contents of one group of
//! tools of the file the import page handed over, notes its verdict and
//! goes back to the import page (`storage::handoff`). A page of its own per
//! group, so that no page carries the reading code of every tool
//! (docs/ARCHITECTURE.md, "Import").

use crate::domain::record::ToolGroup;
use crate::domain::{Workspace, WorkspaceError};
use crate::storage::handoff::{self, Verdict};
use crate::storage::{browser, decode_stored, DecodeError};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::text;
use leptos::prelude::*;

/// Checks the tools of the account analysis in the file being imported.
#[component]
pub fn PotentialsCheckPage() -> impl IntoView {
    check_page(ToolGroup::Potentials, Workspace::check_potentials_tools)
}

/// Checks the tools of "Menschen im KAM" and "Prozesse und Tools" in the
/// file being imported.
#[component]
pub fn ProcessesCheckPage() -> impl IntoView {
    check_page(ToolGroup::Processes, Workspace::check_process_tools)
}

/// Runs `check` on the handed-over file, keeps the verdict and opens the
/// import page again; says so when there is nothing to check or the
/// verdict cannot be kept.
fn check_page(
    group: ToolGroup,
    check: fn(&Workspace) -> Result<(), WorkspaceError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    text::detailed_places();
    let kept = browser::session_item(handoff::FILE).map(|text| {
        // Should the check not finish (the tab runs out of memory), the
        // import finds this verdict instead of sending the file here again.
        let unfinished = Verdict::Failed {
            message: td_string!(locale, data.check_unfinished).to_owned(),
            detail: None,
        };
        browser::try_set_session_item(
            &handoff::verdict_key(group),
            &handoff::write_verdict(&text, &unfinished),
        );
        let verdict = match decode_stored(text.as_bytes()) {
            Err(error) => failed(locale, error),
            Ok(decoded) => match check(&decoded.workspace) {
                Ok(()) => Verdict::Passed,
                Err(error) => failed(locale, DecodeError::Invalid(error)),
            },
        };
        browser::try_set_session_item(
            &handoff::verdict_key(group),
            &handoff::write_verdict(&text, &verdict),
        )
    });
    let message = match kept {
        Some(true) => {
            browser::load_page(&href("/data"));
            td_string!(locale, data.checking).to_owned()
        }
        Some(false) => {
            // Without a verdict the import page would send the file here
            // again: the import ends.
            let keys = handoff::keys();
            browser::remove_session_items(&keys.iter().map(String::as_str).collect::<Vec<_>>());
            format!(
                "{} {}",
                td_string!(locale, data.cannot_hand_over),
                td_string!(locale, error.unchanged)
            )
        }
        None => td_string!(locale, data.nothing_to_check).to_owned(),
    };
    view! {
        <section class="kam-page">
            <h1>{t!(i18n, data.check_title)}</h1>
            <p data-testid="check-status">{message}</p>
            <p><a href=href("/data") rel="external">{t!(i18n, data.back_to_import)}</a></p>
        </section>
    }
}

fn failed(locale: Locale, error: DecodeError) -> Verdict {
    Verdict::Failed {
        message: text::decode_error(locale, &error),
        detail: text::decode_error_detail(locale, &error),
    }
}
