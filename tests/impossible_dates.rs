//! A wrong date in the input costs that field, never the record: whatever
//! day, month and year a text prints, in any place layout reads dates, the
//! pipeline gives a record that passes validation.

use newsparse::pipeline::{extract, SourceInfo};
use newsparse::schema::check_record;
use newsparse_lang::lexicon::MONTHS;
use proptest::prelude::*;

fn record_of(text: &str) -> serde_json::Value {
    let source = SourceInfo::text("invented.txt", text.as_bytes());
    serde_json::to_value(extract(&source, text)).expect("record serializes")
}

/// Texts that print `day month year` in each place layout reads dates.
fn texts(day: &str, month: &str, year: &str) -> Vec<String> {
    vec![
        format!("Kest floods worsen\n\nPublished: {month} {day}, {year}\n\nFloods hit Kest on Tuesday, officials said.\n"),
        format!("Kest floods worsen\n\nUpdated: {day} {month} {year}\n\nFloods hit Kest on Tuesday.\n"),
        format!("Kest floods worsen\n\nBy Jane Doe | Published: {month} {day}, {year}\n\nFloods hit Kest on Tuesday.\n"),
        format!("Kest floods worsen\n\nKEST, Ostland, {month} {day}, {year} (AP) \u{2014} Floods hit Kest.\n\nRescuers worked on.\n"),
        format!("Kest floods worsen\n\nFloods hit Kest on Tuesday.\n\nRescuers in Kest, Ostland, {month} {day}, {year}. REUTERS/Pia Lund\n\nMore rain is due.\n"),
        format!("Kest floods worsen\n\n{year}-{day}-{month}\n\nFloods hit Kest on {month} {day}, {year}.\n"),
    ]
}

#[test]
fn february_30_costs_the_date_not_the_record() {
    for text in texts("30", "February", "2023") {
        let r = record_of(&text);
        let problems = check_record(&r);
        assert!(problems.is_empty(), "{text}\n{problems:?}");
        assert!(r["article"]["published"].is_null(), "{text}");
        assert!(r["article"]["dateline"].is_null() || r["article"]["dateline"]["date"].is_null());
        for p in r["photos"].as_array().unwrap() {
            assert!(p["date"].is_null(), "{text}");
        }
        let warned = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("impossible date"));
        // The last form prints the date in the body only: nothing to warn of.
        if !text.contains("2023-30") {
            assert!(warned, "{text}\n{}", r["warnings"]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_printed_date_gives_a_valid_record(
        day in prop_oneof![(0u32..=40).prop_map(|d| d.to_string()), "[0-9]{1,3}"],
        month in prop_oneof![
            // The twelve months, and a word that is none.
            (0usize..13).prop_map(|m| MONTHS.get(m).unwrap_or(&"Smarch").to_string()),
            (0u32..=14).prop_map(|m| format!("{m:02}")),
        ],
        year in prop_oneof![(1899u32..=2101).prop_map(|y| y.to_string()), "[0-9]{1,5}"],
    ) {
        for text in texts(&day, &month, &year) {
            let r = record_of(&text);
            let problems = check_record(&r);
            prop_assert!(problems.is_empty(), "{}\n{:?}", text, problems);
        }
    }
}
