import type { Span } from '../types';
import { ADVERBS_BEFORE_CUE, CLAUSE_WORDS, isCueVerb } from './cues';
import { ABBREVIATIONS } from './sentences';
import { ROLE_NOUNS, TITLE_WORDS } from './speakerPhrase';
import { workDone } from '../work';

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
    workDone.steps++;
    let w = m[0];
    // A trailing period ends the sentence unless the word is an abbreviation or initial ("Sen.", "J.").
    let sentenceEnd = false;
    // A period before a comma ("of Ashton, Md., said", "R-Ky., said") ends an abbreviation, not a sentence.
    if (w.endsWith('.') && text[m.index + m[0].length] !== ',' && !/^(?:\p{Lu}|(?:\p{L}\.)+\p{L})\.$/u.test(w) && !ABBREVIATIONS.has(w.slice(0, -1).toLowerCase())) {
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
  // "Gene Sperling, a top Clinton adviser, said": the name stands before the apposition(s).
  if (end > 1 && words[end - 1].text === ',') {
    const named = appositionSubject(text, words, end - 1);
    if (named) return named;
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

/** Sentence adverbs that open a comma group without naming anyone ("Meanwhile, Ruiz, the mayor, said"). */
const SENTENCE_ADVERBS = new Set([
  'meanwhile', 'however', 'still', 'instead', 'now', 'yet', 'also', 'then', 'later', 'earlier', 'indeed', 'separately',
  'similarly', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'thus', 'so', 'but', 'and', 'last', 'yesterday',
  'today', 'tonight', 'instead', 'afterward', 'afterwards', 'finally', 'first', 'second', 'again', 'there', 'here',
]);

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
    for (let k = e - 1; k >= s; k--) {
      const l = words[k].text.toLowerCase();
      if (!CLAUSE_WORDS.has(l) || k <= s) continue;
      if (between && /^(?:and|or)$/.test(l) && /^(?:a|an|the|\p{Ll}.*)$/u.test(words[k + 1]?.text ?? '')) continue;
      s = k + 1;
      break;
    }
    if (s === e) break;
    groups.unshift({ s, e });
    if (s > 0 && words[s - 1].text === ',') {
      e = s - 1;
      continue;
    }
    break;
  }
  if (groups.length === 0) return null;
  const isName = (g: { s: number; e: number }) => {
    const first = words[g.s].text;
    const last = words[g.e - 1].text.replace(/['’]s$/, '');
    if (g.e - g.s === 1 && (ABBREVIATIONS.has(first.replace(/\.$/, '').toLowerCase()) || /^\p{Lu}-\p{Lu}[\p{L}.]*$/u.test(first))) return false; // "Md.", "R-Ky."
    return /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(last) && !SENTENCE_ADVERBS.has(first.toLowerCase()) && !/^(?:who|which|whose)$/i.test(first);
  };
  const span = (g: { s: number; e: number }) => ({ start: words[g.s].start, end: words[g.e - 1].end });
  for (let i = groups.length - 1; i >= 0; i--) if (isName(groups[i])) return span(groups[i]);
  // no name: "a spokeswoman for the agency, Ana Ruiz," already handled; the group nearest the cue
  const nearest = groups[groups.length - 1];
  if (/^(?:who|which|whose)$/i.test(words[nearest.s].text) && groups.length > 1) return span(groups[groups.length - 2]);
  return span(nearest);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'some', 'many', 'several', 'two', 'three', 'four', 'both', 'other', 'one', 'most', 'few', 'no', 'all', 'these', 'those', 'this', 'that', 'each', 'every', 'another', 'any', 'such']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);

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
  if (ROLE_NOUNS.has(lower) || TITLE_WORDS.has(lower)) return words.length <= 6;
  // "aides", "senior officials", "critics": plural nouns, maybe with an adjective
  const last = words[words.length - 1].toLowerCase();
  return words.length <= 3 && /[^s]s$/.test(last) && !/(?:ed|ing|ly)$/.test(lower) && !/^(?:is|was|has|does|says|as|this|thus|us)$/.test(last);
}

