// Speaker resolution: what a back reference ("he", "it", "the utility", "the Ohio governor") or
// a cue with no speaker phrase names, read from the mentions before it and the subjects of the
// sentences around it. extractQuotes.ts calls it once per quote; every walk here is bounded
// (MENTION_REACH, PRONOUN_SENTENCES, DESCRIPTION_REACH) and counted by work.ts.

import type { Span, SpeakerMention } from '../types';
import { lastStartingAtOrBefore } from '../text/spans';
import { applied, type RuleId } from './rules';
import { mainSubject, wordsIn, type Word } from './attribution';
import { isBackReference, readSpeakerPhrase, speakerPhraseSpan, type SpeakerPhrase } from './speakerPhrase';
import { isCueVerb, NOT_A_SPEAKER, ORG_HEADS, PERSON_HEADS, PRONOUN_WORDS, ROLE_NOUNS } from './lexicon';
import { workDone } from '../work';
import type { IntroducedName } from './names';
import { lexiconTag, nlp } from './nlp';

/** How many paragraphs back a pronoun or a cue-less quote may look for its speaker. */
export const CONTEXT_PARAGRAPHS = 3;
/** Characters before a quote read for a pronoun's antecedent: enough for any real paragraph. */
const CONTEXT_WINDOW = 2000;

/** A speaker named in the document: the phrase, where, and in which paragraph. */
export interface Mention {
  phrase: SpeakerPhrase;
  span: Span;
  paragraph: number;
  /** The rule that found this mention when no cue of a quote did ("…, Foster believes."), recorded on the quote it resolves. */
  via?: RuleId;
}

/** How many mentions back a pronoun may look among those that do not fit it. */
const MENTION_REACH = 200;

/**
 * Speaker mentions in document order. Found in one pass over the text, then added to as quotes
 * are read; both lists are searched from the nearest mention backwards, a bounded way.
 */
export class Mentions {
  private readonly found: Mention[] = [];
  private readonly added: Mention[] = [];

  push(m: Mention): void {
    (this.added.length === 0 && (this.found.length === 0 || this.found[this.found.length - 1].span.start <= m.span.start) ? this.found : this.added).push(m);
  }

  latest(before: number, paragraph: number, fits: (m: Mention) => boolean): Mention | null {
    let best: Mention | null = null;
    const search = (list: Mention[], from: number) => {
      for (let i = from, seen = 0; i >= 0 && seen < MENTION_REACH; i--, seen++) {
        workDone.steps++;
        const m = list[i];
        if (m.span.start >= before) continue;
        if (paragraph - m.paragraph > CONTEXT_PARAGRAPHS) break;
        if (!fits(m)) continue;
        if (!best || m.span.start > best.span.start) best = m;
        break;
      }
    };
    const from = lastStartingAtOrBefore(this.found, before - 1, (m) => m.span.start);
    search(this.found, from);
    search(this.added, this.added.length - 1);
    return best;
  }
}

export function latestMention(mentions: Mentions, before: number, paragraph: number, fits: (m: Mention) => boolean): Mention | null {
  return mentions.latest(before, paragraph, fits);
}

/** Resolves "he", "they", "the secretary" to the nearest fitting speaker named before. */
/** What resolving a back reference reads besides the mentions: the document, its skeleton (quote contents blanked), its paragraphs and sentences. */
export interface ResolveContext {
  text: string;
  skeleton: string;
  paragraphs: Span[];
  sentences: Span[];
  paragraphOf: (offset: number) => number;
  introduced: IntroducedName;
}

