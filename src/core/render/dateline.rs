//! Datelines in the forms releases use, with AP month and state abbreviations.

use chrono::{Datelike, NaiveDate};

use crate::core::draft::{Dateline, DatelineStyle, Wire};

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// AP style: months of five letters or fewer are spelled out; the rest abbreviated.
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

pub fn full_date(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

pub fn ap_date(d: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        AP_MONTHS[d.month0() as usize],
        d.day(),
        d.year()
    )
}

/// Cities the AP stylebook lets stand without a state.
const AP_STANDALONE: &[&str] = &[
    "ATLANTA",
    "BALTIMORE",
    "BOSTON",
    "CHICAGO",
    "CINCINNATI",
    "CLEVELAND",
    "DALLAS",
    "DENVER",
    "DETROIT",
    "HONOLULU",
    "HOUSTON",
    "INDIANAPOLIS",
    "LAS VEGAS",
    "LOS ANGELES",
    "MIAMI",
    "MILWAUKEE",
    "MINNEAPOLIS",
    "NEW ORLEANS",
    "NEW YORK",
    "OKLAHOMA CITY",
    "PHILADELPHIA",
    "PHOENIX",
    "PITTSBURGH",
    "ST. LOUIS",
    "SALT LAKE CITY",
    "SAN ANTONIO",
    "SAN DIEGO",
    "SAN FRANCISCO",
    "SEATTLE",
    "WASHINGTON",
];

/// Postal code to AP abbreviation (or full name, for the states AP never shortens).
pub const AP_STATES: &[(&str, &str)] = &[
    ("AL", "Ala."),
    ("AK", "Alaska"),
    ("AZ", "Ariz."),
    ("AR", "Ark."),
    ("CA", "Calif."),
    ("CO", "Colo."),
    ("CT", "Conn."),
    ("DE", "Del."),
    ("DC", "D.C."),
    ("FL", "Fla."),
    ("GA", "Ga."),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Ill."),
    ("IN", "Ind."),
    ("IA", "Iowa"),
    ("KS", "Kan."),
    ("KY", "Ky."),
    ("LA", "La."),
    ("ME", "Maine"),
    ("MD", "Md."),
    ("MA", "Mass."),
    ("MI", "Mich."),
    ("MN", "Minn."),
    ("MS", "Miss."),
    ("MO", "Mo."),
    ("MT", "Mont."),
    ("NE", "Neb."),
    ("NV", "Nev."),
    ("NH", "N.H."),
    ("NJ", "N.J."),
    ("NM", "N.M."),
    ("NY", "N.Y."),
    ("NC", "N.C."),
    ("ND", "N.D."),
    ("OH", "Ohio"),
    ("OK", "Okla."),
    ("OR", "Ore."),
    ("PA", "Pa."),
    ("RI", "R.I."),
    ("SC", "S.C."),
    ("SD", "S.D."),
    ("TN", "Tenn."),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vt."),
    ("VA", "Va."),
    ("WA", "Wash."),
    ("WV", "W.Va."),
    ("WI", "Wis."),
    ("WY", "Wyo."),
];

pub fn ap_region(region: &str) -> String {
    let r = region.trim();
    AP_STATES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(r))
        .map(|(_, ap)| ap.to_string())
        .unwrap_or_else(|| r.to_string())
}

