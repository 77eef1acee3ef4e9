import type { Token } from '../text/tokenize';
import { workDone } from '../work';

/** One step of an alignment between a quote's words and a statement's. */
export type AlignStep =
  | { op: 'match'; q: number; s: number }
  | { op: 'replace'; q: number; s: number }
  | { op: 'insert'; q: number } // a word the draft has and the source does not
  | { op: 'delete'; s: number } // a source word the draft dropped without an ellipsis
  | { op: 'skip'; q: number; s: number[] }; // an ellipsis, bracket or split between fragments standing for source words

export interface Alignment {
  cost: number;
  steps: AlignStep[];
  /** Token range of the statement that the quote covers: [sourceStart, sourceEnd). */
  sourceStart: number;
  sourceEnd: number;
  /** Quote words (not marks) that equal their source word. */
  matched: number;
  /** Words of the quote, marks excluded. */
  quoteWords: number;
  /** Longest quote prefix (in tokens) that aligns with no change: for stitched quotes. */
  exactPrefix: number;
}

/** A quote's tokens as word ids: `MARK` for an ellipsis or bracket; -1 for a word no statement has. */
export const MARK = -2;
/**
 * Where an attribution splits a quote (`“X,” she said, “Y”`): like `MARK` it stands for any
 * number of source words, but the writer does not claim the fragments are adjacent, so a
 * negation between them is no change ("She didn't go," he said, adding, "…").
 */
export const SPLIT = -3;
const isMarkId = (id: number) => id <= MARK;

// A word added to the draft costs more than one dropped from the source, so that "is at all"
// against "is not at all" reads as a dropped "not", not as an added "is" before a partial quote;
// two swapped words cost less as two replacements than as a drop and an add, so they read as a reorder.
const REPLACE = 5;
const INSERT = 7;
const DELETE = 4;

/**
 * Aligns a quote inside a statement: the whole quote against any stretch of the statement
 * (a partial quote costs nothing for the words around it). Edits cost by kind (above); an ellipsis,
 * a bracket or a split between fragments stands for any number of source words at no cost,
 * except that hiding a negation behind an ellipsis is a change, since it turns the meaning.
 *
 * Both sides are word ids (the corpus's vocabulary), so a candidate statement is aligned
 * from its stored ids, without reading or tokenizing its text; `isNegationId` tells which
 * source ids are negations.
 */
export function alignQuote(quote: ArrayLike<number>, source: ArrayLike<number>, isNegationId: (id: number) => boolean): Alignment {
  const m = quote.length;
  const n = source.length;
  const width = n + 1;
  const { cost, from, negation } = scratch((m + 1) * width, n);
  // 0 start, 1 diag, 2 up (quote word), 3 left (source word); row 0 is all starts at no cost.
  cost.fill(0, 0, width);
  from.fill(0, 0, width);
  // Which source words are negations matters only behind a mark.
  let hasMark = false;
  for (let i = 0; i < m; i++) if (quote[i] === MARK) hasMark = true;
  for (let j = 0; j < n; j++) negation[j] = hasMark && isNegationId(source[j]) ? 1 : 0;
  workDone.steps += m * (n + 1);
  fill(quote, source, negation, cost, from);
  let quoteWords = 0;
  for (let i = 0; i < m; i++) if (!isMarkId(quote[i])) quoteWords++;
  // Free end: the quote may stop anywhere in the statement.
  let endJ = 0;
  for (let j = 1; j <= n; j++) if (cost[m * width + j] < cost[m * width + endJ]) endJ = j;

  let exactPrefix = 0;
  for (let i = 1; i <= m; i++) {
    let rowMin = Infinity;
    for (let j = 0; j <= n; j++) rowMin = Math.min(rowMin, cost[i * width + j]);
    if (rowMin > 0) break;
    exactPrefix = i;
  }

  // Trace back.
  const steps: AlignStep[] = [];
  let i = m;
  let j = endJ;
  let pendingSkip: number[] = [];
  while (i > 0) {
    const dir = from[i * width + j];
    const isMark = isMarkId(quote[i - 1]);
    if (dir === 1) {
      steps.push({ op: quote[i - 1] === source[j - 1] ? 'match' : 'replace', q: i - 1, s: j - 1 });
      i--;
      j--;
    } else if (dir === 2) {
      if (isMark) steps.push({ op: 'skip', q: i - 1, s: pendingSkip.reverse() });
      else steps.push({ op: 'insert', q: i - 1 });
      pendingSkip = [];
      i--;
    } else {
      if (isMark && (negation[j - 1] === 0 || quote[i - 1] === SPLIT)) pendingSkip.push(j - 1);
      else steps.push({ op: 'delete', s: j - 1 });
      j--;
    }
  }
  steps.reverse();
  const sourceStart = j;
  // Deletions inside the covered range only: words before the quote's first word are not "dropped".
  const trimmed = trimEdgeDeletes(steps);
  let matched = 0;
  for (const s of trimmed) if (s.op === 'match') matched++;
  const firstS = trimmed.find((s) => s.op === 'match' || s.op === 'replace');
  return {
    cost: cost[m * width + endJ],
    steps: trimmed,
    sourceStart: firstS && 's' in firstS && typeof firstS.s === 'number' ? firstS.s : sourceStart,
    sourceEnd: endJ,
    matched,
    quoteWords,
    exactPrefix,
  };
}

