//! Company profiles: what stays the same from one release to the next (name, ticker,
//! contacts, boilerplate, approved safe harbor, logo, style), kept in the user's config
//! directory as one `.ron` file each.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::draft::{About, Company, Contact, Draft, Style};
use crate::core::{draft_file, templates};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Profile {
    /// What the profile is called in lists, e.g. "Acme (client)".
    pub name: String,
    pub company: Company,
    pub contacts: Vec<Contact>,
    pub boilerplate: Vec<About>,
    /// The company's approved safe-harbor text; empty to use the library's.
    pub safe_harbor: String,
    pub logo: Option<String>,
    pub style: Style,
    /// Product names and other words of the company's that spelling accepts, one an item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
}

impl Profile {
    /// A profile holding what `draft` says about its company.
    pub fn from_draft(name: &str, d: &Draft) -> Profile {
        Profile {
            name: name.to_string(),
            company: d.company.clone(),
            contacts: d.contacts.clone(),
            boilerplate: d.boilerplate.clone(),
            safe_harbor: d.safe_harbor.text.clone(),
            logo: d.release.logo.clone(),
            style: d.export.style,
            words: Vec::new(),
        }
    }

    /// The placeholders a profile can fill, with their values.
    pub fn values(&self, year: i32) -> Vec<(&'static str, String)> {
        let c = &self.company;
        vec![
            ("[COMPANY]", c.name.clone()),
            ("[TICKER]", c.ticker.clone()),
            ("[EXCHANGE]", c.exchange.clone()),
            ("[WEBSITE]", c.website.clone()),
            ("[CITY]", c.city.clone()),
            ("[STATE]", c.state.clone()),
            ("[YEAR]", year.to_string()),
        ]
    }

    /// Everything applying this profile would replace in the draft, one line a field,
    /// saying what goes and what comes ("Contacts: Jane Roe, Sam Lee -> Dana Reyes").
    /// Fields the draft leaves empty, or that already hold the profile's text, are not
    /// listed: nothing is lost there.
    pub fn replacements(&self, d: &Draft) -> Vec<Replacement> {
        let mut v = Vec::new();
        let mut add = |field: ProfileField, what: String, with: String| {
            v.push(Replacement { field, what, with });
        };
        let company = |c: &Company| c.name.trim().to_string();
        if !self.company.name.trim().is_empty()
            && !d.company.name.trim().is_empty()
            && d.company != self.company
        {
            add(
                ProfileField::Company,
                company(&d.company),
                company(&self.company),
            );
        }
        let people = |cs: &[Contact]| {
            let names: Vec<String> = cs
                .iter()
                .filter(|c| crate::core::release::contact_has_text(c))
                .map(|c| {
                    let who = [&c.name, &c.organisation, &c.email]
                        .into_iter()
                        .find(|t| !t.trim().is_empty())
                        .map_or(String::new(), |t| t.trim().to_string());
                    if c.role.trim().is_empty() {
                        who
                    } else {
                        format!("{} ({})", who, c.role.trim())
                    }
                })
                .collect();
            names.join(", ")
        };
        let same_people = |a: &[Contact], b: &[Contact]| {
            let strip = |cs: &[Contact]| -> Vec<Contact> {
                cs.iter()
                    .map(|c| Contact {
                        id: Default::default(),
                        ..c.clone()
                    })
                    .collect()
            };
            strip(a) == strip(b)
        };
        let draft_people = people(&d.contacts);
        if !self.contacts.is_empty()
            && !draft_people.is_empty()
            && !same_people(&d.contacts, &self.contacts)
        {
            add(ProfileField::Contacts, draft_people, people(&self.contacts));
        }
        let first_words = |t: &str| shorten(t, 60);
        let draft_about = d.boilerplate.iter().find(|a| !a.text.trim().is_empty());
        if let (Some(old), Some(new)) = (draft_about, self.boilerplate.first())
            && d.boilerplate
                .iter()
                .map(|a| &a.text)
                .ne(self.boilerplate.iter().map(|a| &a.text))
        {
            add(
                ProfileField::Boilerplate,
                first_words(&old.text),
                first_words(&new.text),
            );
        }
        if !self.safe_harbor.trim().is_empty()
            && !d.safe_harbor.text.trim().is_empty()
            && d.safe_harbor.text != self.safe_harbor
        {
            add(
                ProfileField::SafeHarbor,
                first_words(&d.safe_harbor.text),
                first_words(&self.safe_harbor),
            );
        }
        if let (Some(old), Some(new)) = (&d.release.logo, &self.logo)
            && old != new
        {
            add(ProfileField::Logo, old.clone(), new.clone());
        }
        if d.export.style != self.style {
            add(
                ProfileField::Style,
                d.export.style.label().into(),
                self.style.label().into(),
            );
        }
        v
    }

