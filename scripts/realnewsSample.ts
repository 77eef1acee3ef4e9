// The hand-read sample of `npm run eval:realnews` (issue 12), drawn from a run's dump:
//
//   npm run eval:realnews -- --dump /tmp/realnews.jsonl
//   node out/scripts/realnewsSample.js --dump /tmp/realnews.jsonl [--seed 12] [--accusing 60] [--verified 40]
//        [--labels docs/realnews-labels.json] [--read FILE] [--out docs/realnews-sample.md]
//
// The draw is keyed by article and quote (a seeded hash of both, smallest first), not by a
// finding's place in the run: a change that keeps a quote's verdict keeps it in the sample,
// so before/after read the same items where the verdicts allow. Each item is written to the
// reading file (--read) beside its cited statement and the article around it. Labels are
// read from --labels, keyed by article, quote, verdict and cited statement (a label belongs
// to what was read: when the verdict or the cited statement changes the item is read again);
// items with no label are listed as such. The labelled table and its counts go to --out.
//
// Labels. Accusing verdicts (altered, misattributed, stitched):
//   catch         the cited statement is where the words come from and the writer did change,
//                 misattribute or stitch them
//   variant       the cited statement is the source and the difference is the transcript's
//                 (inflection, contraction, filler, two transcripts disagreeing)
//   false alarm   the cited statement is the source but the verdict is wrong (the cause says why)
//   wrong source  the cited statement is not where the words come from
// Verified: right / wrong source.
// "Good" accusing verdicts are catches, and variants shown as warnings (issue 12's target: 90%).
import * as fs from 'node:fs';

export interface DumpSource {
  speaker: string;
  text: string;
  path: string;
  line: number;
}

export interface DumpRow {
  split: string;
  doc: string;
  kind: 'quote' | 'claim';
  text: string;
  verdict: string;
  severity: string;
  speaker: string | null;
  gold: string | null;
  absent: boolean;
  message: string;
  context: string;
  source: DumpSource | null;
  others: (DumpSource | null)[];
}

export interface Label {
  label: string;
  cause?: string;
}

const HISTORY = '<!-- history: kept when the table is written again -->';
const ACCUSING = new Set(['altered', 'misattributed', 'stitched']);
export const ACCUSING_LABELS = ['catch', 'variant', 'false alarm', 'wrong source'];
export const VERIFIED_LABELS = ['right', 'wrong source'];

/** FNV-1a, 32 bits: the draw's key. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const shortDoc = (doc: string) => doc.replace(/^polnear\/[^/]+\//, '');
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The identity of an item in the draw: article and quote (and which occurrence of it). */
export function itemKey(row: DumpRow, occurrence: number): string {
  return `${shortDoc(row.doc)}|${words(row.text)}${occurrence > 0 ? `#${occurrence}` : ''}`;
}

/** The identity of a label: the item, its verdict and the statement it cites. */
export function labelKey(row: DumpRow, occurrence: number): string {
  const s = row.source;
  return `${itemKey(row, occurrence)}|${row.verdict}|${s ? `${s.path}:${s.line}` : '-'}`;
}

export interface Drawn {
  row: DumpRow;
  key: string;
  labelKey: string;
}

