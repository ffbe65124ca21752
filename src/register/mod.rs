//! The attendance register typed fast: one line a person
//! (`name, role, agency, agency kind`), and the invitation list as CSV for
//! `cpconf new --invitees FILE`. Pure: no disk, no screen.

pub mod invitees;
pub mod row;

pub use invitees::{COLUMNS, add_invitees, add_people, parse_invitees};
pub use row::{NewAttendee, agency_kind, agency_kind_matches, guess_kind, parse_row};
