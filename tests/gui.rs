//! The window driven as a person would: typing, clicking, shortcuts, prompts.
//! Dialogs are the fake, so no real file dialog ever opens.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pressroom::shell::PressroomApp;
use pressroom::shell::dialogs::{FakeDialogs, Pick, Purpose};
use pressroom::shell::editor::Editor;
use pressroom::shell::prefs::Prefs;

mod common;
use common::acme_profile;

fn harness() -> (Harness<'static, PressroomApp>, FakeDialogs) {
    harness_sized(1500.0, 1100.0)
}

fn harness_sized(width: f32, height: f32) -> (Harness<'static, PressroomApp>, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let app = PressroomApp::new(Prefs::default(), Box::new(dialogs.clone()));
    (harness_for(app, egui::vec2(width, height)), dialogs)
}

/// The whole window, in a harness of the given size.
fn harness_for(app: PressroomApp, size: egui::Vec2) -> Harness<'static, PressroomApp> {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut PressroomApp| app.show(ui), app)
}

/// Clicks the control with this label, and lets the window settle.
fn click(h: &mut Harness<'static, PressroomApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn type_headline(h: &mut Harness<'static, PressroomApp>, text: &str) {
    h.get_by_label("Headline").focus();
    h.run();
    h.get_by_label("Headline").type_text(text);
    h.run();
}

fn preview_shows(h: &Harness<'static, PressroomApp>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

#[test]
fn a_new_draft_starts_with_the_headline_focused() {
    let (mut h, _) = harness();
    h.run();
    assert!(h.get_by_label("Headline").is_focused());
    h.event(egui::Event::Text("Typed at once".into()));
    h.run();
    assert_eq!(h.state().editor.doc.draft.headline, "Typed at once");
}

#[test]
fn typing_a_headline_shows_it_in_capitals_in_the_preview() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Acme Buys Widget Maker");
    assert!(preview_shows(&h, "ACME BUYS WIDGET MAKER"));
    assert!(
        h.state().window_title().contains('\u{2022}'),
        "title marks unsaved changes"
    );
}

#[test]
fn adding_a_quote_shows_its_attribution() {
    let (mut h, _) = harness();
    h.run();
    click(&mut h, "+ Quote");
    h.get_by_label("Quote").focus();
    h.run();
    h.get_by_label("Quote").type_text("We are ready.");
    h.run();
    h.get_by_label("Speaker").focus();
    h.run();
    h.get_by_label("Speaker").type_text("Lee Park");
    h.run();
    assert!(
        preview_shows(&h, "\"We are ready,\" said Lee Park."),
        "{}",
        h.state_mut().editor.preview_text()
    );
}

#[test]
fn insert_safe_harbor_from_the_menu_then_undo_it() {
    let (mut h, _) = harness();
    h.run();
    click(&mut h, "Edit");
    h.get_by_label("Insert Safe Harbor").hover();
    h.run();
    h.get_by_label(pressroom::core::safe_harbor::Form::Long.label())
        .click();
    h.run();
    assert!(preview_shows(
        &h,
        "This press release contains forward-looking statements"
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!preview_shows(
        &h,
        "This press release contains forward-looking statements"
    ));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(preview_shows(
        &h,
        "This press release contains forward-looking statements"
    ));
}

#[test]
fn insert_safe_harbor_asks_before_replacing_text() {
    let (mut h, _) = harness();
    h.run();
    h.state_mut()
        .editor
        .doc
        .apply(|d| d.safe_harbor.text = "Our own words.".into());
    h.run();
    click(&mut h, "Edit");
    h.get_by_label("Insert Safe Harbor").hover();
    h.run();
    h.get_by_label(pressroom::core::safe_harbor::Form::Long.label())
        .click();
    h.run();
    click(&mut h, "Cancel");
    assert_eq!(
        h.state().editor.doc.draft.safe_harbor.text,
        "Our own words."
    );
}

#[test]
fn undo_takes_back_typing_in_one_step() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Draft headline");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().editor.doc.draft.headline, "");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().editor.doc.draft.headline, "Draft headline");
}

#[test]
fn a_malformed_draft_shows_the_error_and_keeps_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  headline: \"x\",\n  body: [Oops],\n)").unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Keep me");
    dialogs.answer(Pick::Path(bad));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Unsaved changes first; discarding them lets the open go ahead.
    click(&mut h, "Discard");
    assert!(
        preview_shows(&h, "bad.ron:3:"),
        "error names file, line and column"
    );
    assert_eq!(h.state().editor.doc.draft.headline, "Keep me");
    click(&mut h, "OK");
    assert!(preview_shows(&h, "KEEP ME"));
}

#[test]
fn quitting_with_unsaved_changes_asks_and_cancel_keeps_everything() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Unsaved work");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label_contains("Save the changes to Untitled before closing?")
            .is_some()
    );
    click(&mut h, "Cancel");
    assert!(h.query_by_label_contains("Save the changes").is_none());
    assert_eq!(h.state().editor.doc.draft.headline, "Unsaved work");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Unsaved work");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.query_by_label_contains("before closing?").is_some());
}

#[test]
fn save_through_the_dialog_writes_a_draft_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("q3");
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Saved headline");
    dialogs.answer(Pick::Path(target.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(dialogs.asked(), vec![Purpose::SaveDraft]);
    let saved = pressroom::core::draft_file::load(&target.with_extension("ron")).unwrap();
    assert_eq!(saved.headline, "Saved headline");
    assert!(!h.state().editor.doc.is_dirty());
    assert!(h.state().window_title().starts_with("q3.ron \u{2014}"));
}

#[test]
fn without_a_native_dialog_a_file_browser_opens_in_the_drafts_folder_and_enter_confirms() {
    use pressroom::shell::commands::Command;
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    pressroom::core::draft_file::save(&first, &pressroom::core::draft::Draft::default()).unwrap();
    std::fs::create_dir(dir.path().join("Archive")).unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::OpenPath(first));
    h.run();
    type_headline(&mut h, "Typed path");
    dialogs.answer(Pick::Unavailable);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // The draft's folder, its files and sub-folders, and its name proposed.
    assert!(h.query_by_label(dir.path().to_str().unwrap()).is_some());
    assert!(h.query_by_label("Archive/").is_some());
    assert!(h.query_by_label("first.ron").is_some());
    assert_eq!(
        h.get_by_label("File name").value().as_deref(),
        Some("first.ron")
    );
    // Type another name and press Enter.
    h.get_by_label("File name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File name").type_text("second");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        pressroom::core::draft_file::load(&dir.path().join("second.ron"))
            .unwrap()
            .headline,
        "Typed path"
    );
    assert!(
        h.query_by_label("File name").is_none(),
        "the browser closed"
    );
}

#[test]
fn export_writes_the_previewed_text() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Exported headline");
    dialogs.answer(Pick::Path(target.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    // Export asks the style each time, the draft's own chosen.
    assert!(
        h.query_by_label("EDGAR ASCII exhibit (the draft's style)")
            .is_some()
    );
    click(&mut h, "Export...");
    // A bare draft has check errors (no contact, no dateline), so export asks first.
    assert!(h.query_by_label_contains("Export it anyway?").is_some());
    assert!(!target.exists());
    click(&mut h, "Export anyway");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written, h.state_mut().editor.preview_text());
    assert!(written.contains("EXPORTED HEADLINE"));
}

#[test]
fn blocks_move_and_remove_as_undoable_steps() {
    let (mut h, _) = harness();
    h.run();
    click(&mut h, "+ Sub-heading");
    h.get_all_by_label("Up").last().unwrap().click();
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.body[0].block.kind_name(),
        "Sub-heading"
    );
    // Contacts and boilerplate start folded, so the first Remove is the first block's.
    h.get_all_by_label("Remove").next().unwrap().click();
    h.run();
    assert_eq!(h.state().editor.doc.draft.body.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().editor.doc.draft.body.len(), 2);
}

