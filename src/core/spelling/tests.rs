use super::*;
use crate::core::draft::{Block, BodyBlock, Contact, Quote};

fn marked(text: &str) -> Vec<String> {
    marked_with(text, &Accepted::default())
}

fn marked_with(text: &str, accepted: &Accepted) -> Vec<String> {
    misspelt(&Speller::builtin(), accepted, text)
        .into_iter()
        .map(|m| m.word)
        .collect()
}

#[test]
fn misspelt_words_are_marked_where_they_are() {
    let text = "We recieve teh orders.";
    let m = misspelt(&Speller::builtin(), &Accepted::default(), text);
    let words: Vec<&str> = m.iter().map(|m| &text[m.range.clone()]).collect();
    assert_eq!(words, ["recieve", "teh"]);
    assert_eq!(m[0].range, 3..10);
}

#[test]
fn contractions_and_possessives_are_words() {
    assert!(marked("We don't think it's the company's fault; it isn't.").is_empty());
    assert!(marked("The company\u{2019}s results don\u{2019}t disappoint.").is_empty());
    assert!(marked("The companies' results").is_empty());
    assert_eq!(marked("It doesnt matter"), ["doesnt"]);
    assert_eq!(marked("the compnay's results"), ["compnay's"]);
}

#[test]
fn hyphenated_compounds_are_checked_part_by_part() {
    assert!(marked("year-over-year growth in a well-known market").is_empty());
    assert_eq!(marked("year-over-yaer growth"), ["yaer"]);
}

#[test]
fn numbers_ordinals_and_words_with_digits_are_never_marked() {
    assert!(marked("On the 20th and 21st, Q3 revenue of $1.2 million rose 15% in 2026; Form 10-K, 8-K, COVID19, 3Dxyz").is_empty());
}

#[test]
fn abbreviations_tickers_addresses_and_placeholders_are_never_marked() {
    let text = "HMLX reported GAAP and EBITDA's rise (NYSE: ZQXW). Visit www.hemalytix.com, \
                https://ir.hemalytix.com/news or hemalytix.com/ir, write to ir@hemalytix.com. \
                [CEO NAME] said [QWRTY].";
    assert!(marked(text).is_empty(), "{:?}", marked(text));
    // Brackets that are no placeholder are text.
    assert_eq!(marked("[sic] the qwrty"), ["qwrty"]);
}

#[test]
fn other_scripts_are_left_alone() {
    assert!(marked("株式会社 announced 公司 results; Ростех signed").is_empty());
    assert!(marked("ACME公司").is_empty());
}

#[test]
fn sentence_capitals_and_capitals_for_emphasis_are_right() {
    assert!(marked("Revenue rose. The board met on Monday").is_empty());
    assert_eq!(marked("Revenue rose monday"), ["monday"]);
}

#[test]
fn the_company_s_own_words_are_accepted() {
    let mut d = Draft {
        headline: "Hemalytix Launches Zorbex With Kwame Osei".into(),
        ..Draft::default()
    };
    d.company.name = "Hemalytix Bio-Systems, Inc.".into();
    d.company.city = "Tewksbury".into();
    d.contacts = vec![Contact {
        name: "Kwame Osei".into(),
        ..Contact::default()
    }];
    d.body = vec![BodyBlock::new(Block::Quote(Quote {
        text: "Pleased with Hemalytix's progress, said Ngozi.".into(),
        speaker: "Ngozi Adebayo".into(),
        ..Quote::default()
    }))];
    d.assign_ids();
    let a = accepted(&d, &[], &[]);
    assert_eq!(marked_with(&d.headline, &a), ["Zorbex"]);
    assert!(marked_with("HEMALYTIX and hemalytix's Tewksbury site; Adebayo", &a).is_empty());
    // A product name the profile lists is accepted too.
    let profile = Profile {
        words: vec!["Zorbex".into()],
        ..Profile::default()
    };
    let a = accepted(&d, &[profile], &[]);
    assert!(marked_with(&d.headline, &a).is_empty());
    // Words ignored in the draft and the personal list.
    d.spelling.ignored = vec!["Qwrtyplex".into()];
    let a = accepted(&d, &[], &["Vantorix".into()]);
    assert!(marked_with("Qwrtyplex and Vantorix", &a).is_empty());
    assert_eq!(
        marked_with("Qwrtyplex and Vantorix", &Accepted::default()).len(),
        2
    );
}

#[test]
fn findings_name_each_field_a_word_is_in() {
    let mut d = Draft {
        headline: "Recieve the recieve".into(),
        ..Draft::default()
    };
    d.body = vec![BodyBlock::new(Block::Paragraph(
        "We recieve and teh.".into(),
    ))];
    d.assign_ids();
    let f = check(&d, &Speller::builtin(), &Accepted::default());
    let got: Vec<(&str, FieldRef)> = f
        .iter()
        .map(|f| (f.excerpt.as_deref().unwrap(), f.field))
        .collect();
    use crate::core::draft::FieldRef;
    let body = FieldRef::Body(d.body[0].id);
    assert_eq!(
        got,
        [
            ("Recieve", FieldRef::Headline),
            ("recieve", FieldRef::Headline),
            ("recieve", body),
            ("teh", body)
        ]
    );
    assert!(
        f.iter()
            .all(|f| f.rule == "spelling" && f.severity == rules::SPELLING.severity)
    );
    assert_eq!(f[2].message, "\"recieve\" is not in the en_US dictionary.");
}

