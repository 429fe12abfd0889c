//! Building block "Potenziale": the tools of one key account's analysis.

mod buying_center;

pub use buying_center::BuyingCenterPage;
