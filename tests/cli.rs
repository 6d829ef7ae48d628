//! The command line as a script would use it: exit statuses, standard output, errors.

mod common;
use std::path::Path;

use pressroom::core::draft::{Block, Contact, Draft};

use common::{acme_profile, assert_ok, example, pressroom, pressroom_at, write_draft};

#[test]
fn export_writes_to_stdout_in_the_saved_style() {
    let out = pressroom()
        .args(["export"])
        .arg(example("earnings-embargoed.ron"))
        .output()
        .unwrap();
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("N E W S   R E L E A S E"),
        "saved style is EDGAR"
    );
    assert!(text.contains("<PAGE>") || !text.contains("-more-"));
}

#[test]
fn export_style_flag_overrides_and_output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    let status = pressroom()
        .args(["export", "--style", "newswire", "-o"])
        .arg(&target)
        .arg(example("earnings-embargoed.ron"))
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("MADISON, Wis., Feb. 26, 2026 (GLOBE NEWSWIRE) --"),
        "{text}"
    );
}

#[test]
fn unreadable_draft_exits_2_naming_the_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(\n    headline: \"x\",\n    body: [Nope],\n)\n").unwrap();
    let out = pressroom().arg("export").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron:3:"), "{err}");
    let missing = pressroom()
        .args(["export", "no-such-draft.ron"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-draft.ron"));
}

#[test]
fn an_unwritable_output_exits_1() {
    let out = pressroom()
        .args(["export", "-o", "/nonexistent-folder/out.txt"])
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-folder/out.txt"));
}

#[test]
fn help_documents_every_subcommand() {
    let out = pressroom().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("export"), "{help}");
    assert!(help.contains("Exit status"));
    let out = pressroom().args(["export", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--style") && help.contains("edgar") && help.contains("newswire"));
}

#[test]
fn edgar_export_reports_characters_it_cannot_print() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("cjk.ron");
    std::fs::write(&d, "(headline: \"Listed in 東京\")").unwrap();
    let out = pressroom()
        .args(["export", "--style", "edgar"])
        .arg(&d)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_ascii());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cjk.ron") && err.contains("U+6771"), "{err}");
}

#[test]
fn check_prints_one_finding_a_line_and_exits_1_on_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("web-email.ron");
    std::fs::write(
        &d,
        r#"(contacts: [(name: "JoAnn", phone: "877-310-0717", email: "www.example.com")], headline: "Plant Closes")"#,
    )
    .unwrap();
    let out = pressroom()
        .args(["check", "--today", "2026-03-02"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("contact-bad-email"))
        .expect("email finding");
    assert!(
        line.starts_with(&format!("{}: error contact-bad-email: ", d.display())),
        "{line}"
    );
}

#[test]
fn check_json_and_a_clean_example_exit_0() {
    let out = pressroom()
        .args(["check", "--today", "2026-03-16", "--format", "json"])
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0);
    assert_eq!(report["today"], "2026-03-16");
    assert!(report["findings"].is_array());
}

#[test]
fn check_pins_today_for_date_rules() {
    let late = pressroom()
        .args(["check", "--today", "2026-06-01"])
        .arg(example("earnings-embargoed.ron"))
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(1), "the embargo is past by June");
    assert!(String::from_utf8_lossy(&late.stdout).contains("embargo-past"));
    let bad_date = pressroom()
        .args(["check", "--today", "yesterday"])
        .arg(example("earnings-embargoed.ron"))
        .output()
        .unwrap();
    assert_eq!(bad_date.status.code(), Some(2));
}

#[test]
fn check_of_an_unreadable_draft_exits_2() {
    let out = pressroom().args(["check", "missing.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.ron"));
}

#[test]
fn templates_lists_at_least_eight_with_placeholders() {
    let home = tempfile::tempdir().unwrap();
    let out = pressroom_at(home.path()).arg("templates").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for id in [
        "earnings",
        "earnings-call",
        "restructuring",
        "appointment",
        "dividend",
        "merger",
        "buyback",
        "product",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{text}"
        );
    }
    assert!(text.contains("placeholders: [COMPANY]"));
}

