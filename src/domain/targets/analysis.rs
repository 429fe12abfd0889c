//! The three procedures over one customer list, and where they disagree
//! (book section 3.2.3).
//!
//! *Choices, fixed here:*
//! - The scoring ranks customers by Σ wᵢ·gᵢ over all criteria; a customer
//!   with a missing grade has no score and no rank. Equal scores keep list
//!   order.
//! - Each portfolio axis is the weighted mean of its group's grades
//!   (Σ wᵢ·gᵢ / Σ wᵢ over the group), so both axes stay on the grade scale.
//!   A value exactly on the split counts as high / strong.
//! - A customer is proposed as key account by ABC when it is class A, by the
//!   scoring when it is in the top N, by the portfolio when it is a star.
//!   The procedures *disagree* when these three answers differ; a customer
//!   missing one of them is *incomplete*.
//! - Sensitivity: one criterion's weight moves by ±10 percentage points
//!   (clamped to 0–100), the others are rescaled proportionally so that the
//!   total stays as it was; the criterion is sensitive when that changes who
//!   is in the top N.

use super::abc::{abc_analysis, AbcAnalysis, AbcClass, AbcError};
use super::model::{CriterionGroup, TargetSelection};
use super::scoring::{check_weights, weighted_score, WeightCheck};

/// The four fields of the customer portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High attractiveness, strong position: hold and expand.
    Star,
    /// High attractiveness, weak position: big step or exit.
    QuestionMark,
    /// Low attractiveness, strong position: hold, invest only what is needed.
    Cash,
    /// Low attractiveness, weak position: serve efficiently.
    TakeAlong,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuestionMark,
        Quadrant::Star,
        Quadrant::TakeAlong,
        Quadrant::Cash,
    ];

    pub fn of(attractiveness: f64, position: f64, split_a: f64, split_p: f64) -> Quadrant {
        match (attractiveness >= split_a, position >= split_p) {
            (true, true) => Quadrant::Star,
            (true, false) => Quadrant::QuestionMark,
            (false, true) => Quadrant::Cash,
            (false, false) => Quadrant::TakeAlong,
        }
    }
}

/// How the three procedures judge one customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// All three propose the customer as key account.
    AllFor,
    /// None of the three does.
    AllAgainst,
    /// They differ: the interesting case.
    Disagree,
    /// A procedure has no answer (missing measure or grades).
    Incomplete,
}

/// Everything computed for one customer, in list order.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerResult {
    pub abc: Option<AbcClass>,
    /// Cumulative share of the measure at this customer, percent.
    pub cumulative: Option<f64>,
    pub score: Option<f64>,
    /// 1 = best.
    pub rank: Option<usize>,
    pub attractiveness: Option<f64>,
    pub position: Option<f64>,
    pub quadrant: Option<Quadrant>,
    /// Criteria without a (valid) grade.
    pub missing_grades: usize,
    pub verdict: Verdict,
}

/// One line of the ABC class summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassSummary {
    pub class: AbcClass,
    pub count: usize,
    /// Percent of customers.
    pub customer_share: f64,
    /// Percent of the measure.
    pub measure_share: f64,
}

/// Who enters and who leaves the top N when a weight moves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TopChange {
    pub entered: Vec<usize>,
    pub left: Vec<usize>,
}

impl TopChange {
    pub fn is_empty(&self) -> bool {
        self.entered.is_empty() && self.left.is_empty()
    }
}

/// The sensitivity of the top N to one criterion's weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub criterion: usize,
    pub minus: TopChange,
    pub plus: TopChange,
}

/// A set of proposed key accounts and what it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionStatus {
    pub count: usize,
    /// Percent of the total revenue of the list.
    pub revenue_share: f64,
}

/// The selections the comparison measures against the goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Proposal {
    AbcA,
    TopN,
    Stars,
    /// The customers promoted to key accounts.
    Chosen,
}

impl Proposal {
    pub const ALL: [Proposal; 4] = [
        Proposal::AbcA,
        Proposal::TopN,
        Proposal::Stars,
        Proposal::Chosen,
    ];
}

