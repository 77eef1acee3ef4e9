// An editor's (or the CLI's) read-only view of the archive: one round trip a draft for the
// candidates of all its quotes, with a deadline. A fault never fails a check: the archive is
// then "unreachable", checks go on against local sources at once (no wait until the retry
// time), and a probe in the background reconnects.

import type pg from 'pg';
import type { Token } from '../text/tokenize';
import type { Corpus } from '../corpus/corpus';
import type { SavedRegistry } from '../speakers/speakerRegistry';
import { describeArchive, openPool } from './connection';
import { quoteKeys } from './keys';
import { readRegistry } from './registry';
import { Vocabulary } from '../corpus/words';
import { candidateCorpus, type CandidateRow } from './candidates';

export interface ArchiveClientOptions {
  /** The longest a check waits on the archive, connecting included (default 2,000 ms). */
  timeoutMs?: number;
  /** After a fault, how long until the archive is tried again (default 5,000 ms). */
  retryMs?: number;
  /** Candidates asked for per quote (default 24). */
  perQuote?: number;
  /** Speaker aliases from the config. */
  speakers?: Record<string, string[]>;
  /** Called when the state changes (the language server's status bar). */
  onStatus?: (status: ArchiveStatus) => void;
}

export interface ArchiveStatus {
  /** The connection string, password masked. */
  archive: string;
  state: 'connecting' | 'ready' | 'unreachable';
  /** Why it is unreachable, in words. */
  message?: string;
}

/** What the archive gave a check: a corpus of candidates, or why there is none. */
export type ArchiveLookup = { corpus: Corpus | null; statements: number; /** The candidate query's round trip, ms (the rest is this process's). */ queryMs?: number } | { unavailable: string };

/** Posting lists longer than this are too common to rank by (as in the local index). */
const COMMON = 20000;
/** With three keys at most this common, the commoner ones are not read (as in the local index). */
const RARE = 2000;
/**
 * The rarest keys of a quote read at most: a dozen quoted words have eleven pairs, and the rarest
 * of them find its source, and six leave both halves of a stitched quote a say. Reading every
 * pair's postings made the bench's 40-quote draft read 86,000 postings of the 1x briefing room;
 * six a quote, 42,000 (four: 15,000).
 */
const KEYS_PER_QUOTE = 6;
/** Words the candidates' shared vocabulary holds before it is started again. */
const VOCABULARY_LIMIT = 200_000;

// One statement, all parameters bound: the quotes' keys ($1 quote numbers, $2 keys), candidates per quote ($3).
// A key's rarity is summed from its postings rows' n in the btree (index-only, the arrays not
// read); only the chosen keys' arrays are read and unnested (in the select list: a Function Scan
// of unnest in FROM cost 45 µs a row), quote by quote, and each quote's top candidates kept by a
// bounded sort (a window over all of a draft's ~40,000 postings sorted them twice). Weights are integers (2^20 / ln(2 + n)) so a score does not depend on the order
// of its sum: equal key sets tie exactly, and the lower id wins, whatever the plan.
const CANDIDATES_SQL = `
WITH asked AS (
  SELECT DISTINCT q, key FROM unnest($1::int4[], $2::int4[]) AS t(q, key)
), known AS (
  SELECT p.key, sum(p.n)::int4 AS n FROM verbatim.postings p WHERE p.key IN (SELECT key FROM asked) GROUP BY p.key
), flagged AS (
  SELECT a.q, a.key, k.n,
         count(*) FILTER (WHERE k.n <= ${RARE}) OVER (PARTITION BY a.q) AS rare,
         row_number() OVER (PARTITION BY a.q ORDER BY k.n, a.key) AS rarity
  FROM asked a JOIN known k ON k.key = a.key WHERE k.n > 0 AND k.n <= ${COMMON}
), chosen AS MATERIALIZED (
  SELECT q, key, (1048576.0::float8 / ln(2.0::float8 + n))::int4 AS weight FROM flagged
  WHERE (rare < 3 OR n <= ${RARE}) AND rarity <= ${KEYS_PER_QUOTE}
), picked AS (
  SELECT DISTINCT top.id FROM (SELECT DISTINCT q FROM chosen) quotes
  CROSS JOIN LATERAL (
    SELECT u.id FROM (SELECT unnest(p.ids) AS id, c.weight FROM chosen c JOIN verbatim.postings p ON p.key = c.key WHERE c.q = quotes.q) u
    GROUP BY u.id ORDER BY sum(u.weight) DESC, u.id LIMIT $3
  ) top
)
SELECT s.id, s.label, s.speaker, s.span_start, s.span_end, s.start_line, s.start_char, s.end_line, s.end_char, s.text,
       d.path, d.kind, d.title, d.url, d.date, (SELECT value FROM verbatim.meta WHERE name = 'generation') AS generation
FROM picked JOIN verbatim.statements s ON s.id = picked.id JOIN verbatim.documents d ON d.id = s.document_id
ORDER BY s.id`;

