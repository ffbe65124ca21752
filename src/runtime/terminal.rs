//! Entering and leaving the full-screen terminal. The terminal is restored
//! on every way out: normal return, error, or panic.

use std::io::{self, Stdout, stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Refuses to start the full-screen window without a terminal to draw on
/// and read from: drawn into a file or a pipe, the screen would be garbage
/// there and no key could reach it.
pub fn require_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err("standard output is not a terminal, so the screen cannot be shown;              run cpconf in a terminal (to save a session as text, use cpconf export)"
            .into());
    }
    if !io::stdin().is_terminal() {
        return Err("standard input is not a terminal, so no key can reach cpconf;              run it in a terminal"
            .into());
    }
    Ok(())
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

/// Holds the full-screen terminal; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Term,
}

impl TerminalGuard {
    /// `mouse`: report clicks (off by default, so the terminal's own
    /// text selection keeps working).
    pub fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        // Whichever step fails, the terminal is put back before saying so.
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
            .and_then(|()| {
                if mouse {
                    execute!(stdout(), EnableMouseCapture)
                } else {
                    Ok(())
                }
            })
            .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())))
            .map(|terminal| TerminalGuard { terminal })
            .inspect_err(|_| restore())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            if let Some(kept) = super::emergency::write_emergency_copy() {
                eprintln!("cpconf stopped unexpectedly. {}", kept.describe());
            }
            previous(info);
        }));
    });
}
