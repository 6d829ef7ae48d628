//! The review features driven as a person would: File > Versions..., compare with a
//! version, next change (F8), restore and undo, export the redline.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pressroom::shell::PressroomApp;
use pressroom::shell::dialogs::{FakeDialogs, Pick, Purpose};
use pressroom::shell::prefs::Prefs;

fn harness() -> (Harness<'static, PressroomApp>, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let app = PressroomApp::new(Prefs::default(), Box::new(dialogs.clone()));
    let h = Harness::builder()
        .with_size(egui::vec2(1500.0, 1100.0))
        .build_ui_state(|ui, app: &mut PressroomApp| app.show(ui), app);
    (h, dialogs)
}

fn click(h: &mut Harness<'static, PressroomApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn set_headline(h: &mut Harness<'static, PressroomApp>, text: &str) {
    h.get_by_label("Headline").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Headline").type_text(text);
    h.run();
}

/// A draft saved twice: version 1 holds "Acme Reports Results".
fn saved_twice(dir: &std::path::Path) -> (Harness<'static, PressroomApp>, FakeDialogs) {
    let (mut h, dialogs) = harness();
    h.run();
    set_headline(&mut h, "Acme Reports Results");
    dialogs.answer(Pick::Path(dir.join("q3.ron")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    set_headline(&mut h, "Acme Reports Record Results");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().editor.status.contains("version 1"),
        "{}",
        h.state().editor.status
    );
    (h, dialogs)
}

/// A comment typed in Review > Comments on the field last typed in.
fn add_comment(h: &mut Harness<'static, PressroomApp>, text: &str) {
    click(h, "Review");
    click(h, "Comments");
    h.get_by_label("Comment").focus();
    h.run();
    h.get_by_label("Comment").type_text(text);
    h.run();
    click(h, "Add Comment");
}

fn open_versions(h: &mut Harness<'static, PressroomApp>) {
    click(h, "File");
    click(h, "Versions...");
    assert!(h.query_by_label_contains("No versions yet").is_none());
}

#[test]
fn compare_with_a_version_shows_the_redline_and_f8_steps_to_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = saved_twice(dir.path());
    open_versions(&mut h);
    click(&mut h, "Compare");
    assert!(
        h.query_by_label("1 insertion, 0 deletions in 1 field")
            .is_some(),
        "the summary line is shown"
    );
    assert!(
        h.query_by_label_contains("Redline against version 1")
            .is_some()
    );

    h.key_press(Key::F8);
    h.run();
    let e = &h.state().editor;
    let view = e.redline.as_ref().unwrap();
    let current = view.current.expect("stepped to the change");
    assert_eq!(view.redline.texts[current].label, "headline");
    assert!(
        e.status.starts_with("Change 1 of 1: headline"),
        "{}",
        e.status
    );

    // Typing while the redline is shown updates it.
    set_headline(&mut h, "Acme Posts Results");
    assert!(
        h.query_by_label("1 insertion, 1 deletion in 1 field")
            .is_some()
    );
    click(&mut h, "Close Redline");
    assert!(h.state().editor.redline.is_none());
    assert!(h.query_by_label_contains("Redline against").is_none());
}

#[test]
fn restore_a_version_then_undo_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = saved_twice(dir.path());
    open_versions(&mut h);
    click(&mut h, "Restore");
    assert_eq!(h.state().editor.doc.draft.headline, "Acme Reports Results");
    assert!(h.state().editor.doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor.doc.draft.headline,
        "Acme Reports Record Results"
    );
}

#[test]
fn a_typed_label_is_kept_in_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = saved_twice(dir.path());
    open_versions(&mut h);
    h.get_by_label("Label").focus();
    h.run();
    h.get_by_label("Label").type_text("sent to counsel");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let index = pressroom::core::versions::History::of(&dir.path().join("q3.ron"))
        .list()
        .unwrap();
    assert_eq!(index.versions[0].label, "sent to counsel");
}

#[test]
fn compare_with_a_file_and_export_the_redline_as_html() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = saved_twice(dir.path());
    let old = pressroom::core::versions::History::of(&dir.path().join("q3.ron")).path_of(1);
    dialogs.answer(Pick::Path(old));
    click(&mut h, "Review");
    click(&mut h, "Compare with...");
    assert!(
        h.query_by_label_contains("Redline against 0001.ron")
            .is_some()
    );
    let out = dir.path().join("blackline");
    dialogs.answer(Pick::Path(out.clone()));
    click(&mut h, "Export Redline as HTML...");
    assert_eq!(
        dialogs.asked()[1..],
        [
            Purpose::CompareWith,
            Purpose::ExportRedline(pressroom::core::redline::RedlineFormat::Html)
        ]
    );
    let page = std::fs::read_to_string(out.with_extension("html")).unwrap();
    assert!(page.contains("<ins>Record</ins>"), "{page}");
}

