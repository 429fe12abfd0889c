//! The analysis of one key account at a glance: what each tool holds,
//! how current it is, every red flag with a link to where it is fixed; and,
//! printed, the account plan on one A4 page (profile, Buying Center map,
//! whitespace, goals and open actions).

use super::whitespace::WhitespaceLegend;
use super::{analysis_tool_name, analysis_tool_path, finding_text, part_name, today, tool_head};
use crate::domain::potentials::findings::findings;
use crate::domain::{format_amount, format_whole};
use crate::ui::components::account_of_address;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// The analysis overview of the key account in the address.
#[component]
pub fn AnalysisOverviewPage() -> impl IntoView {
    account_of_address(|id| view! { <Overview id/> })
}

/// Each tool with what is filled in and how old it is, every red flag
/// with a link to where it is fixed, and the one-page account plan.
#[component]
fn Overview(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let today = today();
    let found = Memo::new(move |_| store.read(Part::Potentials, |ws| findings(ws, id, today)));
    let tools = move || {
        let locale = i18n.get_locale();
        found.with(|f| {
            f.tools
                .iter()
                .map(|tool| {
                    let state = match tool.modified {
                        None => td_string!(locale, analysis.not_started).to_owned(),
                        Some(at) => td_string!(locale, analysis.modified, time = text::time(locale, at)),
                    };
                    let warning = if tool.unreadable {
                        Some(td_string!(locale, analysis.unreadable))
                    } else if tool.outdated(today) {
                        Some(td_string!(locale, analysis.outdated))
                    } else {
                        None
                    };
                    let parts = tool
                        .parts
                        .iter()
                        .map(|(part, done)| {
                            let mark = if *done { "✓" } else { "–" };
                            let status = if *done { td_string!(locale, analysis.done) } else { td_string!(locale, analysis.missing) };
                            view! {
                                <li class:kam-part--done=*done>
                                    <span aria-hidden="true">{mark}" "</span>{part_name(locale, *part)}
                                    <span class="kam-visually-hidden">{format!(" ({status})")}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <li data-testid="analysis-tool">
                            <div>
                                <strong>{analysis_tool_name(locale, tool.tool)}</strong>
                                <p class="kam-muted">{state}
                                    {warning.map(|w| view! { " "<span class="kam-badge kam-badge--warn">{w}</span> })}
                                </p>
                                <ul class="kam-parts">{parts}</ul>
                            </div>
                            <a class="kam-button kam-button--primary" rel="external"
                                href=analysis_tool_path(tool.tool, id)>{td_string!(locale, analysis.open)}</a>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let flags = move || {
        let locale = i18n.get_locale();
        found.with(|f| {
            if f.flags.is_empty() {
                return view! { <p class="kam-note kam-note--ok" data-testid="analysis-no-flags">{td_string!(locale, analysis.flags_none)}</p> }.into_any();
            }
            let items = f
                .flags
                .iter()
                .map(|flag| {
                    let (sentence, link) = finding_text(locale, f, id, flag);
                    view! { <li><a href=link rel="external">{sentence}</a></li> }
                })
                .collect::<Vec<_>>();
            view! { <ul class="kam-flags" data-testid="analysis-flags">{items}</ul> }.into_any()
        })
    };
    let completeness = move || {
        let locale = i18n.get_locale();
        let (done, total) = found.with(|f| f.completeness());
        view! {
            <p data-testid="analysis-completeness">
                <progress max=total.to_string() value=done.to_string()></progress>" "
                {td_string!(locale, analysis.completeness, done = done, total = total)}
            </p>
        }
    };
    let profile = move || {
        let locale = i18n.get_locale();
        store.read(Part::Accounts, |ws| {
            ws.account(id).map(|a| {
                let revenue = a
                    .revenue_last_year
                    .map(|r| format_amount(r.value(), text::number_style(locale)))
                    .unwrap_or_else(|| td_string!(locale, analysis.print_none).to_owned());
                let rows = [
                    (
                        td_string!(locale, account.field_industry),
                        a.industry.clone(),
                    ),
                    (td_string!(locale, account.field_country), a.country.clone()),
                    (
                        td_string!(locale, account.field_sites),
                        a.sites.replace('\n', ", "),
                    ),
                    (
                        td_string!(locale, account.field_kam),
                        a.kam_responsible.clone(),
                    ),
                    (td_string!(locale, account.field_revenue), revenue),
                ];
                let size = found.with(|f| {
                    f.profile
                        .as_ref()
                        .filter(|p| p.employees.is_some() || p.revenue.is_some())
                        .map(|p| {
                            let style = text::number_style(locale);
                            let none = td_string!(locale, analysis.print_none);
                            td_string!(
                                locale,
                                analysis.print_size,
                                employees = p
                                    .employees
                                    .map_or(none.to_owned(), |n| format_whole(f64::from(n), style)),
                                revenue = p.revenue.map_or(
                                    none.to_owned(),
                                    |r| text::short_amount(locale, r.value())
                                )
                            )
                        })
                });
                let business = found.with(|f| f.business.clone()).unwrap_or_default();
                let wallet = business.wallet().map(|w| {
                    td_string!(
                        locale,
                        analysis.print_wallet,
                        share = text::percent(locale, w.share * 100.0),
                        potential = format_amount(w.potential, text::number_style(locale))
                    )
                });
                let rows = rows.into_iter().chain([
                    (
                        td_string!(locale, prof.size_title),
                        size.unwrap_or_default(),
                    ),
                    (td_string!(locale, biz.share), wallet.unwrap_or_default()),
                    (
                        td_string!(locale, biz.stage_title),
                        business
                            .stage
                            .map(|s| super::business::stage_name(locale, s).to_owned())
                            .unwrap_or_default(),
                    ),
                ]);
                rows.map(|(label, value)| {
                    let value = if value.trim().is_empty() {
                        "–".to_owned()
                    } else {
                        value
                    };
                    view! { <dt>{label}</dt><dd>{value}</dd> }
                })
                .collect::<Vec<_>>()
            })
        })
    };
    let map = move || {
        let locale = i18n.get_locale();
        found.with(|f| {
            f.center
                .as_ref()
                .filter(|c| !c.persons.is_empty())
                .map(|c| super::buying_center::map_svg(locale, c))
        })
    };
    let whitespace = move || {
        found.with(|f| {
            f.business
                .as_ref()
                .filter(|b| !b.sites.is_empty() && !b.groups.is_empty())
                .map(super::whitespace::whitespace_svg)
        })
    };
    let plan_tables = move || {
        let locale = i18n.get_locale();
        let german = locale == Locale::de;
        found.with(|f| {
            let plan = f.plan.clone().unwrap_or_default();
            let goals = plan
                .goals
                .iter()
                .map(|g| view! { <li>{g.text.clone()}</li> })
                .collect::<Vec<_>>();
            let actions = plan
                .open_actions()
                .into_iter()
                .map(|a| {
                    let goal = a
                        .goal
                        .and_then(|g| plan.goal(g))
                        .map(|g| g.text.clone())
                        .unwrap_or_default();
                    view! {
                        <tr>
                            <td>{a.title.clone()}</td>
                            <td>{a.owner.clone()}</td>
                            <td>{a.due.map(|d| d.display(german)).unwrap_or_default()}</td>
                            <td>{goal}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <h3>{td_string!(locale, analysis.print_goals)}</h3>
                <p class="kam-sheet__vision">{plan.vision.clone()}</p>
                <ul>{goals}</ul>
                <h3>{td_string!(locale, analysis.print_actions)}</h3>
                <div class="kam-table-wrap"><table class="kam-table kam-sheet__actions">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, plan.col_title)}</th>
                            <th scope="col">{td_string!(locale, plan.col_owner)}</th>
                            <th scope="col">{td_string!(locale, plan.col_due)}</th>
                            <th scope="col">{td_string!(locale, plan.col_goal)}</th>
                        </tr>
                    </thead>
                    <tbody>{actions}</tbody>
                </table></div>
            }
        })
    };
    view! {
        <section class="kam-page kam-toolpage kam-analysis">
            {tool_head(id, |l| td_string!(l, analysis.overview_title), |l| td_string!(l, analysis.overview_intro))}
            <section class="kam-card kam-no-print" data-testid="account-analysis">
                {completeness}
                <ul class="kam-tool-list">{tools}</ul>
            </section>
            <div class="kam-sheet__top">
                <section class="kam-card kam-sheet__flags">
                    <h2>{t!(i18n, bc.flags_title)}</h2>
                    {flags}
                </section>
                <section class="kam-card">
                    <h2>{t!(i18n, analysis.profile)}</h2>
                    <dl class="kam-sheet__profile">{profile}</dl>
                </section>
            </div>
            <div class="kam-sheet">
                <div class="kam-sheet__pictures">
                    <section class="kam-card">
                        <h2>{t!(i18n, bc.map_title)}</h2>
                        {move || map().map(|svg| view! { <div class="kam-chart" data-testid="overview-map" inner_html=svg></div> })}
                    </section>
                    <section class="kam-card kam-sheet__whitespace">
                        <h2>{t!(i18n, analysis.print_whitespace)}</h2>
                        {move || whitespace().map(|svg| view! { <div class="kam-chart" data-testid="overview-whitespace" inner_html=svg></div> })}
                        {move || whitespace().is_some().then(|| view! { <WhitespaceLegend/> })}
                    </section>
                </div>
                <section class="kam-card">
                    <h2>{t!(i18n, plan.title)}</h2>
                    {plan_tables}
                </section>
            </div>
        </section>
    }
}
