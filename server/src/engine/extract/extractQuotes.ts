import type { DocumentFormat, ExtractedQuote, Span, SpeakerMention } from '../types';
import { maskProse, isInside } from '../text/mask';
import { lastStartingAtOrBefore } from '../text/spans';
import { findQuotedSpans, paragraphsOf, type QuotedSpan, type VetoedReading } from './quoteMarks';
import { applied, resetRules, rulesMark, rulesSince, type RuleId } from './rules';
import { sentencesOf } from './sentences';
import { attributionAfter, attributionBefore, attributionByForm, attributionsIn, type Attribution } from './attribution';
import { claimsInSentence } from './claims';
import { isBackReference, readSpeakerPhrase, speakerPhraseSpan } from './speakerPhrase';
import { CLAIM_VERBS, HEADLINE_VERBS, isCueVerb, isLooseCue, REPORTED_CLAUSE_CUES } from './lexicon';
import { introducedNames, type IntroducedName } from './names';
import type { MaskedText } from '../text/mask';
import { nlp, nlpCharsUsed, resetNlpBudget } from './nlp';
import { isCommonWord, isLikelyName, latestMention, Mentions, pronounAntecedent, resolveMention, sentenceSubject, sentenceSubjects, type ResolveContext } from './resolveSpeaker';

export { NLP_BUDGET } from './nlp';
export { CONTEXT_PARAGRAPHS } from './resolveSpeaker';

/** Quotes with fewer words and no cue are scare quotes or titles, not quotations. */
const MIN_WORDS_WITHOUT_CUE = 5;

/** Words that introduce a term or a title, not speech: "the so-called “deal”", "a film titled “…”". */
const SCARE_MARKER = /\b(?:so-called|so called|the word|the words|the term|the phrase|dubbed|nicknamed|titled|entitled|known as|branded)\s*$/i;

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
  resetNlpBudget();
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
    const trailing = trailingClaimSpeaker(skeleton, s);
    if (trailing) {
      const span = speakerPhraseSpan(text, trailing, introduced);
      const phrase = span && readSpeakerPhrase(shown(span.start, span.end));
      if (span && phrase && phrase.kind === 'person') {
        mentions.push({ phrase, span, paragraph: paragraphOf(span.start), via: 'speaker.trailing-claim-cue' });
      }
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
    if (options.stats) options.stats.nlpChars = nlpCharsUsed();
    return { items: [...results, ...claims].sort((a, b) => a.span.start - b.span.start), vetoed };
  }
  if (options.stats) options.stats.nlpChars = nlpCharsUsed();
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

/**
 * "…, Foster believes.": a name and a verb of thinking or reporting closing a sentence after a
 * comma (the verb no quote cue) name whom the sentence reports, so a later "he says" can point
 * back to that name rather than to a name inside the reported clause.
 */
function trailingClaimSpeaker(skeleton: string, s: Span): Span | null {
  const from = Math.max(s.start, s.end - 80);
  const m = /,\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’-]+)\s+(\p{Ll}+)\s*[.!?]?\s*$/u.exec(skeleton.slice(from, s.end));
  if (!m || !CLAIM_VERBS.has(m[2]) || isCueVerb(m[2])) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}
