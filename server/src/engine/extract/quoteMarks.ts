import type { Span } from '../types';
import { workDone } from '../work';

/** One quotation found by its marks: fragments of quoted text (marks excluded) and where the marks stand. */
export interface QuotedSpan {
  /** From the first opening mark to the last closing mark (or paragraph end for a continued quote). */
  outer: Span;
  /** The quoted text, one fragment per paragraph it runs over. */
  fragments: Span[];
  block?: boolean;
}

type Role = 'open' | 'close' | 'either';

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:]/;

/** Paragraphs: runs of text separated by blank lines. */
export function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  const sep = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*/g;
  let start = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    if (m.index > start) spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

/** Decides from its neighbours whether a mark opens or closes. */
function roleByContext(text: string, i: number): Role {
  const before = text[i - 1];
  const after = text[i + 1];
  const opens = (before === undefined || OPEN_CONTEXT.test(before) || DOUBLE_OPEN.has(before)) && !isSpace(after);
  const closes = !isSpace(before) && (isSpace(after) || /[\p{P}]/u.test(after));
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

interface Mark {
  at: number;
  role: Role;
}

function doubleMarks(text: string, para: Span): Mark[] {
  workDone.steps += para.end - para.start;
  const marks: Mark[] = [];
  let lastOpener = '';
  for (let i = para.start; i < para.end; i++) {
    const c = text[i];
    if (!(DOUBLE_OPEN.has(c) || DOUBLE_CLOSE.has(c) || c === '"')) continue;
    // A mark with space on both sides quotes nothing: a stray, not a quotation mark.
    if (isSpace(text[i - 1]) && isSpace(text[i + 1])) continue;
    // German style closes „ with “.
    if (c === '“' && lastOpener === '„' && roleByContext(text, i) === 'close') {
      marks.push({ at: i, role: 'close' });
      lastOpener = '';
      continue;
    }
    if (DOUBLE_OPEN.has(c)) lastOpener = c;
    if (DOUBLE_OPEN.has(c)) marks.push({ at: i, role: 'open' });
    else if (DOUBLE_CLOSE.has(c)) marks.push({ at: i, role: roleByContext(text, i) === 'open' && c === '”' ? 'open' : 'close' });
    else if (c === '"') marks.push({ at: i, role: roleByContext(text, i) });
  }
  return marks;
}

function singleMarks(text: string, para: Span): Mark[] {
  const marks: Mark[] = [];
  for (let i = para.start; i < para.end; i++) {
    const c = text[i];
    if (!(SINGLE_OPEN.has(c) || SINGLE_CLOSE.has(c) || c === "'")) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    // An apostrophe sits between letters ("don't") or after a plural/decade ("parents'", "'90s").
    if (isWordChar(before) && isWordChar(after)) continue;
    const opens = (before === undefined || OPEN_CONTEXT.test(before) || DOUBLE_OPEN.has(before)) && isWordChar(after);
    const closes = !isSpace(before) && (isSpace(after) || /[\p{P}]/u.test(after)) && !isWordChar(after);
    if (opens && !/\d/.test(after ?? '')) marks.push({ at: i, role: 'open' });
    else if (closes) marks.push({ at: i, role: 'close' });
  }
  return marks;
}

/** Pairs marks within one paragraph. Returns quotes and, if one is left open at the end, its start. */
function pairMarks(marks: Mark[]): { pairs: Array<[number, number]>; unclosed: number | null } {
  const pairs: Array<[number, number]> = [];
  let open: number | null = null;
  for (const mark of marks) {
    if (open === null) {
      if (mark.role !== 'close') open = mark.at;
      continue;
    }
    if (mark.role === 'open') {
      open = mark.at; // the earlier mark was never closed: an unbalanced quote is dropped, not guessed at
      continue;
    }
    pairs.push([open, mark.at]);
    open = null;
  }
  return { pairs, unclosed: open };
}

/**
 * Finds quotations in prose. Double marks (straight or typographic, in any mix) make the
 * quotes; single marks do only in paragraphs with no double marks (British style), since
 * elsewhere they are apostrophes or quotes within quotes. A quote left open at a paragraph's
 * end continues when the next paragraph opens with a mark, as news style writes it.
 */
export function findQuotedSpans(source: string, blockQuotes: Span[] = []): QuotedSpan[] {
  const text = readDoubledApostrophes(source);
  const quotes: QuotedSpan[] = [];
  let carried: QuotedSpan | null = null;
  for (const para of paragraphsOf(text)) {
    if (blockQuotes.some((b) => para.start >= b.start && para.end <= b.end + 1)) {
      carried = null;
      continue;
    }
    let marks = doubleMarks(text, para);
    if (marks.length === 0) marks = singleMarks(text, para);
    const opensWithMark = marks.length > 0 && marks[0].role !== 'close' && text.slice(para.start, marks[0].at).trim() === '';
    if (carried && !opensWithMark) carried = null;
    const { pairs, unclosed } = pairMarks(marks);
    for (const [open, close] of pairs) {
      const inner = { start: open + 1, end: close };
      if (carried && open === marks[0].at) {
        carried.fragments.push(inner);
        carried.outer.end = close + 1;
        quotes.push(carried);
        carried = null;
        continue;
      }
      quotes.push({ outer: { start: open, end: close + 1 }, fragments: [inner] });
    }
    if (unclosed !== null) {
      const inner = { start: unclosed + 1, end: trimEnd(text, para.end) };
      if (carried && unclosed === marks[0].at) {
        carried.fragments.push(inner);
        carried.outer.end = para.end;
      } else {
        carried = { outer: { start: unclosed, end: para.end }, fragments: [inner] };
      }
    } else if (carried) {
      carried = null; // continued but never closed: unbalanced, dropped
    }
  }
  for (const block of blockQuotes) {
    let start = block.start;
    let end = trimEnd(text, block.end);
    while (start < end && /[\s"“„«]/.test(text[start])) start++;
    while (end > start && /[\s"”»]/.test(text[end - 1])) end--;
    if (end > start) quotes.push({ outer: { start: block.start, end: block.end }, fragments: [{ start, end }], block: true });
  }
  return quotes.sort((a, b) => a.outer.start - b.outer.start);
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * Two apostrophes standing for a double mark (''It is,'' she said — typewriter and newspaper
 * archive style) read as one straight double mark, the other apostrophe as a space, so that
 * every offset stays where it was: an opening pair becomes ` "`, a closing pair `" `.
 */
export function readDoubledApostrophes(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/(?<!['’\p{L}])''(?=[\p{L}\p{N}‘'(\[$])|(?<=[^\s'])''(?!')/gu, (m, offset: number) => {
    const before = text[offset - 1];
    const opens = before === undefined || /[\s(\[{—–\-/:"“]/.test(before);
    return opens ? ' "' : '" ';
  });
}
