import type { Span } from '../types';
import { workDone } from '../work';
import { isCueVerb } from './lexicon';
import type { RuleId } from './rules';

/** One quotation found by its marks: fragments of quoted text (marks excluded) and where the marks stand. */
export interface QuotedSpan {
  /** From the first opening mark to the last closing mark (or paragraph end for a continued quote). */
  outer: Span;
  /** The quoted text, one fragment per paragraph it runs over. */
  fragments: Span[];
  block?: boolean;
  /** The rules of quotation marks that made it. */
  rules: RuleId[];
}

/** A reading a rule vetoed: where it stood and the rules that vetoed it. */
export interface VetoedReading {
  kind: 'quote' | 'claim';
  span: Span;
  rules: RuleId[];
}

type Role = 'open' | 'close' | 'either';

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:]/;

/** A transcript speaker's label opening a paragraph: "WALLACE: ", "SEN. ORTIZ: ". */
const TURN_LABEL = /^\s*(?:\p{Lu}[\p{Lu}.'’-]+\s){0,2}\p{Lu}[\p{Lu}.'’-]+:\s/u;

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

/** Straight (") or typographic (“ ” « » „): a quote of one style may hold a quote of the other. */
type Style = 'straight' | 'typographic';

interface Mark {
  at: number;
  role: Role;
  style?: Style;
}

function doubleMarks(text: string, para: Span): Mark[] {
  workDone.steps += para.end - para.start;
  const marks: Mark[] = [];
  let lastOpener = '';
  for (let i = para.start; i < para.end; i++) {
    const c = text[i];
    if (!(DOUBLE_OPEN.has(c) || DOUBLE_CLOSE.has(c) || c === '"')) continue;
    const style: Style = c === '"' ? 'straight' : 'typographic';
    if (isSpace(text[i - 1]) && isSpace(text[i + 1])) {
      // Space on both sides: a stray mark quotes nothing, except a closing mark set off after an
      // inner quote or the quote's last punctuation ("… term 'outreach,' " he said) and an
      // opening “ set off before its first word (“ You know, …”).
      const role = spacedMarkRole(text, i, para);
      if (role) marks.push({ at: i, role, style });
      continue;
    }
    // German style closes „ with “.
    if (c === '“' && lastOpener === '„' && roleByContext(text, i) === 'close') {
      marks.push({ at: i, role: 'close', style });
      lastOpener = '';
      continue;
    }
    if (DOUBLE_OPEN.has(c)) lastOpener = c;
    // An opening “ typed where the closing one belongs (“Mostly false.“ he said): it closes after a word.
    if (c === '“') marks.push({ at: i, role: roleByContext(text, i) === 'close' ? 'close' : 'open', style });
    else if (DOUBLE_OPEN.has(c)) marks.push({ at: i, role: 'open', style });
    else if (DOUBLE_CLOSE.has(c)) marks.push({ at: i, role: roleByContext(text, i) === 'open' && c === '”' ? 'open' : 'close', style });
    else marks.push({ at: i, role: roleByContext(text, i), style });
  }
  return marks;
}

/** The role of a double mark with space on both sides, or null for a stray one. */
function spacedMarkRole(text: string, i: number, para: Span): Role | null {
  const c = text[i];
  let b = i - 1;
  while (b > para.start && /\s/.test(text[b])) b--;
  let a = i + 1;
  while (a < para.end - 1 && /\s/.test(text[a])) a++;
  if ((c === '"' || c === '”') && b >= para.start && /['’,.!?]/.test(text[b]) && i - b <= 2) return 'close';
  if (c === '“' && a < para.end && /[\p{L}\p{N}…]/u.test(text[a]) && a - i <= 2) return 'open';
  return null;
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
  let open: Mark | null = null;
  // An opening mark of the other style inside an open quote starts a quote within it
  // ("The poll asked: “Is he fit?” and most said no"); only the outer quote is kept.
  let nestedOpen = false;
  for (const mark of marks) {
    if (open === null) {
      if (mark.role !== 'close') open = mark;
      continue;
    }
    const otherStyle = mark.style !== undefined && open.style !== undefined && mark.style !== open.style;
    if (nestedOpen) {
      if (otherStyle && mark.role !== 'open') nestedOpen = false;
      else if (!otherStyle && mark.role !== 'open') {
        // the outer quote closes with the inner one left open: the inner mark was a stray
        pairs.push([open.at, mark.at]);
        open = null;
        nestedOpen = false;
      }
      continue;
    }
    if (mark.role === 'open') {
      if (otherStyle && open.style === 'straight') {
        nestedOpen = true;
        continue;
      }
      open = mark; // the earlier mark was never closed: an unbalanced quote is dropped, not guessed at
      continue;
    }
    pairs.push([open.at, mark.at]);
    open = null;
  }
  return { pairs, unclosed: open?.at ?? null };
}

/**
 * Finds quotations in prose. Double marks (straight or typographic, in any mix) make the
 * quotes; single marks do only in paragraphs with no double marks (British style), since
 * elsewhere they are apostrophes or quotes within quotes. A quote left open at a paragraph's
 * end continues when the next paragraph opens with a mark, as news style writes it; when the
 * next one does not, the quote ran to its paragraph's end with the closing mark left out.
 * A transcript quoted turn by turn ("WALLACE: …", then "PENCE: …", each paragraph opened by a
 * mark and none closed) is one quote a turn: a new speaker's label ends the quote before it.
 */
export function findQuotedSpans(source: string, blockQuotes: Span[] = [], vetoed: VetoedReading[] = []): QuotedSpan[] {
  const text = readDoubledApostrophes(source);
  // the rules a quote opened at `open` was read by
  const opened = (open: number, single: boolean): RuleId[] => {
    const rules: RuleId[] = [single ? 'marks.single' : 'marks.double'];
    if (text[open] !== source[open]) rules.push('marks.doubled-apostrophes');
    return rules;
  };
  const quotes: QuotedSpan[] = [];
  let carried: QuotedSpan | null = null;
  // An unclosed quote whose text holds an attribution ("“We will rebuild it, Ruiz said.") lost
  // its closing mark somewhere inside: where is a guess, so it is dropped, not reported.
  const endCarried = () => {
    // (and one opened by a mark set off by a space, which may be a stray)
    const opensText = carried !== null && !isSpace(text[carried.outer.start + 1]);
    if (carried && opensText && carried.fragments.length > 0) {
      if (!carried.fragments.some((f) => holdsCue(text.slice(f.start, f.end)))) quotes.push({ ...carried, rules: [...carried.rules, 'marks.unclosed-to-end'] });
      else vetoed.push({ kind: 'quote', span: carried.outer, rules: [...carried.rules, 'marks.unclosed-holds-cue'] });
    }
    carried = null;
  };
  for (const para of paragraphsOf(text)) {
    if (blockQuotes.some((b) => para.start >= b.start && para.end <= b.end + 1)) {
      endCarried();
      continue;
    }
    let marks = doubleMarks(text, para);
    const single = marks.length === 0;
    if (single) marks = singleMarks(text, para);
    const opensWithMark = marks.length > 0 && marks[0].role !== 'close' && text.slice(para.start, marks[0].at).trim() === '';
    if (carried && opensWithMark && TURN_LABEL.test(text.slice(marks[0].at + 1, marks[0].at + 40))) (carried as QuotedSpan).rules.push('marks.turn-label');
    if (carried && (!opensWithMark || TURN_LABEL.test(text.slice(marks[0].at + 1, marks[0].at + 40)))) endCarried();
    const { pairs, unclosed } = pairMarks(marks);
    for (const [open, close] of pairs) {
      const inner = { start: open + 1, end: close };
      if (carried && open === marks[0].at) {
        carried.fragments.push(inner);
        carried.outer.end = close + 1;
        carried.rules.push('marks.continued');
        quotes.push(carried);
        carried = null;
        continue;
      }
      quotes.push({ outer: { start: open, end: close + 1 }, fragments: [inner], rules: opened(open, single) });
    }
    if (unclosed !== null) {
      const inner = { start: unclosed + 1, end: trimEnd(text, para.end) };
      // "(CROSSTALK)": a stage direction between turns is nobody's words
      const stageDirection = /^\s*\([^()]*\)[.\s]*$/.test(text.slice(inner.start, inner.end));
      if (carried && unclosed === marks[0].at) {
        if (!stageDirection) carried.fragments.push(inner);
        carried.outer.end = para.end;
        carried.rules.push(stageDirection ? 'marks.stage-direction' : 'marks.continued');
      } else {
        endCarried();
        const rules = opened(unclosed, single);
        if (stageDirection) rules.push('marks.stage-direction');
        carried = { outer: { start: unclosed, end: para.end }, fragments: stageDirection ? [] : [inner], rules };
      }
    } else if (carried) {
      carried = null; // continued but never closed: unbalanced, dropped
    }
  }
  endCarried();
  for (const block of blockQuotes) {
    let start = block.start;
    let end = trimEnd(text, block.end);
    while (start < end && /[\s"“„«]/.test(text[start])) start++;
    while (end > start && /[\s"”»]/.test(text[end - 1])) end--;
    if (end > start) quotes.push({ outer: { start: block.start, end: block.end }, fragments: [{ start, end }], block: true, rules: ['marks.block-quote'] });
  }
  return quotes.sort((a, b) => a.outer.start - b.outer.start);
}

/**
 * An attribution inside the quoted text: a short phrase after a comma that holds a verb of
 * saying and ends its clause ("…, Ruiz said.", "…, said Ana Ruiz, the mayor,").
 */
function holdsCue(quoted: string): boolean {
  const attribution = /[,—–]\s+((?:[\p{L}.'’-]+\s+){0,4}[\p{L}'’-]+)\s*(?:[.,;:]|$)/gu;
  for (let m = attribution.exec(quoted); m; m = attribution.exec(quoted)) {
    if (m[1].split(/\s+/).some((w) => isCueVerb(w))) return true;
    attribution.lastIndex = m.index + 1;
  }
  return false;
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
  return text.replace(/(?<!['’\p{L}])''(?=[\p{L}\p{N}‘'([$])|(?<=[^\s'])''(?!')/gu, (m, offset: number) => {
    const before = text[offset - 1];
    const opens = before === undefined || /[\s([{—–\-/:"“]/.test(before);
    return opens ? ' "' : '" ';
  });
}