#[test]
fn the_style_is_the_drafts_switched_above_the_preview_as_an_undoable_edit() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Style check");
    click(&mut h, "Newswire plain text");
    assert!(preview_shows(&h, "FOR IMMEDIATE RELEASE"));
    assert!(preview_shows(&h, "Style check"));
    assert_eq!(
        h.state().editor.doc.draft.export.style,
        pressroom::core::draft::Style::Newswire
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.export.style,
        pressroom::core::draft::Style::Edgar
    );
    assert!(h.query_by_label("Saved style").is_none(), "one place only");
}

#[test]
fn every_section_opened_names_all_its_widgets() {
    // The harness fails on any widget without an accessible name; open every section
    // and switch on the embargo so each kind of control is drawn at least once. The
    // window is tall so that every field is on screen (only those are in the tree).
    let (mut h, _) = harness_sized(1500.0, 4000.0);
    h.state_mut().editor.doc.apply(|d| {
        d.release.timing = pressroom::core::draft::Timing::Embargoed {
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(8, 5, 0).unwrap(),
            zone: None,
        };
        d.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
        // The fields an imported release fills, and a measure of the company's own.
        d.release.timing_as_written = "EMBARGOED UNTIL 8:05 A.M., MARCH 2, 2026".into();
        d.dateline.as_written = "SEATTLE, WA / ACCESSWIRE / March 2, 2026 / ".into();
        d.company
            .non_gaap_measures
            .push(pressroom::core::draft::NonGaapMeasure::default());
    });
    h.run();
    for section in [
        "Contacts",
        "Boilerplate",
        "Safe harbor",
        "End mark and export",
        "Layout choices",
    ] {
        h.get_by_label(section).click();
        h.run();
    }
    assert!(h.query_by_label("Safe harbor text").is_some());
    assert!(h.query_by_label("<PAGE> tags numbered").is_some());
    assert!(
        h.query_by_label_contains("EMBARGOED UNTIL 8:05 A.M., MARCH 2, 2026")
            .is_some()
    );
}

#[test]
fn tab_moves_through_fields_in_reading_order() {
    let (mut h, _) = harness();
    h.run();
    h.get_by_label("Company name").focus();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert!(h.get_by_label("Ticker").is_focused());
    h.key_press(Key::Tab);
    h.run();
    assert!(h.get_by_label("Exchange").is_focused());
}

#[test]
fn saving_remembers_the_file_in_recent_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Recent");
    dialogs.answer(Pick::Path(dir.path().join("recent.ron")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    click(&mut h, "File");
    h.get_by_label("Open Recent").hover();
    h.run();
    let path = std::fs::canonicalize(dir.path().join("recent.ron")).unwrap();
    assert!(h.query_by_label(path.to_str().unwrap()).is_some());
}

#[test]
fn checks_update_as_the_user_types() {
    let (mut h, _) = harness();
    h.run();
    assert!(
        h.query_by_label_contains("The headline is empty.")
            .is_some()
    );
    type_headline(&mut h, "ACME OPENS PLANT");
    assert!(
        h.query_by_label_contains("The headline is empty.")
            .is_none()
    );
    assert!(
        h.query_by_label_contains("The headline is typed in capitals")
            .is_some()
    );
}

#[test]
fn clicking_a_finding_opens_and_focuses_its_field() {
    let (mut h, _) = harness();
    h.run();
    assert!(
        h.query_by_label("Role label").is_none(),
        "contacts start folded"
    );
    h.get_by_label_contains("The release has no contact")
        .click();
    h.run();
    assert!(h.get_by_label("Role label").is_focused());
}

#[test]
fn the_status_bar_counts_errors_and_warnings() {
    use pressroom::core::checks::{Finding, Severity, check};
    use pressroom::shell::checks_panel::summary;
    let findings = |h: &Harness<'static, PressroomApp>| {
        let today = chrono::Local::now().date_naive();
        check(
            &h.state().editor.doc.draft,
            today,
            pressroom::core::draft::Style::Edgar,
        )
    };
    let errors = |f: &[Finding]| f.iter().filter(|x| x.severity == Severity::Error).count();
    let (mut h, _) = harness();
    h.run();
    let before = findings(&h);
    assert!(errors(&before) >= 3);
    // Shown twice: in the status bar and atop the Checks panel.
    assert_eq!(h.query_all_by_label(&summary(&before)).count(), 2);
    type_headline(&mut h, "A Headline");
    let after = findings(&h);
    assert_eq!(errors(&after), errors(&before) - 1);
    assert_eq!(h.query_all_by_label(&summary(&after)).count(), 2);
}

mod recovery {
    use super::*;
    use pressroom::core::recovery::RecoveryStore;

    fn harness_with(store: RecoveryStore) -> (Harness<'static, PressroomApp>, FakeDialogs) {
        let dialogs = FakeDialogs::default();
        let app: PressroomApp = Editor::new(Prefs::default(), Box::new(dialogs.clone()))
            .with_recovery(store)
            .into();
        let harness = Harness::builder()
            .with_size(egui::vec2(1500.0, 1100.0))
            .build_ui_state(|ui, app: &mut PressroomApp| app.show(ui), app);
        (harness, dialogs)
    }

    fn recovered_headlines(store: &RecoveryStore) -> Vec<String> {
        store
            .list()
            .0
            .into_iter()
            .map(|r| r.file.draft.headline)
            .collect()
    }

    #[test]
    fn typing_is_copied_for_recovery_a_few_seconds_later() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let (mut h, _) = harness_with(store.clone());
        h.run();
        type_headline(&mut h, "Late night edits");
        assert!(
            recovered_headlines(&store).is_empty(),
            "not at once: typing goes on"
        );
        h.input_mut().time = Some(1000.0);
        h.run();
        assert_eq!(recovered_headlines(&store), vec!["Late night edits"]);
    }

    #[test]
    fn losing_focus_writes_the_copy_at_once_and_saving_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let (mut h, dialogs) = harness_with(store.clone());
        h.run();
        type_headline(&mut h, "Focus lost");
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .focused = Some(false);
        h.run();
        assert_eq!(recovered_headlines(&store), vec!["Focus lost"]);
        dialogs.answer(Pick::Path(dir.path().join("saved.ron")));
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        assert!(
            recovered_headlines(&store).is_empty(),
            "a clean save removes the copy"
        );
    }

    #[test]
    fn a_new_start_offers_recovered_drafts_and_restores_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let d = pressroom::core::draft::Draft {
            headline: "Crashed mid-sentence".into(),
            ..Default::default()
        };
        store
            .write("earlier", Some(std::path::Path::new("/nowhere/q3.ron")), &d)
            .unwrap();
        let (mut h, _) = harness_with(store.clone());
        h.run();
        assert!(
            h.query_by_label_contains("q3.ron \u{2014} ").is_some(),
            "names the file and time"
        );
        assert!(h.query_by_label("Crashed mid-sentence").is_some());
        click(&mut h, "Restore");
        assert_eq!(h.state().editor.doc.draft.headline, "Crashed mid-sentence");
        assert!(h.state().editor.doc.is_dirty());
        assert_eq!(
            recovered_headlines(&store),
            vec!["Crashed mid-sentence"],
            "kept until saved"
        );
        assert!(preview_shows(&h, "CRASHED MID-SENTENCE"));
    }

    #[test]
    fn discarding_a_recovered_draft_deletes_it_and_deciding_later_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let d = pressroom::core::draft::Draft::default();
        store.write("one", None, &d).unwrap();
        store.write("two", None, &d).unwrap();
        let (mut h, _) = harness_with(store.clone());
        h.run();
        h.get_all_by_label("Discard").next().unwrap().click();
        h.run();
        assert_eq!(store.list().0.len(), 1);
        click(&mut h, "Decide later");
        assert_eq!(
            store.list().0.len(),
            1,
            "never deleted without the user's word"
        );
    }
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("shared.ron");
    pressroom::core::draft_file::save(&p, &pressroom::core::draft::Draft::default()).unwrap();
    let (mut h, _) = harness();
    h.state_mut().editor.open_at_start(&p);
    h.run();
    type_headline(&mut h, "Mine");
    std::fs::write(&p, "(headline: \"A colleague's\")").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label_contains("was changed by another program")
            .is_some()
    );
    click(&mut h, "Cancel");
    assert!(
        std::fs::read_to_string(&p)
            .unwrap()
            .contains("A colleague's"),
        "cancel keeps theirs"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    click(&mut h, "Overwrite");
    assert_eq!(
        pressroom::core::draft_file::load(&p).unwrap().headline,
        "Mine"
    );
}

