//! The record's JSON as the page shows it: indented, but an object or array
//! that fits on one line (a span, a mention, a participant) kept on one line,
//! as the README's example record is written. Smaller than serde_json's
//! pretty form and easier to read.
//!
//! [`layout`] lays out a `serde_json::Value`; [`fold_html`] lays out a
//! record's JSON text straight from its tokens, HTML-escaped for the page,
//! with the same result as [`layout`] on the text's `Value` followed by
//! escaping. Reading a record as a `Value` costs more than the rest of its
//! page, so a valid record's page is built from its text.

use crate::escape::escape_into;
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

/// A record's JSON folded by [`fold_html`].
pub struct Folded {
    /// [`layout`] of the text's `Value`, HTML-escaped.
    pub html: String,
    /// Whether the top-level object has a `text` member (even `null`).
    pub has_text: bool,
}

/// What a token of the text is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `{` or `[`; `close` is the index of its closing token, `len` the
    /// length of its compact form as [`compact_len`] counts it.
    Open {
        object: bool,
        close: usize,
        len: usize,
    },
    Close,
    Colon,
    Comma,
    /// A string; `canonical` indexes the canonical form of one that holds
    /// escapes (the text's bytes are the canonical form of one that holds none).
    Str {
        canonical: Option<usize>,
    },
    /// An integer, `true`, `false` or `null`, written as in the text.
    Scalar,
}

#[derive(Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// A container being read.
struct Frame {
    open: usize,
    object: bool,
    sum: usize,
    count: usize,
    /// In an object: the next string is a key.
    want_key: bool,
    /// Where this object's keys start in the list of keys.
    keys: usize,
}

/// The tokens of a JSON text, with each container's compact length and
/// closing token: what [`write_tokens`] needs, without a tree.
struct Tokens<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// The canonical forms (`serde_json`'s) of strings holding escapes.
    canonical: Vec<String>,
    has_text: bool,
}

/// `json`'s layout, as [`layout`] lays out its `Value`, HTML-escaped as
/// maud escapes a string. `json` must be JSON (here, a record that read as
/// the contract's type); `None` for what this path leaves to [`layout`]:
/// numbers other than plain integers (a `Value` may write them another way),
/// a repeated key or an escaped one, anything unexpected.
pub fn fold_html(json: &str) -> Option<Folded> {
    let tokens = tokenize(json)?;
    let mut out = String::with_capacity(json.len() + json.len() / 2);
    let next = write_tokens(&tokens, 0, 0, &mut out);
    (next == tokens.tokens.len() && next > 0).then_some(Folded {
        html: out,
        has_text: tokens.has_text,
    })
}

fn tokenize(text: &str) -> Option<Tokens<'_>> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut canonical = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    let mut has_text = false;
    let mut i = 0;
    // A value of compact length `len` is complete: count it in its container.
    let done = |stack: &mut Vec<Frame>, len: usize| {
        if let Some(f) = stack.last_mut() {
            f.sum += len;
            if !f.object {
                f.count += 1;
            }
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                // A pretty record is a third indentation: skip it in one loop.
                i += 1;
                while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    i += 1;
                }
                continue;
            }
            b'{' | b'[' => {
                stack.push(Frame {
                    open: tokens.len(),
                    object: b == b'{',
                    sum: 0,
                    count: 0,
                    want_key: b == b'{',
                    keys: keys.len(),
                });
                tokens.push(Token {
                    kind: Kind::Open {
                        object: b == b'{',
                        close: 0,
                        len: 0,
                    },
                    start,
                    end: start + 1,
                });
                i += 1;
            }
            b'}' | b']' => {
                let f = stack.pop()?;
                if f.object != (b == b'}') {
                    return None;
                }
                keys.truncate(f.keys);
                let len = 2 + f.count.saturating_sub(1) + f.sum;
                let close = tokens.len();
                match &mut tokens[f.open].kind {
                    Kind::Open {
                        close: c, len: l, ..
                    } => {
                        *c = close;
                        *l = len;
                    }
                    _ => return None,
                }
                tokens.push(Token {
                    kind: Kind::Close,
                    start,
                    end: start + 1,
                });
                i += 1;
                done(&mut stack, len);
            }
            b':' => {
                tokens.push(Token {
                    kind: Kind::Colon,
                    start,
                    end: start + 1,
                });
                i += 1;
            }
            b',' => {
                if let Some(f) = stack.last_mut() {
                    f.want_key = f.object;
                }
                tokens.push(Token {
                    kind: Kind::Comma,
                    start,
                    end: start + 1,
                });
                i += 1;
            }
            b'"' => {
                i += 1;
                let mut escaped = false;
                loop {
                    i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
                    if bytes[i] == b'"' {
                        break;
                    }
                    escaped = true;
                    i += 2;
                }
                i += 1;
                let raw = &text[start..i];
                let (canon, len) = if escaped {
                    let decoded: String = serde_json::from_str(raw).ok()?;
                    canonical.push(serde_json::to_string(&decoded).ok()?);
                    (Some(canonical.len() - 1), decoded.len())
                } else {
                    (None, raw.len() - 2)
                };
                let is_key = stack.last().is_some_and(|f| f.want_key);
                if is_key {
                    let f = stack.last_mut()?;
                    f.want_key = false;
                    f.count += 1;
                    f.sum += len + 3;
                    // `Value` keeps one member per key; this path keeps them all.
                    let key = &raw[1..raw.len() - 1];
                    if escaped || keys[f.keys..].contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    if stack.len() == 1 && key == "text" {
                        has_text = true;
                    }
                } else {
                    done(&mut stack, len + 2);
                }
                tokens.push(Token {
                    kind: Kind::Str { canonical: canon },
                    start,
                    end: i,
                });
            }
            b'-' | b'0'..=b'9' => {
                i += usize::from(b == b'-');
                let digits = i;
                while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                let n = i - digits;
                // Written back as read only when `Value` writes it so: an
                // integer without a leading zero that fits an i64 or u64
                // (18 digits always do), and not `-0`.
                let plain = (1..=18).contains(&n)
                    && (bytes[digits] != b'0' || n == 1)
                    && (b != b'-' || bytes[digits] != b'0')
                    && !matches!(bytes.get(i), Some(b'.' | b'e' | b'E'));
                if !plain {
                    return None;
                }
                tokens.push(Token {
                    kind: Kind::Scalar,
                    start,
                    end: i,
                });
                done(&mut stack, i - start);
            }
            _ => {
                let word = ["true", "false", "null"]
                    .into_iter()
                    .find(|w| bytes[i..].starts_with(w.as_bytes()))?;
                i += word.len();
                tokens.push(Token {
                    kind: Kind::Scalar,
                    start,
                    end: i,
                });
                done(&mut stack, word.len());
            }
        }
    }
    stack.is_empty().then_some(Tokens {
        text,
        tokens,
        canonical,
        has_text,
    })
}

