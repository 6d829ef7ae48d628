//! The window's logic, without a window: commands and prompt answers on an [`Editor`].

use super::*;
use crate::core::draft::{Block, BlockKind, Style};
use crate::core::draft_file;
use crate::core::export::ExportStyle;
use crate::core::profiles::{Profile, ProfileField};
use crate::shell::dialogs::FakeDialogs;

fn editor() -> (Editor, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    (
        Editor::new(Prefs::default(), Box::new(dialogs.clone())),
        dialogs,
    )
}

fn saved_draft(dir: &Path, name: &str, headline: &str) -> PathBuf {
    let p = dir.join(name);
    let d = Draft {
        headline: headline.into(),
        ..Draft::default()
    };
    draft_file::save(&p, &d).unwrap();
    p
}

#[test]
fn open_with_unsaved_changes_asks_first_and_discard_opens() {
    let dir = tempfile::tempdir().unwrap();
    let other = saved_draft(dir.path(), "other.ron", "Other");
    let (mut e, dialogs) = editor();
    e.doc.apply(|d| d.headline = "Mine".into());

    dialogs.answer(Pick::Path(other.clone()));
    e.run_command(Command::Open);
    assert!(matches!(e.prompt, Some(Prompt::Unsaved(Then::Open))));
    assert!(dialogs.asked().is_empty(), "no dialog before the question");

    // Cancel keeps everything as it was.
    e.run_command(Command::Answer(Answer::Dismiss));
    assert!(e.prompt.is_none());
    assert_eq!(e.doc.draft.headline, "Mine");

    e.run_command(Command::Open);
    e.run_command(Command::Answer(Answer::DiscardChanges));
    assert_eq!(dialogs.asked(), vec![Purpose::OpenDraft]);
    assert_eq!(e.doc.draft.headline, "Other");
    assert_eq!(e.doc.path.as_deref(), Some(other.as_path()));
    assert!(!e.doc.is_dirty());
}

#[test]
fn open_with_unsaved_changes_and_save_first_saves_then_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mine = saved_draft(dir.path(), "mine.ron", "Old");
    let other = saved_draft(dir.path(), "other.ron", "Other");
    let (mut e, _) = editor();
    e.run_command(Command::OpenPath(mine.clone()));
    e.doc.apply(|d| d.headline = "New".into());
    e.run_command(Command::OpenPath(other.clone()));
    e.run_command(Command::Answer(Answer::SaveFirst));
    assert_eq!(draft_file::load(&mine).unwrap().headline, "New");
    assert_eq!(e.doc.draft.headline, "Other");
}

#[test]
fn an_answer_the_prompt_does_not_take_leaves_it_open() {
    let (mut e, _) = editor();
    e.doc.apply(|d| d.headline = "Mine".into());
    e.run_command(Command::New);
    e.run_command(Command::Answer(Answer::ExportAnyway));
    assert!(matches!(e.prompt, Some(Prompt::Unsaved(Then::New))));
    assert_eq!(e.doc.draft.headline, "Mine");
}

#[test]
fn save_as_adds_the_extension_and_makes_it_the_documents_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut e, dialogs) = editor();
    e.doc.apply(|d| d.headline = "Saved".into());
    dialogs.answer(Pick::Path(dir.path().join("q3")));
    e.run_command(Command::SaveAs);
    let p = dir.path().join("q3.ron");
    assert_eq!(draft_file::load(&p).unwrap().headline, "Saved");
    assert_eq!(e.doc.path.as_deref(), Some(p.as_path()));
    assert!(!e.doc.is_dirty());
    assert_eq!(e.prefs.recent.len(), 1);
}

