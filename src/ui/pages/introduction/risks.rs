//! The risk register of the introduction: the matrix, the classes, and
//! each risk with its judgement, mitigation, owner and history.

use super::{breadcrumb, edit_intro, intro_memo, intro_with_undo, phase_name, tabs};
use crate::charts::introduction::{risk_matrix, MatrixPoint, MatrixText};
use crate::domain::introduction::project::Phase;
use crate::domain::introduction::risks::{
    open_by_score, Risk, RiskBands, RiskClass, RiskStatus, SCALE_MAX, SCALE_MIN, SCORE_MAX,
};
use crate::domain::introduction::Introduction;
use crate::ui::i18n::*;
use crate::ui::pages::potentials::{
    error_at, focus_soon, one_line, page_head, show_at, today, FieldError,
};
use crate::ui::store::use_store;
use crate::ui::text::plural;
use leptos::prelude::*;
use uuid::Uuid;

fn class_name(locale: Locale, class: RiskClass) -> &'static str {
    match class {
        RiskClass::Low => td_string!(locale, intro.class_low),
        RiskClass::Medium => td_string!(locale, intro.class_medium),
        RiskClass::High => td_string!(locale, intro.class_high),
    }
}

/// The class's name in the markup (its colour in the stylesheet is the
/// matrix's, `charts::introduction::class_color`).
fn class_key(class: RiskClass) -> &'static str {
    match class {
        RiskClass::Low => "low",
        RiskClass::Medium => "medium",
        RiskClass::High => "high",
    }
}

fn risk_status_name(locale: Locale, status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => td_string!(locale, intro.risk_open),
        RiskStatus::Mitigating => td_string!(locale, intro.risk_mitigating),
        RiskStatus::Closed => td_string!(locale, intro.risk_closed),
    }
}

