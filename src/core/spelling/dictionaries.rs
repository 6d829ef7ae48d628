//! Hunspell dictionaries: en_US shipped inside the binary (SCOWL, see
//! `assets/dictionaries/en_US-LICENSE.txt`), and any others found where the system and the
//! user keep them. A dictionary is a pair of files, `LANG.aff` and `LANG.dic`, read with a
//! size limit; one that is too large, unreadable or does not parse is reported and skipped.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::core::safe_fs;

/// The language shipped with the app, always available.
pub const BUILTIN: &str = "en_US";
const BUILTIN_AFF: &str = include_str!("../../../assets/dictionaries/en_US.aff");
const BUILTIN_DIC: &str = include_str!("../../../assets/dictionaries/en_US.dic");
/// The largest `.dic` or `.aff` read (the largest common ones, Hungarian and Czech, are
/// under 10 MB).
pub const MAX_DICTIONARY_BYTES: u64 = 16 * 1024 * 1024;

/// A loaded dictionary and its language ("en_US").
pub struct Speller {
    pub lang: String,
    dict: spellbook::Dictionary,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Speller({})", self.lang)
    }
}

impl Speller {
    /// The shipped en_US dictionary, parsed once per process (about 100 ms): the window
    /// does it off the UI thread, tests and the command line share it.
    pub fn builtin() -> Arc<Speller> {
        static ONCE: OnceLock<Arc<Speller>> = OnceLock::new();
        ONCE.get_or_init(|| Arc::new(Speller::parse_builtin()))
            .clone()
    }

    /// Parses the shipped dictionary afresh (what the loading thread does once; the
    /// benchmark times it).
    pub fn parse_builtin() -> Speller {
        Speller::parse(BUILTIN, BUILTIN_AFF, BUILTIN_DIC).expect("the shipped dictionary parses")
    }

    /// Parses a dictionary's two files. A broken or hostile pair is an error, never a
    /// panic: the parser is run so that a panic inside it comes back as a message.
    pub fn parse(lang: &str, aff: &str, dic: &str) -> Result<Speller, String> {
        let parsed = std::panic::catch_unwind(|| spellbook::Dictionary::new(aff, dic));
        match parsed {
            Ok(Ok(dict)) => Ok(Speller {
                lang: lang.to_string(),
                dict,
            }),
            Ok(Err(e)) => Err(format!("does not parse: {e}")),
            Err(_) => Err("does not parse (the parser gave up)".into()),
        }
    }

    /// Whether the dictionary knows `word` (curly apostrophes read as straight ones; a
    /// possessive is right when its stem is).
    pub fn knows(&self, word: &str) -> bool {
        let owned;
        let word = if word.contains('\u{2019}') {
            owned = word.replace('\u{2019}', "'");
            owned.as_str()
        } else {
            word
        };
        self.dict.check(word) || {
            let stem = super::tokenize::strip_possessive(word);
            stem.len() < word.len() && self.dict.check(stem)
        }
    }

    /// Up to `max` corrections for `word`, best first.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let word = word.replace('\u{2019}', "'");
        let mut out = Vec::new();
        // A capitalised word (a sentence's first) is usually the lower-case word misspelt:
        // its suggestions, capitalised, come first ("Teh" gives "The", not "Eh").
        let mut chars = word.chars();
        if chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase()) {
            let mut lower = Vec::new();
            self.dict.suggest(&word.to_lowercase(), &mut lower);
            out.extend(lower.iter().map(|s| capitalise(s)));
        }
        let mut own = Vec::new();
        self.dict.suggest(&word, &mut own);
        for s in own {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out.truncate(max);
        out
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A dictionary that can be loaded: its language and where its files are (none for the
/// shipped one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Available {
    pub lang: String,
    pub aff: Option<PathBuf>,
}

impl Available {
    pub fn is_builtin(&self) -> bool {
        self.aff.is_none()
    }

    /// Loads it (reads both files with the size limit, then parses).
    pub fn load(&self) -> Result<Arc<Speller>, String> {
        let Some(aff_path) = &self.aff else {
            return Ok(Speller::builtin());
        };
        let dic_path = aff_path.with_extension("dic");
        let read = |p: &Path| -> Result<String, String> {
            let bytes = safe_fs::read_limited(p, MAX_DICTIONARY_BYTES)
                .map_err(|e| format!("{}: {e}", p.display()))?;
            // Most are UTF-8; old ones are ISO 8859-1, which maps byte for byte.
            Ok(match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
            })
        };
        let aff = read(aff_path)?;
        let dic = read(&dic_path)?;
        Speller::parse(&self.lang, &aff, &dic)
            .map(Arc::new)
            .map_err(|e| format!("{}: {e}", dic_path.display()))
    }
}

/// Loads the dictionary for `lang` from `available`: the shared shipped one for en_US when
/// no other en_US was found first.
pub fn load(lang: &str, available: &[Available]) -> Result<Arc<Speller>, String> {
    match available.iter().find(|a| a.lang == lang) {
        Some(a) => a.load(),
        None => Err(format!("no {lang} dictionary was found")),
    }
}

/// The folders searched for dictionaries, the user's own first: Pressroom's config folder
/// (`dictionaries`), then the system's usual places.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = user_dir() {
        dirs.push(d);
    }
    if cfg!(target_os = "macos") {
        if let Some(home) = directories::UserDirs::new() {
            dirs.push(home.home_dir().join("Library/Spelling"));
        }
        dirs.push(PathBuf::from("/Library/Spelling"));
    } else if cfg!(unix) {
        for d in [
            "/usr/share/hunspell",
            "/usr/share/myspell",
            "/usr/share/myspell/dicts",
            "/usr/local/share/hunspell",
        ] {
            dirs.push(PathBuf::from(d));
        }
    }
    dirs
}

/// Where the user may put dictionaries of their own (`~/.config/pressroom/dictionaries`).
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Pressroom").map(|d| d.config_dir().join("dictionaries"))
}

/// Every dictionary in `dirs` (a `.aff` with its `.dic` beside it), the shipped en_US
/// first, each language once (the first folder wins), sorted by language.
pub fn available(dirs: &[PathBuf]) -> Vec<Available> {
    let mut found: Vec<Available> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut here: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "aff") && p.with_extension("dic").is_file()
            })
            .collect();
        here.sort();
        for aff in here {
            let Some(lang) = aff.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            // A language name, not a path trick or a hidden file.
            if lang.is_empty()
                || lang.len() > 40
                || !lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                continue;
            }
            if !found.iter().any(|a| a.lang == lang) {
                found.push(Available {
                    lang: lang.to_string(),
                    aff: Some(aff),
                });
            }
        }
    }
    // The shipped en_US unless the user put their own en_US in their folder; the system's
    // en_US never replaces it, so every machine checks en_US alike.
    let user = user_dir();
    found.retain(|a| {
        a.lang != BUILTIN || a.aff.as_deref().and_then(Path::parent) == user.as_deref()
    });
    if !found.iter().any(|a| a.lang == BUILTIN) {
        found.push(Available {
            lang: BUILTIN.into(),
            aff: None,
        });
    }
    found.sort_by(|a, b| a.lang.cmp(&b.lang));
    found
}