#[test]
fn a_failed_save_keeps_the_old_file_and_the_draft_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("deleted-folder");
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Unsaved");
    dialogs.answer(Pick::Path(gone.join("x.ron")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label_contains("Could not save to").is_some());
    assert!(
        h.query_by_label_contains("still open and unsaved")
            .is_some()
    );
    assert!(h.state().editor.doc.is_dirty());
    assert_eq!(h.state().editor.doc.draft.headline, "Unsaved");
}

mod templates_and_profiles {
    use super::*;
    use pressroom::core::profiles::{Profile, ProfileStore};

    fn acme_store(dir: &std::path::Path) -> ProfileStore {
        let store = ProfileStore::new(dir.to_path_buf());
        let profile = Profile {
            safe_harbor: "Acme's approved safe harbor: risks, Form 10-K, no obligation to update."
                .into(),
            ..acme_profile()
        };
        store.save("acme", &profile).unwrap();
        store
    }

    fn harness_with(store: ProfileStore) -> Harness<'static, PressroomApp> {
        let app: PressroomApp = Editor::new(Prefs::default(), Box::new(FakeDialogs::default()))
            .with_profiles(store)
            .into();
        Harness::builder()
            .with_size(egui::vec2(1500.0, 1100.0))
            .build_ui_state(|ui, app: &mut PressroomApp| app.show(ui), app)
    }

    #[test]
    fn new_from_template_shows_a_preview_and_creates_an_unsaved_draft() {
        let (mut h, _) = harness();
        h.run();
        click(&mut h, "File");
        click(&mut h, "New from Template...");
        click(&mut h, "Dividend declaration");
        assert!(
            h.query_by_label_contains("Declares a regular or special dividend")
                .is_some()
        );
        assert!(
            h.query_by_label_contains("To fill in: [COMPANY]").is_some(),
            "placeholders listed"
        );
        click(&mut h, "Create");
        assert!(
            h.state()
                .editor
                .doc
                .draft
                .headline
                .contains("Declares [QUARTERLY OR SPECIAL] Dividend")
        );
        assert!(h.state().editor.doc.is_dirty());
        assert!(h.state().editor.doc.path.is_none());
        assert!(
            h.query_all_by_label_contains("The template placeholder")
                .count()
                > 1,
            "checks flag them"
        );
    }

    #[test]
    fn product_names_in_a_profile_count_as_spelt() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let profile = Profile {
            words: vec!["Zorbex".into()],
            ..acme_profile()
        };
        store.save("acme", &profile).unwrap();
        let mut h = harness_with(store);
        h.run();
        type_headline(&mut h, "Zorbex Qwrtyplex");
        h.run();
        let findings: Vec<String> = h
            .state()
            .editor
            .preview
            .findings
            .iter()
            .filter(|f| f.rule == "spelling")
            .filter_map(|f| f.excerpt.clone())
            .collect();
        assert_eq!(findings, ["Qwrtyplex"]);
        assert_eq!(squiggles(&h).len(), 1);
    }

    #[test]
    fn a_new_draft_takes_the_default_profile() {
        let dir = tempfile::tempdir().unwrap();
        let store = acme_store(dir.path());
        store.set_default(Some("acme")).unwrap();
        let mut h = harness_with(store);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        assert_eq!(
            h.state().editor.doc.draft.company.name,
            "Acme Widget Corporation"
        );
    }

    #[test]
    fn apply_profile_fills_the_draft_in_one_undoable_step() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness_with(acme_store(dir.path()));
        h.run();
        click(&mut h, "Draft");
        h.get_by_label("Apply Profile").hover();
        h.run();
        click(&mut h, "Acme");
        assert_eq!(
            h.state().editor.doc.draft.company.name,
            "Acme Widget Corporation"
        );
        assert!(
            h.state()
                .editor
                .doc
                .draft
                .safe_harbor
                .text
                .starts_with("Acme's approved")
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(h.state().editor.doc.draft.company.name, "");
        assert_eq!(h.state().editor.doc.draft.safe_harbor.text, "");
    }

    #[test]
    fn apply_profile_asks_before_replacing_what_the_user_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness_with(acme_store(dir.path()));
        h.run();
        h.state_mut()
            .editor
            .doc
            .apply(|d| d.company.name = "My Own Company".into());
        click(&mut h, "Draft");
        h.get_by_label("Apply Profile").hover();
        h.run();
        click(&mut h, "Acme");
        assert!(
            h.query_by_label_contains("Company: My Own Company, becomes Acme Widget Corporation")
                .is_some()
        );
        click(&mut h, "Cancel");
        assert_eq!(h.state().editor.doc.draft.company.name, "My Own Company");
    }

    #[test]
    fn the_profiles_window_creates_edits_and_sets_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let mut h = harness_with(store.clone());
        h.run();
        click(&mut h, "Draft");
        click(&mut h, "Company Profiles...");
        click(&mut h, "New profile");
        h.get_by_label("Profile name").focus();
        h.run();
        h.get_by_label("Profile name").type_text(" Inc");
        h.run();
        click(&mut h, "Save profile");
        click(&mut h, "Set as default");
        let (list, _) = store.list();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].1.name, "New company Inc");
        assert_eq!(store.default_slug().as_deref(), Some(list[0].0.as_str()));
        click(&mut h, "Duplicate");
        assert_eq!(store.list().0.len(), 2);
        click(&mut h, "Delete");
        assert_eq!(store.list().0.len(), 1);
    }

    #[test]
    fn insert_safe_harbor_offers_the_profile_text() {
        let dir = tempfile::tempdir().unwrap();
        let store = acme_store(dir.path());
        store.set_default(Some("acme")).unwrap();
        let mut h = harness_with(store);
        h.run();
        click(&mut h, "Edit");
        h.get_by_label("Insert Safe Harbor").hover();
        h.run();
        click(&mut h, "Acme's own text");
        assert!(
            h.state()
                .editor
                .doc
                .draft
                .safe_harbor
                .text
                .starts_with("Acme's approved")
        );
    }
}

#[test]
fn import_text_opens_the_release_as_a_new_unsaved_draft() {
    let src =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/releases/citydash-edgar.txt");
    let (mut h, dialogs) = harness();
    h.run();
    dialogs.answer(Pick::Path(src));
    click(&mut h, "File");
    click(&mut h, "Import Text...");
    assert_eq!(dialogs.asked(), vec![Purpose::ImportText]);
    assert_eq!(h.state().editor.doc.draft.company.ticker, "GPKB");
    assert!(h.state().editor.doc.is_dirty() && h.state().editor.doc.path.is_none());
    assert!(preview_shows(&h, "GRANITE PEAK BANCORP APPOINTS"));
}

#[test]
fn importing_something_that_is_not_a_release_shows_why() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("photo.txt");
    std::fs::write(&bin, [0u8, 1, 2, 3, 255, 0]).unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    type_headline(&mut h, "Keep");
    dialogs.answer(Pick::Path(bin));
    click(&mut h, "File");
    click(&mut h, "Import Text...");
    assert!(h.query_by_label_contains("photo.txt").is_some());
    assert_eq!(h.state().editor.doc.draft.headline, "Keep");
}

