//! Records built by hand (invented names) and checks shared by the SQLite and
//! PostgreSQL tests.
#![allow(dead_code)]

use newsparse_core::record::*;

pub const MOST_QUOTED: &str = include_str!("../../queries/most_quoted_people.sql");
pub const EVENTS_PER_MONTH: &str = include_str!("../../queries/events_per_month.sql");
pub const ORGS_TOGETHER: &str = include_str!("../../queries/organizations_together.sql");

fn span(start: usize, end: usize) -> Span {
    Span { start, end }
}

fn mention(start: usize, text: &str) -> Mention {
    Mention {
        start,
        end: start + text.chars().count(),
        text: text.to_string(),
    }
}

/// A fake but well-formed sha256 for article `n` (variant `v`).
pub fn sha(n: usize, v: usize) -> String {
    format!("{:016x}{:048x}", n * 7919 + 13, v)
}

/// Article `n`: 2 people (p1 quoted twice), 2 organizations, 1 place,
/// 3 quotes (one by an unresolved speaker), 2 events (one participant list
/// of 2), 1 photo showing p2. Mentions: 3 + 1 + 2 + 1 + 1 = 8.
pub fn record(n: usize) -> (Record, String) {
    record_variant(n, 0, &format!("in/article-{n:03}.txt"))
}

pub fn record_variant(n: usize, variant: usize, path: &str) -> (Record, String) {
    let sha = sha(n, variant);
    let published = format!("2021-{:02}-15", n % 12 + 1);
    let rec = Record {
        schema_version: "1.0".into(),
        id: sha[..16].to_string(),
        source: Source {
            path: path.to_string(),
            sha256: sha.clone(),
            bytes: 900,
            chars: 880,
            format: None,
            url: None,
            warc_record_id: None,
        },
        text: None,
        article: Article {
            title: Some(format!("Harbor deal number {n} signed")),
            subtitle: None,
            byline: vec!["Ines Calloway".into()],
            published: Some(published),
            dateline: Some(RecordDateline {
                place: Some("Port Aldane".into()),
                date: None,
            }),
            language: "en".into(),
            word_count: 150,
            paragraph_count: 4,
            title_span: Some(span(0, 20)),
            subtitle_span: None,
        },
        photos: vec![Photo {
            caption: "Tobias Renn at the quay".into(),
            credit: Some("Photo: Staff".into()),
            span: span(30, 53),
            credit_span: Some(span(54, 66)),
            people: vec!["p2".into()],
            place: Some("Port Aldane".into()),
            date: None,
        }],
        people: vec![
            Person {
                id: "p1".into(),
                name: "Marta Velikova".into(),
                aliases: vec!["Velikova".into()],
                titles: vec!["Minister".into()],
                roles: vec!["trade minister".into()],
                mentions: vec![
                    mention(100, "Marta Velikova"),
                    mention(200, "Velikova"),
                    mention(300, "Velikova"),
                ],
            },
            Person {
                id: "p2".into(),
                name: "Tobias Renn".into(),
                aliases: vec![],
                titles: vec![],
                roles: vec![],
                mentions: vec![mention(30, "Tobias Renn")],
            },
        ],
        organizations: vec![
            Organization {
                id: "o1".into(),
                name: "Quillfeather Logistics".into(),
                aliases: vec!["Quillfeather".into()],
                acronym: None,
                mentions: vec![
                    mention(120, "Quillfeather Logistics"),
                    mention(400, "Quillfeather"),
                ],
            },
            Organization {
                id: "o2".into(),
                name: "Harbor Council".into(),
                aliases: vec![],
                acronym: Some("HC".into()),
                mentions: vec![mention(150, "Harbor Council")],
            },
        ],
        places: vec![Place {
            id: "l1".into(),
            name: "Port Aldane".into(),
            aliases: vec![],
            mentions: vec![mention(170, "Port Aldane")],
        }],
        quotes: vec![
            Quote {
                id: "q1".into(),
                text: "We have a deal".into(),
                span: span(210, 224),
                speaker: Some(Speaker {
                    reference: Some("p1".into()),
                    name: "Marta Velikova".into(),
                }),
                cue: Some("said".into()),
                kind: "direct".into(),
            },
            Quote {
                id: "q2".into(),
                text: "a fair price".into(),
                span: span(310, 322),
                speaker: Some(Speaker {
                    reference: Some("p1".into()),
                    name: "Velikova".into(),
                }),
                cue: Some("called".into()),
                kind: "partial".into(),
            },
            Quote {
                id: "q3".into(),
                text: "Nobody asked us".into(),
                span: span(500, 515),
                speaker: Some(Speaker {
                    reference: None,
                    name: "a dock worker".into(),
                }),
                cue: Some("said".into()),
                kind: "direct".into(),
            },
        ],
        events: vec![
            Event {
                id: "e1".into(),
                event_type: "Contact.Meet".into(),
                trigger: Trigger {
                    text: "met".into(),
                    span: span(180, 183),
                },
                sentence: span(100, 199),
                participants: vec![
                    Participant {
                        reference: "p1".into(),
                        role: "Entity".into(),
                    },
                    Participant {
                        reference: "o1".into(),
                        role: "Entity".into(),
                    },
                ],
                place: Some(EventPlace {
                    reference: Some("l1".into()),
                    name: "Port Aldane".into(),
                }),
                time: Some(EventTime {
                    text: "on 4 March 2020".into(),
                    value: "2020-03-04".into(),
                    span: span(184, 199),
                }),
            },
            Event {
                id: "e2".into(),
                event_type: "Business.Merge-Org".into(),
                trigger: Trigger {
                    text: "merger".into(),
                    span: span(410, 416),
                },
                sentence: span(400, 450),
                participants: vec![],
                place: None,
                time: None,
            },
        ],
        warnings: vec![],
    };
    let json = serde_json::to_string(&rec).expect("record serializes");
    (rec, json)
}

