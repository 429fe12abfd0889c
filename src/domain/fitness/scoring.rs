//! Scores of one check: per area, overall, level, weakest areas, change.

use super::{Answer, Catalogue, FitnessCheck};

/// The result of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaScore {
    pub area_id: String,
    /// Statements answered on the scale.
    pub scored: usize,
    /// Statements answered "don't know".
    pub dont_know: usize,
    /// Statements with no answer at all.
    pub open: usize,
    /// Mean answer / scale max, in percent; `None` when nothing was scored.
    pub percent: Option<f64>,
}

/// The result of a whole check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckScore {
    pub areas: Vec<AreaScore>,
    /// Mean of the area percentages that exist; `None` when none does.
    pub overall: Option<f64>,
}

/// Scores a check against its catalogue. Answers outside the scale are
/// ignored (a file is validated before it gets here).
pub fn score(catalogue: &Catalogue, check: &FitnessCheck) -> CheckScore {
    let max = f64::from(catalogue.scale_max);
    let areas: Vec<AreaScore> = catalogue
        .areas
        .iter()
        .map(|area| {
            let (mut sum, mut scored, mut dont_know, mut open) = (0.0, 0, 0, 0);
            for statement in &area.statements {
                match check.answers.get(&statement.id) {
                    Some(Answer::Score(v)) if *v <= catalogue.scale_max => {
                        sum += f64::from(*v);
                        scored += 1;
                    }
                    Some(Answer::DontKnow) => dont_know += 1,
                    _ => open += 1,
                }
            }
            let percent = (scored > 0).then(|| sum / scored as f64 / max * 100.0);
            AreaScore {
                area_id: area.id.clone(),
                scored,
                dont_know,
                open,
                percent,
            }
        })
        .collect();
    let present: Vec<f64> = areas.iter().filter_map(|a| a.percent).collect();
    let overall = (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64);
    CheckScore { areas, overall }
}

/// The `n` weakest scored areas, weakest first; ties keep catalogue order.
pub fn weakest_areas(score: &CheckScore, n: usize) -> Vec<&AreaScore> {
    let mut scored: Vec<&AreaScore> = score.areas.iter().filter(|a| a.percent.is_some()).collect();
    scored.sort_by(|a, b| {
        a.percent
            .unwrap_or(0.0)
            .total_cmp(&b.percent.unwrap_or(0.0))
    });
    scored.truncate(n);
    scored
}

/// Change per area from an earlier to a later check, in percentage points
/// (`None` where either has no score).
pub fn compare(earlier: &CheckScore, later: &CheckScore) -> Vec<(String, Option<f64>)> {
    earlier
        .areas
        .iter()
        .zip(&later.areas)
        .map(|(a, b)| {
            (
                a.area_id.clone(),
                a.percent.zip(b.percent).map(|(x, y)| y - x),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_with(answers: &[(&str, Answer)]) -> (Catalogue, FitnessCheck) {
        let catalogue = Catalogue::built_in();
        let mut check = FitnessCheck::new(catalogue);
        for (id, answer) in answers {
            check.answers.insert((*id).into(), *answer);
        }
        (catalogue.clone(), check)
    }

    fn area<'a>(score: &'a CheckScore, id: &str) -> &'a AreaScore {
        score.areas.iter().find(|a| a.area_id == id).unwrap()
    }

    #[test]
    fn an_area_score_is_the_mean_over_the_scale_maximum() {
        use Answer::Score;
        let (c, check) = check_with(&[
            ("strategy.1", Score(4)),
            ("strategy.2", Score(2)),
            ("strategy.3", Score(3)),
            ("strategy.4", Score(1)),
        ]);
        let s = score(&c, &check);
        assert_eq!(area(&s, "strategy").percent, Some(62.5));
        assert_eq!(s.overall, Some(62.5), "only areas with answers count");
    }

    #[test]
    fn dont_know_is_counted_but_excluded_from_the_mean() {
        let (c, check) = check_with(&[
            ("goals.1", Answer::Score(4)),
            ("goals.2", Answer::DontKnow),
            ("goals.3", Answer::DontKnow),
        ]);
        let goals = score(&c, &check)
            .areas
            .into_iter()
            .find(|a| a.area_id == "goals")
            .unwrap();
        assert_eq!((goals.scored, goals.dont_know, goals.open), (1, 2, 1));
        assert_eq!(goals.percent, Some(100.0));
    }

    #[test]
    fn an_area_with_only_dont_know_or_nothing_has_no_score_not_zero() {
        let (c, check) = check_with(&[
            ("people.1", Answer::DontKnow),
            ("results.1", Answer::Score(0)),
        ]);
        let s = score(&c, &check);
        assert_eq!(area(&s, "people").percent, None);
        assert_eq!(area(&s, "strategy").percent, None);
        assert_eq!(area(&s, "results").percent, Some(0.0));
        assert_eq!(s.overall, Some(0.0));
        let (c, empty) = check_with(&[]);
        assert_eq!(score(&c, &empty).overall, None);
    }

    #[test]
    fn the_weakest_areas_come_first_and_unscored_areas_are_left_out() {
        use Answer::Score;
        let (c, check) = check_with(&[
            ("strategy.1", Score(3)),
            ("goals.1", Score(1)),
            ("people.1", Score(2)),
            ("results.1", Score(1)),
        ]);
        let s = score(&c, &check);
        let weakest: Vec<&str> = weakest_areas(&s, 3)
            .iter()
            .map(|a| a.area_id.as_str())
            .collect();
        assert_eq!(weakest, ["goals", "results", "people"]);
    }

    #[test]
    fn comparison_gives_the_change_in_points() {
        use Answer::Score;
        let (c, before) = check_with(&[("strategy.1", Score(1)), ("goals.1", Score(2))]);
        let (_, after) = check_with(&[("strategy.1", Score(3))]);
        let change = compare(&score(&c, &before), &score(&c, &after));
        assert_eq!(change[0], ("strategy".to_string(), Some(50.0)));
        assert_eq!(change.iter().find(|(id, _)| id == "goals").unwrap().1, None);
    }
}
