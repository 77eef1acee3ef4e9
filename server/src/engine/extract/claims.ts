// Attributed claims (indirect speech, SPEC §1 and §3): "Ruiz said (that) …", "…, Ruiz said",
// "according to Ruiz, …", "Ruiz vowed to …", "…, saying …", read from one sentence of the
// skeleton. Speaker phrases are found by the same clause readers as quotes' (attribution.ts).
import type { Span } from '../types';
import { workDone } from '../work';
import { applied, isVeto, rulesMark, rulesSince, type RuleId } from './rules';
import {
  ADVERBS_BEFORE_CUE,
  BARE_CLAUSE_OK,
  CLAIM_NOUNS,
  CLAIM_VERBS,
  DETERMINERS,
  ING_CLAIM_VERBS,
  INFINITIVE_VERBS,
  isCueVerb,
  LISTENER_CUES,
  NOUN_OR_VERB,
  OBJECT_AFTER,
  PARENTHETICAL_PRESENT,
  QUANTIFIER_SUBJECTS,
  REPORTING_AFTER,
  STANCE_VERBS,
  TIME_AND_MANNER_AFTER_CUE,
  TITLE_WORDS,
} from './lexicon';
import { isGroupOfPeople, isNameLike, isNounUse, isPlausibleSpeaker, isPunct, mainSubject, subjectAfter, subjectBefore, wordsIn, type Attribution, type Word } from './attribution';

/** An attributed claim read from one sentence: the cue, the speaker phrase and the content span. */
export interface ClaimReading extends Attribution {
  /** The content: the last fragment, or the only one. */
  content: Span;
  /** Content split around a parenthetical attribution ("The museum, Ruiz said, will open …"). */
  fragments?: Span[];
  /** The rules that read it, and those that vetoed other readings on the way. */
  rules: RuleId[];
}

/** A reading before its rules are attached. */
type Reading = Omit<ClaimReading, 'rules'>;

