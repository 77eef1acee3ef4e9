import type { Verdict, Severity } from '../types';
import type { Corpus } from '../corpus/corpus';
import { tokenize, type Token } from '../text/tokenize';
import { isFunctionWord, isModal, isNegation } from '../match/wordClasses';
import { isCueVerb } from '../extract/lexicon';
import { stem } from './stem';
import { synonymsOf } from './synonyms';
import { wordBits } from '../match/matchStrength';

/** How an attributed claim (indirect speech) fares against the speaker's statements. */
export interface ClaimJudgement {
  verdict: Extract<Verdict, 'supported' | 'misattributed' | 'missing' | 'unattributed'>;
  severity: Severity;
  /** The statement that supports the claim, or the closest one. */
  statementId: number | null;
  /** The next closest statements, for the hover. */
  closestIds: number[];
  realSpeakerId: number | null;
  /** Content words of the claim that no statement bears out. */
  unsupported: string[];
}

/** Share of a claim's content words a statement must bear out (same stem or a synonym). */
const SUPPORT_SHARE = 0.6;
/**
 * Another speaker's statement says the same thing (SPEC §5: no accusation on a loose match) only
 * when it bears out nearly all of a claim of some length, its distinctive words included: words
 * weighed by how few statements hold them, as quotes' are.
 */
const SAME_THING_SHARE = 0.85;
const SAME_THING_WORDS = 4;
/**
 * And the passage carries the evidence a changed quote needs to be a statement's (judgeQuote's
 * ALTER_BITS): a claim is the statement in other words. "Women … vote for Hillary Clinton" is
 * four words every campaign's statements hold, no sign of who said it.
 */
const SAME_THING_BITS = 24;
const CANDIDATES = 60;

/** Figures that must agree: "40", "3.5", "million", "percent" (not "the two" who met). */
function isQuantity(word: string): boolean {
  return /\d/.test(word) || /^(?:hundred|thousand|million|billion|trillion|percent)$/.test(word);
}

interface ClaimWord {
  norm: string;
  /** How distinctive the word is in the corpus, in bits (see match/matchStrength.ts). */
  bits: number;
  stem: string;
  name: boolean;
  number: boolean;
  /** Its WordNet synonyms, each with its stem (none for names and numbers, which must appear as they are). */
  synonyms: Array<[string, string]>;
}

/** The words a claim stands on: not function words, negations (checked apart), cue verbs, nor modals ("will" reported as "would"). */
function contentWords(text: string, corpus: Corpus): ClaimWord[] {
  return tokenize(text)
    .filter((t) => !isFunctionWord(t.norm) && !isNegation(t.norm) && !isModal(t.norm) && !isCueVerb(t.norm) && t.norm.length > 1)
    .map((t) => {
      const name = /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.start > 0;
      const number = isQuantity(t.norm);
      const synonyms = name || number ? [] : [...synonymsOf(t.norm)].map((s): [string, string] => [s, stem(s)]);
      const bits = wordBits(corpus, corpus.wordId(t.norm), t.norm);
      return { norm: t.norm, bits, stem: stem(t.norm), name, number, synonyms };
    });
}

interface Support {
  id: number;
  share: number;
  /** The share of the claim's bits the statement bears out. */
  weighted: number;
  /** `share` and `weighted` within the statement's best passage of about the claim's length (`localSupport`). */
  localShare: number;
  localWeighted: number;
  /** The bits that passage bears out: evidence in the units quotes are judged by. */
  localBits: number;
  agrees: boolean;
  unsupported: string[];
}

/**
 * A statement "says the same thing" as a claim in one place, not scattered over a long answer:
 * a 300-word debate answer holds most of any five content words somewhere ("the average donation
 * was $27" against an answer that has "average" in one sentence and "27" in another). The
 * passage is the claim's own length in words times this, at least `PASSAGE_MIN_WORDS`.
 */
const PASSAGE_STRETCH = 1.5;
const PASSAGE_MIN_WORDS = 8;

/** Whether the statement word `t` (its norm and stem) bears out the claim word `w`. */
function bears(w: ClaimWord, norm: string, wordStem: string): boolean {
  return norm === w.norm || wordStem === w.stem || w.synonyms.some(([s, sStem]) => norm === s || wordStem === sStem);
}

/** The best share of the claim's words, and of its bits, that one passage of `width` statement words bears out. */
function localSupport(claim: ClaimWord[], words: Token[], stems: string[], width: number): { share: number; weighted: number; bits: number } {
  if (claim.length === 0) return { share: 0, weighted: 0, bits: 0 };
  // For each statement word, the claim words it bears out; then a window slides over them, counting each claim word once.
  const hits = words.map((t, i) => claim.flatMap((w, k) => (bears(w, t.norm, stems[i]) ? [k] : [])));
  const inWindow = new Int32Array(claim.length);
  const totalBits = claim.reduce((sum, w) => sum + w.bits, 0);
  let borne = 0;
  let borneBits = 0;
  let best = { share: 0, weighted: 0, bits: 0 };
  for (let i = 0; i < words.length; i++) {
    for (const k of hits[i]) {
      if (inWindow[k]++ > 0) continue;
      borne++;
      borneBits += claim[k].bits;
    }
    const leaving = i - width;
    if (leaving >= 0) {
      for (const k of hits[leaving]) {
        if (--inWindow[k] > 0) continue;
        borne--;
        borneBits -= claim[k].bits;
      }
    }
    const share = borne / claim.length;
    const weighted = totalBits > 0 ? borneBits / totalBits : 0;
    if (share > best.share || (share === best.share && weighted > best.weighted)) best = { share, weighted, bits: borneBits };
  }
  return best;
}

