import type { Verdict, Severity } from '../types';
import type { Corpus } from '../corpus/corpus';
import { tokenize, type Token } from '../text/tokenize';
import { isFunctionWord, isModal, isNegation } from '../match/wordClasses';
import { isCueVerb } from '../extract/lexicon';
import { stem } from './stem';
import { synonymsOf } from './synonyms';

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
  const n = corpus.statementCount;
  return tokenize(text)
    .filter((t) => !isFunctionWord(t.norm) && !isNegation(t.norm) && !isModal(t.norm) && !isCueVerb(t.norm) && t.norm.length > 1)
    .map((t) => {
      const name = /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.start > 0;
      const number = isQuantity(t.norm);
      const synonyms = name || number ? [] : [...synonymsOf(t.norm)].map((s): [string, string] => [s, stem(s)]);
      const bits = Math.log2((n + 1) / (corpus.statementsWithWord(corpus.wordId(t.norm)) + 1));
      return { norm: t.norm, bits, stem: stem(t.norm), name, number, synonyms };
    });
}

interface Support {
  id: number;
  share: number;
  /** The share of the claim's bits the statement bears out. */
  weighted: number;
  agrees: boolean;
  unsupported: string[];
}

function support(claim: ClaimWord[], claimNegated: boolean, statementText: string): Omit<Support, 'id'> {
  const words = tokenize(statementText);
  const stems = new Set(words.map((t) => stem(t.norm)));
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
  return { share: claim.length === 0 ? 0 : borne / claim.length, weighted: totalBits > 0 ? borneBits / totalBits : 0, agrees, unsupported };
}

/**
 * Judges an attributed claim: supported when a statement of the named speaker bears out most of
 * its content words (by stem or WordNet synonym) with its numbers, names and negation intact;
 * misattributed only when another speaker's statement says the same thing (nearly all of a
 * claim of four content words or more, by count and by distinctiveness); missing otherwise.
 */
export function judgeClaim(corpus: Corpus, claimText: string, speakerId: number | null | undefined): ClaimJudgement {
  const claim = contentWords(claimText, corpus);
  const negated = tokenize(claimText).some((t) => isNegation(t.norm));
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
    .map((id) => ({ ...support(claim, negated, corpus.statement(id).text), id }))
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
  // Another speaker said the same thing: nearly every word of a claim of some length, the rare ones too.
  const sameThing = (s: Support) => s.agrees && claim.length >= SAME_THING_WORDS && s.share >= SAME_THING_SHARE && s.weighted >= SAME_THING_SHARE;
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
