//! maud's escaping, a run at a time: the same four characters replaced the
//! same way (`&`, `<`, `>`, `"`), but found with `memchr` and the text
//! between them copied whole instead of byte by byte. For the large strings
//! of a page (the article text, the folded JSON, the marks' labels), where
//! maud's byte loop was a tenth of a page's time.

use maud::Render;

/// `text`, escaped as maud escapes it, appended to `out`. The next `"` and
/// the next `&`, `<` or `>` are each found by `memchr` (vectorized), so each
/// byte is looked at twice at most, in blocks.
pub fn escape_into(text: &str, out: &mut String) {
    use memchr::{memchr, memchr3};
    // Below this, a call to memchr costs more than the bytes it would skip
    // (the folded JSON is escaped a token at a time).
    const SHORT: usize = 64;
    if text.len() < SHORT {
        return escape_short(text, out);
    }
    let bytes = text.as_bytes();
    out.reserve(text.len());
    let after = |at: usize, found: Option<usize>| found.map(|p| p + at);
    let mut quote = memchr(b'"', bytes);
    let mut other = memchr3(b'&', b'<', b'>', bytes);
    let mut copied = 0;
    loop {
        let at = match (quote, other) {
            (Some(q), Some(o)) => q.min(o),
            (Some(at), None) | (None, Some(at)) => at,
            (None, None) => break,
        };
        // ASCII bytes are character boundaries: the slices are whole characters.
        out.push_str(&text[copied..at]);
        out.push_str(match bytes[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        copied = at + 1;
        if quote == Some(at) {
            quote = after(copied, memchr(b'"', &bytes[copied..]));
        } else {
            other = after(copied, memchr3(b'&', b'<', b'>', &bytes[copied..]));
        }
    }
    out.push_str(&text[copied..]);
}

fn escape_short(text: &str, out: &mut String) {
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
}

/// A string rendered with [`escape_into`]: `(Esc(text))` in a template.
pub struct Esc<'a>(pub &'a str);

impl Render for Esc<'_> {
    fn render_to(&self, out: &mut String) {
        escape_into(self.0, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_maud_does() {
        for text in [
            "",
            "plain",
            "<script>alert(\"x\")</script>",
            "\"><img src=x onerror=alert(1)>",
            "a & b && c; café «ü» \u{26A0}<",
            "&amp;&lt;",
            "\"\"&&<<>>\"",
            "ends with a quote\"",
            &"long <text> & \"quotes\" ".repeat(9),
            &format!("{}\"{}&", "x".repeat(70), "é".repeat(40)),
        ] {
            let mut ours = String::new();
            escape_into(text, &mut ours);
            let mut maud = String::new();
            text.render_to(&mut maud);
            assert_eq!(ours, maud);
            assert_eq!(
                maud::html! { p title=(Esc(text)) { (Esc(text)) } }.into_string(),
                maud::html! { p title=(text) { (text) } }.into_string()
            );
        }
    }
}