/// The dateline that opens the first paragraph, with the separator that follows it
/// (ending in a space, ready for the paragraph text), or empty when there is none.
pub fn dateline_lead(d: &Dateline, default_style: DatelineStyle) -> String {
    // As an imported release wrote it (another wire's form), until the dateline is edited.
    if !d.as_written.trim().is_empty() {
        return d.as_written.trim_start().to_string();
    }
    let style = match d.style {
        DatelineStyle::Auto => default_style,
        s => s,
    };
    let city = d.city.trim();
    let region = d.region.trim();
    if city.is_empty() && region.is_empty() && d.date.is_none() {
        return String::new();
    }
    let mut place = Vec::new();
    match style {
        DatelineStyle::Full | DatelineStyle::Auto => {
            place.extend([city.to_string(), region.to_string()]);
            place.extend(d.date.map(full_date));
            let mut s = join_nonempty(&place, ", ");
            s.push_str(wire_tag(d.wire));
            s + " - - "
        }
        DatelineStyle::Ap => {
            let upper = city.to_uppercase();
            place.push(upper.clone());
            if !AP_STANDALONE.contains(&upper.as_str()) {
                place.push(ap_region(region));
            }
            if d.wire == Wire::BusinessWire {
                // Business Wire puts its tag between place and date, and runs the dash
                // into the first word: `CLEVELAND--(BUSINESS WIRE)--Nov. 27, 2026--Northbridge`.
                let mut s = join_nonempty(&place, ", ");
                s.push_str("--(BUSINESS WIRE)--");
                s.push_str(&d.date.map(ap_date).unwrap_or_default());
                return s + "--";
            }
            place.extend(d.date.map(ap_date));
            let mut s = join_nonempty(&place, ", ");
            s.push_str(wire_tag(d.wire));
            s + " -- "
        }
        DatelineStyle::CityDash => {
            place.extend([city.to_uppercase(), region.to_string()]);
            let mut s = join_nonempty(&place, ", ");
            if let Some(date) = d.date {
                s.push_str(" -- ");
                s.push_str(&full_date(date));
            }
            s.push_str(wire_tag(d.wire));
            s + " -- "
        }
    }
}

fn wire_tag(wire: Wire) -> &'static str {
    match wire {
        Wire::None => "",
        Wire::PrNewswire => " /PRNewswire/",
        Wire::BusinessWire => " (BUSINESS WIRE)",
        Wire::GlobeNewswire => " (GLOBE NEWSWIRE)",
    }
}

fn join_nonempty(parts: &[String], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(city: &str, region: &str, wire: Wire, style: DatelineStyle) -> Dateline {
        Dateline {
            city: city.into(),
            region: region.into(),
            date: NaiveDate::from_ymd_opt(2003, 9, 15),
            wire,
            style,
            as_written: String::new(),
        }
    }

    #[test]
    fn ap_months_follow_the_stylebook() {
        let d = |m| ap_date(NaiveDate::from_ymd_opt(2026, m, 2).unwrap());
        assert_eq!(d(1), "Jan. 2, 2026");
        assert_eq!(d(3), "March 2, 2026");
        assert_eq!(d(6), "June 2, 2026");
        assert_eq!(d(9), "Sept. 2, 2026");
        assert_eq!(d(12), "Dec. 2, 2026");
    }

    #[test]
    fn full_dateline_as_in_edgar_exhibits() {
        let d = dl("Los Angeles", "CA", Wire::None, DatelineStyle::Auto);
        assert_eq!(
            dateline_lead(&d, DatelineStyle::Full),
            "Los Angeles, CA, September 15, 2003 - - "
        );
    }

    #[test]
    fn ap_dateline_with_each_wire() {
        let mut d = dl("Los Angeles", "CA", Wire::PrNewswire, DatelineStyle::Ap);
        assert_eq!(
            dateline_lead(&d, DatelineStyle::Full),
            "LOS ANGELES, Sept. 15, 2003 /PRNewswire/ -- "
        );
        d.wire = Wire::BusinessWire;
        assert_eq!(
            dateline_lead(&d, DatelineStyle::Full),
            "LOS ANGELES--(BUSINESS WIRE)--Sept. 15, 2003--"
        );
        d.wire = Wire::GlobeNewswire;
        d.city = "Williston".into();
        d.region = "VT".into();
        assert_eq!(
            dateline_lead(&d, DatelineStyle::Full),
            "WILLISTON, Vt., Sept. 15, 2003 (GLOBE NEWSWIRE) -- "
        );
    }

    #[test]
    fn city_dash_dateline() {
        let d = dl("Albany", "New York", Wire::None, DatelineStyle::CityDash);
        assert_eq!(
            dateline_lead(&d, DatelineStyle::Ap),
            "ALBANY, New York -- September 15, 2003 -- "
        );
    }

    #[test]
    fn foreign_regions_stay_as_typed_and_empty_dateline_is_empty() {
        assert_eq!(ap_region("Germany"), "Germany");
        assert_eq!(ap_region("tx"), "Texas");
        assert_eq!(dateline_lead(&Dateline::default(), DatelineStyle::Ap), "");
    }
}
