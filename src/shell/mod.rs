//! The egui shell: a thin window over [`crate::core`]. [`editor::Editor`] holds what the
//! window does and carries out every [`commands::Command`] (menus, shortcuts, buttons and
//! prompt answers share that one path); [`app`] and the modules it calls only draw.

pub mod app;
pub mod checks_panel;
pub mod commands;
pub mod comments_panel;
pub mod dialogs;
pub mod document;
pub mod editor;
pub mod file_browser;
pub mod form;
pub mod help;
pub mod lazy_list;
pub mod prefs;
pub mod preview;
pub mod probe;
pub mod profiles_window;
pub mod prompts;
pub mod redline_view;
pub mod rich_preview;
pub mod spelling;
pub mod versions_window;

use std::path::PathBuf;

pub use app::PressroomApp;

/// The window's icon (the task bar and window list show it), from `assets/icons`.
pub fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/pressroom-256.png"))
        .expect("the icon shipped in the binary is a valid PNG")
}

/// Opens the editor window, with `file` if given.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Pressroom")
            .with_app_id("pressroom")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_icon(std::sync::Arc::new(icon())),
        ..Default::default()
    };
    eframe::run_native(
        "Pressroom",
        options,
        Box::new(move |cc| Ok(Box::new(PressroomApp::from_eframe(cc, file)))),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_loads() {
        let icon = super::icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
