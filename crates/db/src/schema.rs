//! The normalized schema: table layouts shared by both backends, and the
//! versioned migrations that create them.
//!
//! Every table but `articles` and `inputs` hangs off one article
//! (`article_id`) and uses the record's own ids (`p1`, `q1`, `e1`…) as keys
//! inside that article, so rows can be built without asking the database for
//! generated keys.

/// The newest schema version this build knows. A database whose schema is
/// newer is refused before any work starts.
pub const SCHEMA_VERSION: i64 = 2;

/// The table that records which migrations have run.
pub const MIGRATIONS_TABLE: &str = "newsparse_schema_migrations";

/// How a column's value is bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    /// A JSON document: TEXT in SQLite, JSONB in PostgreSQL.
    Json,
    /// `YYYY-MM-DD`: TEXT in SQLite, DATE in PostgreSQL.
    Date,
}

/// One table the writer fills, with the columns it binds, in order.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// The key of an upsert (`ON CONFLICT (key) DO UPDATE`), for tables whose
    /// rows are replaced in place rather than deleted first.
    pub upsert_key: Option<&'static str>,
}

use Kind::*;

pub const ARTICLES: Table = Table {
    name: "articles",
    columns: &[
        ("id", Text),
        ("schema_version", Text),
        ("source_path", Text),
        ("sha256", Text),
        ("bytes", Int),
        ("chars", Int),
        ("title", Text),
        ("subtitle", Text),
        ("byline", Json),
        ("published", Date),
        ("dateline_place", Text),
        ("dateline_date", Date),
        ("language", Text),
        ("word_count", Int),
        ("paragraph_count", Int),
        ("warnings", Json),
        ("record", Json),
        ("source_format", Text),
        ("url", Text),
        ("warc_record_id", Text),
        ("text", Text),
    ],
    upsert_key: Some("id"),
};

pub const INPUTS: Table = Table {
    name: "inputs",
    columns: &[("path", Text), ("sha256", Text), ("article_id", Text)],
    upsert_key: Some("path"),
};

pub const PHOTOS: Table = Table {
    name: "photos",
    columns: &[
        ("article_id", Text),
        ("idx", Int),
        ("caption", Text),
        ("credit", Text),
        ("span_start", Int),
        ("span_end", Int),
        ("credit_start", Int),
        ("credit_end", Int),
        ("place", Text),
        ("date", Text),
    ],
    upsert_key: None,
};

pub const PEOPLE: Table = Table {
    name: "people",
    columns: &[
        ("article_id", Text),
        ("id", Text),
        ("name", Text),
        ("aliases", Json),
        ("titles", Json),
        ("roles", Json),
    ],
    upsert_key: None,
};

pub const ORGANIZATIONS: Table = Table {
    name: "organizations",
    columns: &[
        ("article_id", Text),
        ("id", Text),
        ("name", Text),
        ("acronym", Text),
        ("aliases", Json),
    ],
    upsert_key: None,
};

pub const PLACES: Table = Table {
    name: "places",
    columns: &[
        ("article_id", Text),
        ("id", Text),
        ("name", Text),
        ("aliases", Json),
    ],
    upsert_key: None,
};

pub const PHOTO_PEOPLE: Table = Table {
    name: "photo_people",
    columns: &[
        ("article_id", Text),
        ("photo_idx", Int),
        ("person_id", Text),
    ],
    upsert_key: None,
};

pub const MENTIONS: Table = Table {
    name: "mentions",
    columns: &[
        ("article_id", Text),
        ("seq", Int),
        ("person_id", Text),
        ("organization_id", Text),
        ("place_id", Text),
        ("start_char", Int),
        ("end_char", Int),
        ("text", Text),
    ],
    upsert_key: None,
};

pub const QUOTES: Table = Table {
    name: "quotes",
    columns: &[
        ("article_id", Text),
        ("id", Text),
        ("text", Text),
        ("start_char", Int),
        ("end_char", Int),
        ("speaker_name", Text),
        ("speaker_person_id", Text),
        ("speaker_organization_id", Text),
        ("speaker_place_id", Text),
        ("cue", Text),
        ("kind", Text),
    ],
    upsert_key: None,
};

pub const EVENTS: Table = Table {
    name: "events",
    columns: &[
        ("article_id", Text),
        ("id", Text),
        ("event_type", Text),
        ("trigger_text", Text),
        ("trigger_start", Int),
        ("trigger_end", Int),
        ("sentence_start", Int),
        ("sentence_end", Int),
        ("place_name", Text),
        ("place_id", Text),
        ("time_text", Text),
        ("time_value", Text),
        ("time_start", Int),
        ("time_end", Int),
        ("month", Text),
    ],
    upsert_key: None,
};

pub const EVENT_PARTICIPANTS: Table = Table {
    name: "event_participants",
    columns: &[
        ("article_id", Text),
        ("event_id", Text),
        ("seq", Int),
        ("role", Text),
        ("person_id", Text),
        ("organization_id", Text),
        ("place_id", Text),
    ],
    upsert_key: None,
};

