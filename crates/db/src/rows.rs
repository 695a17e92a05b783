//! Turns records into the rows of the normalized tables (pure: no database).

use crate::schema::{self, Table};
use newsparse_core::record::{Record, SourceFormat};
use std::collections::HashMap;

/// One bound value. `None` is SQL NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Text(Option<String>),
    Int(Option<i64>),
}

fn text(s: &str) -> Val {
    Val::Text(Some(s.to_string()))
}
fn opt_text(s: Option<&str>) -> Val {
    Val::Text(s.map(str::to_string))
}
fn int(n: impl TryInto<i64>) -> Val {
    // Offsets and counts of a text under the input size limit always fit.
    Val::Int(Some(n.try_into().unwrap_or(i64::MAX)))
}
fn opt_int(n: Option<usize>) -> Val {
    Val::Int(n.map(|n| n as i64))
}
fn json_array(items: &[String]) -> Val {
    // A Vec<String> always serializes; built by hand to keep serde_json out
    // of this crate's dependencies.
    let mut s = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push('"');
        for c in item.chars() {
            match c {
                '"' => s.push_str("\\\""),
                '\\' => s.push_str("\\\\"),
                c if (c as u32) < 0x20 => s.push_str(&format!("\\u{:04x}", c as u32)),
                c => s.push(c),
            }
        }
        s.push('"');
    }
    s.push(']');
    Val::Text(Some(s))
}

/// The rows of one table.
#[derive(Debug, Clone)]
pub struct TableRows {
    pub table: &'static Table,
    pub rows: Vec<Vec<Val>>,
}

/// Everything one transaction writes.
#[derive(Debug, Clone)]
pub struct BatchRows {
    /// The articles written (distinct record ids), whose old rows go first.
    pub article_ids: Vec<String>,
    /// In `schema::INSERT_ORDER`.
    pub tables: Vec<TableRows>,
}

impl BatchRows {
    /// (article id, source path) of every article in the batch.
    pub fn article_paths(&self) -> Vec<(String, String)> {
        let text = |v: &Val| match v {
            Val::Text(Some(s)) => s.clone(),
            _ => String::new(),
        };
        self.tables
            .iter()
            .filter(|t| t.table.name == schema::ARTICLES.name)
            .flat_map(|t| t.rows.iter().map(move |r| (text(&r[0]), text(&r[2]))))
            .collect()
    }

    /// The batch without the rows of the articles in `keep` (their `inputs`
    /// rows stay): an article already stored from a smaller path keeps that
    /// record, so which record a text stored from several paths holds does
    /// not depend on the history of runs. Every table but `inputs` has the
    /// article id as its first column.
    pub fn keeping_stored(
        &self,
        keep: &std::collections::HashSet<String>,
    ) -> std::borrow::Cow<'_, BatchRows> {
        if keep.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        let kept = |v: &Val| matches!(v, Val::Text(Some(id)) if keep.contains(id));
        std::borrow::Cow::Owned(BatchRows {
            article_ids: self
                .article_ids
                .iter()
                .filter(|id| !keep.contains(*id))
                .cloned()
                .collect(),
            tables: self
                .tables
                .iter()
                .map(|t| TableRows {
                    table: t.table,
                    rows: t
                        .rows
                        .iter()
                        .filter(|r| t.table.name == schema::INPUTS.name || !kept(&r[0]))
                        .cloned()
                        .collect(),
                })
                .collect(),
        })
    }
}

/// Which table a record-level id (`p1`, `o2`, `l3`) names: the
/// `(person_id, organization_id, place_id)` columns for it.
fn ref_columns(rec: &Record, reference: Option<&str>) -> [Val; 3] {
    let (mut p, mut o, mut l) = (None, None, None);
    if let Some(r) = reference {
        if rec.people.iter().any(|e| e.id == r) {
            p = Some(r);
        } else if rec.organizations.iter().any(|e| e.id == r) {
            o = Some(r);
        } else if rec.places.iter().any(|e| e.id == r) {
            l = Some(r);
        }
    }
    [opt_text(p), opt_text(o), opt_text(l)]
}

/// `s` when it is a real calendar date `YYYY-MM-DD` (for the DATE columns:
/// one malformed date must not fail a whole batch; the record JSON keeps it).
pub fn calendar_date(s: Option<&str>) -> Option<&str> {
    s.filter(|s| newsparse_core::date::is_iso_date(s, true))
}

/// `YYYY-MM` an event is counted under: its own time when that names a
/// month; when it has no time, the article's publication date.
pub fn event_month(time_value: Option<&str>, published: Option<&str>) -> Option<String> {
    let month = |v: &str| (v.len() >= 7).then(|| v[..7].to_string());
    match time_value {
        Some(v) => month(v),
        None => published.and_then(month),
    }
}

