//! Spelling for an open window: which dictionaries there are, the one the draft uses
//! (loaded on a thread of its own, so start-up and typing never wait for it), the word
//! lists, the findings, and the marks each text field shows. No egui: the window paints.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::{Accepted, Available, Miss, PersonalList, SpellCheck, Speller, dictionaries};
use crate::core::checks::Finding;
use crate::core::draft::Draft;
use crate::core::profiles::Profile;

/// Called from the loading thread when a dictionary has arrived (the window repaints).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What a loading thread sends back.
type Loaded = Result<Arc<Speller>, String>;

pub struct Session {
    /// Off: no squiggles and no findings.
    pub enabled: bool,
    /// The language of drafts that name none (a setting).
    pub default_lang: String,
    pub available: Vec<Available>,
    loaded: HashMap<String, Arc<Speller>>,
    /// Languages that could not be loaded, and why: reported once, not tried again.
    failed: HashMap<String, String>,
    loading: Option<(String, Receiver<Loaded>)>,
    /// Set: dictionaries load on a thread and this wakes the window; unset: they load at
    /// once (tests, benchmarks).
    waker: Option<Waker>,
    pub personal: PersonalList,
    /// The company profiles' words (refreshed when profiles change).
    profiles: Vec<Profile>,
    accepted: Accepted,
    /// What the findings and marks were made for: draft revision, word lists, language.
    key: Option<(u64, u64, String)>,
    /// Bumped whenever the word lists change.
    lists: u64,
    check: SpellCheck,
    /// The marks of texts drawn lately, by their content's hash, with the frame they were last used in.
    marks: HashMap<u64, (u64, Arc<[Miss]>)>,
    frame: u64,
    suggestions: HashMap<String, Vec<String>>,
    /// A problem to show once (a dictionary or word list that could not be read).
    pub problem: Option<String>,
}

impl Session {
    /// Spelling in `default_lang`, with the dictionaries found in `dirs`.
    pub fn new(enabled: bool, default_lang: Option<String>, available: Vec<Available>) -> Self {
        Self {
            enabled,
            default_lang: default_lang.unwrap_or_else(|| dictionaries::BUILTIN.into()),
            available,
            loaded: HashMap::new(),
            failed: HashMap::new(),
            loading: None,
            waker: None,
            personal: PersonalList::default(),
            profiles: Vec::new(),
            accepted: Accepted::default(),
            key: None,
            lists: 0,
            check: SpellCheck::default(),
            marks: HashMap::new(),
            frame: 0,
            suggestions: HashMap::new(),
            problem: None,
        }
    }