/// Insert order: parents before children.
pub const INSERT_ORDER: [&Table; 11] = [
    &ARTICLES,
    &INPUTS,
    &PEOPLE,
    &ORGANIZATIONS,
    &PLACES,
    &PHOTOS,
    &PHOTO_PEOPLE,
    &MENTIONS,
    &QUOTES,
    &EVENTS,
    &EVENT_PARTICIPANTS,
];

/// The per-article tables, children before parents: what is deleted (by
/// `article_id`) before an article is written again.
pub const CHILDREN_DELETE_ORDER: [&Table; 9] = [
    &EVENT_PARTICIPANTS,
    &EVENTS,
    &QUOTES,
    &MENTIONS,
    &PHOTO_PEOPLE,
    &PHOTOS,
    &PLACES,
    &ORGANIZATIONS,
    &PEOPLE,
];

/// Which SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// One migration: the DDL that takes the schema from `version - 1` to `version`.
pub struct Migration {
    pub version: i64,
    pub description: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// All migrations, in order. Append only: a released migration never changes.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "articles, inputs, photos, people, organizations, places, mentions, quotes, events, event_participants",
        sqlite: include_str!("../migrations/0001_initial.sqlite.sql"),
        postgres: include_str!("../migrations/0001_initial.postgres.sql"),
    },
    Migration {
        version: 2,
        description: "articles.source_format, url, warc_record_id, text (contract 1.1: pages and WARC records)",
        sqlite: include_str!("../migrations/0002_page_sources.sqlite.sql"),
        postgres: include_str!("../migrations/0002_page_sources.postgres.sql"),
    },
];

/// The expression for "now" in a dialect (for `stored_at` on upsert).
pub fn now_sql(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        Dialect::Postgres => "now()",
    }
}

/// The `INSERT` of one table's rows. SQLite: one row per execution.
/// PostgreSQL: every row at once, one array parameter per column expanded
/// by `unnest` (one small statement, prepared once, whatever the row count;
/// round trips and parsing would otherwise dominate loading time).
pub fn insert_sql(table: &Table, dialect: Dialect) -> String {
    let cols: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
    let mut sql = format!("INSERT INTO {} ({}) ", table.name, cols.join(", "));
    match dialect {
        Dialect::Sqlite => {
            let params: Vec<String> = (1..=cols.len()).map(|n| format!("?{n}")).collect();
            sql.push_str(&format!("VALUES ({})", params.join(", ")));
        }
        Dialect::Postgres => {
            let select: Vec<String> = table
                .columns
                .iter()
                .map(|(c, kind)| match kind {
                    Json => format!("{c}::jsonb"),
                    Date => format!("{c}::date"),
                    Text | Int => c.to_string(),
                })
                .collect();
            let arrays: Vec<String> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| match kind {
                    Int => format!("${}::bigint[]", i + 1),
                    _ => format!("${}::text[]", i + 1),
                })
                .collect();
            sql.push_str(&format!(
                "SELECT {} FROM unnest({}) AS t ({})",
                select.join(", "),
                arrays.join(", "),
                cols.join(", ")
            ));
        }
    }
    if let Some(key) = table.upsert_key {
        let sets: Vec<String> = cols
            .iter()
            .filter(|c| **c != key)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        sql.push_str(&format!(
            " ON CONFLICT ({key}) DO UPDATE SET {}, stored_at = {}",
            sets.join(", "),
            now_sql(dialect)
        ));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_sql_binds_every_column_once() {
        let s = insert_sql(&PEOPLE, Dialect::Sqlite);
        assert_eq!(
            s,
            "INSERT INTO people (article_id, id, name, aliases, titles, roles) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        );
        let p = insert_sql(&PLACES, Dialect::Postgres);
        assert_eq!(
            p,
            "INSERT INTO places (article_id, id, name, aliases) \
             SELECT article_id, id, name, aliases::jsonb \
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) \
             AS t (article_id, id, name, aliases)"
        );
    }

    #[test]
    fn upserts_replace_every_non_key_column() {
        let s = insert_sql(&INPUTS, Dialect::Sqlite);
        assert!(s.ends_with(
            "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, \
             article_id = excluded.article_id, stored_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        ));
    }

    #[test]
    fn every_table_is_created_by_the_migrations() {
        for t in INSERT_ORDER {
            let create = format!("CREATE TABLE {} (", t.name);
            for m in [MIGRATIONS[0].sqlite, MIGRATIONS[0].postgres] {
                assert!(m.contains(&create), "{} missing", t.name);
            }
            // Every column is made by some migration.
            for (c, _) in t.columns {
                for dialect in [0, 1] {
                    let made = MIGRATIONS.iter().any(|m| {
                        let sql = if dialect == 0 { m.sqlite } else { m.postgres };
                        let table_part = sql
                            .split(&create)
                            .nth(1)
                            .map(|rest| rest.split(");").next().unwrap_or(""));
                        table_part.is_some_and(|body| {
                            body.lines()
                                .any(|l| l.trim_start().starts_with(&format!("{c} ")))
                        }) || sql.contains(&format!("ALTER TABLE {} ADD COLUMN {c} ", t.name))
                    });
                    assert!(made, "{}.{c} is made by no migration", t.name);
                }
            }
        }
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
    }
}
