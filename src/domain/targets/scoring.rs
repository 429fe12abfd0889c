//! Weighted scoring (Punktbewertung / Nutzwertanalyse): score = Σ wᵢ·gᵢ
//! with weights summing to 100 %. Missing grades stay missing: a customer
//! with a missing grade has no score, never a silent zero.

/// Why a model's weights need attention.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightCheck {
    /// Sum of the weights in percent.
    pub sum: f64,
    /// Indexes of criteria weighted under 5 %: they hardly matter.
    pub negligible: Vec<usize>,
}

impl WeightCheck {
    pub fn sums_to_100(&self) -> bool {
        (self.sum - 100.0).abs() < 1e-9
    }
}

pub fn check_weights(weights: &[f64]) -> WeightCheck {
    WeightCheck {
        sum: weights.iter().sum(),
        negligible: weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w < 5.0)
            .map(|(i, _)| i)
            .collect(),
    }
}

/// The weighted score of one customer, or `None` when a grade is missing.
/// Weights in percent; the result is on the grades' scale.
pub fn weighted_score(weights: &[f64], grades: &[Option<f64>]) -> Option<f64> {
    if weights.len() != grades.len() {
        return None;
    }
    weights
        .iter()
        .zip(grades)
        .try_fold(0.0, |sum, (w, g)| g.map(|g| sum + w / 100.0 * g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_of_domain_md() {
        let weights = [25.0, 30.0, 20.0, 15.0, 10.0];
        let a = weighted_score(&weights, &[8.0, 5.0, 7.0, 6.0, 9.0].map(Some)).unwrap();
        let b = weighted_score(&weights, &[6.0, 9.0, 7.0, 8.0, 5.0].map(Some)).unwrap();
        assert!((a - 6.70).abs() < 1e-9, "{a}");
        assert!((b - 7.30).abs() < 1e-9, "{b}");
    }

    #[test]
    fn a_missing_grade_leaves_the_score_missing() {
        assert_eq!(weighted_score(&[50.0, 50.0], &[Some(4.0), None]), None);
    }

    #[test]
    fn weights_not_summing_to_100_and_tiny_weights_are_reported() {
        let check = check_weights(&[60.0, 36.0, 4.0, 3.0]);
        assert!(!check.sums_to_100());
        assert_eq!(check.negligible, [2, 3]);
        assert!(check_weights(&[25.0, 30.0, 20.0, 15.0, 10.0]).sums_to_100());
    }
}