#[test]
fn go_to_a_body_block_far_down_a_long_release_puts_the_cursor_there_and_the_preview_follows() {
    use pressroom::core::draft::{Block, FieldRef};
    use pressroom::shell::commands::Command;
    let (mut h, _) = harness_sized(1280.0, 820.0);
    h.state_mut().editor.doc.apply(|d| {
        d.set_body(
            (0..300).map(|i| Block::Paragraph(format!("Paragraph number {i} of a long release."))),
        );
    });
    h.run();
    assert!(
        h.query_by_value("Paragraph number 250 of a long release.")
            .is_none(),
        "far down, not drawn"
    );
    let ctx = h.ctx.clone();
    let id = h.state().editor.doc.draft.body[250].id;
    h.state_mut()
        .run_command(&ctx, Command::GoTo(FieldRef::Body(id)));
    h.run();
    assert!(
        h.query_all_by_value("Paragraph number 250 of a long release.")
            .any(|n| n.is_focused()),
        "the paragraph's field has the cursor"
    );
    h.event(egui::Event::Key {
        key: Key::End,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::Text(" More.".into()));
    h.run();
    let Block::Paragraph(t) = &h.state().editor.doc.draft.body[250].block else {
        panic!("still a paragraph")
    };
    assert_eq!(t, "Paragraph number 250 of a long release. More.");
    // The preview, which was showing the top, moved to the paragraph being typed in.
    assert!(preview_shows(&h, "release. More."));
    assert!(!preview_shows(&h, "Paragraph number 2 of a long release."));
}

/// A release long enough that most of the form is out of view.
fn long_release(h: &mut Harness<'static, PressroomApp>, paragraphs: usize) {
    use pressroom::core::draft::Block;
    h.state_mut().editor.doc.apply(|d| {
        d.set_body(
            (0..paragraphs)
                .map(|i| Block::Paragraph(format!("Paragraph number {i} of a long release."))),
        );
    });
    h.run();
}

/// Turns the mouse wheel over the form, `lines` notches down.
fn scroll_form(h: &mut Harness<'static, PressroomApp>, lines: f32) {
    h.event(egui::Event::PointerMoved(egui::pos2(200.0, 400.0)));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, -lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn a_field_scrolled_out_of_view_keeps_the_cursor() {
    let (mut h, _) = harness_sized(1280.0, 820.0);
    long_release(&mut h, 300);
    h.get_by_label("Company name").focus();
    h.run();
    h.get_by_label("Company name").type_text("Acme");
    h.run();
    scroll_form(&mut h, 200.0);
    // The form did scroll: the headline's section, out of view, is not drawn at all.
    assert!(h.query_by_label("Headline").is_none(), "scrolled away");
    h.event(egui::Event::Text(" Corp".into()));
    h.run();
    assert_eq!(h.state().editor.doc.draft.company.name, "Acme Corp");
}

#[test]
fn tab_reaches_the_field_below_the_view() {
    // Short enough that the dateline is below the view: drawn only because it is next.
    let (mut h, _) = harness_sized(1280.0, 420.0);
    long_release(&mut h, 300);
    assert!(
        h.get_by_label("City").rect().top() > 420.0,
        "below the view"
    );
    h.get_by_label("Bullet points").focus();
    h.run();
    h.key_press(Key::Tab); // + Wire header and note
    h.run();
    h.key_press(Key::Tab); // the dateline section's header
    h.run();
    assert!(h.get_by_label("Dateline").is_focused());
    h.key_press(Key::Tab);
    h.run();
    assert!(h.get_by_label("City").is_focused());
    // And the form scrolled to show it.
    assert!(h.get_by_label("City").rect().bottom() <= 420.0);
}

#[test]
fn quick_undo_and_redo_presses_in_one_frame_each_count() {
    use pressroom::core::draft::BlockKind;
    use pressroom::shell::commands::Command;
    let (mut h, _) = harness();
    let ctx = h.ctx.clone();
    for _ in 0..4 {
        h.state_mut()
            .run_command(&ctx, Command::AddBlock(BlockKind::PageBreak));
    }
    h.run();
    assert_eq!(h.state().editor.doc.draft.body.len(), 5);
    let press = |key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    };
    // Four presses 5 ms apart arrive in one frame (kittest's `event` would give each its
    // own frame, so they go straight into the frame's input).
    h.input_mut().events.extend((0..4).map(|_| press(Key::Z)));
    h.run();
    assert_eq!(h.state().editor.doc.draft.body.len(), 1, "four undos");
    h.input_mut().events.extend((0..3).map(|_| press(Key::Y)));
    h.run();
    assert_eq!(h.state().editor.doc.draft.body.len(), 4, "three redos");
}

#[test]
fn a_narrow_window_leaves_the_preview_at_least_two_fifths() {
    let (mut h, _) = harness_sized(800.0, 700.0);
    h.run();
    // The preview's first line starts left of 60 % of the window.
    let title = h.get_by_label_contains("N E W S");
    assert!(
        title.rect().left() < 800.0 * 0.6 + 20.0,
        "preview starts at {}",
        title.rect().left()
    );
}

#[test]
fn the_word_count_is_the_release_text_without_the_page_furniture() {
    let (mut h, _) = harness();
    h.run();
    // The title and "For Immediate Release" are in the preview, but they are not words.
    assert!(h.query_by_label("0 words").is_some());
    type_headline(&mut h, "Acme's forward-looking plant opens");
    assert!(h.query_by_label("4 words").is_some());
}

#[test]
fn the_caret_stops_blinking_after_ten_seconds_without_input_and_the_window_sleeps() {
    let app = PressroomApp::new(Prefs::default(), Box::new(FakeDialogs::default()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 1100.0))
        .with_step_dt(0.25)
        .build_ui_state(|ui, app: &mut PressroomApp| app.show(ui), app);
    h.input_mut().focused = true; // egui blinks the caret only in a focused window
    type_headline(&mut h, "Acme");
    assert!(
        h.query_all_by_label("Headline").any(|n| n.is_focused()),
        "the headline holds the cursor"
    );
    for _ in 0..8 {
        h.step(); // two seconds
    }
    assert!(h.ctx.has_requested_repaint(), "still blinking");
    for _ in 0..40 {
        h.step(); // ten more
    }
    assert!(
        !h.ctx.has_requested_repaint(),
        "an idle window with a focused field draws nothing: {:?}",
        h.ctx.repaint_causes()
    );
    // A keystroke wakes it.
    h.get_by_label("Headline").type_text(" Corp");
    h.step();
    assert!(h.ctx.has_requested_repaint());
}

/// The label of the widget holding the keyboard focus.
fn focused_label(h: &Harness<'static, PressroomApp>) -> Option<String> {
    use egui_kittest::kittest::NodeT;
    h.query_by(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
}

#[test]
fn every_finding_lands_on_its_own_field() {
    use pressroom::core::checks;
    use pressroom::core::draft::{
        Block, EndMark, FieldRef, ItemId, Quote, Style, Subheadline, Timing,
    };
    use pressroom::shell::commands::Command;
    let (mut h, _) = harness_sized(1280.0, 820.0);
    h.state_mut().editor.doc.apply(|d| {
        d.release.title = "[TITLE]".into();
        d.release.exhibit = "EXHIBIT [NUMBER]".into();
        d.release.timing = Timing::Embargoed {
            date: chrono::NaiveDate::from_ymd_opt(2020, 1, 6).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            zone: None,
        };
        d.company.name = "[COMPANY]".into();
        d.contacts[0].email = "www.acme.example".into();
        d.headline = "ACME OPENS PLANT.".into();
        d.subheadline = Subheadline::Text("Revenue of [REVENUE]".into());
        d.set_body([
            Block::Paragraph("Adjusted EBITDA rose.".into()),
            Block::Quote(Quote {
                text: "Proud.".into(),
                ..Quote::default()
            }),
        ]);
        d.boilerplate.clear();
        d.safe_harbor.text = "Nothing to see.".into();
        d.end_mark = EndMark::None;
    });
    h.run();
    let draft = h.state().editor.doc.draft.clone();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let findings = checks::check(&draft, today, Style::Edgar);
    let expected = |f: FieldRef| -> &[&str] {
        match f {
            FieldRef::Exhibit => &["Exhibit label"],
            FieldRef::Title => &["Title line"],
            FieldRef::Timing => &["Embargo date"],
            FieldRef::Company => &["Company name"],
            FieldRef::Contact(_) => &["Role label"],
            FieldRef::Headline => &["Headline"],
            FieldRef::Subheadline => &["Subheadline text"],
            FieldRef::Dateline => &["City"],
            FieldRef::Body(id) if id == draft.body[1].id => &["Quote"],
            FieldRef::Body(_) => &["Text"],
            FieldRef::SafeHarbor => &["Safe harbor heading"],
            FieldRef::EndMark => &["End mark"],
            FieldRef::About(_) => &["+ About section"], // none left: its section opens
            other => panic!("no expectation for {other:?}"),
        }
    };
    let mut fields: Vec<FieldRef> = findings.iter().map(|f| f.field).collect();
    fields.dedup();
    assert!(fields.len() >= 13, "{findings:#?}");
    let ctx = h.ctx.clone();
    for field in fields {
        if matches!(field, FieldRef::About(ItemId(0))) {
            continue; // nothing to focus: the draft has no About section
        }
        h.state_mut().run_command(&ctx, Command::GoTo(field));
        h.run();
        let focused = focused_label(&h);
        assert!(
            focused
                .as_deref()
                .is_some_and(|l| expected(field).contains(&l)),
            "{field:?} focused {focused:?}"
        );
    }
}

#[test]
fn file_open_on_a_text_release_offers_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("q3.txt");
    std::fs::write(
        &release,
        "Acme Opens Plant\n\nDAYTON, Ohio, March 2, 2026 -- Acme opened a plant.\n",
    )
    .unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    dialogs.answer(Pick::Path(release));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(
        h.query_by_label_contains("is a plain-text release")
            .is_some()
    );
    click(&mut h, "Import as a new draft");
    assert_eq!(h.state().editor.doc.draft.headline, "Acme Opens Plant");
}

#[test]
fn the_help_menu_lists_shortcuts_explains_every_rule_and_says_the_version() {
    use pressroom::core::checks::rules;
    let (mut h, _) = harness();
    h.run();
    click(&mut h, "Help");
    click(&mut h, "Keyboard Shortcuts");
    assert!(h.query_by_label_contains("Undo (typing").is_some());
    click(&mut h, "Check Rules Explained");
    for r in rules::ALL {
        assert!(h.query_by_label(r.id).is_some(), "{} is explained", r.id);
    }
    assert!(
        h.query_by_label_contains(rules::EMBARGO_NO_ZONE.why)
            .is_some()
    );
    click(&mut h, "About Pressroom");
    assert!(
        h.query_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")))
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Version ").is_none(),
        "Escape closes it"
    );
}

#[test]
fn identical_findings_are_one_entry_listing_each_place_by_name() {
    let (mut h, _) = harness();
    h.state_mut().editor.doc.apply(|d| {
        d.company.name = "[COMPANY]".into();
        d.headline = "[COMPANY] Reports Results".into();
        d.contacts[0].organisation = "[COMPANY]".into();
        d.boilerplate[0].text = "[COMPANY] makes anvils.".into();
    });
    h.run();
    let entry =
        "error \u{2014} The template placeholder [COMPANY] is still in the text. (4 places)";
    assert!(h.query_by_label(entry).is_some(), "grouped");
    // A single finding names its field in the text, not only in a tooltip.
    assert!(
        h.query_by_label_contains("contact 1: The template placeholder")
            .is_none(),
        "the contact's placeholder is in the group"
    );
    assert!(
        h.query_by_label_contains("dateline: The dateline has no city.")
            .is_some()
    );
    // Each place is a link to its field.
    h.get_by_label("headline").click();
    h.run();
    assert!(h.get_by_label("Headline").is_focused());
    h.get_by_label("about section 1").click();
    h.run();
    assert!(h.get_by_label("Heading").is_focused());
}

#[test]
fn an_imported_timing_and_dateline_print_as_written_until_edited() {
    use pressroom::core::draft::Timing;
    let (mut h, _) = harness_sized(1500.0, 1400.0);
    h.state_mut().editor.doc.apply(|d| {
        d.release.timing = Timing::Embargoed {
            date: chrono::NaiveDate::from_ymd_opt(2026, 7, 23).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(16, 5, 0).unwrap(),
            zone: Some(chrono_tz::America::Chicago),
        };
        d.release.timing_as_written = "HOLD FOR RELEASE UNTIL 4:05 P.M. CDT, JULY 23".into();
        d.dateline.city = "Seattle".into();
        d.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 7, 23);
        d.dateline.as_written = "SEATTLE, WA / ACCESSWIRE / July 23, 2026 / ".into();
    });
    h.run();
    // Each wording is shown in a field of its own, printed as it stands, and editable.
    let timing_field = "Timing line as written";
    assert_eq!(
        h.get_by_label(timing_field).value().as_deref(),
        Some("HOLD FOR RELEASE UNTIL 4:05 P.M. CDT, JULY 23")
    );
    assert!(preview_shows(
        &h,
        "HOLD FOR RELEASE UNTIL 4:05 P.M. CDT, JULY 23"
    ));
    h.get_by_label(timing_field).focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_label(timing_field).type_text(", 2026");
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.release.timing_as_written,
        "HOLD FOR RELEASE UNTIL 4:05 P.M. CDT, JULY 23, 2026"
    );
    assert!(preview_shows(&h, "CDT, JULY 23, 2026"));
    // Editing its wording keeps the dateline's wording (it is the user's now).
    h.get_by_label("Dateline as written").focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Dateline as written").type_text("-- ");
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.dateline.as_written,
        "SEATTLE, WA / ACCESSWIRE / July 23, 2026 / -- "
    );
    // Editing the dateline drops its wording, and only its.
    h.get_by_label("City").focus();
    h.run();
    h.get_by_label("City").type_text("s");
    h.run();
    let d = h.state().editor.doc.draft.clone();
    assert_eq!(d.dateline.city, "Seattles");
    assert_eq!(d.dateline.as_written, "");
    assert!(d.release.timing_as_written.starts_with("HOLD"));
    // Editing the timing drops the timing line's wording: the style's own is printed.
    click(&mut h, "Timing");
    click(&mut h, "For immediate release");
    let d = h.state().editor.doc.draft.clone();
    assert_eq!(d.release.timing, Timing::Immediate);
    assert_eq!(d.release.timing_as_written, "");
    assert!(h.query_by_label(timing_field).is_none());
    assert!(!preview_shows(&h, "HOLD FOR RELEASE"));
    // Undo brings the wording back; the button drops it as an edit of its own.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(preview_shows(&h, "HOLD FOR RELEASE"));
    click(&mut h, "Use the style's wording");
    assert_eq!(h.state().editor.doc.draft.release.timing_as_written, "");
    assert!(!preview_shows(&h, "HOLD FOR RELEASE"));
}

