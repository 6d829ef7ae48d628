//! Reading cells as numbers, exactly, and printing them the financial printer's way.
//!
//! A cell is text as typed. It reads as a number when it is one of:
//! `1,234`, `1234`, `0.05`, `.5`; negatives `(812)`, `-812`, `−812` (Unicode minus);
//! `-`, `--`, `—` or `–` alone (zero, "nil"); each with `$` in front (`$1,234`, `$ 1,234`,
//! `$(0.05)`, `($0.05)`, `-$5`) or `%` behind (`12.5%`, `(3.1)%`, `(3.1%)`).
//! Commas must group digits in threes. Everything else (`n/m`, `NM`, `*`, `1,23`, `12(1)`)
//! stays text. A cell `(1)` is minus one: footnote marks belong to labels.
//!
//! Amounts are exact: an `i128` count of units of the last decimal place typed.

use std::cmp::Ordering;
use std::fmt;

use super::model::Negatives;

/// An exact decimal: `units / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    pub units: i128,
    pub scale: u32,
}

const MAX_SCALE: u32 = 18;

impl Amount {
    pub const ZERO: Amount = Amount { units: 0, scale: 0 };

    pub fn new(units: i128, scale: u32) -> Amount {
        Amount { units, scale }
    }

    /// The same value with `scale` decimal places (`None` if that would lose digits or overflow).
    pub fn rescaled(self, scale: u32) -> Option<Amount> {
        if scale >= self.scale {
            let f = 10i128.checked_pow(scale - self.scale)?;
            Some(Amount::new(self.units.checked_mul(f)?, scale))
        } else {
            let f = 10i128.pow(self.scale - scale);
            (self.units % f == 0).then(|| Amount::new(self.units / f, scale))
        }
    }

    fn common(a: Amount, b: Amount) -> Option<(i128, i128, u32)> {
        let s = a.scale.max(b.scale);
        Some((a.rescaled(s)?.units, b.rescaled(s)?.units, s))
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        let (a, b, s) = Amount::common(self, other)?;
        Some(Amount::new(a.checked_add(b)?, s))
    }

    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.checked_add(other.negated())
    }

    pub fn negated(self) -> Amount {
        Amount::new(-self.units, self.scale)
    }

    pub fn abs(self) -> Amount {
        Amount::new(self.units.abs(), self.scale)
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// Compares values, whatever their scales.
    pub fn cmp_value(self, other: Amount) -> Ordering {
        match Amount::common(self, other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only astronomically large amounts fail to rescale; compare by sign then magnitude.
            None => (self.units.signum(), self.units).cmp(&(other.units.signum(), other.units)),
        }
    }

    /// One unit of the last decimal place: `0.01` for scale 2.
    pub fn ulp(scale: u32) -> Amount {
        Amount::new(1, scale)
    }
}

impl fmt::Display for Amount {
    /// Plain decimal: `-1234.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        let s = self.scale as usize;
        if s == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = s + 1);
        let (int, frac) = padded.split_at(padded.len() - s);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// A cell that reads as a number, with what printing needs to keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    pub amount: Amount,
    /// Integer digits as typed, commas kept, no sign (`"1,234"`; empty for `.5`).
    pub int_digits: String,
    /// Digits after the decimal point as typed (`"50"` for `1.50`).
    pub frac_digits: String,
    pub percent: bool,
    /// Typed as a dash (`--`, `—`) rather than as a zero.
    pub dash: bool,
}

impl Number {
    /// Decimal places shown.
    pub fn decimals(&self) -> u32 {
        self.frac_digits.len() as u32
    }

