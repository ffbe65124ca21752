//! The parts that touch the real terminal, the clock and the disk.

pub mod emergency;
pub mod outside;
pub mod recover;
pub mod saver;
pub mod session;
pub mod terminal;
