import type { Change, Severity, Verdict } from '../types';
import type { Token } from '../text/tokenize';
import type { Corpus } from '../corpus/corpus';
import { alignQuote, contractionSwaps, MARK, SPLIT, type Alignment, type AlignStep } from './align';
import { describeChanges } from './changes';
import { isNegation } from './wordClasses';
import { CONTRACTIONS } from '../text/contractions';
import { SourceRun } from './sourceRun';
import { MatchWeights } from './matchStrength';

/** How a quote fares against the corpus, before it is placed in a document. */
export interface Judgement {
  verdict: Verdict;
  /** Severity the verdict itself implies; `altered` carries the severity of its worst change. */
  severity: Severity;
  statementId: number | null;
  /** The other statements of the source: the second of a stitch, the rest of an answer split into turns. */
  otherStatementIds: number[];
  changes: Change[];
  /** What changed, in a copy editor's words ("draft drops “not” (negation)"). */
  changeSummary: string;
  /** For `misattributed`: the speaker the words belong to. */
  realSpeakerId: number | null;
  /** True for one to three words: too short to call anything but verified or missing. */
  short: boolean;
  /** For `missing`: the closest statement, shown as information (never evidence of an error). */
  closestId: number | null;
}

export interface JudgeOptions {
  /**
   * The draft's own words around the quote (its sentence and the next), the quote left out:
   * for a short or common quote they choose between the statements that hold it, and without
   * their support such a quote is not verified by coincidence.
   */
  context?: Token[];
  /**
   * When the draft names someone the corpus cannot pin down to one speaker ("Biden" beside Joe
   * and Jill Biden): the speakers the name may mean. Their statements count as the speaker's own.
   */
  mayBe?: number[];
  /**
   * The draft's speaker was inferred (a pronoun, a role noun, the context), not named in the
   * attribution: when the words are, strongly, those of someone the context names, the
   * inference is what failed, not the writer.
   */
  inferred?: boolean;
}

/** Quotes of this many words or fewer are common phrases as often as quotations. */
const SHORT_QUOTE_WORDS = 3;
/** Statements aligned per quote, and the wider net searched for the named speaker's own. */
const CANDIDATES = 12;
const WIDE_CANDIDATES = 400;
/** Own statements extended by their neighbouring turns, and how many turns a quote may run over. */
const JOINED_CANDIDATES = 4;
const MAX_RUN = 6;
/** Each part of a quote made of two runs of one statement (words dropped between them, or moved). */
const PIECE_WORDS = 3;

// Evidence (SPEC §5, "Evidence before accusation"), in bits: the distinctiveness of the quote's
// words that stand in the statement in order (see MatchWeights). A word every statement has is
// worth nothing; one in a single statement of the corpus about log2(statements).
/** An exact match at least this strong is the speaker's remark without help from the context. */
const VERIFY_BITS = 20;
/** Draft words around a weaker exact match, found in the statement, that make it the source. */
const CONTEXT_BITS = 12;
/**
 * A weaker exact match of this many words or more is still the source when it is (nearly) the
 * only statement in the corpus with those words in that order: a phrase common in speech turns
 * up in many statements of many speakers.
 */
const UNIQUE_WORDS = 4;
const UNIQUE_HOLDERS = 2;
/** A changed quote: the matched words' evidence, their share of the quote's, and the share of its words. */
const ALTER_BITS = 24;
/**
 * A quote of the speaker's whose one change is a single word (a negation dropped, a word
 * swapped), or that starts right after a "not", keeps every other word of its source in order:
 * less evidence makes it the same remark.
 */
const ONE_EDIT_BITS = 16;
/**
 * A one-word swap in a short, common phrase ("prepared to take on the establishment" against
 * "prepared to take on the big money interest") is as often another remark as an alteration:
 * a swapped word needs more evidence than a dropped one.
 */
