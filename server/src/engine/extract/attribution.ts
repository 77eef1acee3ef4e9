import type { Span } from '../types';
import {
  ADVERBS_BEFORE_CUE,
  CLAUSE_WORDS,
  DETERMINERS,
  GROUP_NOUNS,
  isCueVerb,
  LEADING_ADJUNCT,
  LISTENER_CUES,
  MONTHS,
  NOT_A_SPEAKER,
  NOUN_CUES,
  PRONOUN_SUBJECTS,
  ROLE_NOUNS,
  SENTENCE_ADVERBS,
  SHARE_OF,
  TITLE_WORDS,
  WEEKDAYS,
} from './lexicon';
import { ABBREVIATIONS } from './sentences';
import { workDone } from '../work';
import { applied } from './rules';

/** An attribution read from the words around a quote: the cue and the speaker phrase. */
export interface Attribution {
  cue: Span;
  speaker: Span | null;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[,;:!?()—–·"“”‘’«»]/gu;

export function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const take = (index: number, raw: string) => {
    workDone.steps++;
    let w = raw;
    // A trailing period ends the sentence unless the word is an abbreviation or initial ("Sen.", "J.").
    let sentenceEnd = false;
    // A period before a comma ("of Ashton, Md., said", "R-Ky., said") ends an abbreviation, not a sentence.
    if (w.endsWith('.') && text[index + raw.length] !== ',' && !/^(?:\p{Lu}|(?:\p{L}\.)+\p{L})\.$/u.test(w) && !ABBREVIATIONS.has(w.slice(0, -1).toLowerCase())) {
      w = w.slice(0, -1);
      sentenceEnd = true;
    }
    if (index + w.length > to) w = w.slice(0, to - index);
    if (w) words.push({ text: w, start: index, end: index + w.length });
    // The period itself is a boundary: a speaker phrase never reaches back into the last sentence.
    if (sentenceEnd && index + w.length < to) words.push({ text: '.', start: index + w.length, end: index + w.length + 1 });
  };
  const scan = text.length >= WHOLE_SCAN_FROM ? wholeScan(text) : null;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    take(m.index, m[0]);
    if (!scan) continue;
    // Where this scan meets the whole text's (a match of both ends here), the rest is the same
    // sequence of matches: read on from it instead of matching again.
    const k = firstAtLeast(scan.ends, scan.count, m.index + m[0].length);
    if (k < scan.count && scan.ends[k] === m.index + m[0].length) {
      for (let j = k + 1; j < scan.count && scan.starts[j] < to; j++) take(scan.starts[j], text.slice(scan.starts[j], scan.ends[j]));
      break;
    }
  }
  return words;
}

/**
 * A long text's WORD matches found once, not once per window: every quote reads the 800
 * characters on each side of it, so in a dense draft each character was matched dozens of
 * times. Short texts scan their windows directly.
 */
const WHOLE_SCAN_FROM = 50_000;
let lastScan: { text: string; starts: Int32Array; ends: Int32Array; count: number } | null = null;

