//! Turning domain values and errors into translated text.
//!
//! Every function takes the locale explicitly; views call them inside a
//! reactive closure so the text follows a language switch.

use super::i18n::*;
use crate::domain::fitness::CatalogueError;
use crate::domain::potentials::ToolError;
use crate::domain::targets::model::{CriterionProblem, MAX_CRITERIA, MAX_TOP_N};
use crate::domain::targets::TargetProblem;
use crate::domain::{
    BuildingBlock, Family, NumberStyle, RecordDecision, RecordProblem, Timestamp, Tool,
    ValidationProblem, WorkspaceError,
};
use crate::storage::{browser, DecodeError, SchemaProblem};

/// A counted phrase in the form its count needs. The catalogue holds it as
/// `{ "one": …, "other": … }`, both with `{{ count }}` (see
/// [`crate::domain::plural`]); further values follow the count:
/// `plural!(locale, fitness.excluded, n, names = names)`.
macro_rules! plural {
    ($locale:expr, $($key:ident).+, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count: usize = $count;
        match $crate::domain::PluralForm::of(count) {
            $crate::domain::PluralForm::One => {
                td_string!($locale, $($key).+.one, count = count $(, $name = $value)*)
            }
            $crate::domain::PluralForm::Other => {
                td_string!($locale, $($key).+.other, count = count $(, $name = $value)*)
            }
        }
    }};
}
pub(crate) use plural;

pub fn number_style(locale: Locale) -> NumberStyle {
    match locale {
        Locale::de => NumberStyle::German,
        Locale::en => NumberStyle::English,
    }
}

/// A timestamp in the user's time zone and the language's convention.
pub fn time(locale: Locale, at: Timestamp) -> String {
    at.display(number_style(locale), browser::utc_offset_minutes())
}

/// `1,2 MB` / `1.2 MB`, `830 KB`.
pub fn file_size(locale: Locale, bytes: usize) -> String {
    let text = if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    };
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

pub fn block_name(locale: Locale, block: BuildingBlock) -> &'static str {
    match block {
        BuildingBlock::Fit => td_string!(locale, block.fit.name),
        BuildingBlock::Goals => td_string!(locale, block.goals.name),
        BuildingBlock::Potentials => td_string!(locale, block.potentials.name),
        BuildingBlock::People => td_string!(locale, block.people.name),
        BuildingBlock::Processes => td_string!(locale, block.processes.name),
        BuildingBlock::Results => td_string!(locale, block.results.name),
    }
}

pub fn block_summary(locale: Locale, block: BuildingBlock) -> &'static str {
    match block {
        BuildingBlock::Fit => td_string!(locale, block.fit.summary),
        BuildingBlock::Goals => td_string!(locale, block.goals.summary),
        BuildingBlock::Potentials => td_string!(locale, block.potentials.summary),
        BuildingBlock::People => td_string!(locale, block.people.summary),
        BuildingBlock::Processes => td_string!(locale, block.processes.summary),
        BuildingBlock::Results => td_string!(locale, block.results.summary),
    }
}

/// The name of a tool.
pub fn tool_name(locale: Locale, tool: Tool) -> &'static str {
    match tool {
        Tool::FitnessCheck => td_string!(locale, tool.fitness_check),
        Tool::Foundations => td_string!(locale, tool.foundations),
        Tool::KamGoals => td_string!(locale, tool.kam_goals),
        Tool::TargetSelection => td_string!(locale, tool.target_selection),
        Tool::IntroductionProject => td_string!(locale, tool.introduction_project),
        Tool::Profile => td_string!(locale, tool.profile),
        Tool::Market => td_string!(locale, tool.market),
        Tool::Requirements => td_string!(locale, tool.requirements),
        Tool::BuyingCenter => td_string!(locale, tool.buying_center),
        Tool::OwnBusiness => td_string!(locale, tool.own_business),
        Tool::Sources => td_string!(locale, tool.sources),
        Tool::DevelopmentPlan => td_string!(locale, tool.development_plan),
        Tool::Organisation => td_string!(locale, tool.organisation),
        Tool::Team => td_string!(locale, tool.team),
        Tool::ManagerProfile => td_string!(locale, tool.manager_profile),
        Tool::AnnualReview => td_string!(locale, tool.annual_review),
        Tool::Satisfaction => td_string!(locale, tool.satisfaction),
        Tool::Checklists => td_string!(locale, tool.checklists),
        Tool::Controlling => td_string!(locale, tool.controlling),
        Tool::Scorecard => td_string!(locale, tool.scorecard),
        Tool::CrmExchange => td_string!(locale, tool.crm_exchange),
    }
}