/// The whole analysis of a target selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub customers: Vec<CustomerResult>,
    /// Rows sorted by the measure, or why there is no ABC analysis.
    pub abc: Result<AbcAnalysis, AbcError>,
    pub classes: Vec<ClassSummary>,
    pub weights: WeightCheck,
    /// Customer indexes by rank (scored customers only).
    pub ranking: Vec<usize>,
    pub sensitivity: Vec<Sensitivity>,
    pub proposals: Vec<(Proposal, SelectionStatus)>,
    /// Total positive revenue of the list, euros.
    pub total_revenue: f64,
}

impl Analysis {
    pub fn proposal(&self, which: Proposal) -> SelectionStatus {
        self.proposals
            .iter()
            .find(|(p, _)| *p == which)
            .map(|(_, s)| *s)
            .unwrap_or(SelectionStatus {
                count: 0,
                revenue_share: 0.0,
            })
    }

    /// Customers whose procedures disagree.
    pub fn disagreements(&self) -> usize {
        self.customers
            .iter()
            .filter(|c| c.verdict == Verdict::Disagree)
            .count()
    }
}

/// Grades as one flat row-major matrix; out-of-scale grades count as missing.
struct Grades {
    values: Vec<Option<f64>>,
    width: usize,
    customers: usize,
}

impl Grades {
    fn row(&self, customer: usize) -> &[Option<f64>] {
        &self.values[customer * self.width..(customer + 1) * self.width]
    }
}

fn scores(grades: &Grades, weights: &[f64]) -> Vec<Option<f64>> {
    (0..grades.customers)
        .map(|i| {
            if weights.is_empty() {
                return None;
            }
            weighted_score(weights, grades.row(i))
        })
        .collect()
}

/// Customer indexes by score, best first; equal scores keep list order.
fn rank_order(scores: &[Option<f64>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).filter(|&i| scores[i].is_some()).collect();
    order.sort_by(|&x, &y| {
        scores[y]
            .unwrap_or(0.0)
            .total_cmp(&scores[x].unwrap_or(0.0))
            .then(x.cmp(&y))
    });
    order
}

/// Membership in the top N as a bit per customer, without a full sort.
fn top_set(scores: &[Option<f64>], n: usize) -> Vec<bool> {
    let mut scored: Vec<(f64, usize)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (s, i)))
        .collect();
    let better = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    let mut set = vec![false; scores.len()];
    if n == 0 || scored.is_empty() {
        return set;
    }
    if scored.len() > n {
        scored.select_nth_unstable_by(n - 1, better);
        scored.truncate(n);
    }
    for (_, i) in scored {
        set[i] = true;
    }
    set
}

fn change(base: &[bool], other: &[bool]) -> TopChange {
    let mut result = TopChange::default();
    for (i, (b, o)) in base.iter().zip(other).enumerate() {
        match (b, o) {
            (false, true) => result.entered.push(i),
            (true, false) => result.left.push(i),
            _ => {}
        }
    }
    result
}

/// Weights after moving criterion `index` by `delta` points, the others
/// rescaled proportionally so that the sum stays the same.
pub fn shifted_weights(weights: &[f64], index: usize, delta: f64) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    let moved = (weights[index] + delta).clamp(0.0, 100.0).min(total);
    let others = total - weights[index];
    let others_new = total - moved;
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == index {
                moved
            } else if others > 0.0 {
                w * others_new / others
            } else {
                0.0
            }
        })
        .collect()
}

/// Weighted mean of one group's grades, `None` when a grade is missing or
/// the group carries no weight.
fn axis(row: &[Option<f64>], weights: &[f64], in_group: &[bool]) -> Option<f64> {
    let mut sum = 0.0;
    let mut weight = 0.0;
    for ((g, w), member) in row.iter().zip(weights).zip(in_group) {
        if *member {
            sum += w * (*g)?;
            weight += w;
        }
    }
    (weight > 0.0).then(|| sum / weight)
}

pub const SENSITIVITY_POINTS: f64 = 10.0;