function wholeScan(text: string): { starts: Int32Array; ends: Int32Array; count: number } {
  if (lastScan && lastScan.text === text) return lastScan;
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  lastScan = { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
  return lastScan;
}

/** The first index whose value is at least `value` (values ascending). */
function firstAtLeast(values: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isPunct = (w: Word) => /^[.,;:!?()—–·"“”‘’«»]$/.test(w.text);
/** Time and place phrases that sit between a speaker and the cue ("Blinken on Thursday tweeted"). */
const TRAILING_ADJUNCT = /\s+(?:on|in|at|during|last|this|earlier|later|late|early|yesterday|today|tonight|overnight|from)\b.*$/i;

/** Words from `cueIndex` backwards to a clause boundary: the subject of the cue. */
export function subjectBefore(text: string, words: Word[], cueIndex: number): Span | null {
  let end = cueIndex;
  // "he has said", "Ruiz forcefully told": auxiliaries and adverbs stand between the subject and the cue
  while (end > 0 && (ADVERBS_BEFORE_CUE.has(words[end - 1].text.toLowerCase()) || /^\p{Ll}{3,}ly$/u.test(words[end - 1].text))) end--;
  if (end < cueIndex) applied('attr.adverb-before-cue');
  // "Ana Ruiz, the mayor, on Friday described …": a time between the apposition and the cue
  const time = timeBefore(words, end);
  if (time < end && time > 1 && words[time - 1].text === ',') {
    applied('attr.time-before-cue');
    end = time;
  }
  // "Gene Sperling, a top Clinton adviser, said": the name stands before the apposition(s).
  if (end > 1 && words[end - 1].text === ',') {
    const named = appositionSubject(text, words, end - 1);
    if (named) {
      applied('attr.apposition');
      return named;
    }
  }
  let start = end;
  while (start > 0 && end - start < 10) {
    const w = words[start - 1];
    if (isPunct(w) || CLAUSE_WORDS.has(w.text.toLowerCase()) || isCueVerb(w.text)) break;
    start--;
  }
  if (start === end) return null;
  // "Ana Ruiz, who chairs the board said": the relative clause describes the name before it
  if (start > 2 && /^(?:who|whose)$/i.test(words[start - 1].text) && words[start - 2].text === ',') {
    const named = appositionSubject(text, words, start - 2);
    if (named && /^\p{Lu}/u.test(text.slice(named.start, named.end))) {
      applied('attr.relative-who');
      return named;
    }
  }
  const span = { start: words[start].start, end: words[end - 1].end };
  const phrase = text.slice(span.start, span.end);
  const trimmed = phrase.replace(TRAILING_ADJUNCT, '');
  if (trimmed.length > 0 && trimmed.length < phrase.length) {
    applied('attr.trailing-adjunct');
    span.end = span.start + trimmed.length;
  }
  // "In a statement X said": drop a leading adjunct that a comma did not close off.
  const lead = /^(?:in|on|at|during)\s+(?:a|an|the)\s+\w+\s+/i.exec(text.slice(span.start, span.end));
  if (lead && span.end - span.start > lead[0].length) {
    applied('attr.leading-adjunct');
    span.start += lead[0].length;
  }
  return span;
}

/** Where a time phrase ending at `end` starts ("on Friday", "last week", "Tuesday night"), or `end` if there is none. */
function timeBefore(words: Word[], end: number): number {
  let k = end;
  while (k > 0 && end - k < 3 && WEEKDAYS.test(words[k - 1].text)) k--;
  if (k === end) return end;
  if (k > 0 && /^(?:on|last|this|early|late|earlier|later|that)$/i.test(words[k - 1].text)) k--;
  return k;
}

/**
 * Comma groups before the comma at `comma` ("Ana Ruiz, the mayor of Lyon, a city of …,"): the
 * last group that reads as a name (opens and ends with a capital), else the nearest group.
 */
function appositionSubject(text: string, words: Word[], comma: number): Span | null {
  const groups: Array<{ s: number; e: number }> = [];
  let e = comma;
  while (groups.length < 6) {
    let s = e;
    while (s > 0 && e - s < 24 && !isPunct(words[s - 1])) s--;
    // A group between two commas is an apposition and may hold "and" ("director of X and a
    // professor at Y"); the group opening the run may start after a clause word: "and Ana Ruiz, the mayor," → "Ana Ruiz"
    const between = s > 0 && words[s - 1].text === ',';
    // ", who has backed the plan as the port has struggled,": a relative clause is one group, whatever clause words it holds
    const relative = between && /^(?:who|which|whose)$/i.test(words[s].text);
    for (let k = e - 1; k >= s && !relative; k--) {
      const l = words[k].text.toLowerCase();
      if (!CLAUSE_WORDS.has(l) || k <= s) continue;
      if (between && /^(?:and|or)$/.test(l) && /^(?:a|an|the|\p{Ll}.*)$/u.test(words[k + 1]?.text ?? '')) continue;
      // "chair of the Roads and Bridges Committee": "and" inside a name
      if (between && l === 'and' && /^\p{Lu}/u.test(words[k - 1].text) && /^\p{Lu}/u.test(words[k + 1]?.text ?? '')) continue;
      // "the agency that runs the port": a relative clause inside the apposition
      if (between && /^(?:that|who|which|where)$/.test(l) && k > s && /^\p{Ll}/u.test(words[k - 1].text)) continue;
      s = k + 1;
      break;
    }
    // "Or, as Ana Ruiz, the mayor, put it": the clause word opening the run is not part of the name
    if (s + 1 < e && CLAUSE_WORDS.has(words[s].text.toLowerCase()) && (!between || /^\p{Lu}/u.test(words[s + 1].text))) s++;
    else if (!between && s < e && CLAUSE_WORDS.has(words[s].text.toLowerCase())) s++;
    if (s === e) break;
    groups.unshift({ s, e });
    if (s > 0 && words[s - 1].text === ',') {
      e = s - 1;
      continue;
    }
    break;
  }
  if (groups.length === 0) return null;
  // "But Ana Ruiz, the mayor,": a conjunction or sentence adverb opening the run is not part of the name
  const opening = groups[0];
  while (opening.e - opening.s > 1 && SENTENCE_ADVERBS.has(words[opening.s].text.toLowerCase())) opening.s++;
  const isName = (g: { s: number; e: number }) => {
    const first = words[g.s].text;
    const last = words[g.e - 1].text.replace(/['’]s$/, '');
    if (g.e - g.s === 1 && (ABBREVIATIONS.has(first.replace(/\.$/, '').toLowerCase()) || /^\p{Lu}-\p{Lu}[\p{L}.]*$/u.test(first))) return false; // "Md.", "R-Ky."
    return /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(last) && !SENTENCE_ADVERBS.has(first.toLowerCase()) && !/^(?:who|which|whose)$/i.test(first);
  };
  const span = (g: { s: number; e: number }) => ({ start: words[g.s].start, end: words[g.e - 1].end });
  // "Kevin Ruiz, chairman of the Ways and Means Committee, said", "Ana Ruiz, Democrat of Ohio,
  // said": the head of the run is the name and what follows it describes; a proper name
  // later on is a committee, a party or a place.
  const isPersonName = (g: { s: number; e: number }) =>
    isName(g) && !LEADING_ADJUNCT.test(words[g.s].text) && isNameLike(text.slice(words[g.s].start, words[g.e - 1].end)) && !/^(?:democrat|republican|independent)$/i.test(words[g.s].text);
  for (const g of groups) if (isPersonName(g)) return span(g);
  for (let i = groups.length - 1; i >= 0; i--) if (isName(groups[i])) return span(groups[i]);
  // no name: "a spokeswoman for the agency, Ana Ruiz," already handled; the group nearest the cue
  const nearest = groups[groups.length - 1];
  if (/^(?:who|which|whose)$/i.test(words[nearest.s].text) && groups.length > 1) return span(groups[groups.length - 2]);
  return span(nearest);
}

/**
 * Whether a phrase read as a cue's subject can name a speaker: "Ruiz", "the mayor", "aides",
 * "senior officials" can; "stopped short of", "going", "early Friday" cannot.
 */
export function isPlausibleSpeaker(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const first = words[0];
  if (/^[\p{Lu}\p{N}]/u.test(first)) return true;
  const lower = first.toLowerCase();
  if (PRONOUN_SUBJECTS.has(lower) || DETERMINERS.has(lower)) return true;
  if (ROLE_NOUNS.has(lower) || TITLE_WORDS.has(lower) || GROUP_NOUNS.has(lower)) return words.length <= 6;
  // "about half of primary voters", "75 percent of Democrats", "large majorities of voters in six states"
  if (words.length <= 12 && SHARE_OF.test(phrase)) return true;
  // "longtime Democratic pollster Ana Ruiz": lower-case modifiers before a name
  if (words.length <= 8 && /^\p{Lu}/u.test(words[words.length - 1]) && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2) return true;
  // "aides", "senior officials", "hacking specialists": plural nouns, maybe with a modifier
  const last = words[words.length - 1].toLowerCase();
  return words.length <= 3 && /[^s]s$/.test(last) && !(words.length === 1 && /(?:ed|ing|ly)$/.test(lower)) && !/(?:ed|ly)$/.test(lower) && !/^(?:is|was|has|does|says|as|this|thus|us)$/.test(last);
}

/** "several observers", "aides", "some economists": a group of people named by its plural noun. */
export function isGroupOfPeople(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  return GROUP_NOUNS.has(words[words.length - 1].toLowerCase()) && words.slice(0, -1).every((w) => /^\p{Ll}/u.test(w));
}

/** A speaker phrase made of names, titles and role words only ("Ana Ruiz", "the city's mayor"). */
export function isNameLike(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every((w, i) => {
    const l = w.toLowerCase().replace(/['’]s$/, '');
    return /^[\p{Lu}\p{N}]/u.test(w) || TITLE_WORDS.has(l) || ROLE_NOUNS.has(l) || (i === 0 && DETERMINERS.has(l)) || /^(?:of|the|and|for|a|an|at|from|in|on)$/.test(l);
  });
}

export function isNounUse(words: Word[], k: number): boolean {
  const w = words[k].text;
  // "Story continues below advertisement": a web page's furniture, not a cue
  if ((w === 'continues' || w === 'continued') && /^(?:below|after|on)$/i.test(words[k + 1]?.text ?? '')) {
    applied('attr.page-furniture');
    return true;
  }
  if (!NOUN_CUES.has(w)) return false;
  const prev = words[k - 1]?.text ?? '';
  const lower = prev.toLowerCase();
  if (/^(?:tweet|tweets|claims|calls|posts|reports|notes|states|promises|vows|remarks)$/.test(w)) {
    // "his late-night tweets", "flurry of midnight tweets", "a Donald Trump tweet", "the United States"
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const t = words[j].text;
      const l = t.toLowerCase();
      if (DETERMINERS.has(l) || l === 'of' || /['’]s$/.test(t)) return true;
      if (
        /^\p{Lu}/u.test(t) ||
        /^\p{Ll}[\p{L}]*-[\p{L}-]+$/u.test(t) ||
        /^(?:late|new|latest|earlier|recent|false|similar|numerous|repeated|midnight|angry|many|few|several|own|campaign|news|media|press|twitter|facebook)$/.test(l)
      )
        continue;
      break;
    }
  }
  if (/^(?:write|ask|add)$/.test(w)) return !/^(?:to|will|would|could|can|did|didn't|might|should|may|must|i|we|you|they)$/i.test(prev);
  if (w === 'says') return lower === 'what' && false;
  if (w === 'charged' || w === 'cited') return /^(?:was|were|been|be|is|are|being)$/.test(lower);
  return false;
}

/**
 * The subject of a sentence's main clause, read from its start: a scene-setting phrase up to a
 * comma is skipped ("During the debate, Trump …"), then a run of capitalised and title words
 * ("Hillary Clinton’s campaign manager Robby Mook"), a pronoun, or "the" + a role noun.
 */
export function mainSubject(words: Word[], until: number): Span | null {
  let i = 0;
  while (i < until && words[i].text === '·') i++;
  if (i < until && LEADING_ADJUNCT.test(words[i].text)) {
    let j = i;
    while (j < until && j - i < 25 && words[j].text !== ',') j++;
    if (j < until && words[j].text === ',') i = j + 1;
    else return null;
  }
  if (i >= until) return null;
  const first = words[i].text;
  if (PRONOUN_SUBJECTS.has(first.toLowerCase()) && first.toLowerCase() !== 'who') return { start: words[i].start, end: words[i].end };
  let end = i;
  let lastCapital = -1;
  while (end < until && end - i < 10) {
    const t = words[end].text;
    const lower = t.toLowerCase().replace(/['’]s$/, '');
    if (isPunct(words[end])) break;
    if (/^\p{Lu}/u.test(t)) lastCapital = end;
    else if (!(TITLE_WORDS.has(lower) || ROLE_NOUNS.has(lower) || (end === i && DETERMINERS.has(lower)))) break;
    end++;
  }
  if (end === i) return null;
  // "the senator" may end with a role noun; a name run ends with its last capitalised word
  let stop = end - 1;
  if (lastCapital >= i && !ROLE_NOUNS.has(words[stop].text.toLowerCase())) stop = lastCapital;
  if (lastCapital < i && !ROLE_NOUNS.has(words[stop].text.toLowerCase())) return null;
  return { start: words[i].start, end: words[stop].end };
}

/** Words after a cue up to punctuation or a clause word: an inverted speaker ("said Miller"). */
export function subjectAfter(words: Word[], cueIndex: number): Span | null {
  if (LISTENER_CUES.has(words[cueIndex].text)) return null;
  let end = cueIndex + 1;
  while (end < words.length && end - cueIndex <= 10) {
    const w = words[end];
    if (isPunct(w) || CLAUSE_WORDS.has(w.text.toLowerCase()) || /^(?:in|on|at|during|to|about|of|with|for|from|after|before)$/i.test(w.text)) break;
    end++;
  }
  if (end === cueIndex + 1) return null;
  return { start: words[cueIndex + 1].start, end: words[end - 1].end };
}

/**
 * The speaker after an inverted cue when it names someone: "said Ana Ruiz", and past a role to
 * the name in apposition, "wrote the ambassador at the time, Ana Ruiz" → "Ana Ruiz".
 */
function invertedSpeaker(text: string, words: Word[], cueIndex: number): Span | null {
  const after = subjectAfter(words, cueIndex);
  if (!after) return null;
  const phrase = text.slice(after.start, after.end);
  // "said Tuesday", "said Sept. 4": a time, not a name
  if (WEEKDAYS.test(words[cueIndex + 1].text) || MONTHS.test(words[cueIndex + 1].text)) {
    applied('attr.inverted-time');
    return null;
  }
  if (/^\p{Lu}/u.test(phrase) && isNameLike(phrase) && !PRONOUN_SUBJECTS.has(phrase.toLowerCase())) return after;
  if (!/^\p{Ll}/u.test(phrase) || LISTENER_CUES.has(words[cueIndex].text)) return null;
  const roleThenName = roleBeforeName(text, words, cueIndex);
  if (roleThenName) return roleThenName;
  // a role ("another user", "the ambassador at the time"), then a comma and a name
  let k = cueIndex + 1;
  while (k < words.length && k - cueIndex <= 10 && !isPunct(words[k])) k++;
  if (words[k]?.text !== ',') return null;
  const named = subjectAfter(words, k);
  if (!named) return null;
  const name = text.slice(named.start, named.end);
  if (!(/^\p{Lu}/u.test(name) && isNameLike(name) && name.split(/\s+/).length >= 2)) return null;
  applied('attr.inverted-past-role');
  return named;
}

/**
 * "said oil and gas worker Ana Ruiz.", "said head of security Ana Ruiz": lower-case role words
 * (which may hold "and" or "of") after an inverted cue, then a full name closing the clause: the
 * name speaks, not the role's first word.
 */
function roleBeforeName(text: string, words: Word[], cueIndex: number): Span | null {
  let k = cueIndex + 1;
  while (k < words.length && k - cueIndex <= 8 && /^\p{Ll}/u.test(words[k].text) && !isPunct(words[k])) k++;
  if (k === cueIndex + 1 || k - cueIndex > 8 || !/^\p{Lu}/u.test(words[k]?.text ?? '')) return null;
  // "said the board and Ana Ruiz": a clause word before the capital joins, it does not describe
  if (CLAUSE_WORDS.has(words[k - 1].text.toLowerCase()) || /^(?:of|for|to|from|with|at|in|on|by)$/i.test(words[k - 1].text)) return null;
  let e = k;
  while (e < words.length && e - k < 4 && /^\p{Lu}/u.test(words[e].text) && !isPunct(words[e])) e++;
  if (e - k < 2 || (e < words.length && !isPunct(words[e]))) return null;
  const name = { start: words[k].start, end: words[e - 1].end };
  if (!isNameLike(text.slice(name.start, name.end))) return null;
  applied('attr.inverted-role-name');
  return name;
}

/**
 * Attribution after a quote: `…,” he said`, `…,” said Miller`, `…,” according to X`.
 * Reads from `from` (right after the closing mark) to `to` (the sentence's end).
 */
/** How far from a quote its attribution is looked for: a cue further off is not its cue, and a
 * sentence that never ends (a pasted log, a run-on) must not make every quote read all of it. */
const ATTRIBUTION_REACH = 800;

export function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const words = wordsIn(text, from, Math.min(to, from + ATTRIBUTION_REACH));
  let i = 0;
  while (i < words.length && isPunct(words[i]) && words[i].text !== '·') i++;
  const head = words.slice(i, i + 12);
  if (head.length === 0 || head[0].text === '·') return null;
  const accordingTo = /^according$/i.test(head[0].text) && head[1] && /^to$/i.test(head[1].text);
  if (accordingTo) {
    applied('attr.according-to');
    const speaker = subjectAfter(words, i + 1);
    return { cue: { start: head[0].start, end: head[1].end }, speaker };
  }
  if (isCueVerb(head[0].text)) {
    applied('attr.inverted');
    return { cue: { start: head[0].start, end: head[0].end }, speaker: invertedSpeaker(text, words, i) ?? subjectAfter(words, i) };
  }
  // "he said", "Miller added", "the secretary of state later said"
  for (let k = i; k < Math.min(words.length, i + 24); k++) {
    const w = words[k];
    if (isPunct(w) && w.text !== ',' && w.text !== '(' && w.text !== ')') return null; // commas may set off an apposition: "Ana Ruiz, the mayor, said"
    // "…,” but stopped short of calling it …": another clause, not an attribution
    if (k === i && /^(?:and|but|or|so|yet|while|because|as|if|when|since|though|although|than)$/i.test(w.text)) {
      applied('attr.new-clause');
      return null;
    }
    if (isCueVerb(w.text) && k > i && isNounUse(words, k)) applied('attr.noun-cue');
    else if (isCueVerb(w.text) && k > i) {
      // "…,” to the plan and warned …": another verb of the sentence's subject, not an attribution after the quote
      if (/^(?:and|but|or)$/i.test(words[k - 1].text)) {
        applied('attr.second-verb');
        return null;
      }
      // "…” about the plan, said Ana Ruiz": after a comma the cue is inverted and the name follows it
      if (words[k - 1].text === ',' && !w.text.endsWith('ing')) {
        const after = invertedSpeaker(text, words, k);
        if (after) {
          applied('attr.inverted');
          return { cue: { start: w.start, end: w.end }, speaker: after };
        }
      }
      const speaker = subjectBefore(text, words, k);
      if (w.text.endsWith('ing') && !(speaker && /^\p{Lu}/u.test(text.slice(speaker.start, speaker.end)))) {
        applied('attr.participle-needs-name');
        return null;
      }
      return { cue: { start: w.start, end: w.end }, speaker };
    }
  }
  return null;
}

/**
 * Attribution before a quote, within its sentence: `Miller said the two “…”`,
 * `In a statement, X said: “…”`, `According to X, “…”`. The cue nearest the quote wins.
 */
export function attributionBefore(text: string, from: number, to: number, isCue: (word: string) => boolean = isCueVerb): Attribution | null {
  const words = wordsIn(text, Math.max(from, to - ATTRIBUTION_REACH), to);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (w.text === '·') continue;
    if (/^according$/i.test(w.text) && words[k + 1] && /^to$/i.test(words[k + 1].text)) {
      applied('attr.according-to');
      return { cue: { start: w.start, end: words[k + 1].end }, speaker: subjectAfter(words, k + 1) };
    }
    // "As Ruiz put it, …"
    const putIt = /^puts?$/.test(w.text) && /^it$/i.test(words[k + 1]?.text ?? '');
    if (!putIt && !isCue(w.text)) continue;
    if (!putIt && isNounUse(words, k)) {
      applied('attr.noun-cue');
      continue;
    }
    // "likened the rules to …": a cue word after a determiner is a noun
    if (!putIt && k > 0 && /^(?:the|a|an|these|those|its|their|new)$/i.test(words[k - 1].text) && !isCueVerb(w.text)) {
      applied('attr.determiner-noun');
      continue;
    }
    if (putIt) applied('attr.put-it');
    const cue = { start: w.start, end: putIt ? words[k + 1].end : w.end };
    // "Trump lashed out, saying “…”": a participle's speaker is the subject opening the sentence.
    if (w.text.endsWith('ing')) {
      const prev = words[k - 1]?.text.toLowerCase() ?? '';
      // "with Ruiz saying": the participle's own subject; otherwise the main clause's
      // "footage of Ruiz saying", "heard Ruiz asking": the name right before the participle
      const ownNamed = /^\p{Lu}/u.test(words[k - 1]?.text ?? '') && k >= 2 && /^(?:of|showed|shows|show|heard|hear|hears|caught|captured)$/i.test(words[k - 2].text);
      let own = prev === 'with' ? subjectBefore(text, words, k) : null;
      if (ownNamed) {
        let j = k - 1;
        while (j > 0 && k - j < 5 && /^\p{Lu}/u.test(words[j - 1].text)) j--;
        own = { start: words[j].start, end: words[k - 1].end };
      }
      const plausible = own && isPlausibleSpeaker(text.slice(own.start, own.end)) ? own : null;
      applied(plausible ? 'attr.participle-own-subject' : 'attr.participle');
      const speaker = plausible ?? mainSubject(words, k) ?? subjectBefore(text, words, k) ?? leadingName(words);
      return { cue, speaker };
    }
    let speaker = subjectBefore(text, words, k);
    if (speaker && !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) {
      const main = mainSubject(words, k);
      if (main) {
        applied('attr.main-subject');
        speaker = main;
      }
    }
    // "Ruiz, the mayor, toured the site and said …": a second verb shares the main clause's subject.
    let v = k - 1;
    while (v > 0 && ADVERBS_BEFORE_CUE.has(words[v].text.toLowerCase())) v--;
    if (!speaker && v > 0 && /^(?:and|but)$/i.test(words[v].text)) {
      speaker = mainSubject(words, v);
      if (speaker) applied('attr.shared-subject');
    }
    if (!speaker) {
      // "said Miller", but not "said she has …"
      const after = subjectAfter(words, k);
      if (after && isNameLike(text.slice(after.start, after.end)) && !PRONOUN_SUBJECTS.has(words[k + 1].text.toLowerCase())) {
        applied('attr.inverted-before');
        speaker = after;
      }
    }
    return { cue, speaker };
  }
  return null;
}

/** Every cue in a stretch of text with its subject: the speakers a later "he" can point back to. */
export function attributionsIn(text: string, from: number, to: number): Attribution[] {
  const words = wordsIn(text, from, to);
  const found: Attribution[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (/^according$/i.test(w.text) && words[k + 1] && /^to$/i.test(words[k + 1].text)) {
      found.push({ cue: { start: w.start, end: words[k + 1].end }, speaker: subjectAfter(words, k + 1) });
    } else if (isCueVerb(w.text) && !isNounUse(words, k)) {
      const speaker = subjectBefore(text, words, k);
      if (speaker && isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) found.push({ cue: { start: w.start, end: w.end }, speaker });
    }
  }
  return found;
}

/** The capitalised phrase a sentence opens with ("Sen. Ann Ortiz", "The Transport Department"). */
function leadingName(words: Word[]): Span | null {
  let end = 0;
  while (end < words.length && end < 8 && (/^\p{Lu}/u.test(words[end].text) || (end > 0 && /^(?:of|the)$/.test(words[end].text)))) end++;
  while (end > 0 && /^(?:of|the)$/.test(words[end - 1].text)) end--;
  return end === 0 ? null : { start: words[0].start, end: words[end - 1].end };
}

/** Past forms that speak only with a particle: "shot back", "went on", "broke in". */
const PARTICLE_VERBS = /^(?:went|shot|broke|cut|chimed|fired|hit|lashed|piped|spoke|snapped|jumped|weighed)$/;
/** A subject, a verb of any kind and the end of the clause after a quote: "Ruiz shot back.", "an angry Ruiz retaliated.", "Ruiz fumed on Tuesday". */
const SUBJECT_VERB_AFTER =
  /^\s*((?:(?:the|an?)\s+(?:\p{Ll}+\s+)?)?(?:(?:\p{Lu}\p{L}{0,3}\.|\p{Lu}[\p{L}'’-]*)\s+){0,3}\p{Lu}[\p{L}'’-]+|he|she|they)\s+(\p{Ll}{3,})\b((?:\s+(?:back|on|in|out|up|off))?)(?=\s*[.,;:!?]|\s+(?:on|in|at|to|with|as|after|before|during|while|when|from|during|again|quietly|angrily|loudly)\b)/u;
/** A verb and a name ending the sentence after a quote: "scolded Ruiz.", "echoes Ruiz,". */
const VERB_SUBJECT_AFTER = /^\s*(\p{Ll}{3,}(?:ed|es|s))\s+((?:(?:\p{Lu}\p{L}{0,3}\.|\p{Lu}[\p{L}'’-]*)\s+){0,3}\p{Lu}[\p{L}'’-]+)(?=\s*[.,;])/u;

/**
 * A quotation that ends with a comma (or ? or !) inside its marks is followed by its
 * attribution, whatever the verb: "“…,” Ruiz shot back.", "“…,” an angry Ruiz retaliated.",
 * "“…,” scolded Ruiz." The verb is read by its form (a past or present tense, or a past form
 * with a particle), not from the list of cues. `from` is the quote's end.
 */
export function attributionByForm(text: string, from: number): Attribution | null {
  const after = text.slice(from, from + 120);
  const m = SUBJECT_VERB_AFTER.exec(after);
  if (m) {
    const verb = m[2];
    const tensed = /(?:ed|es|s)$/.test(verb) && !/(?:ss|us|is)$/.test(verb);
    // "Several Republican …": a quantifier opens a group, not a speaker
    const opening = m[1].split(/\s+/)[0].toLowerCase();
    if ((tensed || (PARTICLE_VERBS.test(verb) && m[3])) && !(NOT_A_SPEAKER.has(opening) && !/^(?:the|an?)$/.test(opening))) {
      const nameAt = from + m[0].indexOf(m[1]);
      const cueAt = nameAt + m[1].length + m[0].slice(m[0].indexOf(m[1]) + m[1].length).indexOf(verb);
      const speaker = { start: nameAt, end: nameAt + m[1].length };
      applied('attr.verb-by-form');
      return { cue: { start: cueAt, end: cueAt + verb.length }, speaker };
    }
  }
  const v = VERB_SUBJECT_AFTER.exec(after);
  if (v && !/(?:ss|us|is)$/.test(v[1])) {
    const cueAt = from + v[0].indexOf(v[1]);
    const nameAt = from + v[0].lastIndexOf(v[2]);
    applied('attr.verb-by-form');
    return { cue: { start: cueAt, end: cueAt + v[1].length }, speaker: { start: nameAt, end: nameAt + v[2].length } };
  }
  return null;
}