export function resolveMention(phrase: SpeakerPhrase, span: Span, mentions: Mentions, paragraph: number, ctx: ResolveContext): SpeakerMention | null {
  const { text, paragraphs } = ctx;
  // "the Ohio governor", "the presumptive Republican presidential nominee": the name the article gave that title
  const titled = titledName(phrase.text, span, text);
  if (titled) return { text: titled.text, span: titled.span, resolvedFrom: phrase.text };
  const head = descriptionHead(phrase.text);
  const lede = ledeName(phrase, span, ctx);
  if (lede) return { text: lede.phrase.text, span: lede.span, resolvedFrom: phrase.text };
  if (!isBackReference(phrase)) {
    // "the utility", "the Kentucky Republican", "the rookie defenceman": the entity the article introduced, else the description itself
    const entity = head ? resolveDescription(head, span, mentions, paragraph, text) : null;
    return entity ? { text: entity.phrase.text, span: entity.span, resolvedFrom: phrase.text } : { text: phrase.text, span };
  }
  const word = phrase.text.toLowerCase();
  let fits: (m: Mention) => boolean;
  if (phrase.kind === 'pronoun') {
    // "she" never points back to "Mr. Ruiz" or "Harlan Vos"
    const gender = word === 'he' ? 'm' : word === 'she' ? 'f' : null;
    if (word === 'he' || word === 'she' || word === 'i')
      fits = (m) =>
        (m.phrase.kind === 'person' || (m.phrase.kind === 'anonymous' && !/s$/.test(m.phrase.text))) &&
        !(gender && genderOf(m.phrase.text) === (gender === 'm' ? 'f' : 'm')) &&
        isOnePerson(m.phrase, m.span.start, ctx.introduced);
    // "BC Hydro", "EDC": a name opening with an acronym is an organisation's
    else if (word === 'it') fits = (m) => m.phrase.kind === 'organisation' || (m.phrase.kind === 'person' && /^\p{Lu}{2,6}(?:\s|$)/u.test(m.phrase.text));
    else fits = (m) => m.phrase.kind !== 'person' || /\band\b/.test(m.phrase.text);
  } else {
    const roleWords = (phrase.role ?? '').split(' ').filter((w) => w.length > 2);
    fits = (m) => roleWords.some((r) => m.phrase.text.toLowerCase().includes(r));
  }
  if (word === 'he' || word === 'she' || word === 'it') {
    let found = pronounAntecedent(word, span.start, mentions, paragraph, fits, ctx);
    // "it" → "the utility" → "BC Hydro": a description it points to is resolved in turn
    const described = found && word === 'it' ? descriptionHead(found.phrase.text) : null;
    if (found && described) found = resolveDescription(described, found.span, mentions, found.paragraph, text) ?? found;
    if (found) return { text: found.phrase.text, span: found.span, resolvedFrom: phrase.text };
  }
  const found = latestMention(mentions, span.start, paragraph, fits);
  if (found) {
    applied(phrase.kind === 'pronoun' ? 'speaker.pronoun' : 'speaker.role');
    return { text: found.phrase.text, span: found.span, resolvedFrom: phrase.text };
  }
  if (phrase.kind !== 'pronoun') {
    // "the secretary": someone introduced with that title, even if never with a cue.
    const titled = introducedBefore(text, paragraphs, paragraph, span.start).find((m) => fits(m));
    if (titled) {
      applied('speaker.introduced');
      return { text: titled.phrase.text, span: titled.span, resolvedFrom: phrase.text };
    }
  }
  if (phrase.kind === 'pronoun' && (word === 'he' || word === 'she')) {
    const person = personNamedBefore(text, paragraphs, paragraph, span.start);
    if (person) {
      applied('speaker.pronoun-named-before');
      return { text: person.text, span: person.span, resolvedFrom: phrase.text };
    }
  }
  // "the President" with a capital is a title that names its holder; "the spokesperson" names no one.
  if (phrase.kind !== 'pronoun' && /^the\s+\p{Lu}/u.test(phrase.text)) {
    applied('speaker.capital-title');
    return { text: phrase.text, span };
  }
  const entity = head ? resolveDescription(head, span, mentions, paragraph, text) : null;
  if (entity) return { text: entity.phrase.text, span: entity.span, resolvedFrom: phrase.text };
  applied('speaker.unresolved');
  return null;
}

/** How many sentences back "he"/"she" walks for the last subject or speaker. */
const PRONOUN_SENTENCES = 12;
/** How many paragraphs before its own "he"/"she" reads sentence subjects in (the previous one). */
const PRONOUN_SUBJECT_PARAGRAPHS = 1;
/** Characters of a sentence's opening read for its subject. */
const SUBJECT_READ = 300;

/**
 * What "he"/"she" points back to (or, with `word` null, whom a quotation standing alone
 * continues: then "he", "she" and "they" as subjects are passed over and an organisation may be
 * the subject): walking the sentences before it, nearest first, the first
 * whose subject is a fitting person ("Cerato tried to soften the blow. “…,” she said"), else a
 * fitting speaker a cue named in it. A sentence whose subject is the same pronoun continues the
 * same person ("He believes …"), so the walk goes on past it and past the speakers it cites
 * ("…, according to Easley"). Names inside quotes and names in passing are never subjects.
 */
