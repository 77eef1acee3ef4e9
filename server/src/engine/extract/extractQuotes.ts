import type Nlp from 'compromise';
import type { DocumentFormat, ExtractedQuote, Span, SpeakerMention } from '../types';
import { maskProse, isInside } from '../text/mask';
import { lastStartingAtOrBefore } from '../text/spans';
import { findQuotedSpans, paragraphsOf, type QuotedSpan, type VetoedReading } from './quoteMarks';
import { applied, resetRules, rulesMark, rulesSince, type RuleId } from './rules';
import { sentencesOf } from './sentences';
import { attributionAfter, attributionBefore, attributionByForm, attributionsIn, mainSubject, wordsIn, type Attribution, type Word } from './attribution';
import { claimsInSentence } from './claims';
import { isBackReference, readSpeakerPhrase, speakerPhraseSpan, type SpeakerPhrase } from './speakerPhrase';
import { HEADLINE_VERBS, isCueVerb, isLooseCue, NOT_A_SPEAKER, ORG_HEADS, PERSON_HEADS, PRONOUN_WORDS, REPORTED_CLAUSE_CUES, ROLE_NOUNS } from './lexicon';
import { workDone } from '../work';
import { introducedNames, type IntroducedName } from './names';
import type { MaskedText } from '../text/mask';

/** compromise takes ~230 ms to load: loaded on the first pronoun or name that needs it, not at server start. */
let nlpModule: typeof Nlp | undefined;
/**
 * Characters compromise may read in one extraction (~5,000 words, ~0.25 s): it is the fallback
 * for a pronoun with no cue-named speaker before it, and a pasted log of thousands of "he said"
 * must not cost minutes. Past the budget such pronouns stay unresolved (unattributed).
 */
export const NLP_BUDGET = 30000;
let nlpBudgetLeft = NLP_BUDGET;
/** compromise's reading of `text`, or null once the budget is spent: then it is not called at all, since even an empty document costs a match compile per call. */
function nlp(text: string): ReturnType<typeof Nlp> | null {
  nlpBudgetLeft -= text.length;
  if (nlpBudgetLeft < 0) return null;
  if (!nlpModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (ARCHITECTURE.md)
    const m = require('compromise') as typeof Nlp & { default?: typeof Nlp };
    nlpModule = m.default ?? m;
  }
  return nlpModule(text);
}

/** Quotes with fewer words and no cue are scare quotes or titles, not quotations. */
const MIN_WORDS_WITHOUT_CUE = 5;
/** How many paragraphs back a pronoun or a cue-less quote may look for its speaker. */
export const CONTEXT_PARAGRAPHS = 3;
/** Characters before a quote read for a pronoun's antecedent: enough for any real paragraph. */
const CONTEXT_WINDOW = 2000;

/** Words that introduce a term or a title, not speech: "the so-called “deal”", "a film titled “…”". */
const SCARE_MARKER = /\b(?:so-called|so called|the word|the words|the term|the phrase|dubbed|nicknamed|titled|entitled|known as|branded)\s*$/i;

interface Mention {
  phrase: SpeakerPhrase;
  span: Span;
  paragraph: number;
}

export interface ExtractOptions {
  format?: DocumentFormat;
  /**
   * Also yield attributed claims (indirect speech: "Ruiz said the bridge opens in May") as
   * `kind: 'claim'`, with the content words as `text`/`span`. Off by default.
   */
  claims?: boolean;
  /** The text's prose, when the caller has it already (the incremental check parses a document once per version). */
  masked?: MaskedText;
  /**
   * Where the text stands in a longer document, when it is a few paragraphs of one (the
   * incremental check): text before it (its first paragraph is then no headline), text after it.
   */
  within?: { before: boolean; after: boolean };
  /** Whether a surname was introduced with a first name or title before `before`; default: read from the text itself. */
  introduced?: IntroducedName;
  /** Filled in: the characters compromise read (see NLP_BUDGET). */
  stats?: { nlpChars: number };
}

/** The text a document's words are read from: what a reader sees of it in Markdown (`MaskedText.reading`), the text itself in plain text; same length either way. */
export function readingText(text: string, masked: MaskedText): string {
  return masked.reading ?? text;
}

/**
 * `reading` from `start` to `end` without the characters its prose blanked (the same slice of
 * `original` where nothing was): "is&nbsp;ironclad" as "is\u00a0ironclad", "[Blinken][b]" as "Blinken".
 */
export function visibleText(original: string, reading: string, start: number, end: number): string {
  const shown = reading.slice(start, end);
  if (shown === original.slice(start, end)) return shown;
  let out = '';
  for (let i = start; i < end; i++) if (!(reading.charCodeAt(i) === 32 && original.charCodeAt(i) !== 32)) out += reading[i];
  return out;
}

/** A quote with its ignore state, for the checker. */
export interface ExtractedQuoteWithState extends ExtractedQuote {
  ignored: boolean;
}

/**
 * Finds the quotes in a draft or article and who they are attributed to. Works on the
 * masked prose only, so code, URLs and front matter never yield quotes.
 */
export function extractQuotes(text: string, options: ExtractOptions = {}): ExtractedQuoteWithState[] {
  return extractWithRules(text, options).items;
}

/** What one extraction found, and the readings its rules vetoed (for the case files and eval:extraction). */
export interface Extraction {
  items: ExtractedQuoteWithState[];
  vetoed: VetoedReading[];
}