#[test]
fn new_writes_a_draft_that_loads_back_with_the_default_profile_filled_in() {
    let home = tempfile::tempdir().unwrap();
    let profiles = home.path().join(".config/pressroom/profiles");
    let store = pressroom::core::profiles::ProfileStore::new(profiles);
    store.save("acme", &acme_profile()).unwrap();
    store.set_default(Some("acme")).unwrap();
    let target = home.path().join("q3.ron");
    let out = pressroom_at(home.path())
        .args(["new", "--template", "earnings", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_ok(&out);
    let d = pressroom::core::draft_file::load(&target).unwrap();
    assert_eq!(
        d.headline,
        "Acme Widget Corporation Reports [QUARTER] [YEAR] Results".replace(
            "[YEAR]",
            &chrono::Datelike::year(&chrono::Local::now().date_naive()).to_string()
        )
    );
    let again = pressroom_at(home.path())
        .args(["new", "--template", "earnings", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "never overwrites");
    let unknown = pressroom_at(home.path())
        .args(["new", "--template", "nope", "-o"])
        .arg(home.path().join("x.ron"))
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("earnings"),
        "lists the real ones"
    );
}

#[test]
fn a_broken_user_template_is_reported_and_the_rest_still_load() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/pressroom/templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.ron"), "(headline: ").unwrap();
    let out = pressroom_at(home.path()).arg("templates").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.ron"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("dividend"));
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn a_release_text(dir: &Path, name: &str) -> std::path::PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/releases/citydash-edgar.txt");
    let p = dir.join(name);
    std::fs::copy(src, &p).unwrap();
    p
}

// Item 1: `-o` never replaces what is not a regular file, and writes through links.

#[cfg(unix)]
#[test]
fn export_through_a_symlink_updates_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    std::fs::write(&real, "an earlier export").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = pressroom()
        .args(["export", "-o"])
        .arg(&link)
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("Bellwether Foods Names Maria Okafor"),
        "the file it points to has the export"
    );
}

#[cfg(unix)]
#[test]
fn export_refuses_to_replace_a_fifo_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    common::mkfifo(&fifo);
    let out = common::output_within(
        pressroom()
            .args(["export", "-o"])
            .arg(&fifo)
            .arg(example("appointment-short.ron")),
        20,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("pipe.txt"), "{}", stderr_of(&out));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    if !common::is_root() {
        eprintln!("skipped the device part: only root can make a device node");
        return;
    }
    // A private copy of /dev/null (character device 1, 3): the real one is never a target.
    let null = dir.path().join("null");
    let c = std::ffi::CString::new(null.to_str().unwrap()).unwrap();
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    if made != 0 {
        eprintln!("skipped the device part: mknod is not allowed here");
        return;
    }
    let out = pressroom()
        .args(["export", "-o"])
        .arg(&null)
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("device"), "{}", stderr_of(&out));
    assert!(
        std::fs::metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn dash_as_output_means_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = pressroom()
        .current_dir(dir.path())
        .args(["export", "-o", "-"])
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bellwether Foods Names"));
    assert!(!dir.path().join("-").exists(), "no file named '-'");
    let release = a_release_text(dir.path(), "old.txt");
    let out = pressroom()
        .current_dir(dir.path())
        .args(["import", "-o", "-"])
        .arg(&release)
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("headline:"));
    assert!(!dir.path().join("-").exists(), "no file named '-'");
}

// Item 2: the output is never the input; drafts are not overwritten without --force.

#[test]
fn export_refuses_to_write_over_its_input_however_it_is_spelt() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let draft = dir.path().join("same.ron");
    std::fs::copy(example("appointment-short.ron"), &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    for out_path in [
        draft.clone(),
        dir.path().join("sub/../same.ron"),
        dir.path().join("./same.ron"),
    ] {
        let out = pressroom()
            .args(["export", "-o"])
            .arg(&out_path)
            .arg(&draft)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{out_path:?}: {}",
            stderr_of(&out)
        );
        assert!(stderr_of(&out).contains("input"), "{}", stderr_of(&out));
        assert_eq!(std::fs::read(&draft).unwrap(), before, "{out_path:?}");
    }
    // Relative spelling from another working folder.
    let out = pressroom()
        .current_dir(dir.path().join("sub"))
        .args(["export", "../same.ron", "-o"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}

#[test]
fn import_refuses_to_write_over_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let release = a_release_text(dir.path(), "rel.txt");
    let before = std::fs::read(&release).unwrap();
    let out = pressroom()
        .current_dir(dir.path())
        .args(["import", "rel.txt", "-o", "./rel.txt", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("input"), "{}", stderr_of(&out));
    assert_eq!(std::fs::read(&release).unwrap(), before);
}

#[test]
fn import_refuses_an_existing_draft_unless_forced_and_then_keeps_its_bak() {
    let dir = tempfile::tempdir().unwrap();
    let release = a_release_text(dir.path(), "old.txt");
    let q3 = dir.path().join("q3.ron");
    std::fs::copy(example("appointment-short.ron"), &q3).unwrap();
    let before = std::fs::read(&q3).unwrap();
    let out = pressroom()
        .args(["import"])
        .arg(&release)
        .arg("-o")
        .arg(&q3)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("--force"), "{}", stderr_of(&out));
    assert_eq!(std::fs::read(&q3).unwrap(), before, "not overwritten");
    let out = pressroom()
        .args(["import", "--force"])
        .arg(&release)
        .arg("-o")
        .arg(&q3)
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(
        pressroom::core::draft_file::load(&q3)
            .unwrap()
            .company
            .ticker,
        "GPKB"
    );
    assert_eq!(
        std::fs::read(dir.path().join("q3.ron.bak")).unwrap(),
        before
    );
}

