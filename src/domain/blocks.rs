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

    /// The block's tools, in the order the block page lists them.
    pub fn tools(self) -> impl Iterator<Item = Tool> {
        Tool::ALL.into_iter().filter(move |t| t.block() == self)
    }

    pub fn has_available_tools(self) -> bool {
        self.tools().any(|t| t.status() == ToolStatus::Available)
    }
}

/// A tool of the workbench: the typed registry of what each building block
/// offers, where it lives and whether it can be used yet. The UI names a
/// tool through its translation key and links to [`Tool::route`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    FitnessCheck,
    Foundations,
    KamGoals,
    TargetSelection,
    IntroductionProject,
    Profile,
    Market,
    Requirements,
    BuyingCenter,
    OwnBusiness,
    Sources,
    DevelopmentPlan,
    Organisation,
    Team,
    ManagerProfile,
    AnnualReview,
    Satisfaction,
    Checklists,
    Controlling,
    Scorecard,
    CrmExchange,
}

impl Tool {
    pub const ALL: [Tool; 21] = [
        Tool::FitnessCheck,
        Tool::Foundations,
        Tool::KamGoals,
        Tool::TargetSelection,
        Tool::IntroductionProject,
        Tool::Profile,
        Tool::Market,
        Tool::Requirements,
        Tool::BuyingCenter,
        Tool::OwnBusiness,
        Tool::Sources,
        Tool::DevelopmentPlan,
        Tool::Organisation,
        Tool::Team,
        Tool::ManagerProfile,
        Tool::AnnualReview,
        Tool::Satisfaction,
        Tool::Checklists,
        Tool::Controlling,
        Tool::Scorecard,
        Tool::CrmExchange,
    ];

    /// The building block the tool belongs to.
    pub fn block(self) -> BuildingBlock {
        use BuildingBlock::*;
        match self {
            Tool::FitnessCheck | Tool::Foundations => Fit,
            Tool::KamGoals | Tool::TargetSelection | Tool::IntroductionProject => Goals,
            Tool::Profile
            | Tool::Market
            | Tool::Requirements
            | Tool::BuyingCenter
            | Tool::OwnBusiness
            | Tool::Sources
            | Tool::DevelopmentPlan => Potentials,
            Tool::Organisation | Tool::Team | Tool::ManagerProfile => People,
            Tool::AnnualReview | Tool::Satisfaction | Tool::Checklists => Processes,
            Tool::Controlling | Tool::Scorecard | Tool::CrmExchange => Results,
        }
    }

    /// A stable name for the tool (page markup and tests).
    pub fn key(self) -> &'static str {
        match self {
            Tool::FitnessCheck => "fitness_check",
            Tool::Foundations => "foundations",
            Tool::KamGoals => "kam_goals",
            Tool::TargetSelection => "target_selection",
            Tool::IntroductionProject => "introduction_project",
            Tool::Profile => "profile",
            Tool::Market => "market",
            Tool::Requirements => "requirements",
            Tool::BuyingCenter => "buying_center",
            Tool::OwnBusiness => "own_business",
            Tool::Sources => "sources",
            Tool::DevelopmentPlan => "development_plan",
            Tool::Organisation => "organisation",
            Tool::Team => "team",
            Tool::ManagerProfile => "manager_profile",
            Tool::AnnualReview => "annual_review",
            Tool::Satisfaction => "satisfaction",
            Tool::Checklists => "checklists",
            Tool::Controlling => "controlling",
            Tool::Scorecard => "scorecard",
            Tool::CrmExchange => "crm_exchange",
        }
    }

    /// Where the tool lives in the app; `None` while it is planned.
    pub fn route(self) -> Option<&'static str> {
        match self {
            Tool::FitnessCheck => Some("/fitness"),
            Tool::Foundations => Some("/foundations"),
            Tool::TargetSelection => Some("/targets"),
            Tool::IntroductionProject => Some("/introduction"),
            Tool::KamGoals => Some("/introduction/goals"),
            // Per-account tools open from the key account's page.
            Tool::Profile
            | Tool::Market
            | Tool::Requirements
            | Tool::BuyingCenter
            | Tool::OwnBusiness
            | Tool::Sources
            | Tool::DevelopmentPlan
            | Tool::AnnualReview
            | Tool::Satisfaction
            | Tool::Scorecard => Some("/accounts"),
            Tool::Checklists => Some("/processes/cycle"),
            Tool::Organisation => Some("/people/organisation"),
            // The teams open from the list of people and load, the
            // profiles from each person there.
            Tool::Team | Tool::ManagerProfile => Some("/people"),
            _ => None,
        }
    }

    pub fn status(self) -> ToolStatus {
        if self.route().is_some() {
            ToolStatus::Available
        } else {
            ToolStatus::Planned
        }
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
    fn the_tools_available_today_are_those_of_the_first_five_blocks_and_the_scorecard() {
        let available: Vec<_> = BuildingBlock::ALL
            .iter()
            .flat_map(|b| b.tools().filter(|t| t.status() == ToolStatus::Available))
            .collect();
        assert_eq!(
            available,
            [
                Tool::FitnessCheck,
                Tool::Foundations,
                Tool::KamGoals,
                Tool::TargetSelection,
                Tool::IntroductionProject,
                Tool::Profile,
                Tool::Market,
                Tool::Requirements,
                Tool::BuyingCenter,
                Tool::OwnBusiness,
                Tool::Sources,
                Tool::DevelopmentPlan,
                Tool::Organisation,
                Tool::Team,
                Tool::ManagerProfile,
                Tool::AnnualReview,
                Tool::Satisfaction,
                Tool::Checklists,
                Tool::Scorecard
            ]
        );
    }

    #[test]
    fn every_block_has_tools_and_every_tool_one_block() {
        for block in BuildingBlock::ALL {
            assert!(block.tools().count() >= 2, "{block:?}");
        }
        let listed: usize = BuildingBlock::ALL.iter().map(|b| b.tools().count()).sum();
        assert_eq!(listed, Tool::ALL.len());
    }
}
