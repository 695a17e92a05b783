//! Time spent in each stage, summed over every article of the process and
//! every thread: what `extract -v` prints at the end, so a user can see what
//! a slow archive costs and where. Two clock reads a stage and one relaxed
//! atomic add: far below a stage's own cost.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A step of one article's way through the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and decoding the input.
    Read,
    Layout,
    Text,
    Ner,
    Entities,
    Quotes,
    Events,
    /// Building the record (code-point spans, ids).
    Record,
    /// Checking the record before it is written.
    Validate,
    /// Serializing and writing it to the sinks.
    Write,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Read,
        Stage::Layout,
        Stage::Text,
        Stage::Ner,
        Stage::Entities,
        Stage::Quotes,
        Stage::Events,
        Stage::Record,
        Stage::Validate,
        Stage::Write,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Layout => "layout",
            Stage::Text => "text",
            Stage::Ner => "ner",
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
            Stage::Events => "events",
            Stage::Record => "record",
            Stage::Validate => "validate",
            Stage::Write => "write",
        }
    }
}

static NANOS: [AtomicU64; Stage::ALL.len()] = [const { AtomicU64::new(0) }; Stage::ALL.len()];

/// Add `spent` to `stage`'s total.
pub fn add(stage: Stage, spent: Duration) {
    NANOS[stage as usize].fetch_add(spent.as_nanos() as u64, Ordering::Relaxed);
}

/// Run `f`, adding its time to `stage`.
#[inline]
pub fn timed<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    add(stage, start.elapsed());
    out
}

/// Every stage's total so far, in pipeline order.
pub fn totals() -> Vec<(Stage, Duration)> {
    Stage::ALL
        .iter()
        .map(|&s| {
            (
                s,
                Duration::from_nanos(NANOS[s as usize].load(Ordering::Relaxed)),
            )
        })
        .collect()
}

/// One line per stage: its time and share of the total, e.g.
/// `  ner        1.234 s  52.1%`.
pub fn report() -> Vec<String> {
    let totals = totals();
    let all: f64 = totals.iter().map(|(_, d)| d.as_secs_f64()).sum();
    totals
        .iter()
        .map(|(stage, d)| {
            let share = if all > 0.0 {
                100.0 * d.as_secs_f64() / all
            } else {
                0.0
            };
            format!(
                "  {:<9} {:>9.3} s {:>5.1}%",
                stage.name(),
                d.as_secs_f64(),
                share
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_is_added_to_its_stage_and_reported_with_shares() {
        add(Stage::Quotes, Duration::from_millis(30));
        let before = totals()[Stage::Quotes as usize].1;
        assert!(before >= Duration::from_millis(30));
        timed(Stage::Quotes, || {
            std::thread::sleep(Duration::from_millis(2))
        });
        assert!(totals()[Stage::Quotes as usize].1 >= before + Duration::from_millis(2));
        let lines = report();
        assert_eq!(lines.len(), Stage::ALL.len());
        let quotes = lines
            .iter()
            .find(|l| l.trim_start().starts_with("quotes"))
            .unwrap();
        assert!(quotes.ends_with('%'), "{quotes}");
    }
}