/** The `n` items of a pool with the smallest seeded hash of their key. */
export function draw(rows: DumpRow[], n: number, seed: number): Drawn[] {
  const seen = new Map<string, number>();
  const keyed = rows.map((row) => {
    const base = itemKey(row, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const key = itemKey(row, occurrence);
    return { row, key, labelKey: labelKey(row, occurrence), h: hash(`${seed}|${key}`) };
  });
  keyed.sort((a, b) => a.h - b.h || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.slice(0, n).map(({ row, key, labelKey }) => ({ row, key, labelKey }));
}

export function sample(rows: DumpRow[], seed: number, accusing: number, verified: number): { accusing: Drawn[]; verified: Drawn[] } {
  const quotes = rows.filter((r) => r.kind === 'quote');
  return {
    accusing: draw(
      quotes.filter((r) => ACCUSING.has(r.verdict)),
      accusing,
      seed,
    ),
    verified: draw(
      quotes.filter((r) => r.verdict === 'verified'),
      verified,
      seed,
    ),
  };
}

function readingOf(d: Drawn, i: number, labels: Record<string, Label>): string {
  const r = d.row;
  const label = labels[d.labelKey];
  const lines = [
    `${i}. ${r.split} ${shortDoc(r.doc)}: **${r.verdict}** (${r.severity}), speaker ${JSON.stringify(r.speaker)}, gold speaker ${JSON.stringify(r.gold)}${label ? ` — labelled **${label.label}**${label.cause ? ` (${label.cause})` : ''}` : ' — NOT LABELLED'}`,
    `   - key: \`${d.labelKey}\``,
    `   - draft: ${r.context}`,
    `   - message: ${r.message}`,
  ];
  for (const s of [r.source, ...r.others]) if (s) lines.push(`   - source (${s.speaker}, ${s.path} line ${s.line}): ${around(s.text, r.text, 350, 550)}`);
  return lines.join('\n');
}

export function writeReading(file: string, s: { accusing: Drawn[]; verified: Drawn[] }, seed: number, labels: Record<string, Label>): void {
  const text = [
    `# eval:realnews sample (seed ${seed}), for reading`,
    '',
    `## ${s.accusing.length} accusing verdicts`,
    '',
    ...s.accusing.map((d, i) => readingOf(d, i + 1, labels)),
    '',
    `## ${s.verified.length} verified`,
    '',
    ...s.verified.map((d, i) => readingOf(d, i + 1, labels)),
    '',
  ].join('\n');
  fs.writeFileSync(file, text);
}

const cell = (s: string) => words(s).replace(/\|/g, '\\|');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A window of a statement around where the quote's words stand in it (its rarest-looking word). */
function around(text: string, quote: string, before: number, after: number): string {
  const t = words(text);
  const lower = t.toLowerCase();
  const probes = quote
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, '').toLowerCase())
    .filter((w) => w.length > 3);
  probes.sort((a, b) => b.length - a.length);
  let at = -1;
  for (const p of probes) if ((at = lower.indexOf(p)) >= 0) break;
  const from = Math.max(0, at - before);
  const to = Math.min(t.length, Math.max(at, 0) + after);
  return (from > 0 ? '…' : '') + t.slice(from, to) + (to < t.length ? '…' : '');
}

/** The cited statement, cut around the quote so the table stays readable. */
function citedExcerpt(r: DumpRow): string {
  const s = r.source;
  if (!s) return '-';
  return `${s.speaker}, ${s.path}:${s.line}: ${around(s.text, r.text, 60, 150)}`;
}

export interface Counts {
  accusing: Record<string, number>;
  verified: Record<string, number>;
  good: number;
  accusingLabelled: number;
  verifiedLabelled: number;
}

export function countLabels(s: { accusing: Drawn[]; verified: Drawn[] }, labels: Record<string, Label>): Counts {
  const accusing: Record<string, number> = Object.fromEntries([...ACCUSING_LABELS, 'unlabelled'].map((l) => [l, 0]));
  const verified: Record<string, number> = Object.fromEntries([...VERIFIED_LABELS, 'unlabelled'].map((l) => [l, 0]));
  let good = 0;
  for (const d of s.accusing) {
    const l = labels[d.labelKey]?.label ?? 'unlabelled';
    accusing[l] = (accusing[l] ?? 0) + 1;
    if (l === 'catch' || (l === 'variant' && d.row.severity !== 'error')) good++;
  }
  for (const d of s.verified) {
    const l = labels[d.labelKey]?.label ?? 'unlabelled';
    verified[l] = (verified[l] ?? 0) + 1;
  }
  return { accusing, verified, good, accusingLabelled: s.accusing.length - accusing.unlabelled, verifiedLabelled: s.verified.length - verified.unlabelled };
}