/// Row counts a check reads, for `n` articles made by [`record`].
pub const TABLE_COUNTS_PER_ARTICLE: [(&str, i64); 10] = [
    ("articles", 1),
    ("inputs", 1),
    ("people", 2),
    ("organizations", 2),
    ("places", 1),
    ("photos", 1),
    ("photo_people", 1),
    ("mentions", 8),
    ("quotes", 3),
    ("events", 2),
];

/// The queries a test needs, for either backend.
/// Article `n` as if read from record `n` of a WARC file (contract 1.1):
/// format, URL, WARC record id and the rendered text its spans index.
pub fn page_record(n: usize) -> (Record, String) {
    let (mut rec, _) = record_variant(n, 9, &format!("crawl.warc.gz#{n}"));
    rec.schema_version = "1.1".into();
    rec.source.format = Some(SourceFormat::Warc);
    rec.source.url = Some(format!("https://news.example/story-{n}"));
    rec.source.warc_record_id = Some(format!("<urn:uuid:0000-{n}>"));
    rec.text = Some("Invented page text. ".repeat(44));
    let json = serde_json::to_string(&rec).expect("record serializes");
    (rec, json)
}

/// The columns contract 1.1 added to `articles`, for every article, by id.
pub fn page_columns(db: &mut impl Query) -> Vec<Vec<String>> {
    db.rows(
        "SELECT id, source_format, coalesce(url, 'NULL'), coalesce(warc_record_id, 'NULL'), \
         CAST(coalesce(length(text), -1) AS TEXT) FROM articles ORDER BY source_path",
    )
}

pub trait Query {
    fn count(&mut self, sql: &str) -> i64;
    /// Rows of (text, integer) columns, every value as text.
    fn rows(&mut self, sql: &str) -> Vec<Vec<String>>;
}

