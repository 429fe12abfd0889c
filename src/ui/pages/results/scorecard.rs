//! The Balanced Scorecard of one key account: KPIs in four perspectives,
//! each with target, actual per period and a traffic light, the trend of
//! a KPI, and where the colours begin.

use crate::charts::results::{kpi_trend, TrendPoint};
use crate::domain::introduction::Direction;
use crate::domain::results::scorecard::{
    Kpi, Period, Perspective, Scorecard, ScorecardTool, Status, StatusBands, SuggestedKpi, Unit,
};
use crate::domain::time::Day;
use crate::domain::{format_decimal, parse_amount};
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{
    change_with_undo, direction_select, error_at, focus_soon, one_line, problem_text, show_at,
    today, tool_page, update_tool, FieldError,
};
use crate::ui::store::use_store;
use crate::ui::text::number_style;
use leptos::prelude::*;
use uuid::Uuid;

/// The scorecard of the key account in the address.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    tool_page::<ScorecardTool, _, _>(
        |locale| td_string!(locale, bsc.title),
        |locale| td_string!(locale, bsc.intro),
        |account, data| view! { <ScorecardEditor account data/> },
    )
}

fn perspective_name(locale: Locale, perspective: Perspective) -> &'static str {
    match perspective {
        Perspective::Financial => td_string!(locale, bsc.financial),
        Perspective::Customer => td_string!(locale, bsc.customer),
        Perspective::Processes => td_string!(locale, bsc.processes),
        Perspective::Learning => td_string!(locale, bsc.learning),
    }
}

/// The status's name in the markup (its colour in the stylesheet is the
/// chart's, `charts::results::status_color`).
fn status_key(status: Status) -> &'static str {
    match status {
        Status::Green => "green",
        Status::Yellow => "yellow",
        Status::Red => "red",
    }
}

fn status_name(locale: Locale, status: Status) -> &'static str {
    match status {
        Status::Green => td_string!(locale, bsc.green),
        Status::Yellow => td_string!(locale, bsc.yellow),
        Status::Red => td_string!(locale, bsc.red),
    }
}

/// Name and unit of a suggested KPI in the user's language.
fn suggested_text(locale: Locale, kpi: SuggestedKpi) -> (String, String) {
    let name = match kpi {
        SuggestedKpi::Revenue => td_string!(locale, bsc.kpi_revenue),
        SuggestedKpi::ContributionMargin => td_string!(locale, bsc.kpi_margin),
        SuggestedKpi::ShareOfWallet => td_string!(locale, bsc.kpi_share_of_wallet),
        SuggestedKpi::Growth => td_string!(locale, bsc.kpi_growth),
        SuggestedKpi::Satisfaction => td_string!(locale, bsc.kpi_satisfaction),
        SuggestedKpi::Nps => td_string!(locale, bsc.kpi_nps),
        SuggestedKpi::RelationshipStage => td_string!(locale, bsc.kpi_relationship),
        SuggestedKpi::WhitespaceCovered => td_string!(locale, bsc.kpi_whitespace),
        SuggestedKpi::PlanAge => td_string!(locale, bsc.kpi_plan_age),
        SuggestedKpi::ActionsOnTime => td_string!(locale, bsc.kpi_actions_on_time),
        SuggestedKpi::AnnualReviewHeld => td_string!(locale, bsc.kpi_annual_review),
        SuggestedKpi::TeamCompetency => td_string!(locale, bsc.kpi_team_competency),
        SuggestedKpi::DecisionContacts => td_string!(locale, bsc.kpi_decision_contacts),
    };
    let unit = match kpi.unit() {
        Unit::Euro => "€",
        Unit::Percent => "%",
        Unit::Points => td_string!(locale, bsc.unit_points),
        Unit::Nps => "NPS",
        Unit::Stage => td_string!(locale, bsc.unit_stage),
        Unit::Days => td_string!(locale, bsc.unit_days),
        Unit::Count => td_string!(locale, bsc.unit_count),
    };
    (name.to_owned(), unit.to_owned())
}

