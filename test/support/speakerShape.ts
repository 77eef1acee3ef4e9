// What a resolved speaker must never be (issue 15): a closed-class word ("But", "Some", "At",
// "His", "It's") or a clause or fragment ("other officials haven't", "of the email to"). The
// word lists are English grammar written here, not the engine's lexicon, so a test built on
// them cannot follow the engine's own lists; compromise tags the one-word phrases the lists
// leave open (an adverb, a conjunction, a preposition, a determiner).
import type Nlp from 'compromise';

const DETERMINERS = [
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'no',
  'every',
  'each',
  'either',
  'neither',
  'all',
  'both',
  'few',
  'many',
  'much',
  'more',
  'most',
  'less',
  'least',
  'several',
  'such',
  'what',
  'which',
  'whose',
  'another',
  'other',
  'enough',
];
const PRONOUN_FORMS = [
  'him',
  'his',
  'her',
  'hers',
  'its',
  'their',
  'theirs',
  'them',
  'me',
  'my',
  'mine',
  'our',
  'ours',
  'us',
  'your',
  'yours',
  'himself',
  'herself',
  'itself',
  'themselves',
  'ourselves',
  'myself',
  'yourself',
  "it's",
  'it’s',
  'one',
  'ones',
  'something',
  'anything',
  'nothing',
  'everything',
  'somebody',
  'anybody',
  'nobody',
  'there',
  'here',
  'whom',
  'whoever',
  'whatever',
];
const PREPOSITIONS = [
  'at',
  'in',
  'on',
  'of',
  'to',
  'for',
  'from',
  'with',
  'without',
  'by',
  'about',
  'after',
  'before',
  'during',
  'since',
  'until',
  'into',
  'onto',
  'over',
  'under',
  'above',
  'below',
  'between',
  'among',
  'against',
  'through',
  'throughout',
  'across',
  'around',
  'behind',
  'beside',
  'besides',
  'beyond',
  'despite',
  'except',
  'inside',
  'outside',
  'near',
  'off',
  'per',
  'toward',
  'towards',
  'upon',
  'via',
  'within',
  'like',
  'unlike',
  'amid',
  'amongst',
  'as',
  'than',
];
const CONJUNCTIONS = [
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'if',
  'unless',
  'when',
  'whenever',
  'where',
  'wherever',
  'whether',
  'once',
  'however',
  'therefore',
  'meanwhile',
  'moreover',
  'furthermore',
  'nevertheless',
  'nonetheless',
  'thus',
  'hence',
  'instead',
  'otherwise',
  'also',
  'still',
  'then',
  'now',
  'later',
  'earlier',
  'last',
  'first',
  'next',
  'finally',
  'again',
  'already',
  'even',
  'just',
  'only',
  'somehow',
  'perhaps',
  'maybe',
  'indeed',
  'really',
  'actually',
  'ultimately',
  'eventually',
  'recently',
  'currently',
  'yesterday',
  'today',
  'tomorrow',
  'tonight',
  'not',
  'yes',
  'no',
  'please',
  'watch',
  'read',
  'listen',
  'related',
  'update',
];
const AUXILIARIES = [
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'has',
  'have',
  'had',
  'having',
  'do',
  'does',
  'did',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'ought',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "wouldn't",
  "can't",
  'cannot',
  "couldn't",
  "shouldn't",
  "mustn't",
  "mightn't",
];

/** A pronoun fused with a verb: "I'm", "He's", "they're", "that's". */
const CONTRACTED = /^(?:i|you|he|she|it|we|they|that|there|what|who|let|here|where)'(?:m|s|re|ve|ll|d)$/;

const CLOSED = new Set([...DETERMINERS, ...PRONOUN_FORMS, ...PREPOSITIONS, ...CONJUNCTIONS, ...AUXILIARIES]);
const AUX = new Set(AUXILIARIES);
const EDGE = new Set([...DETERMINERS.filter((w) => w !== 'most'), ...PREPOSITIONS, ...['and', 'but', 'or', 'nor', 'if', 'because', 'although', 'though', 'whether', 'that']]);

let nlp: typeof Nlp | undefined;
const tagCache = new Map<string, boolean>();

const CLOSED_TAGS = new Set(['Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Reflexive', 'Modal', 'Auxiliary', 'Copula', 'QuestionWord']);

/**
 * compromise's lexicon has the lone word as an adverb, conjunction, preposition, determiner or
 * reflexive, or it is an adverb in -ly made from an adjective the lexicon has ("Significantly"
 * from "significant"; not "Schlafly").
 */
