//! Building block "Potenziale": the tools of one key account's analysis.
//!
//! Every tool page has the same frame ([`ToolPage`]): the account from the
//! address (or "not found"), a heading with the account's name, a way back
//! to the account, printing, and, when the stored content cannot be read,
//! a message instead of an editor that would overwrite it. Changes go
//! through [`update_tool`]: checked first, refused at the field.

mod business;
mod buying_center;
mod cycle;
mod market;
mod overview;
mod plan;
mod profile;
mod requirements;
mod review;
mod satisfaction;
mod sources;
mod whitespace;

pub use business::BusinessPage;
pub use buying_center::BuyingCenterPage;
pub use cycle::{CyclePage, ToolboxPage};
pub use market::MarketPage;
pub use overview::AnalysisOverviewPage;
pub use plan::{AccountPlanPage, OpenActionsPage};
pub use profile::ProfilePage;
pub use requirements::RequirementsPage;
pub use review::{ReviewPage, ReviewPrepPage};
pub use satisfaction::{SatisfactionImportPage, SatisfactionPage, SatisfactionResultsPage};
pub use sources::SourcesPage;
pub use whitespace::WhitespacePage;

use crate::domain::potentials::findings::{AnalysisTool, Finding, Findings, Part as AnalysisPart};
use crate::domain::record::ToolFamily;

/// A red flag of any tool as a sentence, with the page and place that fix it.
pub(crate) fn finding_text(
    locale: Locale,
    findings: &Findings,
    account: Uuid,
    flag: &Finding,
) -> (String, String) {
    match flag {
        Finding::BuyingCenter(flag) => {
            let empty = Default::default();
            let center = findings.center.as_ref().unwrap_or(&empty);
            let anchor = flag
                .person()
                .map(|p| format!("#person-{p}"))
                .unwrap_or_default();
            (
                buying_center::flag_text(locale, center, flag),
                href(&format!("/potentials/buying-center/{account}{anchor}")),
            )
        }
        Finding::Requirements(flag) => {
            let empty = Default::default();
            let data = findings.requirements.as_ref().unwrap_or(&empty);
            let crate::domain::potentials::requirements::RequirementFlag::CompetitorAhead {
                requirement,
                ..
            } = *flag;
            (
                requirements::flag_text(locale, data, *flag),
                href(&format!(
                    "/potentials/requirements/{account}#req-{requirement}"
                )),
            )
        }
        Finding::Business(flag) => (
            business::flag_text(locale, *flag),
            href(&format!("/potentials/plan/{account}")),
        ),
        Finding::AccountPlan(flag) => {
            let empty = Default::default();
            let plan = findings.plan.as_ref().unwrap_or(&empty);
            (
                plan::flag_text(locale, plan, *flag),
                href(&format!(
                    "/potentials/plan/{account}#action-{}",
                    flag.action()
                )),
            )
        }
    }
}

/// The name of a tool of the analysis.
pub(crate) fn analysis_tool_name(locale: Locale, tool: AnalysisTool) -> &'static str {
    account_tool_name(locale, tool.family())
}

/// Where a tool of the analysis lives, for one account.
pub(crate) fn analysis_tool_path(tool: AnalysisTool, account: Uuid) -> String {
    account_tool_path(tool.family(), account)
}

/// The name of any tool of one key account.
pub(crate) fn account_tool_name(locale: Locale, tool: ToolFamily) -> &'static str {
    match tool {
        ToolFamily::Profile => td_string!(locale, prof.title),
        ToolFamily::Market => td_string!(locale, mkt.title),
        ToolFamily::Sources => td_string!(locale, src.title),
        ToolFamily::BuyingCenter => td_string!(locale, bc.title),
        ToolFamily::AccountPlan => td_string!(locale, plan.title),
        ToolFamily::Requirements => td_string!(locale, req.title),
        ToolFamily::Business => td_string!(locale, biz.title),
        ToolFamily::Satisfaction => td_string!(locale, sat.title),
        ToolFamily::AnnualReview => td_string!(locale, rev.title),
        ToolFamily::Cycle => td_string!(locale, cyc.title),
        ToolFamily::Team => td_string!(locale, team.title),
        ToolFamily::Scorecard => td_string!(locale, bsc.title),
    }
}

