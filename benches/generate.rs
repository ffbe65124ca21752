//! Writes fictional sessions for benchmarks and load tests:
//! `cargo run --release -p cpconf-bench --bin generate -- --size L --out /tmp/big`.
//! The work is in `cpconf::generate`; this is only the command line.

// A measuring tool, not the program: a failed unwrap stops the run.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use clap::Parser;
use cpconf::generate::{Size, write_sessions};

#[derive(Parser)]
#[command(about = "Write fictional cpconf sessions of a chosen size")]
struct Args {
    /// S (2 children, 15 people, 60 map items), M, or L (10 children,
    /// 60 people, 2,000 map items, 200 actions, 50 KB notes).
    #[arg(long)]
    size: Size,
    /// The folder to write into (created owner-only if missing).
    #[arg(long)]
    out: PathBuf,
    /// How many sessions to write.
    #[arg(long, default_value_t = 1)]
    count: usize,
}

fn main() {
    let args = Args::parse();
    match write_sessions(&args.out, args.size, args.count) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
        }
        Err(e) => {
            eprintln!("generate: {e}");
            std::process::exit(1);
        }
    }
}
