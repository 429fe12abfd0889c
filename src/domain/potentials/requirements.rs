//! Requirements vs. performance (book section 4.1.3): what the key account
//! asks of its suppliers, how much each requirement matters to it, and how
//! well we and named competitors meet it, all on one scale from 1 to 5.
//!
//! Two results come out of it:
//! - the importance–performance grid (Martilla & James), which sorts every
//!   requirement into one of four fields by its importance and our
//!   performance ([`Quadrant`]);
//! - the importance-weighted gap per competitor: the mean of (competitor −
//!   us) over the requirements both are rated on, each weighted by its
//!   importance. A positive gap means the competitor is ahead.
//!
//! A requirement of high importance where a competitor is rated above us
//! is a red flag.

use super::{too_many, ToolKind};
use crate::domain::account::{check_name, ValidationProblem};
use crate::domain::record::{FieldProblem, ToolFamily};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Lowest value of the scale (importance and performance).
pub const SCALE_MIN: u8 = 1;
/// Highest value of the scale.
pub const SCALE_MAX: u8 = 5;
/// From this importance on, a requirement counts as important; from this
/// performance on, a supplier counts as strong. The grid's cross lies
/// between 3 and 4: the middle of the scale counts as "not yet strong".
pub const HIGH: u8 = 4;
/// Most requirements one analysis holds.
pub const MAX_REQUIREMENTS: usize = 200;
/// Most competitors one analysis compares.
pub const MAX_COMPETITORS: usize = 12;

/// A competitor of ours at this key account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competitor {
    pub id: Uuid,
    pub name: String,
}

/// A competitor's performance on one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub competitor: Uuid,
    pub value: u8,
}

/// One requirement of the key account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: Uuid,
    pub text: String,
    /// How much it matters to the account, 1–5; `None`: not rated yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<u8>,
    /// Our performance, 1–5; `None`: not rated yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<u8>,
    /// The competitors' performance; a competitor without a score is not
    /// rated on this requirement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theirs: Vec<Score>,
}

impl Requirement {
    pub fn new(id: Uuid, text: &str) -> Requirement {
        Requirement {
            id,
            text: text.to_owned(),
            importance: None,
            ours: None,
            theirs: Vec::new(),
        }
    }

    /// The competitor's score on this requirement, if rated.
    pub fn score_of(&self, competitor: Uuid) -> Option<u8> {
        self.theirs
            .iter()
            .find(|s| s.competitor == competitor)
            .map(|s| s.value)
    }

    /// Sets or clears the competitor's score.
    pub fn set_score(&mut self, competitor: Uuid, value: Option<u8>) {
        self.theirs.retain(|s| s.competitor != competitor);
        if let Some(value) = value {
            self.theirs.push(Score { competitor, value });
        }
    }

    /// The field of the importance–performance grid, once importance and
    /// our performance are both rated.
    pub fn quadrant(&self) -> Option<Quadrant> {
        Some(Quadrant::of(
            f64::from(self.importance?),
            f64::from(self.ours?),
        ))
    }
}

/// The four fields of the importance–performance grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Important to the account, and we are weak: act here first.
    ConcentrateHere,
    /// Important, and we are strong: keep it that way.
    KeepUpTheGoodWork,
    /// Less important, and we are weak: no need to act now.
    LowPriority,
    /// Less important, and we are strong: effort that may not pay.
    PossibleOverkill,
}

impl Quadrant {
    /// The field of an importance and a performance (or satisfaction) on
    /// the scale 1–5. A value counts as high from 3.5 on: for whole ratings
    /// that is 4 and 5; for the mean of several answers the cross lies in
    /// the middle between 3 and 4.
    pub fn of(importance: f64, performance: f64) -> Quadrant {
        let high = |value: f64| value >= f64::from(HIGH) - 0.5;
        match (high(importance), high(performance)) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }

    pub const ALL: [Quadrant; 4] = [
        Quadrant::ConcentrateHere,
        Quadrant::KeepUpTheGoodWork,
        Quadrant::LowPriority,
        Quadrant::PossibleOverkill,
    ];
}

/// The requirements analysis of one key account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
}

/// The requirements analysis as a tool of the account analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RequirementsTool;

impl ToolKind for RequirementsTool {
    const FAMILY: ToolFamily = ToolFamily::Requirements;
    type Data = Requirements;
    fn problems(data: &Requirements) -> Vec<FieldProblem> {
        data.problems()
    }
}

/// Checks a value of the scale.
fn check_scale(value: Option<u8>) -> Result<(), ValidationProblem> {
    match value {
        Some(v) if !(SCALE_MIN..=SCALE_MAX).contains(&v) => Err(ValidationProblem::OutOfRange {
            min: SCALE_MIN.into(),
            max: SCALE_MAX.into(),
        }),
        _ => Ok(()),
    }
}

