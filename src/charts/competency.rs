//! The competency radar of a key account manager: the own view, the
//! superior's view and the target profile on one radar
//! ([`radar`](super::radar)), one axis per competency area, rings at the
//! ratings 1 to 5.

use super::{RadarSeries, SeriesColor};
use crate::domain::people::competency::{Assessment, Profile, RATING_MAX};

/// The names of the three series, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesText {
    pub own: String,
    pub superior: String,
    pub target: String,
}

fn position(rating: u8) -> f64 {
    100.0 * f64::from(rating) / f64::from(RATING_MAX)
}

/// The rings 1 to 5.
pub fn rings() -> Vec<(f64, String)> {
    (1..=RATING_MAX)
        .map(|r| (position(r), r.to_string()))
        .collect()
}

/// The axes (area names) and the three series of one assessment.
pub fn series(
    profile: &Profile,
    assessment: &Assessment,
    text: &SeriesText,
) -> (Vec<String>, Vec<RadarSeries>) {
    let axes = profile.areas.iter().map(|a| a.name.clone()).collect();
    let values = |read: &dyn Fn(&crate::domain::people::competency::Rating) -> Option<u8>| {
        profile
            .areas
            .iter()
            .map(|area| assessment.rating(area.id).and_then(read).map(position))
            .collect()
    };
    let series: Vec<RadarSeries> = vec![
        RadarSeries {
            label: text.target.clone(),
            values: profile
                .areas
                .iter()
                .map(|a| a.target.map(position))
                .collect(),
            color: SeriesColor::Earlier,
        },
        RadarSeries {
            label: text.superior.clone(),
            values: values(&|r| r.superior),
            color: SeriesColor::Group,
        },
        RadarSeries {
            label: text.own.clone(),
            values: values(&|r| r.own),
            color: SeriesColor::Primary,
        },
    ]
    .into_iter()
    // A view nobody gave (no superior's rating yet) is not drawn at all,
    // rather than as a shape collapsed to the centre.
    .filter(|s| s.values.iter().any(Option::is_some))
    .collect();
    (axes, series)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{radar, svg_texts};
    use crate::domain::people::competency::{Area, Rating};
    use crate::domain::time::Day;
    use uuid::Uuid;

    #[test]
    fn three_series_on_rings_one_to_five() {
        let area = |n: u128, name: &str, target| Area {
            id: Uuid::from_u128(n),
            name: name.into(),
            development: String::new(),
            target,
        };
        let profile = Profile {
            areas: vec![
                area(1, "Kundengeschäft verstehen", Some(5)),
                area(2, "Verhandeln", Some(4)),
                area(3, "Teamführung ohne Weisungsbefugnis", None),
            ],
            assessments: Vec::new(),
        };
        let assessment = Assessment {
            id: Uuid::from_u128(9),
            date: Day::parse("2026-03-01").unwrap(),
            ratings: vec![
                Rating {
                    area: Uuid::from_u128(1),
                    own: Some(4),
                    superior: Some(3),
                },
                Rating {
                    area: Uuid::from_u128(3),
                    own: Some(2),
                    superior: None,
                },
            ],
        };
        let text = SeriesText {
            own: "Selbstbild".into(),
            superior: "Fremdbild".into(),
            target: "Soll".into(),
        };
        let (axes, series) = series(&profile, &assessment, &text);
        assert_eq!(axes.len(), 3);
        assert_eq!(series[0].values, [Some(100.0), Some(80.0), None]);
        assert_eq!(series[1].values, [Some(60.0), None, None]);
        assert_eq!(series[2].values, [Some(80.0), None, Some(40.0)]);
        let svg = radar(&axes, &series, &rings());
        assert_eq!(svg.matches("<polygon").count(), 3);
        let texts = svg_texts(&svg);
        for expected in ["1", "5", "Soll", "Fremdbild", "Selbstbild", "Verhandeln"] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} missing in {texts:?}"
            );
        }
        // Dots only where rated: 2 target, 1 superior, 2 own.
        assert_eq!(svg.matches("<circle").count(), 5);
    }

    #[test]
    fn a_view_nobody_gave_is_left_out() {
        let profile = Profile {
            areas: vec![Area {
                id: Uuid::from_u128(1),
                name: "Verhandeln".into(),
                development: String::new(),
                target: Some(4),
            }],
            assessments: Vec::new(),
        };
        let assessment = Assessment {
            id: Uuid::from_u128(9),
            date: Day::parse("2026-03-01").unwrap(),
            ratings: vec![Rating {
                area: Uuid::from_u128(1),
                own: Some(3),
                superior: None,
            }],
        };
        let text = SeriesText {
            own: "Selbstbild".into(),
            superior: "Fremdbild".into(),
            target: "Soll".into(),
        };
        let (_, series) = series(&profile, &assessment, &text);
        let labels: Vec<&str> = series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Soll", "Selbstbild"]);
    }
}
