//! The customer satisfaction analysis of a key account (book chapter 6):
//! items the account rates by importance and by its satisfaction with us,
//! both on the scale 1–5, and the Net Promoter Score from the answers to
//! "how likely would you recommend us?" on the scale 0–10.
//!
//! - Each item sits in one field of the importance–satisfaction grid, by
//!   the same rule as the requirements' importance–performance grid
//!   ([`Quadrant::of`]): a mean from 3.5 on counts as high.
//! - NPS = share of promoters (9–10) − share of detractors (0–6), in
//!   percentage points, from −100 to +100; answers of 7 and 8 are passive.
//!   30 % promoters and 20 % detractors give +10.
//! - Two surveys compare item by item (matched by name, ignoring case and
//!   surrounding spaces) and by their NPS.

use crate::domain::account::{check_name, ValidationProblem};
use crate::domain::potentials::requirements::Quadrant;
use crate::domain::potentials::{too_many, ToolKind, ToolRecord};
use crate::domain::record::{FieldProblem, ToolFamily};
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Lowest rating of importance and satisfaction.
pub const RATING_MIN: u8 = 1;
/// Highest rating of importance and satisfaction.
pub const RATING_MAX: u8 = 5;
/// Highest answer to the recommendation question (the lowest is 0).
pub const NPS_MAX: u8 = 10;
/// Most items one survey holds.
pub const MAX_ITEMS: usize = 100;
/// Most answers one survey counts (per item and for the NPS).
pub const MAX_ANSWERS: u32 = 1_000_000;
/// Most surveys one account keeps.
pub const MAX_SURVEYS: usize = 50;
/// Longest title of a survey, in characters.
pub const MAX_TITLE: usize = 200;

/// The mean of the answers to one question, with how many there were. An
/// item rated by hand in a workshop is one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub mean: f64,
    pub answers: u32,
}

impl Score {
    /// The mean of answers on the scale 1–5; `None` without answers or
    /// with an answer outside the scale.
    pub fn of_answers(answers: &[u8]) -> Option<Score> {
        if answers.is_empty()
            || answers
                .iter()
                .any(|a| !(RATING_MIN..=RATING_MAX).contains(a))
        {
            return None;
        }
        let sum: f64 = answers.iter().map(|a| f64::from(*a)).sum();
        Some(Score {
            mean: sum / answers.len() as f64,
            answers: u32::try_from(answers.len()).ok()?,
        })
    }

    /// One rating entered by hand.
    pub fn single(rating: u8) -> Option<Score> {
        Score::of_answers(&[rating])
    }

    fn problem(&self) -> Option<ValidationProblem> {
        if !self.mean.is_finite() {
            Some(ValidationProblem::NotFinite)
        } else if !(f64::from(RATING_MIN)..=f64::from(RATING_MAX)).contains(&self.mean) {
            Some(ValidationProblem::OutOfRange {
                min: i64::from(RATING_MIN),
                max: i64::from(RATING_MAX),
            })
        } else if self.answers == 0 || self.answers > MAX_ANSWERS {
            Some(ValidationProblem::OutOfRange {
                min: 1,
                max: i64::from(MAX_ANSWERS),
            })
        } else {
            None
        }
    }
}

/// One thing the account rates: how much it matters, and how satisfied
/// the account is with us on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: Uuid,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Score>,
}

impl Item {
    /// The field of the importance–satisfaction grid, once both are rated.
    pub fn quadrant(&self) -> Option<Quadrant> {
        Some(Quadrant::of(self.importance?.mean, self.satisfaction?.mean))
    }
}

/// The answers to the recommendation question, counted per answer 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Recommendation(pub [u32; 11]);

/// The Net Promoter Score and its parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nps {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// Share of promoters minus share of detractors, in percentage points
    /// (−100…+100), not rounded.
    pub score: f64,
}

impl Nps {
    /// All answers counted.
    pub fn answers(&self) -> u64 {
        self.promoters + self.passives + self.detractors
    }

    /// The score as it is reported: a whole number, halves rounded away
    /// from zero (+9.5 → +10, −9.5 → −10).
    pub fn rounded(&self) -> i32 {
        self.score.round() as i32
    }
}

impl Recommendation {
    /// Counts answers; `None` when one is not a whole number from 0 to 10.
    pub fn of_answers(answers: &[u8]) -> Option<Recommendation> {
        let mut counts = [0u32; 11];
        for answer in answers {
            *counts.get_mut(usize::from(*answer))? += 1;
        }
        Some(Recommendation(counts))
    }