#[test]
fn editing_the_wording_as_written_keeps_the_fields_the_checks_read_in_step() {
    use pressroom::core::draft::Timing;
    let (mut h, _) = harness_sized(1500.0, 1400.0);
    h.state_mut().editor.doc.apply(|d| {
        d.release.timing = Timing::Embargoed {
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 5).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            zone: Some(chrono_tz::America::New_York),
        };
        d.release.timing_as_written = "EMBARGOED UNTIL 8:00 a.m. ET, May 5, 2026".into();
        d.dateline.city = "Seattle".into();
        d.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 5, 5);
        d.dateline.as_written = "SEATTLE, WA / ACCESSWIRE / May 5, 2026 / ".into();
    });
    h.run();
    let retype = |h: &mut Harness<'static, PressroomApp>, label: &str, text: &str| {
        h.get_by_label(label).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label(label).type_text(text);
        h.run();
    };
    retype(
        &mut h,
        "Timing line as written",
        "EMBARGOED UNTIL 9:30 a.m. ET, May 6, 2026",
    );
    let d = h.state().editor.doc.draft.clone();
    assert_eq!(
        d.release.timing,
        Timing::Embargoed {
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 6).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            zone: Some(chrono_tz::America::New_York),
        },
        "the timing follows its wording"
    );
    assert_eq!(
        d.release.timing_as_written,
        "EMBARGOED UNTIL 9:30 a.m. ET, May 6, 2026"
    );
    retype(
        &mut h,
        "Dateline as written",
        "BELLEVUE, WA / ACCESSWIRE / May 6, 2026 / ",
    );
    let d = h.state().editor.doc.draft.clone();
    assert_eq!(d.dateline.city, "Bellevue");
    assert_eq!(d.dateline.date, chrono::NaiveDate::from_ymd_opt(2026, 5, 6));
    assert_eq!(
        d.dateline.as_written,
        "BELLEVUE, WA / ACCESSWIRE / May 6, 2026 / "
    );
    // Wording that no longer reads as a timing line leaves the field, and a check says so.
    retype(
        &mut h,
        "Timing line as written",
        "EMBARGOED UNTIL FURTHER NOTICE",
    );
    assert!(
        h.query_by_label_contains("does not read as a timing line")
            .is_some(),
        "the checks panel says so"
    );
}