#[test]
fn without_a_dialog_the_browser_proposes_a_name_and_takes_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut e, dialogs) = editor();
    e.doc.apply(|d| d.headline = "Q3 2026 Results".into());
    dialogs.answer(Pick::Unavailable);
    e.run_command(Command::Save);
    let Some(Prompt::Browse { browser, .. }) = &e.prompt else {
        panic!("a browser: {:?}", e.prompt)
    };
    assert_eq!(
        browser.name, "q3-2026-results.ron",
        "named from the headline"
    );
    // An empty name is not taken.
    e.run_command(Command::Answer(Answer::TypePath(String::new())));
    e.run_command(Command::Answer(Answer::ConfirmPath));
    assert!(matches!(&e.prompt, Some(Prompt::Browse { browser, .. }) if browser.problem.is_some()));
    e.run_command(Command::Answer(Answer::BrowseTo(dir.path().to_path_buf())));
    e.run_command(Command::Answer(Answer::TypePath("typed".into())));
    e.run_command(Command::Answer(Answer::ConfirmPath));
    assert!(e.prompt.is_none());
    assert!(dir.path().join("typed.ron").is_file());
    assert_eq!(
        e.doc.path.as_deref(),
        Some(dir.path().join("typed.ron").as_path())
    );
}

#[test]
fn export_asks_the_style_then_about_errors_and_exports_only_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let (mut e, dialogs) = editor();
    // An empty draft has errors (no headline, no dateline, no contact).
    e.run_command(Command::Export);
    assert_eq!(
        e.prompt,
        Some(Prompt::ExportAs(ExportStyle::EdgarText)),
        "the draft's style first"
    );
    e.run_command(Command::Answer(Answer::ExportInStyle));
    assert!(matches!(e.prompt, Some(Prompt::ExportWithErrors(n, ExportStyle::EdgarText)) if n > 0));
    assert!(dialogs.asked().is_empty());
    e.run_command(Command::Answer(Answer::Dismiss));
    assert!(dialogs.asked().is_empty(), "cancel exports nothing");

    let out = dir.path().join("release.txt");
    dialogs.answer(Pick::Path(out.clone()));
    e.run_command(Command::Export);
    e.run_command(Command::Answer(Answer::ExportInStyle));
    e.run_command(Command::Answer(Answer::ExportAnyway));
    assert_eq!(
        dialogs.asked(),
        vec![Purpose::Export(ExportStyle::EdgarText)]
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, e.preview_text());
    assert!(e.status.starts_with("Exported"), "{}", e.status);
}

#[test]
fn exporting_in_another_style_leaves_the_draft_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let (mut e, dialogs) = editor();
    e.doc.apply(|d| d.headline = "Acme Opens Plant".into());
    let revision = e.doc.revision();
    let out = dir.path().join("wire.txt");
    dialogs.answer(Pick::Path(out.clone()));
    e.run_command(Command::Export);
    e.run_command(Command::Answer(Answer::ExportStyle(
        ExportStyle::NewswireText,
    )));
    e.run_command(Command::Answer(Answer::ExportInStyle));
    e.run_command(Command::Answer(Answer::ExportAnyway));
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written,
        crate::core::render::render_as(&e.doc.draft, Style::Newswire).text
    );
    assert_eq!(e.doc.draft.export.style, Style::Edgar);
    assert_eq!(e.doc.revision(), revision, "not an edit");
    // An EDGAR HTML exhibit and a Word document from the same draft.
    for (style, name) in [
        (ExportStyle::EdgarHtml, "ex99.htm"),
        (ExportStyle::Docx, "counsel.docx"),
    ] {
        let out = dir.path().join(name);
        dialogs.answer(Pick::Path(out.clone()));
        e.run_command(Command::Export);
        e.run_command(Command::Answer(Answer::ExportStyle(style)));
        e.run_command(Command::Answer(Answer::ExportInStyle));
        e.run_command(Command::Answer(Answer::ExportAnyway));
        let bytes = std::fs::read(&out).unwrap();
        let expected = export::export(&e.doc.draft, style, &ExportOptions::default()).unwrap();
        if style == ExportStyle::EdgarHtml {
            assert_eq!(bytes, expected.main);
            assert!(String::from_utf8_lossy(&bytes).contains("Acme Opens Plant"));
        } else {
            assert_eq!(&bytes[..2], b"PK", "a zip: {}", e.status);
        }
    }
    assert_eq!(e.doc.revision(), revision, "still not an edit");
    // Changing the draft's own style is an edit, undoable.
    e.run_command(Command::SetStyle(ExportStyle::NewswireText));
    assert_eq!(e.doc.draft.export.style, Style::Newswire);
    e.run_command(Command::Undo);
    assert_eq!(e.doc.draft.export.style, Style::Edgar);
    // A document style is the draft's own too: Export and the command line start from it.
    e.run_command(Command::SetStyle(ExportStyle::EdgarHtml));
    assert_eq!(ExportStyle::of_draft(&e.doc.draft), ExportStyle::EdgarHtml);
    e.run_command(Command::Export);
    assert_eq!(e.prompt, Some(Prompt::ExportAs(ExportStyle::EdgarHtml)));
    e.run_command(Command::Answer(Answer::Dismiss));
    // Word keeps the draft's text layout; back to text gives it again.
    e.run_command(Command::SetStyle(ExportStyle::Docx));
    assert_eq!(e.doc.draft.export.style, Style::Edgar);
    e.run_command(Command::SetStyle(ExportStyle::EdgarText));
    assert_eq!(
        e.doc.draft.export.format,
        crate::core::draft::FileFormat::Text
    );
}