pub fn problem(locale: Locale, problem: &ValidationProblem) -> String {
    match problem {
        ValidationProblem::Empty => td_string!(locale, problem.empty).to_owned(),
        ValidationProblem::TooLong { max } => td_string!(locale, problem.too_long, max = *max),
        ValidationProblem::ControlCharacters => td_string!(locale, problem.control).to_owned(),
        ValidationProblem::NotFinite => td_string!(locale, problem.not_finite).to_owned(),
        ValidationProblem::Negative => td_string!(locale, problem.negative).to_owned(),
        ValidationProblem::TooLarge => td_string!(locale, problem.too_large).to_owned(),
        ValidationProblem::DanglingReference => td_string!(locale, problem.dangling).to_owned(),
        ValidationProblem::SelfReference => td_string!(locale, problem.self_ref).to_owned(),
        ValidationProblem::OutOfRange { min, max } => {
            td_string!(locale, problem.out_of_range, min = *min, max = *max)
        }
        ValidationProblem::Duplicate => td_string!(locale, problem.duplicate).to_owned(),
        ValidationProblem::Cycle => td_string!(locale, problem.cycle).to_owned(),
        ValidationProblem::EndsBeforeStart => {
            td_string!(locale, problem.ends_before_start).to_owned()
        }
    }
}

pub fn decision(locale: Locale, decision: RecordDecision) -> &'static str {
    match decision {
        RecordDecision::Added => td_string!(locale, data.decision_added),
        RecordDecision::Replaced => td_string!(locale, data.decision_replaced),
        RecordDecision::Unchanged => td_string!(locale, data.decision_unchanged),
        RecordDecision::KeptOurs => td_string!(locale, data.decision_kept_ours),
        RecordDecision::Removed => td_string!(locale, data.decision_removed),
        RecordDecision::KeptOnlyOurs => td_string!(locale, data.decision_kept_only_ours),
        RecordDecision::StaysDeleted => td_string!(locale, data.decision_stays_deleted),
        RecordDecision::DeletedThere => td_string!(locale, data.decision_deleted_there),
    }
}

/// What went wrong with a file, in words that say what to do.
pub fn decode_error(locale: Locale, error: &DecodeError) -> String {
    match error {
        DecodeError::Empty => td_string!(locale, error.empty).to_owned(),
        DecodeError::TooLarge { bytes, max } => td_string!(
            locale,
            error.too_large,
            size = file_size(locale, *bytes),
            max = file_size(locale, *max)
        ),
        DecodeError::NotText => td_string!(locale, error.not_text).to_owned(),
        DecodeError::NotJson { line, column } => {
            td_string!(locale, error.not_json, line = *line, column = *column)
        }
        DecodeError::TooDeep => td_string!(locale, error.too_deep).to_owned(),
        DecodeError::NumberOutOfRange { line, .. } => {
            td_string!(locale, error.number, line = *line)
        }
        DecodeError::NotOurFormat { found: None } => td_string!(locale, error.not_ours).to_owned(),
        DecodeError::NotOurFormat {
            found: Some(format),
        } => {
            td_string!(locale, error.not_ours_named, format = format)
        }
        DecodeError::BadVersion { found } => td_string!(locale, error.bad_version, version = found),
        DecodeError::TooNew { version } => td_string!(locale, error.too_new, version = *version),
        DecodeError::Migration { from, .. } => {
            td_string!(locale, error.migration, version = *from)
        }
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Missing,
        } => td_string!(
            locale,
            error.schema_missing,
            place = place_of_path(locale, path)
        ),
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Invalid(_),
        } => td_string!(
            locale,
            error.schema_invalid,
            place = place_of_path(locale, path)
        ),
        DecodeError::Invalid(inner) => {
            td_string!(
                locale,
                error.invalid,
                detail = workspace_error(locale, inner)
            )
        }
    }
}

