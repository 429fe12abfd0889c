//! Target customer selection (Zielkundenauswahl, book section 3.2):
//! ABC analysis and weighted scoring. Groundwork for the "Ziele" block;
//! the UI for it is not built yet.

pub mod abc;
pub mod scoring;
