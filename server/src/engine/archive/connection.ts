// Connecting to a newsroom archive: a PostgreSQL connection string from the config
// (`postgresql://verbatim@archive.example/verbatim?sslmode=require`). What the string leaves out
// comes from libpq's usual places, as `psql` would take it: the PG* environment variables
// (PGHOST, PGUSER, PGPASSWORD, PGSSLMODE, …) and the password file (~/.pgpass, PGPASSFILE), both
// read by the `pg` driver; `sslmode` and the other parameters of the string pass through to it.

import * as path from 'path';
import pg from 'pg';

/** Whether a corpus entry names an archive rather than a file or folder. */
export function isArchiveUrl(entry: string): boolean {
  return /^postgres(ql)?:\/\//i.test(entry.trim());
}

/** A corpus entry as the engine keeps it: a connection string as written, a path made absolute against `base`. */
export function resolveCorpusEntry(entry: string, base: string): string {
  return isArchiveUrl(entry) ? entry.trim() : path.resolve(base, entry);
}

/** The connection string with any password masked, for messages and status lines. */
export function describeArchive(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}

export interface PoolOptions {
  /** Sessions refuse writes: what an editor's checks use (SPEC: editors connect read-only). */
  readOnly: boolean;
  /** Connecting and each statement give up after this long (the server cancels the statement too). */
  timeoutMs: number;
  /** Connections kept at most. */
  max?: number;
}

/** A pool of connections to the archive; its idle connections' errors are reported, never thrown. */
export function openPool(url: string, options: PoolOptions, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 2,
    connectionTimeoutMillis: options.timeoutMs,
    statement_timeout: options.timeoutMs,
    query_timeout: options.timeoutMs + 250,
    idleTimeoutMillis: 30_000,
    application_name: 'verbatim',
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // A server restart closes idle connections: an 'error' event without a listener would end the process.
  pool.on('error', onError);
  return pool;
}

/** One session without a statement timeout: the loader (COPY needs one session) and `archive status`. */
export async function connectSession(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'verbatim archive' });
  client.on('error', () => {
    // A lost connection also fails the query under way, which reports it.
  });
  await client.connect();
  return client;
}

/** A config's corpus entries split into local paths and archive connection strings. */
export function splitCorpus(entries: string[]): { paths: string[]; archives: string[] } {
  return { paths: entries.filter((e) => !isArchiveUrl(e)), archives: entries.filter(isArchiveUrl).map((e) => e.trim()) };
}