    /// Fills a draft's company, contacts, boilerplate, safe harbor, logo and style from
    /// the profile (what the profile leaves empty stays), then fills the placeholders it can.
    pub fn apply(&self, d: &mut Draft, year: i32) {
        self.apply_keeping(d, year, &[]);
    }

    /// [`Profile::apply`], leaving the fields in `keep` as the draft has them.
    pub fn apply_keeping(&self, d: &mut Draft, year: i32, keep: &[ProfileField]) {
        if !self.company.name.trim().is_empty() {
            d.company = self.company.clone();
        }
        if !self.contacts.is_empty() && !keep.contains(&ProfileField::Contacts) {
            d.contacts = self.contacts.clone();
        }
        if !self.boilerplate.is_empty() {
            d.boilerplate = self.boilerplate.clone();
        }
        if !self.safe_harbor.trim().is_empty() {
            d.safe_harbor.text = self.safe_harbor.clone();
        }
        if self.logo.is_some() {
            d.release.logo = self.logo.clone();
        }
        d.export.style = self.style;
        if d.dateline.city.trim().is_empty() || d.dateline.city == "[CITY]" {
            d.dateline.city = self.company.city.clone();
            d.dateline.region = self.company.state.clone();
        }
        templates::fill(d, &self.values(year));
        d.assign_ids(); // the profile's contacts and sections are new items of this draft
    }
}

/// A field a profile fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    Company,
    Contacts,
    Boilerplate,
    SafeHarbor,
    Logo,
    Style,
}

impl ProfileField {
    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Company => "Company",
            ProfileField::Contacts => "Contacts",
            ProfileField::Boilerplate => "About section",
            ProfileField::SafeHarbor => "Safe harbor",
            ProfileField::Logo => "Logo",
            ProfileField::Style => "Export style",
        }
    }
}

/// One thing applying a profile replaces: the field, what the draft has, what comes.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub field: ProfileField,
    pub what: String,
    pub with: String,
}

impl std::fmt::Display for Replacement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}, becomes {}",
            self.field.label(),
            self.what,
            self.with
        )
    }
}

fn shorten(t: &str, max: usize) -> String {
    let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!(
            "{}...",
            flat.chars().take(max).collect::<String>().trim_end()
        )
    }
}

/// Profiles on disk, and which one is the default.
#[derive(Clone, Debug)]
pub struct ProfileStore {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize, Default)]
struct Settings {
    default_profile: Option<String>,
}

