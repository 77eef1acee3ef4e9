// `npm run eval:extraction`: scores the engine's quote finding and speaker resolution on
// PolNeAR (../shared/data/polnear, see its README), whole articles at a time.
//
//   node out/scripts/evalExtraction.js [--split dev|train|PATH]... [PATH...] [--errors N]
//
// Direct quotes: gold = every quoted run of a `direct` or `mixed` attribution fragment (marks
// excluded); a predicted quote matches a gold run when they share at least half of the
// shorter one's characters. Precision is given two ways: against every annotated
// attribution of any type (the issue-5 figure: the gold leaves many quoted phrases inside
// indirect attributions unannotated as quotes) and against direct/mixed runs only.
// Named-speaker accuracy: over found gold quotes whose gold speaker is a name, the resolved
// speaker must contain the gold speaker's surname.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractedQuote } from '../server/src/engine';
import { extractWithRules } from '../server/src/engine/extract/extractQuotes';
import { findQuotedSpans, type VetoedReading } from '../server/src/engine/extract/quoteMarks';
import { RULES, type RuleId } from '../server/src/engine/extract/rules';
import { untestedRules } from '../test/support/cases';
import { isCueVerb } from '../server/src/engine/extract/lexicon';
import {
  buildArticles,
  coveredChars,
  findSharedDir,
  goldOf,
  goldSpeakerKind,
  isPronoun,
  overlapLength,
  overlapsSubstantially,
  parseRecords,
  prf,
  sharesCapitalisedWord,
  sharesSurname,
  type Article,
  type GoldUnit,
  type PRF,
  type Span,
} from './polnear';

const USAGE = `usage: eval:extraction [--set polnear|ggt] [--split dev|train|PATH]... [PATH.jsonl...] [--errors N]
  --set S      polnear (default) or ggt: the Gender Gap Tracker's Canadian news (../shared/data/ggt,
               dev only), whose speakers are scored against the resolved name (speaker_name)
  --split S    dev (default), train, all (dev then train), or a path to a PolNeAR .jsonl file;
               repeat it or give a comma list to score several splits
  --errors N   print N examples of each error cause (misses, false positives, wrong speakers)`;

class UsageError extends Error {}

/**
 * Indirect speech in SPEC §1's sense ("X said …", "X argued …", "according to X"): PolNeAR also
 * annotates acts and stances as attributions ("endorsed Clinton", "overruled the judge", "in
 * polls"), which a reporter's claim checker does not read as words put in a speaker's mouth.
 * A fixed list of English verbs of saying, thinking and reporting (lemmas and their forms),
 * written from the language, not from the engine's lists, so this figure cannot follow them.
 */
const SPEECH_CUE = new RegExp(
  '\\b(?:' +
    [
      'say',
      'said',
      'tell',
      'told',
      'write',
      'wrote',
      'written',
      'tweet',
      'add',
      'argue',
      'claim',
      'note',
      'insist',
      'warn',
      'believe',
      'think',
      'thought',
      'suggest',
      'according',
      'assert',
      'state',
      'explain',
      'acknowledge',
      'admit',
      'announce',
      'predict',
      'promise',
      'vow',
      'pledge',
      'deny',
      'denied',
      'report',
      'find',
      'found',
      'show',
      'shown',
      'estimate',
      'conclude',
      'testify',
      'testified',
      'contend',
      'maintain',
      'confirm',
      'allege',
      'accuse',
      'charge',
      'urge',
      'ask',
      'hope',
      'expect',
      'fear',
      'know',
      'knew',
      'known',
      'feel',
      'felt',
      'agree',
      'reveal',
      'indicate',
      'complain',
      'recall',
      'reiterate',
      'emphasize',
      'stress',
      'concede',
      'declare',
      'respond',
      'reply',
      'replied',
      'observe',
      'caution',
      'point',
      'mention',
      'describe',
      'call',
      'doubt',
      'understand',
      'understood',
      'imply',
      'implied',
      'signal',
      'hint',
      'boast',
      'brag',
      'counter',
      'speculate',
      'wonder',
      'question',
      'recommend',
      'propose',
      'demand',
      'disclose',
      'remark',
      'comment',
      'explain',
      'blame',
      'criticize',
      'praise',
      'dismiss',
      'reject',
    ]
      .map((w) => `${w}(?:s|es|ed|d|ing|ting)?`)
      .join('|') +
    ')\\b',
  'i',
);

const isSpeechCue = (cue: string | null): boolean => cue !== null && SPEECH_CUE.test(cue);

interface Options {
  set: 'polnear' | 'ggt';
  splits: string[];
  errors: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { set: 'polnear', splits: [], errors: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--split' || arg.startsWith('--split=')) {
      options.splits.push(...value().split(',').filter(Boolean));
    } else if (arg === '--set' || arg.startsWith('--set=')) {
      const set = value();
      if (set !== 'polnear' && set !== 'ggt') throw new UsageError('--set is polnear or ggt');
      options.set = set;
    } else if (arg === '--errors' || arg.startsWith('--errors=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--errors needs a whole number');
      options.errors = n;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.splits.push(arg);
    }
  }
  if (options.splits.length === 0) options.splits.push('dev');
  options.splits = options.splits.flatMap((s) => (s === 'all' ? ['dev', 'train'] : [s]));
  return options;
}

