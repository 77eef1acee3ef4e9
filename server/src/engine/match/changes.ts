import type { Change, Severity } from '../types';
import { surfaceWords, type Token } from '../text/tokenize';
import type { Alignment } from './align';
import { expandContractions, isFiller, isFunctionWord, isInflection, isModal, isNegation, isNumberWord, isPossessiveOf, isSpellingVariant, numberValue } from './wordClasses';

export interface DescribedChanges {
  changes: Change[];
  /**
   * error for meaning (content word, number, name, negation, tense or modal), warning for minor
   * edits and variants (contraction, spelling, inflection, function word), hint when all that
   * changed is a speaker's repeated word, false start or filler left out.
   */
  severity: Severity;
  /** The most serious change in words a copy editor uses: "drops “not”". */
  summary: string;
  /** Its kind: 'negation', 'number', 'name', 'modal', 'words', 'contraction', … ('' when none). */
  worst: string;
}

/** Groups an alignment's edits into changes, with the original words of draft and source. */
export function describeChanges(alignment: Alignment, quote: Token[], quoteText: string, source: Token[], sourceText: string): DescribedChanges {
  type Group = { draftTokens: Token[]; sourceTokens: Token[]; sourceAt: number[]; draftAt: number[]; draftBefore: number; sourceBefore: number };
  const changes: Array<Change & Group> = [];
  let current: Group | null = null;
  // The last words the two texts share before a change: where an insertion or a deletion stands in the other text.
  let lastQ = -1;
  let lastS = -1;
  const open = (): Group => ({ draftTokens: [], sourceTokens: [], sourceAt: [], draftAt: [], draftBefore: lastQ, sourceBefore: lastS });
  const flush = () => {
    if (!current) return;
    const draft = surfaceWords(current.draftTokens, quoteText);
    const src = surfaceWords(current.sourceTokens, sourceText);
    const op = !draft ? 'delete' : !src ? 'insert' : 'replace';
    changes.push({ op, draft, source: src, ...current });
    current = null;
  };
  for (const step of alignment.steps) {
    if (step.op === 'match' && quote[step.q].contracted !== source[step.s].contracted) {
      // "won't" for "will not": the same words, written another way.
      current ??= open();
      current.draftTokens.push(quote[step.q]);
      current.draftAt.push(step.q);
      current.sourceTokens.push(source[step.s]);
      current.sourceAt.push(step.s);
      continue;
    }
    if (step.op === 'match' || step.op === 'skip') {
      flush();
      if (step.op === 'match') {
        lastQ = step.q;
        lastS = step.s;
      }
      continue;
    }
    current ??= open();
    if (step.op === 'replace') {
      current.draftTokens.push(quote[step.q]);
      current.draftAt.push(step.q);
      current.sourceTokens.push(source[step.s]);
      current.sourceAt.push(step.s);
    } else if (step.op === 'insert') {
      current.draftTokens.push(quote[step.q]);
      current.draftAt.push(step.q);
    } else {
      current.sourceTokens.push(source[step.s]);
      current.sourceAt.push(step.s);
    }
  }
  flush();

  // The message names the most serious change; the list keeps them all.
  const rank = { error: 3, warning: 2, hint: 1 } as Record<string, number>;
  let severity: Severity = 'none';
  let worst = -1;
  let worstWhy = '';
  changes.forEach((c, i) => {
    const graded =
      speechHabit(c, quote, source) ??
      sameNumber(c, quote, source) ??
      currencyWord(c, quote, quoteText, source, sourceText) ??
      lightHave(c, quote, source) ??
      changeSeverity(c.draftTokens, c.sourceTokens, sourceText, quoteText, pronounOne(c, quote, source));
    if ((rank[graded.severity] ?? 0) > (rank[severity] ?? 0)) {
      severity = graded.severity;
      worst = i;
      worstWhy = graded.why;
    }
  });
  let summary = worst >= 0 ? summarizeChange(changes[worst], worstWhy) : '';
  if (changes.length > 1) summary += ` (and ${changes.length - 1} more change${changes.length > 2 ? 's' : ''})`;
  return { changes: changes.map(({ op, draft, source: src }) => ({ op, draft, source: src })), severity, summary, worst: worstWhy };
}

