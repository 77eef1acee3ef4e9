// `npm run eval:realnews`: real news against real sources (issue 12). Every article of
// PolNeAR train and dev (../shared/data/polnear) is checked, as a draft, against the 2016
// debates and tweets in ../shared/data/realnews (see its README), in one run. Prints:
//
// - the verdict table per resolved speaker (quotes, then attributed claims);
// - errors on absent speakers: quotes whose gold PolNeAR speaker is a named person with no
//   statement in the corpus that get altered, misattributed or stitched. The corpus holds
//   nothing of theirs, so each is a false alarm (bar a rare quote of a quote);
// - the verified count.
//
// With --sample FILE it also writes a seeded sample of accusing verdicts and verified ones,
// each beside the cited source, for reading by hand, keyed by article and quote so a change
// keeps the items whose verdicts it keeps (scripts/realnewsSample.ts draws it, and writes the
// labelled table docs/realnews-sample.md from docs/realnews-labels.json).
//
//   node out/scripts/evalRealnews.js [--split dev|train|all] [--sample FILE] [--errors N]
//                                    [--accusing N] [--verified N] [--seed N] [--quotes-only] [--dump FILE]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, loadCorpus, type Corpus, type Finding, type Verdict } from '../server/src/engine';
import { isAccusing, REPORT_ORDER, verdictsOf } from '../server/src/engine/verdicts';
import { buildArticles, findSharedDir, goldOf, goldSpeakerKind, normaliseWord, overlapsSubstantially, parseRecords, surnameOf, type Article, type GoldUnit } from './polnear';
import { countLabels, sample, summaryLine, writeReading, type DumpRow, type Label } from './realnewsSample';

const USAGE = `usage: eval:realnews [--split dev|train|all] [--sample FILE] [--accusing N] [--verified N] [--seed N] [--errors N]
  --split S      which PolNeAR articles to check (default all: train and dev)
  --sample FILE  write a seeded sample (--accusing N error verdicts, default 60; --verified N, default 40)
                 with each quote beside its cited source, for labelling by hand (labels read from
                 --labels FILE, default docs/realnews-labels.json)
  --errors N     print N errors on absent speakers (default 5)
  --quotes-only  leave attributed claims out (a third of the time)
  --dump FILE    write every finding as a JSON line (article, verdict, speakers, source) for analysis`;

const ACCUSING: Verdict[] = REPORT_ORDER.filter(isAccusing);
const QUOTE_VERDICTS: Verdict[] = verdictsOf('quote');
const CLAIM_VERDICTS: Verdict[] = verdictsOf('claim');
/** The corpus's four candidates get a row each; everyone else is grouped. */
const NAMED_ROWS = ['Donald Trump', 'Hillary Clinton', 'Mike Pence', 'Tim Kaine'];
/** Words before a surname that are titles, not first names ("Sen. Sanders", "Gov. Pence"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'senator',
  'gov',
  'governor',
  'rep',
  'representative',
  'president',
  'vice',
  'secretary',
  'speaker',
  'former',
  'candidate',
  'nominee',
  'mayor',
  'judge',
  'justice',
  'gen',
  'general',
  'lt',
  'col',
  'adm',
  'rev',
  'the',
  'republican',
  'democrat',
  'democratic',
  'gop',
  'u.s',
  'us',
  'state',
  'attorney',
  'chairman',
  'chair',
  'leader',
  'majority',
  'minority',
  'house',
  'senate',
  'presidential',
  'rival',
  'businessman',
  'billionaire',
  'mogul',
  'manager',
  'campaign',
  'sens',
  'reps',
  'govs',
  'first',
  'lady',
  'ex',
  'then',
  'new',
  'york',
  'texas',
  'ohio',
  'florida',
]);

class UsageError extends Error {}

interface Options {
  splits: string[];
  sample: string | null;
  accusing: number;
  verified: number;
  seed: number;
  errors: number;
  claims: boolean;
  dump: string | null;
  labels: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { splits: [], sample: null, accusing: 60, verified: 40, seed: 12, errors: 5, claims: true, dump: null, labels: 'docs/realnews-labels.json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${arg} needs a whole number`);
      return n;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--split') options.splits.push(...value().split(',').filter(Boolean));
    else if (arg === '--sample') options.sample = value();
    else if (arg === '--accusing') options.accusing = count();
    else if (arg === '--verified') options.verified = count();
    else if (arg === '--seed') options.seed = count();
    else if (arg === '--errors') options.errors = count();
    else if (arg === '--quotes-only') options.claims = false;
    else if (arg === '--dump') options.dump = value();
    else if (arg === '--labels') options.labels = value();
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (options.splits.length === 0 || options.splits.includes('all')) options.splits = ['train', 'dev'];
  for (const s of options.splits) if (s !== 'train' && s !== 'dev') throw new UsageError(`--split ${s}: give dev, train or all`);
  return options;
}

/** One quote or claim finding, with the gold PolNeAR unit it stands on (if any). */
interface Row {
  split: string;
  article: Article;
  finding: Finding;
  gold: GoldUnit | null;
  /** True when the gold speaker is a named person the corpus has no statement of. */
  absent: boolean;
}

