//! `briefing-builder`: no arguments opens the GUI; subcommands expose the core to scripts.

use clap::Parser;

use briefing_builder::cli::{Cli, run};

/// mimalloc: the extraction pipeline allocates many short-lived strings; measured faster than
/// the system allocator in `bench extract` (see README, Measured figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run(command),
        None => open_gui(),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn open_gui() -> i32 {
    match briefing_builder::app::run_native() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("briefing-builder: cannot open the window: {e}");
            1
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_gui() -> i32 {
    eprintln!("briefing-builder: built without the `gui` feature; use a subcommand (see --help)");
    2
}
