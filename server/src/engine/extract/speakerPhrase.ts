// Reading a speaker phrase: what kind of speaker it names, and a clean form of it.
import type { Span } from '../types';
import {
  ADVERBS_AFTER_SUBJECT,
  AUXILIARY_WORDS,
  DETERMINERS_OPENING,
  DOCUMENT_NOUNS,
  FLOATING_QUANTIFIERS,
  isCueVerb,
  LEADING_CONNECTIVES,
  LY_ADVERB,
  NO_PHRASE_END,
  NOT_A_SPEAKER,
  PREPOSITIONS,
  SHARE_OF,
  SUBORDINATORS,
  ORG_WORDS,
  PRONOUN_WORDS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './lexicon';
import { applied } from './rules';

const ANONYMOUS = /\b(official|officials|source|sources|aide|aides|diplomat|diplomats|people familiar|person familiar|spokesperson|spokesman|spokeswoman)\b/i;

export type SpeakerKind = 'person' | 'organisation' | 'anonymous' | 'pronoun' | 'role';

export interface SpeakerPhrase {
  text: string;
  kind: SpeakerKind;
  /** The person's name in it ("Antony Blinken" from "US Secretary of State Antony Blinken"), if any. */
  name: string | null;
  /** Role words in it, lowercased ("secretary of state"). */
  role: string | null;
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word);
}

function titleCase(word: string): string {
  if (word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word)) {
    return word[0] + word.slice(1).toLowerCase();
  }
  return word;
}