export function pronounAntecedent(word: 'he' | 'she' | 'it' | null, before: number, mentions: Mentions, paragraph: number, fits: (m: Mention) => boolean, ctx: ResolveContext): Mention | null {
  const cueRule = word === null ? 'quote.context-speaker' : 'speaker.pronoun';
  let cue = latestMention(mentions, before, paragraph, fits);
  let i = lastStartingAtOrBefore(ctx.sentences, before - 1);
  // subjects in the pronoun's paragraph and the one before it (page furniture between them not counted); further back, speakers named with a cue
  let lastParagraph = paragraph;
  let paragraphsBack = 0;
  for (let walked = 0; i >= 0 && walked < PRONOUN_SENTENCES; i--, walked++) {
    const s = ctx.sentences[i];
    const p = ctx.paragraphOf(s.start);
    if (paragraph - p > CONTEXT_PARAGRAPHS) break;
    if (isFurniture(ctx.text, ctx.paragraphs[p])) continue;
    if (p !== lastParagraph) {
      lastParagraph = p;
      // a paragraph that is all quotation continues the person before it, like page furniture
      const para = ctx.paragraphs[p];
      if (/\p{L}/u.test(ctx.skeleton.slice(para.start, Math.min(para.end, para.start + CONTEXT_WINDOW))) && ++paragraphsBack > PRONOUN_SUBJECT_PARAGRAPHS) break;
    }
    const end = Math.min(s.end, before);
    const read = sentenceSubject(ctx, s.start, end, p, word === null || word === 'it');
    // with no pronoun to match (a quotation standing alone), "he", "she" or "they" as subject continue the person before them
    const same = (w: string) => (word === null ? /^(?:he|she|they)$/.test(w) : w === word);
    const subject = read && read !== 'other' && read.phrase.kind === 'pronoun' ? (same(read.phrase.text.toLowerCase()) ? 'same' : 'other') : read;
    if (subject === 'same') {
      // the same pronoun as subject: that sentence is about the same person, and who it cites is not
      cue = latestMention(mentions, s.start, paragraph, fits);
      continue;
    }
    if (subject && subject !== 'other' && fits(subject)) {
      // "Ana Ruiz said …": the subject is the speaker a cue named
      if (cue && cue.span.start === subject.span.start) {
        applyCue(cueRule, cue);
        return cue;
      }
      applied(word === null ? 'quote.context-subject' : 'speaker.pronoun-subject');
      return subject;
    }
    if (cue && cue.span.start >= s.start) {
      applyCue(cueRule, cue);
      return cue;
    }
    // "I asked barber Robert Ruiz, who … . “…,” he explains": a sentence of the pronoun's paragraph with no person as its subject names one by first name and surname
    if (p === paragraph && s.end <= before) {
      const named = fullNameIn(ctx, s.start, s.end, p);
      if (named && fits(named)) {
        applied(word === null ? 'quote.context-subject' : 'speaker.pronoun-full-name');
        return named;
      }
    }
  }
  if (cue) applyCue(cueRule, cue);
  return cue;
}

function applyCue(rule: RuleId, cue: Mention | null): void {
  applied(rule);
  if (cue?.via) applied(cue.via);
}

/**
 * The subject of a sentence's main clause when it names someone: a person on evidence
 * (`isSubjectName`), a pronoun, or (with `organisations`) an organisation; 'other' when the
 * subject is something else, null when none is read. Tried at the sentence's start and after an
 * opening phrase: "Knowing Ruiz was a fan, Ortiz tried …", "Down the street, Ortiz rejoiced",
 * "The ceremony: At the party, Ortiz decided …". Reads the skeleton: names in quotes are no subjects.
 */
export function sentenceSubject(c: ResolveContext, start: number, end: number, p: number, organisations: boolean): Mention | 'other' | null {
  const words = wordsIn(c.skeleton, start, Math.min(end, start + SUBJECT_READ));
  const openings = words.length > 0 && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(words[0].text) ? [] : [0];
  const colon = words.findIndex((w) => w.text === ':');
  if (colon > 0 && colon < 10) openings.push(colon + 1);
  for (let k = 1; k < Math.min(words.length, 15) && openings.length < 5; k++) if (words[k].text === ',') openings.push(k + 1);
  let other = false;
  for (const from of openings) {
    const found = subjectFrom(c, words, from, p, organisations);
    if (found === null) continue;
    if (found !== 'other') return found;
    other = true;
  }
  return other ? 'other' : null;
}

