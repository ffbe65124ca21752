//! Two fictional example sessions, built in code so they always match the
//! schema: a finalised initial conference for the Marchbank family
//! (`FAM2041`) and the review conference three months later, part-way
//! through.
//!
//! Everyone and everything here is invented: the family, the professionals,
//! the town of Kelbridge and its services. The files in `sessions/` are
//! written from these functions by `tests/it/examples.rs`.

//!
//! `build` holds the small builders both conferences use, `people` the
//! register, `texts` the words the review carries from the initial
//! conference; `icpc` and `review` each build one conference, stage by stage.

mod build;
mod icpc;
mod people;
mod review;
mod texts;

pub use icpc::example_icpc;
pub use review::example_review;

/// The stable id of the example initial conference.
pub const ICPC_ID: &str = "example-icpc-fam2041";
/// The stable id of the example review conference.
pub const REVIEW_ID: &str = "example-rcpc-fam2041";
/// The file the initial conference is saved as, inside `sessions/`.
pub const ICPC_FILE: &str = "example-2026-11-09-icpc-FAM2041.json";
/// The file the review conference is saved as, inside `sessions/`.
pub const REVIEW_FILE: &str = "example-2027-02-09-rcpc-FAM2041.json";

const CHAIR: &str = "Ruth Calloway";
const FAMILY_REFERENCE: &str = "FAM2041";
const VENUE: &str = "Room 2, Kelbridge Family Hub, 14 Station Road, Kelbridge";