function causeCounts(list: Drawn[], labels: Record<string, Label>): string {
  const counts = new Map<string, number>();
  for (const d of list) {
    const l = labels[d.labelKey];
    if (!l || l.label === 'catch' || l.label === 'right') continue;
    const k = `${l.label}: ${(l.cause ?? '(no cause given)').split(' — ')[0]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `- ${n} × ${k}`)
    .join('\n');
}

function tableOf(list: Drawn[], labels: Record<string, Label>): string {
  const head = '| # | article | quote | verdict | cited statement | label | cause |\n| ---: | --- | --- | --- | --- | --- | --- |';
  const rows = list.map((d, i) => {
    const r = d.row;
    const l = labels[d.labelKey];
    return `| ${i + 1} | ${cell(shortDoc(r.doc))} | ${cell(clip(r.text, 140))} | ${r.verdict} (${r.severity}) | ${cell(citedExcerpt(r))} | ${l ? l.label : '**unlabelled**'} | ${cell(l?.cause ?? '')} |`;
  });
  return [head, ...rows].join('\n');
}

export function summaryLine(c: Counts, n: { accusing: number; verified: number }): string {
  const a = ACCUSING_LABELS.map((l) => `${l} ${c.accusing[l]}`).join(', ');
  const v = VERIFIED_LABELS.map((l) => `${l} ${c.verified[l]}`).join(', ');
  return (
    `accusing ${n.accusing}: ${a}${c.accusing.unlabelled ? `, unlabelled ${c.accusing.unlabelled}` : ''}; good (catch, or variant as a warning) ${c.good}/${n.accusing}` +
    ` | verified ${n.verified}: ${v}${c.verified.unlabelled ? `, unlabelled ${c.verified.unlabelled}` : ''}`
  );
}

function main(): number {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: string | null): string | null => {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
  };
  const dump = opt('--dump', null);
  if (!dump) {
    console.error('usage: realnewsSample --dump FILE [--seed 12] [--accusing 60] [--verified 40] [--labels docs/realnews-labels.json] [--read FILE] [--out docs/realnews-sample.md] [--title TEXT]');
    return 2;
  }
  const seed = Number(opt('--seed', '12'));
  const nAccusing = Number(opt('--accusing', '60'));
  const nVerified = Number(opt('--verified', '40'));
  const labelsFile = opt('--labels', 'docs/realnews-labels.json')!;
  const labels: Record<string, Label> = fs.existsSync(labelsFile) ? JSON.parse(fs.readFileSync(labelsFile, 'utf8')) : {};
  const rows: DumpRow[] = fs
    .readFileSync(dump, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const s = sample(rows, seed, nAccusing, nVerified);
  const counts = countLabels(s, labels);
  const read = opt('--read', null);
  if (read) {
    writeReading(read, s, seed, labels);
    console.log(`reading file written to ${read}`);
  }
  const out = opt('--out', null);
  if (out) {
    const title = opt('--title', `eval:realnews hand-read sample (seed ${seed})`)!;
    const text = [
      `# ${title}`,
      '',
      `Drawn by \`scripts/realnewsSample.ts\` from an \`npm run eval:realnews -- --dump\` run: ${s.accusing.length} accusing verdicts`,
      `(altered, misattributed, stitched) and ${s.verified.length} verified quotes, keyed by article and quote. Labels are in`,
      '`docs/realnews-labels.json`, keyed by article, quote, verdict and cited statement.',
      '',
      `**${summaryLine(counts, { accusing: s.accusing.length, verified: s.verified.length })}**`,
      '',
      '## Accusing verdicts',
      '',
      causeCounts(s.accusing, labels),
      '',
      tableOf(s.accusing, labels),
      '',
      '## Verified',
      '',
      causeCounts(s.verified, labels),
      '',
      tableOf(s.verified, labels),
      '',
    ].join('\n');
    // What stands after the history marker in the file (before/after figures written by hand) is kept.
    const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    const at = old.indexOf(HISTORY);
    fs.writeFileSync(out, text + (at >= 0 ? `\n${old.slice(at)}` : ''));
    console.log(`labelled table written to ${out}`);
  }
  console.log(summaryLine(counts, { accusing: s.accusing.length, verified: s.verified.length }));
  return 0;
}

if (require.main === module) process.exitCode = main();
