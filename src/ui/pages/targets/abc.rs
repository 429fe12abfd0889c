//! ABC analysis: measure and cut-offs, Pareto chart, class summary and the
//! sorted list.

use super::{
    class_name, download_svg, edit_targets, measure_in_text, measure_name, pareto_svg, today,
    use_analysis, NoCustomers, Pager, TargetsHead, PAGE_SIZE,
};
use crate::domain::targets::abc::AbcError;
use crate::domain::targets::Measure;
use crate::domain::{format_amount, parse_amount};
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn AbcPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let analysis = use_analysis(store);
    let page = RwSignal::new(0usize);
    let cut_error = RwSignal::new(None::<String>);
    let settings = Memo::new(move |_| {
        store.read(Part::Targets, |ws| {
            (
                ws.targets.measure,
                ws.targets.cut_offs,
                ws.targets.customers.len(),
            )
        })
    });

    let set_cut = move |which: char, raw: String| {
        let locale = i18n.get_locale_untracked();
        let Ok(Some(value)) = parse_amount(&raw, text::number_style(locale)) else {
            cut_error.set(Some(td_string!(locale, targets.cut_invalid).to_owned()));
            return;
        };
        let mut cut = settings.get_untracked().1;
        if which == 'a' {
            cut.a = value
        } else {
            cut.b = value
        }
        if !(0.0 < cut.a && cut.a < cut.b && cut.b < 100.0) {
            cut_error.set(Some(td_string!(locale, targets.cut_invalid).to_owned()));
            return;
        }
        cut_error.set(None);
        edit_targets(store, |t| t.cut_offs = cut);
    };

    let controls = move || {
        let locale = i18n.get_locale();
        let (measure, cut, _) = settings.get();
        view! {
            <div class="kam-card kam-toolbar" data-testid="abc-settings">
                <label class="kam-field">
                    <span>{td_string!(locale, targets.measure_label)}</span>
                    <select data-testid="abc-measure"
                        on:change:target=move |ev| {
                            let m = match ev.target().value().as_str() { "margin" => Measure::Margin, "potential" => Measure::Potential, _ => Measure::Revenue };
                            edit_targets(store, |t| t.measure = m);
                            page.set(0);
                        }>
                        {Measure::ALL.into_iter().map(|m| {
                            let value = match m { Measure::Revenue => "revenue", Measure::Margin => "margin", Measure::Potential => "potential" };
                            view! { <option value=value selected=m == measure>{measure_name(locale, m)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="kam-field kam-field--short">
                    <span>{td_string!(locale, targets.cut_a)}</span>
                    <input type="text" inputmode="decimal" data-testid="cut-a" value=text::plain_number(locale, cut.a)
                        on:change:target=move |ev| set_cut('a', ev.target().value())/>
                </label>
                <label class="kam-field kam-field--short">
                    <span>{td_string!(locale, targets.cut_b)}</span>
                    <input type="text" inputmode="decimal" data-testid="cut-b" value=text::plain_number(locale, cut.b)
                        on:change:target=move |ev| set_cut('b', ev.target().value())/>
                </label>
                <p class="kam-field__hint kam-field--grow">{td_string!(locale, targets.abc_rule)}</p>
            </div>
            <p class="kam-note kam-note--error" role="alert" hidden=move || cut_error.with(Option::is_none)>{move || cut_error.get()}</p>
        }
    };

    let body = move || {
        let locale = i18n.get_locale();
        let (measure, cut, count) = settings.get();
        if count == 0 {
            return view! { <NoCustomers/> }.into_any();
        }
        analysis.with(|a| {
            let abc = match &a.abc {
                Err(AbcError::NoPositiveTotal) | Err(AbcError::Empty) => {
                    return view! { <p class="kam-note kam-note--error" role="alert" data-testid="abc-error">{td_string!(locale, targets.abc_no_total, measure = measure_in_text(locale, measure))}</p> }.into_any();
                }
                Err(AbcError::CutOffs) => {
                    return view! { <p class="kam-note kam-note--error" role="alert">{td_string!(locale, targets.cut_invalid)}</p> }.into_any();
                }
                Ok(abc) => abc,
            };
            let svg = pareto_svg(locale, a, measure, cut).unwrap_or_default();
            let svg_file = svg.clone();
            let style = text::number_style(locale);
            let names: Vec<(String, String)> = store.read(Part::Targets, |ws| {
                abc.rows.iter().skip(page.get() * PAGE_SIZE).take(PAGE_SIZE)
                    .map(|r| (ws.targets.customers[r.index].name.clone(), ws.targets.customers[r.index].number.clone()))
                    .collect()
            });
            let warning = (!abc.non_positive.is_empty()).then(|| view! {
                <p class="kam-note" data-testid="abc-non-positive">{td_string!(locale, targets.abc_non_positive, count = abc.non_positive.len(), measure = measure_in_text(locale, measure))}</p>
            });
            view! {
                {warning}
                <div class="kam-card">
                    <div class="kam-card__head">
                        <h2>{td_string!(locale, targets.pareto_title)}</h2>
                        <button class="kam-button" data-testid="pareto-svg" on:click=move |_| download_svg(&format!("pareto-{}.svg", today()), &svg_file)>{td_string!(locale, targets.download_svg)}</button>
                    </div>
                    <div class="kam-chart" data-testid="pareto" role="img" aria-label=td_string!(locale, targets.pareto_title) inner_html=svg></div>
                    <table class="kam-table kam-table--stack" data-testid="class-summary">
                        <thead><tr>
                            <th scope="col">{td_string!(locale, targets.col_class)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.col_count)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.col_customer_share)}</th>
                            <th scope="col" class="kam-num">{td_string!(locale, targets.col_measure_share, measure = measure_in_text(locale, measure))}</th>
                        </tr></thead>
                        <tbody>
                            {a.classes.iter().map(|c| view! {
                                <tr data-testid="class-row">
                                    <th scope="row">{class_name(c.class)}</th>
                                    <td class="kam-num" data-label=td_string!(locale, targets.col_count)>{c.count}</td>
                                    <td class="kam-num" data-label=td_string!(locale, targets.col_customer_share)>{text::percent1(locale, c.customer_share)}</td>
                                    <td class="kam-num" data-label=td_string!(locale, targets.col_measure_share, measure = measure_in_text(locale, measure))>{text::percent1(locale, c.measure_share)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="kam-card">
                    <h2>{td_string!(locale, targets.abc_list_title, measure = measure_in_text(locale, measure))}</h2>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-table--stack" data-testid="abc-table">
                            <thead><tr>
                                <th scope="col" class="kam-num">{td_string!(locale, targets.col_position)}</th>
                                <th scope="col">{td_string!(locale, targets.col_name)}</th>
                                <th scope="col" class="kam-num">{measure_name(locale, measure)}</th>
                                <th scope="col" class="kam-num">{td_string!(locale, targets.col_share)}</th>
                                <th scope="col" class="kam-num">{td_string!(locale, targets.col_cumulative)}</th>
                                <th scope="col">{td_string!(locale, targets.col_class)}</th>
                            </tr></thead>
                            <tbody>
                                {abc.rows.iter().enumerate().skip(page.get() * PAGE_SIZE).take(PAGE_SIZE).zip(names).map(|((pos, r), (name, number))| {
                                    let value = if r.value.is_finite() { format_amount(r.value, style) } else { "–".into() };
                                    view! {
                                        <tr data-testid="abc-row">
                                            <td class="kam-num" data-label=td_string!(locale, targets.col_position)>{pos + 1}</td>
                                            <th scope="row" data-label=td_string!(locale, targets.col_name)>{name}<span class="kam-muted">{if number.is_empty() { String::new() } else { format!(" · {number}") }}</span></th>
                                            <td class="kam-num" data-label=measure_name(locale, measure)>{value}</td>
                                            <td class="kam-num" data-label=td_string!(locale, targets.col_share)>{text::percent1(locale, r.share)}</td>
                                            <td class="kam-num" data-label=td_string!(locale, targets.col_cumulative)>{text::percent1(locale, r.cumulative)}</td>
                                            <td data-label=td_string!(locale, targets.col_class)><span class=format!("kam-class kam-class--{}", class_name(r.class).to_lowercase())>{class_name(r.class)}</span></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager page=page total=Signal::derive(move || settings.with(|s| s.2))/>
                </div>
            }
            .into_any()
        })
    };

    view! {
        <section class="kam-page kam-targets">
            <TargetsHead intro=Signal::derive(move || t_string!(i18n, targets.intro_abc).to_owned())/>
            {controls}
            {body}
        </section>
    }
}