/// The technical detail of a file error (the field path, and for a value of
/// the wrong form serde's description), shown below the sentence.
pub fn decode_error_detail(locale: Locale, error: &DecodeError) -> Option<String> {
    let path = match error {
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Missing,
        } => format!("data.{path}").replace("data.data.", "data."),
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Invalid(detail),
        } if path.is_empty() => detail.clone(),
        DecodeError::Schema {
            path,
            problem: SchemaProblem::Invalid(detail),
        } => format!("{path}: {detail}"),
        DecodeError::Invalid(inner) => format!("data.{}", inner.path()),
        DecodeError::Migration { message, .. } => message.clone(),
        _ => return None,
    };
    Some(td_string!(locale, data.details, path = path))
}

/// A field path of the file format (`data.accounts[3].name`) in the user's
/// words („Key Account 4, Feld „name““), as far as it can be named.
fn place_of_path(locale: Locale, path: &str) -> String {
    let path = path.strip_prefix("data.").unwrap_or(path);
    let indexed = |prefix: &str| -> Option<(usize, String)> {
        let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
        let (index, rest) = rest.split_once(']')?;
        let field = rest.strip_prefix('.').unwrap_or(rest).to_owned();
        Some((index.parse::<usize>().ok()? + 1, field))
    };
    let (place, field) = if let Some((n, field)) = indexed("accounts") {
        (td_string!(locale, place.account, n = n), field)
    } else if let Some((n, field)) = indexed("fitness_checks") {
        (td_string!(locale, place.check, n = n), field)
    } else if let Some((n, field)) = indexed("targets.customers") {
        (td_string!(locale, place.customer, n = n), field)
    } else if let Some(field) = path.strip_prefix("foundations.") {
        (
            td_string!(locale, place.foundations).to_owned(),
            field.to_owned(),
        )
    } else {
        return td_string!(locale, place.file).to_owned();
    };
    with_field(locale, place, &field)
}

fn with_field(locale: Locale, place: String, field: &str) -> String {
    if field.is_empty() {
        place
    } else {
        td_string!(
            locale,
            place.field,
            place = place,
            field = field_name(locale, field)
        )
    }
}

/// The label of a record field as the forms show it; the file's name for
/// fields without a label of their own.
fn field_name(locale: Locale, field: &str) -> String {
    let label = match field {
        "name" => td_string!(locale, account.field_name),
        "industry" => td_string!(locale, account.field_industry),
        "country" => td_string!(locale, account.field_country),
        "sites" => td_string!(locale, account.field_sites),
        "kam_responsible" => td_string!(locale, account.field_kam),
        "revenue_last_year" => td_string!(locale, account.field_revenue),
        "notes" => td_string!(locale, account.field_notes),
        "parent_id" => td_string!(locale, account.field_parent),
        "respondent" => td_string!(locale, fitness.field_respondent),
        "role" => td_string!(locale, fitness.field_role),
        "unit" => td_string!(locale, fitness.field_unit),
        "number" => td_string!(locale, targets.col_number),
        "revenue" => td_string!(locale, targets.measure_revenue),
        "margin" => td_string!(locale, targets.measure_margin),
        "potential" => td_string!(locale, targets.measure_potential),
        "account_id" => td_string!(locale, targets.col_key_account),
        "definition" => td_string!(locale, foundations.definition),
        "strategy" => td_string!(locale, foundations.strategy),
        "competencies" => td_string!(locale, foundations.competencies),
        "principles" => td_string!(locale, foundations.principles),
        "customer_orientation" => td_string!(locale, foundations.customer_orientation),
        other if other.starts_with("comments") => td_string!(locale, fitness.col_comment),
        other if other.starts_with("answers") => td_string!(locale, fitness.csv_answer),
        other => return other.to_owned(),
    };
    label.to_owned()
}