#[test]
fn apply_profile_asks_before_replacing_text_and_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(dir.path().to_path_buf());
    let mut profile = Profile {
        name: "Acme".into(),
        ..Profile::default()
    };
    profile.company.name = "Acme Corp.".into();
    profile.boilerplate = vec![About {
        text: "Acme makes anvils.".into(),
        ..About::default()
    }];
    store.save("acme", &profile).unwrap();
    let (e, _) = editor();
    let mut e = e.with_profiles(store);
    assert_eq!(e.profile_names, vec![("acme".into(), "Acme".into())]);

    e.doc
        .apply(|d| d.boilerplate[0].text = "Our own words.".into());
    e.run_command(Command::ApplyProfile("acme".into()));
    assert!(matches!(
        &e.prompt,
        Some(Prompt::ConfirmApply { replaces, .. })
            if replaces.iter().any(|r| r.field == ProfileField::Boilerplate)
    ));
    e.run_command(Command::Answer(Answer::ApplyProfile));
    assert_eq!(e.doc.draft.company.name, "Acme Corp.");
    assert_eq!(e.doc.draft.boilerplate[0].text, "Acme makes anvils.");
    assert!(
        e.doc.draft.boilerplate[0].id.0 != 0,
        "the section got an id"
    );
    e.run_command(Command::Undo);
    assert_eq!(e.doc.draft.boilerplate[0].text, "Our own words.");
    assert_eq!(e.doc.draft.company.name, "");
}

#[test]
fn blocks_added_by_command_get_fresh_ids_and_keep_them_through_moves_and_undo() {
    let (mut e, _) = editor();
    e.run_command(Command::AddBlock(BlockKind::Quote));
    e.run_command(Command::AddBlock(BlockKind::Heading));
    let ids: Vec<_> = e.doc.draft.body.iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2]);
    e.run_command(Command::MoveBlock(2, crate::shell::commands::Move::Up));
    assert_eq!(e.doc.draft.body[1].id, ids[2]);
    assert!(matches!(e.doc.draft.body[1].block, Block::Heading(_)));
    e.run_command(Command::Undo);
    assert_eq!(
        e.doc.draft.body.iter().map(|b| b.id).collect::<Vec<_>>(),
        ids
    );
}

#[test]
fn quit_closes_only_once_unsaved_changes_are_dealt_with() {
    let (mut e, _) = editor();
    assert!(e.close_requested(), "nothing to save");
    e.doc.apply(|d| d.headline = "Mine".into());
    assert!(!e.close_requested());
    assert!(matches!(e.prompt, Some(Prompt::Unsaved(Then::Quit))));
    e.run_command(Command::Answer(Answer::DiscardChanges));
    assert_eq!(e.take_effects(), vec![Effect::Close]);
    assert!(e.close_requested(), "the user chose to quit");
}