const WORDS_BEFORE_CONTENT = /^(?:that)$/i;
/** What may follow "X said" in a parenthetical attribution: time, place, manner ("…, Ruiz said on Monday in a statement, …"). */
const ATTRIBUTION_TAIL =
  /^(?:me|us|him|her|them|reporters|on|in|at|during|last|this|earlier|later|late|early|yesterday|today|tonight|overnight|while|when|after|before|to|from|for|with|via|through|by|of|according|recently|again|also|repeatedly|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** An opening of time or place only ("But in recent days", "On Monday", "Last week"), before a parenthetical "X said,". */
const ADJUNCT_OPENING =
  /^(?:(?:but|and|yet|so|still)\s+)?(?:even\s+)?(?:(?:in|on|at|during|over|since|by|after|before|for)\s+(?:the\s+|a\s+|recent\s+|past\s+)*|last\s+|earlier\s+|this\s+)[\p{L}\p{N}\s'’-]*$/iu;
/** Words that end a subject's head: a preposition, a relative word, an aside ("observers in Virginia", "the transcript – published by …"). */
const AFTER_HEAD = /^(?:of|in|to|with|from|at|for|on|around|across|by|over|under|near|inside|outside|within|throughout|who|which|that|whose|[(–—])$/i;
/** Opening prepositions of a scene-setting phrase that no comma closed ("In a meeting with the board Trump said"). */
const SCENE_PREPOSITIONS = /^(?:in|on|at|during|after|before|following|since|with|over|throughout)$/i;

/**
 * Indirect speech in one sentence of the skeleton: "Ruiz said (that) the bridge opens in May",
 * "The bridge opens in May, Ruiz said", "According to Ruiz, …", "…, according to Ruiz".
 */
function claimIn(text: string, from: number, to: number): Reading | null {
  const words = wordsIn(text, from, to);
  if (words.length < 4) return null;
  let last = words.length;
  while (last > 0 && /^[.!?]$/.test(words[last - 1].text)) last--;
  if (last < 4) return null;
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  // According to X, CONTENT.
  if (/^according$/i.test(words[0].text) && /^to$/i.test(words[1]?.text ?? '')) {
    const comma = words.findIndex((w, i) => i > 2 && w.text === ',');
    if (comma > 2 && comma < last - 2) {
      applied('claim.according-to-opening');
      return { cue: span(0, 2), speaker: span(2, comma), content: span(comma + 1, last) };
    }
    return null;
  }
  // CONTENT, according to X.
  for (let k = 2; k < last - 1; k++) {
    if (words[k].text === ',' && /^according$/i.test(words[k + 1].text) && /^to$/i.test(words[k + 2]?.text ?? '')) {
      let end = k + 3;
      while (end < last && !isPunct(words[end])) end++;
      if (end === k + 3) return null;
      applied('claim.according-to-closing');
      return { cue: span(k + 1, k + 3), speaker: span(k + 3, end), content: span(0, k) };
    }
  }
  // CONTENT, X said. / CONTENT, said X. / The museum, Ruiz said, will open …
  for (let k = 2; k < last - 1; k++) {
    if (words[k].text !== ',') continue;
    const c = k + 1 + words.slice(k + 1, Math.min(last, k + 16)).findIndex((w) => CLAIM_VERBS.has(w.text) && (isCueVerb(w.text) || REPORTING_AFTER.has(w.text) || PARENTHETICAL_PRESENT.has(w.text)));
    if (c <= k) continue;
    if (words.slice(k + 1, c).some((w) => isPunct(w) && w.text !== ',' && w.text !== '(' && w.text !== ')')) continue;
    // "…, but Lee argued it would …": a new clause with its own content, not an attribution of what came before
    if (/^(?:but|and|while|whereas|yet|though|although|as|so|because|since|when|if)$/i.test(words[k + 1].text)) {
      applied('claim.parenthetical-new-clause');
      continue;
    }
    let speaker: Span | null = null;
    let after: number;
    let told = false;
    if (c === k + 1) {
      speaker = subjectAfter(words, c);
      // "…, said Ana Ruiz, the mayor": a name, not a clause ("…, said Ruiz had lied")
      // "…, said Ana Ruiz, the mayor" or "…, said several observers"; not a clause ("…, said Ruiz had lied")
      if (!speaker || !(isNameLike(text.slice(speaker.start, speaker.end)) || isGroupOfPeople(text.slice(speaker.start, speaker.end)))) {
        applied('claim.no-speaker');
        continue;
      }
      after = indexFrom(words, c, last, (w) => w.start >= speaker!.end);
    } else {
      speaker = subjectBefore(text, words, c);
      if (!speaker || speaker.start < words[k + 1].start || !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) {
        applied('claim.no-speaker');
        continue;
      }
      // "…, Carter told a Senate panel on Wednesday.": the listener is part of the attribution
      after = c + 1;
      told = LISTENER_CUES.has(words[c].text);
    }
    if (after < 0) after = last;
    // what follows the attribution: time and place ("in a statement on Monday"), or the rest of the content after a comma
    let e = after;
    while (e < last && !isPunct(words[e])) e++;
    // "…, the campaign has denied it happened, with …": a clause after the verb is its own content, not a time or place
    if (e > after && !told && !ATTRIBUTION_TAIL.test(words[after].text)) {
      applied('claim.parenthetical-clause-after');
      continue;
    }
    // "But in recent days, aides say, the deal is off": a scene-setting opening is not content
    const opening = words.slice(0, k).filter((x) => !isPunct(x));
    const adjunctOnly = opening.length <= 6 && ADJUNCT_OPENING.test(opening.map((x) => x.text).join(' '));
    if (adjunctOnly) applied('claim.adjunct-opening');
    const fragments: Span[] = adjunctOnly ? [] : [span(0, k)];
    // "…, said Ana Ruiz, the mayor of a town that …": an apposition after an inverted speaker, not more content
    const apposition = c === k + 1 && e < last && words[e].text === ',' && /^(?:the|a|an|who|which)$/i.test(words[e + 1]?.text ?? '');
    if (!apposition && e < last && words[e].text === ',' && e + 1 < last - 1 && e - after <= 6) {
      fragments.push(span(e + 1, last));
    } else if (!apposition && (e < last || e - after > 6)) {
      applied('claim.parenthetical-clause-after');
      continue;
    }
    if (fragments.length === 0) continue;
    applied(c === k + 1 ? 'claim.parenthetical-inverted' : 'claim.parenthetical');
    return { cue: span(c, c + 1), speaker, content: fragments[fragments.length - 1], fragments };
  }
  return null;
}

/**
 * Every "X said (that) CONTENT" reading of one sentence of the skeleton, in order: a verb of
 * saying, thinking or intent with a plausible speaker before it ("Ruiz", "critics who say",
 * "Ruiz is warning", "Ruiz …, saying"), and the content after it to the sentence's end.
 */
/** How many words past a claim's verb are searched for what it introduces: linear even in a sentence that never ends. */
const CLAIM_REACH = 200;

/** First index in [from, to) whose word passes, or -1: a bounded search instead of a scan from the start. */
function indexFrom(words: Word[], from: number, to: number, pass: (w: Word) => boolean): number {
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) {
    workDone.steps++;
    if (pass(words[i])) return i;
  }
  return -1;
}

/** The word at which `offset` starts, searched back from `before` (a speaker phrase ends at its cue, so the search is short). */
function wordStartingAt(words: Word[], offset: number, before: number): number {
  for (let i = Math.min(before, words.length) - 1; i >= 0; i--) {
    workDone.steps++;
    if (words[i].start <= offset) return words[i].start === offset ? i : -1;
  }
  return -1;
}

function countFrom(words: Word[], from: number, to: number, pass: (w: Word) => boolean): number {
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) {
    workDone.steps++;
    if (pass(words[i])) n++;
  }
  return n;
}

function claimsIn(text: string, from: number, to: number): ClaimReading[] {
  const opening = rulesMark();
  const first = claimIn(text, from, to);
  if (first) return [{ ...first, rules: rulesSince(opening) }];
  let words = wordsIn(text, from, to);
  const found: ClaimReading[] = [];
  if (words.length < 4) return found;
  let last = words.length;
  while (last > 0 && /^[.!?]$/.test(words[last - 1].text)) last--;
  if (last < 4) return found;
  for (const reading of nominalClaims(words, last)) found.push({ ...reading, rules: rulesSince(opening, ['claim.nominal']) });
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  // A headline in Title Case ("Ruiz Says The Ferry Will Run By June"): its verbs read in lower case
  const long = words.filter((x) => x.text.length > 3 && /^\p{L}/u.test(x.text));
  const headline = long.length >= 4 && long.every((x) => /^\p{Lu}/u.test(x.text));
  if (headline) {
    words = words.map((x) => (CLAIM_VERBS.has(x.text.toLowerCase()) ? { ...x, text: x.text.toLowerCase() } : x));
  }
  if (headline) applied('claim.headline-case');
  // the rules of one reading: those from its verb on, and the vetoes of readings before it in the sentence
  const readingRules = (from: number): RuleId[] => {
    const own = new Set(rulesSince(from));
    return rulesSince(opening).filter((id) => own.has(id) || isVeto(id) || id === 'claim.headline-case');
  };
  for (let k = 1; k < last - 2; k++) {
    workDone.steps++;
    const from = rulesMark();
    const w = words[k];
    if (isPunct(w)) continue;
    const prev = words[k - 1].text.toLowerCase();
    // "is warning", "are quietly saying"
    const beforeAdverb = /^(?:\p{Ll}+ly|not|even|also|again|still)$/u.test(prev) && k > 1 ? words[k - 2].text.toLowerCase() : prev;
    // "is warning", "are quietly saying", "isn't saying", "is not saying"
    const progressive = ING_CLAIM_VERBS.has(w.text) && /^(?:is|are|was|were|been|be|am|[’']s|[’']re|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/.test(beforeAdverb);
    // "…, saying …" and "… by telling them that …": the main clause's subject speaks
    const participle = ING_CLAIM_VERBS.has(w.text) && (prev === ',' || prev === 'by' || (beforeAdverb === ',' && prev !== ','));
    if (!CLAIM_VERBS.has(w.text) && !INFINITIVE_VERBS.has(w.text) && !STANCE_VERBS.has(w.text) && !progressive && !participle) continue;
    // "the Associated Press reports that …": a noun-like cue followed by "that" is a verb
    if ((isNounUse(words, k) && !/^that$/i.test(words[k + 1]?.text ?? '')) || (DETERMINERS.has(prev) && !QUANTIFIER_SUBJECTS.has(prev) && !participle)) {
      applied('claim.noun-cue');
      continue;
    }
    const following = words[k + 1]?.text.toLowerCase() ?? '';
    // "member states", "they made plans", "renewed fears": a noun, unless a clause follows or a name or pronoun is its subject
    if (NOUN_OR_VERB.has(w.text) && following !== 'that') {
      const before = words[k - 1].text;
      const namedSubject = /^\p{Lu}/u.test(before) && !/['’]s$/.test(before) && !DETERMINERS.has(words[k - 2]?.text.toLowerCase() ?? '');
      if (!/^(?:he|she|it|they|who|which)$/i.test(before) && !namedSubject) {
        applied('claim.noun-cue');
        continue;
      }
    }
    // "pointed out that", "points to": not "percentage points"
    // "Oz's show", "just for show"; "an hourlong show that aired": a singular article and the bare form make a noun
    if (
      (/^(?:pointed|points|point)$/.test(w.text) && !/^(?:out|to)$/.test(following)) ||
      (/^shows?$/.test(w.text) && (/['’]s$/.test(words[k - 1].text) || prev === 'for')) ||
      (w.text === 'show' && (/^(?:a|an)$/.test(prev) || /^(?:a|an)$/i.test(words[k - 2]?.text ?? '')))
    ) {
      applied('claim.noun-cue');
      continue;
    }
    // "…, said Ana Ruiz, the mayor": the inverted shape is claimIn's; the verb's object here is a name, not content
    if (prev === ',' && CLAIM_VERBS.has(w.text)) {
      const inverted = subjectAfter(words, k);
      const end = inverted ? indexFrom(words, k + 1, last + 1, (x) => x.start >= inverted.end) : -1;
      const closes = end < 0 || end >= last || isPunct(words[end]);
      if (inverted && closes && isNameLike(text.slice(inverted.start, inverted.end))) {
        applied('claim.inverted-name');
        continue;
      }
    }
    let speaker: Span | null;
    let nonRestrictive = false;
    if (participle) {
      // "Ruiz closed the depot on Monday, saying the buses were unsafe": the main clause's subject
      speaker = mainSubject(words, k - 1);
    } else {
      speaker = subjectBefore(text, words, k);
      // "critics who say …", "lawmakers, who have long argued …": the speaker stands before "who"
      let v = k - 1;
      while (v > 1 && ADVERBS_BEFORE_CUE.has(words[v].text.toLowerCase())) v--;
      nonRestrictive = /^who$/i.test(words[v]?.text ?? '') && words[v - 1]?.text === ',';
      // the antecedent is the noun phrase right before "who" ("came from a young child, who said …"), else the subject before it
      if (!speaker && /^who$/i.test(words[v]?.text ?? '') && v > 1) {
        speaker = antecedentOfWho(words, words[v - 1].text === ',' ? v - 1 : v) ?? subjectBefore(text, words, words[v - 1].text === ',' ? v - 1 : v);
        if (speaker) applied('claim.who-antecedent');
      }
      // "Cruz thanked the crowd and said he would stay": the first verb's subject
      if (!speaker && /^and$/i.test(words[v]?.text ?? '')) {
        speaker = mainSubject(words, v);
        if (speaker) applied('claim.shared-subject');
      }
      if (!speaker || !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) {
        speaker = subjectHead(words, k);
        if (speaker) applied('claim.subject-head');
      }
    }
    if (!speaker || !isPlausibleSpeaker(text.slice(speaker.start, speaker.end))) {
      applied('claim.no-speaker');
      continue;
    }
    speaker = withoutTrailingAdverbs(words, speaker, k);
    // "Readers may not let editorials (tell)", "Trump did not unveil (plans)": a verb phrase, not a speaker
    // "Ruiz declined to (say whether)", "Lee continues to (insist)": the verb of intent is not the speaker's name
    const intent = /\s+(?:declined|refused|wants|wanted|continues|continued|tried|needs|needed|seemed|appeared|used|began|would like|has|have|had)\s+to$/i.exec(text.slice(speaker.start, speaker.end));
    if (intent) {
      applied('claim.intent-verb');
      speaker = { start: speaker.start, end: speaker.start + intent.index };
    }
    const phrase = text.slice(speaker.start, speaker.end);
    if (VERB_INSIDE.test(phrase) || NOT_A_SUBJECT.test(phrase)) {
      applied(VERB_INSIDE.test(phrase) ? 'claim.verb-inside' : 'claim.not-a-subject');
      continue;
    }
    let c = k + 1;
    // "As Ruiz pointed out (on Monday), the depot is unsafe": the content follows the comma that closes the "as" clause
    const speakerAt = wordStartingAt(words, speaker.start, k);
    // "“…,” Chancellor Ana Ruiz told reporters after the meeting": the attribution of the quotation before it
    const markBefore = (i: number) => i >= 0 && /^[·”"’]$/.test(words[i].text);
    if (speakerAt > 0 && following !== 'that' && (markBefore(speakerAt - 1) || (words[speakerAt - 1].text === ',' && markBefore(speakerAt - 2)))) {
      applied('claim.quotation-attribution');
      continue;
    }
    if (speakerAt > 0 && /^as$/i.test(words[speakerAt - 1].text) && (speakerAt === 1 || (speakerAt === 2 && /^(?:but|and|yet|so|·)$/i.test(words[0].text)))) {
      const comma = indexFrom(words, k + 1, k + 12, (x) => isPunct(x));
      if (comma < 0 || words[comma].text !== ',' || last - comma < 4) continue;
      applied('claim.as-clause');
      found.push({ cue: span(k, k + 1), speaker, content: span(comma + 1, last), rules: readingRules(from) });
      continue;
    }
    if (/^(?:pointed|points|point)$/.test(w.text) && /^(?:out|to)$/i.test(words[c]?.text ?? '')) c++;
    // the listener: "told reporters (on Monday) that …", "told CNN the …", "urged voters to …"
    if (LISTENER_CUES.has(w.text) || /^(?:urged|urges|urging|encouraged|encourages|encouraging|called|calls|calling|telling|asking)$/.test(w.text)) {
      const that = indexFrom(words, c + 1, c + 8, (x) => /^that$/i.test(x.text));
      // "told reporters on Monday that …", not "told her the plan would change that."
      const before = c;
      if (that > 0 && last - that > 3 && !words.slice(c, that).some((x) => isPunct(x))) c = that;
      else {
        if (/^call/.test(w.text) && /^on$/i.test(words[c]?.text ?? '')) c++;
        // "called the toll a tax on work": what is named is part of the claim, not a listener
        const naming = /^call/.test(w.text) && indexFrom(words, c + 1, c + 6, (x) => /^(?:a|an)$/i.test(x.text)) > 0;
        if (!naming) c = afterListener(words, c, last);
      }
      if (c > before) applied('claim.listener');
    }
    // "said on Friday he met …", "said last week the pier …", "said in a statement the pier …"
    const beforeTime = c;
    c = afterTimeAndPlace(words, c, last);
    if (c > beforeTime) applied('claim.time-and-place');
    // "said on Monday that", "said in a statement that", "says at a stop in Toledo, Ohio, that"
    const that = indexFrom(words, c, c + 12, (x) => /^that$/i.test(x.text));
    // "said on Monday in a statement that …", not "said the locks could change that."
    if (that > c && last - that > 3 && !words.slice(c, that).some((x) => (isPunct(x) && x.text !== ',') || CLAIM_VERBS.has(x.text) || /\p{L}{3}ing$/u.test(x.text))) {
      applied('claim.that-after-adjuncts');
      c = that;
    }
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
        applied('claim.stops-before-quotation');
      }
    }
    if ((WORDS_BEFORE_CONTENT.test(words[c].text) && c + 1 >= last) || last - c < 3) {
      applied('claim.too-short');
      continue;
    }
    const next = words[c].text.toLowerCase();
    if (next === 'to') {
      // an infinitive after a verb of intent or a listener: "vowed to …", "urged voters to …"
      if (!INFINITIVE_VERBS.has(w.text) && !(LISTENER_CUES.has(w.text) && c > k + 1)) {
        applied('claim.no-infinitive');
        continue;
      }
      applied('claim.infinitive');
    } else if (next === 'for' || next === 'on') {
      if (!OBJECT_AFTER.test(w.text) || next === 'on') {
        applied('claim.preposition-after');
        continue;
      }
      applied('claim.object-for');
      c++;
    } else if (/^(?:of|about|with|in|at|by|as|from|into|so|up|out|off|back|down|over)$/.test(next)) {
      applied('claim.preposition-after');
      continue;
    } else if (INFINITIVE_VERBS.has(w.text) && !BARE_CLAUSE_OK.has(w.text) && !LISTENER_CUES.has(w.text) && !/^(?:that|if|whether)$/.test(next)) {
      // "wants the job", "offered no proof": an object, not a claim; but "called the levy a tax on work" names something
      const namesAs = /^call/.test(w.text) && indexFrom(words, c + 1, c + 6, (x) => /^(?:a|an)$/i.test(x.text)) > 0;
      if (!namesAs && (!/^call/.test(w.text) || c === k + 1)) {
        applied('claim.object-not-claim');
        continue;
      }
    }
    // "Pilots, who have long argued that the channel is shallow, oppose the plan": the relative clause ends at its comma
    if (nonRestrictive) {
      const comma = indexFrom(words, c + 1, end, (x) => x.text === ',');
      if (comma > 0) {
        applied('claim.relative-ends-at-comma');
        end = comma;
      }
    }
    if (end - c < 3) {
      applied('claim.too-short');
      continue;
    }
    if (STANCE_VERBS.has(w.text) && end - c > 12) {
      applied('claim.stance-too-long');
      continue;
    }
    applied(progressive ? 'claim.progressive' : participle ? 'claim.participle' : 'claim.verb');
    found.push({ cue: span(k, k + 1), speaker, content: span(c, end), rules: readingRules(from) });
  }
  return found;
}

/** Every claim read from the sentence [from, to) of the skeleton, in order, split where a second speaker takes over. */
export function claimsInSentence(skeleton: string, from: number, to: number): ClaimReading[] {
  return splitSequential(skeleton, claimsIn(skeleton, from, to));
}

/**
 * "Ruiz said the depot is safe, but Lee argued it should close": a second speaker after a
 * clause boundary ends the first claim's content, and both claims stand.
 */
function splitSequential(skeleton: string, readings: ClaimReading[]): ClaimReading[] {
  for (let i = 0; i + 1 < readings.length; i++) {
    const a = readings[i];
    const b = readings[i + 1];
    if (!b.speaker || b.speaker.start <= a.content.start || b.speaker.start >= a.content.end) continue;
    const lead = skeleton.slice(a.content.start, b.speaker.start);
    const boundary = /(?:[,;]\s*(?:but|and|while|whereas|yet|though|although)?|\s(?:but|while|whereas))\s*$/.exec(lead);
    if (!boundary) continue;
    a.content = { start: a.content.start, end: a.content.start + boundary.index };
    if (a.fragments) a.fragments[a.fragments.length - 1] = a.content;
    a.rules.push('claim.second-speaker');
  }
  return readings;
}

/**
 * The speaker of a cue whose nearest words name no one: the head of a noun phrase that runs from
 * the clause's start through prepositional phrases and asides ("Political observers in Ohio and
 * around the country say", "The transcript of the hearing – released by the clerk – shows")
 * is the words before its first preposition. After a scene-setting opening that no comma
 * closed ("In a meeting with the board on Monday Ruiz said"), the name run right before the cue.
 */
function subjectHead(words: Word[], cueIndex: number): Span | null {
  let v = cueIndex;
  while (v > 0 && ADVERBS_BEFORE_CUE.has(words[v - 1].text.toLowerCase())) v--;
  let s = v;
  let depth = 0;
  let dashes = 0;
  for (; s > 0; s--) {
    if (v - s >= 30) return null;
    const t = words[s - 1].text;
    if (t === ')') depth++;
    else if (t === '(') {
      if (depth === 0) return null;
      depth--;
    } else if (t === '–' || t === '—') dashes++;
    else if (depth === 0 && dashes % 2 === 0 && /^[.;:!?,·"“”]$/.test(t)) break;
    else if (CLAIM_VERBS.has(t) || isCueVerb(t)) return null;
  }
  while (s < v && /^(?:but|and|yet|so|still|also)$/i.test(words[s].text)) s++;
  if (s >= v) return null;
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  if (SCENE_PREPOSITIONS.test(words[s].text)) {
    let n = v;
    while (n > s && v - n < 5 && /^\p{Lu}/u.test(words[n - 1].text)) n--;
    if (n >= v || n <= s + 1) return null;
    // "in Ohio Governor Ana Ruiz said": from the title; "in Vermont Ruiz said": the place is the preposition's
    const title = indexFrom(words, n, v, (x) => TITLE_WORDS.has(x.text.toLowerCase()));
    if (title >= 0) n = title;
    else if (v - n >= 2 && /^\p{Ll}/u.test(words[n - 1].text) && SCENE_PREPOSITIONS.test(words[n - 1].text)) n++;
    return span(n, v);
  }
  let h = s;
  while (h < v && !AFTER_HEAD.test(words[h].text) && !/^(?:who|which|that|when|while|because|if)$/i.test(words[h].text)) h++;
  if (words.slice(s, v).some((x) => /^(?:who|which|that|when|while|because|if)$/i.test(x.text))) return null;
  return h > s ? span(s, h) : null;
}

/**
 * Where the content starts after the listener of "told", "urged", "asked": one object pronoun or
 * group ("told her the …", "urged voters to …"), a name ("told CNN", "told Fox News host Ana
 * Ruiz"), or a determiner and its noun ("told the committee the …").
 */
function afterListener(words: Word[], from: number, last: number): number {
  let c = from;
  const first = words[c]?.text ?? '';
  if (/^(?:him|her|them|us|me|you|reporters|supporters|voters|journalists|people|lawmakers|audiences?|crowds?)$/i.test(first)) return c + 1;
  const determiner = /^(?:the|a|an|his|their|its|our|my|your)$/i.test(first);
  if (determiner) c++;
  while (c < last && c < from + 6 && (/^\p{Lu}/u.test(words[c].text) || /['’]s$/.test(words[c].text))) c++;
  // the noun of "the committee", "his Senate colleagues"
  if (determiner && c < last && /^\p{Ll}/u.test(words[c].text) && !/^(?:that|to|if|whether)$/i.test(words[c].text)) c++;
  return c;
}

/** "Some are quietly (saying)", "the four contenders largely (agreed)": the adverb and auxiliary are not the speaker's. */
function withoutTrailingAdverbs(words: Word[], speaker: Span, cueIndex: number): Span {
  const first = wordStartingAt(words, speaker.start, cueIndex);
  let last = first < 0 ? -1 : indexFrom(words, first, cueIndex, (x) => x.end >= speaker.end);
  if (last < 0 || first < 0) return speaker;
  while (last > first && /^(?:\p{Ll}{3,}ly|is|are|was|were|has|have|had|been|not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/u.test(words[last].text)) last--;
  return { start: speaker.start, end: words[last].end };
}

/** Plural people nouns that stand alone as an antecedent ("listeners who said", "voters who say"). */
const GROUP_HEAD = /^\p{Ll}+(?:ers|ors|ists|ians|ents|ans|people)$/u;

/** An auxiliary or modal inside a would-be speaker phrase shows it is a clause, not a name. */
const VERB_INSIDE = /\s(?:may|might|can|could|should|must|would|wouldn['’]t|did|didn['’]t|do|does|don['’]t|doesn['’]t|went|got|made)\s/i;

/** Phrases that open or end as no subject does: "Do you (know)", "Now (tell us)", "Following a (called …)", "remained but (found)". */
const NOT_A_SUBJECT = /^(?:do|does|did|now|please|let|following)\b|\bbut$|\sbut\s/i;

/**
 * Claims carried by a noun: "seizing on a Harbor Gazette report that the pier is sinking",
 * "Ruiz's claim that the fares will fall". Only with a named source (a possessor or the
 * capitalised words before the noun): an unowned "the report that …" names no one to check.
 */
function nominalClaims(words: Word[], last: number): Reading[] {
  const found: Reading[] = [];
  const span = (a: number, b: number): Span => ({ start: words[a].start, end: words[b - 1].end });
  for (let k = 1; k + 4 < last; k++) {
    workDone.steps++;
    if (!CLAIM_NOUNS.has(words[k].text) || !/^that$/i.test(words[k + 1].text)) continue;
    // the source: "Ruiz's" or "the Harbor Gazette's", else a capitalised run after a determiner ("a Harbor Gazette report")
    let s = k;
    while (s > 0 && k - s < 5 && /^\p{Lu}/u.test(words[s - 1].text)) s--;
    if (s === k) continue;
    const possessive = /['’]s$/.test(words[k - 1].text);
    if (!possessive && !(s > 0 && /^(?:a|an|the)$/i.test(words[s - 1].text))) continue;
    const speaker = span(s, k);
    const end = indexFrom(words, k + 2, Math.min(last, k + CLAIM_REACH), (x) => /^[;:·]$/.test(x.text));
    const stop = end < 0 ? last : end;
    if (stop - (k + 1) < 4) continue;
    found.push({ cue: span(k, k + 1), speaker: possessive ? { start: speaker.start, end: words[k - 1].end - 2 } : speaker, content: span(k + 1, stop) });
  }
  return found;
}

/** The noun phrase ending at `end` (exclusive) that a "who" refers to: "a young child", "Ana Ruiz", "her listeners". */
function antecedentOfWho(words: Word[], end: number): Span | null {
  let s = end;
  while (s > 0 && end - s < 6 && !isPunct(words[s - 1]) && !/^(?:from|to|of|with|for|by|at|in|on|and|or|that|who|which|than|like|including|among|as)$/i.test(words[s - 1].text)) s--;
  if (s === end) return null;
  const first = words[s].text;
  if (!/^\p{Lu}/u.test(first) && !DETERMINERS.has(first.toLowerCase()) && !GROUP_HEAD.test(words[end - 1].text)) return null;
  return { start: words[s].start, end: words[end - 1].end };
}

/** Past the time and manner words that may follow a verb of saying before its content: "on Friday", "last week", "in a statement", "Thursday". */
function afterTimeAndPlace(words: Word[], from: number, last: number): number {
  let c = from;
  for (let round = 0; round < 3 && c < last; round++) {
    const t = words[c].text.toLowerCase();
    const next = words[c + 1]?.text.toLowerCase() ?? '';
    if (TIME_AND_MANNER_AFTER_CUE.test(t)) c += 1;
    else if (t === 'on' && TIME_AND_MANNER_AFTER_CUE.test(next)) c += 2;
    else if (/^(?:last|this|next)$/.test(t) && /^(?:week|month|year|weekend|spring|summer|fall|autumn|winter)$/.test(next)) c += 2;
    else if (t === 'in' && /^(?:a|an)$/.test(next) && /^(?:statement|interview|email|tweet|letter|speech|post)$/i.test(words[c + 2]?.text ?? '')) c += 3;
    else break;
  }
  return c < last - 2 ? c : from;
}