function subjectFrom(c: ResolveContext, words: Word[], from: number, p: number, organisations: boolean): Mention | 'other' | null {
  const found = mainSubject(words.slice(from), words.length - from);
  if (!found) return null;
  // "CHICAGO - Rahm Emanuel may have thought": a dateline before the subject
  const dateline = /^.*\s[-–—]+\s+/.exec(c.text.slice(found.start, found.end));
  if (dateline) found.start += dateline[0].length;
  // "Said Ana Ruiz, …": an inverted cue before the name
  const cueFirst = /^(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/u.exec(c.text.slice(found.start, found.end));
  if (cueFirst && isCueVerb(cueFirst[1].toLowerCase())) found.start += cueFirst[0].length;
  const raw = c.text.slice(found.start, found.end);
  // "It seems unfair to tell …": "it" opening a sentence is mostly no one
  if (PRONOUN_WORDS.has(raw.toLowerCase())) return raw.toLowerCase() === 'it' ? 'other' : { phrase: readSpeakerPhrase(raw), span: found, paragraph: p };
  // a subject is followed by its verb, not by a possessive's noun or another clause
  // ("Ruiz, who leads the union, spoke"): a comma may open an apposition
  // ("Ana Ruiz, Lakeside MP, said"): an apposition may open with a capital when a comma closes it before the verb
  const capitalApposition = /^,\s+\p{Lu}[^,.;:!?"“”()]{0,40},\s+(?!(?:and|or|but|who|which)\b)\p{Ll}/u.test(c.text.slice(found.end, found.end + 60));
  if (capitalApposition) applied('speaker.capital-apposition');
  if ((!capitalApposition && !/^(?:\s+\p{Ll}|,\s+[\p{Ll}\p{N}])/u.test(c.text.slice(found.end, found.end + 4))) || /['’]s?$/.test(raw)) return 'other';
  const span = speakerPhraseSpan(c.text, found, c.introduced);
  if (!span) return 'other';
  const phrase = readSpeakerPhrase(c.text.slice(span.start, span.end));
  // "EDC declined to answer": an acronym is an organisation
  if (organisations && /^\p{Lu}{2,6}$/u.test(phrase.text)) return { phrase: { ...phrase, kind: 'organisation', name: null }, span, paragraph: p };
  if (phrase.kind === 'person' && isSubjectName(phrase, span.start, c.introduced)) return { phrase, span, paragraph: p };
  if (organisations && phrase.kind === 'organisation' && /^(?:the\s+)?\p{Lu}/u.test(phrase.text) && !/\s(?:and|&)\s/.test(phrase.text)) return { phrase, span, paragraph: p };
  return 'other';
}

/** Word classes of compromise's lexicon that no name has. */
const COMMON_CLASS = /^(?:Gerund|PastTense|Adjective|Comparative|Superlative|Adverb|Duration|WeekDay|Month|Date|Conjunction|Preposition|Determiner)$/;

/**
 * A lone capitalised word compromise's lexicon gives a class no speaker has ("Continuing",
 * "Facing", "Reached", "Hours", "Sunday": a participle, a past tense, an adjective, a time) and the
 * document never introduced as a surname: an opening phrase read as the subject, not a speaker.
 */
export function isCommonWord(phrase: string, at: number, introduced: IntroducedName): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(phrase) || introduced(phrase, at)) return false;
  const tag = String(lexiconTag(phrase) ?? '');
  if (!COMMON_CLASS.test(tag)) return false;
  applied('speaker.common-word');
  return true;
}

/** The last full name in a sentence outside its quotes ("barber Robert Ruiz"): a first name compromise's lexicon knows, then a capitalised surname. */
function fullNameIn(ctx: ResolveContext, start: number, end: number, paragraph: number): Mention | null {
  const window = ctx.skeleton.slice(start, Math.min(end, start + CONTEXT_WINDOW));
  workDone.steps += window.length >> 4;
  const run = /\b(\p{Lu}\p{Ll}+)((?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})/gu;
  let best: Mention | null = null;
  for (let m = run.exec(window); m; m = run.exec(window)) {
    const tag = lexiconTag(m[1]);
    if (tag !== 'FirstName' && tag !== 'MaleName' && tag !== 'FemaleName') continue;
    const at = start + m.index;
    const span = speakerPhraseSpan(ctx.text, { start: at, end: at + m[0].replace(/['’]s$/, '').length });
    if (span) best = { phrase: readSpeakerPhrase(ctx.text.slice(span.start, span.end)), span, paragraph };
  }
  return best;
}

/**
 * A sentence's subject taken for a person only on evidence: a title or a first name compromise's
 * lexicon knows ("Ms. Ruiz", "Ana Ruiz"), or a surname the document introduced with one
 * ("Ruiz" after "Ana Ruiz"); not "Story" (continues below), "Whenever", "The Canadian Press".
 */
function isSubjectName(phrase: SpeakerPhrase, at: number, introduced: IntroducedName): boolean {
  if (/^the\s/i.test(phrase.text)) return false;
  const name = phrase.name ?? '';
  // "No Child Left Behind": a title of words that name no one
  if (name.split(/\s+/).some((w) => NOT_A_SPEAKER.has(w.toLowerCase()))) return false;
  // "New Hampshire", "Salem": a place compromise's lexicon knows
  if (/Region|Place|City|Country|Organization/.test(String(lexiconTag(name) ?? ''))) return false;
  const words = name.split(/\s+/);
  const surname = words[words.length - 1];
  if (words.length > 1 && introduced(surname, at)) return true;
  const tag = lexiconTag(surname);
  // "Black" after "Black Canadians": a common word that stood after a capital is no surname
  if (words.length === 1 && introduced(surname, at)) return tag === undefined || /Name|Person/.test(tag);
  // two or three capitalised words and no organisation word: "Ivo Kranjc", not "New York City Council"
  // ("Prominent Canadian examples": a first word the lexicon knows as a common word opens no name)
  if (words.length > 1) return isPersonName(phrase.text) || (words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && !COMMON_CLASS.test(String(lexiconTag(words[0]) ?? '')));
  return words.length === 1 && tag !== undefined && /LastName|Person/.test(tag);
}

/**
 * Whether a person phrase can be "he" or "she": one person, not a group ("The Conservatives",
 * "Brexit backers", "Many coastal residents", "Prosecutors").
 */
function isOnePerson(phrase: SpeakerPhrase, at: number, introduced: IntroducedName): boolean {
  if (phrase.kind !== 'person') return true;
  // "Jeb Bush and Chris Christie": two people; "1977", "Clinton's": no one
  if (/\s(?:and|&)\s/.test(phrase.text) || !/\p{Lu}/u.test(phrase.text) || /['’]s?$/.test(phrase.text)) return false;
  const words = phrase.text.split(/\s+/);
  const last = words[words.length - 1];
  // a group named by a plural noun, its modifiers before it
  if (/^\p{Ll}+s$/u.test(last)) return false;
  // "The Greens", "Many Democrats": a determiner or quantifier before a capitalised word
  if (/^(?:the|many|some|most|all|both|several|other|few|these|those)$/i.test(words[0]) && words.length === 2) return false;
  const name = phrase.name ?? '';
  if (name.includes(' ') || introduced(name, at)) return true;
  const tag = lexiconTag(name);
  if (tag && /Name|Person/.test(tag)) return true;
  // one capitalised word compromise reads as a plural noun ("Prosecutors", "Conservatives")
  return !/s$/.test(name) || !isPluralNoun(name);
}

const pluralCache = new Map<string, boolean>();
function isPluralNoun(word: string): boolean {
  let plural = pluralCache.get(word);
  if (plural === undefined) {
    const doc = nlp(word);
    plural = doc ? doc.has('#Plural') : false;
    if (pluralCache.size > 10000) pluralCache.clear();
    pluralCache.set(word, plural);
  }
  return plural;
}

/**
 * The stretches of text a look-back reads, nearest paragraph first: each paragraph of the
 * context (`CONTEXT_PARAGRAPHS`) up to `before`, page furniture passed over, and at most the
 * last `CONTEXT_WINDOW` characters of each, however long the paragraph.
 */
function* windowsBefore(text: string, paragraphs: Span[], paragraph: number, before: number): Generator<{ p: number; from: number; end: number }> {
  for (let p = paragraph; p >= Math.max(0, paragraph - CONTEXT_PARAGRAPHS); p--) {
    const para = paragraphs[p];
    const end = Math.min(para.end, before);
    if (end <= para.start || isFurniture(text, para)) continue;
    yield { p, from: Math.max(para.start, end - CONTEXT_WINDOW), end };
  }
}

/** The first person named in the nearest paragraph before `before` that names one (compromise, on a small window). */
function personNamedBefore(text: string, paragraphs: Span[], paragraph: number, before: number): { text: string; span: Span } | null {
  for (const { from, end } of windowsBefore(text, paragraphs, paragraph, before)) {
    const window = text.slice(from, end);
    const subject = sentenceSubjects(window)
      .reverse()
      .find((s) => s.phrase.kind === 'person');
    if (subject) return { text: subject.phrase.text, span: { start: from + subject.start, end: from + subject.end } };
    const read = nlp(window);
    if (!read) return null;
    const people = read.people().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
    if (people.length > 0) {
      const first = people[0];
      const name = first.text.replace(/[\s,.;:]+$/, '');
      const span = speakerPhraseSpan(text, { start: from + first.offset.start, end: from + first.offset.start + name.length });
      if (span) return { text: text.slice(span.start, span.end), span };
    }
  }
  return null;
}

/** A web page's furniture standing as a paragraph: "Story continues below advertisement", "READ MORE: …", "WATCH: …", a photo caption. */
const FURNITURE = /^\s*(?:story continues below|advertisement\s*$|read more\b|watch\s*:|related\s*:|click here\b|sign up\b)/i;

/** A photo caption's credit closing its paragraph: "( Toronto Star file photo )", "(Jane Doe/Getty Images)". */
const PHOTO_CREDIT = /\(\s*[^()]{0,60}\b(?:photo|photograph|getty images|handout)\b[^()]{0,20}\)\s*$/i;

function isFurniture(text: string, para: Span): boolean {
  if (!FURNITURE.test(text.slice(para.start, Math.min(para.end, para.start + 40))) && !PHOTO_CREDIT.test(text.slice(Math.max(para.start, para.end - 90), para.end))) return false;
  applied('attr.page-furniture');
  return true;
}

/** The capitalised phrase opening each sentence of a window ("Secretary of State Antony Blinken spoke …"). */
interface SentenceSubject {
  phrase: SpeakerPhrase;
  start: number;
  end: number;
  /** It opens the window's first sentence (after a connective, "But Ruiz"). */
  opens: boolean;
  /** False for a closed-class word or fragment ("But", "His", "It’s"): kept only so a caller can tell it from no subject at all. */
  valid: boolean;
}

export function sentenceSubjects(window: string, withInvalid = false): SentenceSubject[] {
  const found: SentenceSubject[] = [];
  const opening = /(?:^|[.!?]["”’]?\s+)((?:(?:[\p{Lu}][\p{L}.'’-]*|of|the)\s+){0,7}[\p{Lu}][\p{L}'’-]+)/gu;
  for (let m = opening.exec(window); m; m = opening.exec(window)) {
    const at = m.index + m[0].length - m[1].length;
    // "But Ruiz", "After" alone: a connective trimmed, a closed-class word no subject
    const span = speakerPhraseSpan(window, { start: at, end: at + m[1].length });
    if (!span) {
      if (withInvalid) found.push({ phrase: readSpeakerPhrase(m[1]), start: at, end: at + m[1].length, opens: at === 0, valid: false });
      continue;
    }
    found.push({ phrase: readSpeakerPhrase(window.slice(span.start, span.end)), start: span.start, end: span.end, opens: at === 0 && /^[\p{L}\s]*$/u.test(window.slice(0, span.start)), valid: true });
  }
  return found;
}

/** People and organisations opening the sentences before `before`, nearest first. */
function introducedBefore(text: string, paragraphs: Span[], paragraph: number, before: number): Mention[] {
  const found: Mention[] = [];
  for (const { p, from, end } of windowsBefore(text, paragraphs, paragraph, before)) {
    const subjects = sentenceSubjects(text.slice(from, end)).reverse();
    for (const s of subjects) found.push({ phrase: s.phrase, span: { start: from + s.start, end: from + s.end }, paragraph: p });
  }
  return found;
}

/**
 * A capitalised word opening a sentence is a name when it has a first name or title before it
 * earlier in the document ("Ana Ruiz", "Mr. Ruiz"), or compromise reads it as a noun ("Ruiz",
 * "Republicans"), not as a verb or adverb ("See", "Meanwhile").
 */
export function isLikelyName(name: string, introduced: IntroducedName, before: number): boolean {
  if (!name) return false;
  if (name.includes(' ')) return true;
  if (introduced(name, before)) return true;
  const doc = nlp(name);
  if (!doc) return false;
  return doc.has('#Noun') && !doc.has('#Verb') && !doc.has('#Adverb') && !doc.has('#Conjunction');
}

/** The head of a definite description ("the rookie defenceman" → defenceman, person), or null for a name ("The Post") or anything else. */
function descriptionHead(phrase: string): { word: string; kind: 'person' | 'organisation' } | null {
  const words = phrase.split(/\s+/);
  if (words.length < 2 || words.length > 5 || !/^the$/i.test(words[0])) return null;
  const head = words[words.length - 1].replace(/['’]s$/, '');
  const lower = head.toLowerCase();
  // a capitalised head is a name ("The Transportation Safety Board"), a party's member aside ("the Kentucky Republican")
  if (/^\p{Lu}/u.test(head) && !/^(?:republican|democrat|liberal|conservative)$/.test(lower)) return null;
  if (ORG_HEADS.has(lower)) return { word: lower, kind: 'organisation' };
  if (PERSON_HEADS.has(lower)) return { word: lower, kind: 'person' };
  return null;
}

/**
 * "A Vancouver hockey coach says …" opening an article, then "Stephen Gillis said …": a wire
 * lede describes the person first and names them in one of the next two sentences, as their
 * subject. Only in the article's first paragraphs, only a person's description, only a full name.
 */
function ledeName(phrase: SpeakerPhrase, span: Span, ctx: ResolveContext): Mention | null {
  const words = phrase.text.split(/\s+/);
  if (words.length < 2 || words.length > 6 || !/^an?$/i.test(words[0])) return null;
  const head = words[words.length - 1].toLowerCase();
  if (!PERSON_HEADS.has(head) && !ROLE_NOUNS.has(head)) return null;
  const paragraph = ctx.paragraphOf(span.start);
  if (paragraph > 2) return null;
  const at = lastStartingAtOrBefore(ctx.sentences, span.start);
  for (let i = at + 1; i <= at + 2 && i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i];
    const p = ctx.paragraphOf(s.start);
    if (p - paragraph > 1) break;
    const subject = sentenceSubject(ctx, s.start, s.end, p, false);
    if (subject && subject !== 'other' && subject.phrase.kind === 'person' && isPersonName(subject.phrase.text)) {
      applied('speaker.lede-description');
      return subject;
    }
  }
  return null;
}

/** A role noun's short forms as a title before a name: "Gov. Ruiz", "Sen. Ortiz". */
const TITLE_FORMS: Record<string, string[]> = {
  governor: ['Gov.', 'Gov'],
  senator: ['Sen.', 'Sen'],
  representative: ['Rep.', 'Rep'],
  congressman: ['Rep.', 'Rep'],
  congresswoman: ['Rep.', 'Rep'],
  president: ['Pres.'],
  secretary: ['Sec.'],
  general: ['Gen.'],
};

/**
 * The person a description of a role points back to: "the Ohio governor" after "Ohio Gov. John
 * Ruiz" or "John Ruiz, the Ohio governor,"; "the presumptive Republican presidential nominee"
 * after "Republican presidential nominee Ana Ruiz". The role noun (or its title form) must stand
 * right before the name or in an apposition after it, with the description's modifiers near it
 * ("Ohio", "Republican", "former"); the nearest such name wins. 3,000 characters back.
 */
function titledName(description: string, span: Span, text: string): { text: string; span: Span } | null {
  const words = description.trim().split(/\s+/);
  if (words.length < 3 || words.length > 7 || !/^the$/i.test(words[0])) return null;
  const head = words[words.length - 1];
  if (!/^\p{Ll}+$/u.test(head) || !ROLE_NOUNS.has(head) || /s$/.test(head)) return null;
  // every modifier must stand near the title ("former" too: "the former president" is not "President Obama"), a few that a title leaves out aside
  const modifiers = words.slice(1, -1).filter((w) => !/^(?:presumptive|likely|probable|current|longtime|long-time|veteran|top|powerful|embattled|outspoken)$/.test(w));
  const from = Math.max(0, span.start - DESCRIPTION_REACH);
  const window = text.slice(from, span.start);
  workDone.steps += window.length >> 4;
  const forms = [head, head[0].toUpperCase() + head.slice(1), ...(TITLE_FORMS[head] ?? [])].map((f) => f.replace(/\./g, '\\.'));
  const name = `((?:\\p{Lu}\\.\\s+|\\p{Lu}[\\p{L}'’-]+\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)`;
  const before = new RegExp(`(?:^|[^\\p{L}])(?:${forms.join('|')})\\s+${name}`, 'gu');
  const apposed = new RegExp(`${name},\\s+(?:the|a|an)\\s+(?:[\\p{L}'’.-]+\\s+){0,4}${head}\\b`, 'gu');
  let best: { text: string; span: Span } | null = null;
  const consider = (at: number, nameText: string, context: string) => {
    const lower = context.toLowerCase();
    if (!modifiers.every((m) => lower.includes(m.toLowerCase()))) return;
    // "President Bush's": the name without its possessive
    const bare = nameText.replace(/['’]s$/, '');
    const found = speakerPhraseSpan(text, { start: from + at, end: from + at + bare.length });
    if (found && (!best || found.start > best.span.start)) best = { text: text.slice(found.start, found.end), span: found };
  };
  for (let m = before.exec(window); m; m = before.exec(window)) {
    const at = m.index + m[0].length - m[1].length;
    consider(at, m[1], window.slice(Math.max(0, m.index - 60), m.index + m[0].length));
  }
  for (let m = apposed.exec(window); m; m = apposed.exec(window)) consider(m.index, m[1], m[0]);
  if (best) applied('speaker.titled-name');
  return best;
}

/** How far back a description looks for a name holding its head word ("the railway" → "Canadian Pacific Railway"). */
const DESCRIPTION_REACH = 3000;

/**
 * The entity a definite description points back to: a name before it holding its head word
 * ("the parole board" → "Parole Board of Canada"), an apposition that gave it ("BC Hydro, the
 * province's utility"), else by type the nearest speaker named before (an organisation for "the
 * utility", a person, by name or title, for "the rookie defenceman"). Null when nothing fits:
 * the description is kept, not a guess.
 */
function resolveDescription(head: { word: string; kind: 'person' | 'organisation' }, span: Span, mentions: Mentions, paragraph: number, text: string): Mention | null {
  const from = Math.max(0, span.start - DESCRIPTION_REACH);
  const window = text.slice(from, span.start);
  workDone.steps += window.length >> 4;
  // a name holding the head word, capitalised: "Canadian Pacific Railway", "the Parole Board of Canada"
  const cap = head.word[0].toUpperCase() + head.word.slice(1);
  const named = new RegExp(`((?:\\p{Lu}[\\p{L}.'’&-]*\\s+){1,4})${cap}\\b(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*)?`, 'gu');
  let best: { start: number; end: number } | null = null;
  // the regular expressions run only where the head word stands: a plain search first
  const capAt = window.lastIndexOf(cap);
  if (capAt > 0) named.lastIndex = Math.max(0, capAt - 160);
  for (let m = capAt > 0 ? named.exec(window) : null; m; m = named.exec(window)) {
    const name = m[0].replace(/^(?:The|A|An|But|And|In|On|At|As|When)\s+/, '');
    best = { start: from + m.index + m[0].length - name.length, end: from + m.index + m[0].length };
  }
  if (best) best = speakerPhraseSpan(text, best);
  if (best && head.kind === 'organisation') {
    applied('speaker.description-name');
    return { phrase: readSpeakerPhrase(text.slice(best.start, best.end)), span: best, paragraph };
  }
  // an apposition naming the head: "Caleb Jones, a rookie defenceman,", "BC Hydro, the province's utility,"
  const apposed = new RegExp(`((?:\\p{Lu}[\\p{L}.'’&-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’&-]*),\\s+(?:a|an|the)\\s+(?:[\\p{L}'’-]+\\s+){0,3}${head.word}\\b`, 'gu');
  let appositive: { start: number; end: number } | null = null;
  const headAt = window.toLowerCase().indexOf(head.word);
  if (headAt > 0) apposed.lastIndex = Math.max(0, headAt - 160);
  for (let m = headAt > 0 ? apposed.exec(window) : null; m; m = apposed.exec(window)) {
    if (!/^\p{Lu}/u.test(m[1])) continue;
    appositive = { start: from + m.index, end: from + m.index + m[1].length };
  }
  if (appositive) appositive = speakerPhraseSpan(text, appositive);
  if (appositive) {
    applied('speaker.apposition-role');
    return { phrase: readSpeakerPhrase(text.slice(appositive.start, appositive.end)), span: appositive, paragraph };
  }
  // by type: the nearest speaker named before that is of the description's kind
  const fits = (m: Mention): boolean => {
    if (m.phrase.kind === 'pronoun' || m.phrase.kind === 'anonymous' || /\band\b/.test(m.phrase.text)) return false;
    const person = isPersonName(m.phrase.name ?? m.phrase.text);
    return head.kind === 'person' ? person : !person && /^\p{Lu}/u.test(m.phrase.text) && m.phrase.kind !== 'role';
  };
  const found = latestMention(mentions, span.start, paragraph, fits);
  if (found) {
    applied('speaker.description-type');
    return found;
  }
  return null;
}

/** A person's name: a title ("Mr.", "Sen."), or a first name compromise's lexicon knows, opening two or more capitalised words. */
function isPersonName(phrase: string): boolean {
  const words = phrase.replace(/^the\s+/i, '').split(/\s+/);
  if (/^(?:mr|mrs|ms|dr|sen|rep|gov|president|premier|minister|mayor|senator|coach|chief)\.?$/i.test(words[0] ?? '')) return true;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  if (caps.length < 2) return false;
  const tag = lexiconTag(caps[0].replace(/[^\p{L}-]/gu, ''));
  return tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName';
}

/** 'm' or 'f' for a name opening with a title or a first name compromise's lexicon knows ("Mr. Ruiz", "Ana Ruiz"), else null. */
function genderOf(phrase: string): 'm' | 'f' | null {
  const first = phrase.split(/\s+/).find((w) => /^\p{Lu}/u.test(w)) ?? '';
  if (/^(?:mr|sir|lord|king)\.?$/i.test(first)) return 'm';
  if (/^(?:mrs|ms|miss|madam|dame|lady|queen)\.?$/i.test(first)) return 'f';
  const tag = lexiconTag(first.replace(/[^\p{L}-]/gu, ''));
  return tag === 'MaleName' ? 'm' : tag === 'FemaleName' ? 'f' : null;
}