#[test]
fn new_with_force_replaces_a_draft_and_keeps_its_bak() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("q3.ron");
    std::fs::copy(example("appointment-short.ron"), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    let out = pressroom_at(home.path())
        .args(["new", "--template", "dividend", "--force", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(
        pressroom::core::draft_file::load(&target)
            .unwrap()
            .headline
            .contains("Dividend")
    );
    assert_eq!(
        std::fs::read(home.path().join("q3.ron.bak")).unwrap(),
        before
    );
}

// Item 9: what `check` prints never carries terminal escape sequences.

#[test]
fn check_escapes_control_characters_in_what_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let d = Draft {
        headline: "Plant Closes".into(),
        contacts: vec![Contact {
            name: "Jo\u{1b}[2J".into(),
            phone: "877-310-0717".into(),
            email: "\u{1b}]0;PWNED\u{7}".into(),
            ..Contact::default()
        }],
        ..Draft::default()
    };
    let p = write_draft(dir.path(), "esc\u{1b}[31m.ron", &d);
    let out = pressroom()
        .args(["check", "--today", "2026-03-02"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(
            !bytes.iter().any(|b| *b == 0x1b || *b == 0x07),
            "{what} holds raw control characters: {}",
            String::from_utf8_lossy(bytes)
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\\u{1b}]0;PWNED\\u{7}"), "{text}");
    assert!(text.contains("esc\\u{1b}[31m.ron"), "{text}");
    // JSON escapes them its own way, as before.
    let out = pressroom()
        .args(["check", "--format", "json", "--today", "2026-03-02"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["findings"].to_string().contains("PWNED"));
}

// Item 10: messages meant for users.

#[test]
fn a_deeply_nested_draft_gets_a_message_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("deep.ron");
    std::fs::write(
        &p,
        format!("(body: {}{})", "[".repeat(500), "]".repeat(500)),
    )
    .unwrap();
    let out = pressroom().arg("export").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("deep.ron") && err.contains("nested"), "{err}");
    assert!(
        !err.contains("recursion_limit") && !err.contains("serde_stacker"),
        "{err}"
    );
}

#[test]
fn a_text_release_given_as_a_draft_says_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    let release = a_release_text(dir.path(), "rel.txt");
    for sub in ["export", "check"] {
        let out = pressroom().arg(sub).arg(&release).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        assert!(err.contains("rel.txt"), "{err}");
        assert!(err.contains("not a Pressroom draft"), "{err}");
        assert!(err.contains("pressroom import"), "{err}");
        assert!(!err.contains("Probe"), "{err}");
    }
}

#[test]
fn a_write_error_names_the_target_not_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder/out.txt");
    let out = pressroom()
        .args(["export", "-o"])
        .arg(&target)
        .arg(example("appointment-short.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("missing-folder/out.txt"), "{err}");
    assert!(
        !err.contains(".pressroom-") && !err.contains("at path"),
        "{err}"
    );
}

#[test]
fn a_release_opening_with_a_parenthesis_is_imported_not_refused_as_ron() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("updated.txt");
    std::fs::write(
        &p,
        "(Updated) Acme Ships Widget OS version: 2.0\n\nDAYTON, Ohio, March 2, 2026 -- Acme \
         Widget Corporation today shipped version: 2.0 of its widget software.\n\n###\n",
    )
    .unwrap();
    let out = pressroom().arg("import").arg(&p).output().unwrap();
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Acme Ships Widget"));
}

#[test]
fn a_draft_with_a_byte_order_mark_opens() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bom.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(example("appointment-short.ron")).unwrap());
    std::fs::write(&p, bytes).unwrap();
    let out = pressroom().arg("export").arg(&p).output().unwrap();
    assert_ok(&out);
}

// Item 11: broken outputs.

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_error_is_a_failure_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    let out = pressroom()
        .args(["export", "no-such-draft.ron"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "not a panic (101)");
}

