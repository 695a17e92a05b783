//! Sentences: a paragraph's tokens grouped at full stops, question and
//! exclamation marks, and (only before a clear sentence start) ellipses and
//! abbreviations that may end one.

use crate::chars::{is_closer, is_opener};
use crate::lexicon::SENTENCE_STARTER_SET;
use crate::tokenize::{char_at, Kind};
use newsparse_core::Token;
use std::ops::Range;

/// Group the tokens `tokens[first..]` (one paragraph, their kinds in `kinds`)
/// into sentences, appending each sentence's token range (indices into
/// `tokens`) to `out`.
pub fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    kinds: &[Kind],
    out: &mut Vec<Range<usize>>,
) {
    let n = kinds.len();
    let tok = |k: usize| tokens[first + k].span;
    let first_char = |k: usize| char_at(text, tok(k).start).map(|(c, _)| c).unwrap_or(' ');
    let attached = |k: usize| tok(k).start == tok(k - 1).end;
    let mut sent_start = 0;
    let mut k = 0;
    while k < n {
        let kind = kinds[k];
        if !matches!(
            kind,
            Kind::Stop | Kind::Terminal | Kind::Ellipsis | Kind::Abbrev
        ) {
            k += 1;
            continue;
        }
        // Take in further stops ("?!") and the quotes or brackets printed right
        // after the stop (`."`, `.”`, `?)`): they close this sentence.
        let mut j = k + 1;
        while j < n
            && attached(j)
            && (matches!(kinds[j], Kind::Stop | Kind::Terminal | Kind::Ellipsis)
                || (tok(j).len() <= 3
                    && is_closer(first_char(j))
                    && tok(j).len() == first_char(j).len_utf8()))
        {
            j += 1;
        }
        if j >= n {
            break;
        }
        let next = first_char(j);
        let ends = match kind {
            // "Halo.Bungie.Org": a stop with a word right after it, no
            // space between, is inside a name.
            Kind::Stop | Kind::Terminal if j == k + 1 && attached(j) && next.is_alphabetic() => {
                false
            }
            Kind::Stop | Kind::Terminal => {
                next.is_uppercase() || next.is_numeric() || is_opener(next)
            }
            // "I'm a Celebrity... Get Me Out of Here": after an ellipsis or
            // an abbreviation only a clear sentence start ends a sentence.
            Kind::Ellipsis | Kind::Abbrev => {
                let w = tok(j).text(text);
                SENTENCE_STARTER_SET.has(w) || matches!(next, '"' | '\u{201c}')
            }
            _ => false,
        };
        if ends {
            out.push(first + sent_start..first + j);
            sent_start = j;
        }
        k = j;
    }
    if sent_start < n {
        out.push(first + sent_start..first + n);
    }
}

#[cfg(test)]
mod tests {
    use newsparse_core::ByteSpan;

    #[test]
    fn a_stop_with_a_word_right_after_it_is_inside_a_name() {
        let t = "Errera, editor of Halo.Bungie.Org, said so. Then he left.";
        assert_eq!(crate::count_sentences(t, ByteSpan::new(0, t.len())), 2);
    }
}
