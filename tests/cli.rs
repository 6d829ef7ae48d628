//! The command line as a script would use it: exit statuses, standard output, errors.

mod common;
use common::{acme_profile, assert_ok, example, pressroom, pressroom_at};

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