/// Where any tool of one key account lives.
pub(crate) fn account_tool_path(tool: ToolFamily, account: Uuid) -> String {
    let page = match tool {
        ToolFamily::Profile => "/potentials/profile",
        ToolFamily::Market => "/potentials/market",
        ToolFamily::Sources => "/potentials/sources",
        ToolFamily::BuyingCenter => "/potentials/buying-center",
        ToolFamily::AccountPlan => "/potentials/plan",
        ToolFamily::Requirements => "/potentials/requirements",
        ToolFamily::Business => "/potentials/business",
        ToolFamily::Satisfaction => "/processes/satisfaction",
        ToolFamily::AnnualReview => "/processes/review",
        ToolFamily::Team => "/people/team",
        ToolFamily::Scorecard => "/results/scorecard",
        ToolFamily::Cycle => return href("/processes/cycle"),
    };
    href(&format!("{page}/{account}"))
}

/// The name of a part that completeness counts.
pub(crate) fn part_name(locale: Locale, part: AnalysisPart) -> &'static str {
    match part {
        AnalysisPart::Persons => td_string!(locale, analysis.part_persons),
        AnalysisPart::PersonsRated => td_string!(locale, analysis.part_rated),
        AnalysisPart::Decider => td_string!(locale, analysis.part_decider),
        AnalysisPart::Vision => td_string!(locale, analysis.part_vision),
        AnalysisPart::Goals => td_string!(locale, analysis.part_goals),
        AnalysisPart::Actions => td_string!(locale, analysis.part_actions),
        AnalysisPart::RequirementsRated => td_string!(locale, analysis.part_requirements),
        AnalysisPart::CompetitorsCompared => td_string!(locale, analysis.part_competitors),
        AnalysisPart::Revenue => td_string!(locale, analysis.part_revenue),
        AnalysisPart::ShareOfWallet => td_string!(locale, analysis.part_wallet),
        AnalysisPart::Whitespace => td_string!(locale, analysis.part_whitespace),
        AnalysisPart::Stage => td_string!(locale, analysis.part_stage),
        AnalysisPart::Size => td_string!(locale, analysis.part_size),
        AnalysisPart::DecisionProcess => td_string!(locale, analysis.part_decision),
        AnalysisPart::Strategy => td_string!(locale, analysis.part_strategy),
        AnalysisPart::Market => td_string!(locale, analysis.part_market),
        AnalysisPart::Trends => td_string!(locale, analysis.part_trends),
        AnalysisPart::Sources => td_string!(locale, analysis.part_sources),
    }
}

use crate::domain::account::Amount;
use crate::domain::potentials::{put_tool, tool_of, ToolError, ToolKind};
use crate::domain::time::{Day, Timestamp};
use crate::domain::Workspace;
use crate::domain::{format_amount, parse_amount};
use crate::storage::browser;
use crate::ui::components::account_of_address;
use crate::ui::href;
use crate::ui::i18n::*;
use crate::ui::store::{use_store, Notice, Part, Store, UndoAction};
use crate::ui::text;
use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;
use uuid::Uuid;

/// The choice whether more or less is better (a programme goal, a KPI).
pub(crate) fn direction_select(
    testid: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    current: impl Fn() -> crate::domain::measure::Direction + Copy + Send + Sync + 'static,
    choose: impl Fn(crate::domain::measure::Direction) + 'static,
) -> impl IntoView {
    use crate::domain::measure::Direction;
    let i18n = use_i18n();
    view! {
        <select data-testid=testid aria-label=label
            on:change:target=move |ev| choose(if ev.target().value() == "lower" { Direction::Lower } else { Direction::Higher })>
            <option value="higher" prop:selected=move || current() == Direction::Higher>{t!(i18n, intro.higher_better)}</option>
            <option value="lower" prop:selected=move || current() == Direction::Lower>{t!(i18n, intro.lower_better)}</option>
        </select>
    }
}

/// A name typed into a field that wraps: its line breaks and runs of
/// spaces become single spaces (a name is one line).
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Today in the user's time zone.
pub(crate) fn today() -> Day {
    let now = browser::now();
    let local = now.millis() + i64::from(browser::utc_offset_minutes()) * 60_000;
    Timestamp::from_millis(local).map_or(Day::of(now), Day::of)
}

/// Why a change or a stored content was refused, in the user's words.
pub(crate) fn problem_text(locale: Locale, error: &ToolError) -> String {
    match error {
        ToolError::Field(_, problem) => text::problem(locale, problem),
        ToolError::Shape(message) => message.clone(),
    }
}

