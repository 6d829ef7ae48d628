//! Release templates: drafts with `[PLACEHOLDERS]` for what the writer must fill in.
//! The shipped ones are compiled into the binary; a user folder adds or overrides them.
//! A template's leading `//` comment lines give its name and description.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::core::draft::{Draft, Timing};
use crate::core::{draft_file, walk};

/// The shipped templates, by id (the file name without `.ron`).
const BUILT_IN: &[(&str, &str)] = &[
    ("earnings", include_str!("../../templates/earnings.ron")),
    (
        "earnings-call",
        include_str!("../../templates/earnings-call.ron"),
    ),
    (
        "restructuring",
        include_str!("../../templates/restructuring.ron"),
    ),
    (
        "appointment",
        include_str!("../../templates/appointment.ron"),
    ),
    ("dividend", include_str!("../../templates/dividend.ron")),
    ("merger", include_str!("../../templates/merger.ron")),
    ("buyback", include_str!("../../templates/buyback.ron")),
    ("product", include_str!("../../templates/product.ron")),
];

#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub description: String,
    pub draft: Draft,
    /// Where a user template came from; `None` for a shipped one.
    pub source: Option<PathBuf>,
}

impl Template {
    /// The placeholders the writer must fill, in order of first appearance.
    pub fn placeholders(&self) -> Vec<String> {
        placeholders(&self.draft)
    }
}

/// The user's templates folder (`.../pressroom/templates` in the config directory).
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Pressroom").map(|d| d.config_dir().join("templates"))
}

/// Every template: shipped ones, then the user's (a user template with a shipped id
/// replaces it). Templates that do not load are reported and skipped.
pub fn load_all(user: Option<&Path>) -> (Vec<Template>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (id, text) in BUILT_IN {
        match parse(id, text, Path::new(&format!("templates/{id}.ron"))) {
            Ok(t) => out.push(t),
            Err(e) => problems.push(e),
        }
    }
    if let Some(dir) = user
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        {
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            // read_text refuses FIFOs and devices unopened, and reads at most the size limit.
            let loaded = draft_file::read_text(&p)
                .map_err(|e| e.to_string())
                .and_then(|text| parse(&id, text.strip_prefix('\u{FEFF}').unwrap_or(&text), &p));
            match loaded {
                Ok(mut t) => {
                    t.source = Some(p);
                    out.retain(|o: &Template| o.id != t.id);
                    out.push(t);
                }
                Err(e) => problems.push(e),
            }
        }
    }
    (out, problems)
}

/// Finds a template by id.
pub fn find<'a>(templates: &'a [Template], id: &str) -> Option<&'a Template> {
    templates.iter().find(|t| t.id == id)
}

fn parse(id: &str, text: &str, path: &Path) -> Result<Template, String> {
    let draft = draft_file::parse(text, path).map_err(|e| e.to_string())?;
    let comments: Vec<&str> = text
        .lines()
        .take_while(|l| l.trim_start().starts_with("//"))
        .map(|l| l.trim_start().trim_start_matches('/').trim())
        .collect();
    let name = comments
        .first()
        .map_or_else(|| id.to_string(), |s| s.to_string());
    let description = comments.get(1..).unwrap_or_default().join(" ");
    Ok(Template {
        id: id.to_string(),
        name,
        description,
        draft,
        source: None,
    })
}

/// A draft started today (from a template, or blank): a dateline with no date gets today's,
/// and an embargo (which a template holds only as a shape) is set to the next weekday at
/// 8:00 a.m. Eastern, before the market opens; never a day already past.
pub fn dated(mut d: Draft, today: NaiveDate) -> Draft {
    if d.dateline.date.is_none() {
        d.dateline.date = Some(today);
    }
    if let Timing::Embargoed { date, time, zone } = &mut d.release.timing {
        *date = next_weekday(today);
        *time = NaiveTime::from_hms_opt(8, 0, 0).expect("a valid time");
        *zone = Some(chrono_tz::America::New_York);
    }
    d
}

