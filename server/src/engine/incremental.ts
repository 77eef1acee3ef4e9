// The check as you type (issue 14): the same findings as a full check (`checkText`), always,
// at the cost of the few paragraphs an edit touched.
//
// A document is read once per version (its prose, its quotations, the names it introduces),
// then cut into pieces at paragraph breaks no quotation runs across (a block quote stays with
// the paragraphs before and after it, where its attribution is). Each piece is checked with
// the context the extractor reads around a quote: the CONTEXT_PARAGRAPHS paragraphs before it
// (a pronoun's antecedent, a speaker carried on, an ignore comment) and one paragraph after it
// (a signature line, an attribution after a block quote). The result of a piece is cached by
// the text it read; what it learnt from beyond that text (whether a surname was introduced
// earlier in the document) is recorded with it and checked again before it is reused.
// compromise's per-check budget is the one thing a piece cannot know locally: when the pieces
// together read more than that budget, the version is checked in full, so the answer is the
// full check's either way.
import { checkText, MAX_CHECKED_CHARS, type CheckOptions } from './check';
import type { Corpus } from './corpus/corpus';
import { CONTEXT_PARAGRAPHS, NLP_BUDGET, quotedSpansOf, readingText } from './extract/extractQuotes';
import { firstIntroductions } from './extract/names';
import { paragraphsOf } from './extract/quoteMarks';
import { maskProse, type MaskedText } from './text/mask';
import { LineIndex } from './text/lineIndex';
import { lastStartingAtOrBefore } from './text/spans';
import type { Finding, Span } from './types';

/** Paragraphs after a piece that its check reads. */
const LOOKAHEAD_PARAGRAPHS = 1;

/** A piece of a document: the findings it owns, and the text its check reads. */
export interface Piece {
  /** The part whose findings this piece gives: [start, end). */
  own: Span;
  /** What its check reads: the paragraphs of context before and after `own`. */
  read: Span;
}

/** Cuts a document into pieces (see the file's comment); together their `own` spans cover it, in order. */
export function piecesOf(text: string, masked: MaskedText): Piece[] {
  const paragraphs = paragraphsOf(masked.text);
  if (paragraphs.length <= 1) return [{ own: { start: 0, end: text.length }, read: { start: 0, end: text.length } }];
  // joined[i]: paragraphs i-1 and i must be read together (something runs across their break).
  const joined = new Uint8Array(paragraphs.length + 1);
  const paragraphAt = (offset: number) => Math.max(0, lastStartingAtOrBefore(paragraphs, offset));
  const join = (first: number, last: number) => {
    for (let i = Math.max(1, first + 1); i <= Math.min(paragraphs.length - 1, last); i++) joined[i] = 1;
  };
  for (const q of quotedSpansOf(masked)) join(paragraphAt(q.outer.start), paragraphAt(Math.max(q.outer.start, q.outer.end - 1)));
  for (const b of masked.blockQuotes) join(paragraphAt(b.start) - 1, paragraphAt(Math.max(b.start, b.end - 1)) + 1);

  // Context reaches back to a break nothing runs across.
  const readFrom = (paragraph: number) => {
    let c = paragraph - CONTEXT_PARAGRAPHS;
    while (c > 0 && joined[c]) c--;
    return c <= 0 ? 0 : paragraphs[c].start;
  };
  const readTo = (lastParagraph: number) => {
    const next = lastParagraph + LOOKAHEAD_PARAGRAPHS + 1;
    return next < paragraphs.length ? paragraphs[next].start : text.length;
  };
  const pieces: Piece[] = [];
  let first = 0;
  for (let i = 1; i <= paragraphs.length; i++) {
    if (i < paragraphs.length && joined[i]) continue;
    const own = { start: first === 0 ? 0 : paragraphs[first].start, end: i < paragraphs.length ? paragraphs[i].start : text.length };
    pieces.push({ own, read: { start: readFrom(first), end: Math.max(own.end, readTo(i - 1)) } });
    first = i;
  }
  return pieces;
}

/** The prose of `span` of a document, as the document's reading gives it, with offsets into the slice. */
function sliceOf(masked: MaskedText, span: Span): MaskedText {
  const clip = (s: Span): Span | null => {
    const start = Math.max(s.start, span.start);
    const end = Math.min(s.end, span.end);
    return end > start || (s.start === s.end && s.start >= span.start && s.start <= span.end) ? { start: start - span.start, end: end - span.start } : null;
  };
  return {
    text: masked.text.slice(span.start, span.end),
    blockQuotes: masked.blockQuotes.map(clip).filter((s): s is Span => s !== null),
    ignoreNext: masked.ignoreNext.filter((at) => at >= span.start && at <= span.end).map((at) => at - span.start),
    disabled: masked.disabled.map(clip).filter((s): s is Span => s !== null),
    ...(masked.reading !== undefined ? { reading: masked.reading.slice(span.start, span.end) } : {}),
  };
}

