// A labelled set of quotes for judging the verdicts: real statements from the corpus,
// quoted intact, in part, with the edits copy desks allow, and mangled the ways quotes
// get mangled in real stories. Seeded, so every run draws the same set.

import type { Corpus, Severity, Verdict } from '../../server/src/engine';
import { tokenize, type Token } from '../../server/src/engine/text/tokenize';
import { isFunctionWord, isNegation, isNumberWord } from '../../server/src/engine/match/wordClasses';

export interface VerdictCase {
  kind: string;
  expect: Verdict;
  /** For altered: the severity the change deserves. */
  expectSeverity?: Severity;
  draft: string;
}

/** Park–Miller: small, seeded, the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

interface Source {
  id: number;
  text: string;
  tokens: Token[];
  speakerId: number;
  speakerName: string;
}

const MODALS: Record<string, string> = { will: 'would', would: 'will', can: 'could', could: 'can', may: 'might', should: 'would', must: 'should' };
const CONTRACT: Array<[RegExp, string]> = [
  [/\bwill not\b/, "won't"],
  [/\bdo not\b/, "don't"],
  [/\bdoes not\b/, "doesn't"],
  [/\bis not\b/, "isn't"],
  [/\bit is\b/, "it's"],
  [/\bwe are\b/, "we're"],
  [/\bthey are\b/, "they're"],
  [/\bI am\b/, "I'm"],
  [/\bwe have\b/, "we've"],
  [/\bcannot\b/, "can't"],
  [/\bthat is\b/, "that's"],
  [/\bwe will\b/, "we'll"],
];
const SPELLING: Array<[RegExp, string]> = [
  [/\b(\w+)ize\b/, '$1ise'],
  [/\b(\w+)ization\b/, '$1isation'],
  [/\b(hon|lab|fav|col|harb|neighb|behavi)or\b/, '$1our'],
  [/\bcenter\b/, 'centre'],
  [/\bdefense\b/, 'defence'],
];

function contentWordIndexes(source: Source, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const t = source.tokens[i];
    const surface = source.text.slice(t.start, t.end);
    if (!isFunctionWord(t.norm) && !isNegation(t.norm) && !isNumberWord(t.norm) && /^\p{Ll}{4,}$/u.test(surface)) out.push(i);
  }
  return out;
}

export function generateCases(corpus: Corpus, inventions: string[], count: number, seed = 7): VerdictCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  // Statements long enough to quote, whose speaker a draft can name back.
  const sources: Source[] = [];
  const nameOf = new Map<number, string>();
  for (let id = 0; ; id++) {
    let statement;
    try {
      statement = corpus.statement(id);
    } catch {
      if (id > corpus.statementCount * 2 + 10) break;
      continue;
    }
    if (/["“”‘’]|\[|\]|\.\.\.|…/.test(statement.text)) continue;
    const tokens = tokenize(statement.text);
    if (tokens.length < 16) continue;
    const canonical = corpus.speakers.canonical(statement.speakerId);
    let name = nameOf.get(canonical);
    if (name === undefined) {
      // Name the speaker as a reporter would, in a form the corpus resolves back to them.
      const display = corpus.speakers.speaker(canonical).name;
      const forms = [display, display.split(' ').pop() ?? ''].filter((f) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*$/u.test(f));
      name = forms.find((f) => corpus.speakers.resolve(f) === canonical) ?? '';
      nameOf.set(canonical, name);
    }
    if (!name) continue;
    sources.push({ id, text: statement.text, tokens, speakerId: canonical, speakerName: name });
    if (sources.length >= 20000) break;
  }
  // Speakers with a handful of statements are mostly typos in transcripts ("QMS. PSAKI:"): quote the regulars.
  const perSpeaker = new Map<number, number>();
  for (const s of sources) perSpeaker.set(s.speakerId, (perSpeaker.get(s.speakerId) ?? 0) + 1);
  const regular = sources.filter((s) => (perSpeaker.get(s.speakerId) ?? 0) >= 10);
  sources.length = 0;
  sources.push(...regular);
  if (sources.length < 20) throw new Error(`only ${sources.length} statements to quote from`);
  const speakers = [...new Set(sources.map((s) => s.speakerId))];
  const vocabulary = [...new Set(sources.flatMap((s) => contentWordIndexes(s, 0, s.tokens.length).map((i) => s.tokens[i].norm)))];

  const draftFor = (name: string, quote: string) => (random() < 0.5 ? `${name} said: “${quote}.”` : `“${quote},” ${name} said.`);
  const spanOf = (s: Source, from: number, to: number) => s.text.slice(s.tokens[from].start, s.tokens[to - 1].end);
  // A quote that starts right after "not" says the opposite of its source: never "intact".
  const window = (s: Source, min = 10, max = 22) => {
    const length = Math.min(s.tokens.length, int(min, max));
    let from = int(0, s.tokens.length - length);
    while (from > 0 && isNegation(s.tokens[from - 1].norm)) from--;
    return { from, to: Math.min(s.tokens.length, from + length) };
  };

  type Maker = () => VerdictCase | null;
  const makers: Array<[string, Maker]> = [];
  const add = (kind: string, make: Maker) => makers.push([kind, make]);

  add('intact', () => {
    const s = pick(sources);
    const { from, to } = window(s);
    return { kind: 'intact', expect: 'verified', draft: draftFor(s.speakerName, spanOf(s, from, to)) };
  });
  add('partial', () => {
    const s = pick(sources);
    const { from, to } = window(s, 4, 8);
    return { kind: 'partial', expect: 'verified', draft: `${s.speakerName} said the plan would “${spanOf(s, from, to)}.”` };
  });
  add('allowed: typographic forms', () => {
    const s = pick(sources);
    const { from, to } = window(s);
    const quote = spanOf(s, from, to)
      .replace(/'/g, '’')
      .replace(/ - /g, ' — ')
      .replace(/(\w)-(\w)/, '$1–$2');
    return { kind: 'allowed: typographic forms', expect: 'verified', draft: draftFor(s.speakerName, quote) };
  });
  add('allowed: first-letter case and white space', () => {
    const s = pick(sources);
    const { from, to } = window(s);
    const quote = spanOf(s, from, to);
    const flipped = (quote[0] === quote[0].toUpperCase() ? quote[0].toLowerCase() : quote[0].toUpperCase()) + quote.slice(1);
    return { kind: 'allowed: first-letter case and white space', expect: 'verified', draft: draftFor(s.speakerName, flipped.replace(/ (\S+) /, ' $1\n  ')) };
  });
  add('allowed: ellipsis', () => {
    const s = pick(sources);
    const { from, to } = window(s, 14, 24);
    const cutFrom = from + int(4, 6);
    const cutTo = cutFrom + int(2, 5);
    if (cutTo >= to - 3) return null;
    if (s.tokens.slice(cutFrom, cutTo).some((t) => isNegation(t.norm))) return null;
    const mark = pick(['...', '…', '. . .']);
    return { kind: 'allowed: ellipsis', expect: 'verified', draft: draftFor(s.speakerName, `${spanOf(s, from, cutFrom)} ${mark} ${spanOf(s, cutTo, to)}`) };
  });
  add('allowed: bracketed replacement', () => {
    const s = pick(sources);
    const { from, to } = window(s);
    const at = int(from + 1, to - 2);
    if (isNegation(s.tokens[at].norm)) return null;
    const quote = `${s.text.slice(s.tokens[from].start, s.tokens[at].start)}[${pick(['the administration', 'Biden', 'the bill', 'them'])}]${s.text.slice(s.tokens[at].end, s.tokens[to - 1].end)}`;
    return { kind: 'allowed: bracketed replacement', expect: 'verified', draft: draftFor(s.speakerName, quote) };
  });
  add('allowed: [sic] and edge punctuation', () => {
    const s = pick(sources);
    const { from, to } = window(s);
    const at = int(from + 2, to - 1);
    const quote = `${s.text.slice(s.tokens[from].start, s.tokens[at].end)} [sic]${s.text.slice(s.tokens[at].end, s.tokens[to - 1].end)}`;
    return { kind: 'allowed: [sic] and edge punctuation', expect: 'verified', draft: `${s.speakerName} said: “${quote}!”` };
  });

  const alter = (kind: string, severity: Severity, change: (s: Source, from: number, to: number) => string | null) =>
    add(kind, () => {
      const s = pick(sources);
      const { from, to } = window(s, 12, 22);
      const quote = change(s, from, to);
      if (quote === null) return null;
      return { kind, expect: 'altered', expectSeverity: severity, draft: draftFor(s.speakerName, quote) };
    });
  const replaceToken = (s: Source, from: number, to: number, at: number, word: string) =>
    `${s.text.slice(s.tokens[from].start, s.tokens[at].start)}${word}${s.text.slice(s.tokens[at].end, s.tokens[to - 1].end)}`;

  alter('altered: substituted word', 'error', (s, from, to) => {
    const at = pick(contentWordIndexes(s, from + 1, to - 1));
    if (at === undefined) return null;
    let word = pick(vocabulary);
    while (word === s.tokens[at].norm) word = pick(vocabulary);
    return replaceToken(s, from, to, at, word);
  });
  alter('altered: dropped word', 'error', (s, from, to) => {
    const at = pick(contentWordIndexes(s, from + 1, to - 1));
    if (at === undefined) return null;
    return `${s.text.slice(s.tokens[from].start, s.tokens[at].start)}${s.text.slice(s.tokens[at + 1].start, s.tokens[to - 1].end)}`;
  });
  alter('altered: inserted word', 'error', (s, from, to) => {
    const at = int(from + 1, to - 1);
    return `${s.text.slice(s.tokens[from].start, s.tokens[at].start)}${pick(vocabulary)} ${s.text.slice(s.tokens[at].start, s.tokens[to - 1].end)}`;
  });
  alter('altered: reordered words', 'error', (s, from, to) => {
    const candidates = contentWordIndexes(s, from + 1, to - 2).filter((i) => contentWordIndexes(s, i + 1, i + 2).length === 1 && s.tokens[i].norm !== s.tokens[i + 1].norm);
    const at = pick(candidates);
    if (at === undefined) return null;
    const a = s.text.slice(s.tokens[at].start, s.tokens[at].end);
    const b = s.text.slice(s.tokens[at + 1].start, s.tokens[at + 1].end);
    if (s.text.slice(s.tokens[at].end, s.tokens[at + 1].start) !== ' ') return null;
    return `${s.text.slice(s.tokens[from].start, s.tokens[at].start)}${b} ${a}${s.text.slice(s.tokens[at + 1].end, s.tokens[to - 1].end)}`;
  });
  alter('altered: changed number', 'error', (s, from, to) => {
    const at = s.tokens.findIndex((t, i) => i >= from && i < to && /^\d+$/.test(t.norm));
    if (at < 0) return null;
    return replaceToken(s, from, to, at, String(Number(s.tokens[at].norm) + int(1, 9)));
  });
  alter('altered: changed name', 'error', (s, from, to) => {
    const at = s.tokens.findIndex((t, i) => i > from && i < to && /^\p{Lu}\p{Ll}{3,}$/u.test(s.text.slice(t.start, t.end)) && !/[.!?]\s*$/.test(s.text.slice(0, t.start)));
    if (at < 0) return null;
    const other = pick(['Ramirez', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau']);
    return replaceToken(s, from, to, at, other);
  });
  alter('altered: negation', 'error', (s, from, to) => {
    const neg = s.tokens.findIndex((t, i) => i > from && i < to - 1 && (t.norm === 'not' || t.norm === 'never'));
    if (neg >= 0) return `${s.text.slice(s.tokens[from].start, s.tokens[neg].start)}${s.text.slice(s.tokens[neg + 1].start, s.tokens[to - 1].end)}`;
    const verb = s.tokens.findIndex((t, i) => i > from && i < to - 1 && ['is', 'are', 'was', 'will', 'can', 'should', 'would'].includes(t.norm));
    if (verb < 0) return null;
    return `${s.text.slice(s.tokens[from].start, s.tokens[verb].end)} not${s.text.slice(s.tokens[verb].end, s.tokens[to - 1].end)}`;
  });
  alter('altered: modal', 'error', (s, from, to) => {
    const at = s.tokens.findIndex((t, i) => i > from && i < to && MODALS[t.norm] !== undefined);
    if (at < 0) return null;
    return replaceToken(s, from, to, at, MODALS[s.tokens[at].norm]);
  });
  alter('altered (minor): contraction', 'warning', (s, from, to) => {
    const quote = spanOf(s, from, to);
    const rule = CONTRACT.find(([re]) => re.test(quote));
    return rule ? quote.replace(rule[0], rule[1]) : null;
  });
  alter('altered (minor): function word', 'warning', (s, from, to) => {
    const at = s.tokens.findIndex((t, i) => i > from && i < to - 1 && (t.norm === 'the' || t.norm === 'a'));
    if (at < 0) return null;
    return replaceToken(s, from, to, at, s.tokens[at].norm === 'the' ? 'a' : 'the');
  });
  alter('altered (minor): spelling', 'warning', (s, from, to) => {
    const quote = spanOf(s, from, to);
    const rule = SPELLING.find(([re]) => re.test(quote));
    return rule ? quote.replace(rule[0], rule[1]) : null;
  });

  // Heavy edits (issue 12), which a copy editor wants reported with the source beside them.
  alter('altered (minor): tense changed', 'warning', (s, from, to) => {
    // A regular past tense put in the present ("worked" → "works"): another form of the word.
    const at = s.tokens.findIndex((t, i) => i > from && i < to - 1 && /^[a-z]{3,}[^aeiou]ed$/.test(s.text.slice(t.start, t.end)) && !isNegation(t.norm));
    if (at < 0) return null;
    return replaceToken(s, from, to, at, `${s.tokens[at].norm.slice(0, -2)}s`);
  });
  alter('altered: a phrase moved', 'error', (s, from, to) => {
    // The quote's second part put before its first: both are the source's words, in another order.
    const cut = from + int(5, 7);
    if (to - cut < 5 || s.tokens.slice(from, to).some((t) => isNegation(t.norm))) return null;
    return `${spanOf(s, cut, to)} ${spanOf(s, from, cut)}`;
  });
  add('altered: 5-8 words dropped without an ellipsis', () => {
    const s = pick(sources);
    const { from, to } = window(s, 18, 26);
    const cutFrom = from + int(4, 6);
    const cutTo = cutFrom + int(5, 8);
    if (cutTo > to - 4 || s.tokens.slice(cutFrom, cutTo).some((t) => isNegation(t.norm)) || contentWordIndexes(s, cutFrom, cutTo).length === 0) return null;
    const kind = 'altered: 5-8 words dropped without an ellipsis';
    return { kind, expect: 'altered', expectSeverity: 'error', draft: draftFor(s.speakerName, `${spanOf(s, from, cutFrom)} ${spanOf(s, cutTo, to)}`) };
  });
  add('verified: a quote over two consecutive turns', () => {
    // The end of one turn and the start of the speaker's next (a reporter's question between): one remark.
    const a = pick(sources.filter((x) => corpus.sameSpeakerNeighbour(x.id, 1) >= 0));
    const b = a && sources.find((x) => x.id === corpus.sameSpeakerNeighbour(a.id, 1));
    if (!a || !b || isNegation(a.tokens[a.tokens.length - int(5, 8) - 1]?.norm ?? '')) return null;
    const head = spanOf(a, a.tokens.length - int(5, 8), a.tokens.length);
    if (isNegation(a.tokens[a.tokens.length - head.split(/\s+/).length - 1]?.norm ?? '')) return null;
    return { kind: 'verified: a quote over two consecutive turns', expect: 'verified', draft: draftFor(a.speakerName, `${head} ${spanOf(b, 0, int(5, 8))}`) };
  });

  // The front of one statement and the back of another by the same speaker, joined by `joint`.
  const stitch = (kind: string, joint: string) => () => {
    const a = pick(sources);
    // Not the speaker's next or previous turn in the same document: those are one remark (SPEC §5).
    const b = pick(sources.filter((x) => x.speakerId === a.speakerId && x.id !== a.id && corpus.sameSpeakerNeighbour(a.id, 1) !== x.id && corpus.sameSpeakerNeighbour(a.id, -1) !== x.id));
    if (!b) return null;
    const head = spanOf(a, 0, Math.min(a.tokens.length, int(6, 10)));
    const tailStart = Math.max(0, b.tokens.length - int(6, 10));
    return { kind, expect: 'stitched' as const, draft: draftFor(a.speakerName, `${head}${joint}${spanOf(b, tailStart, b.tokens.length)}`) };
  };
  add('stitched', stitch('stitched', ' '));
  add('stitched with an ellipsis', stitch('stitched with an ellipsis', ' … '));
  add('misattributed', () => {
    const s = pick(sources);
    const otherId = pick(speakers.filter((id) => id !== s.speakerId));
    const other = sources.find((x) => x.speakerId === otherId);
    if (!other) return null;
    const { from, to } = window(s);
    return { kind: 'misattributed', expect: 'misattributed', draft: draftFor(other.speakerName, spanOf(s, from, to)) };
  });
  add('invented', () => {
    const s = pick(sources);
    return { kind: 'invented', expect: 'missing', draft: draftFor(s.speakerName, pick(inventions)) };
  });

  const cases: VerdictCase[] = [];
  let attempts = 0;
  while (cases.length < count && attempts < count * 20) {
    attempts++;
    const [, make] = makers[cases.length % makers.length];
    const made = make();
    if (made) cases.push(made);
  }
  return cases;
}
