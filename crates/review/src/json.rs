//! The record's JSON as the page shows it: indented, but an object or array
//! that fits on one line (a span, a mention, a participant) kept on one line,
//! as the README's example record is written. Smaller than serde_json's
//! pretty form and easier to read.

use serde_json::Value;

const WIDTH: usize = 100;

/// `value` laid out for reading.
pub fn layout(value: &Value) -> String {
    let mut out = String::new();
    write(value, 0, &mut out);
    out
}

fn write(value: &Value, depth: usize, out: &mut String) {
    let compact = value.to_string();
    let container = matches!(value, Value::Object(m) if !m.is_empty())
        || matches!(value, Value::Array(a) if !a.is_empty());
    if !container || depth * 2 + compact.len() <= WIDTH {
        out.push_str(&compact);
        return;
    }
    let pad = "  ".repeat(depth + 1);
    match value {
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, v)) in map.iter().enumerate() {
                out.push_str(&pad);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write(v, depth + 1, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                out.push_str(&pad);
                write(v, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(depth));
            out.push(']');
        }
        _ => unreachable!("containers only"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_containers_stay_on_one_line_and_it_reads_back() {
        let v = serde_json::json!({
            "id": "p1",
            "mentions": [{"start": 0, "end": 4, "text": "Kest"}, {"start": 9, "end": 13, "text": "Kest"}],
            "long": ["a".repeat(60), "b".repeat(60)]
        });
        let text = layout(&v);
        assert!(text.contains("\n  \"mentions\": [{\"start\":0,\"end\":4,\"text\":\"Kest\"},"));
        assert!(text.contains("\n  \"long\": [\n    \"aaa"));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
