//! The egui shell. State lives in [`state`]; drawing code in one file per panel; every
//! user action is a [`Command`] applied in one place ([`state::AppState::apply`]).

mod documents_panel;
mod reader_panel;
pub mod state;

use eframe::egui;

pub use state::{AppState, Command};

/// The eframe application.
pub struct BriefingApp {
    /// All non-drawing state.
    pub state: AppState,
}

impl BriefingApp {
    /// Create the app on the embedded seed corpus.
    pub fn new(_cc: &eframe::CreationContext<'_>) -> Self {
        BriefingApp { state: AppState::with_seeds() }
    }
}

impl eframe::App for BriefingApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        egui::Panel::left("documents").default_size(340.0).show(ui, |ui| {
            documents_panel::documents_ui(ui, &self.state, &mut commands);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            reader_panel::reader_ui(ui, &self.state, &mut commands);
        });
        for c in commands {
            self.state.apply(c);
        }
    }
}

/// Open the native window.
pub fn run_native() -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefing Builder")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native("Briefing Builder", options, Box::new(|cc| Ok(Box::new(BriefingApp::new(cc)))))
}
