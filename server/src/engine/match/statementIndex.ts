import type { Token } from '../text/tokenize';

/**
 * What the index reads statements from: the corpus keeps every statement's word ids in one
 * `Uint32Array` (`words`), statement `id`'s from `wordStart(id)` to `wordStart(id + 1)`.
 */
export interface WordSource {
  /** Statement ids handed out so far (live or removed). */
  readonly count: number;
  readonly words: Uint32Array;
  wordStart(id: number): number;
  isLive(id: number): boolean;
  /** 1 for a live statement id, 0 for a removed one (what `isLive` reads). */
  readonly live: Uint32Array;
  /** Word id of a matching key, -1 when no statement has that word. */
  lookup(norm: string): number;
}

/** The arrays of a built index: what the cache saves and loads. */
export interface IndexArrays {
  /** Statements [0, built) are in the arrays; later ones are pending. */
  built: number;
  /** Pair keys hash into this many buckets (a power of two). */
  buckets: number;
  /** Word id w's statements: `wordIds[wordOffsets[w] .. wordOffsets[w + 1])`, ascending. */
  wordOffsets: Uint32Array;
  wordIds: Uint32Array;
  /** Pair bucket b's statements: `pairIds[pairOffsets[b] .. pairOffsets[b + 1])`. */
  pairOffsets: Uint32Array;
  pairIds: Uint32Array;
}

/** Posting lists longer than this are too common to rank by ("of the", "we are"). */
const COMMON = 20000;
/** Posting lists this short identify a phrase well; with enough of them the longer ones are not read. */
const RARE = 2000;
/** Pending statements (added after the build) are indexed in small maps until there are this many. */
const PENDING_LIMIT = 50000;

function pairKey(a: number, b: number, mask: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & mask;
}

function bucketsFor(words: number): number {
  let b = 1 << 12;
  while (b < words / 2 && b < 1 << 22) b <<= 1;
  return b;
}

/**
 * Finds the statements worth aligning a quote against: an inverted index from word pairs
 * (and, for one-word quotes, words) to statement ids, ranked by how many of the quote's pairs
 * each statement shares, rare pairs weighing more. No quote is compared with every statement.
 *
 * Compact: words are integer ids, a pair is a hash bucket of its two ids (a collision only
 * adds a candidate that alignment then rejects), and the posting lists are two flat
 * `Uint32Array`s with offsets (CSR), built in two passes over the corpus's word ids.
 * Statements added after the build sit in small maps until enough of them (or of removed
 * statements) make a rebuild worth it; removed statements are skipped when read.
 */
export class StatementIndex {
  private arrays: IndexArrays | null = null;
  private pendingFrom = 0;
  private pendingUpTo = 0;
  private readonly pendingWords = new Map<number, number[]>();
  private readonly pendingPairs = new Map<number, number[]>();
  private removedSinceBuild = 0;
  /** Per word id, the statements removed since the build that hold it: taken off `statementsWith`'s count. */
  private readonly removedWords = new Map<number, number>();
  private scores = new Float64Array(0);

  constructor(private readonly source: WordSource) {}

  /** The built arrays (building them if statements are pending), for the cache. */
  built(): IndexArrays {
    if (!this.arrays || this.arrays.built < this.source.count || this.removedSinceBuild > 0) this.build();
    return this.arrays!;
  }

  /** Uses arrays loaded from the cache. */
  adopt(arrays: IndexArrays): void {
    this.arrays = arrays;
    this.resetPending(arrays.built);
  }

  /**
   * Called when live statement `id` is removed: its postings are skipped from now on, and its
   * words no longer count in `statementsWith` (a file rewritten forty times would otherwise make
   * its words look forty times as common, and weigh a quote of them as weaker evidence than a
   * fresh read of the same sources does).
   */
  removed(id: number): void {
    this.removedSinceBuild++;
    const src = this.source;
    const seen = new Set<number>();
    for (let i = src.wordStart(id), end = src.wordStart(id + 1); i < end; i++) {
      const w = src.words[i];
      if (seen.has(w)) continue;
      seen.add(w);
      this.removedWords.set(w, (this.removedWords.get(w) ?? 0) + 1);
    }
  }

  private resetPending(from: number): void {
    this.removedWords.clear();
    this.pendingFrom = from;
    this.pendingUpTo = from;
    this.pendingWords.clear();
    this.pendingPairs.clear();
  }

