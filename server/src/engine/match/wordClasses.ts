// Word classes that decide how serious a change is (SPEC §5).

import { CONTRACTIONS } from '../text/contractions';

const NEGATIONS = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot', "can't", "won't", "don't",
  "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "wouldn't",
  "shouldn't", "couldn't", "mustn't", "shan't", 'nowhere',
]);
// Not "without": a preposition ("without a plan"), and a speaker's stutter ("without — without")
// dropped from a quote is no turned meaning.

/** A transcriber's filler: words of hesitation a quote leaves out as a matter of course. */
const FILLERS = new Set(['uh', 'um', 'er', 'erm', 'ah', 'uhm', 'hmm', 'mm']);

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'and', 'or', 'but', 'that',
  'this', 'these', 'those', 'it', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'so', 'very', 'just',
  'then', 'there', 'here', 'into', 'onto', 'about', 'up', 'out', 'over', 'which', 'who', 'whom', 'what', 'also',
  'really', 'well', 'oh', 'uh', 'um', 'you', 'know', 'i', 'we', 'our', 'us', 'they', 'them', 'their', 'he', 'she',
  'his', 'her', 'him', 'me', 'my', 'do', 'does', 'did', 'have', 'has', 'had', 'if', 'than', 'too', 'some', 'any',
]);

const NUMBER_WORDS = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion', 'trillion',
  'percent', 'half', 'dozen', 'first', 'second', 'third', 'once', 'twice',
]);

const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);



export const isNegation = (w: string) => NEGATIONS.has(w);
export const isFunctionWord = (w: string) => FUNCTION_WORDS.has(w);
export const isNumberWord = (w: string) => /\d/.test(w) || NUMBER_WORDS.has(w);
export const isModal = (w: string) => MODALS.has(w);
export const isFiller = (w: string) => FILLERS.has(w);

/** What is left of an inflected word without its ending: "apologized", "apologize", "apologizes" → "apologiz". */
function inflectionBase(w: string): string {
  return w
    .replace(/(?:ies|ied)$/, 'y')
    .replace(/(?:ing|ed|es|s|e|d)$/, '')
    .replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}

/**
 * Two forms of one word by inflection ("apologize"/"apologized", "plan"/"plans",
 * "remind"/"reminds"), as two transcripts of a speech disagree. A word is compared by its base
 * and as it stands, since a base ending may be part of the word ("remind" is no "remin" + d).
 */
export function isInflection(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 4 || !/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) return false;
  const ba = inflectionBase(a);
  const bb = inflectionBase(b);
  return (ba.length >= 3 && ba === bb) || ba === b || bb === a || isComparative(a, b) || isComparative(b, a);
}

/** "poorer" or "poorest" of "poor" ("nicer" of "nice", "happier" of "happy", "bigger" of "big"): a degree, as transcripts mishear it. */
function isComparative(longer: string, base: string): boolean {
  const m = /^(.+?)(?:er|est)$/.exec(longer);
  if (!m) return false;
  const stem = m[1];
  return stem === base || `${stem}e` === base || (stem.endsWith('i') && `${stem.slice(0, -1)}y` === base) || (/([b-df-hj-np-tv-z])\1$/.test(stem) && stem.slice(0, -1) === base);
}

/** A word and its possessive ("ISIS’" and "ISIS's", "Obama" and "Obama's"): one name written two ways. */
export function isPossessiveOf(a: string, b: string): boolean {
  const base = (w: string) => w.replace(/(?:'s|s'|')$/, '');
  return a !== b && a.length > 1 && b.length > 1 && base(a) === base(b) && (base(a) === a || base(b) === b);
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * The value of words that together write one number ("10", "ten", "1,000", "one thousand",
 * "a trillion", "12.00"), or null. "a" counts as one only before a scale word.
 */
export function numberValue(words: string[]): number | null {
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\d[\d,]*(?:\.\d+)?$/.test(w)) {
      if (any && current !== 0) return null;
      current += Number(w.replace(/,/g, ''));
      any = true;
    } else if (UNITS.includes(w)) {
      current += UNITS.indexOf(w);
      any = true;
    } else if (TENS.includes(w) && w !== '') {
      current += 10 * TENS.indexOf(w);
      any = true;
    } else if (w === 'a' && SCALES[words[i + 1]] !== undefined) {
      current += 1;
      any = true;
    } else if (SCALES[w] !== undefined && any) {
      if (SCALES[w] === 100) current *= 100;
      else {
        total += current * SCALES[w];
        current = 0;
      }
    } else if (w === 'and' && any) {
      continue;
    } else return null;
  }
  return any ? total + current : null;
}

/** "won't" → "will not": two forms that say the same thing. */
export function expandContractions(words: string[]): string {
  return words.map((w) => CONTRACTIONS[w] ?? w).join(' ');
}

/** One word spelt two ways that no rule below folds. */
const SAME_WORD: Record<string, string> = { ok: 'okay', til: 'until', till: 'until', toward: 'towards', afterward: 'afterwards', amongst: 'among', whilst: 'while' };

/** US and UK spellings of one word ("honor"/"honour", "organize"/"organise", "center"/"centre"). */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.replace(/-/g, '') === b.replace(/-/g, '')) return true;
  if (SAME_WORD[a] === b || SAME_WORD[b] === a) return true;
  const fold = (w: string) =>
    w
      .replace(/our/g, 'or')
      .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
      .replace(/ys(e|ed|es|ing)$/, 'yz$1')
      .replace(/tre(s?)$/, 'ter$1')
      .replace(/ll(ed|ing|er)$/, 'l$1')
      .replace(/ogue(s?)$/, 'og$1')
      .replace(/ence(s?)$/, 'ense$1')
      .replace(/ae/g, 'e');
  return fold(a) === fold(b);
}