/// A competitor's importance-weighted gap to us.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    pub competitor: Uuid,
    /// Σ importance × (competitor − us) / Σ importance, from −4 to +4;
    /// positive: the competitor is ahead.
    pub value: f64,
    /// How many requirements the comparison rests on.
    pub compared: usize,
}

/// A red flag of the requirements analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequirementFlag {
    /// On an important requirement, a competitor is rated above us.
    CompetitorAhead { requirement: Uuid, competitor: Uuid },
}

impl Requirements {
    /// Every field-level problem, in order, with its path inside the tool.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.competitors.len() > MAX_COMPETITORS {
            problems.push(("competitors".into(), too_many(MAX_COMPETITORS)));
        }
        let mut seen = HashSet::new();
        for (index, competitor) in self.competitors.iter().enumerate() {
            if !seen.insert(competitor.id) {
                problems.push((
                    format!("competitors[{index}].id"),
                    ValidationProblem::Duplicate,
                ));
            }
            if let Err(problem) = check_name(&competitor.name) {
                problems.push((format!("competitors[{index}].name"), problem));
            }
        }
        let competitors = seen;
        if self.requirements.len() > MAX_REQUIREMENTS {
            problems.push(("requirements".into(), too_many(MAX_REQUIREMENTS)));
        }
        let mut seen = HashSet::new();
        for (index, requirement) in self.requirements.iter().enumerate() {
            let mut push = |field: String, problem| {
                problems.push((format!("requirements[{index}].{field}"), problem))
            };
            if !seen.insert(requirement.id) {
                push("id".into(), ValidationProblem::Duplicate);
            }
            if let Err(problem) = check_name(&requirement.text) {
                push("text".into(), problem);
            }
            for (field, value) in [
                ("importance", requirement.importance),
                ("ours", requirement.ours),
            ] {
                if let Err(problem) = check_scale(value) {
                    push(field.into(), problem);
                }
            }
            let mut rated = HashSet::new();
            for (at, score) in requirement.theirs.iter().enumerate() {
                if !competitors.contains(&score.competitor) {
                    push(
                        format!("theirs[{at}].competitor"),
                        ValidationProblem::DanglingReference,
                    );
                } else if !rated.insert(score.competitor) {
                    push(
                        format!("theirs[{at}].competitor"),
                        ValidationProblem::Duplicate,
                    );
                }
                if let Err(problem) = check_scale(Some(score.value)) {
                    push(format!("theirs[{at}].value"), problem);
                }
            }
        }
        problems
    }

    pub fn requirement(&self, id: Uuid) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    pub fn competitor(&self, id: Uuid) -> Option<&Competitor> {
        self.competitors.iter().find(|c| c.id == id)
    }

    /// Removes a competitor and its scores.
    pub fn remove_competitor(&mut self, id: Uuid) {
        self.competitors.retain(|c| c.id != id);
        for requirement in &mut self.requirements {
            requirement.theirs.retain(|s| s.competitor != id);
        }
    }

    /// Each requirement's share of the total importance (0–1), over the
    /// requirements whose importance is rated.
    pub fn weight(&self, requirement: &Requirement) -> Option<f64> {
        let total: u32 = self
            .requirements
            .iter()
            .filter_map(|r| r.importance)
            .map(u32::from)
            .sum();
        let own = requirement.importance?;
        (total > 0).then(|| f64::from(own) / f64::from(total))
    }

    /// The importance-weighted gap of every competitor, in the order of the
    /// competitors; `None` for a competitor not compared on any requirement
    /// that has importance and our performance rated.
    pub fn gaps(&self) -> Vec<(Uuid, Option<Gap>)> {
        self.competitors
            .iter()
            .map(|competitor| {
                let mut weighted = 0.0;
                let mut weights = 0.0;
                let mut compared = 0;
                for requirement in &self.requirements {
                    if let (Some(importance), Some(ours), Some(theirs)) = (
                        requirement.importance,
                        requirement.ours,
                        requirement.score_of(competitor.id),
                    ) {
                        let w = f64::from(importance);
                        weighted += w * (f64::from(theirs) - f64::from(ours));
                        weights += w;
                        compared += 1;
                    }
                }
                let gap = (compared > 0).then(|| Gap {
                    competitor: competitor.id,
                    value: weighted / weights,
                    compared,
                });
                (competitor.id, gap)
            })
            .collect()
    }

    /// The red flags, in the order of the requirements.
    pub fn red_flags(&self) -> Vec<RequirementFlag> {
        let mut flags = Vec::new();
        for requirement in &self.requirements {
            let (Some(importance), Some(ours)) = (requirement.importance, requirement.ours) else {
                continue;
            };
            if importance < HIGH {
                continue;
            }
            for competitor in &self.competitors {
                if requirement
                    .score_of(competitor.id)
                    .is_some_and(|theirs| theirs > ours)
                {
                    flags.push(RequirementFlag::CompetitorAhead {
                        requirement: requirement.id,
                        competitor: competitor.id,
                    });
                }
            }
        }
        flags
    }
}