fn family_place(locale: Locale, family: Family, index: usize) -> String {
    match family {
        Family::Account => td_string!(locale, place.account, n = index + 1),
        Family::FitnessCheck => td_string!(locale, place.check, n = index + 1),
        Family::BuyingCenter => td_string!(locale, place.buying_center, n = index + 1),
        Family::AccountPlan => td_string!(locale, place.account_plan, n = index + 1),
        Family::Requirements => td_string!(locale, place.requirements, n = index + 1),
        Family::Business => td_string!(locale, place.business, n = index + 1),
        Family::Profile => td_string!(locale, place.profile, n = index + 1),
        Family::Market => td_string!(locale, place.market, n = index + 1),
        Family::Sources => td_string!(locale, place.sources, n = index + 1),
        Family::Satisfaction => td_string!(locale, place.satisfaction, n = index + 1),
        Family::AnnualReview => td_string!(locale, place.annual_review, n = index + 1),
        Family::Cycle => td_string!(locale, place.cycle, n = index + 1),
        Family::Team => td_string!(locale, place.team, n = index + 1),
        Family::Scorecard => td_string!(locale, place.scorecard, n = index + 1),
    }
}

/// Why the workspace (or a change to it) breaks a rule, as a sentence in
/// the user's words that names the place and says what to do where it can.
pub fn workspace_error(locale: Locale, error: &WorkspaceError) -> String {
    match error {
        WorkspaceError::Family {
            family,
            problem: record_problem,
        } => match record_problem {
            RecordProblem::TooMany { count, max } => match family {
                Family::Account => {
                    td_string!(locale, wserr.too_many_accounts, total = *count, max = *max)
                }
                Family::FitnessCheck => {
                    td_string!(locale, wserr.too_many_checks, total = *count, max = *max)
                }
                Family::BuyingCenter
                | Family::AccountPlan
                | Family::Requirements
                | Family::Business
                | Family::Profile
                | Family::Market
                | Family::Sources
                | Family::Satisfaction
                | Family::AnnualReview
                | Family::Cycle
                | Family::Team
                | Family::Scorecard => td_string!(
                    locale,
                    wserr.too_many_tools,
                    total = *count,
                    max = *max,
                    tool = match family {
                        Family::BuyingCenter => td_string!(locale, bc.title),
                        Family::Requirements => td_string!(locale, req.title),
                        Family::Business => td_string!(locale, biz.title),
                        Family::Profile => td_string!(locale, prof.title),
                        Family::Market => td_string!(locale, mkt.title),
                        Family::Sources => td_string!(locale, src.title),
                        Family::Satisfaction => td_string!(locale, sat.title),
                        Family::AnnualReview => td_string!(locale, rev.title),
                        Family::Cycle => td_string!(locale, cyc.title),
                        Family::Team => td_string!(locale, team.title),
                        Family::Scorecard => td_string!(locale, bsc.title),
                        Family::AccountPlan => td_string!(locale, plan.title),
                        // Not tools: the arms above name them.
                        Family::Account | Family::FitnessCheck => "",
                    }
                ),
            },
            RecordProblem::DuplicateId { first, second, .. } => td_string!(
                locale,
                wserr.duplicate,
                first = family_place(locale, *family, *first),
                second = family_place(locale, *family, *second)
            ),
            RecordProblem::Field {
                index,
                field,
                problem: p,
            } => td_string!(
                locale,
                wserr.field,
                place = with_field(locale, family_place(locale, *family, *index), field),
                problem = problem(locale, p)
            ),
            RecordProblem::ModifiedBeforeCreated { index } => td_string!(
                locale,
                wserr.modified_before_created,
                place = family_place(locale, *family, *index)
            ),
        },
        WorkspaceError::Foundations { field, problem: p } => td_string!(
            locale,
            wserr.field,
            place = with_field(
                locale,
                td_string!(locale, place.foundations).to_owned(),
                field
            ),
            problem = problem(locale, p)
        ),
        WorkspaceError::People { field, problem: p } => td_string!(
            locale,
            wserr.field,
            place = tool_place(locale, td_string!(locale, place.people).to_owned(), field),
            problem = problem(locale, p)
        ),
        WorkspaceError::Introduction { field, problem: p } => td_string!(
            locale,
            wserr.field,
            place = tool_place(
                locale,
                td_string!(locale, place.introduction).to_owned(),
                field
            ),
            problem = problem(locale, p)
        ),
        WorkspaceError::Catalogue(e) => {
            td_string!(locale, wserr.catalogue, reason = catalogue_error(locale, e))
        }
        WorkspaceError::Targets(t) => target_problem(locale, t),
        WorkspaceError::Deletions(_) => td_string!(locale, wserr.deletions).to_owned(),
        WorkspaceError::Unreadable { section, message } => td_string!(
            locale,
            wserr.unreadable,
            section = match section.as_str() {
                "fitness_checks" => td_string!(locale, fitness.title),
                "fitness_catalogue" => td_string!(locale, fitness.catalogue_title),
                "foundations" => td_string!(locale, place.foundations),
                "people" => td_string!(locale, place.people),
                "introduction" => td_string!(locale, place.introduction),
                _ => td_string!(locale, targets.title),
            },
            reason = message
        ),
        WorkspaceError::Tool {
            family,
            index,
            error,
        } => tool_error(locale, family_place(locale, *family, *index), error),
    }
}