/**
 * Fills the cost table (and where each cell's best came from) below row 0. On its own, small
 * and monomorphic: it is where alignment spends its time, and gets optimized early.
 */
function fill(quote: ArrayLike<number>, source: ArrayLike<number>, negation: Uint8Array, cost: Int32Array, from: Uint8Array): void {
  const m = quote.length;
  const n = source.length;
  const width = n + 1;
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1];
    const isMark = q <= MARK;
    // Only the writer's own ellipsis claims nothing of substance was left out.
    const negationCost = q === MARK ? DELETE : 0;
    const row = i * width;
    const up = row - width;
    cost[row] = cost[up] + (isMark ? 0 : INSERT);
    from[row] = 2;
    for (let j = 1; j <= n; j++) {
      const at = row + j;
      let best = cost[up + j] + (isMark ? 0 : INSERT);
      let dir = 2;
      if (!isMark) {
        const same = q === source[j - 1];
        const diag = cost[up + j - 1] + (same ? 0 : REPLACE);
        if (diag < best || (diag === best && same)) {
          best = diag;
          dir = 1;
        }
      }
      // A source word left out: free behind a mark (the mark absorbs it), a change otherwise.
      const left = cost[at - 1] + (isMark ? (negation[j - 1] === 1 ? negationCost : 0) : DELETE);
      if (left < best) {
        best = left;
        dir = 3;
      }
      cost[at] = best;
      from[at] = dir;
    }
  }
}

/**
 * The dynamic-programming tables, kept between calls: a quote is aligned against a dozen or
 * more statements, and fresh tables for each would be megabytes of garbage per draft.
 */
let tables = { cost: new Int32Array(4096), from: new Uint8Array(4096), negation: new Uint8Array(512) };

function scratch(cells: number, sourceWords: number): typeof tables {
  if (tables.cost.length < cells || tables.negation.length < sourceWords) {
    const size = Math.max(cells, tables.cost.length * 2);
    tables = { cost: new Int32Array(size), from: new Uint8Array(size), negation: new Uint8Array(Math.max(sourceWords, tables.negation.length * 2)) };
  }
  return tables;
}

/** Matched words written contracted on one side only ("won't" for "will not"): a minor change, so not an exact quote. */
export function contractionSwaps(alignment: Alignment, quote: Token[], source: Token[]): number {
  let swaps = 0;
  for (const s of alignment.steps) if (s.op === 'match' && quote[s.q].contracted !== source[s.s].contracted) swaps++;
  return swaps;
}

function trimEdgeDeletes(steps: AlignStep[]): AlignStep[] {
  let a = 0;
  let b = steps.length;
  while (a < b && steps[a].op === 'delete') a++;
  while (b > a && steps[b - 1].op === 'delete') b--;
  return steps.slice(a, b);
}
