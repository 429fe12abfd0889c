//! The company's KAM foundations as short structured notes.

use crate::domain::fitness::Foundations;
use crate::storage::browser;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

type Field = (
    &'static str,
    fn(Locale) -> &'static str,
    fn(Locale) -> &'static str,
    fn(&mut Foundations) -> &mut String,
);

const FIELDS: [Field; 5] = [
    (
        "definition",
        |l| td_string!(l, foundations.definition),
        |l| td_string!(l, foundations.definition_hint),
        |f| &mut f.definition,
    ),
    (
        "strategy",
        |l| td_string!(l, foundations.strategy),
        |l| td_string!(l, foundations.strategy_hint),
        |f| &mut f.strategy,
    ),
    (
        "competencies",
        |l| td_string!(l, foundations.competencies),
        |l| td_string!(l, foundations.competencies_hint),
        |f| &mut f.competencies,
    ),
    (
        "principles",
        |l| td_string!(l, foundations.principles),
        |l| td_string!(l, foundations.principles_hint),
        |f| &mut f.principles,
    ),
    (
        "customer_orientation",
        |l| td_string!(l, foundations.customer_orientation),
        |l| td_string!(l, foundations.customer_orientation_hint),
        |f| &mut f.customer_orientation,
    ),
];

/// Five notes: definition of KAM, strategy, competencies, principles,
/// customer orientation. Saved as the user types.
#[component]
pub fn FoundationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let fields = FIELDS
        .into_iter()
        .map(|(key, label, hint, access)| {
            let id = format!("foundations-{key}");
            let hint_id = format!("{id}-hint");
            view! {
                <div class="kam-field kam-field--wide">
                    <label for=id.clone()>{move || label(i18n.get_locale())}</label>
                    <p class="kam-field__hint" id=hint_id.clone()>{move || hint(i18n.get_locale())}</p>
                    <textarea id=id rows="4" maxlength="20000" aria-describedby=hint_id data-testid=format!("foundations-{key}")
                        prop:value=move || store.read(Part::Foundations, |ws| ws.foundations.fields().iter().find(|(name, _)| *name == key).map(|(_, text)| (*text).clone()).unwrap_or_default())
                        on:input:target=move |ev| {
                            let value = ev.target().value();
                            let now = browser::now();
                            store.edit_part(Part::Foundations, |ws| {
                                *access(&mut ws.foundations) = value;
                                ws.foundations.modified = Some(now);
                            });
                        }
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    let modified = move || {
        let locale = i18n.get_locale();
        store
            .read(Part::Foundations, |ws| ws.foundations.modified)
            .map(|t| {
                td_string!(
                    locale,
                    foundations.last_change,
                    time = text::time(locale, t)
                )
            })
    };
    view! {
        <section class="kam-page">
            <p class="kam-breadcrumb"><A href=href("/blocks/fit")>{move || text::block_name(i18n.get_locale(), crate::domain::BuildingBlock::Fit)}</A></p>
            <h1>{t!(i18n, foundations.title)}</h1>
            <p class="kam-lead">{t!(i18n, foundations.intro)}</p>
            <section class="kam-card kam-form">
                <div class="kam-form__grid">{fields}</div>
                <p class="kam-muted">{modified}</p>
            </section>
        </section>
    }
}