/**
 * Whether a gold speaker mention names a person with no statement in the corpus: a name
 * whose surname no corpus person has, or whose first name is given and is none of theirs
 * ("Bill Clinton" beside Hillary Clinton). A surname alone that a corpus person has counts
 * as present.
 */
function absentTest(corpus: Corpus): (goldSpeaker: string | null) => boolean {
  const firstNames = new Map<string, Set<string>>();
  for (const s of corpus.speakers.all) {
    if (!s.key.startsWith('person:') && !s.key.startsWith('surname:')) continue;
    const words = s.name.split(/\s+/).map(normaliseWord).filter(Boolean);
    const surname = words[words.length - 1];
    if (!surname) continue;
    let set = firstNames.get(surname);
    if (!set) firstNames.set(surname, (set = new Set()));
    if (words.length > 1) set.add(words[0]);
  }
  return (goldSpeaker) => {
    const surname = surnameOf(goldSpeaker);
    if (surname === null) return false;
    const known = firstNames.get(surname);
    if (!known) return true;
    const words = goldSpeaker!
      .replace(/\([^)]*\)?/g, ' ')
      .split(',')[0]
      .split(/\s+/)
      .filter(Boolean);
    const at = words.findIndex((w) => normaliseWord(w) === surname);
    const before = at > 0 ? words[at - 1] : '';
    const first = normaliseWord(before);
    if (!/^\p{Lu}\p{Ll}+$/u.test(before) || TITLES.has(first)) return false;
    return known.size > 0 && !known.has(first);
  };
}

function rowGroup(finding: Finding, corpus: Corpus): string {
  if (finding.speaker === null) return '(no speaker)';
  if (NAMED_ROWS.includes(finding.speaker)) return finding.speaker;
  return corpus.speakers.resolve(finding.speaker) !== null ? 'others in the corpus' : 'not in the corpus';
}