/** A speaker phrase made of names, titles and role words only ("Ana Ruiz", "the city's mayor"). */
function isNameLike(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every((w, i) => {
    const l = w.toLowerCase().replace(/['’]s$/, '');
    return /^[\p{Lu}\p{N}]/u.test(w) || TITLE_WORDS.has(l) || ROLE_NOUNS.has(l) || (i === 0 && DETERMINERS.has(l)) || /^(?:of|the|and|for|a|an|at|from|in|on)$/.test(l);
  });
}

/** Cue words that are also nouns: "a Trump tweet", "flurry of late-night tweets", "Republican claims". */
const NOUN_CUES = new Set(['tweet', 'tweets', 'claims', 'calls', 'posts', 'reports', 'notes', 'states', 'promises', 'vows', 'remarks', 'says', 'write', 'ask', 'add', 'charged', 'cited']);

function isNounUse(words: Word[], k: number): boolean {
  const w = words[k].text;
  if (!NOUN_CUES.has(w)) return false;
  const prev = words[k - 1]?.text ?? '';
  const lower = prev.toLowerCase();
  if (/^(?:tweet|tweets|claims|calls|posts|reports|notes|states|promises|vows|remarks)$/.test(w)) {
    // "his late-night tweets", "flurry of midnight tweets", "a Donald Trump tweet", "the United States"
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const t = words[j].text;
      const l = t.toLowerCase();
      if (DETERMINERS.has(l) || l === 'of' || /['’]s$/.test(t)) return true;
      if (/^\p{Lu}/u.test(t) || /^\p{Ll}[\p{L}]*-[\p{L}-]+$/u.test(t) || /^(?:late|new|latest|earlier|recent|false|similar|numerous|repeated|midnight|angry|many|few|several|own|campaign|news|media|press|twitter|facebook)$/.test(l)) continue;
      break;
    }
  }
  if (/^(?:write|ask|add)$/.test(w)) return !/^(?:to|will|would|could|can|did|didn't|might|should|may|must|i|we|you|they)$/i.test(prev);
  if (w === 'says') return lower === 'what' && false;
  if (w === 'charged' || w === 'cited') return /^(?:was|were|been|be|is|are|being)$/.test(lower);
  return false;
}

/** Opening words of a clause that set a scene rather than name a subject ("During the debate, …"). */
const LEADING_ADJUNCT = /^(?:in|on|at|during|after|before|when|while|as|following|speaking|asked|since|though|although|if|because|with|without|for|from|despite|like|unlike|meanwhile|but|and|yet|so|still|also|earlier|later|then|now|however|last|this|by|under|over|through|amid|upon|instead|once|until|writing|appearing|addressing|responding|pressed|interviewed|separately|similarly|indeed|overall|already|elsewhere|here|there|today|yesterday|tonight)$/i;

/**
 * The subject of a sentence's main clause, read from its start: a scene-setting phrase up to a
 * comma is skipped ("During the debate, Trump …"), then a run of capitalised and title words
 * ("Hillary Clinton’s campaign manager Robby Mook"), a pronoun, or "the" + a role noun.
 */
function mainSubject(words: Word[], until: number): Span | null {
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
    const speaker = subjectAfter(words, i + 1);
    return { cue: { start: head[0].start, end: head[1].end }, speaker };
  }
  if (isCueVerb(head[0].text)) {
    return { cue: { start: head[0].start, end: head[0].end }, speaker: subjectAfter(words, i) };
  }
  // "he said", "Miller added", "the secretary of state later said"
  for (let k = i; k < Math.min(words.length, i + 24); k++) {
    const w = words[k];
    if (isPunct(w) && w.text !== ',' && w.text !== '(' && w.text !== ')') return null; // commas may set off an apposition: "Ana Ruiz, the mayor, said"
    // "…,” but stopped short of calling it …": another clause, not an attribution
    if (k === i && /^(?:and|but|or|so|yet|while|because|as|if|when|since|though|although|than)$/i.test(w.text)) return null;
    if (isCueVerb(w.text) && k > i && !isNounUse(words, k)) {
      // "…,” to the plan and warned …": another verb of the sentence's subject, not an attribution after the quote
      if (/^(?:and|but|or)$/i.test(words[k - 1].text)) return null;
      const speaker = subjectBefore(text, words, k);
      if (w.text.endsWith('ing') && !(speaker && /^\p{Lu}/u.test(text.slice(speaker.start, speaker.end)))) return null;
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
      return { cue: { start: w.start, end: words[k + 1].end }, speaker: subjectAfter(words, k + 1) };
    }
    // "As Ruiz put it, …"
    const putIt = /^puts?$/.test(w.text) && /^it$/i.test(words[k + 1]?.text ?? '');
    if (!putIt && (!isCue(w.text) || isNounUse(words, k))) continue;
    // "likened the rules to …": a cue word after a determiner is a noun
    if (!putIt && k > 0 && /^(?:the|a|an|these|those|its|their|new)$/i.test(words[k - 1].text) && !isCueVerb(w.text)) continue;
    const cue = { start: w.start, end: putIt ? words[k + 1].end : w.end };
    // "Trump lashed out, saying “…”": a participle's speaker is the subject opening the sentence.
    if (w.text.endsWith('ing')) {
      const prev = words[k - 1]?.text.toLowerCase() ?? '';
      // "with Ruiz saying": the participle's own subject; otherwise the main clause's
      const own = prev === 'with' ? subjectBefore(text, words, k) : null;
      const plausible = own && isPlausibleSpeaker(text.slice(own.start, own.end)) ? own : null;
      const speaker = plausible ?? mainSubject(words, k) ?? subjectBefore(text, words, k) ?? leadingName(words);
      return { cue, speaker };
    }
    let speaker = subjectBefore(text, words, k);
    if (speaker && !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) speaker = mainSubject(words, k) ?? speaker;
    // "Ruiz, the mayor, toured the site and said …": a second verb shares the main clause's subject.
    let v = k - 1;
    while (v > 0 && ADVERBS_BEFORE_CUE.has(words[v].text.toLowerCase())) v--;
    if (!speaker && v > 0 && /^(?:and|but)$/i.test(words[v].text)) speaker = mainSubject(words, v);
    if (!speaker) {
      // "said Miller", but not "said she has …"
      const after = subjectAfter(words, k);
      if (after && isNameLike(text.slice(after.start, after.end)) && !PRONOUN_SUBJECTS.has(words[k + 1].text.toLowerCase())) speaker = after;
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

/** An attributed claim read from one sentence: the cue, the speaker phrase and the content span. */
export interface ClaimReading extends Attribution {
  /** The content: the last fragment, or the only one. */
  content: Span;
  /** Content split around a parenthetical attribution ("The museum, Ruiz said, will open …"). */
  fragments?: Span[];
}

/** Verbs that report what someone said, thinks or found, for indirect speech (finite forms). */
const CLAIM_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'wrote', 'writes', 'tweeted', 'added', 'adds', 'explained', 'explains',
  'stated', 'states', 'noted', 'notes', 'argued', 'argues', 'argue', 'insisted', 'insists', 'insist', 'declared', 'announced',
  'announces', 'claimed', 'claims', 'claim', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'reported',
  'reports', 'reiterated', 'emphasized', 'stressed', 'conceded', 'concluded', 'predicted', 'predicts', 'promised', 'promises',
  'vowed', 'vows', 'warned', 'warns', 'suggested', 'suggests', 'suggest', 'testified', 'contended', 'maintained', 'maintains',
  'confirmed', 'confirms', 'denied', 'denies', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'found',
  'finds', 'showed', 'shows', 'show', 'revealed', 'reveals', 'estimated', 'estimates', 'alleged', 'alleges', 'complained',
  'assured', 'pledged', 'agreed', 'asserted', 'asserts', 'indicated', 'indicates', 'speculated', 'hinted', 'boasted',
  'bragged', 'countered', 'replied', 'responded', 'observed', 'cautioned', 'lamented', 'worried', 'hoped', 'hopes', 'feared',
  'fears', 'charged', 'accused', 'accuses', 'learned', 'disclosed', 'projected', 'projects', 'forecast', 'expects', 'expected',
  'know', 'knows', 'knew', 'feel', 'feels', 'felt', 'fear', 'hope', 'expect', 'wonder', 'wondered', 'implied', 'signaled',
  'asked', 'asks', 'urged', 'urges', 'called', 'calls', 'described', 'describes', 'praised', 'praises', 'criticized',
  'criticizes', 'criticised', 'defended', 'defends', 'endorsed', 'endorses', 'endorsing', 'supports', 'supported', 'opposes',
  'opposed', 'wants', 'wanted', 'proposed', 'proposes', 'blamed', 'blames', 'questioned', 'questions', 'dismissed',
  'rejected', 'rejects', 'condemned', 'condemns', 'welcomed', 'welcomes', 'demanded', 'demands', 'recommended',
  'recommends', 'cited', 'cites', 'highlighted', 'mentioned', 'mentions', 'discussed', 'discusses', 'addressed',
  'invoked', 'touted', 'touts', 'attacked', 'attacks', 'slammed', 'slams', 'blasted', 'blasts', 'mocked', 'mocks',
  'seemed', 'seems', 'appeared', 'appears', 'considers', 'considered', 'sees', 'saw', 'see', 'doubt', 'doubts',
  'doubted', 'understand', 'understands', 'understood', 'recognized', 'recognizes', 'realized', 'plans', 'planned',
  'signalled', 'ruled', 'determined', 'decided', 'assumed', 'guessed', 'acknowledge', 'admit', 'agree', 'agrees', 'deny',
]);
const WORDS_BEFORE_CONTENT = /^(?:that)$/i;
/** Verbs that report a finding after its content: "…, The Post has learned", "…, the audit found". */
const REPORTING_AFTER = new Set(['learned', 'found', 'confirmed', 'estimated', 'concluded', 'believes', 'thinks', 'predicted', 'alleged', 'alleges', 'argues', 'argued', 'contends', 'contended', 'insists', 'insisted', 'maintains', 'maintained', 'admitted', 'acknowledged', 'revealed', 'disclosed', 'indicated', 'suggests', 'suggested']);

/**
 * Indirect speech in one sentence of the skeleton: "Ruiz said (that) the bridge opens in May",
 * "The bridge opens in May, Ruiz said", "According to Ruiz, …", "…, according to Ruiz".
 */
export function claimIn(text: string, from: number, to: number): ClaimReading | null {
  const words = wordsIn(text, from, to);
  if (words.length < 4) return null;
  let last = words.length;
  while (last > 0 && /^[.!?]$/.test(words[last - 1].text)) last--;
  if (last < 4) return null;
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  // According to X, CONTENT.
  if (/^according$/i.test(words[0].text) && /^to$/i.test(words[1]?.text ?? '')) {
    const comma = words.findIndex((w, i) => i > 2 && w.text === ',');
    if (comma > 2 && comma < last - 2) return { cue: span(0, 2), speaker: span(2, comma), content: span(comma + 1, last) };
    return null;
  }
  // CONTENT, according to X.
  for (let k = 2; k < last - 1; k++) {
    if (words[k].text === ',' && /^according$/i.test(words[k + 1].text) && /^to$/i.test(words[k + 2]?.text ?? '')) {
      let end = k + 3;
      while (end < last && !isPunct(words[end])) end++;
      if (end === k + 3) return null;
      return { cue: span(k + 1, k + 3), speaker: span(k + 3, end), content: span(0, k) };
    }
  }
  // CONTENT, X said. / CONTENT, said X. / The museum, Ruiz said, will open …
  for (let k = 2; k < last - 1; k++) {
    if (words[k].text !== ',') continue;
    const c = k + 1 + words.slice(k + 1, Math.min(last, k + 16)).findIndex((w) => CLAIM_VERBS.has(w.text) && (isCueVerb(w.text) || REPORTING_AFTER.has(w.text)));
    if (c <= k) continue;
    if (words.slice(k + 1, c).some((w) => isPunct(w) && w.text !== ',' && w.text !== '(' && w.text !== ')')) continue;
    // "…, but Lee argued it would …": a new clause with its own content, not an attribution of what came before
    if (/^(?:but|and|while|whereas|yet|though|although|as|so|because|since|when|if)$/i.test(words[k + 1].text)) continue;
    let speaker: Span | null = null;
    let after: number;
    if (c === k + 1) {
      speaker = subjectAfter(words, c);
      // "…, said Ana Ruiz, the mayor": a name, not a clause ("…, said Ruiz had lied")
      if (!speaker || !isNameLike(text.slice(speaker.start, speaker.end))) continue;
      after = indexFrom(words, c, last, (w) => w.start >= speaker!.end);
    } else {
      speaker = subjectBefore(text, words, c);
      if (!speaker || speaker.start < words[k + 1].start || !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) continue;
      after = c + 1;
    }
    if (after < 0) after = last;
    // what follows the attribution: time and place ("in a statement on Monday"), or the rest of the content after a comma
    let e = after;
    while (e < last && !isPunct(words[e])) e++;
    const fragments: Span[] = [span(0, k)];
    // "…, said Ana Ruiz, the mayor.": an apposition after an inverted speaker, not more content
    if (c === k + 1 && e < last && words[e].text === ',' && /^(?:the|a|an|who|which)$/i.test(words[e + 1]?.text ?? '')) e = last;
    if (e < last && words[e].text === ',' && e + 1 < last - 1 && e - after <= 6) {
      fragments.push(span(e + 1, last));
    } else if (e < last || e - after > 6) {
      continue;
    }
    return { cue: span(c, c + 1), speaker, content: fragments[fragments.length - 1], fragments };
  }
  return null;
}

/** Verbs of intent and commitment whose content is an infinitive: "vowed to repeal the levy". */
const INFINITIVE_VERBS = new Set([
  'vowed', 'vows', 'vow', 'promised', 'promises', 'promise', 'pledged', 'pledges', 'pledge', 'plans', 'plan', 'planned',
  'planning', 'wants', 'want', 'wanted', 'hopes', 'hope', 'hoped', 'hoping', 'intends', 'intend', 'intended', 'agreed',
  'agrees', 'agree', 'refused', 'refuses', 'refuse', 'declined', 'declines', 'threatened', 'threatens', 'offered', 'offers',
  'sought', 'seeks', 'seeking', 'claim', 'claims', 'claimed', 'proposed', 'proposes', 'vowing', 'promising', 'pledging',
  'urged', 'urges', 'urging', 'asked', 'asks', 'asking', 'called', 'calls', 'calling', 'encouraged', 'encourages', 'encouraging',
  'expects', 'expected', 'expect', 'decided', 'demanded', 'demands', 'demanding', 'warned', 'warns', 'warning',
]);
/** Of those, the ones that also take a bare clause ("claimed he won"); the rest want "to" or "that" ("wants the job" is no claim). */
const BARE_CLAUSE_OK = new Set(['claim', 'claims', 'claimed', 'warned', 'warns', 'warning', 'demanded', 'demands', 'demanding', 'proposed', 'proposes', 'decided', 'expects', 'expected', 'expect', 'hopes', 'hope', 'hoped', 'hoping', 'agreed', 'agrees', 'agree', 'promised', 'promises', 'promise']);
/** Verbs of saying and thinking in the progressive or as a participle after a comma: "is warning that …", "…, saying …". */
const ING_CLAIM_VERBS = new Set([
  'saying', 'telling', 'arguing', 'claiming', 'insisting', 'suggesting', 'warning', 'noting', 'adding', 'explaining',
  'demanding', 'urging', 'promising', 'vowing', 'pledging', 'predicting', 'asserting', 'stressing', 'acknowledging',
  'admitting', 'conceding', 'charging', 'alleging', 'contending', 'maintaining', 'hinting', 'signaling', 'declaring',
  'announcing', 'reporting', 'writing', 'tweeting', 'questioning', 'calling', 'asking', 'planning', 'hoping', 'seeking',
  'threatening', 'touting', 'boasting', 'complaining', 'denying', 'confirming', 'pointing', 'encouraging', 'proposing',
]);
/** "called for a special prosecutor", "pushed for new rules", "supports the levy": a demand or stance as an object. */
const OBJECT_AFTER = /^(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|argu(?:es|ed|ing)|advocat(?:es|ed|ing))$/;
const STANCE_VERBS = new Set(['supports', 'supported', 'support', 'opposes', 'opposed', 'oppose', 'endorsed', 'endorses', 'endorse', 'favors', 'favored', 'favours', 'favoured']);

/**
 * Every "X said (that) CONTENT" reading of one sentence of the skeleton, in order: a verb of
 * saying, thinking or intent with a plausible speaker before it ("Ruiz", "critics who say",
 * "Ruiz is warning", "Ruiz …, saying"), and the content after it to the sentence's end.
 */
/** How many words past a claim's verb are searched for what it introduces: linear even in a sentence that never ends. */
const CLAIM_REACH = 200;

/** First index in [from, to) whose word passes, or -1: a bounded search instead of a scan from the start. */
function indexFrom(words: Word[], from: number, to: number, pass: (w: Word) => boolean): number {
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) if (pass(words[i])) return i;
  return -1;
}

function countFrom(words: Word[], from: number, to: number, pass: (w: Word) => boolean): number {
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) if (pass(words[i])) n++;
  return n;
}

export function claimsIn(text: string, from: number, to: number): ClaimReading[] {
  const first = claimIn(text, from, to);
  if (first) return [first];
  const words = wordsIn(text, from, to);
  const found: ClaimReading[] = [];
  if (words.length < 4) return found;
  let last = words.length;
  while (last > 0 && /^[.!?]$/.test(words[last - 1].text)) last--;
  if (last < 4) return found;
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  for (let k = 1; k < last - 2; k++) {
    workDone.steps++;
    const w = words[k];
    if (isPunct(w)) continue;
    const prev = words[k - 1].text.toLowerCase();
    const progressive = ING_CLAIM_VERBS.has(w.text) && /^(?:is|are|was|were|been|be|am|[’']s|[’']re)$/.test(prev);
    const participle = ING_CLAIM_VERBS.has(w.text) && prev === ',';
    if (!CLAIM_VERBS.has(w.text) && !INFINITIVE_VERBS.has(w.text) && !STANCE_VERBS.has(w.text) && !progressive && !participle) continue;
    if (isNounUse(words, k) || (DETERMINERS.has(prev) && !participle)) continue;
    let speaker: Span | null;
    if (participle) {
      // "Ruiz closed the depot on Monday, saying the buses were unsafe": the main clause's subject
      speaker = mainSubject(words, k - 1);
    } else {
      speaker = subjectBefore(text, words, k);
      // "critics who say …", "lawmakers, who have long argued …": the speaker stands before "who"
      let v = k - 1;
      while (v > 1 && ADVERBS_BEFORE_CUE.has(words[v].text.toLowerCase())) v--;
      if (!speaker && /^who$/i.test(words[v]?.text ?? '') && v > 1) speaker = subjectBefore(text, words, words[v - 1].text === ',' ? v - 1 : v);
    }
    if (!speaker || !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) continue;
    let c = k + 1;
    // the listener: "told reporters (on Monday) that …", "told CNN the …", "urged voters to …"
    if (LISTENER_CUES.has(w.text) || /^(?:urged|urges|urging|encouraged|encourages|encouraging|called|calls|calling|telling|asking)$/.test(w.text)) {
      const that = indexFrom(words, c + 1, c + 8, (x) => /^that$/i.test(x.text));
      if (that > 0 && !words.slice(c, that).some((x) => isPunct(x))) c = that;
      else {
        if (/^call/.test(w.text) && /^on$/i.test(words[c]?.text ?? '')) c++;
        while (c < last && c < k + 5 && (/^\p{Lu}/u.test(words[c].text) || /^(?:the|a|an|him|her|them|us|me|reporters|supporters|voters|journalists|people|an|audience|crowd|and|his|their|its)$/i.test(words[c].text) || /['’]s$/.test(words[c].text))) c++;
      }
    }
    // "said on Monday that", "said in a statement that", "says at a stop in Toledo, Ohio, that"
    const that = indexFrom(words, c, c + 12, (x) => /^that$/i.test(x.text));
    if (that > c && !words.slice(c, that).some((x) => isPunct(x) && x.text !== ',') && !words.slice(c, that).some((x) => CLAIM_VERBS.has(x.text))) c = that;
    if (c < last && words[c].text === ',') c++;
    if (c >= last || /^[:·"“]$/.test(words[c].text)) continue;
    // "…, saying, “Maybe …”": the content stops before a quotation it introduces
    let end = last;
    const q = indexFrom(words, c + 1, c + CLAIM_REACH, (x) => x.text === '·');
    if (q > c) {
      const lead = words.slice(c, q).filter((x) => !isPunct(x)).length;
      const quoted = countFrom(words, q, q + 4 * lead + 4, (x) => x.text === '·');
      let j = q - 1;
      while (j > c && /^[“"‘'«]$/.test(words[j].text)) j--;
      // only a quotation set off by a comma or colon ("…, saying, “…”", "…: “…”"); one inside the clause is a partial quote of it
      if (lead >= 3 && quoted > 2 * lead && /^[,:]$/.test(words[j].text)) {
        let cut = q;
        while (cut > c && (isPunct(words[cut - 1]) || ING_CLAIM_VERBS.has(words[cut - 1].text))) cut--;
        end = cut;
      }
    }
    if (WORDS_BEFORE_CONTENT.test(words[c].text) && c + 1 >= last) continue;
    if (last - c < 3) continue;
    const next = words[c].text.toLowerCase();
    if (next === 'to') {
      // an infinitive after a verb of intent or a listener: "vowed to …", "urged voters to …"
      if (!INFINITIVE_VERBS.has(w.text) && !(LISTENER_CUES.has(w.text) && c > k + 1)) continue;
    } else if (next === 'for' || next === 'on') {
      if (!OBJECT_AFTER.test(w.text) || next === 'on') continue;
      c++;
    } else if (/^(?:of|about|with|in|at|by|as|from|into|so|up|out|off|back|down|over)$/.test(next)) {
      continue;
    } else if (INFINITIVE_VERBS.has(w.text) && !BARE_CLAUSE_OK.has(w.text) && !LISTENER_CUES.has(w.text) && !/^(?:that|if|whether)$/.test(next)) {
      // "wants the job", "offered no proof": an object, not a claim
      if (!/^call/.test(w.text) || c === k + 1) continue;
    }
    if (end - c < 3) continue;
    if (STANCE_VERBS.has(w.text) && end - c > 12) continue;
    found.push({ cue: span(k, k + 1), speaker, content: span(c, end) });
  }
  return found;
}
