//! An idle window sleeps until the clock it shows next moves (up to a
//! minute): a stop asked from outside must still wake it at once, save and
//! end, not wait for the next minute.

use crate::pty;

use std::thread;
use std::time::Duration;

use pty::Sandbox;

#[test]
fn an_idle_window_stops_at_once_on_sigterm() {
    let sb = Sandbox::new();
    let mut p = sb.spawn(&["new", "--dir", "sessions"], 80, 24);
    p.wait_for("Family reference");
    // Long enough for the loop to stop beating and fall asleep.
    thread::sleep(Duration::from_secs(3));
    p.signal(libc::SIGTERM);
    let status = p.wait_exit_within(Duration::from_secs(10));
    assert!(status.success(), "cpconf should save and exit: {status:?}");
}
