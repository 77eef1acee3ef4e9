// A quote read word by word against the one statement its verdict names: the judge's own
// alignment, turned into runs of changes with their places in both texts. The fixes and the
// word diff are made from it, so they show exactly what the judge saw, no second opinion.
import type { Corpus } from '../corpus/corpus';
import type { Token } from '../text/tokenize';
import { alignQuote, type Alignment, type AlignStep } from '../match/align';
import { quoteWordIds } from '../match/judgeQuote';
import { isNegation } from '../match/wordClasses';

/** Consecutive words that differ: the draft's (`draft`) where the source has `source`. */
export interface ChangeRun {
  draft: Token[];
  source: Token[];
  /** The steps around the run (a matched word, a mark, or null at the quote's edge). */
  before: AlignStep | null;
  after: AlignStep | null;
}

export interface AlignedQuote {
  alignment: Alignment;
  quote: Token[];
  source: Token[];
  sourceText: string;
  /** The text the quote's tokens are offsets into (the draft). */
  draftText: string;
  runs: ChangeRun[];
  /** A negation standing right before the quoted words in the source ("is not │at all"). */
  negationBefore: Token | null;
}

/** Whether a matched pair is written contracted on one side only ("won't" for "will not"). */
export function contractedOnOneSide(step: AlignStep, quote: Token[], source: Token[]): boolean {
  return step.op === 'match' && quote[step.q].contracted !== source[step.s].contracted;
}

/** Aligns `quote` (tokens with offsets into `draftText`) with statement `statementId`. */
export function alignWithStatement(corpus: Corpus, draftText: string, quote: Token[], statementId: number): AlignedQuote {
  const isNegationId = (id: number) => isNegation(corpus.wordOf(id));
  const alignment = alignQuote(quoteWordIds(corpus, quote), corpus.wordIdsOf(statementId), isNegationId);
  const source = corpus.tokensOf(statementId);
  const sourceText = corpus.statement(statementId).text;
  const runs: ChangeRun[] = [];
  let open: ChangeRun | null = null;
  let previous: AlignStep | null = null;
  for (const step of alignment.steps) {
    const kept = (step.op === 'match' && !contractedOnOneSide(step, quote, source)) || step.op === 'skip';
    if (kept) {
      if (open) {
        open.after = step;
        runs.push(open);
        open = null;
      }
      previous = step;
      continue;
    }
    open ??= { draft: [], source: [], before: previous, after: null };
    if ('q' in step) open.draft.push(quote[step.q]);
    if ('s' in step && typeof step.s === 'number') open.source.push(source[step.s]);
  }
  if (open) runs.push(open);
  const first = alignment.steps[0];
  const at = alignment.sourceStart - 1;
  const negationBefore = first && first.op === 'match' && at >= 0 && at < source.length && isNegation(source[at].norm) ? source[at] : null;
  return { alignment, quote, source, sourceText, draftText, runs, negationBefore };
}