  /** Builds the arrays over every live statement. */
  build(): void {
    const src = this.source;
    const n = src.count;
    const words = src.words;
    let vocab = 0;
    for (let i = 0, end = src.wordStart(n); i < end; i++) if (words[i] >= vocab) vocab = words[i] + 1;
    const buckets = bucketsFor(src.wordStart(n));
    const mask = buckets - 1;
    const wordCounts = new Uint32Array(vocab + 1);
    const pairCounts = new Uint32Array(buckets + 1);
    const wordSeen = new Int32Array(vocab).fill(-1);
    const pairSeen = new Int32Array(buckets).fill(-1);
    // Two passes over the word ids: count each key's statements, then fill the lists from their
    // ends, statements in reverse, so the counts become the lists' starts in place (no copy of
    // them, at the peak of a cold index) and each list is still in ascending order.
    // (Written out, without callbacks: this loop runs over every word of the corpus twice.)
    let wordIds = new Uint32Array(0);
    let pairIds = new Uint32Array(0);
    for (let pass = 0; pass < 2; pass++) {
      const fill = pass === 1;
      for (let k = 0; k < n; k++) {
        const id = fill ? n - 1 - k : k;
        if (!src.isLive(id)) continue;
        const s = src.wordStart(id);
        const e = src.wordStart(id + 1);
        for (let i = s; i < e; i++) {
          const w = words[i];
          if (wordSeen[w] !== id) {
            wordSeen[w] = id;
            if (fill) wordIds[--wordCounts[w]] = id;
            else wordCounts[w]++;
          }
          if (i + 1 < e) {
            const b = pairKey(w, words[i + 1], mask);
            if (pairSeen[b] !== id) {
              pairSeen[b] = id;
              if (fill) pairIds[--pairCounts[b]] = id;
              else pairCounts[b]++;
            }
          }
        }
      }
      if (!fill) {
        // Each key's count becomes the end of its list (the last entry, never counted, the total).
        const toEnds = (counts: Uint32Array) => {
          let sum = 0;
          for (let k = 0; k < counts.length; k++) counts[k] = sum += counts[k];
          return sum;
        };
        wordIds = new Uint32Array(toEnds(wordCounts));
        pairIds = new Uint32Array(toEnds(pairCounts));
        wordSeen.fill(-1);
        pairSeen.fill(-1);
      }
    }
    this.arrays = { built: n, buckets, wordOffsets: wordCounts, wordIds, pairOffsets: pairCounts, pairIds };
    this.removedSinceBuild = 0;
    this.resetPending(n);
  }

  /** Indexes statements added since the build into the pending maps (or rebuilds when there are many). */
  private catchUp(): void {
    const src = this.source;
    const a = this.arrays;
    if (!a || src.count - a.built > PENDING_LIMIT || this.removedSinceBuild > Math.max(PENDING_LIMIT, a.built / 4)) {
      this.build();
      return;
    }
    const mask = a.buckets - 1;
    for (let id = this.pendingUpTo; id < src.count; id++) {
      const s = src.wordStart(id);
      const e = src.wordStart(id + 1);
      const seenW = new Set<number>();
      const seenP = new Set<number>();
      for (let i = s; i < e; i++) {
        const w = src.words[i];
        if (!seenW.has(w)) {
          seenW.add(w);
          push(this.pendingWords, w, id);
        }
        if (i + 1 < e) {
          const b = pairKey(w, src.words[i + 1], mask);
          if (!seenP.has(b)) {
            seenP.add(b);
            push(this.pendingPairs, b, id);
          }
        }
      }
    }
    this.pendingUpTo = src.count;
  }

  /**
   * How many live statements hold word `w`: what makes a word distinctive (few) or common
   * (many) when weighing a match. The same as a fresh read of the same sources gives.
   */
  statementsWith(w: number): number {
    this.catchUp();
    const a = this.arrays!;
    const base = w >= 0 && w + 1 < a.wordOffsets.length ? a.wordOffsets[w + 1] - a.wordOffsets[w] : 0;
    return base + (this.pendingWords.get(w)?.length ?? 0) - (this.removedWords.get(w) ?? 0);
  }

  /** The `limit` best-ranked live statements for a quote, best first (ties: lower id first). */
  candidates(quote: Token[], limit = 24): number[] {
    return this.rank(quote, limit).top;
  }

