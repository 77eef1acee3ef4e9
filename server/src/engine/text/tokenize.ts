import type { Span } from '../types';
import { CONTRACTIONS } from './contractions';
import { workDone } from '../work';

/**
 * A word of text, with its place in the original string and the form used for matching.
 * Matching compares `norm`, so quote, apostrophe, dash and case forms never count as changes.
 */
export interface Token {
  norm: string;
  start: number;
  end: number;
  /** An ellipsis: the writer marked omitted words here. */
  gap?: boolean;
  /** With `gap`: where an attribution splits a quote into fragments of one remark (“X,” she said, “Y”). */
  split?: boolean;
  /** A square-bracketed insertion or replacement ("[Blinken]"): stands for zero or more source words. */
  bracket?: boolean;
  /** The contraction this word was read from ("won't" for "will" and "not"); both span the whole word. */
  contracted?: string;
}

// Letters and digits of any script, with internal apostrophes ("don't", "Israel's")
// and numbers with separators ("1,000", "3.5"). Hyphens and dashes split words, so
// "75-year-old" and "75 year old" read the same.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu;
const ELLIPSIS = /\.\s?\.\s?\.|…/g;
const BRACKET = /\[[^\]\n]{0,80}\]/g;

/** Lowercase, one apostrophe form, no accents: the matching key of a word. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’ʼ]/g, "'").normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words of a source or draft text, for indexing and alignment. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    workDone.steps++;
    const norm = normalizeWord(m[0]);
    const start = offset + m.index;
    const end = start + m[0].length;
    const expanded = CONTRACTIONS[norm];
    if (expanded) for (const word of expanded.split(' ')) tokens.push({ norm: word, start, end, contracted: norm });
    else tokens.push({ norm, start, end });
  }
  return tokens;
}

/**
 * Words of a quote, reading the writer's editing marks (SPEC §4): an ellipsis becomes a
 * gap token, a bracketed insertion a bracket token, and "[sic]" disappears.
 */
export function tokenizeQuote(text: string, offset = 0): Token[] {
  const marks: Array<{ span: Span; kind: 'gap' | 'bracket' | 'sic' }> = [];
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(text); m; m = ELLIPSIS.exec(text)) {
    marks.push({ span: { start: m.index, end: m.index + m[0].length }, kind: 'gap' });
  }
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
    const inner = m[0].slice(1, -1).trim().toLowerCase();
    marks.push({ span: { start: m.index, end: m.index + m[0].length }, kind: inner === 'sic' ? 'sic' : 'bracket' });
  }
  marks.sort((a, b) => a.span.start - b.span.start);

  const tokens: Token[] = [];
  let cursor = 0;
  const wordsUpTo = (end: number) => {
    if (end > cursor) tokens.push(...tokenize(text.slice(cursor, end), offset + cursor));
  };
  for (const mark of marks) {
    if (mark.span.start < cursor) continue; // overlapping marks: the first wins
    wordsUpTo(mark.span.start);
    const span = { start: offset + mark.span.start, end: offset + mark.span.end };
    if (mark.kind === 'gap') tokens.push({ norm: '…', ...span, gap: true });
    else if (mark.kind === 'bracket') tokens.push({ norm: '[]', ...span, bracket: true });
    cursor = mark.span.end;
  }
  wordsUpTo(text.length);
  return tokens;
}

/** The words of a quote's fragments, with a split between fragments standing for omitted words. */
export function quoteTokens(text: string, fragments: Span[]): Token[] {
  const tokens: Token[] = [];
  fragments.forEach((f, i) => {
    // Fragments split by an attribution are parts of one remark, not claimed to stand side by side.
    if (i > 0) tokens.push({ norm: '…', start: f.start, end: f.start, gap: true, split: true });
    tokens.push(...tokenizeQuote(text.slice(f.start, f.end), f.start));
  });
  return tokens;
}

/** The words only, for display and keys. */
export function wordsOf(tokens: Token[]): string[] {
  return tokens.filter((t) => !t.gap && !t.bracket).map((t) => t.norm);
}

/** Words as written, joined by spaces; the two tokens of a contraction share one written word. */
export function surfaceWords(tokens: readonly Token[], text: string): string {
  const words: string[] = [];
  let lastStart = -1;
  for (const t of tokens) {
    if (t.start === lastStart) continue;
    lastStart = t.start;
    words.push(text.slice(t.start, t.end));
  }
  return words.join(' ');
}
