//! The parts that touch the real terminal, the clock and the disk.

pub(crate) mod emergency;
pub mod outside;
pub mod saver;
pub mod session;
pub mod terminal;