#[test]
fn letterhead_contact_labels_and_closing_line_are_edited_in_the_form() {
    let (mut h, _) = harness_sized(1500.0, 3000.0);
    h.state_mut().editor.doc.apply(|d| {
        d.contacts[0].name = "Dana Reyes".into();
        d.contacts[0].phone = "212-555-0100".into();
    });
    h.run();
    // The letterhead: lines centred above the title.
    h.get_by_label("Letterhead").focus();
    h.run();
    h.get_by_label("Letterhead")
        .type_text("NORTHWIND TOOL CORPORATION");
    h.run();
    let text = h.state_mut().editor.preview_text();
    let line = text
        .lines()
        .find(|l| l.contains("NORTHWIND TOOL CORPORATION"))
        .expect("the letterhead prints");
    let indent = line.len() - line.trim_start().len();
    assert!(indent > 20, "centred: {line:?}");
    assert!(
        text.find("NORTHWIND").unwrap() < text.find("N E W S").unwrap(),
        "above the title:\n{text}"
    );
    // A contact's label as printed, then none at all.
    click(&mut h, "Contacts");
    assert!(preview_shows(&h, "Contact:"));
    h.get_by_label("Printed label").focus();
    h.run();
    h.get_by_label("Printed label").type_text("Investors");
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.contacts[0].label.as_deref(),
        Some("Investors")
    );
    assert!(
        h.state_mut()
            .editor
            .preview_text()
            .contains("Investors  Dana Reyes")
    );
    click(&mut h, "No label");
    assert_eq!(
        h.state().editor.doc.draft.contacts[0].label.as_deref(),
        Some("")
    );
    assert!(!h.state_mut().editor.preview_text().contains("Investors"));
    // A typed role leaves the printed label as it is; emptied, the label is the role's.
    click(&mut h, "No label");
    h.get_by_label("Role label").focus();
    h.run();
    h.get_by_label("Role label").type_text("Media Contact");
    h.run();
    assert_eq!(h.state().editor.doc.draft.contacts[0].label, None);
    assert!(preview_shows(&h, "Media Contact:"));
    h.get_by_label("Printed label").focus();
    h.run();
    h.get_by_label("Printed label").type_text("Press:");
    h.run();
    h.get_by_label("Role label").focus();
    h.run();
    h.get_by_label("Role label").type_text("s");
    h.run();
    let c = h.state().editor.doc.draft.contacts[0].clone();
    assert_eq!(
        (c.role.as_str(), c.label.as_deref()),
        ("Media Contacts", Some("Press:"))
    );
    assert!(preview_shows(&h, "Press:"));
    // The contacts' heading.
    h.get_by_label("Heading above the contacts").focus();
    h.run();
    h.get_by_label("Heading above the contacts")
        .type_text("Contacts");
    h.run();
    assert_eq!(h.state().editor.doc.draft.contacts_heading, "Contacts");
    // The closing line, last of all.
    click(&mut h, "End mark and export");
    h.get_by_label("Closing line").focus();
    h.run();
    h.get_by_label("Closing line")
        .type_text("SOURCE: Northwind Tool Corp.");
    h.run();
    let text = h.state_mut().editor.preview_text();
    assert_eq!(
        text.trim_end().lines().last().map(str::trim),
        Some("SOURCE: Northwind Tool Corp."),
        "{text}"
    );
    // Each was an edit: undo takes the closing line back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state_mut().editor.preview_text().contains("SOURCE:"));
}

#[test]
fn a_layout_choice_set_in_the_form_changes_the_preview_and_undoes() {
    let (mut h, _) = harness_sized(1500.0, 3000.0);
    h.run();
    assert!(preview_shows(&h, "For Immediate Release"));
    click(&mut h, "End mark and export");
    click(&mut h, "Layout choices");
    // Each choice says what the style does when left to it.
    for (choice, shown) in [
        ("Timing line printed", "As the style (on)"),
        ("Title letter-spaced (N E W S)", "As the style (on)"),
        ("Exhibit label at the right margin", "As the style (off)"),
    ] {
        assert_eq!(
            h.get_by_label(choice).value().as_deref(),
            Some(shown),
            "{choice} names the style's answer"
        );
    }
    click(&mut h, "Timing line printed");
    click(&mut h, "Off");
    assert_eq!(
        h.state().editor.doc.draft.export.layout.timing_line,
        Some(false)
    );
    assert!(!preview_shows(&h, "For Immediate Release"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().editor.doc.draft.export.layout.timing_line, None);
    assert!(preview_shows(&h, "For Immediate Release"));
}

#[test]
fn the_fiscal_year_end_and_own_non_gaap_measures_are_set_in_the_company_section() {
    let (mut h, _) = harness_sized(1500.0, 3000.0);
    h.run();
    click(&mut h, "Fiscal year ends");
    // Every month in view, none behind a scroll bar.
    for month in ["January", "December"] {
        let r = h.get_by_label(month).rect();
        assert!(
            r.bottom() < 3000.0 && r.height() > 5.0,
            "{month} shown: {r:?}"
        );
    }
    click(&mut h, "June");
    let end = h.state().editor.doc.draft.company.fiscal_year_end;
    assert_eq!((end.month, end.day), (6, 30), "a month's last day");
    // The days offered are the month's: February has no 31st to pick.
    click(&mut h, "Fiscal year ends");
    click(&mut h, "February");
    click(&mut h, "day");
    assert!(h.query_by_label("28").is_some());
    assert!(h.query_by_label("29").is_none());
    click(&mut h, "15");
    let end = h.state().editor.doc.draft.company.fiscal_year_end;
    assert_eq!((end.month, end.day), (2, 15));
    click(&mut h, "+ Non-GAAP measure");
    h.get_by_label("Measure").focus();
    h.run();
    h.get_by_label("Measure").type_text("adjusted gross margin");
    h.run();
    h.get_by_label("Comparable GAAP measure").focus();
    h.run();
    h.get_by_label("Comparable GAAP measure")
        .type_text("gross margin");
    h.run();
    let m = &h.state().editor.doc.draft.company.non_gaap_measures;
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].measure.as_str(), m[0].gaap.as_str()),
        ("adjusted gross margin", "gross margin")
    );
    click(&mut h, "Remove measure");
    assert!(
        h.state()
            .editor
            .doc
            .draft
            .company
            .non_gaap_measures
            .is_empty()
    );
}

// ---- Tables ---------------------------------------------------------------------------

/// A new draft with a table inserted from the Edit menu (two columns, three rows).
fn with_new_table() -> Harness<'static, PressroomApp> {
    let (mut h, _) = harness_sized(1500.0, 2400.0);
    h.run();
    click(&mut h, "Edit");
    click(&mut h, "Insert Table");
    h
}

fn table(h: &Harness<'static, PressroomApp>) -> pressroom::core::table::Table {
    h.state()
        .editor
        .doc
        .draft
        .body
        .iter()
        .find_map(|b| match &b.block {
            pressroom::core::draft::Block::Table(t) => Some((**t).clone()),
            _ => None,
        })
        .expect("a table block")
}