/** Splits a phrase into its person name (trailing capitalised non-title words) and the rest. */
export function readSpeakerPhrase(raw: string): SpeakerPhrase {
  const text = raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[,;:.]+$/, '');
  const words = text.split(' ').filter(Boolean);
  const lower = text.toLowerCase();
  if (words.length === 1 && PRONOUN_WORDS.has(lower)) return { text, kind: 'pronoun', name: null, role: null };

  // The name: the longest run of capitalised words that are not title or org words, preferring the last run.
  let best: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0 && run.length >= best.length) best = run;
    run = [];
  };
  for (const w of words) {
    const bare = w.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}.'’-]/gu, '');
    const key = bare.toLowerCase();
    if (bare && isCapitalised(bare) && !TITLE_WORDS.has(key) && !ORG_WORDS.has(key) && !/^\p{Lu}\.?$/u.test(bare)) {
      run.push(titleCase(bare));
    } else if (bare && /^\p{Lu}\.$/u.test(bare) && run.length > 0) {
      run.push(bare); // middle initial: "Joseph R. Biden"
    } else {
      flush();
    }
  }
  flush();
  const roleWords = words
    .map((w) => w.toLowerCase().replace(/[^\p{L}.'’-]/gu, ''))
    .filter((w) => ROLE_NOUNS.has(w) || (TITLE_WORDS.has(w) && !['the', 'of', 'and', 'for', 'to', 'on', 'in', 'a'].includes(w)));
  const role = roleWords.length > 0 ? roleWords.join(' ') : null;
  const lastWord = words[words.length - 1]?.toLowerCase().replace(/['’]s$/, '') ?? '';
  const endsWithOrg = ORG_WORDS.has(lastWord) || /\b(office|department|ministry|campaign|committee)\b/i.test(lastWord);
  const name = best.length > 0 ? best.join(' ') : null;

  if (ANONYMOUS.test(lastWord)) return { text, kind: 'anonymous', name: null, role };
  if (name && !endsWithOrg) return { text, kind: 'person', name, role };
  if (endsWithOrg && !ANONYMOUS.test(lastWord)) return { text, kind: 'organisation', name: null, role };
  if (ANONYMOUS.test(lower) && !name) return { text, kind: 'anonymous', name: null, role };
  if (/^(the|a|an|his|her|their)\s/i.test(text) && role) return { text, kind: 'role', name: null, role };
  if (name) return { text, kind: 'organisation', name: null, role };
  return { text, kind: role ? 'role' : 'organisation', name: null, role };
}

/** True when a phrase only points back at someone named earlier ("the secretary", "the senator"). */
export function isBackReference(phrase: SpeakerPhrase): boolean {
  if (phrase.kind === 'pronoun') return true;
  return (phrase.kind === 'role' || phrase.kind === 'anonymous') && /^the\s/i.test(phrase.text) && phrase.text.split(' ').length <= 3;
}

const PHRASE_WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;

/**
 * A speaker phrase as a noun phrase (issue 15): trims a conjunction or sentence adverb before
 * it ("But Ruiz" → "Ruiz") and an auxiliary ending it ("Ruiz hasn't" → "Ruiz", "Ruiz must"), and
 * returns null for what names no one: a closed-class word ("But", "Some", "His", "It's"), a
 * month after an article ("A March"), a clause ("officials have fought in …") or a fragment
 * opening with a preposition or ending with a function word ("of the email to"). Reads the
 * phrase's own words only; `text` is the document, `span` the phrase in it.
 */
export function speakerPhraseSpan(text: string, span: Span, isSurname?: (word: string, at: number) => boolean): Span | null {
  const author = documentAuthor(text, span);
  if (author) {
    applied('speaker.document-source');
    span = author;
  }
  PHRASE_WORD.lastIndex = span.start;
  const words: Array<{ w: string; l: string; start: number; end: number }> = [];
  for (let m = PHRASE_WORD.exec(text); m && m.index < span.end; m = PHRASE_WORD.exec(text)) {
    let w = m[0].slice(0, Math.max(0, span.end - m.index));
    // a sentence's full stop is no part of the word; an initial's or title's is ("J.", "Sen.")
    if (/\p{L}{2}\.$/u.test(w) && !TITLE_WORDS.has(w.toLowerCase())) w = w.slice(0, -1);
    // "US Senator Ana Ruiz": the country, not the pronoun
    if (w) words.push({ w, l: w === 'US' ? 'u.s.' : w.toLowerCase().replace(/’/g, "'").replace(/-$/, ''), start: m.index, end: m.index + w.length });
  }
  if (words.length === 0) return null;
  let s = 0;
  let e = words.length;
  const trimmed = (id: 'speaker.connective-trimmed' | 'speaker.clause-trimmed') => applied(id);
  // "But Ruiz", "And then the mayor": connectives before the subject
  while (e - s > 1 && LEADING_CONNECTIVES.has(words[s].l) && /^\p{Lu}|^(?:and|but|so|yet)$/u.test(words[s].w)) s++;
  // "As Ana Ruiz pointed out", "When Ruiz finally spoke", "Here's Ruiz in 1992": a subordinator before a name
  if (e - s > 1 && (SUBORDINATORS.has(words[s].l) || words[s].l === "here's") && /^\p{Lu}/u.test(words[s].w) && /^\p{Lu}/u.test(words[s + 1].w) && !NOT_A_SPEAKER.has(words[s + 1].l)) s++;
  if (s > 0) trimmed('speaker.connective-trimmed');
  // An auxiliary: a name before it is the subject of a verb the phrase cut off ("Ruiz hasn't",
  // "Ana Ruiz would not"); otherwise the phrase is a clause. "Ms. May", "Will Doyle": a
  // capitalised auxiliary inside a name is a name.
  for (let i = s; i < e; i++) {
    const x = words[i];
    // "Anderson said": the cue itself read into the phrase; "an executive tells employees" is a clause
    // "Ana Ruiz said in a statement", "Ruiz told a rally": the cue and what follows it are no part of the speaker
    if (i > s && isCueVerb(x.w) && !x.w.endsWith('ing')) {
      e = i;
      trimmed('speaker.clause-trimmed');
      break;
    }
    if (!AUXILIARY_WORDS.has(x.l)) continue;
    const inName = (x.l === 'may' || x.l === 'will') && /^\p{Lu}\p{Ll}/u.test(x.w) && ((i > s && /^\p{Lu}/u.test(words[i - 1].w)) || /^\p{Lu}/u.test(words[i + 1]?.w ?? ''));
    if (inName) continue;
    const rest = words.slice(i + 1, e);
    // "Mr. Ruiz was prompted to", "Ruiz has even": a name before the auxiliary is the subject
    const named = i > s && i - s <= 6 && /^\p{Lu}/u.test(words[i - 1].w) && !NOT_A_SPEAKER.has(words[i - 1].l);
    if (named || (i > s && rest.every((r) => r.l === 'not' || r.l === "n't" || /^(?:also|yet|always|never|ever|really|just|only|since|so|then|later|ultimately|immediately)$/.test(r.l)))) {
      e = i;
      trimmed('speaker.clause-trimmed');
      break;
    }
    applied('speaker.not-a-phrase');
    return null;
  }
  // "Ruiz and Ortiz both", "they all": a floating quantifier is no part of the subject
  while (e - s > 1 && FLOATING_QUANTIFIERS.has(words[e - 1].l)) e--;
  // "He also", "Ruiz now": an adverb before the verb the phrase cut off
  if (e - s > 1 && ADVERBS_AFTER_SUBJECT.has(words[e - 1].l) && /^\p{Ll}/u.test(words[e - 1].w)) {
    while (e - s > 1 && ADVERBS_AFTER_SUBJECT.has(words[e - 1].l) && /^\p{Ll}/u.test(words[e - 1].w)) e--;
    trimmed('speaker.clause-trimmed');
  }
  const core = words.slice(s, e);
  // "about half of the pilots", "75 percent of voters": a share of a group
  if (core.length > 2 && SHARE_OF.test(text.slice(core[0].start, core[core.length - 1].end)) && !NO_PHRASE_END.has(core[core.length - 1].l))
    return { start: core[0].start, end: core[core.length - 1].end };
  // "From said", "Read added": a surname the article introduced ("Al From") that is also a function word
  const last = core[core.length - 1];
  if (
    core.length === 1 &&
    /^\p{Lu}\p{Ll}/u.test(last.w) &&
    !CONTRACTED.test(last.l) &&
    isSurname?.(last.w, last.start) &&
    /^\s+(?:said|says|told|wrote|\p{Ll}+ed)\b/u.test(text.slice(last.end, last.end + 20)) &&
    isCueVerb(/^\s+(\p{Ll}+)/u.exec(text.slice(last.end, last.end + 20))?.[1] ?? '')
  ) {
    return { start: last.start, end: last.end };
  }
  const bad =
    core.length === 0 ||
    core.every((x) => NOT_A_SPEAKER.has(x.l) || AUXILIARY_WORDS.has(x.l)) ||
    // "You'll", "Here's Clinton": a pronoun fused with its verb is a clause
    core.some((x) => CONTRACTED.test(x.l)) ||
    // "Graham assures his audience he": a subject pronoun closing a longer phrase opens a clause
    (core.length > 1 && PRONOUN_WORDS.has(core[core.length - 1].l) && /^\p{Ll}/u.test(core[core.length - 1].w)) ||
    // "At the rally", "If Ruiz": a preposition or conjunction opens no noun phrase; "First Lady Ana Ruiz" is a title
    (NOT_A_SPEAKER.has(core[0].l) && !DETERMINERS_OPENING.has(core[0].l) && !(core.length > 1 && /^\p{Lu}\p{Ll}/u.test(core[0].w) && /^\p{Lu}/u.test(core[1].w) && !PREPOSITIONS.has(core[0].l))) ||
    (core.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(core[0].w) && LY_ADVERB.test(core[0].w)) ||
    // "of the email to"; but "Michael Every" is a name
    (NO_PHRASE_END.has(last.l) &&
      !(core.length > 1 && /^\p{Lu}\p{Ll}/u.test(last.w) && /^\p{Lu}/u.test(core[core.length - 2].w) && !PREPOSITIONS.has(last.l) && !/^(?:and|or|but|nor|the|a|an)$/.test(last.l))) ||
    (core.length === 2 && DETERMINERS_OPENING.has(core[0].l) && CALENDAR.test(core[1].w));
  if (bad) {
    applied('speaker.not-a-phrase');
    return null;
  }
  return { start: core[0].start, end: core[core.length - 1].end };
}

const CONTRACTED = /^(?:i|you|he|she|it|we|they|that|there|what|who|let|here|where)'(?:m|s|re|ve|ll|d)$/;
const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** A capitalised name run, "the" and small words inside it allowed: "the Prime Minister's Office", "BC Hydro", "the Ministry of Transport". */
const AUTHOR_AFTER = /^,?\s+(?:issued\s+|released\s+|posted\s+|sent\s+)?(?:from|by|of)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}.'’&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*\p{Lu}[\p{L}\p{N}.'’&-]*){0,7})/u;
const POSSESSOR = /^((?:the\s+)?(?:\p{Lu}[\p{L}\p{N}.'’&-]*\s+){0,5}\p{Lu}[\p{L}\p{N}.&-]*)['’]s?\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)$/u;

/**
 * The author a document speaks for: "a statement from the Harbour Board" (the words after the
 * phrase), "the Harbour Board's statement", "Ruiz's letter" (a possessor). Null when the phrase
 * names no document.
 */
export function documentAuthor(text: string, span: Span): Span | null {
  const phrase = text.slice(span.start, span.end);
  const last = /(\p{L}+)$/u.exec(phrase)?.[1].toLowerCase() ?? '';
  if (!DOCUMENT_NOUNS.has(last)) return null;
  const owned = POSSESSOR.exec(phrase);
  if (owned && DOCUMENT_NOUNS.has(owned[2])) return { start: span.start, end: span.start + owned[1].length };
  if (!/^(?:a|an|the|this|that|its|their|his|her|in)\s/i.test(phrase) || phrase.split(/\s+/).length > 5) return null;
  const after = AUTHOR_AFTER.exec(text.slice(span.end, span.end + 80));
  if (!after) return null;
  const at = span.end + after[0].length - after[1].length;
  return { start: at, end: at + after[1].replace(/['’]s$/, '').length };
}