/// A name or requirement text: not empty, one line, not too long.
#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn requirement(n: u128, importance: u8, ours: u8, theirs: &[(u128, u8)]) -> Requirement {
        Requirement {
            importance: Some(importance),
            ours: Some(ours),
            theirs: theirs
                .iter()
                .map(|&(c, value)| Score {
                    competitor: id(c),
                    value,
                })
                .collect(),
            ..Requirement::new(id(n), &format!("Anforderung {n}"))
        }
    }

    fn analysis(requirements: Vec<Requirement>) -> Requirements {
        Requirements {
            competitors: vec![
                Competitor {
                    id: id(100),
                    name: "Wettbewerber A".into(),
                },
                Competitor {
                    id: id(200),
                    name: "Wettbewerber B".into(),
                },
            ],
            requirements,
        }
    }

    #[test]
    fn the_grid_sorts_by_importance_and_our_performance_with_the_cross_between_3_and_4() {
        let quadrant = |importance, ours| requirement(1, importance, ours, &[]).quadrant();
        assert_eq!(quadrant(5, 2), Some(Quadrant::ConcentrateHere));
        assert_eq!(quadrant(4, 3), Some(Quadrant::ConcentrateHere));
        assert_eq!(quadrant(4, 4), Some(Quadrant::KeepUpTheGoodWork));
        assert_eq!(quadrant(3, 3), Some(Quadrant::LowPriority));
        assert_eq!(quadrant(1, 5), Some(Quadrant::PossibleOverkill));
        let unrated = Requirement::new(id(2), "Lieferzeit");
        assert_eq!(unrated.quadrant(), None);
    }

    #[test]
    fn the_gap_weights_each_difference_by_importance() {
        // Importance 5: A is 2 ahead; importance 1: A is 2 behind.
        // (5·2 + 1·(−2)) / 6 = 8/6.
        let ws = analysis(vec![
            requirement(1, 5, 2, &[(100, 4), (200, 2)]),
            requirement(2, 1, 5, &[(100, 3)]),
            // Not compared: our performance is missing.
            Requirement {
                ours: None,
                ..requirement(3, 5, 1, &[(100, 1)])
            },
        ]);
        let gaps = ws.gaps();
        let a = gaps[0].1.unwrap();
        assert!((a.value - 8.0 / 6.0).abs() < 1e-12);
        assert_eq!(a.compared, 2);
        let b = gaps[1].1.unwrap();
        assert_eq!((b.value, b.compared), (0.0, 1));
        let nobody = analysis(vec![requirement(1, 5, 2, &[])]);
        assert_eq!(nobody.gaps()[0].1, None);
    }

    #[test]
    fn weights_are_each_importance_over_the_total() {
        let ws = analysis(vec![
            requirement(1, 5, 2, &[]),
            requirement(2, 3, 2, &[]),
            Requirement::new(id(3), "Neu"),
        ]);
        assert_eq!(ws.weight(&ws.requirements[0]), Some(5.0 / 8.0));
        assert_eq!(ws.weight(&ws.requirements[2]), None);
    }

    #[test]
    fn a_competitor_ahead_on_an_important_requirement_is_flagged() {
        let ws = analysis(vec![
            // Important, A ahead, B equal: one flag.
            requirement(1, 4, 3, &[(100, 4), (200, 3)]),
            // Not important enough: no flag, however far ahead.
            requirement(2, 3, 1, &[(100, 5)]),
            // Important, we lead: no flag.
            requirement(3, 5, 5, &[(100, 4), (200, 5)]),
        ]);
        assert_eq!(
            ws.red_flags(),
            vec![RequirementFlag::CompetitorAhead {
                requirement: id(1),
                competitor: id(100)
            }]
        );
    }

    #[test]
    fn out_of_range_scores_dangling_competitors_and_double_scores_are_refused() {
        let mut ws = analysis(vec![requirement(1, 6, 0, &[(100, 3), (100, 2), (999, 9)])]);
        ws.competitors.push(Competitor {
            id: id(300),
            name: "  ".into(),
        });
        let fields: Vec<String> = ws.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "competitors[2].name",
                "requirements[0].importance",
                "requirements[0].ours",
                "requirements[0].theirs[1].competitor",
                "requirements[0].theirs[2].competitor",
                "requirements[0].theirs[2].value",
            ]
        );
    }

    #[test]
    fn removing_a_competitor_removes_its_scores() {
        let mut ws = analysis(vec![requirement(1, 5, 2, &[(100, 4), (200, 2)])]);
        ws.remove_competitor(id(100));
        assert_eq!(ws.requirements[0].theirs.len(), 1);
        assert!(ws.problems().is_empty());
    }
}
