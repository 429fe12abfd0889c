//! Aggregates over a group of respondents (a team or a seminar group).

use super::{score, Answer, Catalogue, FitnessCheck};

/// Descriptive statistics of one area or statement across respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub n: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// Population standard deviation.
    pub sd: f64,
}

impl Stats {
    /// `None` for an empty list.
    pub fn of(values: &[f64]) -> Option<Stats> {
        if values.is_empty() {
            return None;
        }
        let n = values.len();
        let mean = values.iter().sum::<f64>() / n as f64;
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
        Some(Stats {
            n,
            mean,
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            sd: variance.sqrt(),
        })
    }
}

/// What the group view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    /// Per area (catalogue order): statistics of the respondents' area %.
    pub areas: Vec<(String, Option<Stats>)>,
    /// Per statement (catalogue order): statistics of the raw answers, and
    /// how many said "don't know".
    pub statements: Vec<(String, Option<Stats>, usize)>,
    /// Statement ids by spread, widest first (only those with n ≥ 2).
    pub disagreement: Vec<String>,
    /// Indexes of the checks left out because they belong to another
    /// catalogue or catalogue version.
    pub excluded: Vec<usize>,
}

/// Aggregates the checks that fit the catalogue; the others are reported in
/// `excluded`, never mixed in.
pub fn group_summary(catalogue: &Catalogue, checks: &[FitnessCheck]) -> GroupSummary {
    type Indexed<'a> = Vec<(usize, &'a FitnessCheck)>;
    let (fitting, excluded): (Indexed, Indexed) = checks
        .iter()
        .enumerate()
        .partition(|(_, c)| c.fits(catalogue));
    let scores: Vec<_> = fitting.iter().map(|(_, c)| score(catalogue, c)).collect();
    let areas = catalogue
        .areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let values: Vec<f64> = scores.iter().filter_map(|s| s.areas[i].percent).collect();
            (area.id.clone(), Stats::of(&values))
        })
        .collect();
    let statements: Vec<(String, Option<Stats>, usize)> = catalogue
        .areas
        .iter()
        .flat_map(|a| &a.statements)
        .map(|statement| {
            let answers: Vec<Answer> = fitting
                .iter()
                .filter_map(|(_, c)| c.answers.get(&statement.id).copied())
                .collect();
            let values: Vec<f64> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Score(v) if *v <= catalogue.scale_max => Some(f64::from(*v)),
                    _ => None,
                })
                .collect();
            let dont_know = answers.iter().filter(|a| **a == Answer::DontKnow).count();
            (statement.id.clone(), Stats::of(&values), dont_know)
        })
        .collect();
    let mut spread: Vec<(&String, f64)> = statements
        .iter()
        .filter_map(|(id, stats, _)| stats.as_ref().filter(|s| s.n >= 2).map(|s| (id, s.sd)))
        .collect();
    spread.sort_by(|a, b| b.1.total_cmp(&a.1));
    GroupSummary {
        areas,
        disagreement: spread.into_iter().map(|(id, _)| id.clone()).collect(),
        statements,
        excluded: excluded.into_iter().map(|(i, _)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn respondent(catalogue: &Catalogue, answers: &[(&str, Answer)]) -> FitnessCheck {
        let mut check = FitnessCheck::new(catalogue);
        for (id, a) in answers {
            check.answers.insert((*id).into(), *a);
        }
        check
    }

    #[test]
    fn statistics_of_a_small_group() {
        let s = Stats::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert_eq!((s.n, s.mean, s.min, s.max, s.sd), (8, 5.0, 2.0, 9.0, 2.0));
        assert_eq!(Stats::of(&[]), None);
    }

    #[test]
    fn the_group_view_aggregates_areas_and_statements_and_ranks_disagreement() {
        use Answer::{DontKnow, Score};
        let c = Catalogue::built_in();
        let checks = vec![
            respondent(
                c,
                &[
                    ("strategy.1", Score(4)),
                    ("strategy.2", Score(2)),
                    ("goals.1", Score(0)),
                ],
            ),
            respondent(
                c,
                &[
                    ("strategy.1", Score(2)),
                    ("strategy.2", Score(2)),
                    ("goals.1", Score(4)),
                ],
            ),
            respondent(
                c,
                &[
                    ("strategy.1", Score(3)),
                    ("strategy.2", DontKnow),
                    ("goals.1", Score(2)),
                ],
            ),
        ];
        let g = group_summary(c, &checks);
        let strategy = g.areas[0].1.as_ref().unwrap();
        // Area % per respondent: 75, 50, 75.
        assert_eq!(strategy.n, 3);
        assert!((strategy.mean - 66.666_666).abs() < 1e-3);
        let s2 = g
            .statements
            .iter()
            .find(|(id, _, _)| id == "strategy.2")
            .unwrap();
        assert_eq!((s2.1.as_ref().unwrap().n, s2.2), (2, 1));
        assert_eq!(
            g.disagreement[0], "goals.1",
            "0, 4 and 2 is the widest spread"
        );
        assert!(g.excluded.is_empty());
    }

    #[test]
    fn checks_of_another_catalogue_version_are_reported_not_mixed() {
        let c = Catalogue::built_in();
        let mut other = respondent(c, &[("strategy.1", Answer::Score(0))]);
        other.catalogue_version = 2;
        let mine = respondent(c, &[("strategy.1", Answer::Score(4))]);
        let g = group_summary(c, &[mine, other]);
        assert_eq!(g.excluded, vec![1]);
        assert_eq!(g.areas[0].1.as_ref().unwrap().mean, 100.0);
    }
}
