//! The README says what the code does: its table of check rules is the rule registry's.

use pressroom::core::checks::rules;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn the_readme_lists_every_check_rule_as_the_registry_has_it() {
    let text = readme();
    let start = "<!-- rules: generated from src/core/checks/rules.rs -->\n";
    let end = "<!-- /rules -->";
    let from = text.find(start).expect("the README marks its rule table") + start.len();
    let to = from + text[from..].find(end).expect("the table's end is marked");
    let table = &text[from..to];
    assert_eq!(
        table,
        rules::markdown_table(),
        "README's rule table differs from the registry; paste rules::markdown_table() in"
    );
}
