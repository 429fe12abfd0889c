use crate::ui::href;
use crate::ui::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="kam-page kam-empty" data-testid="not-found">
            <h1>{t!(i18n, notfound.title)}</h1>
            <p>{t!(i18n, notfound.body)}</p>
            <A href=href("/") attr:class="kam-button kam-button--primary">{t!(i18n, notfound.home)}</A>
        </section>
    }
}