/**
 * A dropped filler ("uh") or a word or words the speaker said twice running ("without —
 * without", "we're going — we're going to", "not, not, not"): a normal edit of speech, a hint at
 * most. The other way round, a word the draft has once more than the transcript beside the same
 * word ("nothing, nothing, nothing" against "nothing, nothing") is how two hearings of one
 * speech differ: a warning.
 */
function speechHabit(c: { draftTokens: Token[]; sourceTokens: Token[]; sourceAt: number[]; draftAt: number[] }, quote: Token[], source: Token[]): { severity: Severity; why: string } | null {
  if (c.draftTokens.length === 0 && c.sourceTokens.length > 0) {
    if (c.sourceTokens.every((t) => isFiller(t.norm))) return { severity: 'hint', why: 'filler' };
    return repeated(c.sourceTokens, c.sourceAt, source) ? { severity: 'hint', why: 'repetition' } : null;
  }
  if (c.sourceTokens.length === 0 && c.draftTokens.length > 0) return repeated(c.draftTokens, c.draftAt, quote) ? { severity: 'warning', why: 'repetition' } : null;
  return null;
}

/** Whether the words at `at` repeat, as a block, the words just before or after them in their text, or are one word said again beside itself. */
function repeated(tokens: Token[], at: number[], all: Token[]): boolean {
  const words = tokens.map((t) => t.norm);
  const first = at[0];
  const last = at[at.length - 1];
  const n = words.length;
  const same = (from: number) => from >= 0 && from + n <= all.length && words.every((w, k) => all[from + k].norm === w);
  if (same(first - n) || same(last + 1)) return true;
  const one = words.every((w) => w === words[0]);
  return one && ((first > 0 && all[first - 1].norm === words[0]) || (last + 1 < all.length && all[last + 1].norm === words[0]));
}

/** Words after a change's last word, in its own text: a scale word there ("a" / "1" before "trillion") belongs to the number. */
function scaleAfter(tokens: Token[], at: number[]): string | null {
  const next = at.length > 0 ? tokens[at[at.length - 1] + 1] : undefined;
  return next && ['hundred', 'thousand', 'million', 'billion', 'trillion'].includes(next.norm) ? next.norm : null;
}

/**
 * One number written two ways ("10" and "ten", "$1 trillion" and "a trillion", "one million"
 * and "1 million"): how transcripts and style books differ, not a changed number.
 */
function sameNumber(c: { draftTokens: Token[]; sourceTokens: Token[]; sourceAt: number[]; draftAt: number[] }, quote: Token[], source: Token[]): { severity: Severity; why: string } | null {
  if (c.draftTokens.length === 0 || c.sourceTokens.length === 0) return null;
  const d = c.draftTokens.map((t) => t.norm);
  const s = c.sourceTokens.map((t) => t.norm);
  const scaleD = scaleAfter(quote, c.draftAt);
  const scaleS = scaleAfter(source, c.sourceAt);
  if (scaleD !== scaleS) return null;
  const a = numberValue(scaleD ? [...d, scaleD] : d);
  const b = numberValue(scaleS ? [...s, scaleS] : s);
  return a !== null && a === b ? { severity: 'warning', why: 'numeral' } : null;
}

/** Words that name a currency a symbol writes: "a trillion dollars" is "$1 trillion". */
const CURRENCY_WORDS: Record<string, string> = { dollar: '$', dollars: '$', pound: '£', pounds: '£', euro: '€', euros: '€' };

/**
 * A currency word added or dropped right after a number that the other text writes with the
 * currency's symbol ("a trillion dollars" / "$1 trillion"): one amount in two styles.
 */
function currencyWord(
  c: { draftTokens: Token[]; sourceTokens: Token[]; draftBefore: number; sourceBefore: number },
  quote: Token[],
  quoteText: string,
  source: Token[],
  sourceText: string,
): { severity: Severity; why: string } | null {
  const draftSide = { tokens: quote, text: quoteText, before: c.draftBefore };
  const sourceSide = { tokens: source, text: sourceText, before: c.sourceBefore };
  const [added, own, other] = c.sourceTokens.length === 0 ? [c.draftTokens, draftSide, sourceSide] : c.draftTokens.length === 0 ? [c.sourceTokens, sourceSide, draftSide] : [[], draftSide, sourceSide];
  const symbol = added.length === 1 ? CURRENCY_WORDS[added[0].norm] : undefined;
  if (!symbol || own.before < 0 || other.before < 0 || !isNumberWord(own.tokens[own.before].norm)) return null;
  // The symbol opens the other text's number, the few number words ending at the word both share.
  for (let i = other.before; i >= Math.max(0, other.before - 3) && isNumberWord(other.tokens[i].norm); i--) {
    if (other.text.slice(Math.max(0, other.tokens[i].start - 2), other.tokens[i].start).includes(symbol)) return { severity: 'warning', why: 'numeral' };
  }
  return null;
}