/// Token `i`, compact, escaped for HTML.
fn write_token(t: &Tokens, i: usize, out: &mut String) {
    let token = t.tokens[i];
    match token.kind {
        Kind::Str {
            canonical: Some(c), ..
        } => escape_into(&t.canonical[c], out),
        Kind::Str {
            canonical: None, ..
        } => {
            out.push_str("&quot;");
            escape_into(&t.text[token.start + 1..token.end - 1], out);
            out.push_str("&quot;");
        }
        _ => out.push_str(&t.text[token.start..token.end]),
    }
}

/// The value at token `i` laid out at `depth`, as [`write`] lays out a
/// `Value`; returns the index of the token after it.
fn write_tokens(t: &Tokens, i: usize, depth: usize, out: &mut String) -> usize {
    let Some(token) = t.tokens.get(i) else {
        return i;
    };
    let (object, close, len) = match token.kind {
        Kind::Open { object, close, len } => (object, close, len),
        _ => {
            write_token(t, i, out);
            return i + 1;
        }
    };
    // Empty, or short enough for one line: the compact form.
    if close == i + 1 || len <= WIDTH.saturating_sub(depth * 2) {
        for j in i..=close {
            write_token(t, j, out);
        }
        return close + 1;
    }
    let pad = |depth: usize, out: &mut String| {
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    out.push_str(if object { "{\n" } else { "[\n" });
    let mut j = i + 1;
    while j < close {
        pad(depth + 1, out);
        if object {
            write_token(t, j, out);
            out.push_str(": ");
            j += 2;
        }
        j = write_tokens(t, j, depth + 1, out);
        if t.tokens.get(j).is_some_and(|t| t.kind == Kind::Comma) {
            out.push_str(",\n");
            j += 1;
        } else {
            out.push('\n');
        }
    }
    pad(depth, out);
    out.push(if object { '}' } else { ']' });
    close + 1
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

    /// What the page shows for a text: its `Value` laid out, then escaped.
    fn by_value(text: &str) -> String {
        let mut html = String::new();
        escape_into(&layout(&serde_json::from_str(text).unwrap()), &mut html);
        html
    }

    /// The text's layout is its `Value`'s, for what a `Value` rewrites
    /// (escapes, spacing) and for what must go to one line or not at the
    /// width's edge.
    #[test]
    fn a_text_folds_as_its_value() {
        let edge = |n: usize| format!(r#"{{"a":{{"b":["{}"]}},"c":[]}}"#, "x".repeat(n));
        let texts = [
            r#"{"a":"\u00e9\/\"\\\n\t\u0001 caf\u00e9 <b>&amp;</b>","b":[1,-5,0,18446744073709551,null,true,false],"text":null}"#.to_string(),
            r#"  {"spaced" :  [ 1 ,2 ] , "e" : { } , "f":[ ] }  "#.to_string(),
            r#"[[[[["deep"]]]],{},[],"",0]"#.to_string(),
            format!("[{}]", "\"\\u2028 \\ud83d\\ude00 <&>\\\"\",".repeat(30) + "null"),
            format!("{{\"people\":[{}]}}", r#"{"id":"p1","mentions":[{"start":0,"end":4,"text":"Kest"}]},"#.repeat(12) + "{}"),
            "\"just a string\"".to_string(),
            "7".to_string(),
        ];
        for text in texts.iter().cloned().chain((85..100).map(edge)) {
            let folded = fold_html(&text).unwrap();
            assert_eq!(folded.html, by_value(&text), "{text}");
        }
        assert!(fold_html(r#"{"text":null}"#).unwrap().has_text);
        assert!(!fold_html(r#"{"a":{"text":1}}"#).unwrap().has_text);
    }

    /// Left to the `Value` path: what a `Value` would write another way, or
    /// keep once.
    #[test]
    fn what_a_value_rewrites_is_left_to_it() {
        for text in [
            r#"{"a":1.0}"#,
            r#"{"a":1e2}"#,
            r#"{"a":-0}"#,
            r#"{"a":0012}"#,
            r#"{"a":1234567890123456789}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"\u0061":1}"#,
            r#"{"a":[1,2}"#,
            r#"{"a":"unterminated"#,
        ] {
            assert!(fold_html(text).is_none(), "{text}");
        }
    }
}