    /// The NPS; `None` without any answer (a score of 0 would claim a
    /// balance nobody measured).
    pub fn nps(&self) -> Option<Nps> {
        let sum = |range: std::ops::RangeInclusive<usize>| -> u64 {
            self.0[range].iter().map(|n| u64::from(*n)).sum()
        };
        let detractors = sum(0..=6);
        let passives = sum(7..=8);
        let promoters = sum(9..=10);
        let total = promoters + passives + detractors;
        (total > 0).then(|| Nps {
            promoters,
            passives,
            detractors,
            score: 100.0 * (promoters as f64 - detractors as f64) / total as f64,
        })
    }
}

/// One survey of the account's satisfaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: Uuid,
    /// What the survey was, for example "Kundenbefragung Herbst".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// When the answers were collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    #[serde(default)]
    pub recommendation: Recommendation,
}

/// How one item changed from the previous survey to this one.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemChange {
    /// The item of this survey.
    pub item: Uuid,
    /// This survey's mean satisfaction minus the previous one's.
    pub satisfaction: Option<f64>,
    /// This survey's mean importance minus the previous one's.
    pub importance: Option<f64>,
}

/// This survey against the previous one.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// This NPS minus the previous NPS (unrounded), when both have answers.
    pub nps: Option<f64>,
    /// Every item of this survey that the previous one also had.
    pub items: Vec<ItemChange>,
    /// Items of this survey that the previous one did not ask.
    pub new_items: Vec<Uuid>,
}

/// What makes two items the same item: the name, ignoring case and the
/// spaces around it (within a survey, between two surveys, and when the
/// columns of a CSV file are paired).
pub fn item_key(name: &str) -> String {
    fold_case(name.trim())
}

/// Lower case for the Latin letters of German and English text (A–Z and
/// À–Þ: „ÜBERGABE“ → „übergabe“); other characters stay as written. The
/// full Unicode table of `str::to_lowercase` would cost every page that
/// checks a survey 8.6 KB gzip (docs/PERFORMANCE.md).
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

impl Survey {
    /// Every field-level problem, in page order. An empty survey is no
    /// problem: it is one that has not been filled in yet.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.chars().count() > MAX_TITLE {
            problems.push((
                "title".into(),
                ValidationProblem::TooLong { max: MAX_TITLE },
            ));
        }
        if self.items.len() > MAX_ITEMS {
            problems.push(("items".into(), too_many(MAX_ITEMS)));
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for (index, item) in self.items.iter().enumerate() {
            if !ids.insert(item.id) {
                problems.push((format!("items[{index}].id"), ValidationProblem::Duplicate));
            }
            match check_name(&item.name) {
                Err(problem) => problems.push((format!("items[{index}].name"), problem)),
                Ok(()) if !names.insert(item_key(&item.name)) => {
                    problems.push((format!("items[{index}].name"), ValidationProblem::Duplicate));
                }
                Ok(()) => {}
            }
            for (field, score) in [
                ("importance", item.importance),
                ("satisfaction", item.satisfaction),
            ] {
                if let Some(problem) = score.and_then(|s| s.problem()) {
                    problems.push((format!("items[{index}].{field}"), problem));
                }
            }
        }
        let answers: u64 = self.recommendation.0.iter().map(|n| u64::from(*n)).sum();
        if answers > u64::from(MAX_ANSWERS) {
            problems.push((
                "recommendation".into(),
                ValidationProblem::OutOfRange {
                    min: 0,
                    max: i64::from(MAX_ANSWERS),
                },
            ));
        }
        problems
    }

    /// The NPS of this survey; `None` without answers.
    pub fn nps(&self) -> Option<Nps> {
        self.recommendation.nps()
    }

    /// The items in each field of the grid, in the order of the survey;
    /// items not yet rated on both are left out.
    pub fn by_quadrant(&self, quadrant: Quadrant) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|item| item.quadrant() == Some(quadrant))
            .collect()
    }

    /// This survey against an earlier one.
    pub fn compare(&self, previous: &Survey) -> Comparison {
        let difference = |now: Option<Score>, before: Option<Score>| Some(now?.mean - before?.mean);
        let mut items = Vec::new();
        let mut new_items = Vec::new();
        for item in &self.items {
            match previous
                .items
                .iter()
                .find(|p| item_key(&p.name) == item_key(&item.name))
            {
                Some(before) => items.push(ItemChange {
                    item: item.id,
                    satisfaction: difference(item.satisfaction, before.satisfaction),
                    importance: difference(item.importance, before.importance),
                }),
                None => new_items.push(item.id),
            }
        }
        Comparison {
            nps: self
                .nps()
                .zip(previous.nps())
                .map(|(now, before)| now.score - before.score),
            items,
            new_items,
        }
    }
}

