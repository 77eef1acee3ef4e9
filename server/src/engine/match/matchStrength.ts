import type { Corpus } from '../corpus/corpus';
import type { Token } from '../text/tokenize';
import type { Alignment } from './align';
import type { SourceRun } from './sourceRun';
import { isFunctionWord } from './wordClasses';

/** Context words rarer than one statement in eight: "the", "said", "people" tell nothing of where a quote comes from. */
const CONTEXT_MIN_BITS = 3;

/**
 * What a corpus of one interview cannot tell: how common a word is in speech at large. Its
 * share of statements is read as if `PRIOR_STATEMENTS` more statements stood beside the
 * corpus, in which a function word turns up one time in four and any other word one in 500.
 * A large corpus speaks for itself; a small one borrows the prior.
 */
const PRIOR_STATEMENTS = 1000;
const PRIOR_FUNCTION_WORD = 0.25;
const PRIOR_OTHER_WORD = 0.002;

/** The distinctiveness of a word in `corpus`, in bits, with the prior above: what quotes and claims weigh their evidence by. */
export function wordBits(corpus: Corpus, wordId: number, norm: string): number {
  const prior = PRIOR_STATEMENTS * (isFunctionWord(norm) ? PRIOR_FUNCTION_WORD : PRIOR_OTHER_WORD);
  return Math.log2((corpus.statementCount + PRIOR_STATEMENTS) / (corpus.statementsWithWord(wordId) + prior));
}

/**
 * How strongly a quote matches a statement (SPEC §5, "Evidence before accusation"): each of
 * the quote's words weighs its distinctiveness, -log2 of its share of the statements (with
 * the prior above), in bits. "the" weighs almost nothing, a name or a rare word around log2
 * of the corpus size. The evidence of a match is the weight of the quote's words
 * that stand in the statement in order (the alignment's matches): "I'm a big fan of Paul"
 * shares "I'm a big … of" with "I'm a big proponent of …", a few bits, where a distinctive
 * sentence quoted whole carries dozens.
 */
export class MatchWeights {
  /** Bits per quote position (0 for editing marks). */
  readonly perWord: Float64Array;
  /** Bits of the whole quote. */
  readonly total: number;

  constructor(
    private readonly corpus: Corpus,
    ids: Int32Array,
    quote: Token[],
  ) {
    this.perWord = new Float64Array(ids.length);
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < -1) continue;
      this.perWord[i] = this.bitsOf(ids[i], quote[i].norm);
      total += this.perWord[i];
    }
    this.total = total;
  }

  /** Bits of a word (its id, -1 when no statement has it, and its matching key). */
  bitsOf(wordId: number, norm: string): number {
    return wordBits(this.corpus, wordId, norm);
  }

  /** Bits of the quote's words the alignment matches. */
  matched(alignment: Alignment): number {
    let bits = 0;
    for (const step of alignment.steps) if (step.op === 'match') bits += this.perWord[step.q];
    return bits;
  }

  /** Bits of quote positions [from, to). */
  span(from: number, to: number): number {
    let bits = 0;
    for (let i = from; i < to; i++) bits += this.perWord[i];
    return bits;
  }

  /**
   * Support from the draft's context, beyond chance: the bits of distinct, uncommon context
   * words that the statement holds outside the quoted words ("families … file lawsuits. “They
   * sue,” he said. “Everybody sues, right?”" against a statement with "everybody sues, right"),
   * less the bits a statement of that length would hold by chance (a word in one statement of
   * 2^b, in a statement k times the average length, is there by chance about k/2^b of the time).
   * A long debate answer holds a few of any paragraph's words; the statement a writer
   * paraphrases around the quote holds many, and rare ones.
   */
  contextSupport(context: Token[], run: SourceRun, alignment: Alignment): number {
    const wanted = new Map<number, number>();
    for (const t of context) {
      const id = this.corpus.wordId(t.norm);
      if (id < 0 || wanted.has(id)) continue;
      const bits = this.bitsOf(id, t.norm);
      if (bits >= CONTEXT_MIN_BITS) wanted.set(id, bits);
    }
    if (wanted.size === 0) return 0;
    const words = run.words;
    const outside = words.length - (alignment.sourceEnd - alignment.sourceStart);
    const scale = outside / this.corpus.averageStatementWords();
    let chance = 0;
    for (const bits of wanted.values()) chance += bits * Math.min(1, scale * 2 ** -bits);
    let support = 0;
    for (let j = 0; j < words.length; j++) {
      if (j >= alignment.sourceStart && j < alignment.sourceEnd) continue;
      const bits = wanted.get(words[j]);
      if (bits !== undefined) {
        support += bits;
        wanted.delete(words[j]);
      }
    }
    return support - chance;
  }
}
