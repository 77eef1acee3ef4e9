import type { Verdict, Severity } from '../types';
import type { Corpus } from '../corpus/corpus';
import { tokenize, type Token } from '../text/tokenize';
import { isFunctionWord, isNegation } from '../match/wordClasses';
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
const CANDIDATES = 60;

/** Figures that must agree: "40", "3.5", "million", "percent" (not "the two" who met). */
function isQuantity(word: string): boolean {
  return /\d/.test(word) || /^(?:hundred|thousand|million|billion|trillion|percent)$/.test(word);
}

interface ClaimWord {
  norm: string;
  stem: string;
  name: boolean;
  number: boolean;
  /** Its WordNet synonyms, each with its stem (none for names and numbers, which must appear as they are). */
  synonyms: Array<[string, string]>;
}

function contentWords(text: string): ClaimWord[] {
  return tokenize(text)
    .filter((t) => !isFunctionWord(t.norm) && !isNegation(t.norm) && !isCueVerb(t.norm) && t.norm.length > 1)
    .map((t) => {
      const name = /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.start > 0;
      const number = isQuantity(t.norm);
      const synonyms = name || number ? [] : [...synonymsOf(t.norm)].map((s): [string, string] => [s, stem(s)]);
      return { norm: t.norm, stem: stem(t.norm), name, number, synonyms };
    });
}

interface Support {
  id: number;
  share: number;
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
  for (const w of claim) {
    const found = norms.has(w.norm) || stems.has(w.stem) || w.synonyms.some(([s, sStem]) => norms.has(s) || stems.has(sStem));
    if (found) borne++;
    else {
      unsupported.push(w.norm);
      // A number or a name the statement does not have: the claim says something else.
      if (w.name || w.number) agrees = false;
    }
  }
  if (claimNegated && !words.some((t) => isNegation(t.norm))) agrees = false;
  return { share: claim.length === 0 ? 0 : borne / claim.length, agrees, unsupported };
}

/**
 * Judges an attributed claim: supported when a statement of the named speaker bears out most of
 * its content words (by stem or WordNet synonym) with its numbers, names and negation intact;
 * misattributed when only another speaker's statement does; missing otherwise.
 */
export function judgeClaim(corpus: Corpus, claimText: string, speakerId: number | null | undefined): ClaimJudgement {
  const claim = contentWords(claimText);
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
  const otherSupport = scored.find((s) => supports(s) && !isOwn(s));
  if (otherSupport) {
    return { verdict: 'misattributed', severity: 'information', statementId: otherSupport.id, closestIds: closest, realSpeakerId: corpus.speakerOf(otherSupport.id), unsupported: otherSupport.unsupported };
  }
  const nearest = own[0] ?? null;
  return { ...base, verdict: 'missing', severity: 'information', statementId: nearest?.id ?? null, closestIds: closest.filter((id) => id !== nearest?.id), unsupported: nearest?.unsupported ?? base.unsupported };
}

