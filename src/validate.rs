//! `newsparse validate`: every error of every record with file:line:column.
//! (Stub: the validate helper implements it.)

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
}

pub struct ValidateOptions {
    /// Files of records (`.json` or `.jsonl`), or "-" for stdin.
    pub files: Vec<PathBuf>,
    /// A text file or a directory of inputs, to check spans against.
    pub source: Option<PathBuf>,
    pub format: OutputFormat,
}

/// Run the command; prints its report to stdout. Returns the process exit
/// status: 0 all records valid, 1 some invalid or unreadable.
pub fn run(options: &ValidateOptions) -> i32 {
    let _ = options;
    eprintln!("validate is not implemented yet");
    1 // TODO(validate helper)
}
