//! The customer portfolio: attractiveness × supplier position, bubbles
//! sized by revenue, the four fields with their standard strategies, and
//! the customer behind a bubble.

use super::{
    class_name, download_svg, edit_targets, portfolio_chart, quadrant_member, quadrant_name,
    quadrant_strategy, today, use_analysis, NoCustomers, PromoteCell, TargetsHead,
};
use crate::domain::targets::{
    quadrant_shares, PortfolioSplit, Quadrant, QuadrantShare, PORTFOLIO_MAX,
};
use crate::domain::{format_amount, parse_amount};
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let analysis = use_analysis(store);
    let selected = RwSignal::new(None::<Uuid>);
    let split_error = RwSignal::new(false);
    let count = Memo::new(move |_| store.read(Part::Targets, |ws| ws.targets.customers.len()));

    let chart = Memo::new(move |_| {
        let locale = i18n.get_locale();
        let sel = selected.get();
        analysis.with(|a| store.read(Part::Targets, |ws| portfolio_chart(locale, ws, a, sel)))
    });

    let set_split = move |axis: char, raw: String| {
        let locale = i18n.get_locale_untracked();
        let (scale, mut split) = store.read_untracked(|ws| (ws.targets.scale, ws.targets.split()));
        match parse_amount(&raw, text::number_style(locale)) {
            Ok(Some(v)) if scale.contains(v) => {
                if axis == 'a' {
                    split.attractiveness = v
                } else {
                    split.position = v
                }
                split_error.set(false);
                edit_targets(store, move |t| t.split = Some(split));
            }
            _ => split_error.set(true),
        }
    };

    let controls = move || {
        let locale = i18n.get_locale();
        let (split, scale, custom): (PortfolioSplit, _, bool) = store.read(Part::Targets, |ws| {
            (
                ws.targets.split(),
                ws.targets.scale,
                ws.targets.split.is_some(),
            )
        });
        view! {
            <div class="kam-card kam-toolbar" data-testid="portfolio-settings">
                <label class="kam-field kam-field--short">
                    <span>{td_string!(locale, targets.split_attractiveness)}</span>
                    <input type="text" inputmode="decimal" data-testid="split-a" value=text::plain_number(locale, split.attractiveness) on:change:target=move |ev| set_split('a', ev.target().value())/>
                </label>
                <label class="kam-field kam-field--short">
                    <span>{td_string!(locale, targets.split_position)}</span>
                    <input type="text" inputmode="decimal" data-testid="split-p" value=text::plain_number(locale, split.position) on:change:target=move |ev| set_split('p', ev.target().value())/>
                </label>
                {custom.then(|| view! {
                    <button class="kam-button" on:click=move |_| edit_targets(store, |t| t.split = None)>{td_string!(locale, targets.split_reset)}</button>
                })}
                <p class="kam-field__hint kam-field--grow">{td_string!(locale, targets.split_hint, min = text::plain_number(locale, scale.min()), max = text::plain_number(locale, scale.max()))}</p>
            </div>
            <p class="kam-note kam-note--error" role="alert" hidden=move || !split_error.get()>{move || t_string!(i18n, targets.split_invalid)}</p>
        }
    };

    let on_chart_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        // The SVG is centred in its box and scaled: measure the SVG itself.
        let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.query_selector("svg").ok().flatten())
        else {
            return;
        };
        let rect = target.get_bounding_client_rect();
        chart.with_untracked(|(c, placed, _)| {
            if rect.width() <= 0.0 {
                return;
            }
            let factor = c.width / rect.width();
            let x = (f64::from(ev.client_x()) - rect.left()) * factor;
            let y = (f64::from(ev.client_y()) - rect.top()) * factor;
            if let Some(hit) = c.hit(x, y) {
                let id = store.read_untracked(|ws| ws.targets.customers[placed[hit]].id);
                selected.set(Some(id));
            }
        });
    };

    let body = move || {
        let locale = i18n.get_locale();
        if count.get() == 0 {
            return view! { <NoCustomers/> }.into_any();
        }
        let style = text::number_style(locale);
        chart.with(|(c, placed, with_axes)| {
            let svg = c.svg.clone();
            let svg_file = c.svg.clone();
            let total = count.get_untracked();
            let hidden = c.hidden_labels();
            let quadrants = analysis.with(|a| store.read(Part::Targets, |ws| quadrant_shares(&ws.targets, a)));
            let listed: Vec<(Uuid, String, Option<Quadrant>)> = analysis.with(|a| store.read(Part::Targets, |ws| placed.iter().map(|&i| (ws.targets.customers[i].id, ws.targets.customers[i].name.clone(), a.customers[i].quadrant)).collect()));
            view! {
                {(*with_axes == 0).then(|| view! { <p class="kam-note" data-testid="portfolio-empty">{td_string!(locale, targets.portfolio_no_grades)}</p> })}
                <div class="kam-card">
                    <div class="kam-card__head">
                        <h2>{td_string!(locale, targets.portfolio_title)}</h2>
                        <button class="kam-button" data-testid="portfolio-svg" on:click=move |_| download_svg(&format!("portfolio-{}.svg", today()), &svg_file)>{td_string!(locale, targets.download_svg)}</button>
                    </div>
                    <p class="kam-muted" data-testid="portfolio-shown">
                        {text::plural!(locale, targets.portfolio_shown, *with_axes, shown = placed.len(), total = total, max = PORTFOLIO_MAX)}
                        {(hidden > 0).then(|| format!(" {}", td_string!(locale, targets.portfolio_hidden_labels, count = hidden)))}
                    </p>
                    <div class="kam-chart kam-chart--click" data-testid="portfolio" role="img" aria-label=td_string!(locale, targets.portfolio_title) inner_html=svg on:click=on_chart_click></div>
                    <details class="kam-bubble-list">
                        <summary>{td_string!(locale, targets.portfolio_list)}</summary>
                        <ul class="kam-chips">
                            {listed.into_iter().map(|(id, name, q)| view! {
                                <li><button class="kam-button kam-button--small" aria-pressed=move || (selected.get() == Some(id)).to_string() on:click=move |_| selected.set(Some(id))>
                                    {name}<span class="kam-muted">{q.map(|q| format!(" · {}", quadrant_member(locale, q))).unwrap_or_default()}</span>
                                </button></li>
                            }).collect_view()}
                        </ul>
                    </details>
                </div>
                <div class="kam-quadrants" data-testid="quadrants">
                    {quadrants.into_iter().map(|QuadrantShare { quadrant: q, count: n, revenue_share: share }| view! {
                        <div class=format!("kam-card kam-quadrant kam-quadrant--{}", match q { Quadrant::Star => "star", Quadrant::QuestionMark => "question", Quadrant::Cash => "cash", Quadrant::TakeAlong => "take" })>
                            <h3>{quadrant_name(locale, q)}</h3>
                            <p class="kam-quadrant__figures">{td_string!(locale, targets.quadrant_figures, count = n, share = text::percent1(locale, share))}</p>
                            <p>{quadrant_strategy(locale, q)}</p>
                        </div>
                    }).collect_view()}
                </div>
                {move || selected.get().and_then(|id| {
                    let (c, r) = store.read(Part::Targets, |ws| {
                        let i = ws.targets.customers.iter().position(|c| c.id == id)?;
                        Some((ws.targets.customers[i].clone(), analysis.with(|a| a.customers[i].clone())))
                    })?;
                    Some(view! {
                        <div class="kam-card kam-card--highlight" data-testid="bubble-detail" role="region" aria-label=c.name.clone()>
                            <h2>{c.name.clone()}{(!c.number.is_empty()).then(|| format!(" · {}", c.number))}</h2>
                            <dl class="kam-facts">
                                <dt>{td_string!(locale, targets.measure_revenue)}</dt><dd>{c.revenue.map(|v| format_amount(v, style)).unwrap_or_else(|| "–".into())}</dd>
                                <dt>{td_string!(locale, targets.axis_attractiveness)}</dt><dd>{r.attractiveness.map(|v| text::decimal2(locale, v)).unwrap_or_else(|| td_string!(locale, targets.missing).to_owned())}</dd>
                                <dt>{td_string!(locale, targets.axis_position)}</dt><dd>{r.position.map(|v| text::decimal2(locale, v)).unwrap_or_else(|| td_string!(locale, targets.missing).to_owned())}</dd>
                                <dt>{td_string!(locale, targets.col_quadrant)}</dt><dd data-testid="detail-quadrant">{r.quadrant.map(|q| quadrant_name(locale, q)).unwrap_or("–")}</dd>
                                <dt>{td_string!(locale, targets.col_class)}</dt><dd>{r.abc.map(class_name).unwrap_or("–")}</dd>
                                <dt>{td_string!(locale, targets.col_rank)}</dt><dd>{r.rank.map(|v| v.to_string()).unwrap_or_else(|| "–".into())}</dd>
                            </dl>
                            {r.quadrant.map(|q| view! { <p>{quadrant_strategy(locale, q)}</p> })}
                            <PromoteCell customer=c.id name=c.name.clone()/>
                        </div>
                    })
                })}
            }
            .into_any()
        })
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_portfolio).to_owned())/>
            {controls}
            {body}
        </section>
    }
}