#[test]
fn typing_in_cells_with_tab_and_enter_between_them_fills_the_table_and_the_preview() {
    let mut h = with_new_table();
    h.get_by_label("Row 1 label").focus();
    h.run();
    // Keys as a person types them: a label, Tab, a figure, Tab, a figure, Enter.
    for (text, key) in [
        ("Net sales", Key::Tab),
        ("12,345", Key::Tab),
        ("11,020", Key::Enter),
    ] {
        h.event(egui::Event::Text(text.into()));
        h.run();
        h.key_press(key);
        h.run();
    }
    let t = table(&h);
    assert_eq!(t.rows[0].label, "Net sales");
    assert_eq!(t.rows[0].cells, vec!["12,345".to_string(), "11,020".into()]);
    // Enter went down a row, to the same column.
    assert_eq!(focused_label(&h).as_deref(), Some("Row 2 column 2"));
    // Shift+Tab goes back a cell.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Row 2 column 1"));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Row 1 column 1"));
    // The preview shows the row as export writes it: `$` on the first figure.
    assert!(
        h.state_mut()
            .editor
            .preview_text()
            .lines()
            .any(|l| l.starts_with("Net sales") && l.contains("$ 12,345")),
        "{}",
        h.state_mut().editor.preview_text()
    );
}

#[test]
fn typing_in_a_cell_is_one_undo_step() {
    let mut h = with_new_table();
    h.get_by_label("Row 2 column 1").focus();
    h.run();
    h.get_by_label("Row 2 column 1").type_text("4,200");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.event(egui::Event::Text("3,900".into()));
    h.run();
    assert_eq!(
        table(&h).rows[1].cells,
        vec!["4,200".to_string(), "3,900".into()]
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        table(&h).rows[1].cells,
        vec!["4,200".to_string(), String::new()]
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(table(&h).rows[1].cells, vec![String::new(), String::new()]);
}

#[test]
fn pasting_spreadsheet_cells_fills_the_table_and_undo_takes_the_paste_back() {
    let mut h = with_new_table();
    h.get_by_label("Row 1 label").focus();
    h.run();
    // As Excel puts a range on the clipboard: tabs between cells, CRLF between rows, the
    // second row ragged (trailing empty cells dropped).
    let clip = "Revenue\t12,345\t11,020\t9,870\r\nCost of revenue\t(7,345)\r\nGross profit\t5,000\t4,100\t3,900\r\nExtra row\t1\t2\t3\r\n";
    h.event(egui::Event::Paste(clip.into()));
    h.run();
    let t = table(&h);
    assert_eq!(t.columns(), 3, "a column added");
    assert_eq!(t.rows.len(), 4, "a row added");
    assert_eq!(
        t.rows[1].cells,
        vec!["(7,345)".to_string(), String::new(), String::new()]
    );
    assert_eq!(t.cell(2, 2), "3,900");
    assert!(
        h.state().editor.status.contains("Pasted 4 rows"),
        "{}",
        h.state().editor.status
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(table(&h), pressroom::core::table::Table::starter());
}

#[test]
fn a_paste_with_a_quote_left_open_says_so_and_changes_nothing() {
    let mut h = with_new_table();
    h.get_by_label("Row 1 column 1").focus();
    h.run();
    h.event(egui::Event::Paste("\"Revenue\t1\n2\t3\n".into()));
    h.run();
    assert!(h.query_by_label_contains("never closed").is_some());
    assert_eq!(table(&h), pressroom::core::table::Table::starter());
}

#[test]
fn rows_change_kind_and_columns_are_added_from_the_grid() {
    let mut h = with_new_table();
    click(&mut h, "+ Column");
    assert_eq!(table(&h).columns(), 3);
    // The third row's menu: make it a total.
    let menus: Vec<_> = h.query_all_by_label("Ordinary").collect();
    assert_eq!(menus.len(), 3);
    menus[2].click();
    h.run();
    click(&mut h, "Total");
    assert_eq!(
        table(&h).rows[2].kind,
        pressroom::core::table::RowKind::Total
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        table(&h).rows[2].kind,
        pressroom::core::table::RowKind::Ordinary
    );
}

#[test]
fn insert_table_from_csv_reads_the_file_and_a_broken_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("q3.csv");
    std::fs::write(
        &good,
        ",2026,2025\nNet sales,\"148,320\",\"136,070\"\nCost of sales,\"(102,410)\",\"(95,890)\"\nTotal,\"45,910\",\"40,180\"\n",
    )
    .unwrap();
    let (mut h, dialogs) = harness_sized(1500.0, 2400.0);
    h.run();
    dialogs.answer(Pick::Path(good));
    click(&mut h, "Edit");
    click(&mut h, "Insert Table from CSV...");
    assert_eq!(dialogs.asked(), vec![Purpose::TableFromCsv]);
    let t = table(&h);
    assert_eq!(t.headings, vec!["2026".to_string(), "2025".into()]);
    assert_eq!(t.rows[0].cells[0], "148,320");
    assert_eq!(t.rows[2].kind, pressroom::core::table::RowKind::Total);
    let before = h.state().editor.doc.draft.clone();
    let bad = dir.path().join("open.csv");
    std::fs::write(&bad, "a,\"b\n1,2\n").unwrap();
    dialogs.answer(Pick::Path(bad));
    click(&mut h, "Edit");
    click(&mut h, "Insert Table from CSV...");
    assert!(h.query_by_label_contains("open.csv").is_some());
    assert_eq!(h.state().editor.doc.draft, before);
}

// Spelling (issue 16).

/// The squiggles the last frame painted: each as its top-left and bottom-right.
fn squiggles(h: &Harness<'static, PressroomApp>) -> Vec<(egui::Pos2, egui::Pos2)> {
    pressroom::shell::spelling::squiggles_in(&h.output().shapes)
}

/// How wide `text` is in the font text fields use.
fn text_width(h: &Harness<'static, PressroomApp>, text: &str) -> f32 {
    let font = h.ctx.global_style().text_styles[&egui::TextStyle::Body].clone();
    h.ctx
        .fonts_mut(|f| f.layout_no_wrap(text.into(), font, egui::Color32::WHITE))
        .size()
        .x
}

fn right_click_at(h: &mut Harness<'static, PressroomApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

#[test]
fn a_misspelt_word_is_squiggled_under_its_glyphs() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Our recieve");
    h.run();
    let field = h.get_by_label("Headline").rect();
    let marks = squiggles(&h);
    assert_eq!(marks.len(), 1, "{marks:?}");
    let (min, max) = marks[0];
    // The text starts after the field's inner margin; the squiggle spans "recieve" alone.
    let margin = h.ctx.global_style().spacing.button_padding.x;
    let left = field.left() + margin + text_width(&h, "Our ");
    assert!((min.x - left).abs() < 2.0, "starts at {} not {left}", min.x);
    let width = text_width(&h, "recieve");
    assert!(
        ((max.x - min.x) - width).abs() < 2.0,
        "{} wide, not {width}",
        max.x - min.x
    );
    // Under the first row of text (the headline field is two rows high), a thin wave.
    let font = h.ctx.global_style().text_styles[&egui::TextStyle::Body].clone();
    let row = h.ctx.fonts_mut(|f| f.row_height(&font));
    let y = (min.y + max.y) / 2.0;
    assert!(
        y > field.top() + row * 0.7 && y < field.top() + row + 4.0,
        "{min:?} {max:?} in {field:?}, rows {row}"
    );
    assert!(max.y - min.y <= 3.0);
    // Mended, it goes.
    h.get_by_label("Headline").type_text("d");
    h.run();
    type_headline(&mut h, "");
    assert_eq!(h.state().editor.doc.draft.headline, "Our recieved");
    assert_eq!(squiggles(&h).len(), 1, "recieved is wrong too");
    let finding = "\"recieved\" is not in the en_US dictionary.";
    assert!(preview_shows(&h, finding), "the Checks panel lists it");
}

#[test]
fn right_click_a_misspelt_word_pick_a_suggestion_then_undo() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Our recieve");
    h.run();
    let (min, max) = squiggles(&h)[0];
    // On the word's glyphs, just above its squiggle.
    right_click_at(&mut h, egui::pos2((min.x + max.x) / 2.0, min.y - 5.0));
    assert!(
        h.query_by_label("Add to dictionary").is_some(),
        "the menu is open"
    );
    assert!(h.query_by_label("Ignore in this draft").is_some());
    click(&mut h, "receive");
    assert_eq!(h.state().editor.doc.draft.headline, "Our receive");
    h.run();
    assert!(squiggles(&h).is_empty());
    assert!(
        h.query_by_label("Add to dictionary").is_none(),
        "the menu closed"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.headline,
        "Our recieve",
        "one undo step takes the replacement back, not the typing"
    );
    h.run();
    assert_eq!(squiggles(&h).len(), 1);
}

