//! Case conversion of names printed in capitals, shared by the stages that
//! read them (dateline places, credited agencies).

/// "NEW YORK" → "New York", "RIO DE JANEIRO" → "Rio de Janeiro".
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = w.to_lowercase();
        // Name particles and a few linking words stay lowercase inside a name.
        if i > 0
            && (crate::lexicon::PARTICLE_SET.has(&lower)
                || matches!(lower.as_str(), "of" | "upon" | "es"))
        {
            out.push_str(&lower);
            continue;
        }
        let mut upper_next = true;
        for c in lower.chars() {
            if upper_next && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                upper_next = false;
            } else {
                out.push(c);
            }
            if c == '-' {
                upper_next = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_read_as_title_case() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("RIO DE JANEIRO"), "Rio de Janeiro");
        assert_eq!(title_case("REUTERS"), "Reuters");
    }
}
