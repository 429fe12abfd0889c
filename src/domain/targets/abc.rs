//! ABC analysis (Pareto) of a customer list by one measure.
//!
//! *Choices, fixed here:* customers are sorted by value, largest first, and
//! ties keep input order (stable sort). A customer whose cumulative share
//! lands exactly on a cut-off belongs to the higher class. Zero or negative
//! values are class C and reported; an all-zero list is an error, never a
//! division by zero.

/// ABC class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AbcClass {
    A,
    B,
    C,
}

/// Cut-offs in percent of the cumulative measure.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CutOffs {
    pub a: f64,
    pub b: f64,
}

impl Default for CutOffs {
    fn default() -> Self {
        CutOffs { a: 80.0, b: 95.0 }
    }
}

/// One customer's place in the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct AbcRow {
    /// Position in the input list.
    pub index: usize,
    pub value: f64,
    /// Share of the total, percent.
    pub share: f64,
    /// Running sum of shares, percent.
    pub cumulative: f64,
    pub class: AbcClass,
}

/// Why the analysis cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AbcError {
    #[error("the list is empty")]
    Empty,
    #[error("the total of the measure is zero or less")]
    NoPositiveTotal,
    #[error("cut-offs must satisfy 0 < A < B < 100")]
    CutOffs,
}

/// The result: rows sorted by value (largest first) and the input positions
/// whose value was zero, negative or not a number.
#[derive(Debug, Clone, PartialEq)]
pub struct AbcAnalysis {
    pub rows: Vec<AbcRow>,
    pub non_positive: Vec<usize>,
}

/// Tolerance for "exactly on a cut-off" after floating-point summing.
const EPSILON: f64 = 1e-9;

pub fn abc_analysis(values: &[f64], cut_offs: CutOffs) -> Result<AbcAnalysis, AbcError> {
    if values.is_empty() {
        return Err(AbcError::Empty);
    }
    if !(0.0 < cut_offs.a && cut_offs.a < cut_offs.b && cut_offs.b < 100.0) {
        return Err(AbcError::CutOffs);
    }
    let usable = |v: f64| v.is_finite() && v > 0.0;
    let total: f64 = values.iter().copied().filter(|v| usable(*v)).sum();
    if total <= 0.0 {
        return Err(AbcError::NoPositiveTotal);
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    // Stable: equal values keep input order; unusable values go last.
    order.sort_by(|&x, &y| {
        let key = |i: usize| {
            if usable(values[i]) {
                values[i]
            } else {
                f64::NEG_INFINITY
            }
        };
        key(y).total_cmp(&key(x))
    });
    let mut cumulative = 0.0;
    let rows = order
        .into_iter()
        .map(|index| {
            let value = values[index];
            let share = if usable(value) {
                value / total * 100.0
            } else {
                0.0
            };
            cumulative += share;
            let class = if !usable(value) {
                AbcClass::C
            } else if cumulative <= cut_offs.a + EPSILON {
                AbcClass::A
            } else if cumulative <= cut_offs.b + EPSILON {
                AbcClass::B
            } else {
                AbcClass::C
            };
            AbcRow {
                index,
                value,
                share,
                cumulative,
                class,
            }
        })
        .collect();
    let non_positive = values
        .iter()
        .enumerate()
        .filter(|(_, v)| !usable(**v))
        .map(|(i, _)| i)
        .collect();
    Ok(AbcAnalysis { rows, non_positive })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_of_domain_md() {
        let values = [400.0, 250.0, 150.0, 80.0, 50.0, 30.0, 20.0, 10.0, 6.0, 4.0];
        let analysis = abc_analysis(&values, CutOffs::default()).unwrap();
        let cumulative: Vec<f64> = analysis
            .rows
            .iter()
            .map(|r| (r.cumulative * 10.0).round() / 10.0)
            .collect();
        assert_eq!(
            cumulative,
            [40.0, 65.0, 80.0, 88.0, 93.0, 96.0, 98.0, 99.0, 99.6, 100.0]
        );
        let classes: Vec<AbcClass> = analysis.rows.iter().map(|r| r.class).collect();
        use AbcClass::*;
        assert_eq!(
            classes,
            [A, A, A, B, B, C, C, C, C, C],
            "customer 3 lands exactly on 80 % and is A"
        );
    }

    #[test]
    fn ties_keep_input_order_and_non_positive_values_are_c_and_reported() {
        let analysis = abc_analysis(&[10.0, 0.0, 10.0, -5.0, 80.0], CutOffs::default()).unwrap();
        let order: Vec<usize> = analysis.rows.iter().map(|r| r.index).collect();
        assert_eq!(order, [4, 0, 2, 1, 3]);
        assert_eq!(analysis.non_positive, [1, 3]);
        assert_eq!(analysis.rows[3].class, AbcClass::C);
    }

    #[test]
    fn an_all_zero_list_is_an_error_not_a_division_by_zero() {
        assert_eq!(
            abc_analysis(&[0.0, 0.0], CutOffs::default()),
            Err(AbcError::NoPositiveTotal)
        );
        assert_eq!(abc_analysis(&[], CutOffs::default()), Err(AbcError::Empty));
        assert_eq!(
            abc_analysis(&[1.0], CutOffs { a: 95.0, b: 80.0 }),
            Err(AbcError::CutOffs)
        );
    }
}