function resolveSplit(split: string, set: Options['set']): { name: string; file: string } {
  if (set === 'ggt' && (split === 'dev' || split === 'train')) {
    if (split === 'train') throw new Error('the GGT set has a dev half only (the other half is kept apart)');
    const repo = path.resolve(__dirname, '..', '..');
    const shared = findSharedDir(repo) ?? findSharedDir(process.cwd());
    const file = shared ? path.join(shared, 'data', 'ggt', 'dev.jsonl') : '';
    if (!shared || !fs.existsSync(file)) throw new Error('cannot find ../shared/data/ggt/dev.jsonl');
    return { name: 'ggt-dev', file };
  }
  if (split === 'dev' || split === 'train') {
    const repo = path.resolve(__dirname, '..', '..'); // out/scripts → repo
    const shared = findSharedDir(repo) ?? findSharedDir(process.cwd());
    if (!shared) {
      throw new Error(
        `cannot find the shared folder: no directory named "shared" holding SPEC.md in ${repo} or any folder above it ` +
          `(expected a copy of shared/ beside the repository, e.g. ../shared/data/polnear/${split}.jsonl)`,
      );
    }
    const file = path.join(shared, 'data', 'polnear', `${split}.jsonl`);
    if (!fs.existsSync(file)) throw new Error(`${file} not found: the shared folder has no PolNeAR ${split} split`);
    return { name: split, file };
  }
  const file = path.resolve(split);
  if (!fs.existsSync(file)) throw new Error(`${split}: no such file (give --split dev, --split train or a path to a .jsonl file)`);
  return { name: path.basename(file).replace(/\.jsonl?$/, ''), file };
}

// ---------------------------------------------------------------------------------------------

interface ErrorExample {
  cause: string;
  lines: string[];
}

interface SplitResult {
  split: string;
  file: string;
  articles: number;
  paragraphs: number;
  words: number;
  goldDirectFragments: number;
  goldMixedFragments: number;
  goldIndirectFragments: number;
  goldQuotes: number;
  mixedWithoutRun: number;
  retyped: number;
  claimsGold: number;
  predictedQuotes: number;
  predictedClaims: number;
  quotes: PRF & { precisionDirectOnly: number; f1DirectOnly: number; found: number; trueVsAll: number; trueVsDirect: number };
  chars: PRF;
  splitGold: number;
  mergedPredictions: number;
  speaker: { named: number; correct: number; accuracy: number; capitalised: number; capitalisedAccuracy: number; goldKinds: Record<string, number> };
  claims: (PRF & { found: number; named: number; correct: number; accuracy: number; chars: PRF; speech: PRF & { gold: number; found: number } }) | null;
  seconds: number;
  wordsPerSecond: number;
  cpuSeconds: number;
  wordsPerCpuSecond: number;
  causes: Record<string, number>;
  /** Gold cue words of the missed quotes, most frequent first. */
  missCues: Array<[string, number]>;
  /** Gold cue words of the missed claims (indirect fragments), most frequent first. */
  claimMissCues: Array<[string, number]>;
  examples: ErrorExample[];
  /** Per rule: items it read that were right (hits) and wrong (errors). */
  rules: Map<RuleId, RuleScore>;
}

/**
 * A rule's hits and errors. A quote or claim it read counts for it when right (it matches the
 * gold and, for a named gold speaker, has that speaker) and against it when wrong; a reading
 * it vetoed counts against it when the gold has a quote or claim there that nothing found.
 */
interface RuleScore {
  hits: number;
  errors: number;
}

function scoreRules(scores: Map<RuleId, RuleScore>, rules: readonly RuleId[], right: boolean): void {
  for (const id of rules) {
    let s = scores.get(id);
    if (!s) scores.set(id, (s = { hits: 0, errors: 0 }));
    if (right) s.hits++;
    else s.errors++;
  }
}

const WARM_UP_ARTICLES = 40;
const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const shortDoc = (docId: string) => docId.replace(/^polnear\/[^/]+\//, '');
const SCARE_MARKER = /\b(?:so-called|so called|the word|the words|the term|the phrase|dubbed|nicknamed|titled|entitled|known as|labell?ed|branded)\s*$/i;

/** A window of the article around `focus`, with each span of `marked` in ⟦ ⟧. */
function snippet(article: Article, focus: Span, marked: Span[], width = 90): string {
  const para = article.paragraphs.find((p) => focus.start >= p.start && focus.start <= p.end) ?? article.paragraphs[0];
  const from = Math.max(para.start, focus.start - width);
  const to = Math.min(Math.max(para.end, focus.end), focus.end + width);
  const spans = marked.filter((s) => s.end > from && s.start < to).sort((a, b) => a.start - b.start);
  let out = '';
  let at = from;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    if (start < at) continue;
    out += article.text.slice(at, start) + '⟦' + article.text.slice(start, Math.min(s.end, to)) + '⟧';
    at = Math.min(s.end, to);
  }
  out += article.text.slice(at, to);
  out = out.replace(/\n\n/g, ' ¶ ').replace(/\s+/g, ' ');
  const long = (s: string) => (s.length > 420 ? s.slice(0, 200) + ' … ' + s.slice(-200) : s);
  return (from > para.start ? '…' : '') + long(out) + (to < para.end ? '…' : '');
}