export function extractWithRules(original: string, options: ExtractOptions = {}): Extraction {
  nlpBudgetLeft = NLP_BUDGET;
  resetRules();
  const vetoed: VetoedReading[] = [];
  const veto = (q: QuotedSpan, mark: number, id: RuleId) => {
    applied(id);
    vetoed.push({ kind: 'quote', span: q.outer, rules: rulesSince(mark, q.rules) });
  };
  const masked = options.masked ?? maskProse(original, options.format ?? 'markdown');
  // The words are read as a reader sees them in Markdown (an entity as its character, a link
  // as its label, "[Blinken][b]" as "Blinken"); plain text as written.
  const text = readingText(original, masked);
  // The words of a quote, claim or speaker as a reader sees them: what markup the prose blanked is left out.
  const shown = masked.reading === undefined ? (start: number, end: number) => text.slice(start, end) : (start: number, end: number) => visibleText(original, text, start, end);
  const introduced = options.introduced ?? introducedNames(text);
  const before = options.within?.before ?? false;
  const more = (paragraphs: Span[]) => paragraphs.length > 1 || (options.within?.after ?? false);
  const prose = masked.text;
  // Checked by hand: after an ignore comment in its paragraph (or in the next paragraph when
  // nothing follows the comment in its own), or in a disabled passage.
  // Only the nearest comment before a quote can cover it, and paragraphs decide: no rescanning.
  const ignoreMarks = [...masked.ignoreNext].sort((a, b) => a - b).map((at) => ({ start: at, end: at }));
  const ignoredAt = (start: number) => {
    if (isInside(start, masked.disabled)) return true;
    const i = lastStartingAtOrBefore(ignoreMarks, start);
    if (i < 0) return false;
    const at = ignoreMarks[i].start;
    const quoteParagraph = paragraphOf(start);
    const markParagraph = lastStartingAtOrBefore(paragraphs, at);
    if (markParagraph < 0 || at >= paragraphs[markParagraph].end) return quoteParagraph === markParagraph + 1;
    return quoteParagraph === markParagraph || (quoteParagraph === markParagraph + 1 && !prose.slice(at, paragraphs[markParagraph].end).trim());
  };
  const quoted = mergeSplitQuotes(prose, findQuotedSpans(prose, masked.blockQuotes, vetoed));

  // The skeleton: quote contents blanked, so sentence ends and cues inside quotes do not count.
  // Code units in a typed array, not an array of one-character strings: a 1M-character draft made 1M strings to split and join again.
  const skeletonChars = codeUnitsOf(prose);
  // A quote's closing [.!?] stays: `…encouraging.” A US official said` is two sentences.
  for (const q of quoted) {
    for (const f of q.fragments) {
      let end = f.end;
      while (end > f.start && /[.!?\s]/.test(prose[end - 1])) end--;
      for (let i = f.start; i < end; i++) if (skeletonChars[i] !== CR && skeletonChars[i] !== LF) skeletonChars[i] = MIDDLE_DOT;
    }
  }
  // Short asides are not part of a speaker phrase: "Sen. Ann Ortiz (D-Ore.) said".
  const PARENTHETICAL = /\([^()\n·]{1,40}\)/g;
  for (let m = PARENTHETICAL.exec(prose); m; m = PARENTHETICAL.exec(prose)) {
    for (let i = m.index; i < m.index + m[0].length; i++) if (skeletonChars[i] !== MIDDLE_DOT) skeletonChars[i] = SPACE;
  }
  const skeleton = stringOfCodeUnits(skeletonChars);

  const paragraphs = paragraphsOf(prose);
  // Both lookups by binary search: a draft of 100,000 quotes must not cost 100,000² steps.
  const paragraphOf = (offset: number) => Math.max(0, lastStartingAtOrBefore(paragraphs, offset));
  const sentences = paragraphs.flatMap((p) => sentencesOf(skeleton, p));
  const sentenceAt = (offset: number): Span => {
    const s = sentences[lastStartingAtOrBefore(sentences, offset)];
    return s && offset < s.end ? s : { start: offset, end: offset };
  };

  // Speakers named with a cue anywhere (also in sentences without quotes): what "he" points back to.
  const mentions = new Mentions();
  for (const s of sentences) {
    for (const a of attributionsIn(skeleton, s.start, s.end)) {
      const span = a.speaker && speakerPhraseSpan(text, a.speaker, introduced);
      if (!span) continue;
      const phrase = readSpeakerPhrase(shown(span.start, span.end));
      if (!isBackReference(phrase)) mentions.push({ phrase, span, paragraph: paragraphOf(span.start) });
    }
  }

  const resolveContext: ResolveContext = { text, skeleton, paragraphs, sentences, paragraphOf, introduced };
  const results: ExtractedQuoteWithState[] = [];
  for (const q of quoted) {
    const mark = rulesMark();
    const first = q.fragments[0];
    const last = q.fragments[q.fragments.length - 1];
    const quoteText = q.fragments.map((f) => shown(f.start, f.end).trim()).join(' ');
    const wordCount = quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (wordCount === 0) {
      veto(q, mark, 'quote.no-words');
      continue;
    }

    const scare = SCARE_MARKER.test(prose.slice(Math.max(0, q.outer.start - 24), q.outer.start)) && wordCount < MIN_WORDS_WITHOUT_CUE;
    // “Meet the Press”, a book “The Long Road Home”, a “Vote No” sign: titles and names, never speech.
    const inHeadline = paragraphOf(q.outer.start) === 0 && !before && more(paragraphs) && isHeadline(prose, paragraphs[0]);
    if (!q.block && q.fragments.length === 1 && !inHeadline && isTitleOfWork(prose, q, quoteText)) {
      veto(q, mark, 'quote.title-of-work');
      continue;
    }
    let attribution = q.block ? blockAttribution(skeleton, paragraphs, q) : findAttribution(prose, skeleton, q, sentenceAt);
    // "“…,” Ruiz shot back.": a quote closing on a comma, ? or ! has its attribution after it, whatever the verb
    // (a quote opening its sentence: "While Ruiz called it “a mess,” Ortiz fixates on …" is the writer's clause)
    if (
      !attribution &&
      !q.block &&
      /[,?!][^\p{L}\p{N}]*$/u.test(prose.slice(Math.max(q.outer.start, q.outer.end - 4), q.outer.end)) &&
      !/[\p{L}\p{N}]/u.test(skeleton.slice(sentenceAt(q.outer.start).start, q.outer.start))
    )
      attribution = attributionByForm(skeleton, q.outer.end);
    // A transcript quoted turn by turn: “PENCE: Well, look, …” names its speaker in the label.
    const label = /^\s*((?:\p{Lu}[\p{Lu}.'’-]+\s){0,2}\p{Lu}[\p{Lu}.'’-]+):\s/u.exec(text.slice(first.start, first.end));
    if (label && label[1].replace(/[^\p{L}]/gu, '').length >= 2) {
      const at = first.start + label[0].indexOf(label[1]);
      attribution = { cue: { start: at + label[1].length, end: at + label[1].length + 1 }, speaker: { start: at, end: at + label[1].length } };
      applied('quote.turn-label');
    }
    const paragraph = paragraphOf(q.outer.start);
    // "Ruiz: ‘We Will Not Sell the Port to Anyone.’": a headline names its speaker however long the quote
    if (!attribution && !q.block && wordCount >= MIN_WORDS_WITHOUT_CUE && inHeadline) {
      attribution = headlineAttribution(text, paragraphs[0], q);
      if (attribution) applied('quote.headline-speaker');
    }
    if (!attribution && !q.block && wordCount < MIN_WORDS_WITHOUT_CUE) {
      // “Trump called the senator a “nasty guy,” an “anchor baby” and “unstable”": a short phrase
      // after a verb of saying or naming in its sentence is put in the subject's mouth.
      const sentence = sentenceAt(q.outer.start);
      attribution = attributionBefore(skeleton, sentence.start, q.outer.start, isLooseCue);
      if (attribution) applied('quote.loose-cue');
      // Another quote between the cue and this one: only a list of phrases carries the cue on
      // ("a “bully” and a “narcissist”"), not a new clause ("…,” a date the “experts” doubt).
      if (attribution && skeleton.slice(attribution.cue.end, q.outer.start).includes('·')) {
        const between = skeleton.slice(skeleton.lastIndexOf('·', q.outer.start) + 1, q.outer.start);
        const joining = between.match(/[\p{L}]+/gu) ?? [];
        if (!(joining.length <= 2 || (joining.length <= 4 && joining.some((w) => /^(?:and|or|as|nor)$/.test(w))))) {
          attribution = null;
          applied('quote.loose-cue-list');
        }
      }
      if (!attribution && paragraph === 0 && !before && more(paragraphs) && isHeadline(prose, paragraphs[0])) {
        attribution = headlineAttribution(text, paragraphs[0], q);
        applied(attribution ? 'quote.headline-speaker' : 'quote.headline-no-speaker');
        if (!attribution) {
          results.push({
            kind: 'quote',
            text: quoteText,
            span: { start: first.start, end: last.end },
            fragments: q.fragments,
            speaker: null,
            cue: null,
            speakerSpan: null,
            ignored: ignoredAt(q.outer.start),
            rules: rulesSince(mark, q.rules),
          });
          continue;
        }
      }
    }
    // A scare-quote marker wins over a cue earlier in the sentence ("…, Ruiz said, and the so-called “deal”").
    if (scare) {
      veto(q, mark, 'quote.scare-marker');
      continue;
    }
    let speaker: SpeakerMention | null = null;
    let speakerSpan: Span | null = null;
    if (attribution?.speaker) speakerSpan = speakerPhraseSpan(text, trimSpan(text, attribution.speaker), introduced);
    if (speakerSpan && isCommonWord(text.slice(speakerSpan.start, speakerSpan.end), speakerSpan.start, introduced)) speakerSpan = null;
    if (attribution && !speakerSpan && attribution.cue.end - attribution.cue.start > 1) {
      // "Bush praised Rubio but described his record as a “work in progress”", "He said he started
      // feeling “a bit weird”": the cue read no speaker; the subject of its sentence is the speaker
      const sentence = sentenceAt(attribution.cue.start);
      const subject = sentenceSubject(resolveContext, sentence.start, attribution.cue.start, paragraphOf(sentence.start), true);
      if (subject && subject !== 'other' && subject.span.end <= attribution.cue.start) {
        applied('attr.clause-subject');
        speakerSpan = subject.span;
      }
    }
    if (speakerSpan) {
      const phrase = readSpeakerPhrase(shown(speakerSpan.start, speakerSpan.end));
      speaker = resolveMention(phrase, speakerSpan, mentions, paragraph, resolveContext);
      if (speaker && !speaker.resolvedFrom) mentions.push({ phrase, span: speakerSpan, paragraph });
    } else if (!attribution) {
      speakerSpan = null;
      // “…,” he said. “This is all me.”: a sentence right after an attributed quote is theirs too.
      const lead = results[results.length - 1];
      const between = lead ? skeleton.slice(lead.span.end, q.outer.start) : '';
      const betweenWords = between.match(/[\p{L}]+/gu) ?? [];
      if (lead && (lead.speaker || lead.cue) && paragraphOf(lead.span.start) === paragraph && /^\p{Lu}/u.test(quoteText) && betweenWords.length <= 6 && betweenWords.some((w) => isCueVerb(w))) {
        applied('quote.follow-on');
        results.push({
          kind: 'quote',
          text: quoteText,
          span: { start: first.start, end: last.end },
          fragments: q.fragments,
          speaker: lead.speaker ? { ...lead.speaker } : null,
          cue: null,
          speakerSpan: null,
          ignored: lead.ignored || ignoredAt(q.outer.start),
          rules: rulesSince(mark, q.rules),
        });
        continue;
      }
      if (wordCount < MIN_WORDS_WITHOUT_CUE) {
        // "Ortiz likened the plan to “burning money”": a phrase put in the mouth of the sentence's subject.
        const sentence = sentenceAt(q.outer.start);
        const opening = sentenceSubjects(text.slice(sentence.start, q.outer.start), true)[0];
        if (
          !opening ||
          !opening.opens ||
          skeleton.slice(sentence.start, q.outer.start).includes('·') ||
          opening.phrase.kind !== 'person' ||
          !/^\s*\p{Ll}/u.test(text.slice(sentence.start + opening.end, q.outer.start)) ||
          !isLikelyName(opening.phrase.name ?? '', introduced, q.outer.start)
        ) {
          veto(q, mark, 'quote.short-without-cue');
          continue;
        }
        applied('quote.sentence-subject-short');
        const span = { start: sentence.start + opening.start, end: sentence.start + opening.end };
        // "But a “super PAC” …": the sentence opens with a word that names no one; the quote stays, with no speaker
        if (!opening.valid) applied('speaker.not-a-phrase');
        const subject = opening.valid ? { speaker: { text: opening.phrase.text, span }, speakerSpan: span } : { speaker: null, speakerSpan: null };
        results.push({
          kind: 'quote',
          text: quoteText,
          span: { start: first.start, end: last.end },
          fragments: q.fragments,
          ...subject,
          cue: null,
          ignored: ignoredAt(q.outer.start),
          rules: rulesSince(mark, q.rules),
        });
        continue;
      }
      if (!looksLikeSpeech(text, q)) {
        veto(q, mark, 'quote.not-speech');
        continue;
      }
      // "Ruiz thanked the crews for “…”", "Ruiz leaned in and boomed: “…”": a named subject opening
      // the quote's sentence is the speaker when no cue names one.
      const subject = namedSubjectBefore(text, skeleton, sentenceAt(q.outer.start), q.outer.start, introduced);
      if (subject) {
        applied('quote.sentence-subject');
        speakerSpan = subject;
        speaker = { text: shown(subject.start, subject.end), span: subject };
      } else {
        // A quotation standing alone continues the person the sentences before it are about, else the speaker of the paragraphs before it.
        const previous = pronounAntecedent(null, q.outer.start, mentions, paragraph, () => true, resolveContext) ?? latestMention(mentions, q.outer.start, paragraph, () => true);
        if (previous) {
          applied('quote.context-speaker');
          speaker = { text: previous.phrase.text, span: previous.span, resolvedFrom: '(context)' };
        }
      }
    }
    const ignored = ignoredAt(q.outer.start);
    results.push({
      kind: 'quote',
      text: quoteText,
      span: { start: first.start, end: last.end },
      fragments: q.fragments,
      speaker,
      cue: attribution?.cue ?? null,
      speakerSpan,
      block: q.block,
      ignored,
      rules: rulesSince(mark, q.rules),
    });
  }
  if (options.claims) {
    const claims: ExtractedQuoteWithState[] = [];
    let covered = -1;
    for (const s of sentences) {
      const sentenceMark = rulesMark();
      const readings = claimsInSentence(skeleton, s.start, s.end);
      // vetoes with no claim read: the sentence is the vetoed reading
      if (readings.length === 0 && rulesMark() > sentenceMark) vetoed.push({ kind: 'claim', span: s, rules: rulesSince(sentenceMark) });
      for (const reading of readings) {
        const mark = rulesMark();
        const vetoClaim = (id: RuleId) => {
          applied(id);
          vetoed.push({ kind: 'claim', span: reading.content, rules: [...reading.rules, id] });
        };
        // a claim inside the content of one before it ("Ruiz said the board believes …") is part of it
        if (reading.content.start < covered) {
          vetoClaim('claim.inside-previous');
          continue;
        }
        const fragments = (reading.fragments ?? [reading.content]).map((f) => trimSpan(text, f)).filter((f) => f.end > f.start);
        if (fragments.length === 0) continue;
        const content = { start: fragments[0].start, end: fragments[fragments.length - 1].end };
        if (content.end - content.start < 8) {
          vetoClaim('claim.too-short');
          continue;
        }
        // Mostly quoted: a quote already, not a claim.
        const quotedChars = skeleton.slice(content.start, content.end).split('·').length - 1;
        if (quotedChars >= 0.5 * (content.end - content.start)) {
          vetoClaim('claim.mostly-quoted');
          continue;
        }
        let speaker: SpeakerMention | null = null;
        let speakerSpan: Span | null = null;
        if (reading.speaker) speakerSpan = speakerPhraseSpan(text, trimSpan(text, reading.speaker), introduced);
        if (speakerSpan) {
          const phrase = readSpeakerPhrase(shown(speakerSpan.start, speakerSpan.end));
          speaker = resolveMention(phrase, speakerSpan, mentions, paragraphOf(s.start), resolveContext);
        }
        const ignored = ignoredAt(s.start);
        covered = content.end;
        claims.push({
          kind: 'claim',
          text: fragments.map((f) => shown(f.start, f.end)).join(' '),
          span: content,
          fragments,
          speaker,
          cue: reading.cue,
          speakerSpan,
          ignored,
          rules: rulesSince(mark, reading.rules),
        });
      }
    }
    if (options.stats) options.stats.nlpChars = NLP_BUDGET - nlpBudgetLeft;
    return { items: [...results, ...claims].sort((a, b) => a.span.start - b.span.start), vetoed };
  }
  if (options.stats) options.stats.nlpChars = NLP_BUDGET - nlpBudgetLeft;
  return { items: results, vetoed };
}

/** The quotations of a text's prose, split quotes merged: what the incremental check keeps in one piece. */
export function quotedSpansOf(masked: MaskedText): QuotedSpan[] {
  return mergeSplitQuotes(masked.text, findQuotedSpans(masked.text, masked.blockQuotes, []));
}

/** `“A,” he said, “B.”`: two marked spans that are one quotation split by its attribution. */
function mergeSplitQuotes(prose: string, quotes: QuotedSpan[]): QuotedSpan[] {
  const merged: QuotedSpan[] = [];
  for (const q of quotes) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.block && !q.block) {
      const between = prose.slice(prev.outer.end, q.outer.start);
      const words = between.match(/[\p{L}.'’-]+/gu) ?? [];
      const firstEnds = prose.slice(prev.fragments[prev.fragments.length - 1].start, prev.fragments[prev.fragments.length - 1].end).trimEnd();
      if (
        (/^\s*,/.test(between) || /[,—–-]$/.test(firstEnds)) &&
        /[,:]\s*$/.test(between) &&
        !/[.!?]\s*$/.test(between.replace(/[,:]\s*$/, '')) &&
        !/\n\s*\n/.test(between) &&
        words.length <= 10 &&
        words.some((w) => isCueVerb(w))
      ) {
        prev.fragments.push(...q.fragments);
        prev.outer.end = q.outer.end;
        prev.rules.push(...q.rules, 'quote.merge-split');
        continue;
      }
    }
    merged.push({ outer: { ...q.outer }, fragments: [...q.fragments], block: q.block, rules: [...q.rules] });
  }
  return merged;
}

/** A first paragraph of a few words with no sentence inside: a headline. */
function isHeadline(prose: string, para: Span): boolean {
  const body = prose.slice(para.start, para.end).trim();
  const words = body.split(/\s+/);
  if (words.length > 25 || /[.!?]["”’']?\s+\p{Lu}/u.test(body.replace(/[.!?]["”’']?$/, ''))) return false;
  // Title Case, a "Name:" lead, or a Markdown heading
  const long = words.filter((w) => /\p{L}{4,}/u.test(w));
  const capitalised = long.filter((w) => /^["“‘']?\p{Lu}/u.test(w)).length;
  return /^#{1,6}\s/.test(body) || /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*:/u.test(body) || (long.length >= 3 && capitalised / long.length >= 0.7);
}

/** "Ruiz: City ‘Will Not Pay’", "Ruiz Calls Plan ‘A Disgrace’": the headline's speaker. */
function headlineAttribution(text: string, para: Span, q: QuotedSpan): Attribution | null {
  const before = text.slice(para.start, q.outer.start);
  // "Ruiz: …", "Ruiz on the Budget: …", "A Lesson From Ana Ruiz: …"
  const colon =
    /^\s*((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}.'’-]*)(?:\s+(?:on|about|to|at|in|for)\s[^:]{0,40})?\s*:/u.exec(before) ??
    /^\s*[^:]{0,30}\b(?:from|by)\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}.'’-]*)\s*:/iu.exec(before);
  if (colon) {
    const start = para.start + colon[0].lastIndexOf(colon[1]);
    return { cue: { start: para.start + colon[0].length - 1, end: para.start + colon[0].length }, speaker: { start, end: start + colon[1].length } };
  }
  // "Ana Ruiz Calls Plan ‘A Disgrace’", "… ‘…’ Will Pass, Ana Ruiz Says": a verb of saying in Title Case
  const heading = text.slice(para.start, para.end);
  const titleVerb = /(?<=\s)(\p{Lu}\p{Ll}+)(?=[\s.,:;!?]|$)/gu;
  for (let m = titleVerb.exec(heading); m; m = titleVerb.exec(heading)) {
    const lower = m[1].toLowerCase();
    if (!isLooseCue(lower) && !HEADLINE_VERBS.has(lower)) continue;
    // the name run before the verb, back to the headline's start or a comma
    const lead = heading.slice(0, m.index);
    const run = /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s+$/u.exec(lead);
    if (!run) break;
    const start = run.index;
    const opensRun = start === 0 || /[,;][’'"”]?\s*$/.test(lead.slice(0, start)) || /^\s*$/.test(lead.slice(0, start));
    const inQuote = start < q.outer.end - para.start && m.index > q.outer.start - para.start && start > q.outer.start - para.start;
    if (!opensRun || inQuote) break;
    return { cue: { start: para.start + m.index, end: para.start + m.index + m[1].length }, speaker: { start: para.start + start, end: para.start + start + run[1].length } };
  }
  // the capitalised words before the first verb: "Retired General Reveals ‘…’"
  const read = nlp(before);
  if (!read) return null;
  const terms = read.terms().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number }; terms: Array<{ tags: string[] }> }>;
  const verb = terms.findIndex((t) => t.terms[0]?.tags.includes('Verb'));
  if (verb <= 0) return null;
  const cue = terms[verb].offset;
  const lastName = terms[verb - 1].offset;
  if (!/^\p{Lu}/u.test(terms[0].text)) return null;
  return {
    cue: { start: para.start + cue.start, end: para.start + cue.start + cue.length },
    speaker: { start: para.start + terms[0].offset.start, end: para.start + lastName.start + lastName.length },
  };
}

/** A dash and a name closing the paragraph after a quote: “…” ― Ana Ruiz. */
const SIGNATURE = /^[\s,.]*(?:[―—–]|--?)\s*((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}'’-]*)[\s.]*(?:[\r\n]|$)/u;

/** "Ruiz’s statement read in part:", "The Harbour Board's letter reads:": a document's words and its author. */
const DOCUMENT_LEAD =
  /((?:the\s+)?(?:\p{Lu}[\p{L}\p{N}.'’&-]*\s+){0,5}\p{Lu}[\p{L}\p{N}.&-]*)['’]s?\s+(?:[\p{Ll}-]+\s+)?(?:statement|letter|email|e-mail|post|tweet|release|memo|note|message|notice|filing)\s+(?:read|reads)(?:,?\s+in\s+part)?\s*[,:]\s*$/u;

function documentLeadIn(skeleton: string, from: number, to: number): Attribution | null {
  const m = DOCUMENT_LEAD.exec(skeleton.slice(from, to));
  if (!m) return null;
  applied('attr.document-lead-in');
  const at = from + m.index;
  const colon = from + m.index + m[0].search(/[,:]\s*$/);
  return { cue: { start: colon, end: colon + 1 }, speaker: { start: at, end: at + m[1].length } };
}

/** A name run right before a colon that opens a quote. */
const NAME_AND_COLON = /(?:^|[-–—]\s+|\bfrom\s+|\b[Cc]ontinued\s+)((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)\s*:\s*$/u;
/** The sentence's opening subject when it names someone: a capitalised run before a lower-case word, with no quote between it and `before`. */
function namedSubjectBefore(text: string, skeleton: string, sentence: Span, before: number, introduced: IntroducedName): Span | null {
  if (before <= sentence.start || skeleton.slice(sentence.start, before).includes('·')) return null;
  const opening = sentenceSubjects(text.slice(sentence.start, before))[0];
  if (!opening || !opening.opens || (opening.phrase.kind !== 'person' && opening.phrase.kind !== 'organisation')) return null;
  if (!/^\s*\p{Ll}/u.test(text.slice(sentence.start + opening.end, before))) return null;
  if (!opening.phrase.text.includes(' ') && !isLikelyName(opening.phrase.text, introduced, before)) return null;
  return { start: sentence.start + opening.start, end: sentence.start + opening.end };
}

function isShort(q: QuotedSpan): boolean {
  return q.fragments.length === 1 && q.fragments[0].end - q.fragments[0].start < 40;
}

function findAttribution(prose: string, skeleton: string, q: QuotedSpan, sentenceAt: (offset: number) => Span): Attribution | null {
  const firstSentence = sentenceAt(q.outer.start);
  const lastSentence = sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
  // Inside a split quote: the words between its fragments.
  for (let i = 1; i < q.fragments.length; i++) {
    const inside = attributionAfter(skeleton, q.fragments[i - 1].end + 1, q.fragments[i].start - 1);
    if (inside) {
      applied('attr.inside-split');
      return inside;
    }
  }
  // “…” ― Ana Ruiz: a name after a dash, ending the paragraph, signs the quote.
  const signed = SIGNATURE.exec(skeleton.slice(q.outer.end, q.outer.end + 120));
  if (signed) {
    const at = q.outer.end + signed.index + signed[0].indexOf(signed[1]);
    applied('attr.signature');
    return { cue: { start: q.outer.end + signed[0].search(/[―—–-]/), end: at }, speaker: { start: at, end: at + signed[1].trimEnd().length } };
  }
  // “Is that all?” Trump said: a question or exclamation ends the quote, not the attribution.
  const endsSentence = /[?!]$/.test(skeleton.slice(q.outer.start, q.outer.end).replace(/["”’»\s]+$/, ''));
  const afterLimit = endsSentence ? Math.max(sentenceAt(lastSentence.end + 1).end, lastSentence.end) : lastSentence.end;
  const after = attributionAfter(skeleton, q.outer.end, Math.max(afterLimit, q.outer.end));
  if (after) {
    applied(endsSentence && after.cue.start >= lastSentence.end ? 'attr.question-ends' : 'attr.after');
    return after;
  }
  const before = attributionBefore(skeleton, firstSentence.start, q.outer.start);
  // A cue belongs to the quote right after it: a short quoted phrase further on is a term, not speech.
  if (before && isShort(q) && skeleton.slice(before.cue.end, q.outer.start).includes('·')) {
    if (!inReportedClause(prose, skeleton, before, q)) {
      applied('attr.cue-nearest-quote');
      return null;
    }
    applied('attr.reported-clause');
  }
  if (before) {
    applied('attr.before');
    return before;
  }
  const lead = skeleton.slice(Math.max(firstSentence.start, q.outer.start - 200), q.outer.start);
  const document = documentLeadIn(skeleton, q.outer.start - lead.length, q.outer.start);
  if (document) return document;
  // "More from Ana Ruiz: “…”", "Pollsters agree - Ana Ruiz: “…”": a name and a colon introduce the quote
  const labelled = NAME_AND_COLON.exec(lead);
  if (labelled) {
    const at = q.outer.start - lead.length + labelled.index + labelled[0].indexOf(labelled[1]);
    applied('attr.name-colon');
    return {
      cue: { start: q.outer.start - lead.length + labelled.index + labelled[0].lastIndexOf(':'), end: q.outer.start - lead.length + labelled.index + labelled[0].lastIndexOf(':') + 1 },
      speaker: { start: at, end: at + labelled[1].length },
    };
  }
  return null;
}

/**
 * "Ruiz said that the plan was “a mess” and the budget “a fantasy”": every quoted phrase of
 * a clause reported by a verb of saying is the speaker's, however many stand before it. Not
 * so after a participle or the end of that clause (a comma and a new phrase: "…,” a date the “experts” doubt).
 */
function inReportedClause(prose: string, skeleton: string, a: Attribution, q: QuotedSpan): boolean {
  const cue = skeleton.slice(a.cue.start, a.cue.end);
  if (!REPORTED_CLAUSE_CUES.has(cue)) return false;
  if (!a.speaker || a.speaker.end > a.cue.start) return false;
  const between = skeleton.slice(a.cue.end, q.outer.start);
  if (/[;—–]|--/.test(between) || /[.!?]\s/.test(between)) return false;
  // each stretch between two quoted phrases continues the clause unless a comma closes one and a
  // new phrase opens ("…,” a date the “experts” doubt); the comma inside the marks is blanked in
  // the skeleton, so it is read from the prose
  const newPhrase = /·([”"’'»]+)(\s*,)?\s+(?:a|an|the|which|who|as|when)\b/g;
  for (let m = newPhrase.exec(between); m; m = newPhrase.exec(between)) {
    const closingMark = a.cue.end + m.index + 1;
    if (m[2] || prose[closingMark - 1] === ',') return false;
  }
  return true;
}

/** A block quote's attribution stands on the line before it ("Miller said:") or the line after. */
function blockAttribution(skeleton: string, paragraphs: Span[], q: QuotedSpan): Attribution | null {
  const before = [...paragraphs].reverse().find((p) => p.end <= q.outer.start);
  const after = paragraphs.find((p) => p.start >= q.outer.end);
  if (before && /:\s*$/.test(skeleton.slice(before.start, before.end))) {
    const a = attributionBefore(skeleton, before.start, before.end) ?? documentLeadIn(skeleton, before.start, before.end);
    if (a) {
      applied('attr.block-lead-in');
      return a;
    }
  }
  if (after) {
    const line = skeleton.slice(after.start, after.end);
    if (/^\s*(?:[—–-]|--)/.test(line) && line.length < 120) {
      const dash = /^\s*(?:[—–-]|--)\s*/.exec(line)!;
      const name = { start: after.start + dash[0].length, end: after.start + line.replace(/[\s,.]+$/, '').length };
      const cut = /,/.exec(skeleton.slice(name.start, name.end));
      if (cut) name.end = name.start + cut.index;
      applied('attr.block-dash');
      return { cue: { start: after.start, end: after.start + dash[0].length }, speaker: name };
    }
    const a = attributionAfter(skeleton, after.start, after.end);
    if (a) {
      applied('attr.block-around');
      return a;
    }
  }
  const lead = before ? attributionBefore(skeleton, before.start, before.end) : null;
  if (lead) applied('attr.block-around');
  return lead;
}

/** Small words a title leaves in lower case ("Meet the Press", "Guardians of the Galaxy"). */
const TITLE_SMALL_WORDS = /^(?:of|the|a|an|and|or|on|in|to|for|with|at|by|from|de|la|le|del|nor|vs\.?|is|as)$/;
/** Words before a quoted title: a possessive ("NBC’s", "his"), a preposition, or a kind of work. */
const BEFORE_TITLE =
  /(?:\b\p{L}+['’]s?|\b(?:his|her|its|their|our|my|your|on|of|the|for|titled|called|named|book|show|program|programme|podcast|movie|film|play|series|song|album|anthem|memoir|autobiography|novel|episode|broadcast|documentary|segment|column|headline|slogan|banner|sign|shirt|hat|account|campaign|initiative|act|bill|plan))\s*[,:]?\s*$/iu;
/** Nouns a quoted name modifies: a “Make It Right” hat, the “Vote No” campaign. */
const AFTER_TITLE =
  /^[\s,.]*(?:hats?|caps?|shirts?|t-shirts?|signs?|pins?|buttons?|banners?|stickers?|campaigns?|movement|awards?|podcast|program|programme|show|series|segment|reboot|star|syllabus|wave|votes?|rally|tour|slogan|initiative|act|bill|plan|caucus|group|PAC|account)\b/iu;

/**
 * A short quoted phrase in Title Case right after a possessive, a preposition or a kind of
 * work ("on NBC’s “Meet the Press”", "his book “A Long Road”"), or naming the thing after it
 * (a “Vote No” sign): the title of a work or a name, which no cue makes a quotation.
 */
function isTitleOfWork(prose: string, q: QuotedSpan, quoteText: string): boolean {
  const words = quoteText
    .replace(/[.,!?:;]+$/, '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const titleCase = words.every((w, i) => /^["“‘'(¿¡]?[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.test(w.toLowerCase())));
  if (!titleCase) return false;
  // "I", "OK" and one-letter words read as speech too often to call them titles alone
  if (words.length === 1 && words[0].replace(/[^\p{L}]/gu, '').length < 2) return false;
  const before = prose.slice(Math.max(0, q.outer.start - 40), q.outer.start);
  const after = prose.slice(q.outer.end, q.outer.end + 30);
  // chants and cries are speech: “Ted! Ted!”, chants of “Lock Her Up”
  if (/[!?]$/.test(quoteText.replace(/[”"’'»\s]+$/, '')) || /\b(?:chants?|chanted|chanting|cries|cried|cry|shouts?|shouted|shouting|yells?|yelled|screams?|calls)\s+(?:of\s+)?$/i.test(before))
    return false;
  return BEFORE_TITLE.test(before) || AFTER_TITLE.test(after);
}

/** A quotation reads as speech when it opens a sentence or fills one, not as a phrase mid-sentence. */
function looksLikeSpeech(text: string, q: QuotedSpan): boolean {
  const inner = text.slice(q.fragments[0].start, q.fragments[0].end).trim();
  // Title Case With No Closing Punctuation is a title of a work.
  const words = inner.split(/\s+/).filter((w) => w.length > 3);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length > 0 && capitalised / words.length >= 0.6 && !/[.!?,]$/.test(inner)) return false;
  return /^[\p{Lu}\p{N}]/u.test(inner) || /[.!?]$/.test(inner);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:"“”]/.test(text[start])) start++;
  while (end > start && /[\s,;:.'"“”]/.test(text[end - 1])) end--;
  return { start, end };
}

/** How many mentions back a pronoun may look among those that do not fit it. */
const MENTION_REACH = 200;

/**
 * Speaker mentions in document order. Found in one pass over the text, then added to as quotes
 * are read; both lists are searched from the nearest mention backwards, a bounded way.
 */
class Mentions {
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

function latestMention(mentions: Mentions, before: number, paragraph: number, fits: (m: Mention) => boolean): Mention | null {
  return mentions.latest(before, paragraph, fits);
}

/** Resolves "he", "they", "the secretary" to the nearest fitting speaker named before. */
/** What resolving a back reference reads besides the mentions: the document, its skeleton (quote contents blanked), its paragraphs and sentences. */
interface ResolveContext {
  text: string;
  skeleton: string;
  paragraphs: Span[];
  sentences: Span[];
  paragraphOf: (offset: number) => number;
  introduced: IntroducedName;
}

function resolveMention(phrase: SpeakerPhrase, span: Span, mentions: Mentions, paragraph: number, ctx: ResolveContext): SpeakerMention | null {
  const { text, paragraphs } = ctx;
  // "the Ohio governor", "the presumptive Republican presidential nominee": the name the article gave that title
  const titled = titledName(phrase.text, span, text);
  if (titled) return { text: titled.text, span: titled.span, resolvedFrom: phrase.text };
  const head = descriptionHead(phrase.text);
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
function pronounAntecedent(word: 'he' | 'she' | 'it' | null, before: number, mentions: Mentions, paragraph: number, fits: (m: Mention) => boolean, ctx: ResolveContext): Mention | null {
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
        applied(cueRule);
        return cue;
      }
      applied(word === null ? 'quote.context-subject' : 'speaker.pronoun-subject');
      return subject;
    }
    if (cue && cue.span.start >= s.start) {
      applied(cueRule);
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
  if (cue) applied(cueRule);
  return cue;
}

/**
 * The subject of a sentence's main clause when it names someone: a person on evidence
 * (`isSubjectName`), a pronoun, or (with `organisations`) an organisation; 'other' when the
 * subject is something else, null when none is read. Tried at the sentence's start and after an
 * opening phrase: "Knowing Ruiz was a fan, Ortiz tried …", "Down the street, Ortiz rejoiced",
 * "The ceremony: At the party, Ortiz decided …". Reads the skeleton: names in quotes are no subjects.
 */
function sentenceSubject(c: ResolveContext, start: number, end: number, p: number, organisations: boolean): Mention | 'other' | null {
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
  if (!/^(?:\s+\p{Ll}|,\s+[\p{Ll}\p{N}])/u.test(c.text.slice(found.end, found.end + 4)) || /['’]s?$/.test(raw)) return 'other';
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
function isCommonWord(phrase: string, at: number, introduced: IntroducedName): boolean {
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

/** The first person named in the nearest paragraph before `before` that names one (compromise, on a small window). */
function personNamedBefore(text: string, paragraphs: Span[], paragraph: number, before: number): { text: string; span: Span } | null {
  for (let p = paragraph; p >= Math.max(0, paragraph - CONTEXT_PARAGRAPHS); p--) {
    const para = paragraphs[p];
    const end = Math.min(para.end, before);
    if (end <= para.start) continue;
    if (isFurniture(text, para)) continue;
    // compromise reads at most the last stretch before the quote, however long the paragraph.
    const from = Math.max(para.start, end - CONTEXT_WINDOW);
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

function sentenceSubjects(window: string, withInvalid = false): SentenceSubject[] {
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
  for (let p = paragraph; p >= Math.max(0, paragraph - CONTEXT_PARAGRAPHS); p--) {
    const para = paragraphs[p];
    const end = Math.min(para.end, before);
    if (end <= para.start) continue;
    if (isFurniture(text, para)) continue;
    const from = Math.max(para.start, end - CONTEXT_WINDOW);
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
function isLikelyName(name: string, introduced: IntroducedName, before: number): boolean {
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

let lexicon: Record<string, string | undefined> | undefined;
/** compromise's lexicon entry for a word (its tag: 'MaleName', 'FemaleName', 'FirstName', …): a table lookup, no tagging. */
function lexiconTag(word: string): string | undefined {
  if (!lexicon) {
    if (!nlpModule) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (ARCHITECTURE.md)
      const m = require('compromise') as typeof Nlp & { default?: typeof Nlp };
      nlpModule = m.default ?? m;
    }
    lexicon = (nlpModule as unknown as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
  }
  return lexicon[word.toLowerCase()];
}

/** 'm' or 'f' for a name opening with a title or a first name compromise's lexicon knows ("Mr. Ruiz", "Ana Ruiz"), else null. */
function genderOf(phrase: string): 'm' | 'f' | null {
  const first = phrase.split(/\s+/).find((w) => /^\p{Lu}/u.test(w)) ?? '';
  if (/^(?:mr|sir|lord|king)\.?$/i.test(first)) return 'm';
  if (/^(?:mrs|ms|miss|madam|dame|lady|queen)\.?$/i.test(first)) return 'f';
  const tag = lexiconTag(first.replace(/[^\p{L}-]/gu, ''));
  return tag === 'MaleName' ? 'm' : tag === 'FemaleName' ? 'f' : null;
}

const CR = 13;
const LF = 10;
const SPACE = 32;
const MIDDLE_DOT = 0xb7;

function codeUnitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** The string of these UTF-16 code units, exactly (lone surrogates kept), in chunks small enough for fromCharCode's arguments. */
function stringOfCodeUnits(units: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return parts.join('');
}
