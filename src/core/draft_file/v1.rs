//! Draft format 1, kept only to read older files: body blocks without ids. Loading
//! converts it to the current format (and [`Draft::assign_ids`] numbers the items).

use serde::Deserialize;

use crate::core::draft::{
    About, Block, BodyBlock, Company, Contact, ContactsPlacement, Dateline, Draft, EndMark,
    ExportSettings, Release, SafeHarbor, Subheadline,
};

/// Format 1's draft: the current one but for `body`. Contacts and "About" sections read
/// as today's, their `id` left at 0.
#[derive(Deserialize)]
#[serde(default)]
pub struct DraftV1 {
    version: u32,
    release: Release,
    company: Company,
    contacts: Vec<Contact>,
    contacts_placement: ContactsPlacement,
    headline: String,
    subheadline: Subheadline,
    dateline: Dateline,
    body: Vec<Block>,
    boilerplate: Vec<About>,
    safe_harbor: SafeHarbor,
    end_mark: EndMark,
    export: ExportSettings,
}

impl Default for DraftV1 {
    fn default() -> Self {
        let d = Draft::default();
        Self {
            version: 1,
            release: d.release,
            company: d.company,
            contacts: d.contacts,
            contacts_placement: d.contacts_placement,
            headline: d.headline,
            subheadline: d.subheadline,
            dateline: d.dateline,
            body: d.body.into_iter().map(|b| b.block).collect(),
            boilerplate: d.boilerplate,
            safe_harbor: d.safe_harbor,
            end_mark: d.end_mark,
            export: d.export,
        }
    }
}

impl From<DraftV1> for Draft {
    fn from(v: DraftV1) -> Draft {
        let _ = v.version;
        let mut d = Draft {
            version: 2,
            release: v.release,
            company: v.company,
            contacts: v.contacts,
            contacts_placement: v.contacts_placement,
            contacts_heading: String::new(),
            headline: v.headline,
            subheadline: v.subheadline,
            dateline: v.dateline,
            body: v.body.into_iter().map(BodyBlock::new).collect(),
            boilerplate: v.boilerplate,
            safe_harbor: v.safe_harbor,
            end_mark: v.end_mark,
            export: v.export,
            spelling: Default::default(),
            comments: Vec::new(),
        };
        // Format 1's defaults carried ids; a file's own items had none: number them afresh.
        d.contacts
            .iter_mut()
            .for_each(|c| c.id = Default::default());
        d.boilerplate
            .iter_mut()
            .for_each(|a| a.id = Default::default());
        d.assign_ids();
        d
    }
}