#[test]
fn the_recovery_copy_waits_for_a_pause_and_goes_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let (e, _) = editor();
    let mut e = e.with_recovery(store.clone());
    e.doc.apply(|d| d.headline = "Unsaved".into());
    let wait = e.autosave(10.0, false).expect("a wake-up is asked for");
    assert!((wait - AUTOSAVE_SECONDS).abs() < 1e-9);
    assert!(store.list().0.is_empty(), "not at once");
    assert_eq!(e.autosave(10.0 + AUTOSAVE_SECONDS, false), None);
    assert_eq!(store.list().0.len(), 1);

    e.doc.save_to(&dir.path().join("d.ron")).unwrap();
    e.autosave(20.0, false);
    assert!(store.list().0.is_empty(), "saved: the copy goes");
}

#[test]
fn the_draft_at_launch_starts_as_file_new_does_dated_and_from_the_default_profile() {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(dir.path().to_path_buf());
    let mut profile = Profile {
        name: "Acme".into(),
        ..Profile::default()
    };
    profile.company.name = "Acme Corp.".into();
    profile.contacts = vec![Contact {
        name: "Dana Reyes".into(),
        ..Contact::default()
    }];
    store.save("acme", &profile).unwrap();
    store.set_default(Some("acme")).unwrap();
    let (e, _) = editor();
    let e = e.with_profiles(store).launch(None);
    assert_eq!(e.doc.draft.company.name, "Acme Corp.");
    assert_eq!(e.doc.draft.contacts[0].name, "Dana Reyes");
    assert_eq!(
        e.doc.draft.dateline.date,
        Some(chrono::Local::now().date_naive())
    );
    assert!(!e.doc.is_dirty(), "nothing typed yet: closing asks nothing");
    assert_eq!(e.jump, Some(FieldRef::Headline));
}

#[test]
fn a_template_starts_unsaved_with_its_embargo_in_the_future() {
    use crate::core::draft::Timing;
    let (mut e, _) = editor();
    e.run_command(Command::NewFromTemplate);
    let k = e.templates.iter().position(|t| t.id == "earnings").unwrap();
    e.run_command(Command::Answer(Answer::ShowTemplate(k)));
    e.run_command(Command::Answer(Answer::CreateFromTemplate));
    assert!(e.doc.is_dirty());
    let today = chrono::Local::now().date_naive();
    let Timing::Embargoed { date, .. } = e.doc.draft.release.timing else {
        panic!("embargoed")
    };
    assert!(date > today);
}

#[test]
fn apply_profile_can_keep_the_drafts_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(dir.path().to_path_buf());
    let profile = Profile {
        name: "Acme".into(),
        contacts: vec![Contact {
            name: "Dana Reyes".into(),
            ..Contact::default()
        }],
        ..Profile::default()
    };
    store.save("acme", &profile).unwrap();
    let (e, _) = editor();
    let mut e = e.with_profiles(store);
    e.doc.apply(|d| {
        d.contacts[0].name = "Jane Roe".into();
        d.add_contact(Contact {
            name: "Sam Lee".into(),
            role: "Media Contact".into(),
            ..Contact::default()
        });
    });
    e.run_command(Command::ApplyProfile("acme".into()));
    let Some(Prompt::ConfirmApply { replaces, .. }) = &e.prompt else {
        panic!("asks first: {:?}", e.prompt)
    };
    let contacts = replaces
        .iter()
        .find(|r| r.field == ProfileField::Contacts)
        .unwrap();
    assert_eq!(contacts.what, "Jane Roe, Sam Lee (Media Contact)");
    e.run_command(Command::Answer(Answer::KeepContacts(true)));
    e.run_command(Command::Answer(Answer::ApplyProfile));
    let names: Vec<&str> = e
        .doc
        .draft
        .contacts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Jane Roe", "Sam Lee"]);
}

#[test]
fn opening_a_text_release_offers_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("q3.txt");
    std::fs::write(
        &release,
        "Acme Opens Plant\n\nDAYTON, Ohio, March 2, 2026 -- Acme opened a plant.\n",
    )
    .unwrap();
    let (mut e, _) = editor();
    e.run_command(Command::OpenPath(release.clone()));
    assert_eq!(e.prompt, Some(Prompt::ImportInstead(release.clone())));
    e.run_command(Command::Answer(Answer::ImportRelease));
    assert_eq!(e.doc.draft.headline, "Acme Opens Plant");
    assert!(e.doc.path.is_none(), "imported as a new, unsaved draft");
    // A text release under another name is recognised by what it holds.
    let other = dir.path().join("q3.release");
    std::fs::copy(&release, &other).unwrap();
    let (mut e, _) = editor();
    e.run_command(Command::OpenPath(other.clone()));
    assert_eq!(e.prompt, Some(Prompt::ImportInstead(other)));
}