export class ArchiveClient {
  private readonly pool: pg.Pool;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private current: ArchiveStatus;
  private registry: { generation: number; saved: SavedRegistry } | null = null;
  private retryAt = 0;
  private probe: NodeJS.Timeout | null = null;
  private closed = false;
  private vocab = new Vocabulary();

  constructor(
    readonly url: string,
    private readonly options: ArchiveClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.retryMs = options.retryMs ?? 5000;
    this.current = { archive: describeArchive(url), state: 'connecting' };
    this.pool = openPool(url, { readOnly: true, timeoutMs: this.timeoutMs }, (error) => this.fail(error));
  }

  get status(): ArchiveStatus {
    return this.current;
  }

  /** The archive's load generation as last read (0 before): results cached under it are stale when it moves. */
  get generation(): number {
    return this.registry?.generation ?? 0;
  }

  /**
   * The candidates of every quote, in one round trip (two when the archive changed since the
   * speaker registry was read). Never throws and never takes longer than the timeout.
   */
  async lookup(quotes: Token[][]): Promise<ArchiveLookup> {
    if (this.closed) return { unavailable: 'the archive connection is closed' };
    if (this.current.state === 'unreachable' && Date.now() < this.retryAt) return { unavailable: this.current.message ?? 'unreachable' };
    const qs: number[] = [];
    const keys: number[] = [];
    quotes.forEach((quote, q) => {
      for (const key of quoteKeys(quote)) {
        qs.push(q);
        keys.push(key);
      }
    });
    try {
      return await withDeadline(this.query(qs, keys), this.timeoutMs);
    } catch (error) {
      this.fail(error as Error);
      return { unavailable: this.current.message ?? 'unreachable' };
    }
  }

  private async query(qs: number[], keys: number[]): Promise<ArchiveLookup> {
    if (!this.registry) await this.readRegistry();
    if (keys.length === 0) {
      this.setState({ state: 'ready' });
      return { corpus: null, statements: 0 };
    }
    const asked = performance.now();
    const { rows } = await this.pool.query<CandidateRow & { generation: string }>(CANDIDATES_SQL, [qs, keys, this.options.perQuote ?? 24]);
    const queryMs = performance.now() - asked;
    // A load since the registry was read may have brought speakers the candidates name.
    if (rows.length > 0 && Number(rows[0].generation) !== this.registry!.generation) await this.readRegistry();
    this.setState({ state: 'ready' });
    // A fresh vocabulary now and then: an editor open for days would otherwise keep every word it was sent.
    if (this.vocab.words.length > VOCABULARY_LIMIT) this.vocab = new Vocabulary();
    return { corpus: rows.length > 0 ? candidateCorpus(rows, this.registry!.saved, this.options.speakers, this.vocab) : null, statements: rows.length, queryMs };
  }

  private async readRegistry(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // One snapshot for the generation and the registry it goes with.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ value: string }>(`SELECT value FROM verbatim.meta WHERE name = 'generation'`);
      if (rows.length === 0) throw new Error('no Verbatim archive in this database (run `verbatim archive load` first)');
      const saved = await readRegistry(client);
      await client.query('COMMIT');
      this.registry = { generation: Number(rows[0].value), saved };
    } catch (error) {
      client.release(true);
      throw error;
    }
    client.release();
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.retryAt = Date.now() + this.retryMs;
    this.setState({ state: 'unreachable', message: reason(error) });
    this.scheduleProbe();
  }

  /** Tries the archive again after the retry time, until it answers. */
  private scheduleProbe(): void {
    if (this.probe || this.closed) return;
    this.probe = setTimeout(() => {
      this.probe = null;
      withDeadline(this.pool.query('SELECT 1 FROM verbatim.meta LIMIT 1'), this.timeoutMs).then(
        () => {
          this.retryAt = 0;
          this.setState({ state: 'ready' });
        },
        (error: Error) => this.fail(error),
      );
    }, this.retryMs);
    this.probe.unref();
  }

  private setState(next: Omit<ArchiveStatus, 'archive'>): void {
    const changed = next.state !== this.current.state || next.message !== this.current.message;
    this.current = { archive: this.current.archive, ...next };
    if (changed) this.options.onStatus?.(this.current);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
    await this.pool.end().catch(() => undefined);
  }
}

/** An error in words a status line can show. */
function reason(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT') return 'archive unreachable (connection refused)';
  if (code === '57P01' || code === '57P02' || code === '57P03') return 'archive unreachable (the server is restarting)';
  if (code === '57014' || /timeout|timed out/i.test(error.message)) return `archive unreachable (${error.message})`;
  return `archive unreachable (${error.message})`;
}

class DeadlineError extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // a late failure after the deadline is not unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
