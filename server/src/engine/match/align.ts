import type { Token } from '../text/tokenize';
import { isNegation } from './wordClasses';
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
  /** Matched words written contracted on one side only ("won't" for "will not"): a minor change. */
  contractionSwaps: number;
}

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
 */
export function alignQuote(quote: Token[], source: Token[]): Alignment {
  const m = quote.length;
  const n = source.length;
  const width = n + 1;
  const cost = new Int32Array((m + 1) * width);
  const from = new Uint8Array((m + 1) * width); // 0 start, 1 diag, 2 up (quote word), 3 left (source word)
  workDone.steps += m * (n + 1);
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1];
    const isMark = q.gap || q.bracket;
    for (let j = 0; j <= n; j++) {
      const at = i * width + j;
      let best = cost[(i - 1) * width + j] + (isMark ? 0 : INSERT);
      let dir = 2;
      if (j > 0) {
        const s = source[j - 1];
        if (!isMark) {
          const diag = cost[(i - 1) * width + j - 1] + (q.norm === s.norm ? 0 : REPLACE);
          if (diag < best || (diag === best && q.norm === s.norm)) {
            best = diag;
            dir = 1;
          }
        }
        // A source word left out: free behind a mark (the mark absorbs it), a change otherwise.
        const leftCost = isMark ? (isNegation(s.norm) ? DELETE : 0) : DELETE;
        const left = cost[at - 1] + leftCost;
        if (left < best) {
          best = left;
          dir = 3;
        }
      }
      cost[at] = best;
      from[at] = dir;
    }
  }
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
    const q = quote[i - 1];
    const isMark = q.gap || q.bracket;
    if (dir === 1) {
      steps.push({ op: quote[i - 1].norm === source[j - 1].norm ? 'match' : 'replace', q: i - 1, s: j - 1 });
      i--;
      j--;
    } else if (dir === 2) {
      if (isMark) steps.push({ op: 'skip', q: i - 1, s: pendingSkip.reverse() });
      else steps.push({ op: 'insert', q: i - 1 });
      pendingSkip = [];
      i--;
    } else {
      if (isMark && !isNegation(source[j - 1].norm)) pendingSkip.push(j - 1);
      else steps.push({ op: 'delete', s: j - 1 });
      j--;
    }
  }
  steps.reverse();
  const sourceStart = j;
  // Deletions inside the covered range only: words before the quote's first word are not "dropped".
  const trimmed = trimEdgeDeletes(steps);
  let matched = 0;
  let contractionSwaps = 0;
  for (const s of trimmed) {
    if (s.op !== 'match') continue;
    matched++;
    if (quote[s.q].contracted !== source[s.s].contracted) contractionSwaps++;
  }
  const quoteWords = quote.filter((t) => !t.gap && !t.bracket).length;
  const firstS = trimmed.find((s) => s.op === 'match' || s.op === 'replace');
  return {
    cost: cost[m * width + endJ],
    steps: trimmed,
    sourceStart: firstS && 's' in firstS && typeof firstS.s === 'number' ? firstS.s : sourceStart,
    sourceEnd: endJ,
    matched,
    quoteWords,
    exactPrefix,
    contractionSwaps,
  };
}

function trimEdgeDeletes(steps: AlignStep[]): AlignStep[] {
  let a = 0;
  let b = steps.length;
  while (a < b && steps[a].op === 'delete') a++;
  while (b > a && steps[b - 1].op === 'delete') b--;
  return steps.slice(a, b);
}