/// Moves the keyboard focus to the element with this id, if there is one.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The address of a place on this page: the router scrolls to it. (A bare
/// `#id` resolves against the page's base address, the home page.)
pub(crate) fn on_this_page(id: &str) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("{path}#{id}")
}

/// The id the address's query gives for `key` (`?survey=<id>`), if any.
pub(crate) fn id_in_query(key: &str) -> Option<Uuid> {
    let search = web_sys::window()?.location().search().ok()?;
    let id = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))?;
    Uuid::parse_str(id).ok()
}

/// The record of a list a page shows (a survey, an annual review): the
/// one chosen, or named in the address (`?<key>=<id>`), while it exists,
/// else the first of `ids` (the newest).
pub(crate) fn shown_record<D: Send + Sync + 'static>(
    data: Memo<D>,
    key: &'static str,
    ids: fn(&D) -> Vec<Uuid>,
) -> (RwSignal<Option<Uuid>>, Memo<Option<Uuid>>) {
    let chosen = RwSignal::new(id_in_query(key));
    let current = Memo::new(move |_| {
        let wanted = chosen.get();
        data.with(|d| {
            let ids = ids(d);
            wanted
                .filter(|id| ids.contains(id))
                .or_else(|| ids.first().copied())
        })
    });
    (chosen, current)
}

/// The address of one page of a tool with several pages and records
/// (`/processes/satisfaction/results/<account>?survey=<id>`).
pub(crate) fn record_page(
    base: &str,
    key: &str,
    page: &str,
    account: Uuid,
    record: Option<Uuid>,
) -> String {
    let query = record.map(|r| format!("?{key}={r}")).unwrap_or_default();
    href(&format!("{base}{page}/{account}{query}"))
}

