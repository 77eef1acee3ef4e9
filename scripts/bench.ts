// npm run bench: the corpus at real scale (issue 4).
//
// Unpacks the White House briefing room (briefing-room.tar.xz from ../shared, or
// VERBATIM_BENCH_DATA) into a temporary folder, then for each corpus size (the corpus
// once, and three times over as distinct files) measures, each step in a fresh process:
// the cold index (no cache), the warm start (from the cache), peak RSS, a 40-quote draft
// (intact, altered, misattributed, invented quotes taken from the corpus): per-quote lookup
// p50/p95, the whole draft's check time and the verdicts' accuracy; and in the same run, on
// the same files, the baselines: `rg -F` once per quote (what a reporter does by hand) and a
// naive scan of every statement. Prints a table and writes a JSON copy (--out FILE, default
// out/bench.json). Then a row for sources as reporters have them: 1,000 PDFs and 1,000 saved
// web pages made from the statements (scripts/benchDocuments.ts), read cold: pages per second
// and peak RSS. Last, the keystroke row (scripts/benchKeystroke.ts, a process of its own): the
// CPU time of the check as you type on a 3,000-word Markdown draft, and of reading its Markdown.
// Options: --sizes 1,3  --documents-only  --keystroke-only  --keep (leave the temporary folder).
// --archive: the newsroom archive on PostgreSQL instead (scripts/benchArchive.ts).

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText, type Verdict } from '../server/src/engine';
import type { Corpus } from '../server/src/engine/corpus/corpus';
import { loadCorpusReport } from '../server/src/engine/corpus/loadCorpus';
import { tokenize as wordsOfText } from '../server/src/engine/text/tokenize';
import { isNegation } from '../server/src/engine/match/wordClasses';
import { archiveBench } from './benchArchive';
import { makeDocumentCorpus } from './benchDocuments';
import { describeKeystroke, type KeystrokeResult } from './benchKeystroke';

interface Expected {
  kind: 'intact' | 'altered' | 'misattributed' | 'invented';
  verdict: Verdict;
  quote: string;
  speaker: string;
  /** The exact source words the quote came from (for rg). */
  source: string;
}

interface ChildResult {
  statements?: number;
  documents?: number;
  seconds?: number;
  peakRssMB?: number;
  cache?: unknown;
  lookupP50ms?: number;
  lookupP95ms?: number;
  draftMs?: number;
  accuracy?: number;
  wrong?: string[];
  naiveP50ms?: number;
  naiveMeanMs?: number;
}

// ---------------------------------------------------------------------------------------
// Child steps: one process per measurement, so peak RSS and timings are its own.

