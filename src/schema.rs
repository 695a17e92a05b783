//! The record's JSON Schema, embedded in the binary, compiled once per process.
//! (Stub: the validate helper writes schemas/article.schema.json and this module.)

/// The schema text (`newsparse schema` prints it).
pub const SCHEMA_JSON: &str = "{}";

/// One problem found in a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON pointer to the offending value, e.g. `/people/0/mentions/2/end`.
    pub pointer: String,
    pub message: String,
}

/// Check a record against the schema and the contract's invariants that need
/// no source text (unique ids, refs resolve, span ordering).
pub fn check_record(record: &serde_json::Value) -> Vec<Problem> {
    let _ = record;
    Vec::new() // TODO(validate helper)
}
