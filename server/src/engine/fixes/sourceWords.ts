// "Replace with the source's words": each run of changed words in the quote is replaced by the
// source's words in its place, and nothing else is touched, so the draft keeps its quotation
// marks, the punctuation at the quote's edges, its ellipses and brackets, and its attribution.
// The fix is then proven: the fixed quote is aligned with the same statement again and must
// match it word for word. A fix that does not is never offered.
import type { Corpus } from '../corpus/corpus';
import type { Fix, Span } from '../types';
import { quoteTokens, type Token } from '../text/tokenize';
import type { AlignStep } from '../match/align';
import { alignWithStatement, type AlignedQuote, type ChangeRun } from './alignedQuote';

interface Edit {
  span: Span;
  newText: string;
}

/** Text a fix may not bring into a quote: a quotation mark or a line break would re-shape the quote, a mark would be read as an edit. */
const UNSAFE = /["“”„‟«»\n\r[\]…]|\.\s?\.\s?\./;

/**
 * The source-words fix of a quote (its fragments, offsets into `text`, aligned with statement
 * `statementId`), with edits relative to `anchor` (the finding's start), or null.
 */
export function sourceWordsFix(corpus: Corpus, text: string, fragments: Span[], aligned: AlignedQuote, statementId: number, anchor: number): Fix | null {
  const quote = aligned.quote;
  const edits: Edit[] = [];
  for (const run of aligned.runs) {
    const edit = runEdit(run, aligned);
    if (!edit) return null;
    edits.push(edit);
  }
  if (aligned.negationBefore) {
    const edit = negationEdit(aligned);
    if (!edit) return null;
    edits.unshift(edit);
  }
  if (edits.length === 0) return null;
  const first = fragments[0].start;
  for (const edit of edits) {
    if (UNSAFE.test(edit.newText)) return null;
    if (!fragments.some((f) => edit.span.start >= f.start && edit.span.end <= f.end)) return null;
    // The quote's first letter keeps the draft's case (an editing convention, SPEC §4).
    if (edit.span.start === firstWordStart(quote, first)) edit.newText = withCaseOf(text.charAt(edit.span.start), edit.newText);
  }
  for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) return null;
  if (!provenExact(corpus, text, fragments, edits, statementId)) return null;
  return {
    kind: 'sourceWords',
    title: titleOf(text, edits),
    edits: edits.map((e) => ({ at: { start: e.span.start - anchor, end: e.span.end - anchor }, newText: e.newText })),
  };
}

/** The matched word pair of a step, or null for a mark, a split or the quote's edge. */
function keptWords(step: AlignStep | null, aligned: AlignedQuote): { q: Token; s: Token } | null {
  return step && step.op === 'match' ? { q: aligned.quote[step.q], s: aligned.source[step.s] } : null;
}

/**
 * A run's edit: between the matched words around it, the draft's text becomes the source's
 * (its words and the punctuation between them); at the quote's edge or next to a mark, only
 * the words themselves, so the draft's own punctuation there stays.
 */
function runEdit(run: ChangeRun, aligned: AlignedQuote): Edit | null {
  const left = keptWords(run.before, aligned);
  const right = keptWords(run.after, aligned);
  const d = run.draft;
  const s = run.source;
  const from = left ? left.q.end : d.length ? d[0].start : right?.q.start;
  const to = right ? right.q.start : d.length ? d[d.length - 1].end : left?.q.end;
  const sourceFrom = left ? left.s.end : s.length ? s[0].start : right?.s.start;
  const sourceTo = right ? right.s.start : s.length ? s[s.length - 1].end : left?.s.end;
  if (from === undefined || to === undefined || sourceFrom === undefined || sourceTo === undefined) return null;
  // Two words written as one ("don't" half matched): the run cannot be cut out of the word.
  if (from > to || sourceFrom > sourceTo || d.some((t) => t.start < from || t.end > to)) return null;
  return trimmed({ span: { start: from, end: to }, newText: aligned.sourceText.slice(sourceFrom, sourceTo) }, aligned.draftText);
}

/** The edit without the spaces and punctuation it would write back unchanged at its ends. */
function trimmed(edit: Edit, text: string): Edit {
  let { start, end } = edit.span;
  let newText = edit.newText;
  const same = (a: string, b: string) => a === b && /[^\p{L}\p{N}]/u.test(a);
  while (start < end && newText && same(text[start], newText[0])) {
    start++;
    newText = newText.slice(1);
  }
  while (end > start && newText && same(text[end - 1], newText[newText.length - 1])) {
    end--;
    newText = newText.slice(0, -1);
  }
  return { span: { start, end }, newText };
}

/** A partial quote that starts right after the source's "not": the fix takes the negation in. */
function negationEdit(aligned: AlignedQuote): Edit | null {
  const first = aligned.alignment.steps[0];
  if (!first || first.op !== 'match' || !aligned.negationBefore) return null;
  const word = aligned.quote[first.q];
  const sourceWord = aligned.source[first.s];
  return { span: { start: word.start, end: word.end }, newText: aligned.sourceText.slice(aligned.negationBefore.start, sourceWord.end) };
}

function firstWordStart(quote: Token[], fallback: number): number {
  const word = quote.find((t) => !t.gap && !t.bracket);
  return word ? word.start : fallback;
}

function withCaseOf(model: string, text: string): string {
  const c = text.charAt(0);
  if (model === model.toUpperCase() && model !== model.toLowerCase()) return c.toUpperCase() + text.slice(1);
  if (model === model.toLowerCase() && model !== model.toUpperCase()) return c.toLowerCase() + text.slice(1);
  return text;
}

/** Applies the edits and aligns the fixed quote with the statement again: it must match word for word. */
function provenExact(corpus: Corpus, text: string, fragments: Span[], edits: Edit[], statementId: number): boolean {
  let fixed = '';
  let cursor = 0;
  for (const e of edits) {
    fixed += text.slice(cursor, e.span.start) + e.newText;
    cursor = e.span.end;
  }
  fixed += text.slice(cursor);
  // Every edit lies inside one fragment: a fragment moves by the edits before it and grows by its own.
  const delta = (e: Edit) => e.newText.length - (e.span.end - e.span.start);
  const moved = fragments.map((f) => ({
    start: f.start + edits.filter((e) => e.span.start < f.start).reduce((n, e) => n + delta(e), 0),
    end: f.end + edits.filter((e) => e.span.start <= f.end).reduce((n, e) => n + delta(e), 0),
  }));
  const again = alignWithStatement(corpus, fixed, quoteTokens(fixed, moved), statementId);
  return again.alignment.cost === 0 && again.alignment.matched > 0 && again.runs.length === 0 && again.negationBefore === null;
}

function excerpt(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function titleOf(text: string, edits: Edit[]): string {
  if (edits.length > 1) return `Replace with the source's words (${edits.length} changes)`;
  const [e] = edits;
  const was = text.slice(e.span.start, e.span.end).trim();
  const now = e.newText.trim();
  if (!was) return `Replace with the source's words: add “${excerpt(now)}”`;
  if (!now) return `Replace with the source's words: drop “${excerpt(was)}”`;
  // A word taken in at the quote's start ("at" → "not at"): say only what comes in.
  if (now.length > was.length && now.toLowerCase().endsWith(' ' + was.toLowerCase())) return `Replace with the source's words: add “${excerpt(now.slice(0, now.length - was.length).trim())}”`;
  return `Replace with the source's words: “${excerpt(now)}” for “${excerpt(was)}”`;
}
