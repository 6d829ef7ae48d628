//! The Company Profiles window: create, edit, duplicate and delete profiles, and pick
//! the default one that new drafts start from.

use egui::{Context, TextEdit, Ui};

use crate::core::draft::{About, Contact, Draft, Style};
use crate::core::profiles::{Profile, ProfileStore};

pub struct ProfileEditor {
    store: ProfileStore,
    list: Vec<(String, Profile)>,
    default: Option<String>,
    /// The profile being edited: its slug and a working copy, saved on Save.
    selected: Option<(String, Profile)>,
}

/// What a frame of the window did, for the app to follow up.
pub struct Outcome {
    pub open: bool,
    /// Profiles on disk changed: menus need refreshing.
    pub changed: bool,
    pub status: Option<String>,
}

impl ProfileEditor {
    pub fn open(store: &ProfileStore) -> Self {
        let mut e = Self {
            store: store.clone(),
            list: Vec::new(),
            default: None,
            selected: None,
        };
        e.reload();
        e.selected = e.list.first().cloned();
        e
    }

    fn reload(&mut self) {
        self.list = self.store.list().0;
        self.default = self.store.default_slug();
    }

    pub fn show(&mut self, ctx: &Context, draft: &Draft) -> Outcome {
        let mut open = true;
        let mut out = Outcome {
            open: true,
            changed: false,
            status: None,
        };
        egui::Window::new("Company profiles")
            .open(&mut open)
            .default_size([760.0, 560.0])
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(200.0);
                        self.list_ui(ui, draft, &mut out);
                    });
                    ui.add_space(16.0); // a vertical separator would grow with the window
                    ui.vertical(|ui| self.edit_ui(ui, &mut out));
                });
            });
        out.open = open;
        out
    }

    fn list_ui(&mut self, ui: &mut Ui, draft: &Draft, out: &mut Outcome) {
        for (slug, p) in self.list.clone() {
            let is_default = self.default.as_deref() == Some(slug.as_str());
            let label = if is_default {
                format!("{} (default)", p.name)
            } else {
                p.name.clone()
            };
            let selected = self.selected.as_ref().is_some_and(|(s, _)| *s == slug);
            if ui.selectable_label(selected, label).clicked() {
                self.selected = Some((slug, p));
            }
        }
        ui.separator();
        let create = |e: &mut Self, p: Profile, out: &mut Outcome| {
            let slug = e.store.free_slug(&p.name);
            match e.store.save(&slug, &p) {
                Ok(()) => {
                    e.reload();
                    e.selected = Some((slug, p));
                    out.changed = true;
                }
                Err(err) => out.status = Some(format!("Could not save the profile: {err}")),
            }
        };
        if ui.button("New profile").clicked() {
            create(
                self,
                Profile {
                    name: "New company".into(),
                    ..Profile::default()
                },
                out,
            );
        }
        if ui.button("From the current draft").clicked() {
            let name = if draft.company.name.trim().is_empty() {
                "New company"
            } else {
                draft.company.name.trim()
            };
            create(self, Profile::from_draft(name, draft), out);
        }
        let Some((slug, p)) = self.selected.clone() else {
            return;
        };
        if ui.button("Duplicate").clicked() {
            create(
                self,
                Profile {
                    name: format!("{} (copy)", p.name),
                    ..p.clone()
                },
                out,
            );
        }
        if ui.button("Set as default").clicked() {
            match self.store.set_default(Some(&slug)) {
                Ok(()) => out.changed = true,
                Err(err) => out.status = Some(format!("Could not set the default: {err}")),
            }
            self.reload();
        }
        if ui.button("Delete").clicked() {
            match self.store.delete(&slug) {
                Ok(()) => {
                    out.changed = true;
                    self.reload();
                    self.selected = self.list.first().cloned();
                }
                Err(err) => out.status = Some(format!("Could not delete the profile: {err}")),
            }
        }
    }

    fn edit_ui(&mut self, ui: &mut Ui, out: &mut Outcome) {
        let Some((slug, p)) = &mut self.selected else {
            ui.weak("No profile yet: make one from the current draft, or a new one.");
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("profile-edit")
            .show(ui, |ui| {
                egui::Grid::new("profile-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        field(ui, "Profile name", &mut p.name);
                        field(ui, "Company name", &mut p.company.name);
                        field(ui, "Ticker", &mut p.company.ticker);
                        field(ui, "Exchange", &mut p.company.exchange);
                        field(ui, "Website", &mut p.company.website);
                        field(ui, "HQ city", &mut p.company.city);
                        field(ui, "HQ state", &mut p.company.state);
                        let mut logo = p.logo.clone().unwrap_or_default();
                        field(ui, "Logo image", &mut logo);
                        p.logo = Some(logo).filter(|l| !l.trim().is_empty());
                        let l = ui.label("Export style");
                        ui.horizontal(|ui| {
                            for s in Style::ALL {
                                ui.radio_value(&mut p.style, s, s.label()).labelled_by(l.id);
                            }
                        });
                        ui.end_row();
                        if p.boilerplate.is_empty() {
                            p.boilerplate.push(About::default());
                        }
                        multiline(ui, "About the company", &mut p.boilerplate[0].text);
                        multiline(ui, "Approved safe harbor", &mut p.safe_harbor);
                        // Product names and the like, one a line: spelling accepts them.
                        let mut words = p.words.join("\n");
                        multiline(ui, "Product names and words", &mut words);
                        // Kept as typed (a new empty line too) until saved.
                        let listed: Vec<String> = words.split('\n').map(str::to_string).collect();
                        if listed != p.words {
                            p.words = listed;
                        }
                    });
                ui.strong("Default contacts");
                let mut remove = None;
                for (i, c) in p.contacts.iter_mut().enumerate() {
                    ui.push_id(i, |ui| {
                        egui::Grid::new("profile-contact")
                            .num_columns(2)
                            .show(ui, |ui| {
                                field(ui, "Role label", &mut c.role);
                                field(ui, "Organisation", &mut c.organisation);
                                field(ui, "Name", &mut c.name);
                                field(ui, "Title", &mut c.title);
                                field(ui, "Phone", &mut c.phone);
                                field(ui, "Email", &mut c.email);
                            });
                        if ui.small_button("Remove contact").clicked() {
                            remove = Some(i);
                        }
                    });
                    ui.separator();
                }
                if let Some(i) = remove {
                    p.contacts.remove(i);
                }
                if ui.button("+ Contact").clicked() {
                    p.contacts.push(Contact::default());
                }
            });
        ui.separator();
        if ui.button("Save profile").clicked() {
            p.boilerplate
                .retain(|a| !a.text.trim().is_empty() || !a.heading.trim().is_empty());
            p.words.retain(|w| !w.trim().is_empty());
            p.words.iter_mut().for_each(|w| *w = w.trim().to_string());
            match self.store.save_renaming(slug, p) {
                Ok(stored) => {
                    *slug = stored; // renamed with the profile
                    out.changed = true;
                    out.status = Some(format!("Saved the {} profile", p.name));
                }
                Err(err) => out.status = Some(format!("Could not save the profile: {err}")),
            }
            let keep = (slug.clone(), p.clone());
            self.reload();
            self.selected = Some(keep);
        }
    }
}

fn field(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    ui.add(TextEdit::singleline(value).desired_width(360.0))
        .labelled_by(l.id);
    ui.end_row();
}

fn multiline(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    ui.add(
        TextEdit::multiline(value)
            .desired_width(360.0)
            .desired_rows(3),
    )
    .labelled_by(l.id);
    ui.end_row();
}