/// Why a tool's stored content cannot be used, at `place` (the record, in
/// the user's words).
pub fn tool_error(locale: Locale, place: String, error: &ToolError) -> String {
    match error {
        ToolError::Shape(_) => td_string!(locale, wserr.tool_shape, place = place),
        ToolError::Field(field, p) => td_string!(
            locale,
            wserr.field,
            place = tool_place(locale, place, field),
            problem = problem(locale, p)
        ),
    }
}

/// The names of the lists (`list`: what one item is called) and fields
/// inside the tools' contents and the company's sections, in the user's
/// words.
type Labels = fn(Locale, &str, bool) -> Option<&'static str>;

/// Set by the pages that can show a place inside a tool or section
/// ([`detailed_places`]); every other page names such a place in the
/// file's words and carries none of the labels (each block's labels are
/// about 1 KB gzip, docs/PERFORMANCE.md).
static LABELS: std::sync::OnceLock<Labels> = std::sync::OnceLock::new();

/// Lets this page name places inside tools and sections in the user's
/// words: the pages of "Menschen im KAM" and of the introduction project
/// (whose refused edits name the field) and the import's check pages call
/// it. A tool's own page says what is wrong at the field itself.
pub fn detailed_places() {
    let _ = LABELS.set(labels);
}

fn labels(locale: Locale, name: &str, list: bool) -> Option<&'static str> {
    Some(if list {
        match name {
            "persons" | "colleagues" | "members" => td_string!(locale, place.person_word),
            "interfaces" => td_string!(locale, ppl.interface_word),
            "areas" => td_string!(locale, ppl.col_area),
            "assessments" => td_string!(locale, comp.assessment_word),
            "development" => td_string!(locale, comp.col_action),
            "tasks" => td_string!(locale, team.col_task),
            "surveys" => td_string!(locale, sat.untitled),
            "items" => td_string!(locale, sat.col_item),
            "talks" => td_string!(locale, rev.talk_word),
            "agenda" => td_string!(locale, rev.point_word),
            "goals" => td_string!(locale, intro.goal_word),
            "phases" => td_string!(locale, intro.phase_word),
            "checklist" => td_string!(locale, intro.task_word),
            "risks" => td_string!(locale, intro.risk_word),
            "reviews" => td_string!(locale, intro.review_word),
            "kpis" => td_string!(locale, bsc.kpi_word),
            "history" => td_string!(locale, bsc.period_word),
            _ => return None,
        }
    } else {
        match name {
            "name" => td_string!(locale, bc.field_name),
            "function" => td_string!(locale, bc.field_function),
            "reports_to" => td_string!(locale, bc.field_reports_to),
            "roles" | "mh_roles" => td_string!(locale, bc.field_roles),
            "influence" => td_string!(locale, bc.field_influence),
            "attitude" => td_string!(locale, bc.field_attitude),
            "relationship" => td_string!(locale, bc.field_relationship),
            "owner" => td_string!(locale, bc.field_owner),
            "last_contact" => td_string!(locale, bc.field_last_contact),
            "win" => td_string!(locale, bc.field_win),
            "contact_days" => td_string!(locale, bc.contact_days),
            "importance" => td_string!(locale, sat.col_importance),
            "satisfaction" => td_string!(locale, sat.col_satisfaction),
            "year" => td_string!(locale, rev.field_year),
            "participants" => td_string!(locale, rev.participants),
            "title" => td_string!(locale, rev.field_title),
            "notes" => td_string!(locale, rev.field_notes),
            "rhythms" => td_string!(locale, cyc.rhythm),
            // The fields of "Menschen im KAM" a file most often gets wrong;
            // the others keep the file’s name.
            "availability" => td_string!(locale, ppl.availability),
            "days" => td_string!(locale, team.col_days),
            "own" => td_string!(locale, comp.col_own),
            "superior" => td_string!(locale, comp.col_superior),
            "target" => td_string!(locale, ppl.col_target),
            "probability" => td_string!(locale, intro.probability),
            "end" => td_string!(locale, intro.end),
            "impact" => td_string!(locale, intro.impact),
            "actual" => td_string!(locale, bsc.col_actual_short),
            "low_max" => td_string!(locale, intro.low_max),
            "high_from" => td_string!(locale, intro.high_from),
            "start" => td_string!(locale, intro.start),
            "due" => td_string!(locale, intro.col_due),
            "mitigation" => td_string!(locale, intro.col_mitigation),
            "unit" => td_string!(locale, intro.col_unit),
            "period" => td_string!(locale, bsc.period),
            _ => return None,
        }
    })
}

