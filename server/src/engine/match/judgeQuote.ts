import type { Change, Severity, Verdict } from '../types';
import type { Token } from '../text/tokenize';
import type { Corpus } from '../corpus/corpus';
import { alignQuote, contractionSwaps, MARK, type Alignment } from './align';
import { describeChanges } from './changes';
import { isNegation } from './wordClasses';
import { CONTRACTIONS } from '../text/contractions';

/** How a quote fares against the corpus, before it is placed in a document. */
export interface Judgement {
  verdict: Verdict;
  /** Severity the verdict itself implies; `altered` carries the severity of its worst change. */
  severity: Severity;
  statementId: number | null;
  otherStatementIds: number[];
  changes: Change[];
  /** What changed, in a copy editor's words ("draft drops “not” (negation)"). */
  changeSummary: string;
  /** For `misattributed`: the speaker the words belong to. */
  realSpeakerId: number | null;
  /** True for one to three words: too short to call anything but verified or missing. */
  short: boolean;
}

/** Quotes of this many words or fewer are common phrases as often as quotations. */
const SHORT_QUOTE_WORDS = 3;
/** Statements aligned per quote, and the wider net searched for the named speaker's own. */
const CANDIDATES = 12;
const WIDE_CANDIDATES = 400;
const CLOSE_SHARE = 0.67;

interface Scored {
  id: number;
  alignment: Alignment;
  /** Contraction swaps, counted once when asked for. */
  swaps?: number;
}

/** A quote as the corpus's word ids, and the test for negation ids: what alignment reads. */
interface QuoteIds {
  ids: Int32Array;
  isNegationId: (id: number) => boolean;
}

/**
 * Decides a quote's verdict (SPEC §5). `speakerId` is the corpus speaker the draft names,
 * `null` when the draft names someone the corpus does not know, `undefined` when it names no one.
 */
export function judgeQuote(corpus: Corpus, quote: Token[], quoteText: string, speakerId: number | null | undefined): Judgement {
  const words = quote.filter((t) => !t.gap && !t.bracket).length;
  const short = words <= SHORT_QUOTE_WORDS;
  const base = { otherStatementIds: [], changes: [], changeSummary: '', realSpeakerId: null, short };
  // The best-ranked statements, plus the named speaker's own among a wider net: a common
  // phrase must still be found in the mouth of the person the draft names.
  const ownId = speakerId == null ? () => false : corpus.speakerTest(speakerId);
  const { top, kept: speakerOwn } = corpus.rank(quote, CANDIDATES, speakerId == null ? undefined : { within: WIDE_CANDIDATES, limit: CANDIDATES, keep: ownId });
  const ids: QuoteIds = {
    ids: quoteWordIds(corpus, quote),
    isNegationId: (id) => isNegation(corpus.wordOf(id)),
  };
  const pairs = expansionPairsOf(corpus);
  const exact = (s: Scored) => s.alignment.cost === 0 && s.alignment.matched > 0 && (s.swaps ??= swapsOf(corpus, s, quote, pairs)) === 0;
  const isOwn = (s: Scored) => ownId(s.id);
  // The named speaker's statements first: a faithful quote, the common case, stops the search
  // at its source, without reading and aligning the others.
  const order = [...top.filter(ownId), ...speakerOwn, ...top.filter((id) => !ownId(id))];
  const scored: Scored[] = [];
  for (const id of order) {
    const s = { id, alignment: alignQuote(ids.ids, corpus.wordIdsOf(id), ids.isNegationId) };
    scored.push(s);
    if (exact(s) && isOwn(s) && !negationBefore(corpus, s)) return { ...base, verdict: 'verified', severity: 'none', statementId: id };
  }
  // Two words in three must stand in the source for a quote to be a changed version of it.
  const close = (s: Scored) => !short && s.alignment.matched / Math.max(1, s.alignment.quoteWords) >= CLOSE_SHARE;
  const byCost = (a: Scored, b: Scored) => a.alignment.cost - b.alignment.cost || b.alignment.matched - a.alignment.matched || a.id - b.id;
  scored.sort(byCost);

  if (speakerId === undefined) {
    const best = scored.find(exact) ?? scored.find(close);
    return { ...base, verdict: 'unattributed', severity: 'information', statementId: best?.id ?? null };
  }
  const ownExact = scored.find((s) => exact(s) && isOwn(s));
  if (ownExact) {
    const negation = negationBefore(corpus, ownExact);
    if (negation) {
      return { ...base, verdict: 'altered', severity: 'error', statementId: ownExact.id, changes: [{ op: 'delete', draft: '', source: negation }], changeSummary: `“${negation}” dropped just before the quote (negation)` };
    }
    return { ...base, verdict: 'verified', severity: 'none', statementId: ownExact.id };
  }

  const otherExact = scored.find((s) => exact(s) && !isOwn(s));
  if (otherExact && !short) {
    return { ...base, verdict: 'misattributed', severity: 'error', statementId: otherExact.id, realSpeakerId: corpus.speakerOf(otherExact.id) };
  }

  // One statement that explains the quote but for a word or two is an alteration, not a stitch:
  // a changed word in the middle leaves a front and a back that each match somewhere.
  const nearlyOne = scored.some((s) => close(s) && s.alignment.quoteWords - s.alignment.matched <= 2);
  const stitched = nearlyOne ? null : findStitch(corpus, ids, scored);
  if (stitched) {
    const ids = [stitched.first, stitched.second];
    const own = ids.every((id) => speakerId !== null && corpus.speakers.same(corpus.speakerOf(id), speakerId));
    return { ...base, verdict: 'stitched', severity: 'error', statementId: ids[0], otherStatementIds: [ids[1]], realSpeakerId: own ? null : corpus.speakerOf(ids[1]) };
  }

  const ownClose = scored.find((s) => close(s) && isOwn(s));
  if (ownClose) {
    const described = describeChanges(ownClose.alignment, quote, quoteText, corpus.tokensOf(ownClose.id), corpus.statement(ownClose.id).text);
    return { ...base, verdict: 'altered', severity: described.severity === 'none' ? 'warning' : described.severity, statementId: ownClose.id, changes: described.changes, changeSummary: described.summary };
  }
  const otherClose = scored.find((s) => close(s) && !isOwn(s));
  if (otherClose) {
    const described = describeChanges(otherClose.alignment, quote, quoteText, corpus.tokensOf(otherClose.id), corpus.statement(otherClose.id).text);
    return { ...base, verdict: 'misattributed', severity: 'error', statementId: otherClose.id, changes: described.changes, changeSummary: described.summary, realSpeakerId: corpus.speakerOf(otherClose.id) };
  }
  return { ...base, verdict: 'missing', severity: short ? 'information' : 'warning', statementId: null };
}

