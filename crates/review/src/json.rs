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

/// The length of `value`'s compact form, or `None` once it passes `budget`
/// (without writing it: the whole record is not serialized at every level).
fn compact_len(value: &Value, budget: usize) -> Option<usize> {
    let mut total = 0usize;
    let mut add = |n: usize| {
        total += n;
        (total <= budget).then_some(())
    };
    match value {
        Value::Array(items) => {
            add(2 + items.len().saturating_sub(1))?;
            for v in items {
                add(compact_len(v, budget)?)?;
            }
        }
        Value::Object(map) => {
            add(2 + map.len().saturating_sub(1))?;
            for (k, v) in map {
                add(k.len() + 3)?;
                add(compact_len(v, budget)?)?;
            }
        }
        // Keys and strings are counted unescaped: a string with escapes may
        // stay on a line a few characters longer than WIDTH.
        Value::String(s) => add(s.len() + 2)?,
        other => add(other.to_string().len())?,
    }
    Some(total)
}

fn write(value: &Value, depth: usize, out: &mut String) {
    let container = matches!(value, Value::Object(m) if !m.is_empty())
        || matches!(value, Value::Array(a) if !a.is_empty());
    if !container || compact_len(value, WIDTH.saturating_sub(depth * 2)).is_some() {
        out.push_str(&value.to_string());
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
