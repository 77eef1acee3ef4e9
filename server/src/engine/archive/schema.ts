// The archive's tables, in the schema `verbatim` of the database the connection string names.
//
//   documents    one row per loaded source file: its path as loaded, SHA-1 (what an incremental
//                load compares), document fields, and its statements' id range
//   statements   one row per statement: label, the speaker as its document resolves it, place, text
//   pairs        (key, statement_id): the statement's word-pair keys (archive/keys.ts), read by
//                index-only scans of the btree on (key, statement_id); a BRIN index on
//                statement_id finds a document's rows to delete (ids are given in load order)
//   key_counts   statements per key: how rare a key is, so a lookup reads only the rare ones
//   speakers, speaker_roles   the speaker registry (speakers/speakerRegistry.ts), as a cache saves it
//   meta         schema version, next ids, and a generation bumped by every load
//
// Ids are given by the loader, which holds an advisory lock: one writer at a time.

export const SCHEMA_VERSION = '1';
/** The role a reader (an editor's connection) needs; the loader grants it SELECT when it exists. */
export const READER_ROLE = 'verbatim_reader';
/** Held by a loader for its whole run (pg_advisory_lock's key). */
export const LOADER_LOCK = 0x76657262; // "verb"

export const CREATE_SCHEMA = `
CREATE SCHEMA IF NOT EXISTS verbatim;
CREATE TABLE IF NOT EXISTS verbatim.meta (name text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.documents (
  id int4 PRIMARY KEY, path text NOT NULL UNIQUE, hash text NOT NULL, kind text,
  title text, url text, date text, first_statement int4 NOT NULL, statement_count int4 NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.statements (
  id int4 PRIMARY KEY, document_id int4 NOT NULL, label text NOT NULL, speaker text NOT NULL,
  span_start int4 NOT NULL, span_end int4 NOT NULL, start_line int4 NOT NULL, start_char int4 NOT NULL,
  end_line int4 NOT NULL, end_char int4 NOT NULL, text text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.pairs (key int4 NOT NULL, statement_id int4 NOT NULL);
CREATE INDEX IF NOT EXISTS pairs_key ON verbatim.pairs (key, statement_id);
CREATE INDEX IF NOT EXISTS pairs_statement ON verbatim.pairs USING brin (statement_id) WITH (pages_per_range = 16);
CREATE TABLE IF NOT EXISTS verbatim.key_counts (key int4 PRIMARY KEY, n int4 NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.speakers (id int4 PRIMARY KEY, name text NOT NULL, key text NOT NULL);
CREATE TABLE IF NOT EXISTS verbatim.speaker_roles (role text PRIMARY KEY, speaker_id int4 NOT NULL);
INSERT INTO verbatim.meta (name, value) VALUES
  ('schema', '${SCHEMA_VERSION}'), ('generation', '0'), ('next_document', '1'), ('next_statement', '1')
  ON CONFLICT (name) DO NOTHING;
`;

/** Whether the schema exists, and its version (null when there is none). */
export const SCHEMA_VERSION_QUERY = `SELECT (SELECT value FROM verbatim.meta WHERE name = 'schema') AS version`;