#[test]
fn ignore_in_this_draft_and_add_to_dictionary_clear_the_squiggle() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Zorbex Qwrtyplex");
    h.run();
    let marks = squiggles(&h);
    assert_eq!(marks.len(), 2, "{marks:?}");
    let (min, max) = marks[0];
    right_click_at(&mut h, egui::pos2((min.x + max.x) / 2.0, min.y - 5.0));
    click(&mut h, "Ignore in this draft");
    h.run();
    assert_eq!(h.state().editor.doc.draft.spelling.ignored, ["Zorbex"]);
    assert_eq!(squiggles(&h).len(), 1);
    let (min, max) = squiggles(&h)[0];
    right_click_at(&mut h, egui::pos2((min.x + max.x) / 2.0, min.y - 5.0));
    click(&mut h, "Add to dictionary");
    h.run();
    assert_eq!(h.state().editor.spelling.personal.words, ["Qwrtyplex"]);
    assert!(squiggles(&h).is_empty());
    assert!(!preview_shows(&h, "is not in the en_US dictionary"));
}

#[test]
fn spelling_turned_off_paints_nothing_and_lists_nothing() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Our recieve");
    h.run();
    assert_eq!(squiggles(&h).len(), 1);
    h.state_mut()
        .editor
        .run_command(pressroom::shell::commands::Command::SetSpelling(false));
    h.run();
    assert!(squiggles(&h).is_empty());
    assert!(!preview_shows(&h, "is not in the en_US dictionary"));
}

fn key_event(key: Key, modifiers: Modifiers) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

#[test]
fn keys_typed_faster_than_frames_land_in_the_cells_they_were_typed_for() {
    let mut h = with_new_table();
    h.get_by_label("Row 1 label").focus();
    h.run();
    // A fast typist: every key of the burst arrives in one frame.
    h.input_mut().events.extend([
        egui::Event::Text("Net sales".into()),
        key_event(Key::Tab, Modifiers::NONE),
        egui::Event::Text("12,345".into()),
        key_event(Key::Tab, Modifiers::NONE),
        egui::Event::Text("11,020".into()),
        key_event(Key::Enter, Modifiers::NONE),
        egui::Event::Text("9,870".into()),
        key_event(Key::Tab, Modifiers::SHIFT),
        egui::Event::Text("10,500".into()),
        key_event(Key::ArrowUp, Modifiers::NONE),
        egui::Event::Text("12,346".into()),
    ]);
    // One frame a move: the keys after each wait for the cell it leads to.
    h.run_steps(8);
    h.run();
    let t = table(&h);
    assert_eq!(t.rows[0].label, "Net sales");
    // The last figure replaced 12,345: a cell moved into is selected, as in a spreadsheet.
    assert_eq!(t.rows[0].cells, vec!["12,346".to_string(), "11,020".into()]);
    assert_eq!(t.rows[1].cells, vec!["10,500".to_string(), "9,870".into()]);
}

#[test]
fn the_words_an_open_comment_is_on_are_highlighted_in_their_field() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Acme Posts Record Third Quarter Revenue");
    let time = chrono::Utc::now();
    h.state_mut().editor.doc.apply(|d| {
        d.comments.push(pressroom::core::draft::Comment {
            field: pressroom::core::draft::FieldRef::Headline,
            quote: "Record".into(),
            author: "Counsel".into(),
            time,
            text: "Is it a record?".into(),
            replies: Vec::new(),
            resolved: false,
        })
    });
    h.run();
    let washes = |h: &Harness<'static, PressroomApp>| -> Vec<egui::Rect> {
        h.output()
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                egui::Shape::Rect(r) if r.fill == pressroom::shell::form::COMMENT_HIGHLIGHT => {
                    Some(r.rect)
                }
                _ => None,
            })
            .collect()
    };
    let found = washes(&h);
    assert_eq!(found.len(), 1, "one wash, on one row");
    let field = h.get_by_label("Headline").rect();
    assert!(field.contains_rect(found[0]), "{found:?} in {field:?}");
    // About as wide as the word, not the field.
    let word = text_width(&h, "Record");
    assert!(
        (found[0].width() - word).abs() < word * 0.3,
        "{} for a word {word} wide",
        found[0].width()
    );
    // Resolved, it goes.
    h.state_mut()
        .editor
        .doc
        .apply(|d| d.comments[0].resolved = true);
    h.run();
    assert!(washes(&h).is_empty());
}

#[test]
fn the_wire_html_preview_sets_out_the_page_as_its_export_does() {
    // The wire's HTML is plain: the exhibit label at the left, no page breaks drawn; the
    // EDGAR HTML exhibit right-aligns its label.
    let (mut h, _) = harness();
    h.state_mut().editor.doc.apply(|d| {
        d.release.exhibit = "EXHIBIT 99.1".into();
        d.add_block(pressroom::core::draft::Block::PageBreak);
    });
    h.run();
    click(&mut h, "EDGAR HTML exhibit");
    let edgar = h.get_by_label("EXHIBIT 99.1").rect();
    let rules = |h: &Harness<'static, PressroomApp>| {
        h.output()
            .shapes
            .iter()
            .filter(|s| matches!(&s.shape, egui::Shape::LineSegment { .. }))
            .count()
    };
    let with_break = rules(&h);
    click(&mut h, "Newswire HTML");
    let wire = h.get_by_label("EXHIBIT 99.1").rect();
    assert!(
        wire.left() < edgar.left() - 200.0,
        "wire {wire:?}, EDGAR {edgar:?}"
    );
    assert_eq!(rules(&h), with_break - 1, "the page break is not drawn");
    let html = pressroom::core::export::export(
        &h.state().editor.doc.draft,
        pressroom::core::export::ExportStyle::NewswireHtml,
        &Default::default(),
    )
    .unwrap();
    let html = String::from_utf8(html.main).unwrap();
    assert!(html.contains("<p>EXHIBIT 99.1</p>"), "{html}");
}

#[test]
fn the_wire_header_and_note_are_asked_for_and_print_round_the_headline() {
    let (mut h, _) = harness();
    h.run();
    type_headline(&mut h, "Vestergaard Logistik AG: Revenue Up 8 Percent");
    assert!(h.query_by_label("Wire header").is_none(), "rare: not shown");
    h.get_by_label("+ Wire header and note").click();
    // The grid takes a few frames to widen its label column for the new labels.
    h.run_steps(10);
    h.get_by_label("Wire header").focus();
    h.run();
    h.get_by_label("Wire header")
        .type_text("EQS-News: Vestergaard Logistik AG / Key word(s): Quarterly");
    h.run();
    h.get_by_label("Note under the headline").focus();
    h.run();
    h.get_by_label("Note under the headline")
        .type_text("20.11.2026 / 07:30 CET/CEST");
    h.run();
    let r = &h.state().editor.doc.draft.release;
    assert_eq!(
        r.header,
        "EQS-News: Vestergaard Logistik AG / Key word(s): Quarterly"
    );
    assert_eq!(r.header_note, "20.11.2026 / 07:30 CET/CEST");
    let text = h.state_mut().editor.preview_text().to_string();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in\n{text}"));
    assert!(at("EQS-News") < at("REVENUE UP 8 PERCENT"));
    assert!(at("REVENUE UP 8 PERCENT") < at("20.11.2026 / 07:30"));
}
