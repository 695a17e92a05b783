-- newsparse schema v1 (SQLite). Offsets are Unicode code points, end exclusive.
-- JSON columns hold JSON text; dates are 'YYYY-MM-DD' text.

CREATE TABLE articles (
    id              TEXT PRIMARY KEY,          -- record id: first 16 hex chars of sha256
    schema_version  TEXT NOT NULL,             -- the record's schema_version
    source_path     TEXT NOT NULL,             -- path of the input last stored for it
    sha256          TEXT NOT NULL,
    bytes           INTEGER NOT NULL,
    chars           INTEGER NOT NULL,
    title           TEXT,
    subtitle        TEXT,
    byline          TEXT NOT NULL,             -- JSON array of author names
    published       TEXT,
    dateline_place  TEXT,
    dateline_date   TEXT,
    language        TEXT NOT NULL,
    word_count      INTEGER NOT NULL,
    paragraph_count INTEGER NOT NULL,
    warnings        TEXT NOT NULL,             -- JSON array
    record          TEXT NOT NULL,             -- the whole record as JSON
    stored_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_sha256 ON articles (sha256);

-- Every input stored, for --resume: (path, sha256) pairs.
CREATE TABLE inputs (
    path       TEXT PRIMARY KEY,
    sha256     TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    stored_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX inputs_article ON inputs (article_id);

CREATE TABLE people (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,                  -- p1, p2… inside the article
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL,                  -- JSON arrays
    titles     TEXT NOT NULL,
    roles      TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX people_name ON people (name);

CREATE TABLE organizations (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,                  -- o1, o2…
    name       TEXT NOT NULL,
    acronym    TEXT,
    aliases    TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX organizations_name ON organizations (name);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,                  -- l1, l2…
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX places_name ON places (name);

CREATE TABLE photos (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,             -- position in the record's photos, from 0
    caption      TEXT NOT NULL,
    credit       TEXT,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    credit_start INTEGER,
    credit_end   INTEGER,
    place        TEXT,
    date         TEXT,                         -- YYYY[-MM[-DD]]
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE photo_people (
    article_id TEXT NOT NULL,
    photo_idx  INTEGER NOT NULL,
    person_id  TEXT NOT NULL,
    PRIMARY KEY (article_id, photo_idx, person_id),
    FOREIGN KEY (article_id, photo_idx) REFERENCES photos (article_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (article_id, person_id) REFERENCES people (article_id, id) ON DELETE CASCADE
);

-- One row per mention; exactly one of person_id, organization_id, place_id is set.
CREATE TABLE mentions (
    article_id      TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    person_id       TEXT,
    organization_id TEXT,
    place_id        TEXT,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    PRIMARY KEY (article_id, seq),
    CHECK ((person_id IS NOT NULL) + (organization_id IS NOT NULL) + (place_id IS NOT NULL) = 1),
    FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, person_id) REFERENCES people (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, organization_id) REFERENCES organizations (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, place_id) REFERENCES places (article_id, id) ON DELETE CASCADE
);

-- The speaker columns: speaker_name always when there is a speaker; at most one
-- of the *_id columns when the speaker is one of the article's entities.
CREATE TABLE quotes (
    article_id              TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id                      TEXT NOT NULL,     -- q1, q2…
    text                    TEXT NOT NULL,
    start_char              INTEGER NOT NULL,
    end_char                INTEGER NOT NULL,
    speaker_name            TEXT,
    speaker_person_id       TEXT,
    speaker_organization_id TEXT,
    speaker_place_id        TEXT,
    cue                     TEXT,
    kind                    TEXT NOT NULL,     -- direct | partial | scare
    PRIMARY KEY (article_id, id),
    FOREIGN KEY (article_id, speaker_person_id) REFERENCES people (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, speaker_organization_id) REFERENCES organizations (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, speaker_place_id) REFERENCES places (article_id, id) ON DELETE CASCADE
);
CREATE INDEX quotes_speaker_person ON quotes (article_id, speaker_person_id);

-- month: YYYY-MM of the event's own time when that names a month; else, when
-- the event has no time at all, of the article's publication date; else NULL.
CREATE TABLE events (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,              -- e1, e2…
    event_type     TEXT NOT NULL,              -- ACE 2005 subtype, e.g. Contact.Meet
    trigger_text   TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    place_name     TEXT,
    place_id       TEXT,
    time_text      TEXT,
    time_value     TEXT,                       -- YYYY[-MM[-DD]]
    time_start     INTEGER,
    time_end       INTEGER,
    month          TEXT,
    PRIMARY KEY (article_id, id),
    FOREIGN KEY (article_id, place_id) REFERENCES places (article_id, id) ON DELETE CASCADE
);
CREATE INDEX events_month ON events (month);
CREATE INDEX events_type ON events (event_type);

CREATE TABLE event_participants (
    article_id      TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    seq             INTEGER NOT NULL,          -- position in the event's participants
    role            TEXT NOT NULL,
    person_id       TEXT,
    organization_id TEXT,
    place_id        TEXT,
    PRIMARY KEY (article_id, event_id, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, person_id) REFERENCES people (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, organization_id) REFERENCES organizations (article_id, id) ON DELETE CASCADE,
    FOREIGN KEY (article_id, place_id) REFERENCES places (article_id, id) ON DELETE CASCADE
);
