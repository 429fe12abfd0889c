//! One module per page (route).

mod account;
mod accounts;
mod block;
mod data;
mod home;
mod not_found;
mod settings;

pub use account::{AccountPage, NewAccountPage};
pub use accounts::AccountsPage;
pub use block::BlockPage;
pub use data::DataPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