  /**
   * `candidates`, and with `wide` also the first `wide.limit` statements that `wide.keep`
   * accepts among those ranked after the top `limit` and within the best `wide.within` (the
   * named speaker's own, in a wider net). Only the statements returned are sorted, not the
   * whole wide net.
   */
  rank(quote: Token[], limit: number, wide?: { within: number; limit: number; keep: (id: number) => boolean }): { top: number[]; kept: number[] } {
    this.catchUp();
    const src = this.source;
    const lists = this.postingLists(quote);
    if (lists.length === 0) return { top: [], kept: [] };
    let usable = lists.filter((l) => l.length <= COMMON);
    if (usable.length === 0) usable = [lists.reduce((x, y) => (y.length < x.length ? y : x))];
    // With three or more rare keys to rank by, common ones add only noise (and most of the time).
    if (usable.filter((l) => l.length <= RARE).length >= 3) usable = usable.filter((l) => l.length <= RARE);

    if (this.scores.length < src.count) this.scores = new Float64Array(Math.max(src.count, Math.ceil(this.scores.length * 1.5)));
    const scores = this.scores;
    const touched: number[] = [];
    for (const l of usable) {
      const weight = 1 / Math.log2(2 + l.length);
      addScores(l.base, weight, scores, touched);
      if (l.pending) addScores(l.pending, weight, scores, touched);
    }
    const byRank = (x: number, y: number) => scores[y] - scores[x] || x - y;
    const net = best(touched, scores, Math.max(limit, wide?.within ?? 0), src.live);
    const top = best(net, scores, limit, null).sort(byRank);
    let kept: number[] = [];
    if (wide) {
      const inTop = new Set(top);
      kept = net
        .filter((id) => wide.keep(id) && !inTop.has(id))
        .sort(byRank)
        .slice(0, wide.limit);
    }
    for (const id of touched) scores[id] = 0;
    return { top, kept };
  }

  /** The quote's keys' posting lists: word pairs inside each run between editing marks; a one-word run is its word. */
  private postingLists(quote: Token[]): PostingList[] {
    const a = this.arrays!;
    const mask = a.buckets - 1;
    const lists: PostingList[] = [];
    const add = (base: Uint32Array, pending: number[] | undefined) => {
      const length = base.length + (pending?.length ?? 0);
      if (length > 0) lists.push({ base, pending, length });
    };
    let run: number[] = [];
    const flush = () => {
      if (run.length === 1 && run[0] >= 0) {
        const w = run[0];
        const inBase = w + 1 < a.wordOffsets.length;
        add(inBase ? a.wordIds.subarray(a.wordOffsets[w], a.wordOffsets[w + 1]) : new Uint32Array(0), this.pendingWords.get(w));
      }
      for (let i = 0; i + 1 < run.length; i++) {
        if (run[i] < 0 || run[i + 1] < 0) continue;
        const b = pairKey(run[i], run[i + 1], mask);
        add(a.pairIds.subarray(a.pairOffsets[b], a.pairOffsets[b + 1]), this.pendingPairs.get(b));
      }
      run = [];
    };
    for (const t of quote) {
      if (t.gap || t.bracket) flush();
      else run.push(this.source.lookup(t.norm));
    }
    flush();
    return lists;
  }
}

interface PostingList {
  /** From the built arrays. */
  base: Uint32Array;
  /** Statements added since the build. */
  pending: number[] | undefined;
  length: number;
}

/**
 * Adds `weight` to the score of every statement in `ids`, noting the ones first scored. Kept
 * small and on its own: it is the hottest loop of a lookup and gets optimized early.
 */
function addScores(ids: ArrayLike<number>, weight: number, scores: Float64Array, touched: number[]): void {
  for (let k = 0, n = ids.length; k < n; k++) {
    const id = ids[k];
    if (scores[id] === 0) touched.push(id);
    scores[id] += weight;
  }
}

/**
 * Exactly the `k` best live ids by score (ties: lower id first), in no order; all live ids
 * when there are fewer (`liveFlags` null: every id is live). By selection, without sorting them all.
 */
function best(ids: number[], scores: Float64Array, k: number, liveFlags: Uint32Array | null): number[] {
  let pool = ids;
  if (ids.length > k) {
    const threshold = kthLargestScore(ids, scores, k);
    pool = ids.filter((id) => scores[id] >= threshold);
  }
  let live = liveFlags ? onlyLive(pool, liveFlags) : pool;
  // Removed statements were among the best: the whole list then.
  if (live.length < k && pool !== ids) live = liveFlags ? onlyLive(ids, liveFlags) : ids;
  if (live.length <= k) return live;
  // Ties at the k-th score: the lower ids are in.
  const cut = kthLargestScore(live, scores, k);
  const above = live.filter((id) => scores[id] > cut);
  const tied = live.filter((id) => scores[id] === cut).sort((x, y) => x - y);
  return above.concat(tied.slice(0, k - above.length));
}

function onlyLive(ids: number[], live: Uint32Array): number[] {
  const out: number[] = [];
  for (const id of ids) if (live[id] === 1) out.push(id);
  return out;
}

function kthLargestScore(ids: number[], scores: Float64Array, k: number): number {
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = scores[ids[i]];
  return kthLargest(values, k);
}

/** The k-th largest value (1-based) of `a` (reordered), by quickselect. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

function push(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