/// Of several surveys, the latest before `survey` (by date; surveys
/// without a date come first).
pub fn previous<'a>(surveys: &'a [Survey], survey: &Survey) -> Option<&'a Survey> {
    surveys
        .iter()
        .filter(|s| s.date < survey.date)
        .max_by_key(|s| s.date)
}

/// The satisfaction surveys of one key account: a tool of its own, one
/// record per account (`domain::potentials::ToolRecord`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Surveys {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
}

/// The record family of the satisfaction surveys.
pub struct SatisfactionTool;

impl ToolKind for SatisfactionTool {
    const FAMILY: ToolFamily = ToolFamily::Satisfaction;
    type Data = Surveys;
    fn problems(data: &Surveys) -> Vec<FieldProblem> {
        data.problems()
    }
}

impl Surveys {
    /// Every field-level problem, survey by survey.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.surveys.len() > MAX_SURVEYS {
            problems.push(("surveys".into(), too_many(MAX_SURVEYS)));
        }
        let mut ids = HashSet::new();
        for (index, survey) in self.surveys.iter().enumerate() {
            if !ids.insert(survey.id) {
                problems.push((format!("surveys[{index}].id"), ValidationProblem::Duplicate));
            }
            problems.extend(
                survey
                    .problems()
                    .into_iter()
                    .map(|(field, problem)| (format!("surveys[{index}].{field}"), problem)),
            );
        }
        problems
    }

    /// The surveys, newest first (by date; undated ones last).
    pub fn newest_first(&self) -> Vec<&Survey> {
        let mut surveys: Vec<&Survey> = self.surveys.iter().collect();
        surveys.sort_by(|a, b| match (a.date, b.date) {
            (Some(a), Some(b)) => b.cmp(&a),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        surveys
    }
}

/// The date of the latest survey up to `today`, read from a stored record
/// without the surveys' model, so that the due list stays light. Agrees
/// with the typed surveys (a test compares the two).
pub fn last_survey_stored(record: &ToolRecord, today: Day) -> Option<Day> {
    record
        .data
        .get("surveys")?
        .as_array()?
        .iter()
        .filter_map(|survey| Day::parse(survey.get("date")?.as_str()?))
        .filter(|day| *day <= today)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn item(n: u128, name: &str, importance: f64, satisfaction: f64) -> Item {
        Item {
            id: id(n),
            name: name.into(),
            importance: Some(Score {
                mean: importance,
                answers: 4,
            }),
            satisfaction: Some(Score {
                mean: satisfaction,
                answers: 4,
            }),
        }
    }

    fn answers(spec: &[(u8, usize)]) -> Vec<u8> {
        spec.iter()
            .flat_map(|(answer, n)| std::iter::repeat_n(*answer, *n))
            .collect()
    }

    #[test]
    fn nps_of_the_worked_example_is_plus_ten() {
        // 10 answers: 3 promoters (30 %), 5 passives, 2 detractors (20 %).
        let r = Recommendation::of_answers(&answers(&[(10, 2), (9, 1), (8, 3), (7, 2), (3, 2)]))
            .unwrap();
        let nps = r.nps().unwrap();
        assert_eq!((nps.promoters, nps.passives, nps.detractors), (3, 5, 2));
        assert_eq!(nps.answers(), 10);
        assert!((nps.score - 10.0).abs() < 1e-9);
        assert_eq!(nps.rounded(), 10);
    }

    #[test]
    fn six_is_a_detractor_and_seven_is_passive() {
        let six = Recommendation::of_answers(&[6]).unwrap().nps().unwrap();
        assert_eq!((six.detractors, six.passives, six.rounded()), (1, 0, -100));
        let seven = Recommendation::of_answers(&[7]).unwrap().nps().unwrap();
        assert_eq!(
            (seven.detractors, seven.passives, seven.rounded()),
            (0, 1, 0)
        );
    }

    #[test]
    fn eight_is_passive_and_nine_is_a_promoter() {
        let eight = Recommendation::of_answers(&[8]).unwrap().nps().unwrap();
        assert_eq!(
            (eight.passives, eight.promoters, eight.rounded()),
            (1, 0, 0)
        );
        let nine = Recommendation::of_answers(&[9]).unwrap().nps().unwrap();
        assert_eq!((nine.passives, nine.promoters, nine.rounded()), (0, 1, 100));
    }

    #[test]
    fn no_answers_give_no_score_and_only_detractors_give_minus_hundred() {
        assert_eq!(Recommendation::default().nps(), None);
        let all_bad = Recommendation::of_answers(&answers(&[(0, 3), (4, 2), (6, 5)])).unwrap();
        let nps = all_bad.nps().unwrap();
        assert_eq!((nps.detractors, nps.answers()), (10, 10));
        assert_eq!(nps.rounded(), -100);
    }

    #[test]
    fn answers_outside_zero_to_ten_are_refused() {
        assert_eq!(Recommendation::of_answers(&[5, 11]), None);
        assert_eq!(Score::of_answers(&[3, 0]), None);
        assert_eq!(Score::of_answers(&[6]), None);
        assert_eq!(Score::of_answers(&[]), None);
    }

    #[test]
    fn halves_round_away_from_zero() {
        // One promoter and seven passives: 100 / 8 = 12.5 → 13; one
        // detractor and seven passives: −12.5 → −13.
        let r = Recommendation::of_answers(&answers(&[(9, 1), (7, 7)])).unwrap();
        assert_eq!(r.nps().unwrap().rounded(), 13);
        let r = Recommendation::of_answers(&answers(&[(0, 1), (7, 7)])).unwrap();
        assert_eq!(r.nps().unwrap().rounded(), -13);
    }

    #[test]
    fn mean_of_answers() {
        let s = Score::of_answers(&[4, 5, 3, 4]).unwrap();
        assert_eq!(s.answers, 4);
        assert!((s.mean - 4.0).abs() < 1e-12);
    }

    #[test]
    fn items_fall_into_quadrants_with_three_and_a_half_as_the_boundary() {
        let survey = Survey {
            items: vec![
                item(1, "Liefertreue", 3.5, 3.49),
                item(2, "Beratung", 3.5, 3.5),
                item(3, "Rechnungsstellung", 3.49, 3.49),
                item(4, "Verpackung", 3.49, 4.5),
                Item {
                    id: id(5),
                    name: "Schulungen".into(),
                    importance: None,
                    satisfaction: Some(Score {
                        mean: 2.0,
                        answers: 1,
                    }),
                },
            ],
            ..Survey::default()
        };
        let names = |q| {
            survey
                .by_quadrant(q)
                .iter()
                .map(|i| i.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(Quadrant::ConcentrateHere), ["Liefertreue"]);
        assert_eq!(names(Quadrant::KeepUpTheGoodWork), ["Beratung"]);
        assert_eq!(names(Quadrant::LowPriority), ["Rechnungsstellung"]);
        assert_eq!(names(Quadrant::PossibleOverkill), ["Verpackung"]);
        assert_eq!(survey.items[4].quadrant(), None);
    }

    #[test]
    fn whole_ratings_keep_the_requirements_rule() {
        // 4 and 5 are high, 3 is not: the same fields as before the rule
        // was shared with the satisfaction grid.
        assert_eq!(Quadrant::of(4.0, 3.0), Quadrant::ConcentrateHere);
        assert_eq!(Quadrant::of(3.0, 4.0), Quadrant::PossibleOverkill);
        assert_eq!(Quadrant::of(5.0, 5.0), Quadrant::KeepUpTheGoodWork);
        assert_eq!(Quadrant::of(1.0, 3.0), Quadrant::LowPriority);
    }

    #[test]
    fn comparison_matches_items_by_name_and_reports_nps_change() {
        let before = Survey {
            id: Uuid::from_u128(901),
            title: String::new(),
            date: Day::parse("2025-10-01"),
            items: vec![
                item(1, "Liefertreue", 4.5, 3.0),
                item(2, "Beratung", 4.0, 4.0),
            ],
            recommendation: Recommendation::of_answers(&answers(&[(9, 2), (7, 4), (3, 4)]))
                .unwrap(),
        };
        let now = Survey {
            id: Uuid::from_u128(902),
            title: String::new(),
            date: Day::parse("2026-10-01"),
            items: vec![
                item(11, " liefertreue ", 4.5, 3.75),
                item(12, "Reklamationen", 4.0, 2.5),
            ],
            recommendation: Recommendation::of_answers(&answers(&[(10, 4), (8, 4), (2, 2)]))
                .unwrap(),
        };
        let c = now.compare(&before);
        // Before: 20 % − 40 % = −20; now: 40 % − 20 % = +20.
        assert!((c.nps.unwrap() - 40.0).abs() < 1e-9);
        assert_eq!(c.items.len(), 1);
        assert_eq!(c.items[0].item, id(11));
        assert!((c.items[0].satisfaction.unwrap() - 0.75).abs() < 1e-9);
        assert!(c.items[0].importance.unwrap().abs() < 1e-9);
        assert_eq!(c.new_items, vec![id(12)]);
        let surveys = [before.clone(), now.clone()];
        assert_eq!(previous(&surveys, &now), Some(&before));
        assert_eq!(previous(&surveys, &before), None);
    }

    #[test]
    fn without_answers_on_one_side_there_is_no_nps_change() {
        let before = Survey::default();
        let now = Survey {
            recommendation: Recommendation::of_answers(&[9]).unwrap(),
            ..Survey::default()
        };
        assert_eq!(now.compare(&before).nps, None);
    }

    #[test]
    fn problems_name_the_place() {
        let mut survey = Survey {
            items: vec![
                item(1, "Liefertreue", 4.0, 3.0),
                item(1, "LIEFERTREUE ", 6.0, f64::NAN),
            ],
            ..Survey::default()
        };
        survey.items.push(Item {
            id: id(3),
            name: " ".into(),
            importance: Some(Score {
                mean: 3.0,
                answers: 0,
            }),
            satisfaction: None,
        });
        let fields: Vec<String> = survey.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "items[1].id",
                "items[1].name",
                "items[1].importance",
                "items[1].satisfaction",
                "items[2].name",
                "items[2].importance"
            ]
        );
        assert!(Survey::default().problems().is_empty());
        let mut r = Recommendation::default();
        r.0[10] = MAX_ANSWERS + 1;
        let crowded = Survey {
            recommendation: r,
            ..Survey::default()
        };
        assert_eq!(crowded.problems()[0].0, "recommendation");
    }

    #[test]
    fn items_are_the_same_whatever_their_case_and_umlauts() {
        assert_eq!(item_key("  ÜBERGABE Öl "), item_key("übergabe öl"));
        assert_eq!(item_key("Liefertreue"), "liefertreue");
        assert_eq!(fold_case("ÀÉÎÕÜÞ × ß"), "àéîõüþ × ß");
        assert_ne!(item_key("Beratung"), item_key("Beratungen"));
    }

    #[test]
    fn a_survey_survives_the_file_format() {
        let survey = Survey {
            id: Uuid::from_u128(903),
            title: String::new(),
            date: Day::parse("2026-03-31"),
            items: vec![item(1, "Liefertreue", 4.25, 3.5)],
            recommendation: Recommendation::of_answers(&[0, 9, 10]).unwrap(),
        };
        let text = serde_json::to_string(&survey).unwrap();
        assert_eq!(serde_json::from_str::<Survey>(&text).unwrap(), survey);
    }

    #[test]
    fn the_stored_reading_of_the_last_survey_agrees_with_the_model() {
        use crate::domain::potentials::put_tool;
        use crate::domain::{Timestamp, Workspace};
        let today = Day::parse("2026-11-27").unwrap();
        let survey = |n: u128, date: Option<&str>| Survey {
            id: Uuid::from_u128(n),
            date: date.and_then(Day::parse),
            ..Survey::default()
        };
        for surveys in [
            vec![],
            vec![survey(1, None)],
            vec![survey(1, Some("2025-10-01")), survey(2, Some("2026-03-15"))],
            vec![survey(1, Some("2026-11-27")), survey(2, Some("2026-11-28"))],
        ] {
            let expected = surveys
                .iter()
                .filter_map(|s| s.date)
                .filter(|d| *d <= today)
                .max();
            let mut ws = Workspace::default();
            let data = Surveys { surveys };
            put_tool::<SatisfactionTool>(
                &mut ws,
                Uuid::from_u128(9),
                &data,
                Timestamp::from_millis(0).unwrap(),
            )
            .unwrap();
            assert_eq!(
                last_survey_stored(&ws.satisfaction_surveys[0], today),
                expected,
                "{data:?}"
            );
        }
    }
}