/// The current quarter, as the default period for new actuals.
fn this_quarter() -> Period {
    let day: Day = today();
    Period {
        year: day.year(),
        quarter: Some(((day.month() - 1) / 3 + 1) as u8),
    }
}

fn number_text(locale: Locale, value: Option<f64>) -> String {
    value
        .map(|v| format_decimal(v, number_style(locale)))
        .unwrap_or_default()
}

#[component]
fn ScorecardEditor(account: Uuid, data: Memo<Scorecard>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let period = RwSignal::new(this_quarter());
    let started = move || data.with(|c| !c.kpis.is_empty());
    let create = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<ScorecardTool>(store, account, data, |c| {
            c.add_suggested(|k| suggested_text(locale, k), Uuid::new_v4)
        });
        show_at(
            error,
            Uuid::nil(),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    view! {
        <Show when=started fallback=move || view! {
            <section class="kam-card" data-testid="bsc-none">
                <p>{t!(i18n, bsc.none)}</p>
                <p class="kam-muted">{t!(i18n, bsc.create_hint)}</p>
                <button class="kam-button kam-button--primary" data-testid="bsc-create" on:click=create>{t!(i18n, bsc.create)}</button>
                <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            </section>
        }>
            <Summary data/>
            <section class="kam-card kam-form kam-no-print" aria-labelledby="bsc-period-title">
                <h2 id="bsc-period-title">{t!(i18n, bsc.period_title)}</h2>
                <PeriodField period/>
            </section>
            {Perspective::ALL.map(|perspective| view! { <PerspectiveCard account data perspective period/> }).collect_view()}
            <Trend data/>
            <Bands account data/>
        </Show>
    }
}

/// Green, yellow and red per perspective.
#[component]
fn Summary(data: Memo<Scorecard>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        let locale = i18n.get_locale();
        data.with(|c| {
            Perspective::ALL
                .iter()
                .map(|p| {
                    let [red, yellow, green] = c.counts(*p);
                    view! {
                        <li data-testid=format!("bsc-summary-{}", p.key())>
                            <strong>{perspective_name(locale, *p)}</strong>
                            <span class="kam-bsc__light kam-bsc__light--green">{green}<span class="kam-visually-hidden">{format!(" {}", status_name(locale, Status::Green))}</span></span>
                            <span class="kam-bsc__light kam-bsc__light--yellow">{yellow}<span class="kam-visually-hidden">{format!(" {}", status_name(locale, Status::Yellow))}</span></span>
                            <span class="kam-bsc__light kam-bsc__light--red">{red}<span class="kam-visually-hidden">{format!(" {}", status_name(locale, Status::Red))}</span></span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="kam-card" aria-labelledby="bsc-summary-title">
            <h2 id="bsc-summary-title">{t!(i18n, bsc.summary_title)}</h2>
            <p class="kam-muted">{t!(i18n, bsc.summary_help)}</p>
            <ul class="kam-bsc__summary">{items}</ul>
        </section>
    }
}

/// The period new actuals are entered for.
#[component]
fn PeriodField(period: RwSignal<Period>) -> impl IntoView {
    let i18n = use_i18n();
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    view! {
        <div class="kam-field">
            <label for="bsc-period">{t!(i18n, bsc.period)}</label>
            <p class="kam-field__hint" id="bsc-period-hint">{t!(i18n, bsc.period_hint)}</p>
            <input id="bsc-period" data-testid="bsc-period" maxlength="20" aria-describedby="bsc-period-hint"
                prop:value=move || period.get().text()
                on:change:target=move |ev| { match Period::parse(&ev.target().value()) {
                    Some(p) => { period.set(p); message.set(None); }
                    None => {
                        message.set(Some(td_string!(i18n.get_locale_untracked(), bsc.period_invalid).to_owned()));
                        ev.target().set_value(&period.get_untracked().text());
                    }
                } }/>
            <p class="kam-field__error" role="alert">{move || message.get()}</p>
        </div>
    }
}

/// One perspective's KPIs.
#[component]
fn PerspectiveCard(
    account: Uuid,
    data: Memo<Scorecard>,
    perspective: Perspective,
    period: RwSignal<Period>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let error: FieldError = RwSignal::new(None);
    let ids = move || {
        data.with(|c| {
            c.kpis
                .iter()
                .filter(|k| k.perspective == perspective)
                .map(|k| k.id)
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let locale = i18n.get_locale_untracked();
        let id = Uuid::new_v4();
        let result = update_tool::<ScorecardTool>(store, account, data, |c| {
            c.kpis.push(Kpi {
                id,
                perspective,
                name: td_string!(locale, bsc.new_kpi).to_owned(),
                unit: String::new(),
                direction: Direction::Higher,
                target: None,
                history: Vec::new(),
            })
        });
        if result.is_ok() {
            focus_soon(format!("kpi-{id}-name"));
        }
        show_at(
            error,
            Uuid::nil(),
            result.err().map(|e| problem_text(locale, &e)),
        );
    };
    let key = perspective.key();
    view! {
        <section class="kam-card kam-bsc__perspective" data-testid=format!("bsc-{key}") aria-labelledby=format!("bsc-{key}-title")>
            <h2 id=format!("bsc-{key}-title")>{move || perspective_name(i18n.get_locale(), perspective)}</h2>
            <div class="kam-table-wrap">
                <table class="kam-table kam-bsc__table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, bsc.col_kpi)}</th>
                        <th scope="col">{t!(i18n, bsc.col_unit)}</th>
                        <th scope="col">{t!(i18n, bsc.col_direction)}</th>
                        <th scope="col">{t!(i18n, bsc.col_target)}</th>
                        <th scope="col">{move || td_string!(i18n.get_locale(), bsc.col_actual, period = period.get().text())}</th>
                        <th scope="col">{t!(i18n, bsc.col_status)}</th>
                        <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=ids key=|id| *id let:kpi>
                            <KpiRow account data kpi period error/>
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
            <button class="kam-button kam-no-print" data-testid="bsc-add-kpi" on:click=add>{t!(i18n, bsc.add_kpi)}</button>
        </section>
    }
}

#[component]
fn KpiRow(
    account: Uuid,
    data: Memo<Scorecard>,
    kpi: Uuid,
    period: RwSignal<Period>,
    error: FieldError,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = kpi;
    let me = Memo::new(move |_| {
        data.with(|c| {
            c.kpis
                .iter()
                .find(|k| k.id == id)
                .map(|k| (k.clone(), c.bands))
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut Kpi)>| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<ScorecardTool>(store, account, data, |c| {
            if let Some(k) = c.kpis.iter_mut().find(|k| k.id == id) {
                change(k);
            }
        });
        show_at(error, id, result.err().map(|e| problem_text(locale, &e)));
    };
    let name = move || me.with(|m| m.as_ref().map(|m| m.0.name.clone()).unwrap_or_default());
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, bsc.of_kpi, what = what(locale), name = name())
        }
    };
    let target = move || {
        let locale = i18n.get_locale();
        me.with(|m| number_text(locale, m.as_ref().and_then(|m| m.0.target)))
    };
    let actual = move || {
        let locale = i18n.get_locale();
        let p = period.get();
        me.with(|m| {
            number_text(
                locale,
                m.as_ref()
                    .and_then(|m| m.0.history.iter().find(|v| v.period == p).map(|v| v.actual)),
            )
        })
    };
    // A typed number: `Some(None)` for an empty field, `None` when it is
    // not a number (then the field is put back with the reason).
    let read_number = move |text: String| -> Option<Option<f64>> {
        let locale = i18n.get_locale_untracked();
        match parse_amount(&text, number_style(locale)) {
            Ok(value) => Some(value),
            Err(_) => {
                show_at(
                    error,
                    id,
                    Some(td_string!(locale, bsc.not_a_number).to_owned()),
                );
                None
            }
        }
    };
    let status = move || {
        me.with(|m| {
            m.as_ref().and_then(|(k, bands)| {
                let latest = k.latest()?;
                let status = k.status(bands)?;
                let achieved = StatusBands::achievement(k.direction, k.target?, latest.actual);
                Some((status, achieved, latest.period))
            })
        })
    };
    let status_view = move || {
        let locale = i18n.get_locale();
        match status() {
            Some((s, achieved, p)) => view! {
                <span class="kam-bsc__status" data-testid="bsc-status" data-status=status_key(s)>
                    <span class=format!("kam-bsc__dot kam-bsc__dot--{}", status_key(s))></span>
                    {status_name(locale, s)}
                    {achieved.map(|a| format!(" · {}", td_string!(locale, intro.percent, n = a)))}
                </span>
                <span class="kam-muted kam-bsc__of">{td_string!(locale, bsc.of_period, period = p.text())}</span>
            }
            .into_any(),
            None => view! { <span class="kam-muted" data-testid="bsc-status" data-status="none">{td_string!(locale, bsc.no_status)}</span> }.into_any(),
        }
    };
    let direction = move || me.with(|m| m.as_ref().map(|m| m.0.direction).unwrap_or_default());
    let remove = move |_| {
        let message = td_string!(i18n.get_locale_untracked(), bsc.kpi_removed, name = name());
        change_with_undo::<ScorecardTool>(store, account, message, move |c| {
            c.kpis.retain(|k| k.id != id)
        });
    };
    view! {
        <tr data-testid="bsc-kpi">
            <td>
                <textarea class="kam-input--cell kam-input--name" rows="1" id=format!("kpi-{id}-name") data-testid="bsc-kpi-name" maxlength="200"
                    aria-label=move || td_string!(i18n.get_locale(), bsc.col_kpi)
                    prop:value=name
                    on:change:target=move |ev| {
                        let value = one_line(&ev.target().value());
                        if value.is_empty() {
                            show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), bsc.name_missing).to_owned()));
                            ev.target().set_value(&name());
                        } else {
                            set(Box::new(move |k| k.name = value));
                        }
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
            </td>
            <td>
                <input class="kam-input--cell kam-bsc__unit" data-testid="bsc-kpi-unit" maxlength="300" aria-label=label(|l| td_string!(l, bsc.col_unit))
                    prop:value=move || me.with(|m| m.as_ref().map(|m| m.0.unit.clone()).unwrap_or_default())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |k| k.unit = v)); }/>
            </td>
            <td>
                {direction_select("bsc-kpi-direction", label(|l| td_string!(l, bsc.col_direction)), direction,
                    move |d| set(Box::new(move |k| k.direction = d)))}
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="bsc-kpi-target" inputmode="decimal" aria-label=label(|l| td_string!(l, bsc.col_target))
                    prop:value=target
                    on:change:target=move |ev| { match read_number(ev.target().value()) {
                        Some(value) => set(Box::new(move |k| k.target = value)),
                        None => ev.target().set_value(&target()),
                    } }/>
            </td>
            <td>
                <input class="kam-input--cell kam-input--number" data-testid="bsc-kpi-actual" inputmode="decimal" aria-label=label(|l| td_string!(l, bsc.col_actual_short))
                    prop:value=actual
                    on:change:target=move |ev| { match read_number(ev.target().value()) {
                        Some(value) => {
                            let p = period.get_untracked();
                            set(Box::new(move |k| match value {
                                Some(v) => k.record(p, v),
                                None => k.history.retain(|h| h.period != p),
                            }));
                        }
                        None => ev.target().set_value(&actual()),
                    } }/>
            </td>
            <td>{status_view}</td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="bsc-kpi-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}

/// The trend of one KPI over its periods.
#[component]
fn Trend(data: Memo<Scorecard>) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: RwSignal<Option<Uuid>> = RwSignal::new(None);
    let with_history = Memo::new(move |_| {
        data.with(|c| {
            c.kpis
                .iter()
                .filter(|k| !k.history.is_empty())
                .map(|k| (k.id, k.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let shown = move || {
        let list = with_history.get();
        chosen
            .get()
            .filter(|id| list.iter().any(|(k, _)| k == id))
            .or_else(|| list.first().map(|(k, _)| *k))
    };
    let chart = move || {
        let locale = i18n.get_locale();
        let id = shown()?;
        data.with(|c| {
            let kpi = c.kpis.iter().find(|k| k.id == id)?;
            let points: Vec<TrendPoint> = kpi
                .history
                .iter()
                .map(|v| TrendPoint {
                    label: v.period.text(),
                    value: v.actual,
                    status: kpi
                        .target
                        .map(|t| c.bands.status(kpi.direction, t, v.actual)),
                })
                .collect();
            let style = number_style(locale);
            Some(kpi_trend(
                &points,
                kpi.target,
                &move |v| format_decimal(v, style),
                td_string!(locale, bsc.col_target),
            ))
        })
    };
    view! {
        <section class="kam-card kam-bsc__trend" aria-labelledby="bsc-trend-title">
            <h2 id="bsc-trend-title">{t!(i18n, bsc.trend_title)}</h2>
            <Show when=move || !with_history.with(|l| l.is_empty())
                fallback=move || view! { <p class="kam-muted" data-testid="bsc-trend-empty">{t!(i18n, bsc.trend_empty)}</p> }>
                <div class="kam-field kam-no-print">
                    <label for="bsc-trend-kpi">{t!(i18n, bsc.col_kpi)}</label>
                    <select id="bsc-trend-kpi" data-testid="bsc-trend-kpi"
                        on:change:target=move |ev| chosen.set(Uuid::parse_str(&ev.target().value()).ok())>
                        {move || with_history.get().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() prop:selected=move || shown() == Some(id)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="kam-bsc__chart" data-testid="bsc-trend" role="img"
                    aria-label=move || td_string!(i18n.get_locale(), bsc.trend_title) inner_html=move || chart().unwrap_or_default()></div>
            </Show>
        </section>
    }
}

/// Where green and yellow begin, in percent of the target.
#[component]
fn Bands(account: Uuid, data: Memo<Scorecard>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let bands = move || data.with(|c| c.bands);
    let set = move |change: Box<dyn FnOnce(&mut StatusBands)>| {
        let locale = i18n.get_locale_untracked();
        let result = update_tool::<ScorecardTool>(store, account, data, |c| change(&mut c.bands));
        let stored = result.is_ok();
        message.set(result.err().map(|e| problem_text(locale, &e)));
        stored
    };
    let field = move |id: &'static str,
                      label: fn(Locale) -> &'static str,
                      read: fn(StatusBands) -> u16,
                      write: fn(&mut StatusBands, u16)| {
        view! {
            <div class="kam-field">
                <label for=id>{move || label(i18n.get_locale())}</label>
                <input id=id data-testid=id class="kam-input--number" inputmode="numeric" maxlength="4"
                    prop:value=move || read(bands()).to_string()
                    on:change:target=move |ev| { match ev.target().value().trim().trim_end_matches('%').trim().parse::<u16>() {
                        // A refused limit is put back in its field.
                        Ok(n) => if !set(Box::new(move |b| write(b, n))) {
                            ev.target().set_value(&read(bands()).to_string());
                        },
                        Err(_) => {
                            message.set(Some(td_string!(i18n.get_locale_untracked(), bsc.not_a_percent).to_owned()));
                            ev.target().set_value(&read(bands()).to_string());
                        }
                    } }/>
            </div>
        }
    };
    view! {
        <section class="kam-card kam-form kam-no-print" aria-labelledby="bsc-bands-title">
            <h2 id="bsc-bands-title">{t!(i18n, bsc.bands_title)}</h2>
            <p class="kam-muted">{t!(i18n, bsc.bands_help)}</p>
            <div class="kam-bsc__bands">
                {field("bsc-green-from", |l| td_string!(l, bsc.green_from), |b| b.green_from, |b, n| b.green_from = n)}
                {field("bsc-yellow-from", |l| td_string!(l, bsc.yellow_from), |b| b.yellow_from, |b, n| b.yellow_from = n)}
            </div>
            <p class="kam-field__error" role="alert" data-testid="bsc-bands-error">{move || message.get()}</p>
        </section>
    }
}
