//! newsparse: raw news-article text in, one validated JSON record per article out.
//!
//! The pipeline runs forward through plain types (see `ARCHITECTURE.md`):
//! ingest → layout → text → ner → entities → quotes → events → record → validate → sink.
//! The per-article pipeline (`newsparse-pipeline`), validation
//! (`newsparse-validate`) and the sinks (`newsparse-sink`, `newsparse-db`) are
//! library crates; this crate is the command line over them: finding inputs,
//! running a batch in parallel, progress, Ctrl-C.

pub mod extract;
pub mod extract_inputs;
pub mod interrupt;
pub mod text;

// The libraries under their old paths, for the binary and the tests.
pub use newsparse_pipeline::{ingest, record};
pub use newsparse_sink as sink;
pub use newsparse_sink::say;
pub use newsparse_validate::files as validate;
pub use newsparse_validate::{jsonpos, schema};

/// The per-article pipeline: [`newsparse_pipeline::extract`].
pub mod pipeline {
    pub use newsparse_pipeline::{extract, extract_page, PageSource, SourceInfo};
}