function checkSplit(split: string, file: string, corpus: Corpus, absent: (s: string | null) => boolean, claims: boolean): { rows: Row[]; articles: number; ms: number } {
  const articles = buildArticles(parseRecords(fs.readFileSync(file, 'utf8'), file));
  const rows: Row[] = [];
  let ms = 0;
  for (const article of articles) {
    const t0 = process.hrtime.bigint();
    const report = checkText(article.text, `/polnear/${article.docId}.txt`, corpus, { format: 'plaintext', claims });
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    const gold = goldOf(article);
    for (const finding of report.findings) {
      const units = finding.kind === 'quote' ? gold.quotes : gold.claims;
      const g = units.find((u) => overlapsSubstantially([finding.span], u.span)) ?? null;
      rows.push({ split, article, finding, gold: g, absent: g !== null && goldSpeakerKind(g.speaker) === 'name' && absent(g.speaker) });
    }
  }
  return { rows, articles: articles.length, ms };
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

function table(title: string, rows: Row[], verdicts: Verdict[], corpus: Corpus): void {
  const groups = [...NAMED_ROWS, 'others in the corpus', 'not in the corpus', '(no speaker)'];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${rowGroup(r.finding, corpus)}|${r.finding.verdict}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${title}\n${pad('resolved speaker', 24)}${verdicts.map((v) => pad(v, 15)).join('')}total`);
  for (const g of [...groups, 'all']) {
    const cells = verdicts.map((v) => (g === 'all' ? rows.filter((r) => r.finding.verdict === v).length : (counts.get(`${g}|${v}`) ?? 0)));
    console.log(`${pad(g, 24)}${cells.map((c) => pad(String(c), 15)).join('')}${cells.reduce((a, b) => a + b, 0)}`);
  }
  console.log('');
}

/** A window of the article around a finding: the sentence it stands in, give or take. */
function contextOf(article: Article, finding: Finding, width = 160): string {
  const from = Math.max(0, finding.span.start - width);
  const to = Math.min(article.text.length, finding.span.end + width);
  const text = article.text.slice(from, finding.span.start) + '⟦' + article.text.slice(finding.span.start, finding.span.end) + '⟧' + article.text.slice(finding.span.end, to);
  return text.replace(/\s+/g, ' ');
}

function describe(r: Row): string {
  const f = r.finding;
  const lines = [
    `- ${r.split} ${r.article.docId.replace(/^polnear\/[^/]+\//, '')}: **${f.verdict}** (${f.severity}), speaker ${JSON.stringify(f.speaker)}, gold speaker ${JSON.stringify(r.gold?.speaker ?? null)}`,
    `  - draft: ${contextOf(r.article, f)}`,
    `  - message: ${f.message}`,
  ];
  const sources = [f.source, ...f.otherSources].filter((s) => s !== null);
  for (const s of sources)
    lines.push(`  - source (${s!.speaker}, ${path.basename(s!.path)} line ${s!.range.start.line + 1}${s!.date ? `, ${s!.date}` : ''}): ${s!.text.replace(/\s+/g, ' ').slice(0, 700)}`);
  return lines.join('\n');
}

/** A finding as one plain row: the dump's line and the sample's item. */
function dumpRow(r: Row): DumpRow {
  const f = r.finding;
  const source = (s: Finding['source']) => s && { speaker: s.speaker, text: s.text, path: path.basename(s.path), line: s.range.start.line + 1 };
  return {
    split: r.split,
    doc: r.article.docId,
    kind: f.kind,
    text: f.text,
    verdict: f.verdict,
    severity: f.severity,
    speaker: f.speaker,
    gold: r.gold?.speaker ?? null,
    absent: r.absent,
    message: f.message,
    context: contextOf(r.article, f),
    source: source(f.source),
    others: f.otherSources.map(source),
  };
}

function main(): number {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`eval:realnews: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const shared = findSharedDir(path.resolve(__dirname, '..', '..')) ?? findSharedDir(process.cwd());
  const realnews = shared && path.join(shared, 'data', 'realnews');
  if (!shared || !realnews || !fs.existsSync(realnews)) {
    console.error('eval:realnews: cannot find ../shared/data/realnews (a folder "shared" holding SPEC.md, beside the repository or above it)');
    return 2;
  }
  const t0 = Date.now();
  const corpus = loadCorpus([realnews]);
  if (corpus.problems.length > 0) for (const p of corpus.problems) console.error(`corpus problem: ${p.path}: ${p.message}`);
  const loadMs = Date.now() - t0;
  const absent = absentTest(corpus);
  const rows: Row[] = [];
  let articles = 0;
  let checkMs = 0;
  for (const split of options.splits) {
    const file = path.join(shared, 'data', 'polnear', `${split}.jsonl`);
    if (!fs.existsSync(file)) {
      console.error(`eval:realnews: ${file} not found`);
      return 2;
    }
    const r = checkSplit(split, file, corpus, absent, options.claims);
    rows.push(...r.rows);
    articles += r.articles;
    checkMs += r.ms;
  }
  const quotes = rows.filter((r) => r.finding.kind === 'quote');
  const claims = rows.filter((r) => r.finding.kind === 'claim');
  console.log(`eval:realnews — ${articles} PolNeAR articles (${options.splits.join(' + ')}) against ${corpus.statementCount} statements in ${corpus.documents.length} files of ${realnews}`);
  console.log(`corpus loaded in ${loadMs} ms; articles checked in ${(checkMs / 1000).toFixed(1)} s (${(checkMs / articles).toFixed(1)} ms an article)\n`);
  table('quotes: verdict per resolved speaker', quotes, QUOTE_VERDICTS, corpus);
  table('attributed claims: verdict per resolved speaker', claims, CLAIM_VERDICTS, corpus);

  const onAbsent = quotes.filter((r) => r.absent);
  const errors = onAbsent.filter((r) => ACCUSING.includes(r.finding.verdict));
  const errorSeverity = errors.filter((r) => r.finding.severity === 'error');
  const verified = quotes.filter((r) => r.finding.verdict === 'verified').length;
  const accusing = quotes.filter((r) => ACCUSING.includes(r.finding.verdict));
  const byVerdict = (list: Row[]) => ACCUSING.map((v) => `${v} ${list.filter((r) => r.finding.verdict === v).length}`).join(', ');
  console.log(`errors on absent speakers: ${errors.length}/${onAbsent.length} = ${pct(errors.length, onAbsent.length)} (${byVerdict(errors)}; at error severity ${errorSeverity.length})`);
  console.log(
    `verified quotes: ${verified}; accusing verdicts in all: ${accusing.length} (${byVerdict(accusing)}; at error severity ${accusing.filter((r) => r.finding.severity === 'error').length})`,
  );
  const claimErrors = claims.filter((r) => r.absent && r.finding.verdict === 'misattributed').length;
  console.log(`claims misattributed on absent speakers: ${claimErrors}/${claims.filter((r) => r.absent).length}`);
  if (options.errors > 0 && errors.length > 0) {
    console.log(`\nerrors on absent speakers (${Math.min(options.errors, errors.length)} of ${errors.length}, spread over the run):`);
    for (let i = 0; i < Math.min(options.errors, errors.length); i++) console.log(describe(errors[Math.floor((i * errors.length) / Math.min(options.errors, errors.length))]));
  }
  if (options.sample) {
    const labels: Record<string, Label> = fs.existsSync(options.labels) ? JSON.parse(fs.readFileSync(options.labels, 'utf8')) : {};
    const drawn = sample(rows.map(dumpRow), options.seed, options.accusing, options.verified);
    writeReading(options.sample, drawn, options.seed, labels);
    console.log(`sample written to ${options.sample}: ${summaryLine(countLabels(drawn, labels), { accusing: drawn.accusing.length, verified: drawn.verified.length })}`);
  }
  if (options.dump) fs.writeFileSync(options.dump, rows.map((r) => JSON.stringify(dumpRow(r))).join('\n') + '\n');
  const verdictCounts = (list: Row[], verdicts: Verdict[]) => Object.fromEntries(verdicts.map((v) => [v, list.filter((r) => r.finding.verdict === v).length]));
  console.log(
    `\nEVAL ${JSON.stringify({
      articles,
      statements: corpus.statementCount,
      quotes: verdictCounts(quotes, QUOTE_VERDICTS),
      claims: verdictCounts(claims, CLAIM_VERDICTS),
      absentQuotes: onAbsent.length,
      errorsOnAbsent: errors.length,
      errorsOnAbsentRate: Number((errors.length / Math.max(1, onAbsent.length)).toFixed(4)),
      verified,
      msPerArticle: Number((checkMs / articles).toFixed(1)),
    })}`,
  );
  return 0;
}

process.exitCode = main();
