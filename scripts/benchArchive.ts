// npm run bench -- --archive [--copies 25] [--clients 16] [--rounds 10] [--keep]
//
// The newsroom archive on a real PostgreSQL (Debian's, a cluster in a temporary folder, as the
// tests make it): the White House briefing room copied `--copies` times (copy 1 as it is, copy
// k with every letter of every word of two letters or more rotated by k-1 places, speaker
// labels included, so no copy repeats another's words, pairs or speakers), all loaded in one
// `loadArchive` run as `verbatim archive load` does. Measures the load rate, the database
// size, and a 40-quote draft (the one `npm run bench` makes from the 1x corpus) checked by
// `--clients` concurrent processes against the archive alone (p50/p95 of the whole check, of
// the archive lookup within it, and of that lookup's query round trip: what the server takes,
// queueing included; the rest is the client's own CPU, which the clients' processes spend on
// the same cores, so it is printed per check too), against the local index of 1x in the same run.

import { spawn } from 'child_process';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArchiveClient, Corpus, checkText, checkWithArchive, draftQuoteTokens, loadArchive, prepareDraft, type Verdict } from '../server/src/engine';
import { loadCorpus } from '../server/src/engine/corpus/loadCorpus';
import { readCounts } from '../server/src/engine/archive/registry';
import { Cluster } from '../test/support/postgres';
import pg from 'pg';

interface Expected {
  verdict: Verdict;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Rotates the letters of every word of two letters or more by `k` (a bijection: the same word frequencies, other words). */
function shift(text: string, k: number): string {
  return text.replace(/[A-Za-z]{2,}/g, (word) => {
    let out = '';
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const base = c >= 97 ? 97 : 65;
      out += String.fromCharCode(base + ((c - base + k) % 26));
    }
    return out;
  });
}

/** A shifted copy of the corpus folder: front matter kept (dates and the format), the body shifted. */
function writeShiftedCopy(from: string, to: string, k: number): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      writeShiftedCopy(src, dst, k);
    } else if (entry.isFile()) {
      const text = fs.readFileSync(src, 'utf8');
      const fm = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
      const split = fm >= 0 ? fm + 4 : 0;
      fs.writeFileSync(dst, text.slice(0, split) + shift(text.slice(split), k));
    }
  }
}

/** One client process: `rounds` checks of the draft against the archive alone, one after another. */
async function clientMain(url: string, draftFile: string, rounds: number): Promise<void> {
  const draft = fs.readFileSync(draftFile, 'utf8');
  const archive = new ArchiveClient(url, { timeoutMs: 30_000 });
  const empty = new Corpus();
  const checks: number[] = [];
  const lookups: number[] = [];
  const queries: number[] = [];
  let verdicts: Verdict[] = [];
  const quotes = draftQuoteTokens(prepareDraft(draft, 'draft.md'));
  await archive.lookup(quotes); // connect and read the registry
  const cpu = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    const lookup = await archive.lookup(quotes);
    lookups.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if ('queryMs' in lookup && lookup.queryMs !== undefined) queries.push(lookup.queryMs);
    const t1 = process.hrtime.bigint();
    const report = await checkWithArchive(draft, 'draft.md', empty, archive);
    checks.push(Number(process.hrtime.bigint() - t1) / 1e6);
    verdicts = report.findings.map((f) => f.verdict);
    if (report.archive?.state !== 'checked') throw new Error(`archive: ${JSON.stringify(report.archive)}`);
  }
  const used = process.cpuUsage(cpu);
  const cpuMsPerRound = (used.user + used.system) / 1000 / rounds;
  await archive.close();
  process.stdout.write(`${JSON.stringify({ checks, lookups, queries, cpuMsPerRound, verdicts })}\n`);
}

function runClient(url: string, draftFile: string, rounds: number): Promise<{ checks: number[]; lookups: number[]; queries: number[]; cpuMsPerRound: number; verdicts: Verdict[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--archive-client', url, draftFile, String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`client exited ${code}`))));
  });
}