const ONE_SWAP_BITS = 20;
const ALTER_SHARE = 0.6;
const CLOSE_SHARE = 0.75;
/**
 * A short quote (this many words or fewer) a fifth of whose words are not in the source, graded as
 * an error, needs twice the evidence of an alteration: a line said again on another occasion
 * differs from the corpus's wording by a few words ("This could be the great … of all time"
 * against "This is going to be the great … of all time"), as often as a writer changed it. A
 * dropped negation or a changed number keeps the lower bar: the changes a copy editor most needs
 * to see. Spelling, contraction and other variants are no rewording.
 */
const SHORT_ALTERED_WORDS = 15;
const REWORDED_SHARE = 0.2;
const REWORDED_BITS = 2 * ALTER_BITS;
/** Words put in another speaker's mouth: a longer, more distinctive match, and a share near all. */
const MISATTRIBUTE_BITS = 32;
const MISATTRIBUTE_SHARE = 0.8;
/**
 * Each fragment of a stitch: its words, and its evidence; less for a fragment of the named
 * speaker's own statements (the stitch as a whole still needs ALTER_BITS). A fragment of
 * another speaker's needs as much as an alteration: writers join one speaker's words, and a
 * common phrase of a moderator's or a rival's ("we are at war with", "the first lady of") is
 * in a quote by coincidence, not stitched into it.
 */
const FRAGMENT_WORDS = 3;
const OWN_FRAGMENT_BITS = 6;
const OTHER_FRAGMENT_WORDS = 4;
const OTHER_FRAGMENT_BITS = ALTER_BITS;
/** A missing quote's closest statement is named when it holds this share of the quote's evidence. */
const CLOSEST_SHARE = 0.35;

interface Scored {
  run: SourceRun;
  alignment: Alignment;
  /** Evidence of the matched words, and its share of the whole quote's. */
  bits: number;
  share: number;
  /** Contraction swaps, counted once when asked for. */
  swaps?: number;
}

/**
 * Decides a quote's verdict (SPEC §5). `speakerId` is the corpus speaker the draft names,
 * `null` when the draft names someone the corpus does not know, `undefined` when it names no one.
 * A verdict that accuses the writer needs a match strong enough that a copy editor would agree
 * the statement is the same remark; below that the quote is missing, its closest statement
 * information.
 */