#[test]
fn a_restored_draft_still_notices_a_change_made_on_disk_after_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let q3 = saved_draft(dir.path(), "q3.ron", "Before");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let (e, _) = editor();
    let mut e = e.with_recovery(store.clone());
    e.run_command(Command::OpenPath(q3.clone()));
    e.doc
        .apply(|d| d.headline = "Typed before the crash".into());
    e.autosave(0.0, true); // the window lost focus: the copy is written at once
    drop(e); // kill -9
    // A colleague changes the file; then the next start restores the copy.
    std::fs::write(&q3, "(headline: \"Colleague's edit\")").unwrap();
    let (e, _) = editor();
    let mut e = e.with_recovery(store);
    assert_eq!(e.prompt, Some(Prompt::Recover));
    e.run_command(Command::Answer(Answer::Restore(0)));
    assert_eq!(e.doc.draft.headline, "Typed before the crash");
    e.run_command(Command::Save);
    assert!(
        matches!(e.prompt, Some(Prompt::ChangedOnDisk(_))),
        "asks before overwriting: {:?}",
        e.prompt
    );
    assert_eq!(draft_file::load(&q3).unwrap().headline, "Colleague's edit");
}

#[test]
fn unknown_fields_are_reported_on_open_and_saving_asks_before_dropping_them() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.ron");
    std::fs::write(&p, "(\n    version: 2,\n    headlne: \"Typo\",\n)\n").unwrap();
    let (mut e, _) = editor();
    e.run_command(Command::OpenPath(p.clone()));
    let Some(Prompt::UnknownFields(fields)) = &e.prompt else {
        panic!("reported: {:?}", e.prompt)
    };
    assert!(
        fields[0].contains("line 3") && fields[0].contains("headlne"),
        "{fields:?}"
    );
    e.run_command(Command::Answer(Answer::Dismiss));
    e.doc.apply(|d| d.headline = "Fixed".into());
    e.run_command(Command::Save);
    assert!(matches!(e.prompt, Some(Prompt::DropUnknown(None))));
    assert!(
        std::fs::read_to_string(&p).unwrap().contains("headlne"),
        "not yet"
    );
    e.run_command(Command::Answer(Answer::SaveAnyway));
    assert!(e.prompt.is_none());
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(!text.contains("headlne") && text.contains("Fixed"));
}

#[test]
fn a_recovery_copy_that_cannot_be_written_says_where_until_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("recovery");
    std::fs::write(&blocked, "a file where the folder should be").unwrap();
    let (e, _) = editor();
    let mut e = e.with_recovery(RecoveryStore::new(blocked.clone()));
    e.doc.apply(|d| d.headline = "Unsaved".into());
    e.autosave(0.0, true);
    let failure = e.recovery_failure().expect("the failure is kept");
    assert!(
        failure.contains(&blocked.display().to_string()),
        "{failure}"
    );
    std::fs::remove_file(&blocked).unwrap();
    e.doc.apply(|d| d.headline = "Unsaved, again".into());
    e.autosave(10.0, true);
    assert_eq!(e.recovery_failure(), None, "it works again");
}

#[test]
fn a_save_over_the_size_limit_is_refused_and_the_draft_stays_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.ron");
    let (mut e, dialogs) = editor();
    e.doc.apply(|d| {
        d.set_body([Block::Paragraph(
            "x".repeat(draft_file::MAX_FILE_BYTES as usize),
        )])
    });
    dialogs.answer(Pick::Path(p.clone()));
    e.run_command(Command::Save);
    let Some(Prompt::Error(message)) = &e.prompt else {
        panic!("refused: {:?}", e.prompt)
    };
    assert!(
        message.contains("MiB") && message.contains("still open and unsaved"),
        "{message}"
    );
    assert!(!p.exists());
    assert!(e.doc.is_dirty());
}