#[cfg(target_os = "linux")]
#[test]
fn help_to_a_full_disk_is_a_failure() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    let status = pressroom().arg("--help").stdout(full).status().unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let mut d = Draft {
        headline: "Long".into(),
        ..Draft::default()
    };
    d.set_body(
        (0..20_000)
            .map(|i| Block::Paragraph(format!("Paragraph {i} says something worth reading."))),
    );
    let p = write_draft(dir.path(), "long.ron", &d);
    let mut child = pressroom()
        .args(["export", "--style", "newswire"])
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap(); // it is writing; now close the pipe, as `head` does
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert!(err.is_empty(), "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        let by_sigpipe = out.status.signal() == Some(libc::SIGPIPE);
        assert!(out.status.success() || by_sigpipe, "{:?}", out.status);
    }
    #[cfg(not(unix))]
    assert!(out.status.success());
}

// Item 13: control characters are reported, not dropped without a word.

#[test]
fn control_characters_are_reported_by_import_export_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ctl.txt");
    std::fs::write(
        &p,
        "Acme Ships\u{7} Widget\n\nDAYTON, Ohio, March 2, 2026 -- Acme today shipped\u{1b}[2J it.\n\n###\n",
    )
    .unwrap();
    let out = pressroom().arg("import").arg(&p).output().unwrap();
    assert_ok(&out);
    let err = stderr_of(&out);
    assert!(err.contains("U+0007") && err.contains("U+001B"), "{err}");
    assert!(err.contains("line 1") && err.contains("line 3"), "{err}");

    let d = Draft {
        headline: "Acme Ships\u{7} Widget".into(),
        ..Draft::default()
    };
    let draft = write_draft(dir.path(), "ctl.ron", &d);
    let out = pressroom().arg("export").arg(&draft).output().unwrap();
    assert_ok(&out);
    let err = stderr_of(&out);
    assert!(err.contains("headline") && err.contains("U+0007"), "{err}");
    let out = pressroom()
        .args(["check", "--today", "2026-03-02"])
        .arg(&draft)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.contains("warning control-characters") && l.contains("[headline]")),
        "{text}"
    );
}

// Item 5 on the command line: ignored fields are reported with file, line and name.

#[test]
fn unknown_fields_are_reported_with_file_line_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.ron");
    std::fs::write(
        &p,
        "(\n    version: 1,\n    headlne: \"Misspelt\",\n    contacts: [(name: \"Jo\", emial: \"jo@acme.example\")],\n)\n",
    )
    .unwrap();
    let out = pressroom().arg("export").arg(&p).output().unwrap();
    assert_ok(&out);
    let err = stderr_of(&out);
    assert!(
        err.contains("typo.ron:3") && err.contains("headlne"),
        "{err}"
    );
    assert!(err.contains("typo.ron:4") && err.contains("emial"), "{err}");
}

