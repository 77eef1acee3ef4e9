// PolNeAR loading and scoring helpers for `npm run eval:extraction` (scripts/evalExtraction.ts).
// Everything here is pure: records in, gold units and scores out. No engine import, so the
// scoring rules can be unit-tested on their own (test/unit/evalScoring.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Span {
  start: number;
  end: number;
}

export type AttributionType = 'direct' | 'mixed' | 'indirect';

/** One annotated content fragment, as stored in the JSONL (offsets into the paragraph's text). */
export interface PolnearQuote {
  start: number;
  end: number;
  quote: string;
  type: AttributionType;
  speaker: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  attribution_id: string;
}

export interface PolnearRecord {
  id: string;
  doc_id: string;
  split?: string;
  para_index: number;
  text: string;
  publisher?: string;
  quotes: PolnearQuote[];
}

export interface Paragraph {
  index: number;
  /** Offset of the paragraph in the article text. */
  start: number;
  end: number;
  record: PolnearRecord;
}

/** One article: its paragraphs joined by a blank line, so the engine sees paragraph breaks. */
export interface Article {
  docId: string;
  publisher: string;
  text: string;
  paragraphs: Paragraph[];
}

/** A gold unit, in article offsets. */
export interface GoldUnit {
  docId: string;
  attributionId: string;
  type: AttributionType;
  /** Paragraph index (para_index) the unit stands in. */
  paragraph: number;
  /** For quotes: one contiguous quoted run (marks excluded). For claims / any-type: the record span. */
  span: Span;
  /** The whole annotated record span (marks included), in article offsets. */
  recordSpan: Span;
  speaker: string | null;
  /** The annotated cue words ("said", "according to"), if any. */
  cue: string | null;
  /** The speaker mention in article offsets; null when it stands in another paragraph. */
  speakerSpan: Span | null;
  /** True when this attribution has content fragments in more than one paragraph. */
  multiParagraph: boolean;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

// ---------------------------------------------------------------------------------------------
// Locating the data

/** Walks up from `from` looking for a folder `shared` that holds SPEC.md. */
export function findSharedDir(from: string): string | null {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'shared');
    if (fs.existsSync(path.join(candidate, 'SPEC.md'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

export function parseRecords(jsonl: string, source = 'input'): PolnearRecord[] {
  const records: PolnearRecord[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${source}:${i + 1}: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    const r = value as PolnearRecord;
    if (typeof r?.doc_id !== 'string' || typeof r.text !== 'string' || typeof r.para_index !== 'number' || !Array.isArray(r.quotes)) {
      throw new Error(`${source}:${i + 1}: not a PolNeAR record (needs doc_id, para_index, text, quotes)`);
    }
    records.push(r);
  }
  return records;
}

/** Groups paragraph records into articles (first-seen order), paragraphs in para_index order. */
export function buildArticles(records: PolnearRecord[]): Article[] {
  const byDoc = new Map<string, PolnearRecord[]>();
  for (const r of records) {
    let list = byDoc.get(r.doc_id);
    if (!list) byDoc.set(r.doc_id, (list = []));
    list.push(r);
  }
  const articles: Article[] = [];
  for (const [docId, list] of byDoc) {
    list.sort((a, b) => a.para_index - b.para_index);
    const paragraphs: Paragraph[] = [];
    let offset = 0;
    const parts: string[] = [];
    for (const record of list) {
      if (parts.length > 0) offset += PARAGRAPH_SEPARATOR.length;
      paragraphs.push({ index: record.para_index, start: offset, end: offset + record.text.length, record });
      parts.push(record.text);
      offset += record.text.length;
    }
    articles.push({ docId, publisher: list[0].publisher ?? '', text: parts.join(PARAGRAPH_SEPARATOR), paragraphs });
  }
  return articles;
}

// ---------------------------------------------------------------------------------------------
// Quote marks in gold content (independent of the engine's own reader)

const DOUBLE_OPENERS = new Set(['“', '„', '«']);
const DOUBLE_CLOSERS = new Set(['”', '»']);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:“‘"']/;

interface Mark {
  at: number;
  kind: 'double' | 'single';
  role: 'open' | 'close';
}

/** The quote marks of one paragraph, each read as opening or closing; apostrophes left out. */
export function marksOf(p: string): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const before = p[i - 1];
    const after = p[i + 1];
    if (DOUBLE_OPENERS.has(c)) marks.push({ at: i, kind: 'double', role: 'open' });
    else if (DOUBLE_CLOSERS.has(c)) marks.push({ at: i, kind: 'double', role: 'close' });
    else if (c === '"') {
      const opens = (before === undefined || OPEN_BEFORE.test(before)) && !isSpace(after);
      const closes = !isSpace(before);
      if (opens) marks.push({ at: i, kind: 'double', role: 'open' });
      else if (closes) marks.push({ at: i, kind: 'double', role: 'close' });
    } else if (c === '‘' || c === '’' || c === "'") {
      if (isLetter(before) && isLetter(after)) continue; // don’t
      const opens = (before === undefined || OPEN_BEFORE.test(before)) && /\p{L}/u.test(after ?? '') && c !== '’';
      const closes = !isSpace(before) && !isLetter(after) && c !== '‘';
      if (opens) marks.push({ at: i, kind: 'single', role: 'open' });
      else if (closes) marks.push({ at: i, kind: 'single', role: 'close' });
    }
  }
  return marks;
}

/**
 * The outermost quoted regions of a paragraph (marks excluded). A closing mark with nothing
 * open means the paragraph continues a quote (region from the paragraph start); an opening
 * mark never closed runs to the paragraph end (a quote continued in the next paragraph).
 * A single closing mark with no single quote open is an apostrophe ("parents’").
 */
export function quotedRegions(p: string): Span[] {
  const regions: Span[] = [];
  const stack: Mark[] = [];
  let regionStart = -1;
  for (const m of marksOf(p)) {
    if (m.role === 'open') {
      if (m.kind === 'double' && stack.length > 0 && stack[stack.length - 1].kind === 'double' && p[m.at] === '"') {
        // a straight mark while a double quote is open closes it (straight marks cannot nest)
      } else {
        if (stack.length === 0) regionStart = m.at + 1;
        stack.push(m);
        continue;
      }
    }
    // closing (or a straight double read as closing)
    let k = stack.length - 1;
    while (k >= 0 && stack[k].kind !== m.kind) k--;
    if (k < 0) {
      // A double closing mark before any other mark: the paragraph opened inside a quote.
      if (m.kind === 'double' && stack.length === 0 && regions.length === 0 && !marksBefore(p, m.at)) {
        regions.push({ start: 0, end: m.at });
      }
      continue;
    }
    stack.length = k;
    if (stack.length === 0) regions.push({ start: regionStart, end: m.at });
  }
  if (stack.length > 0) regions.push({ start: regionStart, end: p.length });
  return regions.map((r) => trimSpan(p, r)).filter((r) => r.end > r.start && /[\p{L}\p{N}]/u.test(p.slice(r.start, r.end)));
}

/**
 * Two apostrophes used as a double mark (''It is,'' she said) rewritten as one straight mark and a
 * space, offsets unchanged (the same reading as the engine's, kept separate so scoring does not
 * depend on engine code).
 */
export function doubledApostrophesAsMarks(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/(?<!['’\p{L}])''(?=[\p{L}\p{N}‘'([$])|(?<=[^\s'])''(?!')/gu, (m, offset: number) => {
    const before = text[offset - 1];
    return before === undefined || /[\s([{—–\-/:"“]/.test(before) ? ' "' : '" ';
  });
}

function marksBefore(p: string, at: number): boolean {
  return marksOf(p.slice(0, at)).length > 0;
}

const EDGE_MARKS_START = /[\s"“„«‘']/;
const EDGE_MARKS_END = /[\s"”»’']/;

/** Trims white space and quote marks from both edges. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && EDGE_MARKS_START.test(text[start])) start++;
  while (end > start && EDGE_MARKS_END.test(text[end - 1])) end--;
  return { start, end };
}

/** The quoted runs of one gold fragment, in paragraph offsets. Direct: the whole content. */
export function goldQuotedRuns(paragraphText: string, q: PolnearQuote): Span[] {
  if (q.type === 'direct') {
    // Usually one run; `“losers” and “sad.”` is two. Fall back to the whole content when the
    // marks cannot be read (the gold says it is all quoted).
    const whole = trimSpan(paragraphText, { start: q.start, end: q.end });
    if (whole.end <= whole.start) return [];
    const runs = quotedRunsWithin(paragraphText, q);
    const letters = (spans: Span[]) => spans.reduce((n, r) => n + (paragraphText.slice(r.start, r.end).match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
    return runs.length > 1 && letters(runs) >= 0.5 * letters([whole]) ? runs : [whole];
  }
  if (q.type !== 'mixed') return [];
  return quotedRunsWithin(paragraphText, q);
}

function quotedRunsWithin(paragraphText: string, q: PolnearQuote): Span[] {
  const runs: Span[] = [];
  for (const r of quotedRegions(paragraphText)) {
    const start = Math.max(r.start, q.start);
    const end = Math.min(r.end, q.end);
    if (end <= start) continue;
    const s = trimSpan(paragraphText, { start, end });
    if (s.end > s.start && /[\p{L}\p{N}]/u.test(paragraphText.slice(s.start, s.end))) runs.push(s);
  }
  return runs;
}

export interface ArticleGold {
  /** Direct quotes: one unit per quoted run of a direct or mixed fragment. */
  quotes: GoldUnit[];
  /** Indirect fragments (claims). */
  claims: GoldUnit[];
  /** Every annotated fragment of any type (record span), for the lenient precision. */
  all: GoldUnit[];
  /** Mixed fragments where no quoted run could be found (left out of `quotes`). */
  mixedWithoutRun: number;
  /** Fragments typed indirect whose content stands in '' … '' marks, or wholly inside a quotation: scored as quotes. */
  retyped: number;
}

export function goldOf(article: Article): ArticleGold {
  const gold: ArticleGold = { quotes: [], claims: [], all: [], mixedWithoutRun: 0, retyped: 0 };
  const paragraphsOfAttribution = new Map<string, Set<number>>();
  for (const p of article.paragraphs) {
    for (const q of p.record.quotes) {
      let set = paragraphsOfAttribution.get(q.attribution_id);
      if (!set) paragraphsOfAttribution.set(q.attribution_id, (set = new Set()));
      set.add(p.index);
    }
  }
  for (const p of article.paragraphs) {
    for (const q of p.record.quotes) {
      const recordSpan = { start: p.start + q.start, end: p.start + q.end };
      const speakerSpan =
        q.speaker_start !== null && q.speaker_end !== null && q.speaker_start !== undefined && q.speaker_end !== undefined ? { start: p.start + q.speaker_start, end: p.start + q.speaker_end } : null;
      const base = {
        docId: article.docId,
        attributionId: q.attribution_id,
        type: q.type,
        paragraph: p.index,
        recordSpan,
        speaker: q.speaker ?? null,
        cue: q.cue ?? null,
        speakerSpan,
        multiParagraph: (paragraphsOfAttribution.get(q.attribution_id)?.size ?? 1) > 1,
      };
      gold.all.push({ ...base, span: recordSpan });
      if (q.type === 'indirect') {
        // The converter typed fragments by their marks and did not read '' … '' (newspaper archive
        // style) as marks: such a fragment is quoted, so it is scored as a quote, not a claim.
        const doubled = p.record.text.slice(Math.max(0, q.start - 2), q.end + 2).includes("''");
        let runs = doubled ? quotedRunsWithin(doubledApostrophesAsMarks(p.record.text), q) : [];
        // It also typed by the marks at a fragment's own edges: a fragment standing wholly inside a
        // quotation opened earlier in the paragraph (a quote of several sentences, a transcript
        // paragraph opened by a mark) is quoted too.
        if (runs.length === 0) {
          const marked = doubledApostrophesAsMarks(p.record.text);
          const inner = trimSpan(marked, { start: q.start, end: q.end });
          const region = inner.end > inner.start ? quotedRegions(marked).find((r) => r.start <= inner.start && r.end >= inner.end) : undefined;
          if (region) runs = [inner];
        }
        if (runs.length === 0) {
          gold.claims.push({ ...base, span: trimSpan(article.text, recordSpan) });
          continue;
        }
        gold.retyped++;
        for (const r of runs) gold.quotes.push({ ...base, type: 'mixed', span: { start: p.start + r.start, end: p.start + r.end } });
        continue;
      }
      const runs = goldQuotedRuns(doubledApostrophesAsMarks(p.record.text), q);
      if (runs.length === 0) gold.mixedWithoutRun++;
      for (const r of runs) gold.quotes.push({ ...base, span: { start: p.start + r.start, end: p.start + r.end } });
    }
  }
  return gold;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Characters of `spans` that fall inside `target`. */
export function overlapLength(spans: Span[], target: Span): number {
  let n = 0;
  for (const s of spans) n += Math.max(0, Math.min(s.end, target.end) - Math.max(s.start, target.start));
  return n;
}

export function totalLength(spans: Span[]): number {
  return spans.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
}

/** Substantial overlap: at least half of the shorter side. */
export const MIN_OVERLAP_OF_SHORTER = 0.5;

export function overlapsSubstantially(pred: Span[], gold: Span): boolean {
  const shared = overlapLength(pred, gold);
  if (shared === 0) return false;
  return shared >= MIN_OVERLAP_OF_SHORTER * Math.min(totalLength(pred), gold.end - gold.start);
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(truePredictions: number, predictions: number, foundGold: number, gold: number): PRF {
  const precision = predictions === 0 ? 0 : truePredictions / predictions;
  const recall = gold === 0 ? 0 : foundGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Counts letters and digits of the text covered by `spans` (overlaps counted once). */
export function coveredChars(text: string, spans: Span[]): Set<number> {
  const set = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (/[\p{L}\p{N}]/u.test(text[i])) set.add(i);
  return set;
}

// ---------------------------------------------------------------------------------------------
// Speakers

const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'him',
  'her',
  'them',
  'us',
  'me',
  'who',
  'whom',
  'which',
  'that',
  'his',
  'its',
  'their',
  'one',
  'this',
  'these',
  'those',
  'someone',
  'somebody',
  'everyone',
  'many',
  'some',
  'others',
]);
/** Title and organisation words: "X of Y" with one of these before "of" is one name. */
const HEAD_TITLES = new Set([
  'secretary',
  'minister',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'governor',
  'mayor',
  'president',
  'department',
  'university',
  'bank',
  'office',
  'house',
  'speaker',
  'member',
  'members',
  'chief',
  'head',
  'leader',
  'attorney',
  'general',
  'court',
  'board',
  'council',
  'committee',
  'institute',
  'school',
  'college',
  'center',
  'centre',
  'state',
  'states',
  'senator',
  'representative',
  'ambassador',
  'commissioner',
  'sheriff',
  'judge',
  'justice',
  'professor',
]);
const CALENDAR_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
const NAME_SUFFIXES = /^(?:jr|sr|ii|iii|iv|esq|phd|md)\.?$/i;

/** Lower case, possessive dropped, apostrophes unified and removed, edge punctuation gone. */
export function normaliseWord(word: string): string {
  return word
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/i, '')
    .replace(/s'$/i, 's')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/'/g, '')
    .toLowerCase();
}

export type GoldSpeakerKind = 'name' | 'pronoun' | 'other' | 'none';

/**
 * What a gold speaker mention is: a name (its head word capitalised: "Sen. Bernie Sanders",
 * "The New York Times", "PENCE"), a pronoun ("he", "they", "who"), other (role nouns and
 * groups: "the senator", "aides", "the Trump campaign"), or none.
 */
export function goldSpeakerKind(speaker: string | null): GoldSpeakerKind {
  if (speaker === null || !speaker.trim()) return 'none';
  const head = speakerHead(speaker);
  if (head === null) return 'other';
  if (PRONOUNS.has(normaliseWord(speaker.trim()))) return 'pronoun';
  if (CALENDAR_WORDS.has(head.toLowerCase())) return 'other'; // "a poll released Sunday"
  return /^\p{Lu}/u.test(head) ? 'name' : 'other';
}

/** The head word of a mention: after dropping parentheses and anything after a comma, its last word. */
function speakerHead(speaker: string): string | null {
  const parts = speaker
    .replace(/\([^)]*\)?/g, ' ')
    .split(/;|\s[—–-]\s|\s(?:who|which|that)\s/)[0]
    .split(',')
    .map((p) => p.trim());
  let core = parts[0];
  // "A top strategist, John Weaver,": a role, then the name in apposition.
  if (parts.length > 1 && /^\p{Ll}/u.test(lastWord(core) ?? '') && /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(parts[1])) core = parts[1];
  let words = core.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // "Representative Charles B. Rangel of New York": the name stands before "of <place>";
  // not so in "Secretary of State John Kerry" or "Bank of America". "a woman in Worcester"
  // is a description, not a name: its head is "woman".
  const cut = words.findIndex((w, i) => i >= 1 && /^(?:of|from|at|in|for|with)$/.test(w));
  if (cut > 0) {
    const before = words[cut - 1].replace(/[^\p{L}'’-]/gu, '');
    if (/^\p{Ll}/u.test(before) || (cut >= 2 && !HEAD_TITLES.has(before.toLowerCase()))) words = words.slice(0, cut);
  }
  while (words.length > 1 && NAME_SUFFIXES.test(words[words.length - 1])) words.pop();
  const head = words[words.length - 1];
  if (!head) return null;
  return head.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, '');
}

function lastWord(phrase: string): string | undefined {
  const words = phrase.split(/\s+/).filter(Boolean);
  return words[words.length - 1];
}

/** The surname (or head name word) of a gold speaker that is a name, normalised; null otherwise. */
export function surnameOf(speaker: string | null): string | null {
  if (goldSpeakerKind(speaker) !== 'name') return null;
  const head = speakerHead(speaker!);
  return head ? normaliseWord(head) || null : null;
}

/** True when `predicted` contains the gold speaker's surname as a word (hyphenated parts each). */
export function sharesSurname(goldSpeaker: string | null, predicted: string | null): boolean {
  const surname = surnameOf(goldSpeaker);
  if (!surname || !predicted) return false;
  const tokens = new Set(
    predicted
      .split(/[\s\-–—/]+/)
      .map(normaliseWord)
      .filter(Boolean),
  );
  const parts = surname.split(/-/).map(normaliseWord).filter(Boolean);
  if (tokens.has(surname.replace(/-/g, ''))) return true;
  return parts.length > 0 && parts.every((p) => tokens.has(p));
}

export function isPronoun(word: string): boolean {
  return PRONOUNS.has(normaliseWord(word));
}

/** Capitalised words that say nothing of who is meant: articles, honorifics. */
const NOT_IDENTIFYING = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir']);

/**
 * The issue-15 figure: `predicted` shares a capitalised word with the gold speaker ("Trevor
 * Nicholson" and "Mr. Nicholson"; "BC Hydro" and "Hydro"), articles and honorifics aside.
 */
export function sharesCapitalisedWord(goldSpeaker: string | null, predicted: string | null): boolean {
  if (!goldSpeaker || !predicted) return false;
  const capitalised = (s: string) =>
    new Set(
      s
        .split(/[\s\-–—/]+/)
        .filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w))
        .map(normaliseWord)
        .filter((w) => w && !NOT_IDENTIFYING.has(w)),
    );
  const gold = capitalised(goldSpeaker);
  for (const w of capitalised(predicted)) if (gold.has(w)) return true;
  return false;
}