impl ProfileStore {
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "Pressroom").map(|d| d.config_dir().join("profiles"))
    }

    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// A file name for a profile name: lower case letters, digits and dashes.
    pub fn slug(name: &str) -> String {
        let s: String = name
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let s = s
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if s.is_empty() { "profile".into() } else { s }
    }

    fn path_of(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.ron"))
    }

    /// Every profile (by slug, sorted), and a message for each file that does not load.
    pub fn list(&self) -> (Vec<(String, Profile)>, Vec<String>) {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (out, problems);
        };
        for p in entries.flatten().map(|e| e.path()) {
            if p.extension().is_none_or(|e| e != "ron") || p == self.settings_path() {
                continue;
            }
            let slug = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            match load(&p) {
                Ok(profile) => out.push((slug, profile)),
                Err(e) => problems.push(e),
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        (out, problems)
    }

    /// Saves a profile under `slug` (atomically).
    pub fn save(&self, slug: &str, profile: &Profile) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .struct_names(false);
        let text = ron::ser::to_string_pretty(profile, config).map_err(std::io::Error::other)?;
        draft_file::write_atomically(&self.path_of(slug), format!("{text}\n").as_bytes())
    }

    pub fn delete(&self, slug: &str) -> std::io::Result<()> {
        std::fs::remove_file(self.path_of(slug))?;
        if self.default_slug().as_deref() == Some(slug) {
            self.set_default(None)?;
        }
        Ok(())
    }

    /// A free slug for a new or duplicated profile named `name`.
    pub fn free_slug(&self, name: &str) -> String {
        let base = Self::slug(name);
        let mut slug = base.clone();
        let mut n = 2;
        while self.path_of(&slug).exists() {
            slug = format!("{base}-{n}");
            n += 1;
        }
        slug
    }

    /// Saves a profile that was stored under `old`, under a file named after its name now:
    /// a renamed profile's file is renamed with it (and stays the default if it was).
    /// Returns the slug it is stored under.
    pub fn save_renaming(&self, old: &str, profile: &Profile) -> std::io::Result<String> {
        let wanted = Self::slug(&profile.name);
        let slug = if wanted == old || old.strip_prefix(&wanted).is_some_and(is_number_suffix) {
            old.to_string() // the same name (or a numbered twin of it): the same file
        } else {
            self.free_slug(&profile.name)
        };
        self.save(&slug, profile)?;
        if slug != old {
            if self.path_of(old).exists() {
                std::fs::remove_file(self.path_of(old))?;
            }
            if self.default_slug().as_deref() == Some(old) {
                self.set_default(Some(&slug))?;
            }
        }
        Ok(slug)
    }

    /// The settings file; `settings.ron.txt` is the name earlier versions used.
    fn settings_path(&self) -> PathBuf {
        self.dir.join("settings.ron")
    }

    pub fn default_slug(&self) -> Option<String> {
        let text = draft_file::read_text(&self.settings_path())
            .or_else(|_| draft_file::read_text(&self.dir.join("settings.ron.txt")))
            .ok()?;
        ron::from_str::<Settings>(&text).ok()?.default_profile
    }

    pub fn set_default(&self, slug: Option<&str>) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let s = Settings {
            default_profile: slug.map(str::to_string),
        };
        let text = ron::ser::to_string(&s).map_err(std::io::Error::other)?;
        draft_file::write_atomically(&self.settings_path(), text.as_bytes())?;
        // The old name is read only until the new one is written.
        let _ = std::fs::remove_file(self.dir.join("settings.ron.txt"));
        Ok(())
    }

    /// The default profile, if one is chosen and loads.
    pub fn default_profile(&self) -> Option<Profile> {
        let slug = self.default_slug()?;
        load(&self.path_of(&slug)).ok()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// `-2`, `-3`: the suffix [`ProfileStore::free_slug`] adds to a name already taken.
fn is_number_suffix(rest: &str) -> bool {
    rest.strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Reads one profile file.
pub fn load(path: &Path) -> Result<Profile, String> {
    let text = draft_file::read_text(path).map_err(|e| e.to_string())?;
    ron::Options::default()
        .with_recursion_limit(draft_file::RECURSION_LIMIT)
        .from_str::<Profile>(text.strip_prefix('\u{FEFF}').unwrap_or(&text))
        .map_err(|e| format!("{}:{}: {}", path.display(), e.span.start, e.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acme() -> Profile {
        Profile {
            name: "Acme".into(),
            company: Company {
                name: "Acme Widget Corporation".into(),
                ticker: "ACMW".into(),
                exchange: "Nasdaq".into(),
                website: "www.acme.example".into(),
                city: "Dayton".into(),
                state: "OH".into(),
            },
            contacts: vec![Contact {
                name: "Dana Reyes".into(),
                email: "ir@acme.example".into(),
                ..Contact::default()
            }],
            boilerplate: vec![About {
                text: "Acme makes widgets.".into(),
                ..About::default()
            }],
            safe_harbor: "Acme's own approved text.".into(),
            logo: Some("acme.png".into()),
            style: Style::Newswire,
            words: vec!["Widgetron".into()],
        }
    }

    #[test]
    fn a_profile_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        store.save("acme", &acme()).unwrap();
        let (list, problems) = store.list();
        assert!(problems.is_empty());
        assert_eq!(list, vec![("acme".to_string(), acme())]);
    }

    #[test]
    fn default_duplicate_and_delete() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        store.save("acme", &acme()).unwrap();
        assert_eq!(store.free_slug("Acme"), "acme-2");
        store.set_default(Some("acme")).unwrap();
        assert_eq!(store.default_profile(), Some(acme()));
        store.delete("acme").unwrap();
        assert_eq!(store.default_slug(), None);
        assert!(store.list().0.is_empty());
    }

    #[test]
    fn a_broken_profile_is_reported_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        store.save("acme", &acme()).unwrap();
        std::fs::write(dir.path().join("bad.ron"), "(name: 5)").unwrap();
        let (list, problems) = store.list();
        assert_eq!(list.len(), 1);
        assert!(problems[0].contains("bad.ron"), "{problems:?}");
    }

    #[test]
    fn applying_fills_fields_and_placeholders() {
        let (all, _) = templates::load_all(None);
        let mut d = templates::find(&all, "dividend").unwrap().draft.clone();
        acme().apply(&mut d, 2026);
        assert_eq!(d.company.name, "Acme Widget Corporation");
        assert!(d.headline.starts_with("Acme Widget Corporation Declares"));
        assert_eq!(d.contacts[0].name, "Dana Reyes");
        assert_eq!(d.dateline.city, "Dayton");
        assert_eq!(d.export.style, Style::Newswire);
        let body = format!("{:?}", d.body);
        assert!(
            body.contains("Acme Widget Corporation (Nasdaq: ACMW)"),
            "{body}"
        );
        assert!(
            templates::placeholders(&d).contains(&"[AMOUNT PER SHARE]".to_string()),
            "the rest stay visible"
        );
    }

    #[test]
    fn lists_everything_it_would_replace_and_can_keep_the_contacts() {
        let (all, _) = templates::load_all(None);
        let mut d = templates::find(&all, "earnings").unwrap().draft.clone();
        d.contacts[0].name = "Jane Roe".into();
        let r = acme().replacements(&d);
        let fields: Vec<ProfileField> = r.iter().map(|r| r.field).collect();
        assert!(fields.contains(&ProfileField::Contacts), "{r:?}");
        assert!(fields.contains(&ProfileField::Company), "{r:?}");
        assert!(fields.contains(&ProfileField::Boilerplate), "{r:?}");
        let contacts = r
            .iter()
            .find(|r| r.field == ProfileField::Contacts)
            .unwrap();
        assert!(
            contacts.what.contains("Jane Roe (Investor Contact)"),
            "{contacts}"
        );
        assert!(
            contacts
                .what
                .contains("[MEDIA CONTACT NAME] (Media Contact)")
        );
        assert!(contacts.with.contains("Dana Reyes"));

        let before = d.contacts.clone();
        acme().apply_keeping(&mut d, 2026, &[ProfileField::Contacts]);
        assert_eq!(d.contacts.len(), before.len(), "both contacts kept");
        assert_eq!(d.contacts[0].name, "Jane Roe");
        assert_eq!(d.company.name, "Acme Widget Corporation");
        assert!(
            acme()
                .replacements(&Draft::default())
                .iter()
                .all(|r| r.field == ProfileField::Style)
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_among_the_profiles_are_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        store.save("acme", &acme()).unwrap();
        crate::core::safe_fs::tests::mkfifo(&dir.path().join("stuck.ron"));
        crate::core::safe_fs::tests::mkfifo(&dir.path().join("settings.ron.txt"));
        let (list, problems) = store.list();
        assert_eq!(list.len(), 1);
        assert!(problems[0].contains("stuck.ron") && problems[0].contains("FIFO"));
        assert_eq!(store.default_slug(), None);
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(ProfileStore::slug("Acme (client) / EU"), "acme-client-eu");
        assert_eq!(ProfileStore::slug("  "), "profile");
    }

    #[test]
    fn a_renamed_profile_renames_its_file_and_stays_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let mut p = acme();
        p.name = "New company".into();
        store.save("new-company", &p).unwrap();
        store.set_default(Some("new-company")).unwrap();
        p.name = "Acme Holdings".into();
        let slug = store.save_renaming("new-company", &p).unwrap();
        assert_eq!(slug, "acme-holdings");
        assert!(dir.path().join("acme-holdings.ron").is_file());
        assert!(!dir.path().join("new-company.ron").exists());
        assert_eq!(store.default_slug().as_deref(), Some("acme-holdings"));
        // Saving again without a rename keeps the file.
        assert_eq!(store.save_renaming(&slug, &p).unwrap(), slug);
        assert_eq!(store.list().0.len(), 1);
    }

    #[test]
    fn the_default_is_kept_in_settings_ron_and_the_old_name_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        std::fs::write(
            dir.path().join("settings.ron.txt"),
            "(default_profile: Some(\"acme\"))",
        )
        .unwrap();
        assert_eq!(store.default_slug().as_deref(), Some("acme"));
        store.set_default(Some("other")).unwrap();
        assert!(dir.path().join("settings.ron").is_file());
        assert!(!dir.path().join("settings.ron.txt").exists());
        assert_eq!(store.default_slug().as_deref(), Some("other"));
    }
}
