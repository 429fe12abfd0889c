//! The six building blocks of the integrated KAM Performance Concept and
//! which of their tools the workbench offers today.

/// A building block (Baustein) of the concept, in the book's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuildingBlock {
    /// Fit für KAM (chapter 2)
    Fit,
    /// Ziele (chapter 3)
    Goals,
    /// Potenziale (chapter 4)
    Potentials,
    /// Menschen im KAM (chapter 5)
    People,
    /// Prozesse und Tools (chapter 6)
    Processes,
    /// Ergebnissicherung (chapter 7)
    Results,
}

/// Whether a tool can be used in this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolStatus {
    Available,
    Planned,
}

impl BuildingBlock {
    pub const ALL: [BuildingBlock; 6] = [
        BuildingBlock::Fit,
        BuildingBlock::Goals,
        BuildingBlock::Potentials,
        BuildingBlock::People,
        BuildingBlock::Processes,
        BuildingBlock::Results,
    ];

    /// The path segment used in links: `/blocks/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            BuildingBlock::Fit => "fit",
            BuildingBlock::Goals => "goals",
            BuildingBlock::Potentials => "potentials",
            BuildingBlock::People => "people",
            BuildingBlock::Processes => "processes",
            BuildingBlock::Results => "results",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.slug() == slug)
    }

    /// The chapter of the book the block corresponds to.
    pub fn chapter(self) -> u8 {
        match self {
            BuildingBlock::Fit => 2,
            BuildingBlock::Goals => 3,
            BuildingBlock::Potentials => 4,
            BuildingBlock::People => 5,
            BuildingBlock::Processes => 6,
            BuildingBlock::Results => 7,
        }
    }

    /// The block's tools as stable keys, each with its status. The UI looks
    /// the keys up in the translation catalogue.
    pub fn tools(self) -> &'static [(&'static str, ToolStatus)] {
        use ToolStatus::{Available, Planned};
        match self {
            BuildingBlock::Fit => &[("fitness_check", Available), ("foundations", Available)],
            BuildingBlock::Goals => &[
                ("kam_goals", Planned),
                ("target_selection", Available),
                ("introduction_project", Planned),
            ],
            BuildingBlock::Potentials => &[
                ("profile", Available),
                ("market", Planned),
                ("requirements", Planned),
                ("buying_center", Planned),
                ("own_business", Planned),
                ("development_plan", Planned),
            ],
            BuildingBlock::People => &[("team", Planned), ("manager_profile", Planned)],
            BuildingBlock::Processes => &[
                ("annual_review", Planned),
                ("satisfaction", Planned),
                ("checklists", Planned),
            ],
            BuildingBlock::Results => &[
                ("controlling", Planned),
                ("scorecard", Planned),
                ("crm_exchange", Planned),
            ],
        }
    }

    pub fn has_available_tools(self) -> bool {
        self.tools()
            .iter()
            .any(|(_, s)| *s == ToolStatus::Available)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_chapters_follow_the_book() {
        for block in BuildingBlock::ALL {
            assert_eq!(BuildingBlock::from_slug(block.slug()), Some(block));
        }
        let chapters: Vec<u8> = BuildingBlock::ALL.iter().map(|b| b.chapter()).collect();
        assert_eq!(chapters, [2, 3, 4, 5, 6, 7]);
        assert_eq!(BuildingBlock::from_slug("unknown"), None);
    }

    #[test]
    fn the_tools_available_today_are_the_fitness_check_foundations_and_profile() {
        let available: Vec<_> = BuildingBlock::ALL
            .iter()
            .flat_map(|b| {
                b.tools()
                    .iter()
                    .filter(|(_, s)| *s == ToolStatus::Available)
                    .map(|(k, _)| *k)
            })
            .collect();
        assert_eq!(
            available,
            [
                "fitness_check",
                "foundations",
                "target_selection",
                "profile"
            ]
        );
    }
}