    /// Loads dictionaries on a thread from now on, calling `waker` when one arrives.
    pub fn load_in_background(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// Uses the personal word list at `path` (a missing file is an empty list).
    pub fn use_personal(&mut self, path: std::path::PathBuf) {
        match PersonalList::load(&path) {
            Ok(list) => self.personal = list,
            Err(e) => {
                self.problem = Some(format!("Personal word list not read: {e}"));
                self.personal = PersonalList {
                    path: None, // never overwrite a file that could not be read
                    words: Vec::new(),
                };
            }
        }
        self.lists += 1;
    }

    pub fn set_profiles(&mut self, profiles: Vec<Profile>) {
        if profiles != self.profiles {
            self.profiles = profiles;
            self.lists += 1;
        }
    }

    /// The draft's language: its own, or the default.
    pub fn lang_of(&self, draft: &Draft) -> String {
        draft
            .spelling
            .language
            .clone()
            .unwrap_or_else(|| self.default_lang.clone())
    }

    /// The dictionary for `lang` if it is loaded; starts loading it if not.
    fn speller(&mut self, lang: &str) -> Option<Arc<Speller>> {
        self.receive();
        if let Some(s) = self.loaded.get(lang) {
            return Some(s.clone());
        }
        if self.failed.contains_key(lang) || self.loading.as_ref().is_some_and(|(l, _)| l == lang) {
            return None;
        }
        let available = self.available.clone();
        match &self.waker {
            None => self.arrived(lang.to_string(), dictionaries::load(lang, &available)),
            Some(waker) => {
                let (tx, rx) = channel();
                let (l, waker) = (lang.to_string(), waker.clone());
                let spawned =
                    std::thread::Builder::new()
                        .name("dictionary".into())
                        .spawn(move || {
                            let _ = tx.send(dictionaries::load(&l, &available));
                            waker();
                        });
                match spawned {
                    Ok(_) => self.loading = Some((lang.to_string(), rx)),
                    Err(e) => self.arrived(lang.to_string(), Err(e.to_string())),
                }
            }
        }
        self.loaded.get(lang).cloned()
    }

    /// Takes a dictionary the loading thread finished, if any.
    fn receive(&mut self) {
        let Some((lang, rx)) = &self.loading else {
            return;
        };
        match rx.try_recv() {
            Ok(result) => {
                let lang = lang.clone();
                self.loading = None;
                self.arrived(lang, result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                let lang = lang.clone();
                self.loading = None;
                self.arrived(lang, Err("the loading thread stopped".into()));
            }
        }
    }

    fn arrived(&mut self, lang: String, result: Loaded) {
        match result {
            Ok(s) => {
                self.loaded.insert(lang, s);
            }
            Err(e) => {
                self.problem = Some(format!("The {lang} dictionary was skipped: {e}"));
                self.failed.insert(lang, e);
            }
        }
    }

    /// True while the draft's dictionary is on its way.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The findings for `draft` at `revision` when they changed since last asked (the
    /// draft, its language, the word lists or the dictionary's arrival); `None` when not.
    pub fn refresh(&mut self, draft: &Draft, revision: u64) -> Option<Vec<Finding>> {
        self.frame += 1;
        let lang = self.lang_of(draft);
        let speller = if self.enabled {
            self.speller(&lang)
        } else {
            None
        };
        let key = (revision, self.lists, format!("{lang}{}", speller.is_some()));
        if self.key.as_ref() == Some(&key) {
            return None;
        }
        let lists_changed = self
            .key
            .as_ref()
            .is_none_or(|k| k.1 != key.1 || k.2 != key.2);
        let revision_changed = self.key.as_ref().is_none_or(|k| k.0 != key.0);
        self.key = Some(key);
        if revision_changed || lists_changed {
            let accepted = super::accepted(draft, &self.profiles, &self.personal.words);
            if accepted != self.accepted || lists_changed {
                self.accepted = accepted;
                self.marks.clear();
            }
        }
        let Some(speller) = speller else {
            self.marks.clear();
            return Some(Vec::new());
        };
        // Marks not used for a while go (texts edited since, fields scrolled away).
        let frame = self.frame;
        self.marks.retain(|_, (used, _)| frame - *used < 600);
        Some(self.check.findings(draft, &speller, &self.accepted))
    }

    /// The misspelt words of a text field showing `text` in `draft` (checked now if this
    /// text was not seen before: only the field just typed into is).
    pub fn marks(&mut self, draft: &Draft, text: &str) -> Arc<[Miss]> {
        let lang = self.lang_of(draft);
        self.marks_in(&lang, text)
    }

    /// [`Self::marks`] in `lang` (the form knows the draft's language, not the draft).
    pub fn marks_in(&mut self, lang: &str, text: &str) -> Arc<[Miss]> {
        if !self.enabled || text.is_empty() {
            return Arc::from([]);
        }
        let Some(speller) = self.loaded.get(lang).cloned() else {
            return Arc::from([]);
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let key = h.finish();
        let frame = self.frame;
        if let Some((used, m)) = self.marks.get_mut(&key) {
            *used = frame;
            return m.clone();
        }
        let m: Arc<[Miss]> = super::misspelt(&speller, &self.accepted, text).into();
        self.marks.insert(key, (frame, m.clone()));
        m
    }

    /// Up to five corrections for `word` in the draft's language (remembered: the menu
    /// asks every frame it is open).
    pub fn suggest(&mut self, draft: &Draft, word: &str) -> Vec<String> {
        let lang = self.lang_of(draft);
        self.suggest_in(&lang, word)
    }

    /// [`Self::suggest`] in `lang`.
    pub fn suggest_in(&mut self, lang: &str, word: &str) -> Vec<String> {
        let key = format!("{lang}\u{0}{word}");
        if let Some(s) = self.suggestions.get(&key) {
            return s.clone();
        }
        let s = self
            .loaded
            .get(lang)
            .map(|sp| sp.suggest(word, 5))
            .unwrap_or_default();
        if self.suggestions.len() > 1000 {
            self.suggestions.clear();
        }
        self.suggestions.insert(key, s.clone());
        s
    }

    /// Adds `word` to the personal word list (and its file).
    pub fn add_to_personal(&mut self, word: &str) -> Result<(), String> {
        let r = self.personal.add(word);
        self.lists += 1;
        r
    }

    /// The word lists changed outside (a test, a setting): findings and marks are redone.
    pub fn lists_changed(&mut self) {
        self.lists += 1;
    }
}