function child(step: string, args: string[]): void {
  const [cacheDir, draftDir, ...paths] = args;
  const t0 = process.hrtime.bigint();
  const { corpus, cache } = loadCorpusReport(paths, { cacheDir });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const out: ChildResult = { statements: corpus.statementCount, documents: corpus.documents.length, seconds, cache };
  if (step === 'draft') {
    const draftFile = path.join(draftDir, 'draft.md');
    if (!fs.existsSync(draftFile)) makeDraft(corpus, draftDir);
    Object.assign(out, checkDraft(corpus, draftDir));
  }
  if (step === 'naive') Object.assign(out, naive(corpus, draftDir));
  out.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  corpus.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** A seeded generator: the same draft from the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INVENTED = [
  'The zeppelin fleet will deliver marmalade to every lighthouse by Thursday',
  'Our quantum orchard produced eleven thousand violet pineapples this winter',
  'No penguin shall be appointed to the tariff tribunal without a harp',
  'We are building a cathedral of gelatin beneath the frozen archipelago',
  'The minister of clocks confirmed that Tuesday has been permanently postponed',
  'Every submarine in the volcano must now carry a certified accordion',
  'I promise the moon will be repainted turquoise before the harvest festival',
  'Our negotiators traded four hundred kites for a library of singing stones',
  'The glacier caucus voted unanimously to rename gravity after a walrus',
  'Tomorrow the tramway to Saturn opens with free licorice for commuters',
];

function makeDraft(corpus: Corpus, dir: string): void {
  const random = rng(20240601);
  const sp = corpus.speakers;
  // Statements of named people (two-word names), 14+ words, whose 10-word window occurs once in the corpus.
  const n = corpus.cols.live.length;
  const picks: Array<{ id: number; quote: string; speaker: string; speakerId: number }> = [];
  const seenSpeakers = new Set<number>();
  for (let tries = 0; picks.length < 30 && tries < 20000; tries++) {
    const id = Math.floor(random() * n);
    if (corpus.cols.live.data[id] !== 1) continue;
    const s = corpus.statement(id);
    const speakerId = sp.canonical(s.speakerId);
    const name = sp.speaker(speakerId).name;
    if (!/^\p{Lu}\p{L}+ \p{Lu}[\p{L}-]+$/u.test(name) || (seenSpeakers.has(speakerId) && random() < 0.7)) continue;
    const tokens = wordsOfText(s.text);
    if (tokens.length < 16) continue;
    const start = Math.floor(random() * (tokens.length - 12));
    // A quote that starts right after "not" says the opposite of its source: the checker rightly calls it altered.
    if (start > 0 && isNegation(tokens[start - 1].norm)) continue;
    if (tokens[start].start === tokens[Math.max(0, start - 1)].start && start > 0) continue; // inside a contraction
    const quote = s.text.slice(tokens[start].start, tokens[start + 11].end);
    if (/[“”"‘’[\]…]|\.\.\./.test(quote.replace(/(\p{L})’(\p{L})/gu, '$1$2'))) continue;
    // Unique words: the same window spoken twice (by anyone) makes a poor test quote.
    const hits = corpus.candidates(wordsOfText(quote), 8).filter((c) => corpus.statement(c).text.includes(quote));
    if (hits.length !== 1 && !hits.every((c) => sp.same(corpus.statement(c).speakerId, speakerId))) continue;
    seenSpeakers.add(speakerId);
    picks.push({ id, quote, speaker: name, speakerId });
  }
  const expected: Expected[] = [];
  const people = [...new Set(picks.map((p) => p.speaker))];
  picks.forEach((p, i) => {
    if (i < 10) expected.push({ kind: 'intact', verdict: 'verified', quote: p.quote, speaker: p.speaker, source: p.quote });
    else if (i < 20) {
      // Change one long word (a content word) to another.
      const words = wordsOfText(p.quote);
      const target = words.slice(2).find((w) => w.norm.length >= 6) ?? words[words.length - 1];
      const altered = p.quote.slice(0, target.start) + 'pineapple' + p.quote.slice(target.end);
      expected.push({ kind: 'altered', verdict: 'altered', quote: altered, speaker: p.speaker, source: p.quote });
    } else {
      const other = people.find((name) => name !== p.speaker && !sp.same(sp.resolve(name) ?? -1, p.speakerId))!;
      expected.push({ kind: 'misattributed', verdict: 'misattributed', quote: p.quote, speaker: other, source: p.quote });
    }
  });
  INVENTED.forEach((q, i) => expected.push({ kind: 'invented', verdict: 'missing', quote: q, speaker: people[i % people.length], source: q }));
  const draft = expected.map((e) => `“${e.quote},” ${e.speaker} said.\n`).join('\n');
  fs.writeFileSync(path.join(dir, 'draft.md'), draft);
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 1));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function checkDraft(corpus: Corpus, dir: string): ChildResult {
  const draft = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[];
  // The whole draft, once to warm the code paths (JIT) on another corpus generation, then measured.
  checkText(draft, 'draft.md', corpus);
  corpus.generation++;
  const t0 = process.hrtime.bigint();
  const report = checkText(draft, 'draft.md', corpus);
  const draftMs = Number(process.hrtime.bigint() - t0) / 1e6;
  // Each quote alone (its own paragraph), the judgement cache emptied before each.
  const paragraphs = draft.split('\n').filter((l) => l.trim());
  const times: number[] = [];
  for (const p of paragraphs) {
    corpus.generation++;
    const t = process.hrtime.bigint();
    checkText(p, 'one.md', corpus);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const findings = report.findings;
  const wrong: string[] = [];
  expected.forEach((e, i) => {
    const f = findings[i];
    if (!f || f.verdict !== e.verdict) wrong.push(`${e.kind}: expected ${e.verdict}, got ${f?.verdict ?? 'no finding'} — “${e.quote.slice(0, 60)}” (${e.speaker})`);
  });
  if (findings.length !== expected.length) wrong.push(`${findings.length} findings for ${expected.length} quotes`);
  return {
    draftMs,
    lookupP50ms: percentile(times, 0.5),
    lookupP95ms: percentile(times, 0.95),
    accuracy: (expected.length - wrong.filter((w) => !w.includes('findings for')).length) / expected.length,
    wrong,
  };
}

/** The naive baseline: every statement's words compared with every quote's. */
function naive(corpus: Corpus, dir: string): ChildResult {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[];
  const quotes = expected.map(
    (e) =>
      ` ${wordsOfText(e.quote)
        .map((t) => t.norm)
        .join(' ')} `,
  );
  const times: number[] = [];
  for (const q of quotes) {
    const t = process.hrtime.bigint();
    let found = 0;
    for (let id = 0; id < corpus.cols.live.length; id++) {
      if (corpus.cols.live.data[id] !== 1) continue;
      const words = ` ${corpus
        .tokensOf(id)
        .map((x) => x.norm)
        .join(' ')} `;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the count keeps the comparison the work measured
      if (words.includes(q)) found++;
    }
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (times.length >= 3) break; // each pass reads every statement: three quotes give the figure
  }
  return { naiveP50ms: percentile(times, 0.5), naiveMeanMs: times.reduce((a, b) => a + b, 0) / times.length };
}

// ---------------------------------------------------------------------------------------
// The driver.

function findData(): string {
  if (process.env.VERBATIM_BENCH_DATA) return process.env.VERBATIM_BENCH_DATA;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'data', 'whitehouse', 'briefing-room.tar.xz');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('briefing-room.tar.xz not found: set VERBATIM_BENCH_DATA');
}

function ensureRipgrep(): string | null {
  const has = spawnSync('rg', ['--version']);
  if (has.status === 0) return 'rg';
  process.stderr.write('bench: ripgrep not found; installing Debian’s ripgrep with apt-get\n');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (cmd: string[]) => spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' }).status === 0;
  if (run([...sudo, 'apt-get', 'update']) && run([...sudo, 'apt-get', 'install', '-y', 'ripgrep'])) return 'rg';
  process.stderr.write('bench: could not install ripgrep; the rg baseline is skipped\n');
  return null;
}

function runChild(step: string, cacheDir: string, draftDir: string, paths: string[]): ChildResult {
  const r = spawnSync(process.execPath, [__filename, '--child', step, cacheDir, draftDir, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench step ${step} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ChildResult;
}

/**
 * `verbatim check draft.md --corpus …` as a user types it, twice, with the default cache (a
 * fresh $XDG_CACHE_HOME): the first run indexes, the second loads the index. Wall clock of
 * the whole process, node's start included.
 */
function cliTwice(tmp: string, size: number, draftDir: string, paths: string[]): { first: number; second: number } {
  const bin = path.join(__dirname, '..', '..', 'bin', 'verbatim.js');
  const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, `xdg-${size}x`) };
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'check', path.join(draftDir, 'draft.md'), '--format', 'json', ...paths.flatMap((p) => ['--corpus', p])], {
      cwd: draftDir,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`verbatim check failed (${r.status}):\n${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  return { first: once(), second: once() };
}

/** `rg -F` once per quote, over the same files: what a reporter does by hand. */
function ripgrep(rg: string, draftDir: string, paths: string[]): { p50ms: number; meanMs: number } {
  const expected = JSON.parse(fs.readFileSync(path.join(draftDir, 'expected.json'), 'utf8')) as Expected[];
  const times: number[] = [];
  for (const e of expected) {
    const t = process.hrtime.bigint();
    spawnSync(rg, ['-F', '-l', '--', e.source, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { p50ms: percentile(times, 0.5), meanMs: times.reduce((a, b) => a + b, 0) / times.length };
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1], argv.slice(2));
  if (argv[0] === '--make-documents') {
    void makeDocumentCorpus(argv[1], argv[2], Number(argv[3])).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
    return;
  }
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--archive')) {
    archiveBench({
      data: findData(),
      copies: Number(opt('--copies') ?? 25),
      clients: Number(opt('--clients') ?? 16),
      rounds: Number(opt('--rounds') ?? 10),
      keep: argv.includes('--keep'),
      outFile: path.resolve(opt('--out') ?? path.join(__dirname, '..', 'bench-archive.json')),
      makeDraft,
    }).catch((error) => {
      process.stderr.write(`bench archive failed: ${(error as Error).stack}\n`);
      process.exitCode = 1;
    });
    return;
  }
  if (argv.includes('--keystroke-only')) {
    process.stdout.write(`${describeKeystroke(keystrokeRow())}\n`);
    return;
  }
  const sizes = (opt('--sizes') ?? '1,3').split(',').map(Number);
  const outFile = path.resolve(opt('--out') ?? path.join(__dirname, '..', 'bench.json'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
  const rg = ensureRipgrep();
  const data = findData();
  const results: Array<Record<string, unknown>> = [];
  try {
    const one = path.join(tmp, 'corpus-1x');
    fs.mkdirSync(one);
    process.stderr.write(`bench: unpacking ${data} into ${one}\n`);
    execFileSync('tar', ['-xJf', data, '-C', one]);
    const draftDir = path.join(tmp, 'draft');
    fs.mkdirSync(draftDir);
    for (const size of argv.includes('--documents-only') ? [] : sizes) {
      let paths = [one];
      if (size > 1) {
        const many = path.join(tmp, `corpus-${size}x`);
        paths = [];
        for (let k = 1; k <= size; k++) {
          const copy = path.join(many, `copy-${k}`);
          fs.cpSync(one, copy, { recursive: true });
          paths.push(copy);
        }
      }
      const cacheDir = path.join(tmp, `cache-${size}x`);
      process.stderr.write(`bench: ${size}x: cold index\n`);
      const cold = runChild('load', cacheDir, draftDir, paths);
      process.stderr.write(`bench: ${size}x: warm start and the draft\n`);
      const warm = runChild('load', cacheDir, draftDir, paths);
      const draft = runChild('draft', cacheDir, draftDir, paths);
      process.stderr.write(`bench: ${size}x: the verbatim command, run twice with its default cache\n`);
      const cli = cliTwice(tmp, size, draftDir, paths);
      process.stderr.write(`bench: ${size}x: baselines\n`);
      const naiveR = runChild('naive', cacheDir, draftDir, paths);
      const rgR = rg ? ripgrep(rg, draftDir, paths) : null;
      const perQuote = draft.lookupP50ms!;
      results.push({
        size: `${size}x`,
        statements: cold.statements,
        documents: cold.documents,
        coldIndexSeconds: round(cold.seconds!),
        coldPeakRssMB: cold.peakRssMB,
        coldPhasesMs: phasesOf(cold.cache),
        warmPhasesMs: phasesOf(warm.cache),
        warmStartSeconds: round(warm.seconds!),
        warmPeakRssMB: warm.peakRssMB,
        warmCache: warm.cache,
        lookupP50ms: round(draft.lookupP50ms!),
        lookupP95ms: round(draft.lookupP95ms!),
        draft40Ms: round(draft.draftMs!),
        draftPeakRssMB: draft.peakRssMB,
        cliFirstRunSeconds: round(cli.first),
        cliSecondRunSeconds: round(cli.second),
        accuracy: draft.accuracy,
        wrong: draft.wrong,
        rgPerQuoteP50ms: rgR && round(rgR.p50ms),
        naivePerQuoteP50ms: round(naiveR.naiveP50ms!),
        speedupVsRg: rgR && round(rgR.p50ms / perQuote),
        speedupVsNaive: round(naiveR.naiveP50ms! / perQuote),
      });
      if (size > 1) fs.rmSync(path.join(tmp, `corpus-${size}x`), { recursive: true, force: true });
    }
    // Sources as reporters have them: 1,000 PDFs and 1,000 saved pages made from the statements, read cold.
    const docs = path.join(tmp, 'documents');
    process.stderr.write('bench: documents: writing 1,000 PDFs and 1,000 web pages\n');
    const made = spawnSync(process.execPath, [__filename, '--make-documents', one, docs, '1000'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`making the documents failed:\n${made.stderr}`);
    const counts = JSON.parse(made.stdout.trim().split('\n').pop()!) as { pdfs: number; pdfPages: number; htmlPages: number };
    process.stderr.write('bench: documents: cold index\n');
    const read = runChild('load', path.join(tmp, 'cache-documents'), draftDir, [docs]);
    const pages = counts.pdfPages + counts.htmlPages;
    results.push({
      size: 'documents',
      statements: read.statements,
      documents: read.documents,
      files: counts.pdfs * 2,
      pdfPages: counts.pdfPages,
      htmlPages: counts.htmlPages,
      coldIndexSeconds: round(read.seconds!),
      pagesPerSecond: Math.round(pages / read.seconds!),
      coldPeakRssMB: read.peakRssMB,
    });
    process.stderr.write('bench: keystroke: a 3,000-word draft typed into\n');
    results.push({ size: 'keystroke', ...keystrokeRow() });
  } finally {
    if (!argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
  }
  const record = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    targets: { coldIndexSeconds: 10, warmStartSeconds: 1, cliSecondRunSeconds: 1, peakRssMB: 1024, draft40Ms: 50, speedupVsRg: 50, accuracy: 1 },
    results,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(record, null, 2));
  for (const r of results) {
    if (r.size === 'keystroke') {
      process.stdout.write(`${describeKeystroke(r as unknown as KeystrokeResult)}\n`);
      continue;
    }
    if (r.size === 'documents') {
      process.stdout.write(
        `documents: ${r.files} files (${r.pdfPages} PDF pages, ${r.htmlPages} web pages): ${r.statements} statements in ${r.documents} documents\n` +
          `  cold index ${r.coldIndexSeconds} s, ${r.pagesPerSecond} pages/s (peak RSS ${r.coldPeakRssMB} MB)\n`,
      );
      continue;
    }
    process.stdout.write(
      `${r.size}: ${r.statements} statements in ${r.documents} documents\n` +
        `  cold index ${r.coldIndexSeconds} s (peak RSS ${r.coldPeakRssMB} MB) · warm start ${r.warmStartSeconds} s (peak RSS ${r.warmPeakRssMB} MB)\n` +
        `  cold phases: ${describePhases(r.coldPhasesMs as Phases)} · warm: ${describePhases(r.warmPhasesMs as Phases)}\n` +
        `  verbatim check (the CLI, default cache): first run ${r.cliFirstRunSeconds} s, second run ${r.cliSecondRunSeconds} s\n` +
        `  per quote p50 ${r.lookupP50ms} ms, p95 ${r.lookupP95ms} ms · 40-quote draft ${r.draft40Ms} ms (peak RSS ${r.draftPeakRssMB} MB) · verdicts right ${Math.round((r.accuracy as number) * 100)}%\n` +
        `  baselines per quote: rg -F ${r.rgPerQuoteP50ms ?? 'n/a'} ms (×${r.speedupVsRg ?? 'n/a'}), naive scan ${r.naivePerQuoteP50ms} ms (×${r.speedupVsNaive})\n`,
    );
    for (const w of r.wrong as string[]) process.stdout.write(`    wrong: ${w}\n`);
  }
  process.stdout.write(`bench: figures written to ${outFile}\n`);
}

/** The keystroke bench in a process of its own (its timings are not this process's). */
function keystrokeRow(): KeystrokeResult {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'benchKeystroke.js'), '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the keystroke bench failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as KeystrokeResult;
}

type Phases = { listMs: number; readMs: number; indexMs: number; saveMs: number } | null;

/** The load's phases as the corpus loader timed them (`CacheReport.phases`), rounded. */
function phasesOf(cache: unknown): Phases {
  const phases = (cache as { phases?: Phases } | undefined)?.phases;
  return phases ? { listMs: Math.round(phases.listMs), readMs: Math.round(phases.readMs), indexMs: Math.round(phases.indexMs), saveMs: Math.round(phases.saveMs) } : null;
}

function describePhases(p: Phases): string {
  return p ? `list ${p.listMs} ms, read ${p.readMs} ms, index ${p.indexMs} ms, save ${p.saveMs} ms` : 'n/a';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