    pub fn is_negative(&self) -> bool {
        self.amount.units < 0
    }
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellValue {
    Empty,
    Number(Number),
    /// Text that is not a number (`n/m`, `NM`, `*`), trimmed.
    Text(String),
}

impl CellValue {
    pub fn number(&self) -> Option<&Number> {
        match self {
            CellValue::Number(n) => Some(n),
            _ => None,
        }
    }
}

const DASHES: &[&str] = &["-", "--", "---", "\u{2014}", "\u{2013}", "\u{2015}"];

/// Reads a cell as typed.
pub fn read_cell(s: &str) -> CellValue {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return CellValue::Empty;
    }
    match read_number(t) {
        Some(n) => CellValue::Number(n),
        None => CellValue::Text(t.to_string()),
    }
}

fn strip_dollar(t: &str) -> (&str, bool) {
    match t.strip_prefix('$') {
        Some(rest) => (rest.trim_start(), true),
        None => (t, false),
    }
}

fn read_number(t: &str) -> Option<Number> {
    let (t, dollar) = strip_dollar(t);
    let mut percent = false;
    let mut negative = false;
    let mut body = t;
    if let Some(inner) = body.strip_prefix('(') {
        let inner = if let Some(i) = inner.strip_suffix(")%") {
            percent = true;
            i
        } else {
            inner.strip_suffix(')')?
        };
        negative = true;
        body = inner;
    } else if let Some(rest) = body.strip_prefix(['-', '\u{2212}']) {
        // A lone "-" is a dash, handled below; "-5" is negative.
        if !rest.is_empty() && rest != "-" {
            negative = true;
            body = rest;
        }
    }
    let (body, dollar_inside) = strip_dollar(body);
    if dollar && dollar_inside {
        return None;
    }
    let body = match body.strip_suffix('%') {
        Some(b) if !percent => {
            percent = true;
            b
        }
        Some(_) => return None,
        None => body,
    };
    if DASHES.contains(&body) && !negative {
        return Some(Number {
            amount: Amount::ZERO,
            int_digits: String::new(),
            frac_digits: String::new(),
            percent,
            dash: true,
        });
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if !grouped_digits(int) {
        return None;
    }
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let frac = frac.unwrap_or("");
    let digits: String = int
        .chars()
        .filter(|c| *c != ',')
        .chain(frac.chars())
        .collect();
    if digits.is_empty() || digits.len() > 30 || frac.len() as u32 > MAX_SCALE {
        return None;
    }
    let units: i128 = digits.parse().ok()?;
    Some(Number {
        amount: Amount::new(if negative { -units } else { units }, frac.len() as u32),
        int_digits: int.to_string(),
        frac_digits: frac.to_string(),
        percent,
        dash: false,
    })
}

/// `1234`, `1,234`, `12,345,678` or empty (for `.5`); not `1,23` or `,123`.
fn grouped_digits(int: &str) -> bool {
    if !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return false;
    }
    if !int.contains(',') {
        return true;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// A number printed in two parts that meet at the decimal point's place: `left` ends with
/// the last integer digit (sign or `(` in front); `right` holds the decimals and what hangs
/// to the right (`)`, `%`). Zero prints as a dash (`--` in ASCII, `—` otherwise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    pub left: String,
    pub right: String,
}

pub fn print_number(n: &Number, ascii: bool, negatives: Negatives) -> Printed {
    if n.amount.is_zero() {
        let dash = if ascii { "--" } else { "\u{2014}" };
        return Printed {
            left: dash.into(),
            right: String::new(),
        };
    }
    let frac = if n.frac_digits.is_empty() {
        String::new()
    } else {
        format!(".{}", n.frac_digits)
    };
    let pct = if n.percent { "%" } else { "" };
    if !n.is_negative() {
        return Printed {
            left: n.int_digits.clone(),
            right: format!("{frac}{pct}"),
        };
    }
    match negatives {
        Negatives::Parentheses => Printed {
            left: format!("({}", n.int_digits),
            right: format!("{frac}){pct}"),
        },
        Negatives::Minus => Printed {
            left: format!("{}{}", if ascii { "-" } else { "\u{2212}" }, n.int_digits),
            right: format!("{frac}{pct}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Number {
        match read_cell(s) {
            CellValue::Number(n) => n,
            other => panic!("{s:?} read as {other:?}"),
        }
    }

    fn value(s: &str) -> String {
        num(s).amount.to_string()
    }

    #[test]
    fn reads_every_form_of_number() {
        assert_eq!(value("1,234"), "1234");
        assert_eq!(value("1234"), "1234");
        assert_eq!(value("12,345,678"), "12345678");
        assert_eq!(value("(812)"), "-812");
        assert_eq!(value("(0.05)"), "-0.05");
        assert_eq!(value("-812"), "-812");
        assert_eq!(value("\u{2212}812"), "-812");
        assert_eq!(value("$1,234"), "1234");
        assert_eq!(value("$ 1,234"), "1234");
        assert_eq!(value("$(0.05)"), "-0.05");
        assert_eq!(value("($0.05)"), "-0.05");
        assert_eq!(value("-$5"), "-5");
        assert_eq!(value(".5"), "0.5");
        assert_eq!(value("  42  "), "42");
        assert_eq!(
            value("(1)"),
            "-1",
            "a cell (1) is minus one, not a footnote mark"
        );
        for pct in ["12.5%", "(3.1)%", "(3.1%)"] {
            assert!(num(pct).percent, "{pct}");
        }
        assert_eq!(value("(3.1)%"), "-3.1");
        assert_eq!(value("(3.1%)"), "-3.1");
    }

    #[test]
    fn dashes_alone_are_zero() {
        for d in ["-", "--", "\u{2014}", "\u{2013}", "$ --", "$\u{2014}"] {
            let n = num(d);
            assert!(n.amount.is_zero() && n.dash, "{d}");
        }
    }

    #[test]
    fn text_stays_text() {
        for t in [
            "n/m", "n/a", "NM", "*", "1,23", ",123", "12(1)", "1.2.3", "abc", "$", "()", "1.",
            "(5", "5)", "$$5", "--5", "2026E",
        ] {
            assert_eq!(read_cell(t), CellValue::Text(t.to_string()), "{t}");
        }
        assert_eq!(read_cell("   "), CellValue::Empty);
    }

    #[test]
    fn decimals_are_kept_exactly() {
        let n = num("1,234.50");
        assert_eq!(n.decimals(), 2);
        assert_eq!(n.amount, Amount::new(123450, 2));
        assert_eq!(
            (n.int_digits.as_str(), n.frac_digits.as_str()),
            ("1,234", "50")
        );
        // 0.1 + 0.2 is exactly 0.3: no floating point anywhere.
        let sum = num("0.1").amount.checked_add(num("0.2").amount).unwrap();
        assert_eq!(sum.cmp_value(num("0.30").amount), Ordering::Equal);
        assert_eq!(sum.to_string(), "0.3");
        assert_eq!(Amount::new(-5, 2).to_string(), "-0.05");
        let big = num("99,999,999,999,999,999,999.99");
        assert_eq!(big.amount.to_string(), "99999999999999999999.99");
    }

    #[test]
    fn prints_negatives_and_zero_by_style() {
        let p = |s: &str, ascii, neg| {
            let p = print_number(&num(s), ascii, neg);
            format!("{}|{}", p.left, p.right)
        };
        use Negatives::*;
        assert_eq!(p("-812", true, Parentheses), "(812|)");
        assert_eq!(p("(0.05)", true, Parentheses), "(0|.05)");
        assert_eq!(p("(812)", true, Minus), "-812|");
        assert_eq!(p("(812)", false, Minus), "\u{2212}812|");
        assert_eq!(p("(3.1%)", true, Parentheses), "(3|.1)%");
        assert_eq!(p("12.5%", true, Parentheses), "12|.5%");
        assert_eq!(p("--", true, Parentheses), "--|");
        assert_eq!(p("0", false, Parentheses), "\u{2014}|");
        assert_eq!(p("$1,234", true, Parentheses), "1,234|");
    }
}
