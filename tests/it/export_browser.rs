//! Each HTML export opened in headless Chromium from a `file://` URL: it
//! must parse, log no script or console errors, and paint a real page.
//! Skips (with a note) when Chromium is not installed; `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use cpconf::example::{example_icpc, example_review};
use cpconf::export::{CopyKind, Format, render};

const CHROMIUM: &str = "/usr/bin/chromium";
const TIMEOUT: Duration = Duration::from_secs(90);

/// Kills the browser if a test fails or times out while it runs.
struct KillOnDrop(Option<Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn run_chromium(profile: &Path, extra: &[String], url: &str) -> Output {
    let child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let mut guard = KillOnDrop(Some(child));
    let start = Instant::now();
    loop {
        let done = guard
            .0
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten())
            .is_some();
        if done {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "chromium did not finish in time");
        std::thread::sleep(Duration::from_millis(100));
    }
    let child = guard.0.take().expect("child present");
    child.wait_with_output().expect("chromium output")
}

fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("Uncaught") || (l.contains("CONSOLE") && l.contains("rror")))
        .collect()
}

#[test]
fn html_exports_render_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        println!("SKIPPED: {CHROMIUM} not found (apt-get install -y chromium)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, session) in [("icpc", example_icpc()), ("review", example_review())] {
        for copy in CopyKind::ALL {
            let stem = format!("{name}-{}", copy.name());
            let html_path: PathBuf = dir.path().join(format!("{stem}.html"));
            std::fs::write(&html_path, render(&session, copy, Format::Html)).expect("write html");
            let url = format!("file://{}", html_path.display());

            let profile = dir.path().join(format!("profile-{stem}"));
            let dom = run_chromium(&profile, &["--dump-dom".into()], &url);
            let dom_text = String::from_utf8_lossy(&dom.stdout);
            let stderr = String::from_utf8_lossy(&dom.stderr);
            assert!(dom_text.contains("<h1>"), "{stem}: no DOM dumped\n{stderr}");
            assert!(dom_text.contains("lang=\"en-GB\""), "{stem}");
            assert!(console_errors(&stderr).is_empty(), "{stem}: {stderr}");

            let png = dir.path().join(format!("{stem}.png"));
            let shot = run_chromium(
                &profile,
                &[
                    format!("--screenshot={}", png.display()),
                    "--window-size=1240,1754".into(),
                    "--hide-scrollbars".into(),
                ],
                &url,
            );
            let stderr = String::from_utf8_lossy(&shot.stderr);
            assert!(console_errors(&stderr).is_empty(), "{stem}: {stderr}");
            let bytes = std::fs::read(&png)
                .unwrap_or_else(|e| panic!("{stem}: no screenshot ({e})\n{stderr}"));
            assert!(bytes.starts_with(b"\x89PNG"), "{stem}: not a PNG");
            // A blank white page compresses to a few KB; text makes it larger.
            assert!(
                bytes.len() > 10_000,
                "{stem}: screenshot looks blank ({} bytes)",
                bytes.len()
            );
        }
    }
}