/// The place of a field inside a tool's content in the user's words:
/// `persons[2].influence` → „Buying Center 1, Person 3, Feld „Einfluss““
/// (with the labels of [`detailed_places`]; else the file's names).
fn tool_place(locale: Locale, record: String, path: &str) -> String {
    let named = |name: &str, list: bool| LABELS.get().and_then(|labels| labels(locale, name, list));
    // Each list and its item on the way (`surveys[0].items[2]`), then the
    // field.
    let mut place = record;
    let mut rest = path;
    while let Some((list, tail)) = rest.split_once('[') {
        let Some((n, tail)) = tail.split_once(']') else {
            break;
        };
        // The list's own name (`organisation.interfaces` → `interfaces`).
        let item = named(list.rsplit('.').next().unwrap_or(list), true)
            .unwrap_or_else(|| td_string!(locale, place.entry_word));
        let n = n.parse::<usize>().map_or(0, |n| n + 1);
        place = format!("{place}, {item} {n}");
        rest = tail;
    }
    let field = rest.rsplit('.').next().unwrap_or(rest);
    let label = named(field, false).unwrap_or(field);
    td_string!(locale, place.field, place = place, field = label)
}

/// Why a Fitness-Check catalogue cannot be used.
pub fn catalogue_error(locale: Locale, error: &CatalogueError) -> String {
    match error {
        CatalogueError::Shape(_) => td_string!(locale, wserr.catalogue_shape).to_owned(),
        CatalogueError::Scale => td_string!(locale, wserr.catalogue_scale).to_owned(),
        CatalogueError::EmptyArea(id) => td_string!(locale, wserr.catalogue_empty_area, id = id),
        CatalogueError::DuplicateId(id) => td_string!(locale, wserr.catalogue_duplicate, id = id),
        CatalogueError::Levels => td_string!(locale, wserr.catalogue_levels).to_owned(),
    }
}

fn target_problem(locale: Locale, t: &TargetProblem) -> String {
    let customer = |index: usize| td_string!(locale, place.customer, n = index + 1);
    let criterion = |index: usize| td_string!(locale, place.criterion, n = index + 1);
    match t {
        TargetProblem::Customer {
            index,
            field,
            problem: p,
        } => td_string!(
            locale,
            wserr.field,
            place = with_field(locale, customer(*index), field),
            problem = problem(locale, p)
        ),
        TargetProblem::TooManyCustomers { count, max } => {
            td_string!(locale, wserr.too_many_customers, total = *count, max = *max)
        }
        TargetProblem::DuplicateCustomer { first, second } => td_string!(
            locale,
            wserr.duplicate,
            first = customer(*first),
            second = customer(*second)
        ),
        TargetProblem::Criterion { index, problem } => match problem {
            CriterionProblem::TooMany => {
                td_string!(locale, wserr.criterion_too_many, max = MAX_CRITERIA)
            }
            CriterionProblem::BadId | CriterionProblem::DuplicateId => {
                td_string!(locale, wserr.criterion_id, place = criterion(*index))
            }
            CriterionProblem::Weight => {
                td_string!(locale, wserr.criterion_weight, place = criterion(*index))
            }
            CriterionProblem::TextTooLong => {
                td_string!(locale, wserr.criterion_text, place = criterion(*index))
            }
        },
        TargetProblem::CutOffs => td_string!(locale, wserr.cut_offs).to_owned(),
        TargetProblem::DanglingAccount { index } => {
            td_string!(locale, wserr.dangling_customer, place = customer(*index))
        }
        TargetProblem::TopN => td_string!(locale, wserr.top_n, max = MAX_TOP_N),
        TargetProblem::Goals => td_string!(locale, wserr.goals, max = MAX_TOP_N),
        TargetProblem::Split => td_string!(locale, wserr.split).to_owned(),
    }
}