#[test]
fn export_writes_every_style_and_binary_or_logo_outputs_need_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let draft = example("earnings-embargoed.ron");
    // EDGAR HTML and wire HTML are text: standard output is fine.
    for (style, marker) in [("edgar-html", "<html>"), ("newswire-html", "<h1>")] {
        let out = pressroom()
            .args(["export", "--style", style])
            .arg(&draft)
            .output()
            .unwrap();
        assert_ok(&out);
        let html = String::from_utf8(out.stdout).unwrap();
        assert!(html.to_lowercase().contains(marker), "{style}: {html}");
    }
    let out = pressroom()
        .args(["export", "--style", "newswire-html", "--fragment"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("<html"));
    // Word is refused on a terminal, written with -o.
    let out = pressroom()
        .args(["export", "--style", "docx"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr_of(&out).contains("-o"), "{}", stderr_of(&out));
    let docx = dir.path().join("counsel.docx");
    let out = pressroom()
        .args(["export", "--style", "docx", "-o"])
        .arg(&docx)
        .arg(&draft)
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(&std::fs::read(&docx).unwrap()[..2], b"PK");
}

#[test]
fn check_explains_a_rule_and_names_the_rules_when_asked_for_one_that_is_not() {
    let out = pressroom()
        .args(["check", "--explain", "embargo-no-zone"])
        .output()
        .unwrap();
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Why it matters:") && text.contains("time zone"),
        "{text}"
    );
    let out = pressroom()
        .args(["check", "--explain", "no-such-rule"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("placeholder-left"));
}

#[test]
fn check_edgar_html_validates_html_made_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.htm");
    let out = pressroom()
        .args(["export", "--style", "edgar-html", "-o"])
        .arg(&good)
        .arg(example("joint-merger.ron"))
        .output()
        .unwrap();
    assert_ok(&out);
    let out = pressroom()
        .args(["check", "--edgar-html"])
        .arg(&good)
        .output()
        .unwrap();
    assert_ok(&out);
    let bad = dir.path().join("bad.htm");
    std::fs::write(
        &bad,
        "<html><body>\n<p onclick=\"x()\">Hi</p>\n<script>alert(1)</script>\n</body></html>\n",
    )
    .unwrap();
    let out = pressroom()
        .args(["check", "--edgar-html"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("bad.htm:2:") && text.contains("bad.htm:3:"),
        "{text}"
    );
    let out = pressroom()
        .args(["check", "--format", "json", "--edgar-html"])
        .arg(&bad)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["problems"].as_array().unwrap().len() >= 2);
    let out = pressroom()
        .args(["check", "--edgar-html"])
        .arg(dir.path().join("missing.htm"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_dates_the_draft_and_its_embargo_from_today() {
    use pressroom::core::draft::Timing;
    let home = tempfile::tempdir().unwrap();
    let out_path = home.path().join("q3.ron");
    let out = pressroom_at(home.path())
        .args([
            "new",
            "--template",
            "earnings",
            "--today",
            "2026-11-27",
            "-o",
        ])
        .arg(&out_path)
        .output()
        .unwrap();
    assert_ok(&out);
    let d = pressroom::core::draft_file::load(&out_path).unwrap();
    let friday = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(d.dateline.date, Some(friday));
    let Timing::Embargoed { date, .. } = d.release.timing else {
        panic!("embargoed")
    };
    assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let out = pressroom_at(home.path())
        .args(["check", "--today", "2026-11-27"])
        .arg(&out_path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("embargo-past") && !text.contains("dateline-date-far"),
        "{text}"
    );
}

// Spelling (issue 16).

/// A draft with two misspelt words, one of them twice, and words the checker must pass.
fn misspelt_draft(dir: &Path) -> std::path::PathBuf {
    let mut d = Draft {
        headline: "Zentrova Recieves Order".into(),
        ..Draft::default()
    };
    d.company.name = "Zentrova Labs, Inc.".into();
    d.body = vec![pressroom::core::draft::BodyBlock::new(Block::Paragraph(
        "Zentrova (NYSE: ZTRV) will recieve $4.2 million in the 3rd quarter; see www.zentrova.com. Teh order".into(),
    ))];
    write_draft(dir, "spelt.ron", &d)
}

#[test]
fn check_reports_misspelt_words_as_notes_the_same_on_every_machine() {
    let dir = tempfile::tempdir().unwrap();
    let d = misspelt_draft(dir.path());
    let home = tempfile::tempdir().unwrap();
    // A personal word list that would accept "Teh": --no-personal leaves it out.
    let config = home.path().join(".config/pressroom");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("words.txt"), "Teh\n").unwrap();
    let run = |extra: &[&str]| {
        let out = pressroom_at(home.path())
            .args(["check", "--today", "2026-03-02", "--format", "json"])
            .args(extra)
            .arg(&d)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let words: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "spelling")
            .map(|f| {
                assert_eq!(f["severity"], "note");
                format!(
                    "{} {}",
                    f["excerpt"].as_str().unwrap(),
                    f["field"].as_str().unwrap()
                )
            })
            .collect();
        (out.status.code(), words)
    };
    let (_, pinned) = run(&["--dictionary", "en_US", "--no-personal"]);
    assert_eq!(
        pinned,
        [
            "Recieves headline",
            "recieve body block 1",
            "Teh body block 1"
        ]
    );
    let (_, with_personal) = run(&["--dictionary", "en_US"]);
    assert_eq!(with_personal, ["Recieves headline", "recieve body block 1"]);
    let (_, none) = run(&["--no-spelling"]);
    assert!(none.is_empty());
    // Text output: one line a finding, as the other rules.
    let out = pressroom_at(home.path())
        .args([
            "check",
            "--today",
            "2026-03-02",
            "--dictionary",
            "en_US",
            "--no-personal",
        ])
        .arg(&d)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            ": note spelling: \"recieve\" is not in the en_US dictionary. [body block 1]"
        ),
        "{text}"
    );
}

#[test]
fn check_with_an_unknown_dictionary_says_which_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = misspelt_draft(dir.path());
    let out = pressroom()
        .args(["check", "--dictionary", "xx_NONE"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("xx_NONE") && err.contains("en_US"), "{err}");
}

#[test]
fn the_examples_have_no_spelling_findings() {
    for name in [
        "appointment-short.ron",
        "earnings-embargoed.ron",
        "joint-merger.ron",
    ] {
        let out = pressroom()
            .args(["check", "--dictionary", "en_US", "--no-personal"])
            .arg(example(name))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains(" spelling: "), "{name}: {text}");
    }
}
