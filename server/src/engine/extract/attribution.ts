import type { Span } from '../types';
import { ADVERBS_BEFORE_CUE, CLAUSE_WORDS, isCueVerb } from './cues';
import { ABBREVIATIONS } from './sentences';

/** An attribution read from the words around a quote: the cue and the speaker phrase. */
export interface Attribution {
  cue: Span;
  speaker: Span | null;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[,;:!?()—–·"“”‘’«»]/gu;

function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let w = m[0];
    // A trailing period ends the sentence unless the word is an abbreviation or initial ("Sen.", "J.").
    let sentenceEnd = false;
    if (w.endsWith('.') && !/^(?:\p{Lu}|(?:\p{L}\.)+\p{L})\.$/u.test(w) && !ABBREVIATIONS.has(w.slice(0, -1).toLowerCase())) {
      w = w.slice(0, -1);
      sentenceEnd = true;
    }
    if (m.index + w.length > to) w = w.slice(0, to - m.index);
    if (w) words.push({ text: w, start: m.index, end: m.index + w.length });
    // The period itself is a boundary: a speaker phrase never reaches back into the last sentence.
    if (sentenceEnd && m.index + w.length < to) words.push({ text: '.', start: m.index + w.length, end: m.index + w.length + 1 });
  }
  return words;
}

const isPunct = (w: Word) => /^[.,;:!?()—–·"“”‘’«»]$/.test(w.text);
/** Time and place phrases that sit between a speaker and the cue ("Blinken on Thursday tweeted"). */
const TRAILING_ADJUNCT = /\s+(?:on|in|at|during|last|this|earlier|later|late|early|yesterday|today|tonight|overnight|from)\b.*$/i;

/** Words from `cueIndex` backwards to a clause boundary: the subject of the cue. */
function subjectBefore(text: string, words: Word[], cueIndex: number): Span | null {
  let end = cueIndex;
  while (end > 0 && ADVERBS_BEFORE_CUE.has(words[end - 1].text.toLowerCase())) end--;
  // "Gene Sperling, a top Clinton adviser, said": the name stands before the apposition.
  if (end > 1 && words[end - 1].text === ',') {
    let k = end - 2;
    while (k >= 0 && end - k < 12 && !isPunct(words[k])) k--;
    if (k >= 0 && words[k].text === ',' && k > 0) {
      const name = subjectBefore(text, words, k);
      if (name && /^\p{Lu}/u.test(text.slice(name.start, name.end))) return name;
      return { start: words[k + 1].start, end: words[end - 2].end };
    }
  }
  let start = end;
  while (start > 0 && end - start < 10) {
    const w = words[start - 1];
    if (isPunct(w) || CLAUSE_WORDS.has(w.text.toLowerCase()) || isCueVerb(w.text)) break;
    start--;
  }
  if (start === end) return null;
  const span = { start: words[start].start, end: words[end - 1].end };
  const phrase = text.slice(span.start, span.end);
  const trimmed = phrase.replace(TRAILING_ADJUNCT, '');
  if (trimmed.length > 0 && trimmed.length < phrase.length) span.end = span.start + trimmed.length;
  // "In a statement X said": drop a leading adjunct that a comma did not close off.
  const lead = /^(?:in|on|at|during)\s+(?:a|an|the)\s+\w+\s+/i.exec(text.slice(span.start, span.end));
  if (lead && span.end - span.start > lead[0].length) span.start += lead[0].length;
  return span;
}

/** After "told" or "asked" comes the listener, not the speaker. */
const LISTENER_CUES = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'ask', 'telling', 'asking', 'urged', 'urges', 'assured', 'warned', 'reminded']);

/** Words after a cue up to punctuation or a clause word: an inverted speaker ("said Miller"). */
function subjectAfter(words: Word[], cueIndex: number): Span | null {
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
 * Attribution after a quote: `…,” he said`, `…,” said Miller`, `…,” according to X`.
 * Reads from `from` (right after the closing mark) to `to` (the sentence's end).
 */
export function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const words = wordsIn(text, from, to);
  let i = 0;
  while (i < words.length && isPunct(words[i]) && words[i].text !== '·') i++;
  const head = words.slice(i, i + 12);
  if (head.length === 0 || head[0].text === '·') return null;
  const accordingTo = /^according$/i.test(head[0].text) && head[1] && /^to$/i.test(head[1].text);
  if (accordingTo) {
    const speaker = subjectAfter(words, i + 1);
    return { cue: { start: head[0].start, end: head[1].end }, speaker };
  }
  if (isCueVerb(head[0].text)) {
    return { cue: { start: head[0].start, end: head[0].end }, speaker: subjectAfter(words, i) };
  }
  // "he said", "Miller added", "the secretary of state later said"
  for (let k = i; k < Math.min(words.length, i + 12); k++) {
    const w = words[k];
    if (isPunct(w) && w.text !== ',') return null; // commas may set off an apposition: "Ana Ruiz, the mayor, said"
    if (isCueVerb(w.text) && k > i) {
      return { cue: { start: w.start, end: w.end }, speaker: subjectBefore(text, words, k) };
    }
  }
  return null;
}

/**
 * Attribution before a quote, within its sentence: `Miller said the two “…”`,
 * `In a statement, X said: “…”`, `According to X, “…”`. The cue nearest the quote wins.
 */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const words = wordsIn(text, from, to);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (w.text === '·') continue;
    if (/^according$/i.test(w.text) && words[k + 1] && /^to$/i.test(words[k + 1].text)) {
      return { cue: { start: w.start, end: words[k + 1].end }, speaker: subjectAfter(words, k + 1) };
    }
    if (!isCueVerb(w.text)) continue;
    // "Trump lashed out, saying “…”": a participle's speaker is the subject opening the sentence.
    if (w.text.endsWith('ing')) {
      return { cue: { start: w.start, end: w.end }, speaker: subjectBefore(text, words, k) ?? leadingName(words) };
    }
    const speaker = subjectBefore(text, words, k) ?? subjectAfter(words, k);
    return { cue: { start: w.start, end: w.end }, speaker };
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
    } else if (isCueVerb(w.text)) {
      const speaker = subjectBefore(text, words, k);
      if (speaker) found.push({ cue: { start: w.start, end: w.end }, speaker });
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