/// Catalogue text in the UI language.
pub fn bilingual(locale: Locale, text: &crate::domain::fitness::Bilingual) -> String {
    match locale {
        Locale::de => text.de.clone(),
        Locale::en => text.en.clone(),
    }
}

/// `62 %` (German, with a narrow space) or `62%` (English).
pub fn percent(locale: Locale, value: f64) -> String {
    match locale {
        Locale::de => format!("{value:.0}\u{202f}%"),
        Locale::en => format!("{value:.0}%"),
    }
}

/// A number with one decimal in the language's convention: `2,5` / `2.5`.
pub fn decimal(locale: Locale, value: f64) -> String {
    let text = format!("{value:.1}");
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A percentage with one decimal: `80,0 %` / `80.0%`.
pub fn percent1(locale: Locale, value: f64) -> String {
    let mut text = format!("{value:.1}");
    if text == "-0.0" {
        text = "0.0".into();
    }
    match locale {
        Locale::de => format!("{}\u{202f}%", text.replace('.', ",")),
        Locale::en => format!("{text}%"),
    }
}

/// A number with two decimals in the language's convention: `6,70` / `6.70`.
pub fn decimal2(locale: Locale, value: f64) -> String {
    let text = format!("{value:.2}");
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A number as short as possible (up to two decimals), for input fields.
pub fn plain_number(locale: Locale, value: f64) -> String {
    let mut text = format!("{value:.2}");
    text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    match locale {
        Locale::de => text.replace('.', ","),
        Locale::en => text,
    }
}

/// A date stamp `YYYY-MM-DD` as the language writes it: `27.11.2026` / `2026-11-27`.
pub fn date(locale: Locale, stamp: &str) -> String {
    match (locale, stamp.split('-').collect::<Vec<_>>().as_slice()) {
        (Locale::de, [y, m, d]) => format!("{d}.{m}.{y}"),
        _ => stamp.to_owned(),
    }
}

/// The building block a Fitness-Check area belongs to, from its chapter.
pub fn block_of_chapter(chapter: &str) -> BuildingBlock {
    match chapter.split('.').next().unwrap_or_default() {
        "3" => BuildingBlock::Goals,
        "4" => BuildingBlock::Potentials,
        "5" => BuildingBlock::People,
        "6" => BuildingBlock::Processes,
        "7" => BuildingBlock::Results,
        _ => BuildingBlock::Fit,
    }
}

/// An amount in short form for charts: `1,2 Mio. €`, `850 Tsd. €`, `€1.2M`, `1,5 Mrd. €`.
pub fn short_amount(locale: Locale, value: f64) -> String {
    let (scaled, de_unit, en_unit) = if value.abs() >= 1e9 {
        (value / 1e9, " Mrd.\u{a0}€", "bn")
    } else if value.abs() >= 1e6 {
        (value / 1e6, " Mio.\u{a0}€", "M")
    } else if value.abs() >= 1e3 {
        (value / 1e3, " Tsd.\u{a0}€", "k")
    } else {
        (value, "\u{a0}€", "")
    };
    let number = if scaled.abs() >= 100.0 || scaled.fract() == 0.0 {
        format!("{scaled:.0}")
    } else {
        format!("{scaled:.1}")
    };
    match locale {
        Locale::de => format!("{}{de_unit}", number.replace('.', ",")),
        Locale::en => format!("€{number}{en_unit}"),
    }
}
