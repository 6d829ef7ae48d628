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

    /// What applying this profile would overwrite that the user wrote, as field names.
    pub fn would_replace(&self, d: &Draft) -> Vec<&'static str> {
        let mut v = Vec::new();
        // Text the user wrote: something left once the template's placeholders are taken out.
        let written = |s: &str| {
            let mut rest = s.to_string();
            for p in templates::placeholders_in(s) {
                rest = rest.replace(&p, "");
            }
            rest.chars().any(char::is_alphanumeric)
        };
        if written(&d.company.name) && d.company != self.company && !self.company.name.is_empty() {
            v.push("company");
        }
        if d.contacts
            .iter()
            .any(|c| written(&c.name) || written(&c.email))
            && d.contacts != self.contacts
            && !self.contacts.is_empty()
        {
            v.push("contacts");
        }
        if d.boilerplate.iter().any(|a| written(&a.text))
            && d.boilerplate != self.boilerplate
            && !self.boilerplate.is_empty()
        {
            v.push("boilerplate");
        }
        if written(&d.safe_harbor.text)
            && d.safe_harbor.text != self.safe_harbor
            && !self.safe_harbor.is_empty()
        {
            v.push("safe harbor");
        }
        v
    }

    /// Fills a draft's company, contacts, boilerplate, safe harbor, logo and style from
    /// the profile (what the profile leaves empty stays), then fills the placeholders it can.
    pub fn apply(&self, d: &mut Draft, year: i32) {
        if !self.company.name.trim().is_empty() {
            d.company = self.company.clone();
        }
        if !self.contacts.is_empty() {
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
            if p.extension().is_none_or(|e| e != "ron") {
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

    pub fn default_slug(&self) -> Option<String> {
        let text = draft_file::read_text(&self.dir.join("settings.ron.txt")).ok()?;
        ron::from_str::<Settings>(&text).ok()?.default_profile
    }

    pub fn set_default(&self, slug: Option<&str>) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let s = Settings {
            default_profile: slug.map(str::to_string),
        };
        let text = ron::ser::to_string(&s).map_err(std::io::Error::other)?;
        draft_file::write_atomically(&self.dir.join("settings.ron.txt"), text.as_bytes())
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
                heading: String::new(),
                text: "Acme makes widgets.".into(),
            }],
            safe_harbor: "Acme's own approved text.".into(),
            logo: Some("acme.png".into()),
            style: Style::Newswire,
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
    fn knows_what_it_would_replace() {
        let mut d = Draft::default();
        assert!(
            acme().would_replace(&d).is_empty(),
            "an empty draft loses nothing"
        );
        d.company.name = "Someone Else Inc.".into();
        d.safe_harbor.text = "Our lawyers' words.".into();
        assert_eq!(acme().would_replace(&d), vec!["company", "safe harbor"]);
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
}