export function judgeQuote(corpus: Corpus, quote: Token[], quoteText: string, speakerId: number | null | undefined, options: JudgeOptions = {}): Judgement {
  const words = quote.filter((t) => !t.gap && !t.bracket).length;
  const short = words <= SHORT_QUOTE_WORDS;
  const base = { otherStatementIds: [], changes: [], changeSummary: '', realSpeakerId: null, short, closestId: null };
  const named = speakerId != null ? [speakerId] : (options.mayBe ?? []);
  const ownTests = named.map((id) => corpus.speakerTest(id));
  const ownId = (id: number) => ownTests.some((t) => t(id));
  const { top, kept: speakerOwn } = corpus.rank(quote, CANDIDATES, named.length > 0 ? { within: WIDE_CANDIDATES, limit: CANDIDATES, keep: ownId } : undefined);
  const ids = quoteWordIds(corpus, quote);
  const isNegationId = (id: number) => isNegation(corpus.wordOf(id));
  const weights = new MatchWeights(corpus, ids, quote);
  const pairs = expansionPairsOf(corpus);
  const score = (run: SourceRun): Scored => {
    const alignment = alignQuote(ids, run.words, isNegationId);
    const bits = weights.matched(alignment);
    return { run, alignment, bits, share: weights.total > 0 ? bits / weights.total : 0 };
  };
  const exact = (s: Scored) => s.alignment.cost === 0 && s.alignment.matched > 0 && (s.swaps ??= swapsOf(s, quote, pairs)) === 0;
  const isOwn = (s: Scored) => ownId(s.run.first);
  const context = options.context && options.context.length > 0 ? options.context : null;
  const contextBits = (s: Scored) => (context ? weights.contextSupport(context, s.run, s.alignment) : 0);
  let holders = -1;
  /** The kind of the worst change of the last alteration described (`describeChanges`). */
  let worstKind = '';
  // The whole of a statement (a short quote an article source attributes) is that statement.
  // A tweet quoted without its trailing link ("Thank you Indiana! #Trump2016 https://t.co/…") is quoted whole.
  const whole = (s: Scored) => s.alignment.sourceStart === 0 && (s.alignment.sourceEnd === s.run.words.length || (s.alignment.sourceEnd > 0 && onlyLinksAfter(s)));
  const stands = (s: Scored) => s.bits >= VERIFY_BITS || whole(s) || (words >= UNIQUE_WORDS && (holders = holders >= 0 ? holders : countExact()) <= UNIQUE_HOLDERS);

  // The named speaker's statements first: a faithful, distinctive quote, the common case, stops
  // the search at its source, without reading and aligning the others.
  const order = [...top.filter(ownId), ...speakerOwn, ...top.filter((id) => !ownId(id))];
  const scored: Scored[] = [];
  // Statements holding the quote word for word: the top-ranked ones share all its word pairs, so
  // a phrase many statements hold fills them.
  const countExact = () => {
    let n = 0;
    for (const id of top) {
      const s = scored.find((x) => x.run.first === id && x.run.ids.length === 1) ?? score(SourceRun.of(corpus, id));
      if (s.alignment.cost === 0) n++;
    }
    return n;
  };
  for (const id of order) {
    const s = score(SourceRun.of(corpus, id));
    scored.push(s);
    if (exact(s) && isOwn(s) && stands(s) && !negationBefore(corpus, s)) return verified(s);
  }
  // An answer the transcript split into turns (an interruption, its paragraphs) is one remark:
  // the speaker's closest statements are joined with their neighbouring turns.
  if (named.length > 0) {
    // Only a match that reaches a turn's start or end can run on into the next or the one before.
    const atEdge = (s: Scored) => s.alignment.sourceStart <= 1 || s.alignment.sourceEnd >= s.run.words.length - 1;
    const own = scored
      .filter((s) => isOwn(s) && s.alignment.matched < s.alignment.quoteWords && atEdge(s))
      .sort((a, b) => b.bits - a.bits)
      .slice(0, JOINED_CANDIDATES);
    for (const s of own) {
      let best = s;
      for (let grow = 0; grow < MAX_RUN - 1; grow++) {
        const wider = best.run.widened(best.alignment);
        if (!wider) break;
        const t = score(wider);
        if (t.alignment.cost >= best.alignment.cost) break;
        best = t;
      }
      if (best !== s) scored.push(best);
    }
  }
  // Heavy edits of one statement the word-by-word alignment reads as replacements: a run of
  // words dropped without an ellipsis, or a phrase moved. Both parts of the quote stand in the
  // statement word for word.
  if (named.length > 0 && !short) {
    const pieces = scored
      .filter((s) => isOwn(s) && s.run.ids.length === 1 && s.alignment.cost > 0)
      .sort((a, b) => b.bits - a.bits)
      .slice(0, JOINED_CANDIDATES);
    for (const s of pieces) {
      const split = twoPieces(s.run.words, ids);
      if (split && weights.total >= ALTER_BITS) scored.push({ run: s.run, alignment: split, bits: weights.total, share: 1 });
    }
  }
  const byCost = (a: Scored, b: Scored) => a.alignment.cost - b.alignment.cost || b.bits - a.bits || a.run.first - b.run.first;
  scored.sort(byCost);
  // Three words in four must stand in the source, and most of the quote's evidence, for a quote to be a changed version of it.
  const close = (s: Scored) => !short && s.alignment.matched / Math.max(1, s.alignment.quoteWords) >= CLOSE_SHARE && s.share >= ALTER_SHARE;
  const closest = (): number | null => {
    const best = scored.filter((s) => s.share >= CLOSEST_SHARE && s.alignment.matched >= 2).sort((a, b) => Number(isOwn(b)) - Number(isOwn(a)) || b.bits - a.bits)[0];
    return best ? best.run.first : null;
  };
  const missing = (): Judgement => ({ ...base, verdict: 'missing', severity: short ? 'information' : 'warning', statementId: null, closestId: closest() });
  // The draft says where the words were said ("at a rally", "in an interview", "he tweeted"), and
  // the statement is of another kind of occasion (a debate, a tweet): not that remark, so how the
  // quote differs from it is no evidence against the writer (SPEC §5).
  const elsewhere = (id: number) => context !== null && saidElsewhere(corpus, id, context);

  if (speakerId === undefined && named.length === 0) {
    const best = scored.find((s) => exact(s) && (stands(s) || contextBits(s) >= CONTEXT_BITS)) ?? scored.find((s) => close(s) && s.bits >= ALTER_BITS);
    return { ...base, verdict: 'unattributed', severity: 'information', statementId: best?.run.first ?? null, otherStatementIds: best?.run.rest ?? [] };
  }

  // The speaker's exact matches: one that stands on its own, else the one the draft's context points to.
  const ownExact = scored.filter((s) => exact(s) && isOwn(s));
  const chosen =
    chooseByContext(ownExact.filter(stands), contextBits) ??
    chooseByContext(
      ownExact.filter((s) => contextBits(s) >= CONTEXT_BITS),
      contextBits,
    );
  if (chosen && !negationBefore(corpus, chosen)) return verified(chosen);
  // The speaker's words, quoted from just after a "not": the opposite of what they said.
  for (const turned of ownExact) {
    const negation = turned.bits >= ONE_EDIT_BITS ? negationBefore(corpus, turned) : null;
    if (negation === null || elsewhere(turned.run.first)) continue;
    return {
      ...base,
      verdict: 'altered',
      severity: 'error',
      statementId: turned.run.first,
      otherStatementIds: turned.run.rest,
      changes: [{ op: 'delete', draft: '', source: negation }],
      changeSummary: `“${negation}” dropped just before the quote (negation)`,
    };
  }

  const ownFits = scored.find((s) => isOwn(s) && close(s) && (s.bits >= ALTER_BITS || (s.bits >= ONE_EDIT_BITS && oneEdit(s) && (s.bits >= ONE_SWAP_BITS || !swapped(s)))));
  // Another speaker's statement is evidence only of their own words: not where they quote
  // someone ("Mr. Trump, in December, you said this: “…”"), as moderators and tweets do.
  const theirs = (s: Scored) => !isOwn(s) && s.bits >= MISATTRIBUTE_BITS && s.share >= MISATTRIBUTE_SHARE && !quotedBySource(s);
  const otherExact = scored.find((s) => exact(s) && theirs(s));
  // Words of someone the draft's context names, where the speaker was only inferred: theirs.
  const namedNearby = (s: Scored) => (options.inferred || speakerId === null) && context !== null && namesSpeaker(corpus, context, corpus.speakerOf(s.run.first));
  // A phrase several statements hold word for word ("She should be ashamed of herself") is common
  // speech or a line said on many occasions: anyone may have said it, so no misattribution.
  const distinctive = () => (holders = holders >= 0 ? holders : countExact()) <= UNIQUE_HOLDERS;
  if (otherExact && !short && !ownFits && ownExact.length === 0 && distinctive()) {
    if (namedNearby(otherExact)) return verified(otherExact);
    return { ...base, verdict: 'misattributed', severity: 'error', statementId: otherExact.run.first, otherStatementIds: otherExact.run.rest, realSpeakerId: corpus.speakerOf(otherExact.run.first) };
  }

  // One statement that explains the quote but for a word or two is an alteration, not a stitch:
  // a changed word in the middle leaves a front and a back that each match somewhere.
  const nearlyOne = scored.some((s) => close(s) && s.alignment.quoteWords - s.alignment.matched <= 2);
  const stitched = nearlyOne ? null : findStitch(corpus, ids, weights, scored, isNegationId, ownId);
  if (stitched && !elsewhere(stitched.first) && !elsewhere(stitched.second)) {
    const pair = [stitched.first, stitched.second];
    const own = pair.every((id) => ownId(id));
    return { ...base, verdict: 'stitched', severity: 'error', statementId: pair[0], otherStatementIds: [pair[1]], realSpeakerId: own ? null : corpus.speakerOf(pair[1]) };
  }

  if (ownFits) {
    if (elsewhere(ownFits.run.first)) return missing();
    // The cheapest alignment may read a cut as rewording ("compete so much better" against
    // "compete, free enterprise. They compete. So much better."): the next one that fits, a cut
    // of the same statement, may carry the evidence.
    const fits = scored.filter((s) => s === ownFits || (isOwn(s) && close(s) && s.bits >= ALTER_BITS && s.run.first === ownFits.run.first));
    let j: Judgement | null = null;
    for (const s of fits) if ((j = evidenced(altered(s, 'altered'), s)).verdict !== 'missing') return j;
    return j ?? missing();
  }
  const otherClose = scored.find((s) => close(s) && theirs(s));
  if (otherClose && ownExact.length === 0 && !elsewhere(otherClose.run.first) && (otherClose.alignment.cost > 0 || distinctive()))
    return altered(otherClose, namedNearby(otherClose) ? 'altered' : 'misattributed');
  return missing();

  /** The matched words stand inside quotation marks in the statement, or right after "said": its speaker quotes someone. */
  function quotedBySource(s: Scored): boolean {
    const tokens = s.run.tokens();
    const first = tokens[s.alignment.sourceStart];
    if (!first) return false;
    const text = s.run.text();
    const before = text.slice(0, first.start);
    const opened = Math.max(before.lastIndexOf('“'), (before.match(/"/g)?.length ?? 0) % 2 === 1 ? before.lastIndexOf('"') : -1);
    if (opened > before.lastIndexOf('”')) return true;
    const lead = tokens.slice(Math.max(0, s.alignment.sourceStart - 6), s.alignment.sourceStart).map((t) => t.norm);
    if (lead.some(isReportingWord)) return true;
    // The matched words report someone's speech themselves ("Donald Trump says he wants to “make
    // America great again.”"): a verb of saying followed by a quotation inside them.
    const last = tokens[Math.max(s.alignment.sourceStart, s.alignment.sourceEnd - 1)];
    const inside = text.slice(first.start, last.end);
    const reporting = tokens.slice(s.alignment.sourceStart, s.alignment.sourceEnd).some((t) => isReportingWord(t.norm));
    return reporting && /["“”]/.test(inside);
  }

  /** Nothing but links (and white space or punctuation) follows the statement's matched words. */
  function onlyLinksAfter(s: Scored): boolean {
    const tokens = s.run.tokens();
    const last = tokens[s.alignment.sourceEnd - 1];
    return last !== undefined && TRAILING_LINKS.test(s.run.text().slice(last.end));
  }

  /** The alignment replaces a word of the statement. */
  function swapped(s: Scored): boolean {
    return s.alignment.steps.some((step) => step.op === 'replace');
  }

  /** The alignment's one change is one word: replaced, dropped or added. */
  function oneEdit(s: Scored): boolean {
    let edits = 0;
    for (const step of s.alignment.steps) if (step.op !== 'match' && step.op !== 'skip') edits++;
    return edits === 1;
  }

  function verified(s: Scored): Judgement {
    const cited = s.run.covered(s.alignment);
    if (s.alignment.cost === 0) return { ...base, verdict: 'verified', severity: 'none', statementId: cited[0], otherStatementIds: cited.slice(1) };
    return altered(s, 'verified');
  }

  /**
   * An alteration of a short quote stands when its match carries the evidence its rewording asks
   * (`REWORDED_BITS`); else the quote is missing, the statement beside it as information.
   */
  function evidenced(j: Judgement, s: Scored): Judgement {
    if (j.verdict !== 'altered' || j.severity !== 'error' || s.alignment.quoteWords > SHORT_ALTERED_WORDS || worstKind === 'negation' || worstKind === 'number') return j;
    // Words of the quote that do not stand in the source: source words dropped (a writer's cut) or moved are no rewording.
    const reworded = (s.alignment.quoteWords - s.alignment.matched) / Math.max(1, s.alignment.quoteWords) >= REWORDED_SHARE;
    return !reworded || s.bits >= REWORDED_BITS ? j : { ...missing(), closestId: s.run.first };
  }

  function altered(s: Scored, verdict: 'altered' | 'misattributed' | 'verified'): Judgement {
    const described = describeChanges(s.alignment, quote, quoteText, s.run.tokens(), s.run.text());
    worstKind = described.worst;
    const cited = s.run.covered(s.alignment);
    const where = { statementId: cited[0], otherStatementIds: cited.slice(1), changes: described.changes, changeSummary: described.summary };
    if (verdict === 'misattributed') return { ...base, ...where, verdict, severity: 'error', realSpeakerId: corpus.speakerOf(s.run.first) };
    // Only a speaker's repeated word, false start or filler left out: their remark, with a hint.
    if (described.severity === 'hint') return { ...base, ...where, verdict: 'verified', severity: 'hint' };
    return { ...base, ...where, verdict: 'altered', severity: described.severity === 'none' ? 'warning' : described.severity };
  }
}

/** Links, and the white space and punctuation between them, to the end of a text. */
const TRAILING_LINKS = /^[\p{P}\s]*(?:https?:\/\/\S+[\p{P}\s]*)+$/u;

/** Words with which a statement's speaker reports someone else's words. */
const isReportingWord = (w: string) => w === 'said' || w === 'says' || w === 'quote' || w === 'wrote' || w === 'tweeted';

/** A quote's tokens as the corpus's word ids: `MARK` for an ellipsis or bracket, `SPLIT` between fragments (what alignment reads). */
export function quoteWordIds(corpus: Corpus, quote: Token[]): Int32Array {
  return Int32Array.from(quote, (t) => (t.split ? SPLIT : t.gap || t.bracket ? MARK : corpus.wordId(t.norm)));
}

/** Where `part` stands word for word in `words`, from `from` on; -1 when it does not. */
function indexOfRun(words: ArrayLike<number>, part: Int32Array, from = 0): number {
  outer: for (let j = from; j + part.length <= words.length; j++) {
    for (let k = 0; k < part.length; k++) if (words[j + k] !== part[k]) continue outer;
    return j;
  }
  return -1;
}

/**
 * A quote made of two runs of a statement, each word for word, with words between them left
 * out or the two in the other order: as an alignment (matches and deletions for a drop; the
 * source's words in their order against the quote's, as replacements, for a move), for
 * `describeChanges`. Null when the quote is not so made (or holds an editing mark).
 */
function twoPieces(words: Uint32Array, quote: Int32Array): Alignment | null {
  const m = quote.length;
  if (m < 2 * PIECE_WORDS || quote.some((id) => id < 0)) return null;
  for (let cut = m - PIECE_WORDS; cut >= PIECE_WORDS; cut--) {
    const front = quote.subarray(0, cut);
    const back = quote.subarray(cut);
    const a = indexOfRun(words, front);
    if (a < 0) continue;
    const b = indexOfRun(words, back, a + front.length);
    if (b > a + front.length) {
      const steps: AlignStep[] = [];
      for (let k = 0; k < front.length; k++) steps.push({ op: 'match', q: k, s: a + k });
      for (let j = a + front.length; j < b; j++) steps.push({ op: 'delete', s: j });
      for (let k = 0; k < back.length; k++) steps.push({ op: 'match', q: cut + k, s: b + k });
      return { cost: (b - a - front.length) * 4, steps, sourceStart: a, sourceEnd: b + back.length, matched: m, quoteWords: m, exactPrefix: cut };
    }
    const before = indexOfRun(words, back);
    if (before >= 0 && before + back.length === a) {
      // The back stands right before the front in the source: read the quote's words against the source's in order.
      const steps: AlignStep[] = [];
      for (let k = 0; k < m; k++) steps.push({ op: 'replace', q: k, s: before + k });
      return { cost: m * 5, steps, sourceStart: before, sourceEnd: a + front.length, matched: m, quoteWords: m, exactPrefix: cut };
    }
  }
  return null;
}

/** Whether the draft's context names a speaker: their surname (or an organisation's last word) among its words. */
function namesSpeaker(corpus: Corpus, context: Token[], speakerId: number): boolean {
  const name = corpus.speakers.speaker(corpus.speakers.canonical(speakerId)).name;
  const last = name.toLowerCase().split(/\s+/).pop() ?? '';
  return last.length > 1 && context.some((t) => t.norm === last || t.norm === `${last}'s`);
}

/** Words of a draft that name a debate, and that name an occasion no debate is. */
const DEBATE_WORDS = new Set(['debate', 'debates', 'debated', 'debating', 'moderator', 'moderators', 'podium', 'onstage']);
const NOT_A_DEBATE = new Set([
  'rally',
  'rallies',
  'interview',
  'interviews',
  'interviewed',
  'speech',
  'speeches',
  'email',
  'emailed',
  'tweet',
  'tweets',
  'tweeted',
  'twitter',
  'wrote',
  'writes',
  'crowd',
  'crowds',
  'reporters',
  'fundraiser',
  'radio',
  'podcast',
  'memo',
  'letter',
]);
const TWEET_WORDS = new Set(['tweet', 'tweets', 'tweeted', 'twitter', 'wrote', 'posted', 'post', 'retweeted']);
const NOT_A_TWEET = new Set(['rally', 'rallies', 'interview', 'interviews', 'interviewed', 'speech', 'speeches', 'crowd', 'crowds', 'reporters', 'debate', 'debates', 'radio', 'stage']);

/**
 * Whether the draft's words around a quote place it at an occasion of another kind than the
 * statement's, read from the statement's title (a record's own, else its document's): a debate
 * ("… debate, …", "town hall") against "at a rally", "in an interview", "in an email", "told
 * reporters"; a tweet against a rally, a speech, a debate. A draft that names the statement's
 * kind too ("at the debate") is not read as another occasion.
 */
function saidElsewhere(corpus: Corpus, id: number, context: Token[]): boolean {
  const doc = corpus.document(corpus.statement(id).documentId);
  const n = doc.records ? corpus.indexInDocument(id) : -1;
  const title = ((n >= 0 && doc.records!.title[n]) || doc.title || '').toLowerCase();
  const words = new Set(context.map((t) => t.norm));
  const any = (set: Set<string>) => [...set].some((w) => words.has(w));
  if (/\bdebate\b|\btown hall\b/.test(title)) return any(NOT_A_DEBATE) && !any(DEBATE_WORDS);
  if (/\btweet\b|\btwitter\b/.test(title)) return any(NOT_A_TWEET) && !any(TWEET_WORDS);
  return false;
}

/** Of several statements that hold a quote, the one the draft's context supports most (the first on a tie). */
function chooseByContext(list: Scored[], contextBits: (s: Scored) => number): Scored | null {
  let best: Scored | null = null;
  let bestBits = -Infinity;
  for (const s of list) {
    const bits = contextBits(s);
    if (bits > bestBits) {
      best = s;
      bestBits = bits;
    }
  }
  return best;
}

const expansionPairsMemo = new WeakMap<Corpus, { generation: number; pairs: Set<number> }>();

/** `expansionPairs`, worked out again only when the corpus changed (a new file may bring those words). */
function expansionPairsOf(corpus: Corpus): Set<number> {
  let memo = expansionPairsMemo.get(corpus);
  if (!memo || memo.generation !== corpus.generation) {
    memo = { generation: corpus.generation, pairs: expansionPairs(corpus) };
    expansionPairsMemo.set(corpus, memo);
  }
  return memo.pairs;
}

/** Word-id pairs a contraction expands to ("will not" for "won't"), as `first * 2^32 + second`. */
function expansionPairs(corpus: Corpus): Set<number> {
  const pairs = new Set<number>();
  for (const expanded of Object.values(CONTRACTIONS)) {
    const [first, second] = expanded.split(' ').map((w) => corpus.wordId(w));
    if (first >= 0 && second >= 0) pairs.add(first * 2 ** 32 + second);
  }
  return pairs;
}

/**
 * Contraction swaps of a word-for-word match. Contractions are not in the word ids ("won't"
 * and "will not" are both will, not), so the statement is tokenized to count them, unless
 * none of its matched words stands in a pair a contraction expands to: then none of them was
 * written contracted, and the swaps are the quote's contracted words.
 */
function swapsOf(s: Scored, quote: Token[], pairs: Set<number>): number {
  const words = s.run.words;
  const inPair = (j: number) => (j > 0 && pairs.has(words[j - 1] * 2 ** 32 + words[j])) || (j + 1 < words.length && pairs.has(words[j] * 2 ** 32 + words[j + 1]));
  let quoteContracted = 0;
  for (const step of s.alignment.steps) {
    if (step.op !== 'match') continue;
    if (inPair(step.s)) return contractionSwaps(s.alignment, quote, s.run.tokens());
    if (quote[step.q].contracted !== undefined) quoteContracted++;
  }
  return quoteContracted;
}

/** A partial quote that starts right after "not" says the opposite of its source. */
function negationBefore(corpus: Corpus, s: Scored): string | null {
  const at = s.alignment.sourceStart - 1;
  const words = s.run.words;
  if (at < 0 || at >= words.length || !isNegation(corpus.wordOf(words[at]))) return null;
  const before = s.run.tokens()[at];
  return s.run.text().slice(before.start, before.end);
}

/**
 * A quote whose front matches one statement exactly and whose back matches another: two
 * fragments joined without an ellipsis. Each fragment must be evidence on its own (enough
 * distinctive words), and two turns of one answer are one remark, not a stitch.
 */
function findStitch(
  corpus: Corpus,
  quote: Int32Array,
  weights: MatchWeights,
  scored: Scored[],
  isNegationId: (id: number) => boolean,
  ownId: (id: number) => boolean,
): { first: number; second: number } | null {
  const m = quote.length;
  if (m < 2 * FRAGMENT_WORDS) return null;
  const reversed = quote.slice().reverse();
  const strong = (from: number, to: number, id: number) =>
    ownId(id) ? to - from >= FRAGMENT_WORDS && weights.span(from, to) >= OWN_FRAGMENT_BITS : to - from >= OTHER_FRAGMENT_WORDS && weights.span(from, to) >= OTHER_FRAGMENT_BITS;
  let best: { first: number; second: number; total: number } | null = null;
  const prefixes = scored.filter((s) => s.run.ids.length === 1 && strong(0, s.alignment.exactPrefix, s.run.first));
  if (prefixes.length === 0) return null;
  for (const b of scored) {
    if (b.run.ids.length !== 1) continue;
    const suffix = alignQuote(reversed, b.run.words.slice().reverse(), isNegationId).exactPrefix;
    if (!strong(m - suffix, m, b.run.first)) continue;
    for (const a of prefixes) {
      if (a.run.first === b.run.first) continue;
      // A quote running on from the end of one turn into the start of the speaker's next is one
      // remark (an interruption between them), not a stitch.
      const across =
        a.alignment.sourceEnd === a.run.words.length &&
        corpus.sameSpeakerNeighbour(a.run.first, 1) === b.run.first &&
        suffix === m - a.alignment.exactPrefix &&
        b.run.words.slice(0, suffix).every((w, k) => w === quote[a.alignment.exactPrefix + k]);
      if (across) continue;
      if (weights.span(0, a.alignment.exactPrefix) + weights.span(m - suffix, m) < ALTER_BITS) continue;
      const total = a.alignment.exactPrefix + suffix;
      if (total >= m && (!best || total > best.total)) best = { first: a.run.first, second: b.run.first, total };
    }
  }
  return best && { first: best.first, second: best.second };
}