function support(claim: ClaimWord[], claimNegated: boolean, statementText: string, claimLength: number): Omit<Support, 'id'> {
  const words = tokenize(statementText);
  const wordStems = words.map((t) => stem(t.norm));
  const stems = new Set(wordStems);
  const norms = new Set(words.map((t) => t.norm));
  const unsupported: string[] = [];
  let agrees = true;
  let borne = 0;
  let borneBits = 0;
  let totalBits = 0;
  for (const w of claim) {
    const found = norms.has(w.norm) || stems.has(w.stem) || w.synonyms.some(([s, sStem]) => norms.has(s) || stems.has(sStem));
    totalBits += w.bits;
    if (found) {
      borne++;
      borneBits += w.bits;
    } else {
      unsupported.push(w.norm);
      // A number or a name the statement does not have: the claim says something else.
      if (w.name || w.number) agrees = false;
    }
  }
  if (claimNegated && !words.some((t) => isNegation(t.norm))) agrees = false;
  const local = localSupport(claim, words, wordStems, Math.max(PASSAGE_MIN_WORDS, Math.ceil(claimLength * PASSAGE_STRETCH)));
  return {
    share: claim.length === 0 ? 0 : borne / claim.length,
    weighted: totalBits > 0 ? borneBits / totalBits : 0,
    localShare: local.share,
    localWeighted: local.weighted,
    localBits: local.bits,
    agrees,
    unsupported,
  };
}

/**
 * Judges an attributed claim: supported when a statement of the named speaker bears out most of
 * its content words (by stem or WordNet synonym) with its numbers, names and negation intact;
 * misattributed only when another speaker's statement says the same thing (nearly all of a
 * claim of four content words or more, by count and by distinctiveness, in one passage of about
 * the claim's length); missing otherwise.
 */
export function judgeClaim(corpus: Corpus, claimText: string, speakerId: number | null | undefined): ClaimJudgement {
  const claim = contentWords(claimText, corpus);
  const claimTokens = tokenize(claimText);
  const claimLength = claimTokens.length;
  const negated = claimTokens.some((t) => isNegation(t.norm));
  const base = { closestIds: [] as number[], realSpeakerId: null, unsupported: claim.map((w) => w.norm) };
  if (claim.length === 0) return { ...base, verdict: 'missing', severity: 'information', statementId: null };

  // Search by single words, the claim's and their synonyms': a one-word run between gaps is a word lookup.
  const query: Token[] = [];
  const gap = (): Token => ({ norm: '…', start: 0, end: 0, gap: true });
  for (const w of claim) {
    for (const form of [w.norm, ...w.synonyms.slice(0, 3).map(([s]) => s)]) query.push(gap(), { norm: form, start: 0, end: 0 });
  }
  const scored: Support[] = corpus
    .candidates(query, CANDIDATES)
    .map((id) => ({ ...support(claim, negated, corpus.statement(id).text, claimLength), id }))
    .sort((a, b) => b.share - a.share || Number(b.agrees) - Number(a.agrees) || a.id - b.id);
  const isOwn = (s: Support) => speakerId != null && corpus.speakers.same(corpus.speakerOf(s.id), speakerId);
  const supports = (s: Support) => s.agrees && s.share >= SUPPORT_SHARE;

  if (speakerId === undefined) {
    const best = scored.find(supports);
    return { ...base, verdict: 'unattributed', severity: 'information', statementId: best?.id ?? null };
  }
  const own = scored.filter(isOwn);
  const closest = (own.length > 0 ? own : scored).slice(0, 3).map((s) => s.id);
  const ownSupport = own.find(supports);
  if (ownSupport) {
    return { verdict: 'supported', severity: 'none', statementId: ownSupport.id, closestIds: closest.filter((id) => id !== ownSupport.id), realSpeakerId: null, unsupported: ownSupport.unsupported };
  }
  // Another speaker said the same thing: nearly every word of a claim of some length, the rare ones too, in one passage.
  const sameThing = (s: Support) => s.agrees && claim.length >= SAME_THING_WORDS && s.localShare >= SAME_THING_SHARE && s.localWeighted >= SAME_THING_SHARE && s.localBits >= SAME_THING_BITS;
  const otherSupport = scored.find((s) => sameThing(s) && !isOwn(s));
  if (otherSupport) {
    return {
      verdict: 'misattributed',
      severity: 'information',
      statementId: otherSupport.id,
      closestIds: closest,
      realSpeakerId: corpus.speakerOf(otherSupport.id),
      unsupported: otherSupport.unsupported,
    };
  }
  const nearest = own[0] ?? null;
  return {
    ...base,
    verdict: 'missing',
    severity: 'information',
    statementId: nearest?.id ?? null,
    closestIds: closest.filter((id) => id !== nearest?.id),
    unsupported: nearest?.unsupported ?? base.unsupported,
  };
}