pub fn analyse(selection: &TargetSelection) -> Analysis {
    let customers = &selection.customers;
    let n = customers.len();
    let criteria = &selection.criteria;
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let scale = selection.scale;
    // One pass over each customer's few grades, placed by column.
    let mut values = vec![None; n * criteria.len()];
    for (i, customer) in customers.iter().enumerate() {
        for (key, grade) in &customer.grades {
            if let Some(col) = criteria.iter().position(|k| &k.id == key) {
                if scale.contains(*grade) {
                    values[i * criteria.len() + col] = Some(*grade);
                }
            }
        }
    }
    let grades = Grades {
        values,
        width: criteria.len(),
        customers: n,
    };

    // ABC
    let values: Vec<f64> = customers
        .iter()
        .map(|c| c.measure(selection.measure).unwrap_or(0.0))
        .collect();
    let abc = abc_analysis(&values, selection.cut_offs);
    let mut abc_of = vec![None; n];
    let mut classes = Vec::new();
    if let Ok(analysis) = &abc {
        let mut counts = [(0usize, 0.0f64); 3];
        for row in &analysis.rows {
            abc_of[row.index] = Some((row.class, row.cumulative));
            let slot = &mut counts[row.class as usize];
            slot.0 += 1;
            slot.1 += row.share;
        }
        classes = [AbcClass::A, AbcClass::B, AbcClass::C]
            .into_iter()
            .zip(counts)
            .map(|(class, (count, share))| ClassSummary {
                class,
                count,
                customer_share: count as f64 / n as f64 * 100.0,
                measure_share: share,
            })
            .collect();
    }

    // Scoring
    let base_scores = scores(&grades, &weights);
    let ranking = rank_order(&base_scores);
    let mut rank_of = vec![None; n];
    for (position, &i) in ranking.iter().enumerate() {
        rank_of[i] = Some(position + 1);
    }
    let top_n = selection.top_n as usize;
    let base_top = top_set(&base_scores, top_n);
    // Moving one weight and rescaling the others by a common factor f
    // changes a score s to f·(s − wₖ·gₖ) + w'ₖ·gₖ: no full rescoring needed.
    let total_weight: f64 = weights.iter().sum();
    let sensitivity = (0..criteria.len())
        .map(|k| {
            let moved = |delta: f64| {
                let shifted = shifted_weights(&weights, k, delta);
                let others = total_weight - weights[k];
                let factor = if others > 0.0 {
                    (total_weight - shifted[k]) / others
                } else {
                    0.0
                };
                let scores: Vec<Option<f64>> = base_scores
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let g = grades.row(i)[k]?;
                        s.map(|s| factor * (s - weights[k] / 100.0 * g) + shifted[k] / 100.0 * g)
                    })
                    .collect();
                change(&base_top, &top_set(&scores, top_n))
            };
            Sensitivity {
                criterion: k,
                minus: moved(-SENSITIVITY_POINTS),
                plus: moved(SENSITIVITY_POINTS),
            }
        })
        .collect();

    // Portfolio
    let split = selection.split();
    let attractiveness_group: Vec<bool> = criteria
        .iter()
        .map(|c| c.group == CriterionGroup::Attractiveness)
        .collect();
    let position_group: Vec<bool> = attractiveness_group.iter().map(|a| !a).collect();

    let results: Vec<CustomerResult> = (0..n)
        .map(|i| {
            let row = grades.row(i);
            let attractiveness = axis(row, &weights, &attractiveness_group);
            let position = axis(row, &weights, &position_group);
            let quadrant = attractiveness
                .zip(position)
                .map(|(a, p)| Quadrant::of(a, p, split.attractiveness, split.position));
            let (abc_class, cumulative) = match abc_of[i] {
                Some((class, cumulative)) => (Some(class), Some(cumulative)),
                None => (None, None),
            };
            let votes = [
                abc_class.map(|c| c == AbcClass::A),
                rank_of[i].map(|_| base_top[i]),
                quadrant.map(|q| q == Quadrant::Star),
            ];
            let verdict = if votes.iter().any(Option::is_none) {
                Verdict::Incomplete
            } else if votes.iter().all(|v| *v == Some(true)) {
                Verdict::AllFor
            } else if votes.iter().all(|v| *v == Some(false)) {
                Verdict::AllAgainst
            } else {
                Verdict::Disagree
            };
            CustomerResult {
                abc: abc_class,
                cumulative,
                score: base_scores[i],
                rank: rank_of[i],
                attractiveness,
                position,
                quadrant,
                missing_grades: row.iter().filter(|g| g.is_none()).count(),
                verdict,
            }
        })
        .collect();

    // Selections against the goals
    let revenue = |i: usize| customers[i].revenue.filter(|r| *r > 0.0).unwrap_or(0.0);
    let total_revenue: f64 = (0..n).map(revenue).sum();
    let status = |member: &dyn Fn(usize) -> bool| {
        let members: Vec<usize> = (0..n).filter(|&i| member(i)).collect();
        let covered: f64 = members.iter().map(|&i| revenue(i)).sum();
        SelectionStatus {
            count: members.len(),
            revenue_share: if total_revenue > 0.0 {
                covered / total_revenue * 100.0
            } else {
                0.0
            },
        }
    };
    let proposals = Proposal::ALL
        .into_iter()
        .map(|p| {
            let s = match p {
                Proposal::AbcA => status(&|i| results[i].abc == Some(AbcClass::A)),
                Proposal::TopN => status(&|i| base_top[i]),
                Proposal::Stars => status(&|i| results[i].quadrant == Some(Quadrant::Star)),
                Proposal::Chosen => status(&|i| customers[i].account_id.is_some()),
            };
            (p, s)
        })
        .collect();

    Analysis {
        customers: results,
        abc,
        classes,
        weights: check_weights(&weights),
        ranking,
        sensitivity,
        proposals,
        total_revenue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::targets::model::{Criterion, Customer, GradeScale};
    use uuid::Uuid;

    fn criterion(id: &str, weight: f64, group: CriterionGroup) -> Criterion {
        Criterion {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            weight,
            group,
        }
    }

    fn customer(n: u128, revenue: f64, grades: &[f64]) -> Customer {
        let mut c = Customer::new(Uuid::from_u128(n), format!("Kunde {n}"));
        c.revenue = Some(revenue);
        for (k, g) in grades.iter().enumerate() {
            c.grades.insert(format!("c{}", k + 1), *g);
        }
        c
    }

    /// The DOMAIN.md scoring example (scale 1–10 read as 0–10 here, weights
    /// 25/30/20/15/10) with the first three criteria on attractiveness.
    fn worked_example() -> TargetSelection {
        use CriterionGroup::*;
        TargetSelection {
            scale: GradeScale::ZeroToTen,
            criteria: vec![
                criterion("c1", 25.0, Attractiveness),
                criterion("c2", 30.0, Attractiveness),
                criterion("c3", 20.0, Attractiveness),
                criterion("c4", 15.0, Position),
                criterion("c5", 10.0, Position),
            ],
            customers: vec![
                customer(1, 400.0, &[8.0, 5.0, 7.0, 6.0, 9.0]),
                customer(2, 250.0, &[6.0, 9.0, 7.0, 8.0, 5.0]),
            ],
            top_n: 1,
            ..TargetSelection::default()
        }
    }

    #[test]
    fn scores_and_ranks_follow_the_worked_example() {
        let analysis = analyse(&worked_example());
        let a = analysis.customers[0].score.unwrap();
        let b = analysis.customers[1].score.unwrap();
        assert!((a - 6.70).abs() < 1e-9 && (b - 7.30).abs() < 1e-9);
        assert_eq!(analysis.ranking, [1, 0], "B (7.30) ranks before A (6.70)");
        assert_eq!(analysis.customers[1].rank, Some(1));
    }

    #[test]
    fn portfolio_axes_are_group_means_and_the_split_is_inclusive() {
        let mut selection = worked_example();
        // A: attractiveness (8·25 + 5·30 + 7·20) / 75 = 490/75; position (6·15 + 9·10) / 25 = 7.2
        let analysis = analyse(&selection);
        let a = &analysis.customers[0];
        assert!((a.attractiveness.unwrap() - 490.0 / 75.0).abs() < 1e-9);
        assert!((a.position.unwrap() - 7.2).abs() < 1e-9);
        assert_eq!(a.quadrant, Some(Quadrant::Star));
        selection.split = Some(crate::domain::targets::model::PortfolioSplit {
            attractiveness: 490.0 / 75.0,
            position: 7.5,
        });
        let analysis = analyse(&selection);
        assert_eq!(
            analysis.customers[0].quadrant,
            Some(Quadrant::QuestionMark),
            "on the attractiveness split = high; below the position split = weak"
        );
    }

    #[test]
    fn a_missing_grade_is_missing_not_zero() {
        let mut selection = worked_example();
        selection.customers[1].grades.remove("c4");
        let analysis = analyse(&selection);
        let b = &analysis.customers[1];
        assert_eq!(b.score, None);
        assert_eq!(b.rank, None);
        assert_eq!(b.missing_grades, 1);
        assert_eq!(b.position, None, "the position axis lacks a grade");
        assert!(b.attractiveness.is_some());
        assert_eq!(b.verdict, Verdict::Incomplete);
        assert_eq!(analysis.ranking, [0]);
    }

    #[test]
    fn a_grade_outside_the_scale_counts_as_missing() {
        let mut selection = worked_example();
        selection.scale = GradeScale::OneToFive;
        let analysis = analyse(&selection);
        assert_eq!(analysis.customers[0].score, None, "grade 8 is not on 1–5");
    }

    #[test]
    fn procedures_disagree_when_a_b_customer_is_a_star() {
        use CriterionGroup::*;
        let selection = TargetSelection {
            criteria: vec![
                criterion("c1", 60.0, Attractiveness),
                criterion("c2", 40.0, Position),
            ],
            customers: vec![
                customer(1, 800.0, &[5.0, 5.0]),
                customer(2, 100.0, &[5.0, 4.0]),
                customer(3, 100.0, &[1.0, 1.0]),
            ],
            top_n: 2,
            ..TargetSelection::default()
        };
        let analysis = analyse(&selection);
        let verdicts: Vec<Verdict> = analysis.customers.iter().map(|c| c.verdict).collect();
        assert_eq!(
            verdicts,
            [Verdict::AllFor, Verdict::Disagree, Verdict::AllAgainst]
        );
        assert_eq!(analysis.disagreements(), 1);
        let stars = analysis.proposal(Proposal::Stars);
        assert_eq!(stars.count, 2);
        assert!((stars.revenue_share - 90.0).abs() < 1e-9);
        assert_eq!(analysis.proposal(Proposal::AbcA).count, 1);
    }

    #[test]
    fn the_class_summary_matches_the_abc_worked_example() {
        let values = [400.0, 250.0, 150.0, 80.0, 50.0, 30.0, 20.0, 10.0, 6.0, 4.0];
        let selection = TargetSelection {
            customers: values
                .iter()
                .enumerate()
                .map(|(i, v)| customer(i as u128, *v, &[]))
                .collect(),
            ..TargetSelection::default()
        };
        let analysis = analyse(&selection);
        let a = analysis.classes[0];
        assert_eq!(a.count, 3);
        assert!((a.customer_share - 30.0).abs() < 1e-9);
        assert!((a.measure_share - 80.0).abs() < 1e-9);
        assert_eq!(analysis.classes[1].count, 2);
        assert_eq!(analysis.classes[2].count, 5);
    }

    #[test]
    fn shifting_a_weight_keeps_the_total() {
        let shifted = shifted_weights(&[25.0, 30.0, 20.0, 15.0, 10.0], 0, 10.0);
        assert_eq!(shifted[0], 35.0);
        assert!((shifted.iter().sum::<f64>() - 100.0).abs() < 1e-9);
        // Others shrink in proportion: 30 · 65/75 = 26.
        assert!((shifted[1] - 26.0).abs() < 1e-9);
        let clamped = shifted_weights(&[5.0, 95.0], 0, -10.0);
        assert_eq!(clamped, [0.0, 100.0]);
    }

    #[test]
    fn sensitivity_names_the_criteria_that_change_the_top_n() {
        use CriterionGroup::*;
        // c1 favours customer 1, c2 favours customer 2; with 55/45 customer 1
        // leads, and moving c1 down by 10 points hands the lead to customer 2.
        let selection = TargetSelection {
            criteria: vec![
                criterion("c1", 55.0, Attractiveness),
                criterion("c2", 45.0, Position),
            ],
            customers: vec![customer(1, 1.0, &[5.0, 1.0]), customer(2, 1.0, &[1.0, 5.0])],
            top_n: 1,
            ..TargetSelection::default()
        };
        let analysis = analyse(&selection);
        let c1 = &analysis.sensitivity[0];
        assert!(c1.plus.is_empty());
        assert_eq!(c1.minus.entered, [1]);
        assert_eq!(c1.minus.left, [0]);
        let c2 = &analysis.sensitivity[1];
        assert_eq!(c2.plus.entered, [1], "c2 up by 10 = c1 down by 10");
        assert!(c2.minus.is_empty());
    }
}
