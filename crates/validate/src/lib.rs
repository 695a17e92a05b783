//! Checking records: the library behind `newsparse validate`, the Python
//! package's `validate` and the review page's problem list.
//!
//! Steps, for one record:
//! 1. [`schema::check_record`]: the JSON Schema (embedded, compiled once per
//!    process) and the contract's invariants JSON Schema cannot express
//!    (unique ids, refs that resolve, span order, texts as long as spans);
//! 2. with its source text, [`files`]: every span inside the text, every text
//!    equal to its source slice, `source.sha256`/`bytes`/`chars` agreeing;
//! 3. [`jsonpos`]: each problem's JSON pointer located as `line:column`.

/// `eprintln!` that never panics (a closed stderr loses the message, not the run).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod files;
pub mod jsonpos;
pub mod schema;
