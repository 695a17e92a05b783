-- newsparse schema v2 (SQLite): where a record came from (contract 1.1).
-- Articles stored by schema v1 were all plain text: they get 'text' and NULLs.

ALTER TABLE articles ADD COLUMN source_format TEXT NOT NULL DEFAULT 'text';  -- text, html or warc
ALTER TABLE articles ADD COLUMN url TEXT;             -- canonical URL or WARC-Target-URI
ALTER TABLE articles ADD COLUMN warc_record_id TEXT;  -- WARC-Record-ID of the response record
ALTER TABLE articles ADD COLUMN text TEXT;            -- the rendered article text (pages only), which spans index
CREATE INDEX articles_url ON articles (url);