/// Rows for a batch of records. When several records share an id (the same
/// bytes under different paths), the one with the smallest path is written
/// (so the result does not depend on the order inputs were stored in, see
/// [`BatchRows::keeping_stored`]) and every path is kept in `inputs`.
pub fn batch_rows(records: &[(Record, String)]) -> BatchRows {
    let mut last_of_id: HashMap<&str, usize> = HashMap::new();
    for (i, (rec, _)) in records.iter().enumerate() {
        let chosen = last_of_id.entry(rec.id.as_str()).or_insert(i);
        if rec.source.path <= records[*chosen].0.source.path {
            *chosen = i;
        }
    }
    let mut last_of_path: HashMap<&str, usize> = HashMap::new();
    for (i, (rec, _)) in records.iter().enumerate() {
        last_of_path.insert(rec.source.path.as_str(), i);
    }

    let mut tables: Vec<TableRows> = schema::INSERT_ORDER
        .iter()
        .map(|t| TableRows {
            table: t,
            rows: Vec::new(),
        })
        .collect();
    let mut article_ids = Vec::new();
    for (i, (rec, json)) in records.iter().enumerate() {
        if last_of_path[rec.source.path.as_str()] == i {
            push_row(
                &mut tables,
                &schema::INPUTS,
                vec![
                    text(&rec.source.path),
                    text(&rec.source.sha256),
                    text(&rec.id),
                ],
            );
        }
        if last_of_id[rec.id.as_str()] != i {
            continue;
        }
        article_ids.push(rec.id.clone());
        article_rows(rec, json, &mut tables);
    }
    BatchRows {
        article_ids,
        tables,
    }
}

fn push_row(tables: &mut [TableRows], t: &Table, row: Vec<Val>) {
    debug_assert_eq!(row.len(), t.columns.len(), "{}", t.name);
    let slot = tables
        .iter_mut()
        .find(|r| r.table.name == t.name)
        .expect("table in INSERT_ORDER");
    slot.rows.push(row);
}

