//! Dates the chair must watch: working days, bank holidays and the
//! statutory timescales (DESIGN.md, "Timescales"). Pure logic, no I/O.

pub(crate) mod calendar;
pub(crate) mod holidays;
pub(crate) mod timescales;

pub use calendar::{NonWorking, WorkingCalendar};
pub use holidays::{BankHoliday, bank_holiday_on, bank_holidays};
pub use timescales::*;
pub mod parse;
pub mod report;