#[test]
fn a_kept_check_rechecks_only_what_changed_and_forgets_removed_text() {
    let mut d = Draft {
        headline: "Teh headline".into(),
        ..Draft::default()
    };
    d.body = vec![BodyBlock::new(Block::Paragraph("A paragrph.".into()))];
    d.assign_ids();
    let sp = Speller::builtin();
    let mut c = SpellCheck::default();
    assert_eq!(c.findings(&d, &sp, &Accepted::default()).len(), 2);
    d.body.clear();
    let f = c.findings(&d, &sp, &Accepted::default());
    assert_eq!(f.len(), 1);
    assert!(
        !c.texts
            .keys()
            .any(|r| matches!(r.field, crate::core::draft::FieldRef::Body(_)))
    );
    d.headline = "The headline".into();
    assert!(c.findings(&d, &sp, &Accepted::default()).is_empty());
}

#[test]
fn suggestions_offer_the_word_meant() {
    let s = Speller::builtin().suggest("recieve", 5);
    assert!(s.len() <= 5 && s.iter().any(|w| w == "receive"), "{s:?}");
}

#[test]
fn the_personal_list_round_trips_through_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("words.txt");
    let mut list = PersonalList::load(&path).unwrap();
    assert!(list.words.is_empty());
    list.add("Zorbex").unwrap();
    list.add("Vantorix").unwrap();
    list.add("Zorbex").unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Zorbex\nVantorix\n"
    );
    std::fs::write(&path, "# mine\nZorbex\n\n  Qwrtyplex  \n").unwrap();
    assert_eq!(
        PersonalList::load(&path).unwrap().words,
        ["Zorbex", "Qwrtyplex"]
    );
}

#[test]
fn an_unreadable_personal_list_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let e = PersonalList::load(dir.path()).unwrap_err();
    assert!(e.contains(&dir.path().display().to_string()), "{e}");
}

#[test]
fn broken_hostile_and_huge_dictionaries_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("xx_BROKEN.aff"),
        "SET UTF-8\nFLAG long\nSFX AB Y 1\nSFX AB 0 s [\n",
    )
    .unwrap();
    std::fs::write(p.join("xx_BROKEN.dic"), "2\nword/ZZZ\n").unwrap();
    std::fs::write(p.join("xx_GARBAGE.aff"), [0xffu8, 0xfe, 0, 1, 2, 3]).unwrap();
    std::fs::write(p.join("xx_GARBAGE.dic"), "not a number\n\u{0}\u{0}").unwrap();
    let big = std::fs::File::create(p.join("xx_HUGE.dic")).unwrap();
    big.set_len(dictionaries::MAX_DICTIONARY_BYTES + 1).unwrap();
    std::fs::write(p.join("xx_HUGE.aff"), "SET UTF-8\n").unwrap();
    std::fs::write(p.join("xx_OK.aff"), "SET UTF-8\n").unwrap();
    std::fs::write(p.join("xx_OK.dic"), "1\nzorbex\n").unwrap();
    std::fs::write(p.join("xx_NODIC.aff"), "SET UTF-8\n").unwrap();
    let found = dictionaries::available(&[p.to_path_buf()]);
    let langs: Vec<&str> = found.iter().map(|a| a.lang.as_str()).collect();
    assert_eq!(
        langs,
        ["en_US", "xx_BROKEN", "xx_GARBAGE", "xx_HUGE", "xx_OK"]
    );
    let huge = dictionaries::load("xx_HUGE", &found).unwrap_err();
    assert!(huge.contains("xx_HUGE.dic"), "{huge}");
    for lang in ["xx_BROKEN", "xx_GARBAGE"] {
        // Reported or, where the parser is lenient, loaded: never a panic.
        if let Err(e) = dictionaries::load(lang, &found) {
            assert!(e.contains(lang), "{e}");
        }
    }
    let ok = dictionaries::load("xx_OK", &found).unwrap();
    assert!(ok.knows("zorbex") && !ok.knows("receive"));
}

#[test]
fn a_capitalised_word_gets_the_suggestions_of_its_lower_case() {
    let s = Speller::builtin().suggest("Teh", 5);
    assert_eq!(s.first().map(String::as_str), Some("The"), "{s:?}");
    assert!(s.len() <= 5);
    let s = Speller::builtin().suggest("Recieve", 5);
    assert_eq!(s.first().map(String::as_str), Some("Receive"), "{s:?}");
}

#[test]
fn a_session_loads_its_dictionary_on_a_thread_and_says_when() {
    use std::sync::mpsc::channel;
    let mut s = session::Session::new(true, None, dictionaries::available(&[]));
    let (tx, rx) = channel();
    let tx = std::sync::Mutex::new(tx);
    s.load_in_background(std::sync::Arc::new(move || {
        let _ = tx.lock().unwrap().send(());
    }));
    let d = Draft {
        headline: "Teh news".into(),
        ..Draft::default()
    };
    // Nothing yet: the first refresh only starts the loading.
    assert_eq!(s.refresh(&d, 1), Some(Vec::new()));
    assert!(s.marks(&d, &d.headline).is_empty());
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the loading thread wakes the window");
    let found = s
        .refresh(&d, 1)
        .expect("new findings once the dictionary is in");
    assert_eq!(found.len(), 1);
    assert_eq!(s.marks(&d, &d.headline)[0].word, "Teh");
    assert!(!s.is_loading());
    assert_eq!(s.refresh(&d, 1), None, "nothing changed since");
    // A language that is not there is reported once, and marks nothing.
    let other = Draft {
        spelling: crate::core::draft::DraftSpelling {
            language: Some("xx_NONE".into()),
            ignored: Vec::new(),
        },
        ..d.clone()
    };
    assert_eq!(s.refresh(&other, 2), Some(Vec::new()));
    let _ = rx.recv_timeout(std::time::Duration::from_secs(60));
    s.refresh(&other, 3);
    assert!(s.problem.take().is_some_and(|p| p.contains("xx_NONE")));
    assert!(s.marks(&other, &other.headline).is_empty());
}
