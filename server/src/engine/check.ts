import type { DocumentFormat, FileReport, Finding, Severity, SourceOrigin, SourceRef, Span, Verdict } from './types';
import type { ArchiveLookup } from './archive/client';
import type { Corpus } from './corpus/corpus';
import { extractQuotes, readingText, type ExtractedQuoteWithState, type ExtractOptions } from './extract/extractQuotes';
import { maskProse } from './text/mask';
import { LineIndex } from './text/lineIndex';
import { lastStartingAtOrBefore } from './text/spans';
import { quoteTokens, tokenize, type Token } from './text/tokenize';
import { judgeQuote, type Judgement } from './match/judgeQuote';
import { judgeClaim, type ClaimJudgement } from './claims/judgeClaim';
import { reviseQuote } from './fixes';
import { markHidden, type HiddenFinding } from './hidden';
import { zeroCounts } from './verdicts';

export interface CheckOptions {
  format?: DocumentFormat;
  /** Severity per verdict, where the writer's settings override the verdict's own. */
  severities?: Partial<Record<Verdict, Severity>>;
  /** Findings the workspace hides ("Hide in this workspace"): marked ignored and hidden. */
  hidden?: readonly HiddenFinding[];
  /** Check attributed claims (indirect speech) too; on unless turned off. */
  claims?: boolean;
  /** What an archive gave this check (`ArchiveClient.lookup`): candidates judged beside the local corpus's. */
  archive?: ArchiveLookup;
  /** How the text is read when it is a piece of a longer document (the incremental check, `incremental.ts`). */
  extract?: Pick<ExtractOptions, 'masked' | 'within' | 'introduced' | 'stats'>;
  /** Judge only the quotes and claims starting in this span (the rest of the text is context). */
  only?: Span;
}

/** Judgements per corpus, reset when the corpus changes: retyping one paragraph re-judges only its quotes. */
const judgementCache = new WeakMap<Corpus, { generation: number; entries: Map<string, Judgement | ClaimJudgement> }>();
const CACHE_LIMIT = 20000;

function cachedJudgement<T extends Judgement | ClaimJudgement>(corpus: Corpus, key: string, judge: () => T): T {
  let cache = judgementCache.get(corpus);
  if (!cache || cache.generation !== corpus.generation) {
    cache = { generation: corpus.generation, entries: new Map() };
    judgementCache.set(corpus, cache);
  }
  const hit = cache.entries.get(key);
  if (hit) return hit as T;
  const value = judge();
  if (cache.entries.size >= CACHE_LIMIT) cache.entries.clear();
  cache.entries.set(key, value);
  return value;
}

/** Checks every quote of one document against the corpus. Verified quotes are findings too. */
/**
 * Characters of one document checked at most (about 170,000 words, a long book chapter; a news
 * draft is 20,000): past it a pasted dump would take seconds, so the rest is skipped, and said.
 */
export const MAX_CHECKED_CHARS = 1_000_000;

/** Where a too-long text is cut: at the last paragraph break before the limit, else a line break, else the limit. */
function cutPoint(text: string): number {
  const paragraph = text.lastIndexOf('\n\n', MAX_CHECKED_CHARS - 2);
  if (paragraph > MAX_CHECKED_CHARS / 2) return paragraph + 2;
  const line = text.lastIndexOf('\n', MAX_CHECKED_CHARS - 1);
  if (line > MAX_CHECKED_CHARS / 2) return line + 1;
  const code = text.charCodeAt(MAX_CHECKED_CHARS - 1);
  return code >= 0xd800 && code <= 0xdbff ? MAX_CHECKED_CHARS - 1 : MAX_CHECKED_CHARS; // never between a surrogate pair
}

/** A draft read and its quotes found, before they are judged (an archive lookup sits between the two). */
export interface PreparedDraft {
  filePath: string;
  fullText: string;
  /** The part checked (all of it unless longer than `MAX_CHECKED_CHARS`). */
  text: string;
  /**
   * What its words are read from, the same length as `text`: in Markdown what a reader sees (an
   * entity as its character, a link as its label, markup blanked), in plain text `text` itself.
   */
  reading: string;
  lines: LineIndex;
  extracted: ExtractedQuoteWithState[];
  /** The quotes judged (claims that hold a quote, or touch a stray mark, are not: their quote is). */
  checked: ExtractedQuoteWithState[];
}

