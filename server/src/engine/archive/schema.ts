// The archive's tables, in the schema `verbatim` of the database the connection string names.
//
//   documents    one row per loaded source file: its path as loaded, SHA-1 (what an incremental
//                load compares), document fields, its statements' id range, the load batch
//                that wrote it (its postings are in that batch's rows) and how many postings
//   statements   one row per statement: label, the speaker as its document resolves it, place, text
//   postings     (key, batch, n, ids): for one word-pair key (archive/keys.ts) and one load batch
//                (a transaction of about 50,000 statements), the ascending ids of the batch's
//                statements that hold it, and how many. One row per key per batch instead of one
//                per key per statement: the 1x briefing room's 14.9M postings fit in 3.0M rows,
//                and most keys are rare, so a row holds few ids. A key's rarity is the sum of its
//                rows' n, read from the btree on (key, batch) INCLUDE (n) without the arrays; a
//                BRIN index on batch finds a batch's rows when that btree is being rebuilt
//   speakers, speaker_roles   the speaker registry (speakers/speakerRegistry.ts), as a cache saves it
//   meta         schema version, next ids, postings written, and a generation bumped by every load
//
// Ids are given by the loader, which holds an advisory lock: one writer at a time.

export const SCHEMA_VERSION = '2';
/** The role a reader (an editor's connection) needs; the loader grants it SELECT when it exists. */
export const READER_ROLE = 'verbatim_reader';
/** Held by a loader for its whole run (pg_advisory_lock's key). */
export const LOADER_LOCK = 0x76657262; // "verb"

export const CREATE_SCHEMA = `
CREATE SCHEMA IF NOT EXISTS verbatim;
CREATE TABLE IF NOT EXISTS verbatim.meta (name text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.documents (
  id int4 PRIMARY KEY, path text NOT NULL UNIQUE, hash text NOT NULL, kind text,
  title text, url text, date text, first_statement int4 NOT NULL, statement_count int4 NOT NULL, batch int4 NOT NULL,
  postings int4 NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.statements (
  id int4 PRIMARY KEY, document_id int4 NOT NULL, label text NOT NULL, speaker text NOT NULL,
  span_start int4 NOT NULL, span_end int4 NOT NULL, start_line int4 NOT NULL, start_char int4 NOT NULL,
  end_line int4 NOT NULL, end_char int4 NOT NULL, text text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.postings (key int4 NOT NULL, batch int4 NOT NULL, n int4 NOT NULL, ids int4[] NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS postings_key ON verbatim.postings (key, batch) INCLUDE (n);
CREATE INDEX IF NOT EXISTS postings_batch ON verbatim.postings USING brin (batch) WITH (pages_per_range = 32);
CREATE TABLE IF NOT EXISTS verbatim.speakers (id int4 PRIMARY KEY, name text NOT NULL, key text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.speaker_roles (role text PRIMARY KEY, speaker_id int4 NOT NULL);
INSERT INTO verbatim.meta (name, value) VALUES
  ('schema', '${SCHEMA_VERSION}'), ('generation', '0'), ('next_document', '1'), ('next_statement', '1'),
  ('next_batch', '1'), ('postings', '0')
  ON CONFLICT (name) DO NOTHING;
`;

/** Whether the schema exists, and its version (null when there is none). */
export const SCHEMA_VERSION_QUERY = `SELECT (SELECT value FROM verbatim.meta WHERE name = 'schema') AS version`;