/// Title, probability and impact of the usual risks of an introduction.
fn usual_risks(locale: Locale) -> [(&'static str, u8, u8, Phase); 5] {
    [
        (td_string!(locale, intro.usual_risk_0), 3, 4, Phase::RollOut),
        (
            td_string!(locale, intro.usual_risk_1),
            2,
            5,
            Phase::Initiation,
        ),
        (td_string!(locale, intro.usual_risk_2), 3, 3, Phase::Design),
        (td_string!(locale, intro.usual_risk_3), 4, 3, Phase::Pilot),
        (
            td_string!(locale, intro.usual_risk_4),
            3,
            4,
            Phase::Anchoring,
        ),
    ]
}

/// The matrix, the classes and the register.
#[component]
pub fn RisksPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let intro = intro_memo(store);
    let error: FieldError = RwSignal::new(None);
    let ids = move || intro.with(|i| i.risks.iter().map(|r| r.id).collect::<Vec<_>>());
    let empty = move || intro.with(|i| i.risks.is_empty());
    let add = move |_| {
        let id = Uuid::new_v4();
        let title = td_string!(i18n.get_locale_untracked(), intro.new_risk).to_owned();
        let result = edit_intro(store, |i| i.risks.push(Risk::new(id, title, today(), 3, 3)));
        if result.is_ok() {
            focus_soon(format!("risk-{id}-title"));
        }
        show_at(error, Uuid::nil(), result.err());
    };
    let add_usual = move |_| {
        let locale = i18n.get_locale_untracked();
        let result = edit_intro(store, |i| {
            for (title, p, impact, phase) in usual_risks(locale) {
                let mut risk = Risk::new(Uuid::new_v4(), title.to_owned(), today(), p, impact);
                risk.phase = Some(phase);
                i.risks.push(risk);
            }
        });
        show_at(error, Uuid::nil(), result.err());
    };
    let matrix = move || {
        let locale = i18n.get_locale();
        intro.with(|i| {
            let points: Vec<MatrixPoint> = i
                .risks
                .iter()
                .enumerate()
                .filter_map(|(n, r)| {
                    let c = r.current()?;
                    (c.status != RiskStatus::Closed).then_some(MatrixPoint {
                        number: n + 1,
                        probability: c.probability,
                        impact: c.impact,
                    })
                })
                .collect();
            risk_matrix(
                &points,
                &i.bands,
                &MatrixText {
                    probability: td_string!(locale, intro.probability).to_owned(),
                    impact: td_string!(locale, intro.impact).to_owned(),
                },
            )
        })
    };
    let open_high = move || {
        intro.with(|i| {
            open_by_score(&i.risks)
                .iter()
                .filter(|(_, c)| i.bands.class(c.score()) == RiskClass::High)
                .count()
        })
    };
    view! {
        <section class="kam-page kam-intro">
            {breadcrumb()}
            {page_head(move || td_string!(i18n.get_locale(), intro.tab_risks), |l| td_string!(l, intro.risks_intro))}
            {tabs("/introduction/risks")}
            <div class="kam-intro__risk-top">
                <section class="kam-card" aria-labelledby="intro-matrix-title">
                    <h2 id="intro-matrix-title">{t!(i18n, intro.matrix_title)}</h2>
                    <p class="kam-muted" data-testid="intro-high-count">{move || plural!(i18n.get_locale(), intro.high_count, open_high())}</p>
                    <div class="kam-intro__matrix" data-testid="intro-matrix" role="img"
                        aria-label=move || td_string!(i18n.get_locale(), intro.matrix_title) inner_html=matrix></div>
                </section>
                <Bands intro/>
            </div>
            <section class="kam-card" aria-labelledby="intro-register-title">
                <h2 id="intro-register-title">{t!(i18n, intro.register_title)}</h2>
                <Show when=empty>
                    <p class="kam-muted" data-testid="intro-risks-empty">{t!(i18n, intro.risks_empty)}</p>
                    <button class="kam-button kam-button--primary kam-no-print" data-testid="intro-add-usual-risks" on:click=add_usual>{t!(i18n, intro.add_usual_risks)}</button>
                </Show>
                <Show when=move || !empty()>
                    <div class="kam-table-wrap">
                        <table class="kam-table kam-intro__risks">
                            <thead><tr>
                                <th scope="col">{t!(i18n, intro.col_number)}</th>
                                <th scope="col">{t!(i18n, intro.col_risk)}</th>
                                <th scope="col">{t!(i18n, intro.probability_short)}</th>
                                <th scope="col">{t!(i18n, intro.impact_short)}</th>
                                <th scope="col">{t!(i18n, intro.col_score)}</th>
                                <th scope="col">{t!(i18n, intro.col_mitigation)}</th>
                                <th scope="col">{t!(i18n, intro.col_status)}</th>
                                <th scope="col" class="kam-no-print"><span class="kam-visually-hidden">{t!(i18n, common.remove)}</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=ids key=|id| *id let:risk>
                                    <RiskRow risk intro error/>
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
                <p class="kam-field__error" role="alert">{error_at(error, Uuid::nil())}</p>
                <button class="kam-button kam-no-print" data-testid="intro-add-risk" on:click=add>{t!(i18n, intro.add_risk)}</button>
            </section>
        </section>
    }
}

/// Where the classes begin (editable), with their colours.
#[component]
fn Bands(intro: Memo<Introduction>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let bands = move || intro.with(|i| i.bands);
    // A refused limit is put back in its list.
    type Stored = fn(RiskBands) -> u8;
    let set = move |change: Box<dyn FnOnce(&mut RiskBands)>,
                    select: Option<(web_sys::HtmlSelectElement, Stored)>| {
        let result = edit_intro(store, |i| change(&mut i.bands));
        if let (Err(_), Some((select, stored))) = (&result, select) {
            select.set_value(&stored(bands()).to_string());
        }
        message.set(result.err());
    };
    let options = move |chosen: fn(RiskBands) -> u8| {
        (1..=SCORE_MAX)
            .map(|n| view! { <option value=n.to_string() prop:selected=move || chosen(bands()) == n>{n.to_string()}</option> })
            .collect_view()
    };
    let legend = move || {
        let locale = i18n.get_locale();
        let b = bands();
        [
            (RiskClass::Low, td_string!(locale, intro.band_low, max = b.low_max)),
            (
                RiskClass::Medium,
                if b.high_from > b.low_max + 1 {
                    td_string!(locale, intro.band_medium, from = b.low_max + 1, to = b.high_from - 1)
                } else {
                    td_string!(locale, intro.band_none).to_owned()
                },
            ),
            (RiskClass::High, td_string!(locale, intro.band_high, from = b.high_from)),
        ]
        .into_iter()
        .map(|(class, range)| {
            view! {
                <li><span class=format!("kam-intro__swatch kam-intro__class--{}", class_key(class))></span>
                    <strong>{class_name(locale, class)}</strong>": "{range}</li>
            }
        })
        .collect_view()
    };
    view! {
        <section class="kam-card kam-form" aria-labelledby="intro-bands-title">
            <h2 id="intro-bands-title">{t!(i18n, intro.bands_title)}</h2>
            <p class="kam-muted kam-no-print">{t!(i18n, intro.bands_help)}</p>
            <ul class="kam-intro__legend" data-testid="intro-bands">{legend}</ul>
            <div class="kam-intro__dates kam-no-print">
                <div class="kam-field">
                    <label for="intro-low-max">{t!(i18n, intro.low_max)}</label>
                    <select id="intro-low-max" data-testid="intro-low-max"
                        on:change:target=move |ev| {
                            let n = ev.target().value().parse::<u8>().unwrap_or(4);
                            set(Box::new(move |b| b.low_max = n), Some((ev.target(), |b| b.low_max)));
                        }>{options(|b| b.low_max)}</select>
                </div>
                <div class="kam-field">
                    <label for="intro-high-from">{t!(i18n, intro.high_from)}</label>
                    <select id="intro-high-from" data-testid="intro-high-from"
                        on:change:target=move |ev| {
                            let n = ev.target().value().parse::<u8>().unwrap_or(15);
                            set(Box::new(move |b| b.high_from = n), Some((ev.target(), |b| b.high_from)));
                        }>{options(|b| b.high_from)}</select>
                </div>
            </div>
            <p class="kam-field__error" role="alert" data-testid="intro-bands-error">{move || message.get()}</p>
            <button class="kam-button kam-button--small kam-no-print" data-testid="intro-bands-default"
                on:click=move |_| set(Box::new(|b| *b = RiskBands::default()), None)>{t!(i18n, intro.bands_default)}</button>
        </section>
    }
}