export function prepareDraft(fullText: string, filePath: string, options: CheckOptions = {}): PreparedDraft {
  const format = options.format ?? (/\.(txt|text)$/i.test(filePath) ? 'plaintext' : 'markdown');
  const cut = fullText.length > MAX_CHECKED_CHARS ? cutPoint(fullText) : fullText.length;
  const text = cut < fullText.length ? fullText.slice(0, cut) : fullText;
  // The document's Markdown is read once: by the extractor, and for the words the judge reads.
  const masked = options.extract?.masked ?? maskProse(text, format);
  const reading = readingText(text, masked);
  const extracted = extractQuotes(text, { format, claims: options.claims ?? true, ...options.extract, masked });
  const quoteSpans = extracted.filter((q) => q.kind === 'quote').map((q) => q.span);
  // A claim that holds quoted words is checked through its quote; one next to a stray mark is no claim.
  const only = options.only;
  const checked = extracted.filter(
    (q) =>
      (!only || (q.span.start >= only.start && q.span.start < only.end)) &&
      !(q.kind === 'claim' && (overlapsAny(quoteSpans, q.span) || /["“”„«»]/.test(reading.slice(Math.max(0, q.span.start - 1), q.span.end + 1)))),
  );
  return { filePath, fullText, text, reading, lines: new LineIndex(fullText), extracted, checked };
}

/** The words of each quote a check judges against statements: what an archive is asked about (as pair keys). */
export function draftQuoteTokens(draft: PreparedDraft): Token[][] {
  return draft.checked.filter((q) => q.kind !== 'claim').map((q) => quoteTokens(draft.reading, withoutTurnLabel(q).fragments));
}

/**
 * A transcript quoted turn by turn (“RAMOS: Secretary Clinton, …”): the label names the
 * speaker and is no word of the quote, so the words judged start after it.
 */
function withoutTurnLabel<Q extends ExtractedQuoteWithState>(quote: Q): Q {
  const [first, ...rest] = quote.fragments;
  const cue = quote.cue;
  if (!first || !cue || !quote.rules.includes('quote.turn-label') || cue.start < first.start || cue.end >= first.end) return quote;
  return { ...quote, fragments: [{ start: cue.end, end: first.end }, ...rest] };
}

/** Checks every quote of one document against the corpus. Verified quotes are findings too. */
export function checkText(fullText: string, filePath: string, corpus: Corpus, options: CheckOptions = {}): FileReport {
  return checkPrepared(prepareDraft(fullText, filePath, options), corpus, options);
}

/** A quote judged against one corpus: the local one or the archive's candidates. */
interface Judged {
  corpus: Corpus;
  origin: SourceOrigin;
  judgement: Judgement;
}

/**
 * Which of two judgements of one quote stands, in the order one corpus decides (`judgeQuote`):
 * the named speaker's exact words, another's exact words, a stitch, the speaker's altered words,
 * another's altered words, nothing. So a quote found in the archive is judged as if the archive's
 * statements were local.
 */
function strength(j: Judgement): number {
  switch (j.verdict) {
    case 'verified':
      return 0;
    case 'misattributed':
      return j.changes.length === 0 ? 1 : 4;
    case 'stitched':
      return 2;
    case 'altered':
      return 3;
    case 'unattributed':
      return j.statementId === null ? 6 : 5;
    default:
      return 6;
  }
}

export function checkPrepared(draft: PreparedDraft, corpus: Corpus, options: CheckOptions = {}): FileReport {
  // The words from the reading; offsets are the text's all the same.
  const { reading: text, fullText, lines, filePath } = draft;
  const findings: Finding[] = [];
  const archive = options.archive && 'corpus' in options.archive ? options.archive.corpus : null;
  const breaks = paragraphBreaks(text);
  for (const quote of draft.checked) {
    if (quote.kind === 'claim') {
      const { id: speakerId, name: speakerName } = speakerIn(corpus, quote.speaker);
      const key = `claim|${speakerId === undefined ? 'none' : speakerId}|${quote.text}`;
      const judgement = cachedJudgement(corpus, key, () => judgeClaim(corpus, quote.text, speakerId));
      const supporting = judgement.verdict === 'supported' || judgement.verdict === 'misattributed';
      findings.push({
        kind: 'claim',
        text: quote.text,
        span: quote.span,
        range: lines.range(quote.span),
        speaker: speakerName,
        verdict: judgement.verdict,
        severity: options.severities?.[judgement.verdict] ?? judgement.severity,
        message: claimMessage(judgement, speakerName, corpus),
        source: supporting && judgement.statementId !== null ? sourceRef(corpus, judgement.statementId, 'local') : null,
        otherSources: [...(supporting || judgement.statementId === null ? [] : [judgement.statementId]), ...judgement.closestIds].slice(0, 3).map((id) => sourceRef(corpus, id, 'local')),
        changes: [],
        speakerSpan: quote.speakerSpan,
        ...(quote.ignored ? { ignored: true } : {}),
      });
      continue;
    }
    const words = withoutTurnLabel(quote);
    const tokens = quoteTokens(text, words.fragments);
    const fragments = words.fragments.map((f) => text.slice(f.start, f.end)).join('\u0000');
    const context = contextAround(text, quote.span, breaks);
    const inferred = quote.speaker?.resolvedFrom !== undefined;
    const judgeIn = (against: Corpus, origin: SourceOrigin): Judged => {
      const { id } = speakerIn(against, quote.speaker);
      const mayBe = id === null && quote.speaker ? against.speakers.mayBe(quote.speaker.text) : [];
      const key = `${id === undefined ? 'none' : id}|${mayBe.join(',')}|${inferred}|${fragments}|${context.text}`;
      return { corpus: against, origin, judgement: cachedJudgement(against, key, () => judgeQuote(against, tokens, text, id, { context: context.tokens(), mayBe, inferred })) };
    };
    let judged = judgeIn(corpus, 'local');
    if (archive && strength(judged.judgement) > 0) {
      const other = judgeIn(archive, 'archive');
      if (strength(other.judgement) < strength(judged.judgement)) judged = other;
    }
    const { judgement, corpus: from, origin } = judged;
    const { name } = speakerIn(from, quote.speaker);
    const source = judgement.statementId === null ? null : sourceRef(from, judgement.statementId, origin);
    const severity = options.severities?.[judgement.verdict] ?? judgement.severity;
    const revision = reviseQuote(from, text, words, tokens, judgement.verdict, judgement.statementId, judgement.changes.length === 0);
    findings.push({
      kind: quote.kind,
      text: quote.text,
      span: quote.span,
      range: lines.range(quote.span),
      speaker: name,
      verdict: judgement.verdict,
      severity,
      message: messageFor(judgement, quote.text, name, source, from),
      source,
      otherSources: [...judgement.otherStatementIds, ...(judgement.closestId !== null ? [judgement.closestId] : [])].map((id) => sourceRef(from, id, origin)),
      changes: judgement.changes,
      speakerSpan: quote.speakerSpan,
      ...(quote.ignored ? { ignored: true } : {}),
      ...(revision.fixes.length ? { fixes: revision.fixes } : {}),
      ...(revision.diff ? { diff: revision.diff } : {}),
    });
  }
  const report: FileReport = { path: filePath, findings: options.hidden?.length ? markHidden(findings, filePath, options.hidden) : findings };
  if (options.archive) {
    report.archive = 'unavailable' in options.archive ? { state: 'unreachable', message: options.archive.unavailable } : { state: 'checked', candidates: options.archive.statements };
  }
  if (text.length < fullText.length) {
    const cut = text.length;
    const from = lines.position(cut);
    const million = (n: number) => `${(n / 1e6).toFixed(1)} million`;
    report.skipped = {
      from,
      message: `Checked the first ${million(cut)} characters of ${million(fullText.length)}; the rest, from line ${from.line + 1}, was skipped. Split the document to check all of it.`,
    };
  }
  return report;
}

/** The draft's speaker as one corpus knows them: its id (null: not in it; undefined: no speaker) and the name to show. */
function speakerIn(corpus: Corpus, speaker: { text: string } | null | undefined): { id: number | null | undefined; name: string | null } {
  if (!speaker) return { id: undefined, name: null };
  const id = corpus.speakers.resolve(speaker.text);
  return { id, name: id != null ? corpus.speakers.speaker(id).name : speaker.text };
}

/** Whether `span` overlaps one of `spans` (sorted by start, not overlapping each other). */
function overlapsAny(spans: Span[], span: Span): boolean {
  const last = lastStartingAtOrBefore(spans, span.end - 1);
  return last >= 0 && spans[last].end > span.start;
}

/** Characters of draft read on each side of a quote for its context: about its sentence and the next. */
const CONTEXT_CHARS = 240;

/** Where each paragraph break ('\n\n', overlapping ones too) starts, ascending: found once per check, not per quote. */
function paragraphBreaks(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) starts.push(at);
  return starts;
}

/**
 * The draft's words around a quote, within its paragraph and the quote left out: what lets a
 * short quote's context choose between the statements that hold it (`JudgeOptions.context`).
 * The paragraph's ends come from `breaks` (`paragraphBreaks`) by binary search: a search of the
 * text for each quote cost O(length) per quote, seconds on a long single line. The tokens are
 * made only when the judgement is not cached.
 */
function contextAround(text: string, span: Span, breaks: readonly number[]): { text: string; tokens: () => Token[] } {
  const startOf = (at: number) => at;
  const before = lastStartingAtOrBefore(breaks, span.start, startOf);
  const paragraphStart = before >= 0 ? breaks[before] : -1;
  const after = lastStartingAtOrBefore(breaks, span.end - 1, startOf) + 1;
  const paragraphEnd = after < breaks.length ? breaks[after] : -1;
  const from = Math.max(span.start - CONTEXT_CHARS, paragraphStart < 0 ? 0 : paragraphStart);
  const to = Math.min(span.end + CONTEXT_CHARS, paragraphEnd < 0 ? text.length : paragraphEnd);
  const head = text.slice(from, span.start);
  const tail = text.slice(span.end, to);
  return { text: `${head}\u2016${tail}`, tokens: () => [...tokenize(head, from), ...tokenize(tail, span.end)] };
}

function sourceRef(corpus: Corpus, statementId: number, origin: SourceOrigin): SourceRef {
  const statement = corpus.statement(statementId);
  const doc = corpus.document(statement.documentId);
  // A record's own date, url and title (a tweet's) before its file's.
  const nth = doc.records ? corpus.indexInDocument(statementId) : -1;
  const own = (key: 'date' | 'url' | 'title') => (nth >= 0 && doc.records![key][nth]) || doc[key];
  const url = own('url');
  const date = own('date');
  const title = own('title');
  return {
    origin,
    speaker: corpus.speakers.speaker(corpus.speakers.canonical(statement.speakerId)).name,
    text: statement.text,
    path: doc.path,
    range: statement.range,
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
    ...(title ? { title } : {}),
    ...(doc.locator === 'page' ? { page: statement.range.start.line + 1 } : {}),
    ...(doc.locator === 'paragraph' ? { paragraph: statement.range.start.line + 1 } : {}),
  };
}

function excerpt(text: string, max = 80): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:]+$/, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** A diagnostic's message: one clause, at most this long; the source and the diff are the hover's. */
export const MAX_MESSAGE = 120;

function short(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1).trimEnd()}…`;
}

function messageFor(j: Judgement, quoteText: string, speaker: string | null, source: SourceRef | null, corpus: Corpus): string {
  return short(messageText(j, quoteText, speaker, source, corpus));
}

function messageText(j: Judgement, quoteText: string, speaker: string | null, source: SourceRef | null, corpus: Corpus): string {
  const real = j.realSpeakerId !== null ? corpus.speakers.speaker(corpus.speakers.canonical(j.realSpeakerId)).name : null;
  switch (j.verdict) {
    case 'verified':
      // A speaker's repeated word, false start or filler left out: said, as a hint.
      return j.changes.length ? `Verified, leaving out ${j.changeSummary.replace(/ dropped/, '')}` : `Verified: ${source?.speaker ?? speaker} said “${excerpt(quoteText, 60)}”`;
    case 'altered':
      return j.changeSummary || 'Altered quote';
    case 'misattributed':
      return `These words are ${real}'s${speaker ? `, not ${speaker}'s` : ''}${j.changes.length ? ', and altered' : ''}`;
    case 'stitched': {
      const second = j.otherStatementIds.length > 0 ? corpus.speakers.speaker(corpus.speakers.canonical(corpus.speakerOf(j.otherStatementIds[0]))).name : null;
      const first = source?.speaker ?? null;
      return first && second && first !== second
        ? `Stitched: joins ${first}'s and ${second}'s statements without an ellipsis`
        : `Stitched: joins two separate statements${first ? ` of ${first}` : ''} without an ellipsis`;
    }
    case 'missing': {
      // The closest statement is information (the hover shows it), never evidence of an error.
      const near = j.closestId !== null ? '; the closest statement is another remark' : '';
      return j.short ? `Short quote not found for ${speaker ?? 'this speaker'}: check it by hand${near}` : `Not found in the sources${speaker ? ` for ${speaker}` : ''}${near}`;
    }
    case 'unattributed':
      return 'No speaker Verbatim could resolve: name who said it';
    case 'supported':
      return `Supported by ${source?.speaker}`;
  }
}

function claimMessage(j: ClaimJudgement, speaker: string | null, corpus: Corpus): string {
  const name = (id: number) => corpus.speakers.speaker(corpus.speakers.canonical(id)).name;
  const statement = j.statementId === null ? null : corpus.statement(j.statementId);
  switch (j.verdict) {
    case 'supported':
      return short(`Claim supported by ${statement ? name(statement.speakerId) : speaker}`);
    case 'misattributed':
      return short(`Claim matches what ${j.realSpeakerId !== null ? name(j.realSpeakerId) : 'someone else'} said${speaker ? `, not ${speaker}` : ''}`);
    case 'unattributed':
      return 'Claim has no speaker Verbatim could resolve';
    case 'missing':
      return short(`${j.unsupported.length ? `“${j.unsupported.slice(0, 4).join(', ')}”: ` : ''}claim not found in ${speaker ? `${speaker}'s` : 'the'} statements`);
  }
}

/** Counts per verdict over reports; ignored findings are not counted. */
export function summarize(reports: FileReport[]): Record<Verdict, number> {
  const counts = zeroCounts();
  for (const r of reports) for (const f of r.findings) if (!f.ignored) counts[f.verdict]++;
  return counts;
}