const clip = (s: string, n = 70) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function paragraphOf(article: Article, offset: number): number {
  let index = 0;
  for (const p of article.paragraphs) if (p.start <= offset) index = p.index;
  return index;
}

function closesWithMark(text: string, span: Span): { open: boolean; close: boolean; single: boolean } {
  const before = text[span.start - 1];
  const after = text[span.end];
  return {
    open: before !== undefined && /["“„«‘']/.test(before),
    close: after !== undefined && /["”»’']/.test(after),
    single: (before !== undefined && /[‘']/.test(before)) || (after !== undefined && /[’']/.test(after) && !/["“]/.test(before ?? '')),
  };
}

/** Participles that introduce speech ("saying, “…”"), which a cue list of finite verbs misses. */
const PARTICIPLE_CUE = /\b(?:saying|telling|adding|writing|noting|calling|arguing|explaining|asking|claiming|insisting|declaring|describing|warning|tweeting)\b/i;

function missCause(article: Article, g: GoldUnit, quotes: ExtractedQuote[], engineSpans: Span[][]): string {
  const text = article.text;
  const para = article.paragraphs.find((p) => p.index === g.paragraph)!;
  const marks = closesWithMark(text, g.span);
  if (g.paragraph === 0) return 'missed: headline';
  const engineHas = engineSpans.some((fragments) => overlapsSubstantially(fragments, g.span));
  if (!engineHas) {
    if (/''/.test(text.slice(Math.max(para.start, g.span.start - 2), Math.min(para.end, g.span.end + 2)))) return "missed: doubled apostrophes as marks ('' … '')";
    if (marks.single) return 'missed: single quote marks';
    const touchesStart = g.span.start - para.start <= 1;
    const touchesEnd = para.end - g.span.end <= 1;
    if (g.multiParagraph || (!marks.open && touchesStart) || (!marks.close && touchesEnd)) return 'missed: multi-paragraph / unclosed quote';
    if (!marks.open && !marks.close) return 'missed: gold run without marks (annotation split)';
    return 'missed: marks not paired (nested/unbalanced/odd marks)';
  }
  if (quotes.some((q) => overlapLength(q.fragments, g.span) > 0)) return 'missed: boundary (prediction overlaps < 50%)';
  const words = wordsOf(text.slice(g.span.start, g.span.end));
  if (SCARE_MARKER.test(text.slice(Math.max(0, g.span.start - 26), g.span.start - 1))) return 'missed: after a scare-quote marker';
  // `“…,” he said. “Short.”`: a short quote right after an attributed one in the same paragraph.
  const before = text.slice(para.start, g.span.start);
  if (words < 5 && /[.!?]["”]?\s+["“]$/.test(before) && quotes.some((q) => q.span.end <= g.span.start && q.span.start >= para.start && q.speaker)) {
    return 'missed: short follow-on quote after an attributed one';
  }
  const cueWords = (g.cue ?? '').split(/\s+/);
  const knownCue = /according to/i.test(g.cue ?? '') || cueWords.some((w) => isCueVerb(w));
  const size = words < 5 ? 'short' : 'long';
  if (!knownCue) {
    if (cueWords.some((w) => /^call(?:s|ed|ing)?$/i.test(w))) return `missed: ${size} partial quote, cue "call(ed)/calling" not a cue`;
    if (cueWords.some((w) => PARTICIPLE_CUE.test(w))) return `missed: ${size} partial quote, participle cue (saying/telling…) not a cue`;
    return `missed: ${size} partial quote, cue verb not in the list (described, accused, slammed…)`;
  }
  return `missed: ${size} partial quote, known cue not adjacent (other quote between / cue later)`;
}

function falsePositiveCause(article: Article, q: ExtractedQuote, gold: GoldUnit[]): string {
  const text = article.text;
  const words = wordsOf(q.text);
  if (/<\w+[^<>]*=\s*$/.test(text.slice(Math.max(0, q.span.start - 300), q.span.start - 1))) return 'false positive: markup attribute (<tweet id="…">)';
  if (paragraphOf(article, q.span.start) === 0) return 'false positive: headline';
  if (gold.some((g) => overlapLength(q.fragments, g.recordSpan) > 0)) return 'false positive: boundary (overlaps gold < 50%)';
  const titleCase = q.text
    .split(/\s+/)
    .filter((w) => /\p{L}{4,}/u.test(w))
    .every((w) => /^\p{Lu}/u.test(w));
  if (words <= 6 && titleCase) return 'false positive: quoted title/name (show, book, slogan)';
  if (!q.cue) return words < 5 ? 'false positive: short/no cue' : 'false positive: no cue (standalone quotation; gold gap?)';
  if (words < 5) return 'false positive: short phrase with a cue (scare quote?)';
  if (!q.speaker) return 'false positive: cue without speaker';
  return 'false positive: cue and speaker (unannotated in gold?)';
}

function speakerCause(article: Article, g: GoldUnit, q: ExtractedQuote): string {
  const text = article.text;
  const s = q.speaker;
  const gold = g.speaker ?? '';
  // Shapes of the attribution that defeat the reading of the speaker, checked first: they are the root causes.
  if (/\(/.test(gold)) return 'wrong speaker: speaker with parenthesis ("Sen. X (D-Ore.) said")';
  if (/,/.test(gold.trim().replace(/,$/, ''))) return 'wrong speaker: speaker with apposition ("X, a role, said")';
  if (g.speakerSpan) {
    const between = g.speakerSpan.end <= g.span.start ? text.slice(g.speakerSpan.end, g.span.start) : text.slice(g.span.end, g.speakerSpan.start);
    if (g.speakerSpan.start >= g.span.end && /[?!]/.test(text.slice(g.span.end - 1, g.span.end + 1))) return 'wrong speaker: quote ends with ?/! before "X said"';
    if (/,\s*(?:who|which)\b/.test(between)) return 'wrong speaker: relative clause between speaker and cue';
    if (PARTICIPLE_CUE.test(between)) return 'wrong speaker: participle cue ("X …, saying “…”")';
  }
  if (!s) return q.cue ? 'wrong speaker: null (cue found, no speaker)' : 'wrong speaker: null (no cue)';
  if (s.resolvedFrom === '(context)') return 'wrong speaker: carried from context (no cue)';
  if (s.resolvedFrom && isPronoun(s.resolvedFrom)) return 'wrong speaker: pronoun resolved wrongly';
  if (s.resolvedFrom) return 'wrong speaker: role noun resolved wrongly';
  if (g.speakerSpan && q.speakerSpan && overlapLength([q.speakerSpan], g.speakerSpan) > 0) return 'wrong speaker: same mention, name misread';
  if (!g.speakerSpan) return 'wrong speaker: gold speaker in another paragraph';
  if (/^\p{Ll}/u.test(s.text)) return 'wrong speaker: object/clause read as speaker ("told reporters", "said the plan")';
  return 'wrong speaker: other mention picked';
}

function evaluateSplit(name: string, file: string, errorsWanted: number): SplitResult {
  const records = parseRecords(fs.readFileSync(file, 'utf8'), file);
  if (records.length === 0) throw new Error(`${file}: no records`);
  // The GGT records name the person or body each quote is theirs (`speaker_name`) beside the
  // mention as written ("she", "the utility"): speakers are scored against that resolved name.
  const resolvedNames = records.some((r) => r.quotes.some((q) => typeof (q as { speaker_name?: unknown }).speaker_name === 'string'));
  if (resolvedNames) for (const r of records) for (const q of r.quotes) q.speaker = (q as { speaker_name?: string | null }).speaker_name ?? q.speaker;
  const articles = buildArticles(records);

  // Warm up (compromise's lexicon, the JIT) outside the timed calls, so that a small split
  // measures the steady state too: without it the dev figure is mostly warm-up.
  for (const a of articles.slice(0, WARM_UP_ARTICLES)) extractWithRules(a.text, { format: 'plaintext', claims: true });
  const ruleScores = new Map<RuleId, RuleScore>();

  const causes = new Map<string, ErrorExample[]>();
  const note = (cause: string, lines: string[]) => {
    let list = causes.get(cause);
    if (!list) causes.set(cause, (list = []));
    list.push({ cause, lines });
  };

  let words = 0;
  let nanos = 0n;
  let cpuMicros = 0;
  let goldQuotes = 0;
  let found = 0;
  let predictedQuotes = 0;
  let predictedClaims = 0;
  let trueVsAll = 0;
  let trueVsDirect = 0;
  let splitGold = 0;
  let mergedPredictions = 0;
  let mixedWithoutRun = 0;
  let retyped = 0;
  let charsShared = 0;
  let charsGold = 0;
  let charsPred = 0;
  const fragmentCounts = { direct: 0, mixed: 0, indirect: 0 };
  const goldKinds: Record<string, number> = { name: 0, pronoun: 0, other: 0, none: 0 };
  let named = 0;
  let namedCorrect = 0;
  let namedCapitalised = 0;
  const missCues = new Map<string, number>();
  const claimMissCues = new Map<string, number>();
  const claimStats = { gold: 0, predicted: 0, found: 0, trueVsAll: 0, named: 0, correct: 0, charsShared: 0, charsGold: 0, charsPred: 0, speechGold: 0, speechFound: 0 };

  for (const article of articles) {
    words += wordsOf(article.text);
    for (const p of article.paragraphs) for (const q of p.record.quotes) fragmentCounts[q.type]++;

    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { items: extracted, vetoed } = extractWithRules(article.text, { format: 'plaintext', claims: true });
    nanos += process.hrtime.bigint() - t0;
    const c1 = process.cpuUsage(c0);
    cpuMicros += c1.user + c1.system;

    const quotes = extracted.filter((q) => q.kind === 'quote');
    const claims = extracted.filter((q) => q.kind === 'claim');
    const gold = goldOf(article);
    mixedWithoutRun += gold.mixedWithoutRun;
    retyped += gold.retyped;
    goldQuotes += gold.quotes.length;
    predictedQuotes += quotes.length;
    predictedClaims += claims.length;
    const engineSpans = findQuotedSpans(article.text).map((s) => s.fragments);

    // Recall and speakers.
    for (const g of gold.quotes) {
      const matches = quotes.filter((q) => overlapsSubstantially(q.fragments, g.span));
      if (matches.length === 0) {
        const cause = missCause(article, g, quotes, engineSpans);
        const cue = (g.cue ?? '(none)').toLowerCase();
        missCues.set(cue, (missCues.get(cue) ?? 0) + 1);
        const near = quotes.find((q) => overlapLength(q.fragments, g.span) > 0);
        note(cause, [
          `${shortDoc(article.docId)} ¶${g.paragraph} [${g.type}] gold speaker ${JSON.stringify(g.speaker)}, cue ${JSON.stringify(g.cue)}` +
            (near ? `; nearest prediction ${JSON.stringify(clip(near.text))}` : ''),
          snippet(article, g.span, [g.span]),
        ]);
        continue;
      }
      found++;
      if (matches.length > 1) splitGold++;
      const best = matches.reduce((a, b) => (overlapLength(b.fragments, g.span) > overlapLength(a.fragments, g.span) ? b : a));
      const kind = goldSpeakerKind(g.speaker);
      goldKinds[kind]++;
      if (kind !== 'name') continue;
      named++;
      if (sharesCapitalisedWord(g.speaker, best.speaker?.text ?? null)) namedCapitalised++;
      if (sharesSurname(g.speaker, best.speaker?.text ?? null)) {
        namedCorrect++;
        continue;
      }
      const s = best.speaker;
      note(speakerCause(article, g, best), [
        `${shortDoc(article.docId)} ¶${g.paragraph} gold ${JSON.stringify(g.speaker)} → predicted ` +
          (s ? JSON.stringify(s.text) + (s.resolvedFrom ? ` (from ${JSON.stringify(s.resolvedFrom)})` : '') : 'null') +
          (best.cue ? `, cue ${JSON.stringify(article.text.slice(best.cue.start, best.cue.end))}` : ', no cue'),
        snippet(article, g.span, [g.span, ...(g.speakerSpan ? [g.speakerSpan] : [])], 140),
      ]);
    }

    // Precision.
    for (const q of quotes) {
      const matchesDirect = gold.quotes.filter((g) => overlapsSubstantially(q.fragments, g.span));
      if (matchesDirect.length > 1) mergedPredictions++;
      const matchesAny = matchesDirect.length > 0 || gold.all.some((g) => overlapsSubstantially(q.fragments, g.recordSpan));
      if (matchesDirect.length > 0) trueVsDirect++;
      if (matchesAny) {
        trueVsAll++;
        continue;
      }
      const s = q.speaker;
      note(falsePositiveCause(article, q, gold.all), [
        `${shortDoc(article.docId)} ¶${paragraphOf(article, q.span.start)} predicted speaker ` +
          (s ? JSON.stringify(s.text) + (s.resolvedFrom ? ` (from ${JSON.stringify(s.resolvedFrom)})` : '') : 'null') +
          (q.cue ? `, cue ${JSON.stringify(article.text.slice(q.cue.start, q.cue.end))}` : ', no cue'),
        snippet(article, q.span, q.fragments),
      ]);
    }

    scoreArticleRules(ruleScores, gold, quotes, claims, vetoed);

    // Characters (letters and digits) of quoted text: boundary quality.
    const goldChars = coveredChars(
      article.text,
      gold.quotes.map((g) => g.span),
    );
    const predChars = coveredChars(
      article.text,
      quotes.flatMap((q) => q.fragments),
    );
    charsGold += goldChars.size;
    charsPred += predChars.size;
    for (const c of predChars) if (goldChars.has(c)) charsShared++;

    // Attributed claims, when the engine yields them: against indirect fragments.
    claimStats.gold += gold.claims.length;
    claimStats.speechGold += gold.claims.filter((g) => isSpeechCue(g.cue)).length;
    claimStats.predicted += claims.length;
    if (claims.length > 0) {
      for (const g of gold.claims) {
        const matches = claims.filter((c) => overlapsSubstantially(c.fragments, g.span));
        if (isSpeechCue(g.cue) && matches.length > 0) claimStats.speechFound++;
        if (matches.length === 0) {
          const cue = (g.cue ?? '(none)').toLowerCase().replace(/\s+/g, ' ').trim();
          claimMissCues.set(cue, (claimMissCues.get(cue) ?? 0) + 1);
          continue;
        }
        claimStats.found++;
        if (goldSpeakerKind(g.speaker) !== 'name') continue;
        claimStats.named++;
        const best = matches.reduce((a, b) => (overlapLength(b.fragments, g.span) > overlapLength(a.fragments, g.span) ? b : a));
        if (sharesSurname(g.speaker, best.speaker?.text ?? null)) claimStats.correct++;
      }
      for (const c of claims) if (gold.all.some((g) => overlapsSubstantially(c.fragments, g.recordSpan))) claimStats.trueVsAll++;
      // Content characters: a stricter figure than the half-overlap match (boundary quality).
      const goldClaimChars = coveredChars(
        article.text,
        gold.claims.map((g) => g.span),
      );
      const predClaimChars = coveredChars(
        article.text,
        claims.flatMap((c) => c.fragments),
      );
      claimStats.charsGold += goldClaimChars.size;
      claimStats.charsPred += predClaimChars.size;
      for (const ch of predClaimChars) if (goldClaimChars.has(ch)) claimStats.charsShared++;
    }
  }

  const seconds = Number(nanos) / 1e9;
  const vsAll = prf(trueVsAll, predictedQuotes, found, goldQuotes);
  const vsDirect = prf(trueVsDirect, predictedQuotes, found, goldQuotes);
  const chars = prf(charsShared, charsPred, charsShared, charsGold);
  const examples: ErrorExample[] = [];
  const causeCounts: Record<string, number> = {};
  for (const [cause, list] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
    causeCounts[cause] = list.length;
    // Spread the examples over the split rather than taking the first article's.
    const n = Math.min(errorsWanted, list.length);
    for (let i = 0; i < n; i++) examples.push(list[Math.floor((i * list.length) / n)]);
  }
  let claimsResult: SplitResult['claims'] = null;
  if (claimStats.predicted > 0) {
    const c = prf(claimStats.trueVsAll, claimStats.predicted, claimStats.found, claimStats.gold);
    const speech = { ...prf(claimStats.trueVsAll, claimStats.predicted, claimStats.speechFound, claimStats.speechGold), gold: claimStats.speechGold, found: claimStats.speechFound };
    claimsResult = {
      ...c,
      speech,
      found: claimStats.found,
      named: claimStats.named,
      correct: claimStats.correct,
      accuracy: ratio(claimStats.correct, claimStats.named),
      chars: prf(claimStats.charsShared, claimStats.charsPred, claimStats.charsShared, claimStats.charsGold),
    };
  }
  return {
    split: name,
    file,
    articles: articles.length,
    paragraphs: records.length,
    words,
    goldDirectFragments: fragmentCounts.direct,
    goldMixedFragments: fragmentCounts.mixed,
    goldIndirectFragments: fragmentCounts.indirect,
    goldQuotes,
    mixedWithoutRun,
    retyped,
    claimsGold: claimStats.gold,
    predictedQuotes,
    predictedClaims,
    quotes: { ...vsAll, precisionDirectOnly: vsDirect.precision, f1DirectOnly: vsDirect.f1, found, trueVsAll, trueVsDirect },
    chars,
    splitGold,
    mergedPredictions,
    speaker: { named, correct: namedCorrect, accuracy: ratio(namedCorrect, named), capitalised: namedCapitalised, capitalisedAccuracy: ratio(namedCapitalised, named), goldKinds },
    claims: claimsResult,
    seconds,
    wordsPerSecond: seconds > 0 ? words / seconds : 0,
    cpuSeconds: cpuMicros / 1e6,
    wordsPerCpuSecond: cpuMicros > 0 ? words / (cpuMicros / 1e6) : 0,
    causes: causeCounts,
    missCues: [...missCues].sort((a, b) => b[1] - a[1]),
    claimMissCues: [...claimMissCues].sort((a, b) => b[1] - a[1]),
    examples,
    rules: ruleScores,
  };
}

/** Adds one article's items and vetoed readings to the rules' scores (see RuleScore). */
function scoreArticleRules(scores: Map<RuleId, RuleScore>, gold: ReturnType<typeof goldOf>, quotes: ExtractedQuote[], claims: ExtractedQuote[], vetoed: VetoedReading[]): void {
  for (const q of quotes) {
    const direct = gold.quotes.filter((g) => overlapsSubstantially(q.fragments, g.span));
    const matches = direct.length > 0 || gold.all.some((g) => overlapsSubstantially(q.fragments, g.recordSpan));
    const wrongSpeaker = direct.some((g) => goldSpeakerKind(g.speaker) === 'name' && !sharesSurname(g.speaker, q.speaker?.text ?? null));
    scoreRules(scores, q.rules, matches && !wrongSpeaker);
  }
  for (const c of claims) {
    const indirect = gold.claims.filter((g) => overlapsSubstantially(c.fragments, g.span));
    const matches = indirect.length > 0 || gold.all.some((g) => overlapsSubstantially(c.fragments, g.recordSpan));
    const wrongSpeaker = indirect.some((g) => goldSpeakerKind(g.speaker) === 'name' && !sharesSurname(g.speaker, c.speaker?.text ?? null));
    scoreRules(scores, c.rules, matches && !wrongSpeaker);
  }
  for (const v of vetoed) {
    const found = v.kind === 'quote' ? quotes : claims;
    const goldHere = (v.kind === 'quote' ? gold.quotes : gold.claims).filter((g) => overlapsSubstantially([v.span], g.span) || overlapsSubstantially([g.span], v.span));
    const missed = goldHere.some((g) => !found.some((f) => overlapsSubstantially(f.fragments, g.span)));
    scoreRules(scores, v.rules, !missed);
  }
}

/** The rules' hits and errors over every split, and the rules no case file exercises. */
function printRules(results: SplitResult[]): void {
  const out: string[] = ['Rules (extract/rules.ts): items each rule read or vetoed, right / wrong, over ' + results.map((r) => r.split).join(' + ')];
  out.push(`  ${'rule'.padEnd(34)} ${'effect'.padEnd(7)} ${'right'.padStart(7)} ${'wrong'.padStart(7)}  wrong %`);
  for (const rule of RULES) {
    let hits = 0;
    let errors = 0;
    for (const r of results) {
      hits += r.rules.get(rule.id)?.hits ?? 0;
      errors += r.rules.get(rule.id)?.errors ?? 0;
    }
    const share = hits + errors > 0 ? ((100 * errors) / (hits + errors)).toFixed(1).padStart(6) : '     -';
    out.push(`  ${rule.id.padEnd(34)} ${rule.effect.padEnd(7)} ${String(hits).padStart(7)} ${String(errors).padStart(7)}  ${share}`);
  }
  const repo = path.resolve(__dirname, '..', '..');
  const untested = untestedRules(
    path.join(repo, 'test', 'cases'),
    repo,
    RULES.map((r) => r.id),
  );
  out.push(untested.length === 0 ? '  untested: none (every rule is exercised by a case in test/cases/)' : `  untested (no case in test/cases/ exercises them): ${untested.join(', ')}`);
  console.log(out.join('\n'));
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f3 = (x: number) => x.toFixed(3);
const int = (x: number) => x.toLocaleString('en-US');
const round = (x: number) => Math.round(x * 10000) / 10000;

function print(r: SplitResult): void {
  const q = r.quotes;
  const out: string[] = [];
  out.push(`${r.split.startsWith('ggt') ? 'GGT' : 'PolNeAR'} ${r.split} (${r.file})`);
  out.push(`  articles ${int(r.articles)}, paragraphs ${int(r.paragraphs)}, words ${int(r.words)}`);
  out.push(
    `  gold: ${int(r.goldDirectFragments)} direct + ${int(r.goldMixedFragments)} mixed fragments → ${int(r.goldQuotes)} quoted runs` +
      (r.mixedWithoutRun ? ` (${r.mixedWithoutRun} mixed with no quoted run left out)` : '') +
      `; ${int(r.goldIndirectFragments)} indirect` +
      (r.retyped ? ` (${r.retyped} of them in '' … '' marks or inside a quotation, scored as quotes)` : ''),
  );
  out.push(`  predicted: ${int(r.predictedQuotes)} quotes, ${int(r.predictedClaims)} claims`);
  out.push(
    `  direct quotes   P ${f3(q.precision)}  R ${f3(q.recall)}  F1 ${f3(q.f1)}   ` + `(P vs every attribution: ${q.trueVsAll}/${r.predictedQuotes}; R: ${q.found}/${r.goldQuotes} gold runs found)`,
  );
  out.push(`                  P ${f3(q.precisionDirectOnly)}  (vs direct/mixed only: ${q.trueVsDirect}/${r.predictedQuotes})  F1 ${f3(q.f1DirectOnly)}`);
  out.push(`  quoted chars    P ${f3(r.chars.precision)}  R ${f3(r.chars.recall)}  F1 ${f3(r.chars.f1)}   (letters/digits; boundary quality)`);
  out.push(`  split/merged    ${r.splitGold} gold runs matched by several predictions, ${r.mergedPredictions} predictions matching several gold runs`);
  const k = r.speaker.goldKinds;
  out.push(
    `  named speaker   ${f3(r.speaker.accuracy)}  (${r.speaker.correct}/${r.speaker.named} found quotes with a named gold speaker; ` +
      `others: pronoun ${k.pronoun}, role/group ${k.other}, none ${k.none})`,
  );
  out.push(`                  ${f3(r.speaker.capitalisedAccuracy)}  (${r.speaker.capitalised}/${r.speaker.named} share a capitalised word with the gold speaker: the issue-15 figure)`);
  if (r.claims) {
    const c = r.claims;
    out.push(
      `  claims          P ${f3(c.precision)}  R ${f3(c.recall)}  F1 ${f3(c.f1)}  source ${f3(c.accuracy)} (${c.correct}/${c.named} found claims with a named gold source)   ` +
        `(P vs every attribution; R: ${c.found}/${r.claimsGold} indirect fragments)`,
    );
    out.push(
      `  claims, speech  R ${f3(c.speech.recall)}  F1 ${f3(c.speech.f1)}   (R: ${c.speech.found}/${c.speech.gold} indirect fragments whose gold cue is a verb of saying, thinking or reporting, or "according to"; P as above)`,
    );
    out.push(`  claim chars     P ${f3(c.chars.precision)}  R ${f3(c.chars.recall)}  F1 ${f3(c.chars.f1)}   (letters/digits of the content; boundary quality)`);
  } else {
    out.push(`  claims          none predicted (engine yields quotes only)`);
  }
  out.push(
    `  speed           ${int(Math.round(r.wordsPerSecond))} words/s in extractQuotes (${((r.wordsPerSecond * 60) / 1e6).toFixed(2)}M words/min; ` +
      `${r.seconds.toFixed(2)} s for ${int(r.words)} words; by CPU time ${int(Math.round(r.wordsPerCpuSecond))} words/s)`,
  );
  const entries = Object.entries(r.causes);
  const total = (prefix: string) => entries.filter(([c]) => c.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
  out.push(`  error causes    (${total('missed')} misses, ${total('false positive')} false positives, ${total('wrong speaker')} wrong speakers)`);
  for (const [cause, n] of entries) out.push(`    ${String(n).padStart(5)}  ${cause}`);
  if (r.missCues.length > 0) {
    out.push(
      `  misses by gold cue: ${r.missCues
        .slice(0, 15)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
  }
  if (r.claimMissCues.length > 0) {
    const distinct = r.claimMissCues.length;
    out.push(
      `  claim misses by gold cue (${distinct} distinct): ${r.claimMissCues
        .slice(0, 20)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
  }
  if (r.examples.length > 0) {
    out.push(`  examples (⟦gold run⟧ for misses, ⟦prediction⟧ for false positives, ⟦quote⟧ and ⟦gold speaker⟧ for wrong speakers)`);
    let last = '';
    for (const e of r.examples) {
      if (e.cause !== last) out.push(`  ${e.cause} (${r.causes[e.cause]})`);
      last = e.cause;
      out.push(`    - ${e.lines[0]}`);
      for (const l of e.lines.slice(1)) out.push(`      ${l}`);
    }
  }
  console.log(out.join('\n'));
}

function machineLine(r: SplitResult, engine: string): string {
  return (
    'EVAL ' +
    JSON.stringify({
      split: r.split,
      engine,
      articles: r.articles,
      paragraphs: r.paragraphs,
      words: r.words,
      goldDirect: r.goldDirectFragments,
      goldMixed: r.goldMixedFragments,
      goldQuotes: r.goldQuotes,
      predictedQuotes: r.predictedQuotes,
      precision: round(r.quotes.precision),
      recall: round(r.quotes.recall),
      f1: round(r.quotes.f1),
      precisionDirectOnly: round(r.quotes.precisionDirectOnly),
      f1DirectOnly: round(r.quotes.f1DirectOnly),
      charF1: round(r.chars.f1),
      namedSpeakers: r.speaker.named,
      namedSpeakerAccuracy: round(r.speaker.accuracy),
      namedSpeakerSharesCapitalised: round(r.speaker.capitalisedAccuracy),
      claims: r.claims
        ? {
            precision: round(r.claims.precision),
            recall: round(r.claims.recall),
            f1: round(r.claims.f1),
            charF1: round(r.claims.chars.f1),
            sourceAccuracy: round(r.claims.accuracy),
            speechRecall: round(r.claims.speech.recall),
            speechF1: round(r.claims.speech.f1),
          }
        : null,
      wordsPerSecond: Math.round(r.wordsPerSecond),
      wordsPerCpuSecond: Math.round(r.wordsPerCpuSecond),
      causes: r.causes,
    })
  );
}

/** The engine's version, for comparing figures before and after a change: commit, plus "+dirty". */
function engineVersion(): string {
  const repo = path.resolve(__dirname, '..', '..');
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'server') !== '';
    return git('rev-parse', '--short', 'HEAD') + (dirty ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
}

function main(): number {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`eval:extraction: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const results: SplitResult[] = [];
  try {
    const splits = options.splits.map((s) => resolveSplit(s, options.set));
    for (const { name, file } of splits) {
      const r = evaluateSplit(name, file, options.errors);
      print(r);
      console.log('');
      results.push(r);
    }
  } catch (e) {
    console.error(`eval:extraction: ${(e as Error).message}`);
    return 2;
  }
  printRules(results);
  console.log('');
  const version = engineVersion();
  for (const r of results) console.log(machineLine(r, version));
  return 0;
}

process.exitCode = main();
