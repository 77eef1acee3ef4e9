// What a copy editor gets beside a verdict: the proven fixes and the word diff against the
// source statement, both read from the judge's alignment of the quote with that statement.
import type { Corpus } from '../corpus/corpus';
import type { DiffSegment, ExtractedQuote, Fix, Verdict } from '../types';
import type { Token } from '../text/tokenize';
import { alignWithStatement } from './alignedQuote';
import { attributionFix } from './attribution';
import { diffSegments } from './diff';
import { sourceWordsFix } from './sourceWords';

export interface Revision {
  fixes: Fix[];
  diff: DiffSegment[] | null;
}

/**
 * Fixes and diff of a quote (`tokens` offsets into `text`) judged `verdict` against statement
 * `statementId`; `exact` says the words matched it with no change (a misattribution's words).
 */
export function reviseQuote(corpus: Corpus, text: string, quote: ExtractedQuote, tokens: Token[], verdict: Verdict, statementId: number | null, exact: boolean): Revision {
  if (statementId === null || verdict === 'stitched' || verdict === 'verified') return { fixes: [], diff: null };
  const aligned = alignWithStatement(corpus, text, tokens, statementId);
  const fixes: Fix[] = [];
  const anchor = quote.span.start;
  if (verdict === 'altered') {
    const fix = sourceWordsFix(corpus, text, quote.fragments, aligned, statementId, anchor);
    if (fix) fixes.push(fix);
  }
  if (verdict === 'misattributed' && exact) {
    const fix = attributionFix(corpus, text, quote, statementId, anchor);
    if (fix) fixes.push(fix);
  }
  const differs = aligned.runs.length > 0 || aligned.negationBefore !== null;
  return { fixes, diff: differs ? diffSegments(aligned) : null };
}
