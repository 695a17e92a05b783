//! Record stage: turns what the stages found (byte spans) into the contract's
//! record (code-point spans), assigning ids in text order.

use newsparse_core::date::iso_day;
use newsparse_core::record::*;
use newsparse_core::{
    BlockKind, CharIndex, Doc, EntityKind, EventsFound, FoundEntity, Layout, QuoteFound,
};
use sha2::{Digest, Sha256};

/// Everything the record needs to know about an input besides its text.
pub struct SourceInfo<'a> {
    /// The path as given on the command line, or "-" for stdin.
    pub path: &'a str,
    /// The input's bytes as read (for a WARC record, its HTTP payload): the
    /// record's id and `sha256` come from them.
    pub bytes: &'a [u8],
    /// A page (HTML, or HTML in a WARC record): its format, URL and WARC
    /// record id; `None` for plain text.
    pub page: Option<PageSource<'a>>,
}

/// Where a page came from (contract 1.1 `source.format`, `url`, `warc_record_id`).
#[derive(Debug, Clone, Copy)]
pub struct PageSource<'a> {
    pub format: SourceFormat,
    pub url: Option<&'a str>,
    pub warc_record_id: Option<&'a str>,
}

impl<'a> SourceInfo<'a> {
    /// A plain-text input.
    pub fn text(path: &'a str, bytes: &'a [u8]) -> Self {
        SourceInfo {
            path,
            bytes,
            page: None,
        }
    }
}

/// What the analysis stages found for one article.
pub struct Found<'a> {
    pub source: &'a SourceInfo<'a>,
    pub text: &'a str,
    pub layout: &'a Layout,
    pub doc: &'a Doc<'a>,
    pub entities: &'a [FoundEntity],
    pub quotes: &'a [QuoteFound],
    pub quote_warnings: &'a [String],
    pub events: &'a EventsFound,
}

/// Lowercase hex sha256 of the bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

pub fn build(f: Found) -> Record {
    let text = f.text;
    let ix = CharIndex::new(text);
    let sha = sha256_hex(f.source.bytes);
    let layout = f.layout;

    let body_paragraphs = f
        .doc
        .paragraphs
        .iter()
        .filter(|p| matches!(p.kind, BlockKind::Body | BlockKind::Subtitle))
        .count();
    // A text of one line is read as its title: it still has a paragraph.
    let body_paragraphs = if body_paragraphs == 0 {
        f.doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == BlockKind::Title)
            .count()
    } else {
        body_paragraphs
    };
    let word_count = f
        .doc
        .paragraphs
        .iter()
        .filter(|p| p.kind != BlockKind::Caption)
        .flat_map(|p| f.doc.sentences[p.sentences.clone()].iter())
        .flat_map(|s| f.doc.tokens[s.tokens.clone()].iter())
        .filter(|t| t.span.text(text).chars().any(char::is_alphanumeric))
        .count();

    let article = Article {
        title: layout.title.map(|s| s.text(text).to_string()),
        subtitle: layout.subtitle.map(|s| s.text(text).to_string()),
        byline: layout.byline.clone(),
        published: layout.published.map(iso_day),
        dateline: layout.dateline.as_ref().map(|d| RecordDateline {
            place: d.place.clone(),
            date: d.date.map(iso_day),
        }),
        language: "en".to_string(),
        word_count: word_count as u64,
        paragraph_count: body_paragraphs as u64,
        title_span: layout.title.map(|s| ix.span(s)),
        subtitle_span: layout.subtitle.map(|s| ix.span(s)),
    };

    let photos = layout
        .photos
        .iter()
        .enumerate()
        .map(|(i, p)| Photo {
            caption: p.caption.text(text).to_string(),
            credit: p.credit.map(|c| c.text(text).to_string()),
            span: ix.span(p.caption),
            credit_span: p.credit.map(|c| ix.span(c)),
            people: f
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .filter(|e| e.mentions.iter().any(|m| p.caption.contains(*m)))
                .map(|e| e.id.clone())
                .collect(),
            place: f.events.photo_places.get(i).cloned().flatten(),
            date: f
                .events
                .photo_dates
                .get(i)
                .copied()
                .flatten()
                .map(|d| d.iso()),
        })
        .collect();

    let mentions = |e: &FoundEntity| -> Vec<Mention> {
        e.mentions.iter().map(|m| ix.mention(*m, text)).collect()
    };
    let mut people = Vec::new();
    let mut organizations = Vec::new();
    let mut places = Vec::new();
    for e in f.entities {
        match e.kind {
            EntityKind::Person => people.push(Person {
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                titles: e.titles.clone(),
                roles: e.roles.clone(),
                mentions: mentions(e),
            }),
            EntityKind::Organization => organizations.push(Organization {
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                acronym: e.acronym.clone(),
                mentions: mentions(e),
            }),
            EntityKind::Place => places.push(Place {
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                mentions: mentions(e),
            }),
            EntityKind::Misc => {}
        }
    }

    let quotes = f
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| Quote {
            id: format!("q{}", i + 1),
            text: q.span.text(text).to_string(),
            span: ix.span(q.span),
            speaker: q.speaker.as_ref().map(|s| Speaker {
                reference: s.entity.clone(),
                name: s.name.clone(),
            }),
            cue: q.cue.map(|c| c.text(text).to_string()),
            kind: q.kind.as_str().to_string(),
        })
        .collect();

    let events = f
        .events
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| Event {
            id: format!("e{}", i + 1),
            event_type: e.event_type.to_string(),
            trigger: Trigger {
                text: e.trigger.text(text).to_string(),
                span: ix.span(e.trigger),
            },
            sentence: ix.span(e.sentence),
            participants: e
                .participants
                .iter()
                .map(|(r, role)| Participant {
                    reference: r.clone(),
                    role: role.clone(),
                })
                .collect(),
            place: e.place.as_ref().map(|(r, name)| EventPlace {
                reference: r.clone(),
                name: name.clone(),
            }),
            time: e.time.as_ref().map(|t| EventTime {
                text: t.span.text(text).to_string(),
                value: t.value.iso(),
                span: ix.span(t.span),
            }),
        })
        .collect();

    let mut warnings = layout.warnings.clone();
    warnings.extend(f.quote_warnings.iter().cloned());
    warnings.extend(f.events.warnings.iter().cloned());

    let page = f.source.page;
    Record {
        schema_version: if page.is_some() {
            SCHEMA_VERSION_1_1
        } else {
            SCHEMA_VERSION
        }
        .to_string(),
        id: sha[..16].to_string(),
        source: Source {
            path: f.source.path.to_string(),
            sha256: sha,
            bytes: f.source.bytes.len() as u64,
            chars: ix.char_len() as u64,
            format: page.map(|p| p.format),
            url: page.and_then(|p| p.url.map(str::to_string)),
            warc_record_id: page.and_then(|p| p.warc_record_id.map(str::to_string)),
        },
        // A page's spans index the rendered text, so the record carries it.
        text: page.map(|_| text.to_string()),
        article,
        photos,
        people,
        organizations,
        places,
        quotes,
        events,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