#[test]
fn copy_as_formatted_text_puts_html_and_its_plain_text_on_the_clipboard() {
    let (mut e, _) = editor();
    e.doc.apply(|d| {
        d.headline = "Acme Opens Plant".into();
        d.set_body([Block::Paragraph("Acme opened a plant in Dayton.".into())]);
    });
    e.run_command(Command::CopyFormatted);
    let effects = e.take_effects();
    let [Effect::CopyFormatted { html, text }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(html.contains("<h1>Acme Opens Plant</h1>"), "{html}");
    assert!(
        !html.contains("<html"),
        "a fragment, to paste into a message"
    );
    assert!(html.contains("Acme opened a plant in Dayton."));
    assert_eq!(text, &crate::core::render::render(&e.doc.draft).text);
}

// Spelling (issue 16).

#[test]
fn replacing_a_word_in_a_list_shown_one_item_a_line_changes_that_item() {
    let (mut e, _) = editor();
    e.doc.apply(|d| {
        d.body = vec![crate::core::draft::BodyBlock::new(Block::Bullets(vec![
            "Frist point".into(),
            "Secnd point".into(),
        ]))];
        d.assign_ids();
    });
    let field = FieldRef::Body(e.doc.draft.body[0].id);
    let shown = "Frist point\nSecnd point".to_string();
    e.run_command(Command::ReplaceWord {
        field,
        text: shown,
        range: 12..17,
        with: "Second".into(),
    });
    let Block::Bullets(items) = &e.doc.draft.body[0].block else {
        panic!("bullets")
    };
    assert_eq!(items, &["Frist point", "Second point"]);
    e.run_command(Command::Undo);
    let Block::Bullets(items) = &e.doc.draft.body[0].block else {
        panic!("bullets")
    };
    assert_eq!(items[1], "Secnd point");
}

#[test]
fn a_replacement_for_text_that_changed_since_is_not_made() {
    let (mut e, _) = editor();
    e.doc.apply(|d| d.headline = "Teh news".into());
    e.run_command(Command::ReplaceWord {
        field: FieldRef::Headline,
        text: "Teh old news".into(),
        range: 0..3,
        with: "The".into(),
    });
    assert_eq!(e.doc.draft.headline, "Teh news");
    e.run_command(Command::ReplaceWord {
        field: FieldRef::Headline,
        text: "Teh news".into(),
        range: 0..3,
        with: "The".into(),
    });
    assert_eq!(e.doc.draft.headline, "The news");
}

#[test]
fn ignored_words_and_the_draft_s_language_are_undoable_edits_kept_in_the_draft() {
    let (mut e, _) = editor();
    e.doc.apply(|d| d.headline = "Zorbex ships".into());
    e.refresh_preview();
    let spelling = |e: &Editor| {
        e.preview
            .findings
            .iter()
            .filter(|f| f.rule == "spelling")
            .count()
    };
    assert_eq!(spelling(&e), 1);
    e.run_command(Command::IgnoreWord("Zorbex".into()));
    e.run_command(Command::IgnoreWord("Zorbex".into()));
    assert_eq!(e.doc.draft.spelling.ignored, ["Zorbex"]);
    e.refresh_preview();
    assert_eq!(spelling(&e), 0);
    let text = draft_file::to_ron(&e.doc.draft);
    assert!(
        text.contains("ignored: [") && text.contains("\"Zorbex\""),
        "{text}"
    );
    e.run_command(Command::Undo);
    e.refresh_preview();
    assert_eq!(spelling(&e), 1);
    // A language with no dictionary is reported, and nothing is marked.
    e.run_command(Command::SetDraftDictionary(Some("xx_NONE".into())));
    e.refresh_preview();
    assert_eq!(spelling(&e), 0);
    assert!(e.status.contains("xx_NONE"), "{}", e.status);
    e.run_command(Command::Undo);
    e.refresh_preview();
    assert_eq!(e.doc.draft.spelling.language, None);
    assert_eq!(spelling(&e), 1);
}
