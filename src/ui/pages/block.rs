use crate::domain::{BuildingBlock, Tool};
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One building block with its tools and what each can do today.
#[component]
pub fn BlockPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let block = move || params.with(|p| p.get("slug").and_then(|s| BuildingBlock::from_slug(&s)));
    move || {
        match block() {
        None => view! {
            <section class="kam-page kam-empty">
                <h1>{t!(i18n, blockpage.not_found)}</h1>
                <A href=href("/") attr:class="kam-button kam-button--primary">{t!(i18n, blockpage.back)}</A>
            </section>
        }
        .into_any(),
        Some(block) => view! {
            <section class="kam-page">
                <p class="kam-breadcrumb"><A href=href("/")>{t!(i18n, blockpage.back)}</A></p>
                <h1>{move || text::block_name(i18n.get_locale(), block)}</h1>
                <p class="kam-block__chapter">{t!(i18n, home.chapter, n = block.chapter())}</p>
                <p class="kam-lead">{move || text::block_summary(i18n.get_locale(), block)}</p>
                <h2>{t!(i18n, blockpage.tools_title)}</h2>
                <ul class="kam-tools">
                    {block.tools().map(|tool| view! { <ToolRow tool/> }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
    }
    }
}

/// A tool of a block: a link when it is available, an honest note when not.
#[component]
fn ToolRow(
    /// The tool, from the registry.
    tool: Tool,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move || text::tool_name(i18n.get_locale(), tool);
    let key = tool.key();
    match tool.route() {
        Some(route) => view! {
            <li class="kam-card kam-tool" data-tool=key>
                <span class="kam-badge kam-badge--ok">{t!(i18n, blockpage.available)}</span>
                <A href=href(route)>{name}</A>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="kam-card kam-tool kam-tool--planned" data-tool=key>
                <span class="kam-badge">{t!(i18n, blockpage.planned)}</span>
                <span>{name}</span>
                <p class="kam-muted">{t!(i18n, blockpage.planned_note)}</p>
            </li>
        }
        .into_any(),
    }
}
