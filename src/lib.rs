//! newsparse: raw news-article text in, one validated JSON record per article out.
//!
//! The pipeline runs forward through plain types (see `ARCHITECTURE.md`):
//! ingest → layout → text → entities → quotes → events/time → record → validate → sink.
//! Each analysis stage lives in its own crate under `crates/`; this crate holds
//! the ends of the pipeline (ingest, record, validate, sink) and the command line.

pub mod extract;
pub mod extract_inputs;
pub mod ingest;
pub mod interrupt;
pub mod jsonpos;
pub mod pipeline;
pub mod record;
pub mod schema;
pub mod sink;
pub mod validate;