/**
 * "You have" for "You've got", "who started" for "who've started": "have got" is "have", and a
 * contracted "'ve" is barely heard, so transcripts and reporters differ on it. The change is a
 * variant when the two sides are the same words but for a "got" after "have" and a "have"
 * written contracted.
 */
function lightHave(c: { draftTokens: Token[]; sourceTokens: Token[]; draftAt: number[]; sourceAt: number[] }, quote: Token[], source: Token[]): { severity: Severity; why: string } | null {
  // Each side's words without a "got" after "have", with and without its contracted "have"s.
  // A "'ve" the contraction table lacks ("who've") is read as its word and a contracted "have".
  const split = (t: Token) => {
    const m = /^(.+)'ve$/.exec(t.norm);
    return m ? [{ norm: m[1] }, { norm: 'have', contracted: t.norm }] : [{ norm: t.norm, contracted: t.contracted }];
  };
  const forms = (tokens: Token[], at: number[], all: Token[]) => {
    const words = tokens.flatMap((t, k) => split(t).map((w) => ({ ...w, gotAfterHave: w.norm === 'got' && at[k] > 0 && /(?:^have|^has|'ve)$/.test(all[at[k] - 1].norm) })));
    const kept = words.filter((w) => !w.gotAfterHave);
    const light = kept.filter((w) => !(w.norm === 'have' && w.contracted !== undefined));
    return { changed: light.length < words.length, forms: [kept, light].map((ws) => ws.map((w) => w.norm).join(' ')) };
  };
  const d = forms(c.draftTokens, c.draftAt, quote);
  const s = forms(c.sourceTokens, c.sourceAt, source);
  return (d.changed || s.changed) && d.forms.some((f) => s.forms.includes(f)) ? { severity: 'warning', why: 'contraction' } : null;
}

/** "wasn't satisfied" and "was unsatisfied": one negation, written as a word or as the word's prefix. */
function negationInWord(a: string[], b: string[]): boolean {
  const at = a.indexOf('not');
  if (at < 0 || at + 1 >= a.length) return false;
  const rest = [...a.slice(0, at), '', ...a.slice(at + 2)];
  return ['un', 'in', 'im', 'dis', 'non'].some((prefix) => {
    const joined = [...rest];
    joined[at] = prefix + a[at + 1];
    return joined.join(' ') === b.join(' ');
  });
}

/** Determiners before "one" that make it a pronoun ("this one", "the one", "no one"), not a number. */
const ONE_DETERMINERS = new Set(['this', 'that', 'the', 'each', 'every', 'any', 'no', 'which', 'another', 'last', 'next', 'other', 'only', 'big', 'good', 'new', 'right', 'wrong']);

/** Whether every "one" of the change is a pronoun (its word before is a determiner, in its own text). */
function pronounOne(c: { draftTokens: Token[]; sourceTokens: Token[]; sourceAt: number[]; draftAt: number[] }, quote: Token[], source: Token[]): boolean {
  const check = (tokens: Token[], at: number[]) => at.every((i) => tokens[i].norm !== 'one' || (i > 0 && ONE_DETERMINERS.has(tokens[i - 1].norm)));
  return [...c.draftTokens, ...c.sourceTokens].some((t) => t.norm === 'one') && check(quote, c.draftAt) && check(source, c.sourceAt);
}

/** A transcriber's spoken forms ("gonna", "wanna"), written out: two transcripts of one remark differ so. */
const INFORMAL: Record<string, string> = { gonna: 'going to', wanna: 'want to', gotta: 'got to', kinda: 'kind of', sorta: 'sort of', lemme: 'let me', outta: 'out of' };
function expandInformal(words: string): string {
  return words
    .split(' ')
    .map((w) => INFORMAL[w] ?? w)
    .join(' ');
}

function changeSeverity(draft: Token[], source: Token[], sourceText: string, quoteText: string, oneIsPronoun = false): { severity: Severity; why: string } {
  const d = draft.map((t) => t.norm);
  const s = source.map((t) => t.norm);
  // "this one": a pronoun, graded as a minor word.
  const all = [...d, ...s].filter((w) => !(oneIsPronoun && w === 'one'));
  const minor = (w: string) => isFunctionWord(w) || (oneIsPronoun && w === 'one');
  // The same words in another form: a contraction ("won't"), a US/UK spelling ("defence"), a possessive ("ISIS’").
  if (d.length > 0 && d.length === s.length && d.every((w, i) => w === s[i] || isSpellingVariant(w, s[i]) || isPossessiveOf(w, s[i]))) {
    return { severity: 'warning', why: d.some((w, i) => w !== s[i]) ? 'spelling' : 'contraction' };
  }
  // One word written as two ("email" and "e-mail", "health care" and "healthcare").
  if (d.length > 0 && s.length > 0 && d.length !== s.length && d.join('') === s.join('')) return { severity: 'warning', why: 'spelling' };
  if (negationInWord(d, s) || negationInWord(s, d)) return { severity: 'warning', why: 'spelling' };
  if (all.some(isNegation) && expandContractions(d) !== expandContractions(s)) return { severity: 'error', why: 'negation' };
  if (all.some(isNumberWord)) return { severity: 'error', why: 'number' };
  // Another form of the same word ("apologize" for "apologized"): how two transcripts of one speech differ.
  if (d.length === 1 && s.length === 1 && isInflection(d[0], s[0])) return { severity: 'warning', why: 'inflection' };
  // A capital that opens a sentence ("Let's", "People who…", "Okay?") names no one by itself.
  const opensSentence = (t: Token, text: string) => /(?:^|[.!?:;"“”'‘’([—–])\s*$/u.test(text.slice(Math.max(0, t.start - 4), t.start));
  const capital = (t: Token, text: string) => /^\p{Lu}/u.test(text.slice(t.start, t.end)) && !isFunctionWord(t.norm) && !opensSentence(t, text);
  if (source.some((t) => capital(t, sourceText)) || draft.some((t) => capital(t, quoteText) && t.start > 0)) {
    if (expandContractions(d) !== expandContractions(s)) return { severity: 'error', why: 'name' };
  }
  if (d.length > 0 && expandInformal(expandContractions(d)) === expandInformal(expandContractions(s))) return { severity: 'warning', why: 'contraction' };
  if (d.length === 1 && s.length === 1 && isSpellingVariant(d[0], s[0])) return { severity: 'warning', why: 'spelling' };
  if (all.some(isModal)) return { severity: 'error', why: 'modal' };
  if ([...d, ...s].every(minor)) return { severity: 'warning', why: 'function word' };
  return { severity: 'error', why: 'words' };
}

const WHY: Record<string, string> = {
  negation: ' (negation)',
  number: ' (number)',
  name: ' (name)',
  modal: ' (tense or modal)',
  contraction: ' (contraction)',
  spelling: ' (spelling)',
  'function word': ' (minor word)',
  inflection: ' (another form of the word)',
  numeral: ' (the same number written another way)',
  repetition: ' (a repeated word or false start)',
  filler: ' (a filler)',
};

/** The changed words first, short: a diagnostic's message is this one clause. */
function summarizeChange(c: Change, why: string): string {
  const kind = WHY[why] ?? '';
  const words = (text: string) => (text.length <= 40 ? text : `${text.slice(0, 39).trimEnd()}…`);
  if (c.op === 'delete') return `“${words(c.source)}” dropped${kind}`;
  if (c.op === 'insert') return `“${words(c.draft)}” added${kind}`;
  const sorted = (text: string) => text.toLowerCase().split(/\s+/).sort().join(' ');
  if (c.draft.includes(' ') && sorted(c.draft) === sorted(c.source)) return `“${words(c.draft)}” reorders the source's “${words(c.source)}”`;
  return `“${words(c.draft)}” where the source has “${words(c.source)}”${kind}`;
}
