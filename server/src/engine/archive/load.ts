// `verbatim archive load`: source files into the archive, with the readers and the speaker
// identity of the local corpus (corpus/sourceFile.ts, speakers/speakerRegistry.ts), written
// with COPY. Incremental: a file whose SHA-1 the archive already has is skipped, a changed one
// replaced, and a file gone from under the loaded folders removed. Each batch of files is one
// transaction, so readers see a document whole or not at all.

import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CorpusProblem } from '../types';
import { listSourceFiles } from '../corpus/corpus';
import { hashOf, readSourceFile, type ReadSource } from '../corpus/sourceFile';
import { Vocabulary } from '../corpus/words';
import { GrowU32 } from '../corpus/growable';
import { SpeakerRegistry } from '../speakers/speakerRegistry';
import { connectSession } from './connection';
import { pairHash, wordHash } from './keys';
import { binaryPostings, groupPostings } from './postings';
import { CREATE_SCHEMA, LOADER_LOCK, READER_ROLE, SCHEMA_VERSION } from './schema';
import { readRegistry } from './registry';

export interface ArchiveLoadOptions {
  /** Speaker aliases from the config, as the local corpus takes them. */
  speakers?: Record<string, string[]>;
  /** Paths are stored relative to this folder (default: the working folder), else absolute. */
  root?: string;
  /** Statements per transaction (default 50,000). */
  batchStatements?: number;
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ArchiveLoadReport {
  /** Source files found under the paths. */
  files: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** Statements written by this run. */
  statements: number;
  problems: CorpusProblem[];
  seconds: number;
}

interface KnownDocument {
  id: number;
  hash: string;
  first: number;
  count: number;
  /** The load batch whose postings rows hold its statements. */
  batch: number;
  /** The postings its statements were given: what removing it must take out. */
  postings: number;
}

interface Pending {
  name: string;
  read: ReadSource;
}

const DEFAULT_BATCH = 50_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Loads the source files under `paths` into the archive at `url`. Throws on a database error (nothing of the failed batch is kept). */
export async function loadArchive(paths: string[], url: string, options: ArchiveLoadOptions = {}): Promise<ArchiveLoadReport> {
  const started = Date.now();
  const root = path.resolve(options.root ?? process.cwd());
  const nameOf = (abs: string) => {
    const rel = path.relative(root, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
  };
  const problems: CorpusProblem[] = [];
  const files = listSourceFiles(paths, problems);
  const report: ArchiveLoadReport = { files: files.length, added: 0, changed: 0, unchanged: 0, removed: 0, statements: 0, problems, seconds: 0 };
  const client = await connectSession(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOADER_LOCK]);
    // The version is read before CREATE_SCHEMA, which would add this version's tables beside an older one's.
    if ((await client.query<{ has: boolean }>(`SELECT to_regclass('verbatim.meta') IS NOT NULL AS has`)).rows[0].has) {
      const version = (await client.query<{ value: string }>(`SELECT value FROM verbatim.meta WHERE name = 'schema'`)).rows[0]?.value;
      if (version !== SCHEMA_VERSION) {
        throw new Error(`the archive's schema is version ${version}; this Verbatim reads version ${SCHEMA_VERSION} (load into a new database, or DROP SCHEMA verbatim CASCADE and load again)`);
      }
    }
    await client.query(CREATE_SCHEMA);
    const known = new Map<string, KnownDocument>();
    for (const row of (
      await client.query<{ id: number; path: string; hash: string; first_statement: number; statement_count: number; batch: number; postings: number }>(
        'SELECT id, path, hash, first_statement, statement_count, batch, postings FROM verbatim.documents',
      )
    ).rows) {
      known.set(row.path, { id: row.id, hash: row.hash, first: row.first_statement, count: row.statement_count, batch: row.batch, postings: row.postings });
    }
    const registry = SpeakerRegistry.fromJSON(await readRegistry(client), options.speakers);
    // A bulk load (into an empty archive, or one this load more than doubles) builds the postings'
    // btree once at the end, by sorting, instead of inserting millions of random keys into it
    // (a document replaced meanwhile finds its batch's rows by the BRIN index); a load that fails
    // leaves it to the next load's CREATE_SCHEMA.
    const bulk = files.length > known.size;
    if (bulk) await client.query('DROP INDEX IF EXISTS verbatim.postings_key');
    const writer = new BatchWriter(client, registry);
    const limit = options.batchStatements ?? DEFAULT_BATCH;
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    const listed = new Set<string>();
    let pending: Pending[] = [];
    let drops: KnownDocument[] = [];
    let pendingStatements = 0;
    // One batch is written while the next is read: the server takes in a COPY while this process
    // reads files, two cores at work instead of one at a time (the reads yield between files so
    // the COPY's stream keeps flowing). Batches are still written one after another, in order.
    let writing: Promise<void> | null = null;
    const flush = async () => {
      if (pending.length === 0 && drops.length === 0) return;
      if (writing) await writing;
      writing = writer.write(pending, drops).then((n) => {
        report.statements += n;
      });
      writing.catch(() => undefined); // awaited at the next flush or at the end
      pending = [];
      drops = [];
      pendingStatements = 0;
    };
    for (let i = 0; i < files.length; i++) {
      const abs = path.resolve(files[i]);
      const name = nameOf(abs);
      listed.add(name);
      const before = known.get(name);
      if (before && sameHash(abs, before.hash)) {
        report.unchanged++;
      } else {
        const read = readSourceFile(abs, maxBytes, writer.vocab);
        for (const message of read.problems) problems.push({ path: abs, message });
        if (before) {
          drops.push(before);
          report.changed++;
        } else report.added++;
        pending.push({ name, read });
        pendingStatements += read.texts.length;
        if (pendingStatements >= limit) await flush();
      }
      options.onProgress?.(i + 1, files.length);
      if (writing) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Files the archive has under the loaded folders that are gone from them.
    const roots = paths.map((p) => nameOf(path.resolve(p)));
    for (const [name, doc] of known) {
      if (listed.has(name) || !roots.some((r) => name === r || name.startsWith(r.endsWith('/') ? r : `${r}/`))) continue;
      drops.push(doc);
      report.removed++;
    }
    await flush();
    if (writing) await writing;
    if (bulk) await client.query(CREATE_SCHEMA);
    if (report.added + report.changed + report.removed > 0) {
      // Index-only scans of the postings' counts need the visibility map; the planner needs the new sizes.
      await client.query('VACUUM (ANALYZE) verbatim.postings, verbatim.statements, verbatim.documents');
    }
    await grantReaders(client);
    return { ...report, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sameHash(abs: string, hash: string): boolean {
  try {
    return hashOf(fs.readFileSync(abs)) === hash;
  } catch {
    return false; // the read reports it
  }
}

/** Lets the reader role (when the database has it) read the archive, and nothing else. */
async function grantReaders(client: pg.Client): Promise<void> {
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [READER_ROLE])).rowCount;
  if (!exists) return;
  // Identifiers cannot be parameters; READER_ROLE is a constant.
  await client.query(`GRANT USAGE ON SCHEMA verbatim TO ${READER_ROLE}; GRANT SELECT ON ALL TABLES IN SCHEMA verbatim TO ${READER_ROLE}`);
}

/** Writes batches of files: each one transaction of deletes, COPYs and counter updates. */
class BatchWriter {
  readonly vocab = new Vocabulary();
  private hashes = new Int32Array(1 << 16);
  private hashed = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly registry: SpeakerRegistry,
  ) {}

  /** The pair-key hash of each word id of this load's vocabulary. */
  private wordHashes(): Int32Array {
    const words = this.vocab.words;
    if (words.length > this.hashes.length) {
      const grown = new Int32Array(Math.max(words.length, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    for (; this.hashed < words.length; this.hashed++) this.hashes[this.hashed] = wordHash(words[this.hashed]);
    return this.hashes;
  }

  /** The distinct pair keys of `words[from, to)` (one statement's word ids in this load's vocabulary), in `seen`, cleared first. */
  private keysOf(words: ArrayLike<number>, from: number, to: number, seen: Set<number>): Set<number> {
    const hashes = this.wordHashes();
    seen.clear();
    for (let i = from; i + 1 < to; i++) seen.add(pairHash(hashes[words[i]], hashes[words[i + 1]]));
    return seen;
  }

  /** Removes `drops` and adds `files` in one transaction; returns the statements written. */
  async write(files: Pending[], drops: KnownDocument[]): Promise<number> {
    const client = this.client;
    await client.query('BEGIN');
    try {
      let postingsDelta = 0;
      for (const doc of drops) postingsDelta -= await this.drop(doc);
      const next = await client.query<{ name: string; value: string }>(`SELECT name, value FROM verbatim.meta WHERE name IN ('next_document', 'next_statement', 'next_batch', 'postings') FOR UPDATE`);
      const value = (name: string) => Number(next.rows.find((r) => r.name === name)!.value);
      let documentId = value('next_document');
      let statementId = value('next_statement');
      const batch = value('next_batch');
      const documents: string[] = [];
      const statements: string[] = [];
      // The batch's (key, statement id) pairs, in statement order: grouped by key below.
      const pairKeys = new GrowU32(1 << 20);
      const pairIds = new GrowU32(1 << 20);
      const seen = new Set<number>();
      const scratch = new GrowU32(256);
      for (const { name, read } of files) {
        const doc = read.document;
        const first = statementId;
        const count = doc ? read.texts.length : 0;
        const posted = postingsDelta;
        for (let k = 0; k < count; k++) {
          this.registry.registerStatement(read.labels[k], read.speakers[k]);
          const p = read.places;
          const text = storedText(read.texts[k]);
          statements.push(row([statementId, documentId, read.labels[k], read.speakers[k], p[k * 6], p[k * 6 + 1], p[k * 6 + 2], p[k * 6 + 3], p[k * 6 + 4], p[k * 6 + 5], text]));
          // The keys of the text as stored, which a later drop reads back (it differs only by a NUL).
          let keys: Set<number>;
          if (text === read.texts[k]) keys = this.keysOf(read.words.data, k === 0 ? 0 : read.wordEnds[k - 1], read.wordEnds[k], seen);
          else {
            scratch.length = 0;
            this.vocab.scanInto(text, scratch);
            keys = this.keysOf(scratch.data, 0, scratch.length, seen);
          }
          pairKeys.reserve(pairKeys.length + keys.size);
          pairIds.reserve(pairIds.length + keys.size);
          for (const key of keys) {
            pairKeys.data[pairKeys.length++] = key;
            pairIds.data[pairIds.length++] = statementId;
          }
          postingsDelta += keys.size;
          statementId++;
        }
        documents.push(row([documentId, name, read.hash, doc?.kind ?? null, doc?.title ?? null, doc?.url ?? null, doc?.date ?? null, first, count, batch, postingsDelta - posted]));
        documentId++;
      }
      await copy(client, 'COPY verbatim.documents (id, path, hash, kind, title, url, date, first_statement, statement_count, batch, postings) FROM STDIN', documents);
      await copy(client, 'COPY verbatim.statements (id, document_id, label, speaker, span_start, span_end, start_line, start_char, end_line, end_char, text) FROM STDIN', statements);
      await copyBinary(client, 'COPY verbatim.postings (key, batch, n, ids) FROM STDIN (FORMAT binary)', binaryPostings(groupPostings(pairKeys.data, pairIds.data, pairKeys.length), batch));
      await this.saveRegistry();
      await client.query(
        `UPDATE verbatim.meta SET value = CASE name WHEN 'next_document' THEN $1::text WHEN 'next_statement' THEN $2::text WHEN 'next_batch' THEN $3::text
           WHEN 'postings' THEN $4::text ELSE (value::int8 + 1)::text END
         WHERE name IN ('next_document', 'next_statement', 'next_batch', 'postings', 'generation')`,
        [documentId, statementId, batch + 1, value('postings') + postingsDelta],
      );
      await client.query('COMMIT');
      return statementId - value('next_statement');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Deletes a document and its statements, and takes their ids out of the postings of their batch:
   * the rows of the keys of the statements' stored texts, as the load made them. Should those keys
   * not account for every posting the document was given (its texts read otherwise since, by a
   * Verbatim whose words differ), the batch's rows holding its ids are found by scanning the batch
   * (BRIN), so no id is ever left behind. Returns the postings removed.
   */
  private async drop(doc: KnownDocument): Promise<number> {
    const end = doc.first + doc.count;
    await this.client.query('DELETE FROM verbatim.documents WHERE id = $1', [doc.id]);
    if (doc.count === 0) return 0;
    const texts = await this.client.query<{ text: string }>('DELETE FROM verbatim.statements WHERE id >= $1 AND id < $2 RETURNING text', [doc.first, end]);
    const keys = new Set<number>();
    const words = new GrowU32(256);
    const seen = new Set<number>();
    for (const { text } of texts.rows) {
      words.length = 0;
      this.vocab.scanInto(text, words);
      for (const key of this.keysOf(words.data, 0, words.length, seen)) keys.add(key);
    }
    let removed = keys.size === 0 ? 0 : await this.takeOut(doc, 'p.key = ANY($4::int4[])', [...keys]);
    if (removed !== doc.postings) {
      const ids = Array.from({ length: doc.count }, (_, i) => doc.first + i);
      removed += await this.takeOut(doc, 'p.ids && $4::int4[]', ids);
    }
    return removed;
  }

  /** Takes the ids of `doc` out of its batch's rows that `where` picks ($4: `values`); rows left empty go. */
  private async takeOut(doc: KnownDocument, where: string, values: number[]): Promise<number> {
    const { rows } = await this.client.query<{ removed: string | null }>(
      `WITH hit AS (
         SELECT p.key, p.n, array(SELECT i FROM unnest(p.ids) WITH ORDINALITY AS u(i, o) WHERE i < $1 OR i >= $2 ORDER BY o) AS ids
         FROM verbatim.postings p WHERE p.batch = $3 AND ${where}
       ), emptied AS (
         DELETE FROM verbatim.postings p USING hit WHERE p.key = hit.key AND p.batch = $3 AND cardinality(hit.ids) = 0
       ), kept AS (
         UPDATE verbatim.postings p SET ids = hit.ids, n = cardinality(hit.ids) FROM hit
         WHERE p.key = hit.key AND p.batch = $3 AND cardinality(hit.ids) BETWEEN 1 AND hit.n - 1
       )
       SELECT sum(n - cardinality(ids)) AS removed FROM hit`,
      [doc.first, doc.first + doc.count, doc.batch, values],
    );
    return Number(rows[0].removed ?? 0);
  }

  /** The registry's speakers and roles, as the checkers restore it (speaker ids are positions). */
  private async saveRegistry(): Promise<void> {
    const saved = this.registry.toJSON();
    await this.client.query(
      `INSERT INTO verbatim.speakers (id, name, key) SELECT * FROM unnest($1::int4[], $2::text[], $3::text[])
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, key = EXCLUDED.key WHERE (verbatim.speakers.name, verbatim.speakers.key) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.key)`,
      [saved.speakers.map((_, i) => i), saved.speakers.map((s) => s[0]), saved.speakers.map((s) => s[1])],
    );
    await this.client.query(
      `INSERT INTO verbatim.speaker_roles (role, speaker_id) SELECT * FROM unnest($1::text[], $2::int4[])
       ON CONFLICT (role) DO UPDATE SET speaker_id = EXCLUDED.speaker_id WHERE verbatim.speaker_roles.speaker_id <> EXCLUDED.speaker_id`,
      [saved.roles.map((r) => r[0]), saved.roles.map((r) => r[1])],
    );
  }
}

/** A statement's text as PostgreSQL stores it: text holds no NUL. */
function storedText(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '') : text;
}

/** One line of COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function row(values: Array<string | number | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    if (v === null) line += '\\N';
    else if (typeof v === 'number') line += String(v);
    else line += v.replace(/[\\\t\n\r\0]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '')); // PostgreSQL text holds no NUL
  }
  return `${line}\n`;
}

/** Streams a binary COPY's data, in slices of 1 MB. */
async function copyBinary(client: pg.Client, sql: string, data: Buffer): Promise<void> {
  function* slices(): Generator<Buffer> {
    for (let at = 0; at < data.length; at += 1 << 20) yield data.subarray(at, Math.min(data.length, at + (1 << 20)));
  }
  await pipeline(Readable.from(slices()), client.query(copyFrom(sql)));
}

/** Streams lines into a COPY … FROM STDIN, in chunks of about 256 KB. */
async function copy(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= 1 << 18) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}