/// One tab of a tool's pages: the page's path below the tool's, its test
/// id, its name.
pub(crate) type Tab = (&'static str, &'static str, fn(Locale) -> &'static str);

/// The tabs of a tool's pages, the one shown marked; each keeps the
/// record shown (`key`).
pub(crate) fn record_tabs(
    name: fn(Locale) -> &'static str,
    (base, key): (&'static str, &'static str),
    account: Uuid,
    current: Memo<Option<Uuid>>,
    here: &'static str,
    tabs: &'static [Tab],
) -> impl IntoView {
    let i18n = use_i18n();
    let links = tabs
        .iter()
        .map(|(page, testid, label)| {
            let (page, label) = (*page, *label);
            view! {
                <a class="kam-tab" rel="external" data-testid=*testid
                    aria-current=(page == here).then_some("page")
                    href=move || record_page(base, key, page, account, current.get())>{move || label(i18n.get_locale())}</a>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <nav class="kam-tabs kam-no-print" aria-label=move || name(i18n.get_locale())>{links}</nav>
    }
}

/// The tabs of a block's pages with fixed addresses (the process cycle
/// and the toolbox; the people, organising KAM and the role), the one
/// shown (`here`) marked.
pub(crate) fn page_tabs(
    name: fn(Locale) -> &'static str,
    here: &'static str,
    tabs: &'static [Tab],
) -> impl IntoView {
    let i18n = use_i18n();
    let links = tabs
        .iter()
        .map(|(path, testid, label)| {
            let label = *label;
            view! {
                <a class="kam-tab" rel="external" data-testid=*testid href=href(path)
                    aria-current=(*path == here).then_some("page")>{move || label(i18n.get_locale())}</a>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <nav class="kam-tabs kam-no-print" aria-label=move || name(i18n.get_locale())>{links}</nav>
    }
}

/// One record in a [`RecordPicker`]: its id, its name, a figure below it.
pub(crate) type Pick = (Uuid, String, Option<String>);

/// The records of a list (surveys, annual reviews), newest first, as
/// buttons; choosing one shows it. Test ids start with `prefix`; the
/// children follow the list (what adds a record).
#[component]
pub(crate) fn RecordPicker(
    prefix: &'static str,
    title: fn(Locale) -> &'static str,
    empty: fn(Locale) -> &'static str,
    count: Signal<String>,
    items: Signal<Vec<Pick>>,
    chosen: RwSignal<Option<Uuid>>,
    current: Memo<Option<Uuid>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        let shown = current.get();
        items
            .get()
            .into_iter()
            .map(|(id, label, figure)| {
                view! {
                    <li>
                        <button class="kam-button kam-sat__pick" data-testid=format!("{prefix}-pick")
                            aria-pressed=(shown == Some(id)).to_string()
                            on:click=move |_| chosen.set(Some(id))>
                            <span class="kam-sat__pick-name">{label}</span>
                            {figure.map(|f| view! { <span class="kam-muted kam-small">{f}</span> })}
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let title_id = format!("{prefix}-list-title");
    let labelledby = title_id.clone();
    view! {
        <section class="kam-card kam-no-print" aria-labelledby=labelledby>
            <div class="kam-card__head">
                <h2 id=title_id>{move || title(i18n.get_locale())}</h2>
                <span class="kam-badge" data-testid=format!("{prefix}-count")>{count}</span>
            </div>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="kam-muted" data-testid=format!("{prefix}-empty")>{move || empty(i18n.get_locale())}</p>
            </Show>
            <ul class="kam-sat__list">{list}</ul>
            {children.map(|c| c())}
        </section>
    }
}

/// Scrolls to the place the address names once the page has drawn it: a
/// flag on another page (the overview) links to the place that fixes it.
/// Once more a frame later: cards out of view are drawn only as they come
/// near (`content-visibility`), and their true height can move the place.
fn reveal_target() {
    fn scroll() {
        let window = web_sys::window();
        let target = window.as_ref().and_then(|w| {
            let hash = w.location().hash().ok()?;
            w.document()?.get_element_by_id(hash.strip_prefix('#')?)
        });
        if let Some(element) = target {
            element.scroll_into_view();
        }
    }
    request_animation_frame(|| {
        scroll();
        request_animation_frame(scroll);
    });
}

/// Focuses the element with this id once the view has drawn it.
pub(crate) fn focus_soon(id: String) {
    request_animation_frame(move || focus(&id));
}

/// The account's content of tool `K`: `None` while it has none, an error
/// when the stored content cannot be read.
pub(crate) fn stored_tool<K: ToolKind>(
    store: Store,
    account: Uuid,
) -> Memo<Option<Result<K::Data, ToolError>>> {
    Memo::new(move |_| {
        store.read(Part::Potentials, |ws| {
            tool_of(ws.tool_list(K::FAMILY), account).map(K::read)
        })
    })
}

/// Checks a changed content of tool `K` and stores it; a change that
/// breaks a rule is refused and returned, and nothing is stored.
pub(crate) fn update_tool<K: ToolKind>(
    store: Store,
    account: Uuid,
    current: Memo<K::Data>,
    change: impl FnOnce(&mut K::Data),
) -> Result<(), ToolError> {
    let mut next = current.get_untracked();
    change(&mut next);
    store_tool::<K>(store, account, &next)
}

/// Checks a content of tool `K` and stores it as the account's; content
/// that breaks a rule is refused and returned, and nothing is stored.
fn store_tool<K: ToolKind>(store: Store, account: Uuid, next: &K::Data) -> Result<(), ToolError> {
    if let Some((field, problem)) = K::problems(next).into_iter().next() {
        return Err(ToolError::Field(field, problem));
    }
    let now = browser::now();
    store.edit_part(Part::Potentials, |ws| {
        let _ = put_tool::<K>(ws, account, next, now);
    });
    Ok(())
}

/// One signal per item of a list in a tool's content (the actions of a
/// plan, the persons of a Buying Center, the cells of a whitespace matrix),
/// kept by a single effect that sets only the items that changed. A row
/// follows its own signal, so an edit of one row re-runs that row alone,
/// instead of one memo per row over the whole content re-running for every
/// row on every keystroke (docs/PERFORMANCE.md).
pub(crate) struct RowSignals<K: Send + Sync + 'static, T: Send + Sync + 'static> {
    rows: StoredValue<HashMap<K, RwSignal<Option<T>>>>,
    owner: StoredValue<Option<Owner>>,
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Clone for RowSignals<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Copy for RowSignals<K, T> {}

impl<K, T> RowSignals<K, T>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// Follows `items` of `data`; each item is named by its `key`.
    pub(crate) fn new<D: Send + Sync + 'static>(
        data: Memo<D>,
        items: fn(&D) -> &[T],
        key: fn(&T) -> K,
    ) -> Self {
        let rows: StoredValue<HashMap<K, RwSignal<Option<T>>>> = StoredValue::new(HashMap::new());
        Effect::new(move |_| {
            data.with(|d| {
                let now: HashMap<K, &T> = items(d).iter().map(|item| (key(item), item)).collect();
                rows.with_value(|rows| {
                    for (row, signal) in rows {
                        let item = now.get(row).copied();
                        if signal.with_untracked(|shown| shown.as_ref() != item) {
                            signal.set(item.cloned());
                        }
                    }
                })
            })
        });
        RowSignals {
            rows,
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// The signal of the item `row`, holding `current` (the item as the
    /// content has it now) when the row is shown.
    pub(crate) fn row(&self, row: K, current: Option<T>) -> RwSignal<Option<T>> {
        if let Some(signal) = self.rows.with_value(|rows| rows.get(&row).copied()) {
            if signal.with_untracked(|shown| *shown != current) {
                signal.set(current);
            }
            return signal;
        }
        // Owned by the editor, not by the row: the effect may still set it
        // after the row is gone (and the row may come back through undo).
        let signal = match self.owner.with_value(Clone::clone) {
            Some(owner) => owner.with(|| RwSignal::new(current)),
            None => RwSignal::new(current),
        };
        self.rows.update_value(|rows| {
            rows.insert(row, signal);
        });
        signal
    }
}

/// A change to one item of a tool's content.
type ItemChange<T> = Box<dyn FnOnce(&mut T)>;

/// The setter of one item (a requirement, a trend, a source) of tool `K`'s
/// content: it changes the item that `find` gives for `item`, stores the
/// content after its check, and shows a refusal at the item.
pub(crate) fn item_setter<K: ToolKind, T: 'static>(
    store: Store,
    account: Uuid,
    data: Memo<K::Data>,
    error: FieldError,
    item: Uuid,
    find: fn(&mut K::Data, Uuid) -> Option<&mut T>,
) -> impl Fn(ItemChange<T>) + Copy + 'static {
    let i18n = use_i18n();
    move |change| {
        let result = update_tool::<K>(store, account, data, |d| {
            if let Some(found) = find(d, item) {
                change(found);
            }
        });
        let locale = i18n.get_locale_untracked();
        show_at(error, item, result.err().map(|e| problem_text(locale, &e)));
    }
}

/// Makes a change to tool `K` that the notice offers to undo (removing a
/// person, an action, a goal): undo puts the record back as it was. The
/// next edit withdraws the offer, so that undo never takes that edit back.
pub(crate) fn change_with_undo<K: ToolKind>(
    store: Store,
    account: Uuid,
    message: String,
    change: impl FnOnce(&mut K::Data) + 'static,
) {
    let now = browser::now();
    store.edit_with_state_undo(Notice::Worded(message), move |ws: &mut Workspace| {
        let record = ws
            .tool_list_mut(K::FAMILY)
            .iter_mut()
            .find(|r| r.account_id == account)?;
        let before = record.clone();
        let mut next = K::read(record).ok()?;
        change(&mut next);
        K::write(record, &next, now).ok()?;
        let undo: UndoAction = Box::new(move |ws| {
            if let Some(r) = ws
                .tool_list_mut(K::FAMILY)
                .iter_mut()
                .find(|r| r.account_id == account)
            {
                *r = before;
            }
        });
        Some(undo)
    });
}

/// An amount as an input field shows it.
fn amount_text(locale: Locale, value: Option<f64>) -> String {
    value
        .map(|v| format_amount(v, text::number_style(locale)))
        .unwrap_or_default()
}

/// Reads a typed amount: `Ok(None)` when empty; negative only if allowed.
fn read_amount(locale: Locale, raw: &str, negative: bool) -> Result<Option<f64>, String> {
    let value = parse_amount(raw, text::number_style(locale))
        .map_err(|_| td_string!(locale, problem.not_a_number).to_owned())?;
    match value {
        None => Ok(None),
        Some(v) => {
            let checked = if negative { v.abs() } else { v };
            Amount::parse(checked)
                .map(|_| Some(v))
                .map_err(|p| text::problem(locale, &p))
        }
    }
}

/// An amount field: shows the stored value, reads what is typed when the
/// field is left, and shows at the field why a value was refused (nothing
/// is stored then).
#[component]
pub(crate) fn AmountField(
    /// The field's name for screen readers, or the ids of the elements that
    /// name it (`labelledby`).
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    #[prop(optional, into)] labelledby: Option<String>,
    testid: &'static str,
    /// The input's id, to move the focus to it.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(into)] value: Signal<Option<f64>>,
    negative: bool,
    /// Stores the value; returns why it was refused.
    commit: Callback<Option<f64>, Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    view! {
        <span class="kam-amount">
            <input type="text" inputmode="decimal" class="kam-input--amount" data-testid=testid aria-label=move || label.map(|l| l.get()) aria-labelledby=labelledby id=id
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || amount_text(i18n.get_locale(), value.get())
                on:change:target=move |ev| {
                    let locale = i18n.get_locale_untracked();
                    match read_amount(locale, &ev.target().value(), negative) {
                        Ok(v) => message.set(commit.run(v)),
                        Err(m) => message.set(Some(m)),
                    }
                }/>
            <span class="kam-field__error" role="alert">{move || message.get()}</span>
        </span>
    }
}

/// A message at an item, or nothing.
pub(crate) type FieldError = RwSignal<Option<(Uuid, String)>>;

/// Shows `message` at `item`, or, when the item's change was taken, clears
/// the message if it stood at that item (a message at another item stays:
/// its refused text is still in its field).
pub(crate) fn show_at(error: FieldError, item: Uuid, message: Option<String>) {
    match message {
        Some(message) => error.set(Some((item, message))),
        None => {
            if error.with_untracked(|e| e.as_ref().is_some_and(|(i, _)| *i == item)) {
                error.set(None);
            }
        }
    }
}

pub(crate) fn error_at(error: FieldError, item: Uuid) -> impl Fn() -> Option<String> + Copy {
    move || {
        error.with(|e| {
            e.as_ref()
                .filter(|(i, _)| *i == item)
                .map(|(_, m)| m.clone())
        })
    }
}

/// The head of a page about one key account: the way back to it, the
/// page's name with the account's, what the page is for, and printing.
fn tool_head(
    account: Uuid,
    title: fn(Locale) -> &'static str,
    intro: fn(Locale) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name = move || {
        store.read(Part::Accounts, |ws| {
            ws.account(account)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <p class="kam-breadcrumb kam-no-print">
            <a href=href(&format!("/accounts/{account}")) rel="external">{t!(i18n, bc.back)}</a>
        </p>
        {page_head(view! { {move || title(i18n.get_locale())}": "<span data-testid="tool-account">{name}</span> }, intro)}
    }
}

/// A page's heading, what the page is for, and printing.
pub(crate) fn page_head(title: impl IntoView, intro: fn(Locale) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="kam-page__head">
            <div>
                <h1>{title}</h1>
                <p class="kam-muted kam-no-print">{move || intro(i18n.get_locale())}</p>
            </div>
            <div class="kam-actions kam-no-print">
                <button class="kam-button" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t!(i18n, bc.print)}</button>
            </div>
        </div>
    }
}

/// The frame of a tool page: finds the account of the address and hands
/// the editor its id and the tool's typed content, or explains why there is
/// nothing to edit.
pub(crate) fn tool_page<K, F, V>(
    title: fn(Locale) -> &'static str,
    intro: fn(Locale) -> &'static str,
    editor: F,
) -> impl IntoView
where
    K: ToolKind,
    F: Fn(Uuid, Memo<K::Data>) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    account_of_address(move |account| {
        let i18n = use_i18n();
        let store = use_store();
        let stored = stored_tool::<K>(store, account);
        let content = Memo::new(move |_| {
            stored.with(|s| match s {
                Some(Ok(data)) => data.clone(),
                _ => K::Data::default(),
            })
        });
        // A memo: the editor below is built again only when the content
        // turns unreadable or readable, not on every edit.
        let broken = Memo::new(move |_| {
            stored.with(|s| match s {
                Some(Err(error)) => Some(error.clone()),
                _ => None,
            })
        });
        view! {
            <section class="kam-page kam-toolpage">
                {tool_head(account, title, intro)}
                {move || match broken.get() {
                    Some(error) => view! {
                        <p class="kam-note kam-note--error" role="alert" data-testid="tool-broken">
                            {move || { let locale = i18n.get_locale(); td_string!(locale, bc.broken, tool = title(locale), reason = problem_text(locale, &error)) }}
                        </p>
                    }.into_any(),
                    None => {
                        reveal_target();
                        editor(account, content).into_any()
                    }
                }}
            </section>
        }
    })
}
