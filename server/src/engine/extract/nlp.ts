// compromise, English NLP, for the few words around a cue or a speaker phrase: loaded on first
// use and held to a budget of characters per extraction (ARCHITECTURE.md, invariants).

import type Nlp from 'compromise';

/** compromise takes ~230 ms to load: loaded on the first pronoun or name that needs it, not at server start. */
let nlpModule: typeof Nlp | undefined;
/**
 * Characters compromise may read in one extraction (~5,000 words, ~0.25 s): it is the fallback
 * for a pronoun with no cue-named speaker before it, and a pasted log of thousands of "he said"
 * must not cost minutes. Past the budget such pronouns stay unresolved (unattributed).
 */
export const NLP_BUDGET = 30000;
let nlpBudgetLeft = NLP_BUDGET;
/** compromise's reading of `text`, or null once the budget is spent: then it is not called at all, since even an empty document costs a match compile per call. */
export function nlp(text: string): ReturnType<typeof Nlp> | null {
  nlpBudgetLeft -= text.length;
  if (nlpBudgetLeft < 0) return null;
  return compromise()(text);
}

function compromise(): typeof Nlp {
  if (!nlpModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (ARCHITECTURE.md)
    const m = require('compromise') as typeof Nlp & { default?: typeof Nlp };
    nlpModule = m.default ?? m;
  }
  return nlpModule;
}

let lexicon: Record<string, string | undefined> | undefined;
/** compromise's lexicon entry for a word (its tag: 'MaleName', 'FemaleName', 'FirstName', …): a table lookup, no tagging, outside the budget. */
export function lexiconTag(word: string): string | undefined {
  lexicon ??= (compromise() as unknown as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
  return lexicon[word.toLowerCase()];
}

/** A new extraction starts with the whole budget. */
export function resetNlpBudget(): void {
  nlpBudgetLeft = NLP_BUDGET;
}

/** Characters compromise has read since the budget was reset. */
export function nlpCharsUsed(): number {
  return NLP_BUDGET - nlpBudgetLeft;
}