interface PieceResult {
  /** Findings with spans relative to the piece's own start. */
  findings: Finding[];
  /** What the check learnt from outside the text it read: surname, offset in the read text, answer. */
  names: Array<[string, number, boolean]>;
  /** Characters compromise read for this piece. */
  nlpChars: number;
}

function shift(f: Finding, by: number): Finding {
  return {
    ...f,
    span: { start: f.span.start + by, end: f.span.end + by },
    speakerSpan: f.speakerSpan ? { start: f.speakerSpan.start + by, end: f.speakerSpan.end + by } : null,
  };
}

/**
 * Checks versions of documents as they are edited, piece by piece, keeping each piece's result
 * while the text it reads, the corpus and the options stay the same.
 */
export class IncrementalCheck {
  private readonly cache = new Map<string, PieceResult>();
  private corpus: Corpus | null = null;
  private generation = -1;
  readonly stats = { pieces: 0, hits: 0, fullChecks: 0 };

  constructor(private readonly maxEntries = 4000) {}

  /** Forgets every result (the server calls it when the corpus or the settings change). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The findings of a full check of `text`, with ranges into it. */
  check(text: string, file: string, corpus: Corpus, options: CheckOptions = {}, cacheKey = ''): Finding[] {
    const steps = this.steps(text, file, corpus, options, cacheKey);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The same check a piece at a time: each `next()` checks one piece (or takes it from the cache),
   * so a caller can give its event loop back between pieces; the last returns the findings.
   * `cacheKey` names what else the options bring that JSON cannot show (an archive's state).
   */
  *steps(text: string, file: string, corpus: Corpus, options: CheckOptions = {}, cacheKey = ''): Generator<void, Finding[], void> {
    if (corpus !== this.corpus || corpus.generation !== this.generation) {
      this.cache.clear();
      this.corpus = corpus;
      this.generation = corpus.generation;
    }
    if (text.length > MAX_CHECKED_CHARS) return this.full(text, file, corpus, options);
    const format = options.format ?? 'markdown';
    const masked = maskProse(text, format);
    const introductions = firstIntroductions(readingText(text, masked)); // read as the extractor reads them
    const optionsKey = JSON.stringify({ ...options, format, archive: undefined, extract: undefined, only: undefined }) + cacheKey;
    const findings: Finding[] = [];
    let nlpChars = 0;
    for (const piece of piecesOf(text, masked)) {
      const { read, own } = piece;
      const prose = sliceOf(masked, read);
      const within = { before: read.start > 0, after: read.end < text.length };
      const slice = text.slice(read.start, read.end);
      const key = [
        optionsKey,
        +within.before,
        +within.after,
        own.start - read.start,
        own.end - read.start,
        slice,
        prose.text,
        prose.reading ?? '',
        JSON.stringify([prose.blockQuotes, prose.ignoreNext, prose.disabled]),
      ].join('\u0000');
      this.stats.pieces++;
      let result = this.cache.get(key);
      if (result && result.names.every(([name, before, answer]) => (introductions.get(name) ?? Infinity) <= before + read.start === answer)) {
        this.stats.hits++;
        this.cache.delete(key); // to the back of the LRU order
      } else {
        const names: PieceResult['names'] = [];
        const introduced = (name: string, before: number) => {
          const answer = (introductions.get(name) ?? Infinity) <= before + read.start;
          names.push([name, before, answer]);
          return answer;
        };
        const stats = { nlpChars: 0 };
        const from = own.start - read.start;
        const only = { start: from, end: own.end - read.start };
        const report = checkText(slice, file, corpus, { ...options, format, only, extract: { masked: prose, within, introduced, stats } });
        const mine = report.findings.map((f) => shift(f, -from));
        result = { findings: mine, names, nlpChars: stats.nlpChars };
      }
      this.cache.set(key, result);
      if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
      nlpChars += result.nlpChars;
      for (const f of result.findings) findings.push(shift(f, own.start));
      yield;
    }
    // Each piece had compromise's whole budget; the full check has it once for the document.
    if (nlpChars > NLP_BUDGET) return this.full(text, file, corpus, options);
    const lines = new LineIndex(text);
    return findings.map((f) => ({ ...f, range: lines.range(f.span) }));
  }

  private full(text: string, file: string, corpus: Corpus, options: CheckOptions): Finding[] {
    this.stats.fullChecks++;
    return checkText(text, file, corpus, options).findings;
  }
}