function taggedClosed(word: string): boolean {
  let v = tagCache.get(word);
  if (v !== undefined) return v;
  if (!nlp) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- compromise loaded on first use, as the engine does
    const m = require('compromise') as typeof Nlp & { default?: typeof Nlp };
    nlp = m.default ?? m;
  }
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
  const l = word.toLowerCase();
  const tag = lexicon[l];
  const stem = /ily$/.test(l) ? l.slice(0, -3) + 'y' : l.slice(0, -2);
  v =
    (tag !== undefined && CLOSED_TAGS.has(tag)) ||
    (/ly$/.test(l) && ['Adjective', 'Comparative', 'Superlative'].includes(lexicon[stem] ?? lexicon[stem.replace(/al$/, '')] ?? '') && nlp(word).has('#Adverb'));
  tagCache.set(word, v);
  return v;
}

/** Finite verbs of saying: a phrase holding one ("Anderson said", "an executive tells employees") is a clause. */
const SAYING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'tell',
  'wrote',
  'writes',
  'added',
  'adds',
  'asked',
  'asks',
  'stated',
  'states',
  'noted',
  'notes',
  'explained',
  'explains',
  'argued',
  'argues',
  'insisted',
  'insists',
  'claimed',
  'replied',
  'responded',
  'announced',
  'declared',
  'tweeted',
  'warned',
  'assures',
  'assured',
]);

const norm = (w: string) =>
  (w === 'US' ? 'u.s.' : w)
    .replace(/[’]/g, "'")
    .replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '')
    .toLowerCase();

/** Why `speaker` is no speaker (closed-class word, clause), or null when it may be one. */
export function badSpeakerShape(speaker: string, article?: string): string | null {
  const words = speaker
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return 'no word';
  const lower = words.map(norm);
  // "about half of the pilots", "at least two-thirds of voters": a share of a group
  if (
    /^(?:(?:about|nearly|almost|roughly|at least|more than|fewer than|less than|over|just|only)\s+)?(?:half|a third|a quarter|two-thirds|one-third|a majority|majorities|\d[\d.,]*\s*(?:percent|%)|one in \w+)\s+of\s+\S/i.test(
      speaker.trim(),
    )
  )
    return null;
  // "From", "Read": a surname the article gives with a first name ("Al From", "Ian Read")
  if (words.length === 1 && article && /^\p{Lu}\p{Ll}+$/u.test(words[0]) && new RegExp(`(?:^|[^.\\p{L}]\\s*)\\p{Lu}\\p{Ll}+ ${words[0]}\\b`, 'u').test(article)) return null;
  if (lower.some((w) => CONTRACTED.test(w))) return 'clause (pronoun and verb contracted)';
  if (words.length === 1) {
    if (CLOSED.has(lower[0])) return 'closed-class word';
    if (/^\p{Lu}[\p{Ll}]+$/u.test(words[0]) && taggedClosed(words[0])) return 'closed-class word (compromise)';
    return null;
  }
  // A determiner or quantifier with nothing else of substance: "A March", "The Other"
  if (lower.every((w) => CLOSED.has(w))) return 'closed-class words';
  // "A March", "The Tuesday": a date after an article
  if (
    lower.length === 2 &&
    DETERMINERS.includes(lower[0]) &&
    /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lower[1])
  )
    return 'closed-class word and a date';
  // "Ms. May", "Will Doyle": a capitalised May or Will beside a capitalised word is a name
  const nameWord = (i: number) => /^(?:may|will)$/.test(lower[i]) && /^\p{Lu}\p{Ll}/u.test(words[i]) && (/^\p{Lu}/u.test(words[i - 1] ?? '') || /^\p{Lu}/u.test(words[i + 1] ?? ''));
  if (lower.some((w, i) => AUX.has(w) && !nameWord(i))) return 'clause (auxiliary or modal)';
  if (PREPOSITIONS.includes(lower[0]) || ['and', 'but', 'or', 'because', 'although', 'though', 'if', 'whether'].includes(lower[0])) return 'fragment (opens with a preposition or conjunction)';
  // "Michael Every": a capitalised word after a capitalised word is a name
  const n = words.length;
  const nameEnd = /^\p{Lu}\p{Ll}/u.test(words[n - 1]) && /^\p{Lu}/u.test(words[n - 2]) && !PREPOSITIONS.includes(lower[n - 1]) && !['and', 'or', 'but', 'the', 'a', 'an'].includes(lower[n - 1]);
  if (EDGE.has(lower[n - 1]) && !nameEnd) return 'fragment (ends with a function word)';
  if (lower.slice(1).some((w, i) => SAYING.has(w) && /^\p{Ll}/u.test(words[i + 1]))) return 'clause (a verb of saying inside)';
  return null;
}