impl Query for rusqlite::Connection {
    fn count(&mut self, sql: &str) -> i64 {
        self.query_row(sql, [], |r| r.get(0)).expect(sql)
    }
    fn rows(&mut self, sql: &str) -> Vec<Vec<String>> {
        let mut st = self.prepare(sql).expect(sql);
        let n = st.column_count();
        st.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                        rusqlite::types::ValueRef::Null => "NULL".into(),
                        other => format!("{other:?}"),
                    })
                })
                .collect()
        })
        .expect(sql)
        .collect::<Result<_, _>>()
        .expect(sql)
    }
}

impl Query for postgres::Client {
    fn count(&mut self, sql: &str) -> i64 {
        self.query_one(sql, &[]).expect(sql).get(0)
    }
    fn rows(&mut self, sql: &str) -> Vec<Vec<String>> {
        use postgres::types::Type;
        self.query(sql, &[])
            .expect(sql)
            .iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| match *r.columns()[i].type_() {
                        Type::INT8 => r.get::<_, Option<i64>>(i).map(|v| v.to_string()),
                        _ => r.get::<_, Option<String>>(i),
                    })
                    .map(|v| v.unwrap_or_else(|| "NULL".into()))
                    .collect()
            })
            .collect()
    }
}

/// Row counts, relations and the README's example queries after `n` articles
/// made by [`record`] (0..n) were stored.
pub fn check_loaded(db: &mut impl Query, n: i64) {
    for (table, per) in TABLE_COUNTS_PER_ARTICLE {
        assert_eq!(
            db.count(&format!("SELECT count(*) FROM {table}")),
            per * n,
            "{table}"
        );
    }
    assert_eq!(db.count("SELECT count(*) FROM event_participants"), 2 * n);
    // Every mention belongs to exactly one entity row of its own article.
    assert_eq!(
        db.count(
            "SELECT count(*) FROM mentions m
             LEFT JOIN people p ON p.article_id = m.article_id AND p.id = m.person_id
             LEFT JOIN organizations o ON o.article_id = m.article_id AND o.id = m.organization_id
             LEFT JOIN places l ON l.article_id = m.article_id AND l.id = m.place_id
             WHERE coalesce(p.name, o.name, l.name) IS NULL"
        ),
        0
    );
    // Participants resolve to the right table.
    assert_eq!(
        db.count("SELECT count(*) FROM event_participants WHERE person_id = 'p1'"),
        n
    );
    assert_eq!(
        db.count("SELECT count(*) FROM event_participants WHERE organization_id = 'o1'"),
        n
    );
    assert_eq!(
        db.count("SELECT count(*) FROM events WHERE place_id = 'l1'"),
        n
    );
    // The inputs table points at the articles it stored.
    assert_eq!(
        db.count(
            "SELECT count(*) FROM inputs i JOIN articles a ON a.id = i.article_id
             WHERE a.sha256 = i.sha256 AND a.source_path = i.path"
        ),
        n
    );

    if n == 0 {
        return;
    }
    let most = db.rows(MOST_QUOTED);
    assert_eq!(
        most,
        vec![vec![
            "Marta Velikova".to_string(),
            (2 * n).to_string(),
            n.to_string()
        ]]
    );
    let together = db.rows(ORGS_TOGETHER);
    assert_eq!(
        together,
        vec![vec![
            "Harbor Council".to_string(),
            "Quillfeather Logistics".to_string(),
            n.to_string()
        ]]
    );
    let months = db.rows(EVENTS_PER_MONTH);
    // e1 always falls in 2020-03 (its own date); e2 in its article's month.
    let e1 = months
        .iter()
        .find(|r| r[0] == "2020-03" && r[1] == "Contact.Meet")
        .expect("2020-03 Contact.Meet row");
    assert_eq!(e1[2], n.to_string());
    let merges: i64 = months
        .iter()
        .filter(|r| r[1] == "Business.Merge-Org")
        .map(|r| r[2].parse::<i64>().unwrap())
        .sum();
    assert_eq!(merges, n);
    assert!(months
        .iter()
        .filter(|r| r[1] == "Business.Merge-Org")
        .all(|r| r[0].starts_with("2021-")));
}
