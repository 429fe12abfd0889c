//! The preparation of the annual review talk: one sheet drawn from the
//! account's analysis and surveys each time it is shown or printed
//! (`domain::processes::review::preparation`). The revenue planned for the
//! year under review is entered on the page of the talk.

use super::super::{finding_text, today, tool_page};
use super::{page_of, page_tabs, shown_talk, talk_label};
use crate::domain::format_amount;
use crate::domain::potentials::findings::{findings, Findings};
use crate::domain::potentials::plan::AccountPlan;
use crate::domain::potentials::{tool_of, ToolKind};
use crate::domain::processes::review::{preparation, Preparation, ReviewTool, Talk, Talks};
use crate::domain::processes::satisfaction::{SatisfactionTool, Survey};
use crate::domain::record::ToolFamily;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Part};
use crate::ui::text;
use leptos::prelude::*;
use uuid::Uuid;

/// Shows the preparation of the annual review talks of the key account in
/// the address.
#[component]
pub fn ReviewPrepPage() -> impl IntoView {
    tool_page::<ReviewTool, _, _>(
        |locale| td_string!(locale, rev.prep_page_title),
        |locale| td_string!(locale, rev.prep_intro),
        |account, data| view! { <Prep account data/> },
    )
}

#[component]
fn Prep(account: Uuid, data: Memo<Talks>) -> impl IntoView {
    let i18n = use_i18n();
    let (_, current) = shown_talk(data);
    // Read only: the talks are created and the plan is entered on the page
    // of the talk, so that this page carries no writing code.
    let links = move || {
        let locale = i18n.get_locale();
        let shown = current.get();
        data.with(|d| {
            d.newest_first()
                .into_iter()
                .map(|t| {
                    view! {
                        <li>
                            <a class="kam-button kam-sat__pick" rel="external" data-testid="rev-pick"
                                aria-current=(shown == Some(t.id)).then_some("page")
                                href=page_of("/prep", account, Some(t.id))>
                                <span class="kam-sat__pick-name">{talk_label(locale, t)}</span>
                            </a>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        {page_tabs(account, current, "/prep")}
        <section class="kam-card kam-no-print" aria-labelledby="rev-list-title">
            <h2 id="rev-list-title">{t!(i18n, rev.talks)}</h2>
            <Show when=move || data.with(|d| d.talks.is_empty())>
                <p class="kam-muted" data-testid="rev-empty">{t!(i18n, rev.prep_empty)}</p>
                <a class="kam-button kam-button--primary" rel="external" href=page_of("", account, None)>{t!(i18n, rev.tab_minutes)}</a>
            </Show>
            <ul class="kam-sat__list">{links}</ul>
        </section>
        {move || current.get().map(|id| {
            let talk = Memo::new(move |_| data.with(|d| d.talks.iter().find(|t| t.id == id).cloned()).unwrap_or_else(|| Talk::new(id, 0, None, &[])));
            view! {
                <section class="kam-card kam-rev__prep" aria-labelledby="rev-prep-title" data-testid="rev-prep">
                    <h2 id="rev-prep-title">{move || td_string!(i18n.get_locale(), rev.prep_title, year = talk.with(|t| t.year))}</h2>
                    <p class="kam-muted kam-no-print">{t!(i18n, rev.prep_help)}</p>
                    <PreparationSheet account talk/>
                </section>
            }
        })}
    }
}

/// An amount in euros as the sheet writes it (`1.780.000 €`, `€1,780,000`).
fn euros(locale: Locale, value: f64) -> String {
    format_amount(value, text::number_style(locale))
}

/// A deviation in euros with its sign (typographic minus).
fn signed_euros(locale: Locale, value: f64) -> String {
    let body = euros(locale, value.abs());
    if value < 0.0 {
        format!("−{body}")
    } else if value > 0.0 {
        format!("+{body}")
    } else {
        body
    }
}

/// A share (0.1 = 10 %) with its sign.
fn signed_percent(locale: Locale, share: f64) -> String {
    let body = text::percent1(locale, share.abs() * 100.0);
    if share < 0.0 {
        format!("−{body}")
    } else if share > 0.0 {
        format!("+{body}")
    } else {
        body
    }
}

/// "+10" / "−8" / "0": an NPS as the sheet writes it.
fn nps_text(score: i32) -> String {
    match score.signum() {
        1 => format!("+{score}"),
        -1 => format!("−{}", score.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// The preparation sheet: figures drawn from the account's data now.
#[component]
fn PreparationSheet(account: Uuid, talk: Memo<Talk>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let found =
        Memo::new(move |_| store.read(Part::Potentials, |ws| findings(ws, account, today())));
    let surveys = Memo::new(move |_| {
        store.read(Part::Potentials, |ws| {
            tool_of(ws.tool_list(ToolFamily::Satisfaction), account)
                .and_then(|r| SatisfactionTool::read(r).ok())
                .map(|s| s.surveys)
                .unwrap_or_default()
        })
    });
    let sheet = Memo::new(move |_| {
        let (year, planned) = talk.with(|t| (t.year, t.planned()));
        found.with(|f| surveys.with(|s| preparation(f, s, year, planned, today())))
    });
    let name = move || {
        store.read(Part::Accounts, |ws| {
            ws.account(account)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    };
    let figures = move || {
        let locale = i18n.get_locale();
        let year = talk.with(|t| t.year);
        sheet.with(|p| found.with(|f| figure_rows(locale, year, p, f)))
    };
    let lists = move || {
        let locale = i18n.get_locale();
        sheet.with(|p| found.with(|f| surveys.with(|s| sheet_lists(locale, account, p, f, s))))
    };
    view! {
        <p class="kam-print-only kam-rev__print-head">{name}" · "{move || talk.with(|t| talk_label(i18n.get_locale(), t))}</p>
        <dl class="kam-rev__figures" data-testid="rev-figures">{figures}</dl>
        {lists}
    }
}

/// The figures of the sheet as term–value pairs.
fn figure_rows(locale: Locale, year: i32, p: &Preparation, f: &Findings) -> impl IntoView {
    let none = td_string!(locale, rev.none).to_owned();
    let revenue = p.year.map_or(none.clone(), |y| euros(locale, y.revenue));
    let margin = p
        .year
        .and_then(|y| y.margin)
        .map_or(none.clone(), |m| euros(locale, m));
    let growth = p
        .year
        .and_then(|y| y.growth)
        .map_or(none.clone(), |g| signed_percent(locale, g));
    let against = match p.against_plan {
        Some(a) => {
            let share = a
                .share
                .map(|s| format!(" ({})", signed_percent(locale, s)))
                .unwrap_or_default();
            td_string!(
                locale,
                rev.against_plan_value,
                planned = euros(locale, a.planned),
                deviation = format!("{}{share}", signed_euros(locale, a.deviation))
            )
        }
        None => td_string!(locale, rev.against_plan_none).to_owned(),
    };
    let wallet = p.wallet.map_or(none.clone(), |w| {
        td_string!(
            locale,
            rev.wallet_value,
            share = text::percent(locale, w.share * 100.0),
            potential = euros(locale, w.potential)
        )
    });
    let nps = match (p.nps, p.nps_before) {
        (Some(now), Some(before)) => td_string!(
            locale,
            rev.nps_value_before,
            nps = nps_text(now.rounded()),
            n = now.answers(),
            before = nps_text(before.rounded())
        ),
        (Some(now), None) => td_string!(
            locale,
            rev.nps_value,
            nps = nps_text(now.rounded()),
            n = now.answers()
        ),
        _ => td_string!(locale, rev.nps_none).to_owned(),
    };
    let actions = td_string!(
        locale,
        rev.actions_value,
        open = p.open_actions,
        overdue = p.overdue.len()
    );
    let stage = f
        .business
        .as_ref()
        .and_then(|b| b.stage)
        .map_or(none.clone(), |s| {
            super::super::business::stage_name(locale, s).to_owned()
        });
    let rows = [
        (
            td_string!(locale, rev.revenue_of, year = year),
            revenue,
            "rev-fig-revenue",
        ),
        (
            td_string!(locale, rev.against_plan).to_owned(),
            against,
            "rev-fig-plan",
        ),
        (
            td_string!(locale, rev.growth).to_owned(),
            growth,
            "rev-fig-growth",
        ),
        (
            td_string!(locale, rev.margin).to_owned(),
            margin,
            "rev-fig-margin",
        ),
        (
            td_string!(locale, biz.share).to_owned(),
            wallet,
            "rev-fig-wallet",
        ),
        (
            td_string!(locale, biz.stage_title).to_owned(),
            stage,
            "rev-fig-stage",
        ),
        (td_string!(locale, rev.nps).to_owned(), nps, "rev-fig-nps"),
        (
            td_string!(locale, rev.actions).to_owned(),
            actions,
            "rev-fig-actions",
        ),
    ];
    rows.into_iter()
        .map(|(term, value, testid)| view! { <dt>{term}</dt><dd data-testid=testid>{value}</dd> })
        .collect::<Vec<_>>()
}

/// The lists of the sheet: attributes to discuss, overdue actions,
/// competitors ahead, red flags.
fn sheet_lists(
    locale: Locale,
    account: Uuid,
    p: &Preparation,
    f: &Findings,
    surveys: &[Survey],
) -> impl IntoView {
    let latest = surveys.iter().find(|s| Some(s.id) == p.survey);
    let discuss: Vec<String> = p
        .to_discuss
        .iter()
        .filter_map(|id| latest?.items.iter().find(|i| i.id == *id))
        .map(|i| i.name.clone())
        .collect();
    let empty_plan = AccountPlan::default();
    let plan = f.plan.as_ref().unwrap_or(&empty_plan);
    let overdue: Vec<String> = p
        .overdue
        .iter()
        .filter_map(|id| plan.actions.iter().find(|a| a.id == *id))
        .map(|a| {
            let due = a
                .due
                .map(|d| text::date(locale, &d.iso()))
                .unwrap_or_default();
            td_string!(
                locale,
                rev.overdue_item,
                action = a.title.clone(),
                due = due
            )
        })
        .collect();
    let ahead: Vec<String> = p
        .ahead
        .iter()
        .map(|gap| {
            let name = f
                .requirements
                .as_ref()
                .and_then(|r| r.competitors.iter().find(|c| c.id == gap.competitor))
                .map(|c| c.name.clone())
                .unwrap_or_default();
            td_string!(
                locale,
                rev.ahead_item,
                competitor = name,
                gap = text::decimal2(locale, gap.value)
            )
        })
        .collect();
    let flags: Vec<(String, String)> = p
        .flags
        .iter()
        .map(|flag| finding_text(locale, f, account, flag))
        .collect();
    let list = |title: &'static str,
                testid: &'static str,
                items: Vec<String>,
                empty: &'static str| {
        view! {
            <div class="kam-rev__list">
                <h3>{title}</h3>
                {if items.is_empty() {
                    view! { <p class="kam-muted">{empty}</p> }.into_any()
                } else {
                    view! { <ul data-testid=testid>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect::<Vec<_>>()}</ul> }.into_any()
                }}
            </div>
        }
    };
    let flag_items = flags
        .into_iter()
        .map(|(sentence, link)| view! { <li><a href=link rel="external">{sentence}</a></li> })
        .collect::<Vec<_>>();
    let no_flags = flag_items.is_empty();
    view! {
        <div class="kam-rev__lists">
            {list(td_string!(locale, rev.discuss_title), "rev-discuss", discuss, td_string!(locale, rev.discuss_none))}
            {list(td_string!(locale, rev.overdue_title), "rev-overdue", overdue, td_string!(locale, rev.overdue_none))}
            {list(td_string!(locale, rev.ahead_title), "rev-ahead", ahead, td_string!(locale, rev.ahead_none))}
            <div class="kam-rev__list">
                <h3>{td_string!(locale, rev.flags_title)}</h3>
                {if no_flags {
                    view! { <p class="kam-muted">{td_string!(locale, rev.flags_none)}</p> }.into_any()
                } else {
                    view! { <ul class="kam-flags" data-testid="rev-flags">{flag_items}</ul> }.into_any()
                }}
            </div>
        </div>
    }
}