#[component]
fn RiskRow(risk: Uuid, intro: Memo<Introduction>, error: FieldError) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = risk;
    let me = Memo::new(move |_| {
        intro.with(|i| {
            i.risks
                .iter()
                .position(|r| r.id == id)
                .map(|n| (n + 1, i.risks[n].clone(), i.bands))
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut Risk)>| {
        let result = edit_intro(store, |i| {
            if let Some(r) = i.risks.iter_mut().find(|r| r.id == id) {
                change(r);
            }
        });
        show_at(error, id, result.err());
    };
    let title = move || me.with(|m| m.as_ref().map(|m| m.1.title.clone()).unwrap_or_default());
    let field = move |read: fn(&Risk) -> String| {
        move || me.with(|m| m.as_ref().map(|m| read(&m.1)).unwrap_or_default())
    };
    let current = move || me.with(|m| m.as_ref().and_then(|m| m.1.current().copied()));
    let number = move || me.with(|m| m.as_ref().map_or(0, |m| m.0));
    let score_class = move || {
        me.with(|m| {
            m.as_ref()
                .and_then(|m| Some(m.2.class(m.1.current()?.score())))
                .unwrap_or(RiskClass::Low)
        })
    };
    let remove = move |_| {
        let message = td_string!(
            i18n.get_locale_untracked(),
            intro.risk_removed,
            name = title()
        );
        intro_with_undo(store, message, move |i| i.risks.retain(|r| r.id != id));
    };
    let label = move |what: fn(Locale) -> &'static str| {
        move || {
            let locale = i18n.get_locale();
            td_string!(locale, intro.of_task, what = what(locale), name = title())
        }
    };
    let judge =
        move |change: Box<dyn FnOnce(&mut crate::domain::introduction::risks::RiskReview)>| {
            let day = today();
            set(Box::new(move |r| r.judge(day, change)));
        };
    let scale = move |chosen: fn(&crate::domain::introduction::risks::RiskReview) -> u8| {
        (SCALE_MIN..=SCALE_MAX)
            .map(|n| view! { <option value=n.to_string() prop:selected=move || current().map(|c| chosen(&c)) == Some(n)>{n.to_string()}</option> })
            .collect_view()
    };
    let history = move || {
        let locale = i18n.get_locale();
        me.with(|m| {
            let Some((_, risk, _)) = m else {
                return String::new();
            };
            if risk.reviews.len() < 2 {
                return String::new();
            }
            let steps: Vec<String> = risk
                .reviews
                .iter()
                .map(|r| format!("{} ({})", r.score(), r.date.display(locale == Locale::de)))
                .collect();
            td_string!(locale, intro.history, steps = steps.join(" → "))
        })
    };
    let phase = move || me.with(|m| m.as_ref().and_then(|m| m.1.phase));
    view! {
        <tr data-testid="intro-risk" class:kam-row--done=move || current().is_some_and(|c| c.status == RiskStatus::Closed)>
            <td data-testid="intro-risk-number">{number}</td>
            <td class="kam-intro__risk-main">
                <textarea class="kam-input--cell kam-input--name" rows="1" id=format!("risk-{id}-title") data-testid="intro-risk-title" maxlength="200"
                    aria-label=move || td_string!(i18n.get_locale(), intro.risk_word)
                    prop:value=title
                    on:change:target=move |ev| {
                        let value = one_line(&ev.target().value());
                        if value.is_empty() {
                            show_at(error, id, Some(td_string!(i18n.get_locale_untracked(), intro.risk_missing).to_owned()));
                            ev.target().set_value(&title());
                        } else {
                            set(Box::new(move |r| r.title = value));
                        }
                    }></textarea>
                <p class="kam-field__error" role="alert">{error_at(error, id)}</p>
                <select data-testid="intro-risk-phase" aria-label=label(|l| td_string!(l, intro.col_phase))
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        let p = Phase::ALL.into_iter().find(|p| p.key() == value);
                        set(Box::new(move |r| r.phase = p));
                    }>
                    <option value="" prop:selected=move || phase().is_none()>{t!(i18n, intro.whole_project)}</option>
                    {Phase::ALL.map(|p| view! {
                        <option value=p.key() prop:selected=move || phase() == Some(p)>{move || phase_name(i18n.get_locale(), p)}</option>
                    })}
                </select>
                <input class="kam-input--cell" data-testid="intro-risk-owner" maxlength="300"
                    placeholder=move || td_string!(i18n.get_locale(), intro.col_owner)
                    aria-label=label(|l| td_string!(l, intro.col_owner))
                    prop:value=field(|r| r.owner.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |r| r.owner = v)); }/>
            </td>
            <td>
                <select data-testid="intro-risk-probability" aria-label=label(|l| td_string!(l, intro.probability))
                    on:change:target=move |ev| {
                        let n = ev.target().value().parse::<u8>().unwrap_or(SCALE_MIN);
                        judge(Box::new(move |r| r.probability = n));
                    }>{scale(|r| r.probability)}</select>
            </td>
            <td>
                <select data-testid="intro-risk-impact" aria-label=label(|l| td_string!(l, intro.impact))
                    on:change:target=move |ev| {
                        let n = ev.target().value().parse::<u8>().unwrap_or(SCALE_MIN);
                        judge(Box::new(move |r| r.impact = n));
                    }>{scale(|r| r.impact)}</select>
            </td>
            <td>
                <span class=move || format!("kam-intro__score kam-intro__class--{}", class_key(score_class())) data-testid="intro-risk-score" data-class=move || class_key(score_class())>
                    {move || current().map(|c| c.score().to_string())}
                </span>
                <span class="kam-visually-hidden">{move || class_name(i18n.get_locale(), score_class())}</span>
                <p class="kam-intro__history kam-muted" data-testid="intro-risk-history">{history}</p>
            </td>
            <td>
                <textarea class="kam-input--cell" data-testid="intro-risk-mitigation" rows="2" maxlength="20000" aria-label=label(|l| td_string!(l, intro.col_mitigation))
                    prop:value=field(|r| r.mitigation.clone())
                    on:change:target=move |ev| { let v = ev.target().value(); set(Box::new(move |r| r.mitigation = v)); }></textarea>
            </td>
            <td>
                <select data-testid="intro-risk-status" aria-label=label(|l| td_string!(l, intro.col_status))
                    on:change:target=move |ev| {
                        if let Some(s) = RiskStatus::from_key(&ev.target().value()) {
                            judge(Box::new(move |r| r.status = s));
                        }
                    }>
                    {RiskStatus::ALL.map(|s| view! {
                        <option value=s.key() prop:selected=move || current().map(|c| c.status) == Some(s)>{move || risk_status_name(i18n.get_locale(), s)}</option>
                    })}
                </select>
            </td>
            <td class="kam-no-print">
                <button class="kam-button kam-button--small" data-testid="intro-risk-remove" on:click=remove
                    aria-label=label(|l| td_string!(l, common.remove))>{t!(i18n, common.remove)}</button>
            </td>
        </tr>
    }
}
