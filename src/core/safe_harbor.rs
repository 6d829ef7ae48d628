//! The standard forward-looking-statements text, written for Pressroom.

/// The safe-harbor text with the company name filled in ("the Company" when there is none).
pub fn standard_text(company: &str) -> String {
    let company = company.trim();
    // Mid-sentence and sentence-opening forms of the name.
    let (name, lead) = if company.is_empty() {
        ("the Company", "The Company")
    } else {
        (company, company)
    };
    format!(
        "This press release contains forward-looking statements within the meaning of the Private \
Securities Litigation Reform Act of 1995. Statements that are not historical facts, including \
statements about {name}'s plans, expectations, outlook, guidance and future performance, are \
forward-looking statements. Words such as \"expect,\" \"anticipate,\" \"believe,\" \"intend,\" \
\"plan,\" \"estimate,\" \"may,\" \"will\" and similar expressions identify them. They rest on \
management's current beliefs and assumptions and are subject to risks and uncertainties that \
could cause actual results to differ materially, including changes in demand and pricing, \
competition, the economy and financial markets, the availability of financing, regulatory and \
legal developments, and the Company's ability to carry out its plans. A further discussion of these \
and other risk factors appears in {name}'s filings with the Securities and Exchange Commission, \
including its most recent Annual Report on Form 10-K and subsequent Quarterly Reports on Form \
10-Q. Readers should not place undue reliance on forward-looking statements, which speak only as \
of the date of this release. {lead} undertakes no obligation to update or revise any \
forward-looking statement, whether as a result of new information, future events or otherwise, \
except as required by law."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_company_risks_filings_and_no_duty_to_update() {
        let t = standard_text("Acme Widget Corporation");
        assert!(t.contains("Acme Widget Corporation's plans"));
        assert!(t.contains("Form 10-K") && t.contains("Form 10-Q"));
        assert!(t.contains("risk factors"));
        assert!(t.contains("Acme Widget Corporation undertakes no obligation to update"));
        assert!(!t.contains("  "), "single-spaced source text");
    }

    #[test]
    fn falls_back_to_the_company_when_unnamed() {
        assert!(standard_text("  ").contains("The Company undertakes no obligation"));
    }
}
