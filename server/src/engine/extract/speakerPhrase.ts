// Reading a speaker phrase: what kind of speaker it names, and a clean form of it.
import { ORG_WORDS, PRONOUN_WORDS, ROLE_NOUNS, TITLE_WORDS } from './lexicon';

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
  const text = raw.trim().replace(/\s+/g, ' ').replace(/[,;:.]+$/, '');
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