#[test]
fn a_comment_on_the_field_typed_in_is_marked_counted_and_resolved() {
    let (mut h, _) = harness();
    h.run();
    set_headline(&mut h, "Acme Reports Results");
    add_comment(&mut h, "Is this final?");
    let d = &h.state().editor.doc.draft;
    assert_eq!(d.comments.len(), 1);
    assert_eq!(
        d.comments[0].field,
        pressroom::core::draft::FieldRef::Headline
    );
    assert_eq!(d.comments[0].text, "Is this final?");
    assert!(!d.comments[0].author.is_empty());
    assert!(h.query_by_label("1 open comment").is_some(), "status bar");
    assert!(
        h.query_by_label("comment marker").is_some(),
        "the form's marker"
    );
    assert!(
        h.query_by_label_contains("Unresolved comment").is_some(),
        "the checks list it"
    );

    click(&mut h, "Resolve");
    assert!(h.state().editor.doc.draft.comments[0].resolved);
    assert!(h.query_by_label("1 open comment").is_none());
    assert!(h.query_by_label("comment marker").is_none());
    // Resolving is an edit like any other.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().editor.doc.draft.comments[0].resolved);
}

#[test]
fn next_change_reaches_a_change_far_down_a_long_redline() {
    use pressroom::core::draft::Block;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    let mut d = pressroom::core::draft::Draft {
        headline: "Acme".into(),
        ..Default::default()
    };
    d.set_body((0..300).map(|i| Block::Paragraph(format!("Paragraph number {i} of the release."))));
    pressroom::core::versions::save_keeping_version(&path, &d, 50).unwrap();
    d.body[250].block = Block::Paragraph("Paragraph number 250 of the amended release.".into());
    pressroom::core::versions::save_keeping_version(&path, &d, 50).unwrap();

    let (mut h, _) = harness();
    h.state_mut().run_command(
        &egui::Context::default(),
        pressroom::shell::commands::Command::OpenPath(path),
    );
    h.run();
    h.state_mut().run_command(
        &egui::Context::default(),
        pressroom::shell::commands::Command::CompareWithPath(
            pressroom::core::versions::History::of(&dir.path().join("long.ron")).path_of(1),
        ),
    );
    h.run();
    assert!(
        h.query_by_label_contains("body block 251").is_none(),
        "far down, not laid out"
    );
    h.key_press(Key::F8);
    h.run();
    h.run();
    assert!(h.query_by_label("body block 251").is_some());
    assert!(h.query_by_label_contains("amended").is_some());
}

/// The comments inside an exported `.docx` (`word/comments.xml`), empty when it has none.
fn word_comments_xml(path: &std::path::Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    if let Ok(mut f) = zip.by_name("word/comments.xml") {
        f.read_to_string(&mut s).unwrap();
    }
    s
}

#[test]
fn word_export_includes_comments_when_ticked_and_remembers_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = harness();
    h.run();
    set_headline(&mut h, "Acme Reports Results");
    add_comment(&mut h, "Counsel to confirm");
    assert_eq!(h.state().editor.doc.draft.comments.len(), 1);

    let export_word =
        |h: &mut Harness<'static, PressroomApp>, tick: bool, out: &std::path::Path| {
            dialogs.answer(Pick::Path(out.to_path_buf()));
            h.key_press_modifiers(Modifiers::COMMAND, Key::E);
            h.run();
            // Only Word offers the choice.
            assert!(h.query_by_label("Include comments").is_none());
            // The radio button in the dialog (the style switch above the preview is also "Word document").
            h.get_all_by_label("Word document").last().unwrap().click();
            h.run();
            let ticked = h.state().editor.prefs.export_comments;
            if ticked != tick {
                click(h, "Include comments");
            }
            assert_eq!(h.state().editor.prefs.export_comments, tick);
            click(h, "Export...");
            if h.query_by_label("Export anyway").is_some() {
                click(h, "Export anyway");
            }
            assert!(out.exists(), "{}", h.state().editor.status);
        };

    // Off by default.
    assert!(!h.state().editor.prefs.export_comments);
    let plain = dir.path().join("plain.docx");
    export_word(&mut h, false, &plain);
    assert!(!word_comments_xml(&plain).contains("Counsel to confirm"));

    let with = dir.path().join("counsel.docx");
    export_word(&mut h, true, &with);
    assert!(
        word_comments_xml(&with).contains("Counsel to confirm"),
        "{}",
        word_comments_xml(&with)
    );
    assert!(h.state().editor.status.contains("with 1 comment"));

    // Remembered: the next Word export shows it ticked and includes them again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_all_by_label("Word document").last().unwrap().click();
    h.run();
    assert!(h.query_by_label("Include comments").is_some());
    assert!(h.state().editor.prefs.export_comments);
    click(&mut h, "Cancel");
}

#[test]
fn deleting_a_version_asks_first_cancel_keeps_it_and_delete_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q3.ron");
    let (mut h, _) = saved_twice(dir.path());
    let history = pressroom::core::versions::History::of(&path);
    history.set_label(1, "sent to counsel").unwrap();
    let words = history.list().unwrap().versions[0].words;
    open_versions(&mut h);

    click(&mut h, "Delete");
    let asked = format!(
        "Delete version 1 \"sent to counsel\" ({words} word{}? This cannot be undone.",
        if words == 1 { ")" } else { "s)" }
    );
    assert!(h.query_by_label(&asked).is_some(), "asks: {asked}");
    click(&mut h, "Cancel");
    assert!(h.state().editor.prompt.is_none());
    assert_eq!(history.list().unwrap().versions.len(), 1, "Cancel keeps it");

    click(&mut h, "Delete");
    assert!(h.query_by_label(&asked).is_some());
    // The prompt's own button (the list's row has one too).
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    assert!(
        history.list().unwrap().versions.is_empty(),
        "Delete removes it"
    );
    assert!(h.state().editor.status.contains("Deleted version 1"));
    assert!(h.query_by_label_contains("No versions yet").is_some());
}
