//! What reaches a full-screen loop from outside: the terminal's events, and
//! requests to stop (SIGTERM, SIGHUP, SIGINT or SIGQUIT sent from outside,
//! or a terminal that has hung up). Each of them saves before the end.
//!
//! Events are read on their own thread. Once the terminal is gone (its
//! window closed, an ssh link dropped), crossterm 0.29 never returns from
//! `event::poll`: reading the tty gives 0 bytes and it retries at once
//! (crossterm-rs/crossterm#793). Read here, that can only stall the reading
//! thread; the loop that draws, saves and quits keeps running, sees the
//! hang-up, and shuts down in order: saved, lock released, process gone.
//! A signal or a hang-up also wakes the loop (a thread each), so an idle
//! window may sleep until its clock next moves and still stop at once.

use std::cell::RefCell;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// What the reading threads hand the loop.
enum Incoming {
    Event(io::Result<Event>),
    /// A stop was asked (a signal, a hung-up terminal): the flag is set,
    /// and this wakes a loop asleep in `next_event`.
    Wake,
}

pub struct Outside {
    stop: Arc<AtomicBool>,
    events: Receiver<Incoming>,
    /// An event taken off the channel by `event_waiting`, not yet handled.
    waiting: RefCell<Option<io::Result<Event>>>,
    /// Standard input is the terminal, so its hang-up can be seen there.
    stdin_is_terminal: bool,
}

impl Outside {
    /// Starts listening: SIGTERM, SIGHUP, SIGINT and SIGQUIT ask to stop
    /// (in raw mode Ctrl+C is a key, so SIGINT only comes from outside), and
    /// a thread reads the terminal. Call it once the terminal is in raw mode.
    pub fn start() -> io::Result<Outside> {
        let stop = Arc::new(AtomicBool::new(false));
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal_hook::flag::register(signal, stop.clone())?;
        }
        let (tx, events) = mpsc::channel();
        let input = tx.clone();
        thread::Builder::new()
            .name("cpconf-input".into())
            .spawn(move || {
                loop {
                    let read = event::read();
                    let failed = read.is_err();
                    if input.send(Incoming::Event(read)).is_err() || failed {
                        return;
                    }
                }
            })?;
        // The flags above are set inside the handler; this wakes the loop
        // too, so an idle window that sleeps for long still stops at once.
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let wake = tx.clone();
        thread::Builder::new()
            .name("cpconf-signals".into())
            .spawn(move || {
                for _ in signals.forever() {
                    if wake.send(Incoming::Wake).is_err() {
                        return;
                    }
                }
            })?;
        let stdin_is_terminal = io::IsTerminal::is_terminal(&io::stdin());
        if stdin_is_terminal {
            let (flag, wake) = (stop.clone(), tx);
            thread::Builder::new()
                .name("cpconf-hangup".into())
                .spawn(move || {
                    wait_for_hang_up();
                    flag.store(true, Ordering::Relaxed);
                    let _ = wake.send(Incoming::Wake);
                })?;
        }
        Ok(Outside {
            stop,
            events,
            waiting: RefCell::new(None),
            stdin_is_terminal,
        })
    }

    /// The next event, waiting at most `timeout`. A terminal that can no
    /// longer be read counts as a request to stop.
    pub fn next_event(&self, timeout: Duration) -> Option<Event> {
        let next = match self.waiting.borrow_mut().take() {
            Some(event) => Ok(Incoming::Event(event)),
            None => self.events.recv_timeout(timeout),
        };
        match next {
            Ok(Incoming::Event(Ok(event))) => Some(event),
            // The stop flag is set: the caller sees it next.
            Ok(Incoming::Wake) => None,
            Ok(Incoming::Event(Err(_))) | Err(RecvTimeoutError::Disconnected) => {
                self.stop.store(true, Ordering::Relaxed);
                // Not a busy loop while the caller winds down.
                thread::sleep(timeout);
                None
            }
            Err(RecvTimeoutError::Timeout) => None,
        }
    }

    /// An event is already waiting (the keyboard is not quiet), without
    /// waiting for one.
    pub fn event_waiting(&self) -> bool {
        let mut waiting = self.waiting.borrow_mut();
        while waiting.is_none() {
            match self.events.try_recv() {
                Ok(Incoming::Event(event)) => *waiting = Some(event),
                // A stop: the loop, awake, sees the flag on its own.
                Ok(Incoming::Wake) => continue,
                Err(_) => break,
            }
        }
        waiting.is_some()
    }

    /// True once the program should save and end.
    pub fn should_stop(&self) -> bool {
        if self.stdin_is_terminal && terminal_hung_up() {
            self.stop.store(true, Ordering::Relaxed);
        }
        self.stop.load(Ordering::Relaxed)
    }
}

/// A file-size limit (`ulimit -f`) makes the kernel kill a process whose
/// write crosses it (SIGXFSZ), leaving half-written temp files and no
/// emergency copy. Ignored, the write fails with EFBIG instead, and that
/// failure is handled like a full disk. Call it first thing.
pub fn ignore_file_size_limit_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN, before any other
    // thread exists; no handler code runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// The terminal on standard input has hung up (its window was closed).
#[cfg(unix)]
fn terminal_hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout; `events: 0` asks only for the
    // conditions always reported (hang-up, error), so no input is taken.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(not(unix))]
fn terminal_hung_up() -> bool {
    false
}

/// Blocks until the terminal on standard input hangs up (or fails).
#[cfg(unix)]
fn wait_for_hang_up() {
    loop {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        };
        // SAFETY: as in `terminal_hung_up`, with no timeout: `events: 0`
        // waits only for a hang-up or an error, and takes no input.
        let ready = unsafe { libc::poll(&mut fd, 1, -1) };
        if ready > 0 {
            return;
        }
        if ready < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}

#[cfg(not(unix))]
fn wait_for_hang_up() {
    loop {
        thread::park();
    }
}