/// The first Monday-to-Friday after `day`.
fn next_weekday(day: NaiveDate) -> NaiveDate {
    let mut d = day.succ_opt().unwrap_or(day);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

/// Every `[PLACEHOLDER]` in the draft's text, each once, in reading order.
pub fn placeholders(d: &Draft) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    walk::each_text(d, |_, t| {
        for p in crate::core::checks::find_placeholders(t) {
            if !found.contains(&p) {
                found.push(p);
            }
        }
    });
    found
}

/// The placeholders in one piece of text.
pub fn placeholders_in(text: &str) -> Vec<String> {
    crate::core::checks::find_placeholders(text)
}

/// Replaces placeholders by value everywhere in the draft's text.
pub fn fill(d: &mut Draft, values: &[(&str, String)]) {
    let values: Vec<(&str, &String)> = values
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (*k, v))
        .collect();
    walk::each_text_mut(d, |_, t| {
        for (key, value) in &values {
            if t.contains(key) {
                *t = t.replace(key, value);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::Style;
    use crate::core::render;

    #[test]
    fn at_least_eight_templates_ship_and_all_load() {
        let (all, problems) = load_all(None);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(all.len() >= 8);
        for t in &all {
            assert!(
                !t.name.is_empty() && !t.description.is_empty(),
                "{} needs a name and description",
                t.id
            );
        }
    }

    #[test]
    fn every_template_exports_in_both_styles_and_lists_its_placeholders() {
        let (all, _) = load_all(None);
        for t in &all {
            for style in Style::ALL {
                let out = render::render_as(&t.draft, style);
                assert!(!out.text.trim().is_empty());
                assert!(
                    out.unprintable.is_empty(),
                    "{}: {:?}",
                    t.id,
                    out.unprintable
                );
            }
            let p = t.placeholders();
            assert!(p.contains(&"[COMPANY]".to_string()), "{}: {p:?}", t.id);
            assert!(p.iter().all(|x| x.starts_with('[') && x.ends_with(']')));
        }
    }

    #[test]
    fn user_templates_add_override_and_broken_ones_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("earnings.ron"),
            "// Our earnings\n// House style.\n(headline: \"[COMPANY] Reports\")",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("extra.ron"),
            "// Extra\n// Ours.\n(headline: \"Extra\")",
        )
        .unwrap();
        std::fs::write(dir.path().join("broken.ron"), "(headline: ").unwrap();
        let (all, problems) = load_all(Some(dir.path()));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("broken.ron"), "{problems:?}");
        let earnings = find(&all, "earnings").unwrap();
        assert_eq!(earnings.name, "Our earnings");
        assert!(earnings.source.is_some());
        assert!(find(&all, "extra").is_some());
        assert_eq!(all.iter().filter(|t| t.id == "earnings").count(), 1);
    }

    #[test]
    fn fill_replaces_known_placeholders_and_leaves_the_rest() {
        let mut d = Draft {
            headline: "[COMPANY] Declares Dividend of [AMOUNT]".into(),
            ..Draft::default()
        };
        fill(
            &mut d,
            &[("[COMPANY]", "Acme".into()), ("[TICKER]", String::new())],
        );
        assert_eq!(d.headline, "Acme Declares Dividend of [AMOUNT]");
        assert_eq!(placeholders(&d), vec!["[AMOUNT]"]);
    }

    #[test]
    fn a_draft_started_today_is_dated_today_and_embargoed_for_the_next_market_morning() {
        let (all, _) = load_all(None);
        let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let d = dated(find(&all, "earnings").unwrap().draft.clone(), friday);
        assert_eq!(d.dateline.date, Some(friday));
        let Timing::Embargoed { date, time, zone } = d.release.timing else {
            panic!("the earnings template is embargoed")
        };
        assert_eq!(
            date,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            "Monday"
        );
        assert_eq!(time, NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        assert_eq!(zone, Some(chrono_tz::America::New_York));
        let findings = crate::core::checks::check(&d, friday, Style::Edgar);
        assert!(
            !findings
                .iter()
                .any(|f| f.rule.starts_with("embargo") || f.rule.starts_with("dateline-date")),
            "{findings:?}"
        );
        let tuesday = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(next_weekday(tuesday), tuesday.succ_opt().unwrap());
    }
}