export interface ArchiveBenchOptions {
  data: string;
  copies: number;
  clients: number;
  rounds: number;
  keep: boolean;
  outFile: string;
  /** Makes draft.md and expected.json in `dir` from a corpus (bench.ts's draft). */
  makeDraft: (corpus: Corpus, dir: string) => void;
}

export async function archiveBench(o: ArchiveBenchOptions): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-archive-'));
  fs.chmodSync(tmp, 0o755);
  const log = (s: string) => process.stderr.write(`bench archive: ${s}\n`);
  const cluster = await Cluster.create({
    settings: { fsync: 'on', shared_buffers: '1GB', maintenance_work_mem: '512MB', max_wal_size: '8GB', checkpoint_timeout: '30min', max_connections: '100' },
  });
  try {
    cluster.psql(`CREATE ROLE loader LOGIN PASSWORD 'load'; CREATE ROLE verbatim_reader NOLOGIN; CREATE ROLE desk LOGIN PASSWORD 'desk' IN ROLE verbatim_reader`);
    cluster.psql('CREATE DATABASE verbatim OWNER loader');
    const loaderUrl = cluster.url('loader', 'load', 'verbatim');
    const deskUrl = cluster.url('desk', 'desk', 'verbatim');
    const one = path.join(tmp, 'copy-1');
    fs.mkdirSync(one);
    log(`unpacking ${o.data}`);
    execFileSync('tar', ['-xJf', o.data, '-C', one]);

    // The local index of 1x, and the draft made from it.
    const draftDir = path.join(tmp, 'draft');
    fs.mkdirSync(draftDir);
    const local = loadCorpus([one]);
    o.makeDraft(local, draftDir);
    const draftFile = path.join(draftDir, 'draft.md');
    const draft = fs.readFileSync(draftFile, 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(draftDir, 'expected.json'), 'utf8')) as Expected[];
    checkText(draft, 'draft.md', local); // warm the code paths
    const localTimes: number[] = [];
    let localVerdicts: Verdict[] = [];
    for (let i = 0; i < 20; i++) {
      local.generation++; // the judgement cache emptied
      const t = process.hrtime.bigint();
      localVerdicts = checkText(draft, 'draft.md', local).findings.map((f) => f.verdict);
      localTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const localStatements = local.statementCount;
    local.close();

    // The copies written first (not timed as loading), then loaded in one run, as a newsroom's first load.
    const dirs = [one];
    for (let k = 2; k <= o.copies; k++) {
      const dir = path.join(tmp, `copy-${k}`);
      fs.mkdirSync(dir);
      writeShiftedCopy(one, dir, k - 1);
      dirs.push(dir);
    }
    log(`loading ${o.copies} copies`);
    const loaded = await loadArchive(dirs, loaderUrl, { root: tmp, onProgress: (done, total) => done % 5000 === 0 && log(`read ${done}/${total} files`) });
    for (const dir of dirs.slice(1)) fs.rmSync(dir, { recursive: true, force: true });
    log(`${loaded.statements} statements in ${loaded.seconds.toFixed(1)} s`);
    // A second run with nothing changed: what an incremental load costs when nothing is new.
    const again = await loadArchive([one], loaderUrl, { root: tmp });
    const db = new pg.Client({ connectionString: deskUrl });
    await db.connect();
    const counts = await readCounts(db);
    const sizes = (
      await db.query<{ name: string; bytes: string }>(
        `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'verbatim' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
      )
    ).rows.map((r) => ({ table: r.name, mb: Math.round(Number(r.bytes) / 1024 / 1024) }));
    const postingRows = Number((await db.query<{ n: string }>("SELECT reltuples::int8::text AS n FROM pg_class WHERE oid = 'verbatim.postings'::regclass")).rows[0].n);
    await db.end();

    // The draft against the archive: one client alone, then all at once.
    log(`checking: 1 client, then ${o.clients} concurrent clients × ${o.rounds} checks`);
    const alone = await runClient(deskUrl, draftFile, o.rounds);
    const all = await Promise.all(Array.from({ length: o.clients }, () => runClient(deskUrl, draftFile, o.rounds)));
    const checks = all.flatMap((c) => c.checks);
    const lookups = all.flatMap((c) => c.lookups);
    const queries = all.flatMap((c) => c.queries);
    const agree = (verdicts: Verdict[]) => expected.filter((e, i) => verdicts[i] === e.verdict).length / expected.length;
    const loadSeconds = loaded.seconds;
    const result = {
      copies: o.copies,
      statements: counts.statements,
      documents: counts.documents,
      speakers: counts.speakers,
      postings: counts.postings,
      postingRows,
      loadSeconds: round(loadSeconds),
      loadRatePerSecond: Math.round(counts.statements / loadSeconds),
      unchangedReloadSeconds: round(again.seconds),
      databaseMB: Math.round(counts.bytes / 1024 / 1024),
      tables: sizes,
      oneClient: {
        checkP50ms: round(percentile(alone.checks, 0.5)),
        checkP95ms: round(percentile(alone.checks, 0.95)),
        lookupP50ms: round(percentile(alone.lookups, 0.5)),
        queryP50ms: round(percentile(alone.queries, 0.5)),
        // A round is a lookup and a check (which makes its own lookup): the client's CPU for both.
        clientCpuMsPerRound: round(alone.cpuMsPerRound),
      },
      concurrent: {
        clients: o.clients,
        checks: checks.length,
        checkP50ms: round(percentile(checks, 0.5)),
        checkP95ms: round(percentile(checks, 0.95)),
        lookupP50ms: round(percentile(lookups, 0.5)),
        lookupP95ms: round(percentile(lookups, 0.95)),
        queryP50ms: round(percentile(queries, 0.5)),
        queryP95ms: round(percentile(queries, 0.95)),
      },
      archiveVerdictsRight: agree(alone.verdicts),
      local1x: { statements: localStatements, draftP50ms: round(percentile(localTimes, 0.5)), draftP95ms: round(percentile(localTimes, 0.95)), verdictsRight: agree(localVerdicts) },
      loadAverage: os.loadavg().map(round),
    };
    fs.mkdirSync(path.dirname(o.outFile), { recursive: true });
    fs.writeFileSync(o.outFile, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, target: { concurrentCheckP95ms: 100 }, result }, null, 2));
    const r = result;
    process.stdout.write(
      `archive: ${r.statements} statements (${r.copies} copies of the briefing room), ${r.documents} documents, ${r.speakers} speakers, ${r.postings} word-pair postings in ${r.postingRows} rows\n` +
        `  load ${r.loadSeconds} s: ${r.loadRatePerSecond} statements/s (reloading copy 1 unchanged: ${r.unchangedReloadSeconds} s) · database ${r.databaseMB} MB (${r.tables.map((t) => `${t.table} ${t.mb}`).join(', ')})\n` +
        `  40-quote draft, archive only, 1 client: p50 ${r.oneClient.checkP50ms} ms, p95 ${r.oneClient.checkP95ms} ms (lookup p50 ${r.oneClient.lookupP50ms} ms, its query ${r.oneClient.queryP50ms} ms; client CPU ${r.oneClient.clientCpuMsPerRound} ms per lookup + check) · verdicts right ${Math.round(r.archiveVerdictsRight * 100)}%\n` +
        `  ${r.concurrent.clients} concurrent clients, ${r.concurrent.checks} checks: p50 ${r.concurrent.checkP50ms} ms, p95 ${r.concurrent.checkP95ms} ms (lookup p50 ${r.concurrent.lookupP50ms}, p95 ${r.concurrent.lookupP95ms} ms; its query's round trip p50 ${r.concurrent.queryP50ms}, p95 ${r.concurrent.queryP95ms} ms)\n` +
        `  local index 1x (${r.local1x.statements} statements), same draft: p50 ${r.local1x.draftP50ms} ms, p95 ${r.local1x.draftP95ms} ms · verdicts right ${Math.round(r.local1x.verdictsRight * 100)}%\n` +
        `  load average ${r.loadAverage.join(' ')} (2 cores, shared)\n` +
        `bench: figures written to ${o.outFile}\n`,
    );
  } finally {
    cluster.destroy();
    if (!o.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--archive-client') {
  clientMain(process.argv[3], process.argv[4], Number(process.argv[5])).catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
