//! The safe-harbor library: standard forward-looking-statements texts, written for
//! Pressroom, with the company's name and the filing year filled in.

/// The forms a company can choose from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Short,
    Long,
    Transaction,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Short, Form::Long, Form::Transaction];

    pub fn label(self) -> &'static str {
        match self {
            Form::Short => "Short form",
            Form::Long => "Long form (risk categories, 10-K and 10-Q)",
            Form::Transaction => "Transaction (closing, approvals, integration)",
        }
    }

    /// The text for `company`, citing the annual report for `year - 1` (the latest one
    /// filed before a release in `year`).
    pub fn text(self, company: &str, year: i32) -> String {
        let company = company.trim();
        // Mid-sentence and sentence-opening forms of the name.
        let (name, lead) = if company.is_empty() {
            ("the Company", "The Company")
        } else {
            (company, company)
        };
        let last = year - 1;
        match self {
            Form::Short => format!(
                "This press release contains forward-looking statements within the meaning of the Private \
Securities Litigation Reform Act of 1995, including statements about {name}'s expectations, plans and \
outlook. Words such as \"expect,\" \"plan,\" \"will\" and similar expressions identify them. They are \
subject to risks and uncertainties that could cause actual results to differ materially, including \
those described under \"Risk Factors\" in {name}'s Annual Report on Form 10-K for the year ended \
December 31, {last}. {lead} undertakes no obligation to update any forward-looking statement, except \
as required by law."
            ),
            Form::Long => format!(
                "This press release contains forward-looking statements within the meaning of the Private \
Securities Litigation Reform Act of 1995. Statements that are not historical facts, including \
statements about {name}'s plans, expectations, outlook, guidance and future performance, are \
forward-looking statements. Words such as \"expect,\" \"anticipate,\" \"believe,\" \"intend,\" \
\"plan,\" \"estimate,\" \"may,\" \"will\" and similar expressions identify them. They rest on \
management's current beliefs and assumptions and are subject to risks and uncertainties that \
could cause actual results to differ materially, including changes in demand and pricing, \
competition, the economy and financial markets, the availability of financing, supply chain and \
cost pressures, cybersecurity incidents, regulatory and legal developments, and the Company's \
ability to carry out its plans. A further discussion of these and other risk factors appears in \
{name}'s filings with the Securities and Exchange Commission, including its Annual Report on Form \
10-K for the year ended December 31, {last} and subsequent Quarterly Reports on Form 10-Q. Readers \
should not place undue reliance on forward-looking statements, which speak only as of the date of \
this release. {lead} undertakes no obligation to update or revise any forward-looking statement, \
whether as a result of new information, future events or otherwise, except as required by law."
            ),
            Form::Transaction => format!(
                "This communication contains forward-looking statements within the meaning of the Private \
Securities Litigation Reform Act of 1995, including statements about the proposed transaction, its \
expected timing and completion, and the benefits and synergies expected from it. These statements \
are subject to risks and uncertainties, including the risk that the transaction does not close on \
the expected terms or timetable or at all; that required shareholder or regulatory approvals are not \
obtained, or are obtained with conditions; that the businesses are not integrated successfully or \
expected synergies are not realized; that the announcement disrupts relationships with customers, \
suppliers or employees; and the risk factors described in {name}'s Annual Report on Form 10-K for \
the year ended December 31, {last} and subsequent Quarterly Reports on Form 10-Q filed with the \
Securities and Exchange Commission. {lead} undertakes no obligation to update any forward-looking \
statement, except as required by law."
            ),
        }
    }
}

/// The standard text (the long form) that Edit > Insert Safe Harbor offers first.
pub fn standard_text(company: &str, year: i32) -> String {
    Form::Long.text(company, year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checks;

    #[test]
    fn every_form_names_the_company_year_and_no_duty_to_update() {
        for form in Form::ALL {
            let t = form.text("Acme Widget Corporation", 2026);
            assert!(t.contains("Acme Widget Corporation's"), "{form:?}");
            assert!(t.contains("December 31, 2025"), "{form:?}");
            assert!(
                t.contains("Acme Widget Corporation undertakes no obligation to update"),
                "{form:?}"
            );
            assert!(!t.contains("  "), "single-spaced source text");
        }
    }

    #[test]
    fn the_long_form_names_risk_categories_and_both_filings() {
        let t = Form::Long.text("Acme", 2026);
        assert!(t.contains("Form 10-K") && t.contains("Form 10-Q"));
        assert!(t.contains("competition") && t.contains("financing"));
    }

    #[test]
    fn the_transaction_form_covers_closing_approvals_and_integration() {
        let t = Form::Transaction.text("Acme", 2026);
        assert!(t.contains("close") && t.contains("approvals") && t.contains("integrated"));
    }

    #[test]
    fn each_form_satisfies_the_safe_harbor_checks() {
        for form in Form::ALL {
            let d = crate::core::draft::Draft {
                safe_harbor: crate::core::draft::SafeHarbor {
                    text: form.text("Acme", 2026),
                    ..Default::default()
                },
                ..Default::default()
            };
            let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let f = checks::check(&d, today, crate::core::draft::Style::Edgar);
            assert!(
                !f.iter().any(|f| f.rule.starts_with("safe-harbor-no")),
                "{form:?}: {f:?}"
            );
        }
    }

    #[test]
    fn falls_back_to_the_company_when_unnamed() {
        assert!(
            Form::Short
                .text("  ", 2026)
                .contains("The Company undertakes no obligation")
        );
    }
}