fn article_rows(rec: &Record, json: &str, tables: &mut [TableRows]) {
    let a = &rec.article;
    let aid = || text(&rec.id);
    let mut push = |t: &Table, row: Vec<Val>| push_row(tables, t, row);
    push(
        &schema::ARTICLES,
        vec![
            aid(),
            text(&rec.schema_version),
            text(&rec.source.path),
            text(&rec.source.sha256),
            int(rec.source.bytes),
            int(rec.source.chars),
            opt_text(a.title.as_deref()),
            opt_text(a.subtitle.as_deref()),
            json_array(&a.byline),
            opt_text(calendar_date(a.published.as_deref())),
            opt_text(a.dateline.as_ref().and_then(|d| d.place.as_deref())),
            opt_text(calendar_date(
                a.dateline.as_ref().and_then(|d| d.date.as_deref()),
            )),
            text(&a.language),
            int(a.word_count),
            int(a.paragraph_count),
            json_array(&rec.warnings),
            text(json),
            text(match rec.source.format {
                None | Some(SourceFormat::Text) => "text",
                Some(SourceFormat::Html) => "html",
                Some(SourceFormat::Warc) => "warc",
            }),
            opt_text(rec.source.url.as_deref()),
            opt_text(rec.source.warc_record_id.as_deref()),
            opt_text(rec.text.as_deref()),
        ],
    );

    let mut mention_seq = 0usize;
    let mut mention = |push: &mut dyn FnMut(&Table, Vec<Val>),
                       cols: [Val; 3],
                       m: &newsparse_core::record::Mention| {
        let [p, o, l] = cols;
        (*push)(
            &schema::MENTIONS,
            vec![
                aid(),
                int(mention_seq),
                p,
                o,
                l,
                int(m.start),
                int(m.end),
                text(&m.text),
            ],
        );
        mention_seq += 1;
    };
    for e in &rec.people {
        push(
            &schema::PEOPLE,
            vec![
                aid(),
                text(&e.id),
                text(&e.name),
                json_array(&e.aliases),
                json_array(&e.titles),
                json_array(&e.roles),
            ],
        );
        for m in &e.mentions {
            let cols = [text(&e.id), Val::Text(None), Val::Text(None)];
            mention(&mut push, cols, m);
        }
    }
    for e in &rec.organizations {
        push(
            &schema::ORGANIZATIONS,
            vec![
                aid(),
                text(&e.id),
                text(&e.name),
                opt_text(e.acronym.as_deref()),
                json_array(&e.aliases),
            ],
        );
        for m in &e.mentions {
            let cols = [Val::Text(None), text(&e.id), Val::Text(None)];
            mention(&mut push, cols, m);
        }
    }
    for e in &rec.places {
        push(
            &schema::PLACES,
            vec![aid(), text(&e.id), text(&e.name), json_array(&e.aliases)],
        );
        for m in &e.mentions {
            let cols = [Val::Text(None), Val::Text(None), text(&e.id)];
            mention(&mut push, cols, m);
        }
    }

    for (i, ph) in rec.photos.iter().enumerate() {
        push(
            &schema::PHOTOS,
            vec![
                aid(),
                int(i),
                text(&ph.caption),
                opt_text(ph.credit.as_deref()),
                int(ph.span.start),
                int(ph.span.end),
                opt_int(ph.credit_span.map(|s| s.start)),
                opt_int(ph.credit_span.map(|s| s.end)),
                opt_text(ph.place.as_deref()),
                opt_text(ph.date.as_deref()),
            ],
        );
        let mut seen: Vec<&str> = Vec::new();
        for pid in &ph.people {
            if seen.contains(&pid.as_str()) || !rec.people.iter().any(|p| &p.id == pid) {
                continue;
            }
            seen.push(pid);
            push(&schema::PHOTO_PEOPLE, vec![aid(), int(i), text(pid)]);
        }
    }

    for q in &rec.quotes {
        let [p, o, l] = ref_columns(rec, q.speaker.as_ref().and_then(|s| s.reference.as_deref()));
        push(
            &schema::QUOTES,
            vec![
                aid(),
                text(&q.id),
                text(&q.text),
                int(q.span.start),
                int(q.span.end),
                opt_text(q.speaker.as_ref().map(|s| s.name.as_str())),
                p,
                o,
                l,
                opt_text(q.cue.as_deref()),
                text(&q.kind),
            ],
        );
    }

    for ev in &rec.events {
        let place_id = ev
            .place
            .as_ref()
            .and_then(|p| p.reference.as_deref())
            .filter(|r| rec.places.iter().any(|l| l.id == *r));
        let time = ev.time.as_ref();
        push(
            &schema::EVENTS,
            vec![
                aid(),
                text(&ev.id),
                text(&ev.event_type),
                text(&ev.trigger.text),
                int(ev.trigger.span.start),
                int(ev.trigger.span.end),
                int(ev.sentence.start),
                int(ev.sentence.end),
                opt_text(ev.place.as_ref().map(|p| p.name.as_str())),
                opt_text(place_id),
                opt_text(time.map(|t| t.text.as_str())),
                opt_text(time.map(|t| t.value.as_str())),
                opt_int(time.map(|t| t.span.start)),
                opt_int(time.map(|t| t.span.end)),
                Val::Text(event_month(
                    time.map(|t| t.value.as_str()),
                    a.published.as_deref(),
                )),
            ],
        );
        for (seq, part) in ev.participants.iter().enumerate() {
            let [p, o, l] = ref_columns(rec, Some(&part.reference));
            push(
                &schema::EVENT_PARTICIPANTS,
                vec![aid(), text(&ev.id), int(seq), text(&part.role), p, o, l],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_comes_from_the_event_time_or_else_the_publication_date() {
        assert_eq!(
            event_month(Some("2004-03-07"), Some("2005-01-01")).as_deref(),
            Some("2004-03")
        );
        assert_eq!(event_month(Some("2004"), Some("2005-01-01")), None);
        assert_eq!(
            event_month(None, Some("2005-01-09")).as_deref(),
            Some("2005-01")
        );
        assert_eq!(event_month(None, None), None);
    }

    #[test]
    fn only_real_calendar_dates_go_to_date_columns() {
        assert_eq!(calendar_date(Some("2024-02-29")), Some("2024-02-29"));
        assert_eq!(calendar_date(Some("2023-02-29")), None);
        assert_eq!(calendar_date(Some("1900-02-29")), None);
        assert_eq!(calendar_date(Some("2005-04-31")), None);
        assert_eq!(calendar_date(Some("2005-13-01")), None);
        assert_eq!(calendar_date(Some("2005-1-01")), None);
        assert_eq!(calendar_date(Some("2005-01")), None);
        assert_eq!(calendar_date(Some("2005-12-31")), Some("2005-12-31"));
        assert_eq!(calendar_date(None), None);
    }

    #[test]
    fn json_arrays_escape_quotes_and_controls() {
        let v = json_array(&["a \"b\"".into(), "c\\d\n".into()]);
        assert_eq!(v, Val::Text(Some(r#"["a \"b\"","c\\d\u000a"]"#.into())));
        assert_eq!(json_array(&[]), Val::Text(Some("[]".into())));
    }
}