/** A quote's tokens as the corpus's word ids, `MARK` for an ellipsis, a bracket or a split (what alignment reads). */
export function quoteWordIds(corpus: Corpus, quote: Token[]): Int32Array {
  return Int32Array.from(quote, (t) => (t.gap || t.bracket ? MARK : corpus.wordId(t.norm)));
}

const expansionPairsMemo = new WeakMap<Corpus, { generation: number; pairs: Set<number> }>();

/** `expansionPairs`, worked out again only when the corpus changed (a new file may bring those words). */
function expansionPairsOf(corpus: Corpus): Set<number> {
  let memo = expansionPairsMemo.get(corpus);
  if (!memo || memo.generation !== corpus.generation) {
    memo = { generation: corpus.generation, pairs: expansionPairs(corpus) };
    expansionPairsMemo.set(corpus, memo);
  }
  return memo.pairs;
}

/** Word-id pairs a contraction expands to ("will not" for "won't"), as `first * 2^32 + second`. */
function expansionPairs(corpus: Corpus): Set<number> {
  const pairs = new Set<number>();
  for (const expanded of Object.values(CONTRACTIONS)) {
    const [first, second] = expanded.split(' ').map((w) => corpus.wordId(w));
    if (first >= 0 && second >= 0) pairs.add(first * 2 ** 32 + second);
  }
  return pairs;
}

/**
 * Contraction swaps of a word-for-word match. Contractions are not in the word ids ("won't"
 * and "will not" are both will, not), so the statement is tokenized to count them, unless
 * none of its matched words stands in a pair a contraction expands to: then none of them was
 * written contracted, and the swaps are the quote's contracted words.
 */
function swapsOf(corpus: Corpus, s: Scored, quote: Token[], pairs: Set<number>): number {
  const words = corpus.wordIdsOf(s.id);
  const inPair = (j: number) => (j > 0 && pairs.has(words[j - 1] * 2 ** 32 + words[j])) || (j + 1 < words.length && pairs.has(words[j] * 2 ** 32 + words[j + 1]));
  let quoteContracted = 0;
  for (const step of s.alignment.steps) {
    if (step.op !== 'match') continue;
    if (inPair(step.s)) return contractionSwaps(s.alignment, quote, corpus.tokensOf(s.id));
    if (quote[step.q].contracted !== undefined) quoteContracted++;
  }
  return quoteContracted;
}

/** A partial quote that starts right after "not" says the opposite of its source. */
function negationBefore(corpus: Corpus, s: Scored): string | null {
  const at = s.alignment.sourceStart - 1;
  const words = corpus.wordIdsOf(s.id);
  if (at < 0 || at >= words.length || !isNegation(corpus.wordOf(words[at]))) return null;
  const before = corpus.tokensOf(s.id)[at];
  return corpus.statement(s.id).text.slice(before.start, before.end);
}

/**
 * A quote whose front matches one statement exactly and whose back matches another: two
 * fragments joined without an ellipsis. Needs at least two words on each side.
 */
function findStitch(corpus: Corpus, quote: QuoteIds, scored: Scored[]): { first: number; second: number } | null {
  const m = quote.ids.length;
  if (m < 4) return null;
  const reversed = quote.ids.slice().reverse();
  let best: { first: number; second: number; total: number } | null = null;
  const prefixes = scored.filter((s) => s.alignment.exactPrefix >= 2);
  if (prefixes.length === 0) return null;
  for (const b of scored) {
    const suffix = alignQuote(reversed, corpus.wordIdsOf(b.id).slice().reverse(), quote.isNegationId).exactPrefix;
    if (suffix < 2) continue;
    for (const a of prefixes) {
      if (a.id === b.id) continue;
      const total = a.alignment.exactPrefix + suffix;
      if (total >= m && (!best || total > best.total)) best = { first: a.id, second: b.id, total };
    }
  }
  return best && { first: best.first, second: best.second };
}
